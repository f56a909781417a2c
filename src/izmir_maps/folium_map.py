"""A :class:`~izmir_maps.spec.map_spec.MapSpec` as a ``folium.Map`` that users extend with folium.

The classes, colours, tooltip texts and markers come from the same payload the
izmir-maps page draws (:func:`izmir_maps.interactive._payload.build_payload`),
the legend from the spec's legend plan: nothing is classified or formatted
again. :func:`save_folium` writes the map so that it opens offline: Leaflet
(from ``xstatic-leaflet``) is inlined and folium's default CDN assets the map
does not use (jQuery, Bootstrap, Font Awesome, awesome-markers) are dropped;
element ids are numbered in order, so the same map gives the same bytes.
"""

from __future__ import annotations

import html
import re
import warnings
from pathlib import Path
from typing import Any

import shapely
from branca.element import MacroElement
from jinja2 import Template

from izmir_maps._checks import check_bool, check_path, check_type
from izmir_maps.interactive._assets import leaflet_css, leaflet_js
from izmir_maps.interactive._payload import build_payload
from izmir_maps.spec.legend import ClassesSection, HatchSection, SizeSection, SymbolSection
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import (
    BOUNDARY_CHANGE_COLOR,
    DISTRICT_LINE,
    FARM_COLOR,
    HIGHLIGHT_LINE,
    KIND_COLORS,
    LAND_COLOR,
    PROPOSED_WIND_COLOR,
    PROVINCE_LINE,
    SEA_COLOR,
    WIND_COLOR,
)
from izmir_maps.write import write_text

__all__ = ["make_offline", "save_folium", "spec_to_folium"]

#: Districts our pages hatch (new in 2008; proposed for wind) get a dashed outline here:
#: Leaflet has no fill patterns without a plugin loaded from the network.
_MARKED = {"boundary": BOUNDARY_CHANGE_COLOR, "proposed": PROPOSED_WIND_COLOR}
_CLIP_PAD = 1.6  # degrees of neighbouring land kept around the districts, as on our pages
#: A script or stylesheet loaded from elsewhere (a link in text, such as Leaflet's own, is fine).
_NETWORK = re.compile(
    r"""<(?:script|link)\b[^>]*?(?:src|href)\s*=\s*["']((?:https?:)?//[^"']+)""", re.I
)
_LEGEND_CSS = """
.izm-fl-legend{background:#fff;padding:8px 10px;border-radius:4px;box-shadow:0 1px 4px
rgba(0,0,0,.35);font:13px/1.35 system-ui,sans-serif;color:#222;max-width:280px;
max-height:60vh;overflow:auto}
.izm-fl-legend h2{font-size:14px;margin:0 0 6px}
.izm-fl-legend h3{font-size:13px;margin:8px 0 4px}
.izm-fl-legend ul{list-style:none;margin:0;padding:0}
.izm-fl-legend li{display:flex;align-items:center;gap:6px;margin:2px 0}
.izm-fl-legend .sw{display:inline-block;width:18px;height:12px;border:1px solid #666;flex:none}
.izm-fl-legend .dot{border-radius:50%;width:12px}
.izm-fl-legend .n{color:#555;margin-left:auto;padding-left:8px;white-space:nowrap}
.izm-fl-legend p{margin:6px 0 0;font-size:12px;color:#444}
.izm-fl-tip table{border-collapse:collapse}
.izm-fl-tip th{text-align:left;font-weight:normal;color:#555;padding-right:8px}
.izm-fl-tip td{font-weight:bold}
"""


