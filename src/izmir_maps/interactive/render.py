"""Render a :class:`~izmir_maps.spec.map_spec.MapSpec` as a self-contained, offline Leaflet map.

The page needs nothing from the network: Leaflet 1.9.3 (from the PyPI package
``xstatic-leaflet``) and the page's own script and stylesheet are inlined, or
referenced as relative files written once by :func:`write_shared_assets`; the geometry travels as shared arcs in polyline
strings (:mod:`izmir_maps.interactive._geometry`); legends, tooltips and popups are
plain HTML built with ``textContent``. A Content-Security-Policy that allows
only the page's own scripts (by hash) backs this up: even a name such as
``<img src=x onerror=alert(1)>`` in the data can neither load nor run
anything. Two renders of the same spec give the same bytes.

A tile basemap is an option (``tiles="osm"``), never the default; it is the
only thing such a page loads from the network.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from izmir_maps._checks import check_bool, check_path, check_type
from izmir_maps.errors import OptionError
from izmir_maps.interactive._assets import (
    SHARED_CSS,
    SHARED_JS,
    SVG_DEFS,
    Assets,
    check_assets,
    csp,
    leaflet_css,
    leaflet_js,
    leaflet_tags,
    own_tags,
    page_css_min,
    page_js_min,
    script_json,
)
from izmir_maps.interactive._legend import with_downloads
from izmir_maps.interactive._payload import Payload, build_payload, navigation, pack
from izmir_maps.spec.describe import describe_map
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.text.words import text
from izmir_maps.write import write_text

__all__ = [
    "TILE_PROVIDERS",
    "AtlasLinks",
    "InteractiveMap",
    "render_html",
    "write_html",
    "write_shared_assets",
]

#: Tile basemaps for ``tiles=`` / ``--tiles``: name → (URL template, attribution).
TILE_PROVIDERS: dict[str, tuple[str, str]] = {
    "osm": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "© OpenStreetMap contributors",
    ),
    "carto-light": (
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        "© OpenStreetMap contributors © CARTO",
    ),
}


@dataclass(frozen=True)
class InteractiveMap:
    """A rendered HTML map: save it, or let Jupyter / Quarto show it inline.

    Attributes
    ----------
    html
        The whole page (UTF-8 text).
    slug
        File name stem of the map, e.g. ``"employees"``.
    """

    html: str
    slug: str = "map"
    spec: MapSpec | None = field(default=None, repr=False, compare=False)

    def to_folium(self, **options: object) -> object:
        """The same map as a ``folium.Map``; see :func:`izmir_maps.folium_map.spec_to_folium`."""
        from izmir_maps.folium_map import spec_to_folium  # folium loads only when asked for

        return spec_to_folium(self._spec(), **options)

    def to_static(self, **options: object) -> object:
        """The print map of the same spec; see :func:`izmir_maps.static.render.render_static`."""
        from izmir_maps.static.render import render_static

        return render_static(self._spec(), **options)

    def _spec(self) -> MapSpec:
        if self.spec is None:
            msg = "This map was made from HTML alone; render it with render_html(spec)."
            raise OptionError(msg)
        return self.spec

    @property
    def nbytes(self) -> int:
        """Size of the page in bytes (UTF-8)."""
        return len(self.html.encode("utf-8"))

    def save(self, path: Path | str) -> Path:
        """Write the page to ``path`` atomically and return the path."""
        return write_text(Path(path), self.html)

    def _repr_html_(self) -> str:
        """The page in an ``<iframe srcdoc>``: 100 % wide, 520 px high."""
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
            'style="width:100%;height:520px;border:0" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            f'title="{html.escape(self.slug)}"></iframe>'
        )


@dataclass(frozen=True)
class AtlasLinks:
    """Where a map of the atlas links to, relative to the map page.

    Attributes
    ----------
    home
        The atlas home page, shown on the map as a link back (``None``: no link).
    profiles
        Folder of the district profiles: each district's popup links to
        ``{profiles}<slug>.html`` (``None``: no links).

    Raises
    ------
    OptionError
        If a link is not relative (it has a scheme, or starts with ``/``).

    Examples
    --------
    >>> AtlasLinks(home="../index.html", profiles="../districts/").profiles
    '../districts/'
    """

    home: str | None = "../index.html"
    profiles: str | None = "../districts/"

    def __post_init__(self) -> None:
        _check_link("home", self.home)
        _check_link("profiles", self.profiles)


def render_html(
    spec: MapSpec,
    *,
    tiles: str | None = None,
    assets: Assets = "inline",
    asset_prefix: str = "../assets/",
    labels: bool = True,
    downloads: Mapping[str, str] | None = None,
    atlas: AtlasLinks | None = None,
) -> InteractiveMap:
    """Draw ``spec`` as an interactive HTML page.

    Every page has a district search box, an "İzmir merkez" button (on maps of
    İzmir), a full-screen button and an address that keeps the chosen district
    and the view: ``#bornova`` opens the map on Bornova, ``#bornova/10.5/38.42/27.14``
    also at zoom 10.5 centred on 38.42° N 27.14° E, ``#/10.5/38.42/27.14`` only the view.

    Parameters
    ----------
    spec
        The map (a choropleth, the OSB or wind marker map, or the combined map).
    tiles
        Name of a tile basemap in :data:`TILE_PROVIDERS`; ``None`` (default)
        draws no tiles and loads nothing from the network.
    assets
        ``"inline"`` puts Leaflet and the page's script and stylesheet into
        the page (one self-contained file); ``"shared"`` refers to
        ``{asset_prefix}leaflet.js``, ``leaflet.css``, ``map.min.js`` and
        ``map.min.css`` (see :func:`write_shared_assets`).
    asset_prefix
        Relative folder of the shared assets, ending in ``/``.
    labels
        Show district names at start (they can still be switched on).
    downloads
        Format → relative path of the map's data files (see
        :func:`izmir_maps.downloads.download_links`), linked from the legend;
        ``None`` (default) links none: only pass the paths of files written.
    atlas
        Links of a map that is part of the atlas: to its home page and to the
        district profiles (see :class:`AtlasLinks`); ``None`` (default) for a
        map on its own.

    Returns
    -------
    InteractiveMap
        The page; ``.save(path)`` writes it.

    Raises
    ------
    OptionError
        For an unknown tile provider or ``assets`` value, an argument of the
        wrong type (``spec`` not a :class:`MapSpec`, ``labels`` not a bool,
        ``atlas`` not :class:`AtlasLinks`).

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import choropleth_spec
    >>> page = render_html(choropleth_spec("employees"))
    >>> page.html.startswith("<!DOCTYPE html>"), "27.225" in page.html
    (True, True)
    """
    check_page_args(spec, assets=assets, asset_prefix=asset_prefix)
    check_type("tiles", tiles, (str, type(None)), "a tile provider name or None")
    check_bool("labels", labels)
    check_type("atlas", atlas, (AtlasLinks, type(None)), "AtlasLinks or None")
    tile = _tile(tiles)
    check_assets(assets, asset_prefix)
    payload = build_payload(spec, tiles=tile is not None, labels=labels)
    links = atlas or AtlasLinks(home=None, profiles=None)  # a map on its own links nowhere
    payload.data["nav"] = navigation(spec, home=links.home, profiles=links.profiles)
    payload.legend = with_downloads(payload.legend, downloads, spec.lang)
    if tile is not None:
        payload.data["tiles"] = {"url": tile[0], "attr": html.escape(tile[1])}
    # hundreds of districts (the national map) go by column, the table's rows made by map.js
    payload.data, payload.table = pack(payload.data, payload.table, spec.lang)
    page = _page(spec, payload, assets=assets, asset_prefix=asset_prefix, tiles=tile is not None)
    return InteractiveMap(page, spec.slug, spec)


def write_html(
    spec: MapSpec,
    path: Path,
    *,
    tiles: str | None = None,
    assets: Assets = "inline",
    asset_prefix: str = "../assets/",
    labels: bool = True,
    downloads: Mapping[str, str] | None = None,
    atlas: AtlasLinks | None = None,
) -> Path:
    """Render ``spec`` (see :func:`render_html`) and write it to ``path`` atomically.

    Parameters
    ----------
    spec
        The map.
    path
        Output file (``.html``); its folder is created if needed.
    tiles, assets, asset_prefix, labels, downloads, atlas
        As for :func:`render_html`.

    Returns
    -------
    pathlib.Path
        ``path``; its size in bytes is ``path.stat().st_size``.
    """
    check_path("path", path)
    page = render_html(
        spec,
        tiles=tiles,
        assets=assets,
        asset_prefix=asset_prefix,
        labels=labels,
        downloads=downloads,
        atlas=atlas,
    )
    return page.save(path)


def check_page_args(*specs: object, assets: object, asset_prefix: object) -> None:
    """Refuse a spec that is not a :class:`MapSpec`, or assets arguments that are not text."""
    for spec in specs:
        check_type("spec", spec, MapSpec, "a MapSpec (see choropleth_spec)")
    check_type("assets", assets, str, "'inline' or 'shared'")
    check_type("asset_prefix", asset_prefix, str, "a relative folder such as '../assets/'")


def write_shared_assets(folder: Path) -> list[Path]:
    """Write what ``assets="shared"`` maps refer to into ``folder``, once for all of them.

    Leaflet (``leaflet.js``, ``leaflet.css``) and the map page's own script and
    stylesheet, minified (``map.min.js``, ``map.min.css``). Leaflet's
    stylesheet carries its images as ``data:`` URIs, so the folder needs
    nothing else. Maps in a sibling folder refer to it with the default
    ``asset_prefix="../assets/"``.

    Parameters
    ----------
    folder
        Output folder, created if needed.

    Returns
    -------
    list of pathlib.Path
        The four files written.
    """
    folder = Path(folder)
    return [
        write_text(folder / "leaflet.js", leaflet_js()),
        write_text(folder / "leaflet.css", leaflet_css()),
        write_text(folder / SHARED_JS, page_js_min()),
        write_text(folder / SHARED_CSS, page_css_min()),
    ]


def _page(
    spec: MapSpec, payload: Payload, *, assets: Assets, asset_prefix: str, tiles: bool
) -> str:
    """The whole HTML document: head (CSP, title, styles), boxes, data, scripts."""
    own_scripts, own_head, own_body = own_tags(assets, asset_prefix)
    leaflet_scripts, head_assets, body_assets = leaflet_tags(assets, asset_prefix)
    inline_scripts = leaflet_scripts + own_scripts
    policy = csp(inline_scripts, shared=assets == "shared", tiles=tiles)
    title = html.escape(spec.title)
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(spec.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{title}</title>",
        head_assets,
        own_head,
        "</head>",
        "<body>",
        # the map in words for screen readers, inside the map's landmark so it is read with it
        f'<div id="izm-map" role="region" aria-label="{title}" aria-describedby="izm-desc">'
        f'<p id="izm-desc" class="izm-sr">{html.escape(describe_map(spec), quote=False)}</p></div>',
        # shown until map.js finds Leaflet: a page copied without the atlas's assets/ says why
        f'<p class="izm-missing">{html.escape(text("nav_missing", spec.lang))}</p>'
        if assets == "shared"
        else "",
        SVG_DEFS if spec.wind_proposed or spec.caveats.hatched else "",  # hatch patterns
        payload.legend,
        payload.notes,
        payload.table,  # the values as a table, shown by the map's table switch
        f'<script type="application/json" id="izm-data">{script_json(payload.data)}</script>',
        body_assets,
        own_body,
        "</body>",
        "</html>",
    ]
    return "\n".join(line for line in lines if line) + "\n"


def _check_link(name: str, value: object) -> None:
    """Refuse a link that is not relative text (or ``None``): no scheme, no absolute path."""
    check_type(name, value, (str, type(None)), "a relative link such as '../index.html'")
    if isinstance(value, str) and (not value or value.startswith(("/", "\\")) or ":" in value):
        msg = f"{name} must be a relative link such as '../index.html', not {value!r}."
        raise OptionError(msg)


def _tile(name: str | None) -> tuple[str, str] | None:
    if name is None:
        return None
    if name not in TILE_PROVIDERS:
        msg = f"Unknown tile provider {name!r}; choose one of {', '.join(sorted(TILE_PROVIDERS))}."
        raise OptionError(msg)
    return TILE_PROVIDERS[name]
