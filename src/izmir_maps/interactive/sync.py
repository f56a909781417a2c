"""Two interactive maps side by side that pan and zoom together, in one offline page.

Each half is the ordinary HTML map of :mod:`izmir_maps.interactive.render` — same
payload, legend, tooltips, popups and layer switch — drawn by the same page
script. That script looks its elements up by fixed ids (``izm-map``,
``izm-data``, ``izm-legend``, ``izm-notes``) and publishes
``window.izmirMap``; here it runs twice, each time with a ``document`` and a
``window`` that map those names to one half (``izm-map-l`` / ``izm-map-r`` …).
Moving or zooming one map sets the other to the same centre and zoom.

The tools of a single map (the district search, "İzmir merkez", full screen,
the home link and the address ``#<district>/<zoom>/<lat>/<lng>``) are map.js's
own: the left half carries the ``nav`` entry, so map.js draws them once, on the
left map, and the right map follows every move they make.

Data that both halves share (the district arcs, the neighbouring provinces,
the styles) travels once. The page obeys the rules of every map: no request
leaves it, a Content-Security-Policy allows only its own scripts, every text
from data is escaped, and two renders give the same bytes. The maps are
``window.izmirSync.left`` and ``.right`` (each like ``window.izmirMap``).
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from typing import Any

from izmir_maps._checks import check_text, check_type
from izmir_maps.interactive._assets import (
    SVG_DEFS,
    Assets,
    check_assets,
    csp,
    fill,
    leaflet_tags,
    page_css,
    page_js,
    script_json,
)
from izmir_maps.interactive._payload import Payload, build_payload, navigation
from izmir_maps.interactive.render import AtlasLinks, InteractiveMap, check_page_args
from izmir_maps.spec.describe import describe_map
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.text.words import text

__all__ = ["SCOPED_IDS", "render_sync_html", "sync_css", "sync_js", "write_sync_html"]

#: Ids the page script looks up; each half gets them with ``-l`` or ``-r`` appended.
SCOPED_IDS = ("izm-map", "izm-data", "izm-legend", "izm-notes")
_SIDES = ("l", "r")


@cache
def sync_js() -> str:
    """The script of the page: ``assets/sync.js`` with the map script inside.

    The map script (:func:`~izmir_maps.interactive._assets.page_js`) runs once
    per half with a scoped ``document`` and ``window``; then the maps follow
    each other.

    Examples
    --------
    >>> page_js() in sync_js(), sync_js().count("window.izmirSync = ")
    (True, 1)
    """
    return fill("sync.js", {"/* @PAGE_JS@ */": page_js()})


def render_sync_html(
    left: MapSpec,
    right: MapSpec,
    *,
    assets: Assets = "inline",
    asset_prefix: str = "../assets/",
    title: str | None = None,
    atlas: AtlasLinks | None = None,
) -> InteractiveMap:
    """Draw ``left`` and ``right`` side by side in one page; they pan and zoom together.

    The maps share the width half and half, one above the other on screens
    narrower than 760 px. Each has its own legend, tooltips, popups and
    layer switch, as on a single map; no tile basemap is drawn. The left map
    carries the tools of a single map: search a district (both maps move),
    "İzmir merkez", full screen (of both maps) and an address that keeps the
    view and the chosen district (``#bornova/10.5/38.42/27.14``).

    Parameters
    ----------
    left, right
        The two maps (choropleths, the OSB or wind map, or the combined map).
    assets
        ``"inline"`` puts Leaflet into the page; ``"shared"`` refers to
        ``{asset_prefix}leaflet.js`` and ``.css`` (see
        :func:`izmir_maps.interactive.render.write_shared_assets`).
    asset_prefix
        Relative folder of the shared assets, ending in ``/``.
    title
        Page title; by default the two map titles.
    atlas
        Links of a page that is part of the atlas: to its home page and to the
        district profiles (see :class:`~izmir_maps.interactive.render.AtlasLinks`);
        ``None`` (default) for a page on its own.

    Returns
    -------
    InteractiveMap
        The page, with the slug ``sync-<left>-<right>``; ``.save(path)`` writes it.

    Raises
    ------
    OptionError
        For an unknown ``assets`` value or an absolute ``asset_prefix``.

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import choropleth_spec
    >>> page = render_sync_html(choropleth_spec("employees"), choropleth_spec("exports_usd"))
    >>> page.slug, page.html.count('class="izm-pane"'), "27.225" in page.html
    ('sync-employees-exports_usd', 2, True)
    """
    check_type("left", left, MapSpec, "a MapSpec (see choropleth_spec)")
    check_type("right", right, MapSpec, "a MapSpec (see choropleth_spec)")
    check_page_args(assets=assets, asset_prefix=asset_prefix)
    check_text("title", title)
    check_type("atlas", atlas, (AtlasLinks, type(None)), "AtlasLinks or None")
    check_assets(assets, asset_prefix)
    payloads = [build_payload(spec, labels=True) for spec in (left, right)]
    links = atlas or AtlasLinks(home=None, profiles=None)  # a page on its own links nowhere
    # the tools: map.js draws them on the map whose data has "nav" (only the left)
    payloads[0].data["nav"] = navigation(left, home=links.home, profiles=links.profiles)
    shared, own = _split_shared([p.data for p in payloads])
    page_title = title if title is not None else f"{left.title} · {right.title}"
    # shown until the left half's map.js finds Leaflet (it removes it): a page copied without
    # the atlas's assets/ says why
    missing = (
        f'<p class="izm-missing">{html.escape(text("sync_missing", left.lang))}</p>'
        if assets == "shared"
        else ""
    )
    halves = [
        _half(side, spec, payload, data, missing if side == "l" else "")
        for side, spec, payload, data in zip(_SIDES, (left, right), payloads, own, strict=True)
    ]
    scripts, head_assets, body_assets = leaflet_tags(assets, asset_prefix, sync_js())
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(left.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{csp(scripts, shared=assets == "shared", tiles=False)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{html.escape(page_title)}</title>",
        head_assets,
        f"<style>{sync_css()}</style>",
        "</head>",
        "<body>",
        # main: a landmark around all the content (the legends' footers are not the page's)
        '<main class="izm-sync">',
        *halves,
        "</main>",
        SVG_DEFS,
        f'<script type="application/json" id="izm-data-shared">{script_json(shared)}</script>',
        body_assets,
        f"<script>{sync_js()}</script>",
        "</body>",
        "</html>",
    ]
    page = "\n".join(line for line in lines if line) + "\n"
    return InteractiveMap(page, f"sync-{left.slug}-{right.slug}")


def write_sync_html(
    left: MapSpec,
    right: MapSpec,
    path: Path | str,
    *,
    assets: Assets = "inline",
    asset_prefix: str = "../assets/",
    title: str | None = None,
    atlas: AtlasLinks | None = None,
) -> Path:
    """Render the two maps (see :func:`render_sync_html`) and write the page atomically.

    Parameters
    ----------
    left, right
        The two maps.
    path
        Output file (``.html``); its folder is created if needed.
    assets, asset_prefix, title, atlas
        As for :func:`render_sync_html`.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    page = render_sync_html(
        left, right, assets=assets, asset_prefix=asset_prefix, title=title, atlas=atlas
    )
    return page.save(Path(path))


@cache
def sync_css() -> str:
    """The map stylesheet with its id rules widened to both halves, plus the two-pane layout.

    ``#izm-legend h1`` becomes ``[id^="izm-legend-"] h1`` and so on; an
    attribute selector ranks below an id, which changes no rule of
    ``map.css`` because every rule that could compete is rewritten alike.

    Examples
    --------
    >>> css = sync_css()
    >>> "#izm-" in css, '[id^="izm-legend-"] h1' in css
    (False, True)
    """
    pattern = "|".join(re.escape(name) for name in SCOPED_IDS)
    return re.sub(rf"#({pattern})(?![\w-])", r'[id^="\1-"]', page_css()) + fill("sync.css", {})


# --- helpers ----------------------------------------------------------------------------------


def _split_shared(datas: list[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The entries equal in every payload, and what is left of each payload.

    Examples
    --------
    >>> _split_shared([{"a": 1, "b": 2}, {"a": 1, "b": 3}])
    ({'a': 1}, [{'b': 2}, {'b': 3}])
    """
    first, *rest = datas
    keys = [k for k in sorted(first) if all(k in d and d[k] == first[k] for d in rest)]
    shared = {k: first[k] for k in keys}
    return shared, [{k: v for k, v in d.items() if k not in shared} for d in datas]


def _half(side: str, spec: MapSpec, payload: Payload, data: dict[str, Any], missing: str) -> str:
    """One pane: the map box, its legend and note boxes, ``missing`` (a message), its own data."""
    title = html.escape(spec.title)
    return "\n".join(
        part
        for part in (
            f'<div class="izm-pane" id="izm-pane-{side}" lang="{html.escape(spec.lang)}">',
            f'<div id="izm-map-{side}" role="region" aria-label="{title}" '
            f'aria-describedby="izm-desc-{side}"></div>',
            f'<p id="izm-desc-{side}" class="izm-sr">{html.escape(describe_map(spec), quote=False)}</p>',
            missing,
            _rename_id(payload.legend, "izm-legend", side),
            _rename_id(payload.notes, "izm-notes", side),
            f'<script type="application/json" id="izm-data-{side}">{script_json(data)}</script>',
            "</div>",
        )
        if part
    )


def _rename_id(markup: str, name: str, side: str) -> str:
    """``markup`` with its one ``id="name"`` renamed to ``id="name-side"`` (``""`` stays ``""``).

    Examples
    --------
    >>> _rename_id('<div id="izm-notes" class="izm-box">x</div>', "izm-notes", "r")
    '<div id="izm-notes-r" class="izm-box">x</div>'
    """
    if not markup:
        return markup
    old = f'id="{name}"'
    if markup.count(old) != 1:  # pragma: no cover - guards a change of html_legend
        msg = f"Expected one {old} in the {name} box, found {markup.count(old)}."
        raise ValueError(msg)
    return markup.replace(old, f'id="{name}-{side}"')
