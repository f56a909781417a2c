"""Two interactive maps side by side that pan and zoom together, in one offline page.

Each half is the ordinary HTML map of :mod:`izmir_maps.interactive.render` — same
payload, legend, tooltips, popups and layer switch — drawn by the same page
script. That script looks its elements up by fixed ids (``izm-map``,
``izm-data``, ``izm-legend``, ``izm-notes``) and publishes
``window.izmirMap``; here it runs twice, each time with a ``document`` and a
``window`` that map those names to one half (``izm-map-l`` / ``izm-map-r`` …).
Moving or zooming one map sets the other to the same centre and zoom.

Data that both halves share (the district arcs, the neighbouring provinces,
the styles) travels once. The page obeys the rules of every map: no request
leaves it, a Content-Security-Policy allows only its own scripts, every text
from data is escaped, and two renders give the same bytes. The maps are
``window.izmirSync.left`` and ``.right`` (each like ``window.izmirMap``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from izmir_maps.errors import OptionError
from izmir_maps.interactive._assets import PAGE_CSS, PAGE_JS, SVG_DEFS
from izmir_maps.interactive._payload import Payload, build_payload
from izmir_maps.interactive.render import Assets, InteractiveMap, _csp, _script_json, leaflet_tags
from izmir_maps.spec.map_spec import MapSpec

__all__ = ["SCOPED_IDS", "SYNC_JS", "render_sync_html", "sync_css", "write_sync_html"]

#: Ids the page script looks up; each half gets them with ``-l`` or ``-r`` appended.
SCOPED_IDS = ("izm-map", "izm-data", "izm-legend", "izm-notes")
_SIDES = ("l", "r")

#: The page script, run once per half with a scoped ``document`` and ``window``, then the sync.
SYNC_JS = (
    r"""(function () {
"use strict";
function run(document, window) {
@PAGE_JS@}
var shared = JSON.parse(document.getElementById("izm-data-shared").textContent);
function data(side) {
  var own = JSON.parse(document.getElementById("izm-data-" + side).textContent), all = {};
  Object.keys(shared).forEach(function (k) { all[k] = shared[k]; });
  Object.keys(own).forEach(function (k) { all[k] = own[k]; });
  return all;
}
function real(target, key) {
  var v = Reflect.get(target, key);
  return typeof v === "function" ? v.bind(target) : v;
}
function half(side) {
  var pane = document.getElementById("izm-pane-" + side), exposed = {};
  var doc = new Proxy(document, {get: function (t, k) {
    if (k === "getElementById") {
      return function (id) {
        return id === "izm-data" ? {textContent: JSON.stringify(data(side))} : t.getElementById(id + "-" + side) || t.getElementById(id);
      };
    }
    if (k === "querySelectorAll" || k === "querySelector") { return pane[k].bind(pane); }
    return real(t, k);
  }});
  var win = new Proxy(window, {
    get: function (t, k) { return k in exposed ? exposed[k] : real(t, k); },
    set: function (t, k, v) { exposed[k] = v; return true; }
  });
  run(doc, win);
  return exposed.izmirMap;
}
var left = half("l"), right = half("r"), busy = false;
// Set dst to the view of the other map exactly: Leaflet's setView pans by a rounded offset,
// up to a pixel off. A whole-pixel move (dragging) is a cheap pan, anything else a reset.
function place(dst, center, zoom) {
  var off = dst.project(center, zoom).subtract(dst.project(dst.getCenter(), zoom));
  if (dst.getZoom() === zoom && off.round().distanceTo(off) < 1e-6 && dst.getSize().contains(off)) {
    dst.panBy(off, {animate: false});
  } else {
    dst.setView(center, zoom, {reset: true});
  }
}
function follow(src, dst) {
  function go(center, zoom) {
    if (busy) { return; }
    busy = true;
    try { place(dst, center, zoom); } finally { busy = false; }
  }
  src.on("move", function () { go(src.getCenter(), src.getZoom()); });
  src.on("zoomanim", function (e) { go(e.center, e.zoom); });
}
// Fit İzmir once for both, clear of both legends: below the taller one or beside the wider
// one, the larger first; the view may not leave maxBounds, so check where İzmir really lands.
var bounds = data("l").view.bounds, legW = 0, legH = 0;
["l", "r"].forEach(function (side) {
  var e = document.getElementById("izm-legend-" + side);
  if (e) { legW = Math.max(legW, e.offsetWidth); legH = Math.max(legH, e.offsetHeight); }
});
function fits(pad) {
  left.map.fitBounds(bounds, {paddingTopLeft: pad[0], paddingBottomRight: pad[1], animate: false});
  var sw = left.map.latLngToContainerPoint(bounds[0]), ne = left.map.latLngToContainerPoint(bounds[1]);
  return sw.x >= pad[0][0] - 1 && ne.y >= pad[0][1] - 1;
}
function zoomWith(pad) { return left.map.getBoundsZoom(bounds, false, L.point(pad[0]).add(pad[1])); }
var pads = [[[10, legH + 14], [10, 10]], [[legW + 20, 10], [10, 10]]];
if (zoomWith(pads[1]) > zoomWith(pads[0])) { pads.reverse(); }
if (!fits(pads[0])) { fits(pads[1]); }
place(right.map, left.map.getCenter(), left.map.getZoom());
follow(left.map, right.map);
follow(right.map, left.map);
window.izmirSync = {left: left, right: right};
}());
"""
).replace("@PAGE_JS@", PAGE_JS)

_LAYOUT_CSS = """.izm-sync{position:absolute;top:0;right:0;bottom:0;left:0;display:flex}
.izm-pane{position:relative;flex:1 1 0;min-width:0;min-height:0}
.izm-pane+.izm-pane{border-left:2px solid #fff}
@media (max-width:760px){.izm-sync{flex-direction:column}
.izm-pane+.izm-pane{border-left:0;border-top:2px solid #fff}
[id^="izm-legend-"]{max-height:calc(50vh - 60px)}}
"""


def render_sync_html(
    left: MapSpec,
    right: MapSpec,
    *,
    assets: Assets = "inline",
    asset_prefix: str = "../assets/",
    title: str | None = None,
) -> InteractiveMap:
    """Draw ``left`` and ``right`` side by side in one page; they pan and zoom together.

    The maps share the width half and half, one above the other on screens
    narrower than 760 px. Each has its own legend, tooltips, popups and
    layer switch, as on a single map; no tile basemap is drawn.

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
    _check_assets(assets, asset_prefix)
    payloads = [build_payload(spec, labels=True) for spec in (left, right)]
    shared, own = _split_shared([p.data for p in payloads])
    page_title = title if title is not None else f"{left.title} · {right.title}"
    halves = [
        _half(side, spec, payload, data)
        for side, spec, payload, data in zip(_SIDES, (left, right), payloads, own, strict=True)
    ]
    scripts, head_assets, body_assets = leaflet_tags(assets, asset_prefix, SYNC_JS)
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(left.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{_csp(scripts, shared=assets == "shared", tiles=False)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{html.escape(page_title)}</title>",
        head_assets,
        f"<style>{sync_css()}</style>",
        "</head>",
        "<body>",
        '<div class="izm-sync">',
        *halves,
        "</div>",
        SVG_DEFS,
        f'<script type="application/json" id="izm-data-shared">{_script_json(shared)}</script>',
        body_assets,
        f"<script>{SYNC_JS}</script>",
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
) -> Path:
    """Render the two maps (see :func:`render_sync_html`) and write the page atomically.

    Parameters
    ----------
    left, right
        The two maps.
    path
        Output file (``.html``); its folder is created if needed.
    assets, asset_prefix, title
        As for :func:`render_sync_html`.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    page = render_sync_html(left, right, assets=assets, asset_prefix=asset_prefix, title=title)
    return page.save(Path(path))


def sync_css() -> str:
    """The map stylesheet with its id rules widened to both halves, plus the two-pane layout.

    ``#izm-legend h1`` becomes ``[id^="izm-legend-"] h1`` and so on; an
    attribute selector ranks below an id, which changes no rule of
    ``PAGE_CSS`` because every rule that could compete is rewritten alike.

    Examples
    --------
    >>> css = sync_css()
    >>> "#izm-" in css, '[id^="izm-legend-"] h1' in css
    (False, True)
    """
    pattern = "|".join(re.escape(name) for name in SCOPED_IDS)
    return re.sub(rf"#({pattern})(?![\w-])", r'[id^="\1-"]', PAGE_CSS) + _LAYOUT_CSS


# --- helpers ----------------------------------------------------------------------------------


def _check_assets(assets: str, asset_prefix: str) -> None:
    if assets not in ("inline", "shared"):
        msg = f"assets must be 'inline' or 'shared', not {assets!r}."
        raise OptionError(msg)
    if assets == "shared" and (asset_prefix.startswith(("/", "\\")) or ":" in asset_prefix):
        msg = f"asset_prefix must be a relative path such as '../assets/', not {asset_prefix!r}."
        raise OptionError(msg)


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


def _half(side: str, spec: MapSpec, payload: Payload, data: dict[str, Any]) -> str:
    """One pane: the map box, its legend and note boxes, and its own data."""
    title = html.escape(spec.title)
    return "\n".join(
        part
        for part in (
            f'<div class="izm-pane" id="izm-pane-{side}" lang="{html.escape(spec.lang)}">',
            f'<div id="izm-map-{side}" role="region" aria-label="{title}"></div>',
            _rename_id(payload.legend, "izm-legend", side),
            _rename_id(payload.notes, "izm-notes", side),
            f'<script type="application/json" id="izm-data-{side}">{_script_json(data)}</script>',
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