class _Legend(MacroElement):
    """The legend as a Leaflet control (bottom right), with its stylesheet in the head."""

    _template = Template(
        """
{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.control({position: "bottomright"});
{{ this.get_name() }}.onAdd = function () {
    var div = L.DomUtil.create("div", "izm-fl-legend");
    div.innerHTML = {{ this.legend|tojson }};
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
};
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(self, legend: str) -> None:
        super().__init__()
        self._name = "IzmLegend"
        self.legend = legend
        self.css = " ".join(_LEGEND_CSS.split())


class _InlineAssets(MacroElement):
    """Leaflet's stylesheet and script inlined in the head, and the sea colour of our maps."""

    _template = Template(
        """
{% macro header(this, kwargs) %}<style>{{ this.css }}</style>
<style>.folium-map{background:{{ this.sea }}}</style>
<script>{{ this.js }}</script>{% endmacro %}
"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "IzmInlineAssets"
        self.css = leaflet_css()
        self.js = leaflet_js()
        self.sea = SEA_COLOR


def spec_to_folium(
    spec: MapSpec,
    *,
    offline: bool = False,
    width: str | int = "100%",
    height: str | int = "100%",
) -> Any:
    """``spec`` drawn with folium: same classes, colours, legend, tooltips and markers.

    Parameters
    ----------
    spec
        The map (choropleth, OSB, wind or combined).
    offline
        Inline Leaflet and drop folium's CDN assets now, so that ``m.save(path)``
        opens offline; :func:`save_folium` does this whatever ``offline`` is.
    width, height
        Size of the map element, as for ``folium.Map``.

    Returns
    -------
    folium.Map
        Without tiles (our maps draw none); add ``folium.TileLayer("OpenStreetMap")``
        or any folium layer to it.

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import choropleth_spec
    >>> m = spec_to_folium(choropleth_spec("employees"))
    >>> type(m).__name__, "27.225" in m.get_root().render()
    ('Map', True)
    """
    import folium

    check_type("spec", spec, MapSpec, "a MapSpec (see choropleth_spec)")
    check_bool("offline", offline)
    payload = build_payload(spec)
    view = payload.data["view"]
    m = folium.Map(
        location=None,
        tiles=None,
        width=width,
        height=height,
        min_zoom=view["min"],
        max_zoom=view["max"],
        zoom_snap=0.25,
    )
    m.fit_bounds(view["bounds"])
    _add_neighbours(m, spec)
    _add_districts(m, spec, payload.data)
    _add_markers(m, spec, payload.data)
    _Legend(legend_html(spec)).add_to(m)
    if len([k for k, *_ in payload.data["layers"] if k in ("osb", "wind", "farms")]):
        folium.LayerControl(collapsed=False, position="topright").add_to(m)
    if offline:
        make_offline(m)
    return m


def make_offline(m: Any) -> Any:
    """Inline Leaflet into ``m`` and drop folium's default CDN assets; return ``m``.

    Only the map's own defaults are replaced: a plugin added by the user keeps
    its links (:func:`save_folium` warns about them).
    """
    import folium

    check_type("m", m, folium.Map, "a folium.Map")
    if any(isinstance(c, _InlineAssets) for c in m._children.values()):
        return m
    m.default_js = []  # an instance attribute, so other maps keep folium's defaults
    m.default_css = []
    m.add_child(_InlineAssets(), name="izm_inline_assets", index=0)
    return m


def save_folium(m: Any, path: Path | str, *, offline: bool = True) -> Path:
    """Write the folium map ``m`` to ``path`` atomically, offline and deterministic.

    Parameters
    ----------
    m
        A ``folium.Map``, e.g. from ``izmir_maps.explore(gdf, col).to_folium()``.
    path
        Output ``.html`` file.
    offline
        Inline Leaflet and drop folium's CDN defaults (see :func:`make_offline`).

    Returns
    -------
    pathlib.Path
        ``path``.

    Warns
    -----
    UserWarning
        When a layer added to the map still loads a file from the network (a
        folium plugin's script): the page then needs the network for it.
    """
    import folium

    check_type("m", m, folium.Map, "a folium.Map")
    check_path("path", path)
    check_bool("offline", offline)
    if offline:
        make_offline(m)
    page = render_folium(m)
    links = sorted(set(_NETWORK.findall(page)))
    if offline and links:
        shown = ", ".join(links[:3])
        warnings.warn(
            f"{len(links)} asset(s) of layers added to the map are loaded from the network "
            f"({shown}{' …' if len(links) > 3 else ''}); the page needs the network for them.",
            UserWarning,
            stacklevel=2,
        )
    return write_text(Path(path), page)


def render_folium(m: Any) -> str:
    """The HTML of ``m`` with its element ids numbered in tree order (same map, same bytes)."""
    root = m.get_root()
    for i, element in enumerate(_walk(root)):
        element._id = f"{i:08x}"
    return root.render()


def legend_html(spec: MapSpec) -> str:
    """The legend of ``spec`` as escaped HTML, from its legend plan (no value recomputed)."""
    out = [f"<h2>{html.escape(spec.title)}</h2>"]
    for section in spec.legend.sections:
        part = _section_html(section)
        # a one-layer map's class title repeats the map's title: say it once
        out.append(part.replace(f"<h3>{html.escape(spec.title)}</h3>", "", 1))
    for note in spec.legend.notes:
        if not note.said_by_entry:
            out.append(f"<p>{html.escape(note.text)}</p>")
    out.extend(f"<p>{html.escape(line)}</p>" for line in spec.sources)
    return "".join(out)


def _section_html(section: object) -> str:
    if isinstance(section, ClassesSection):
        items = "".join(
            f'<li><span class="sw" style="background:{html.escape(c.color)}"></span>'
            f'{html.escape(c.label)}<span class="n">{html.escape(c.count_label)}</span></li>'
            for c in section.classes
        )
        return f"<h3>{html.escape(section.title)}</h3><ul>{items}</ul>"
    if isinstance(section, SymbolSection):
        color = FARM_COLOR if section.layer == "farms" else None
        items = "".join(
            f'<li><span class="sw dot" style="background:'
            f'{_symbol_fill(e.symbol, e.location, color)}"></span>{html.escape(e.label)}</li>'
            for e in section.entries
        )
        unplaced = section.unplaced
        more = f"<p>{html.escape(unplaced.line)}</p>" if unplaced else ""
        return f"<h3>{html.escape(section.title)}</h3><ul>{items}</ul>{more}"
    if isinstance(section, SizeSection):
        steps = ", ".join(html.escape(s.label) for s in section.steps)
        return f"<h3>{html.escape(section.title)}</h3><p>{html.escape(section.caption)} {steps}</p>"
    if isinstance(section, HatchSection):  # drawn on this map as a dashed outline
        color = _MARKED[section.layer]
        swatch = f'<span class="sw" style="border:2px dashed {color};background:#fff"></span>'
        return f"<ul><li>{swatch}{html.escape(section.label)}</li></ul>"
    return ""


def _symbol_fill(symbol: str, location: str | None, color: str | None) -> str:
    if location == "approximate":
        return "#ffffff"
    return color or KIND_COLORS.get(
        symbol, KIND_COLORS["other"] if symbol != "location" else "#555555"
    )


def _tip(name: str, rows: list[list[str]]) -> str:
    """A tooltip's HTML: the name, then label–value rows (all escaped)."""
    cells = "".join(
        f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>" for k, v in rows
    )
    tip = (
        f'<div class="izm-fl-tip"><strong>{html.escape(name)}</strong><table>{cells}</table></div>'
    )
    # folium puts a tooltip inside a JavaScript template literal: no ` or ${ may survive
    return tip.replace("`", "&#96;").replace("$", "&#36;")


def _round(geom: shapely.Geometry, digits: int) -> shapely.Geometry:
    return shapely.transform(geom, lambda xy: xy.round(digits))


def _add_neighbours(m: Any, spec: MapSpec) -> None:
    """Neighbouring provinces as grey, silent land (as on our pages)."""
    import folium

    if spec.neighbours is None or not len(spec.neighbours):
        return
    w, s, e, n = spec.districts.to_crs(4326).total_bounds
    clip = shapely.box(w - _CLIP_PAD, s - _CLIP_PAD, e + _CLIP_PAD, n + _CLIP_PAD)
    land = spec.neighbours.to_crs(4326).clip(clip)
    land = land.assign(geometry=[_round(g.simplify(0.002), 3) for g in land.geometry])
    folium.GeoJson(
        land[["geometry"]].__geo_interface__,
        name="context",
        control=False,
        interactive=False,
        style_function=lambda _: {
            "fillColor": LAND_COLOR,
            "fillOpacity": 1,
            "color": PROVINCE_LINE["color"],
            "weight": 0.6,
        },
    ).add_to(m)


def _add_districts(m: Any, spec: MapSpec, data: dict[str, Any]) -> None:
    """The districts, filled with the payload's class colours, tooltips from its rows."""
    import folium

    geoms = spec.districts.to_crs(4326).geometry
    features = []
    for item, geom in zip(data["d"], geoms, strict=True):
        features.append(
            {
                "type": "Feature",
                "geometry": shapely.geometry.mapping(_round(geom, 4)),
                "properties": {
                    "name": item["n"],
                    "fill": item.get("c", "#fbfaf7"),
                    "tip": _tip(item["n"], item.get("t", [])),
                    "mark": _mark(item, spec),
                },
            }
        )
    name = spec.indicator.label(spec.lang) if spec.indicator is not None else spec.title
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=name,
        style_function=_district_style,
        highlight_function=lambda _: dict(HIGHLIGHT_LINE),
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
        zoom_on_click=False,
    ).add_to(m)


def _mark(item: dict[str, Any], spec: MapSpec) -> str | None:
    """The colour of the dashed outline of a district our page hatches, or ``None``."""
    if item.get("b"):
        return BOUNDARY_CHANGE_COLOR
    if item.get("w") and spec.kind == "wind":  # the combined map hides them at start
        return PROPOSED_WIND_COLOR
    return None


def _district_style(feature: dict[str, Any]) -> dict[str, Any]:
    props = feature["properties"]
    style = {
        "fillColor": props["fill"],
        "fillOpacity": 1,
        "color": DISTRICT_LINE["color"],
        "weight": DISTRICT_LINE["weight"],
    }
    if props["mark"]:
        style.update(color=props["mark"], weight=2.2, dashArray="5 4")
    return style


def _add_markers(m: Any, spec: MapSpec, data: dict[str, Any]) -> None:
    """OSBs, the 2009 wind capacities and the present-day farms, as on our pages."""
    import folium

    from izmir_maps.text.words import text

    layers = {key: html.unescape(name) for key, name, _ in data["layers"]}
    if "osb" in data:
        group = folium.FeatureGroup(name=layers["osb"]).add_to(m)
        for p in data["osb"]:
            color = KIND_COLORS.get(p["k"], KIND_COLORS["other"])
            _marker(group, p, color=color, radius=6)
    if "wp" in data:
        group = folium.FeatureGroup(name=layers["wind"]).add_to(m)
        for p in data["wp"]:
            _marker(group, p, color=WIND_COLOR, radius=p["r"], opacity=0.55)
    if "farms" in data:
        group = folium.FeatureGroup(
            name=layers.get("farms", text("wind_farms", spec.lang)), show=False
        )
        group.add_to(m)
        for p in data["farms"]:
            _marker(group, p, color=FARM_COLOR, radius=5)


def _marker(
    group: Any, point: dict[str, Any], *, color: str, radius: float, opacity: float = 1.0
) -> None:
    import folium

    sourced = point.get("q") == "s"  # filled where sourced, hollow where approximate
    folium.CircleMarker(
        location=point["p"],
        radius=radius,
        color=color,
        weight=2,
        fill=True,
        fill_color=color if sourced else "#ffffff",
        fill_opacity=opacity if sourced else 0.9,
        tooltip=folium.Tooltip(_tip(point.get("h") or point.get("s", ""), point["rows"])),
    ).add_to(group)


def _walk(element: Any) -> list[Any]:
    out = [element]
    for child in element._children.values():
        out.extend(_walk(child))
    return out
