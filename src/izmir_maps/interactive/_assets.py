"""The static parts of every HTML map: Leaflet (from ``xstatic-leaflet``), page CSS and script.

Nothing here comes from data. Leaflet's stylesheet refers to two images of
the layer-switcher button; they are inlined as ``data:`` URIs so that neither
an inline nor a shared stylesheet ever asks for a file that is not there.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

import xstatic.pkg.leaflet as xleaflet

from izmir_maps.interactive._style import FARM_COLOR, KIND_COLORS
from izmir_maps.spec.style import PROPOSED_WIND_COLOR, SEA_COLOR, WIND_COLOR

__all__ = ["LEAFLET_VERSION", "PAGE_CSS", "PAGE_JS", "SVG_DEFS", "leaflet_css", "leaflet_js"]

LEAFLET_VERSION: str = xleaflet.VERSION
_DATA = Path(xleaflet.BASE_DIR)


@lru_cache(maxsize=1)
def leaflet_js() -> str:
    """Leaflet's minified script, without its source-map comment.

    Examples
    --------
    >>> leaflet_js().startswith("/* @preserve")
    True
    """
    js = (_DATA / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "", js)
    if "</script" in js.lower():  # pragma: no cover - guards a future Leaflet release
        msg = "leaflet.js contains '</script' and cannot be inlined."
        raise ValueError(msg)
    return js.rstrip() + "\n"


@lru_cache(maxsize=1)
def leaflet_css() -> str:
    """Leaflet's stylesheet with its comments removed and its images inlined or dropped.

    Examples
    --------
    >>> "images/" in leaflet_css()
    False
    """
    css = (_DATA / "leaflet.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    layers = base64.b64encode((_DATA / "images" / "layers.png").read_bytes()).decode("ascii")
    layers2 = base64.b64encode((_DATA / "images" / "layers-2x.png").read_bytes()).decode("ascii")
    css = css.replace("url(images/layers.png)", f"url(data:image/png;base64,{layers})")
    css = css.replace("url(images/layers-2x.png)", f"url(data:image/png;base64,{layers2})")
    css = css.replace("url(images/marker-icon.png)", "none")  # default icons are never used
    css = re.sub(r"\n\s*\n+", "\n", css)
    return css.strip() + "\n"


def _compact(script: str) -> str:
    r"""``script`` without the indentation of its lines (it has no multi-line strings).

    Examples
    --------
    >>> _compact("if (a) {\n  b();\n}\n")
    'if (a) {\nb();\n}\n'
    """
    return "".join(line.lstrip(" ") for line in script.splitlines(keepends=True))


def _kind_css() -> str:
    rules = [f".izm-k-{kind}{{--c:{color}}}" for kind, color in KIND_COLORS.items()]
    rules.append(".izm-k-grey{--c:#666}")
    rules.append(f".izm-farm,.izm-farm-sym{{--c:{FARM_COLOR}}}")
    return "\n".join(rules)


PAGE_CSS = (
    """html,body{height:100%;margin:0;padding:0}
body{font-family:"Segoe UI","DejaVu Sans","Noto Sans",Roboto,"Helvetica Neue",Arial,sans-serif;color:#222}
#izm-map{position:absolute;top:0;right:0;bottom:0;left:0;width:100%;height:100%;background:@SEA@}
.leaflet-container{font-family:inherit;font-size:12px;line-height:1.35}
.izm-defs{position:absolute;width:0;height:0;overflow:hidden}
.izm-box{background:rgba(255,255,255,.94);border-radius:4px;box-shadow:0 1px 5px rgba(0,0,0,.3);padding:7px 10px;color:#222;font-size:12px;line-height:1.35;max-width:270px}
#izm-legend{max-height:calc(100vh - 86px);overflow:auto;box-sizing:border-box}
#izm-legend summary{cursor:pointer;list-style:none}
#izm-legend summary::-webkit-details-marker{display:none}
#izm-legend summary::after{content:"\\25BE";color:#777;margin-left:4px;font-size:11px}
#izm-legend:not([open]) summary::after{content:"\\25B8"}
#izm-legend h1{display:inline;font-size:14px;line-height:1.25;margin:0;font-weight:700}
#izm-legend h2{font-size:12px;margin:8px 0 3px;font-weight:700}
#izm-legend section{margin-top:6px}
#izm-legend ul{list-style:none;margin:3px 0;padding:0}
#izm-legend li{display:flex;align-items:center;gap:7px;margin:3px 0}
.izm-sw{display:inline-block;flex:none;width:24px;height:14px;border:1px solid rgba(0,0,0,.35);box-sizing:border-box}
.izm-classes small{margin-left:auto;padding-left:10px;color:#666;white-space:nowrap}
.izm-hatch-sw{border:1.5px dashed @PROPOSED@;background:repeating-linear-gradient(45deg,@PROPOSED@ 0 1.5px,transparent 1.5px 5px)}
.izm-note,.izm-src,.izm-cap{margin:4px 0 0;font-size:11px;color:#555}
.izm-foot{margin-top:8px;border-top:1px solid #ddd;padding-top:2px}
.izm-size{display:block;margin:2px 0}
.izm-size circle{fill:@WIND@;fill-opacity:.45;stroke:@WIND@;stroke-width:1}
.izm-size line{stroke:#888;stroke-width:.7;stroke-dasharray:2 2}
.izm-size text{font-size:11px;fill:#333}
#izm-notes{max-width:300px}
#izm-notes p{margin:0}
#izm-notes p+p{margin-top:6px}
.izm-alert{border-left:4px solid #b35806;padding-left:7px;font-weight:600;color:#5a2d00}
.izm-unplaced{font-size:11px;color:#444}
.izm-sym{display:inline-flex;flex:none;width:24px;justify-content:center}
.izm-sym svg,.izm-osb svg,.izm-farm svg{display:block;overflow:visible}
.izm-sym svg *,.izm-osb svg *,.izm-farm svg *{fill:var(--c);stroke:#fff;stroke-width:1.4}
.izm-a svg *{fill-opacity:.5;stroke:var(--c);stroke-width:1.7;stroke-dasharray:2.4 1.5}
.izm-farm svg *,.izm-farm-sym svg *{stroke:#fff;stroke-width:1.2}
.izm-farm.izm-a svg *,.izm-farm-sym.izm-a svg *{fill:#fff;fill-opacity:.92;stroke:var(--c);stroke-width:1.6;stroke-dasharray:2.2 1.3}
.izm-osb,.izm-farm{filter:drop-shadow(0 0 1px rgba(255,255,255,.9))}
.izm-label span,.izm-nbl span,.izm-sea span{position:absolute;left:0;top:0;transform:translate(-50%,-50%);white-space:nowrap;pointer-events:none}
.izm-label span{font-size:11px;font-weight:600;color:#1f1f1f;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff,0 0 4px #fff}
.izm-small span{font-size:10px;font-weight:500}
.izm-nbl span{font-size:12px;color:#8b8376;letter-spacing:.12em;text-transform:uppercase}
.izm-sea span{font-size:12px;font-style:italic;color:#6b8aa3;letter-spacing:.2em}
.leaflet-tooltip.izm-tip{font-size:12px;padding:5px 8px;white-space:normal;width:max-content;max-width:300px}
path.leaflet-interactive:focus{outline:none}
.izm-tip strong{display:block;font-size:13px;margin-bottom:2px}
.izm-tip .izm-k{color:#555}
.izm-pop h3{font-size:13px;margin:0 0 5px}
.izm-pop table{border-collapse:collapse;font-size:11.5px}
.izm-pop th{font-weight:400;color:#555;text-align:left;padding:1px 10px 1px 0;vertical-align:top}
.izm-pop td{font-weight:600;padding:1px 0;vertical-align:top;overflow-wrap:anywhere}
.izm-pop tr.izm-cur th,.izm-pop tr.izm-cur td{background:#eef3fa}
.izm-pop .leaflet-popup-content{max-height:300px;overflow:auto;margin:10px 12px}
.leaflet-control-layers-expanded{font-size:12px;padding:5px 9px}
.leaflet-control-attribution{font-size:10px}
.izm-compact .izm-box{max-width:230px;font-size:11px;padding:5px 8px}
.izm-compact #izm-legend h1{font-size:12.5px}
.izm-compact #izm-notes{max-width:250px}
.izm-compact .izm-alert{font-weight:500}
.izm-slim .leaflet-bottom.leaflet-left{bottom:14px}
""".replace("@SEA@", SEA_COLOR)
    .replace("@PROPOSED@", PROPOSED_WIND_COLOR)
    .replace("@WIND@", WIND_COLOR)
    + _kind_css()
    + "\n"
)

#: Hidden SVG definitions: the hatch pattern of the proposed wind districts.
SVG_DEFS = (
    '<svg class="izm-defs" aria-hidden="true" focusable="false"><defs>'
    '<pattern id="izm-hatch" patternUnits="userSpaceOnUse" width="7" height="7" '
    'patternTransform="rotate(45)"><rect width="7" height="7" fill="#fff" fill-opacity="0"/>'
    f'<line x1="0" y1="0" x2="0" y2="7" stroke="{PROPOSED_WIND_COLOR}" stroke-width="2" '
    'stroke-opacity=".75"/></pattern></defs></svg>'
)

PAGE_JS = _compact(r"""(function () {
"use strict";
var D = JSON.parse(document.getElementById("izm-data").textContent);
var S = D.style, W = D.words, Q = D.q || 1e5, QN = D.qn || Q;
function dec(s) { return decq(s, Q); }
function decn(s) { return decq(s, QN); }
function decq(s, q) {
  var pts = [], i = 0, x = 0, y = 0, v = [0, 0], k, r, sh, b;
  while (i < s.length) {
    for (k = 0; k < 2; k++) {
      r = 0; sh = 0;
      do { b = s.charCodeAt(i++) - 63; r |= (b & 31) << sh; sh += 5; } while (b >= 32);
      v[k] = r & 1 ? ~(r >> 1) : r >> 1;
    }
    x += v[0]; y += v[1];
    pts.push(L.latLng(y / q, x / q));  /* shared by every ring that uses the arc */
  }
  return pts;
}
var arcs = D.arcs.map(dec);
function ring(refs) {
  var out = [];
  refs.forEach(function (r) {
    var a = arcs[r >= 0 ? r : ~r], n = a.length, i;
    for (i = out.length ? 1 : 0; i < n; i++) { out.push(a[r >= 0 ? i : n - 1 - i]); }
  });
  return out;
}
function shape(g) { return g.map(function (p) { return p.map(ring); }); }
function node(tag, cls, txt) {
  var e = document.createElement(tag);
  if (cls) { e.className = cls; }
  if (txt !== undefined && txt !== null) { e.textContent = txt; }
  return e;
}
function label(cls, txt, at, pane) {
  return L.marker(at, {icon: L.divIcon({className: cls, html: node("span", null, txt), iconSize: [0, 0]}),
    interactive: false, keyboard: false, pane: pane || "izm-labels"});
}
function links(td, parts) {
  parts.forEach(function (s, i) {
    if (i) { td.appendChild(document.createTextNode("; ")); }
    if (/^https?:\/\/[^\s"'<>]+$/i.test(s)) {
      var a = node("a", null, s.replace(/^https?:\/\/(www\.)?/i, "").split("/")[0]);
      a.href = s; a.rel = "noopener noreferrer"; a.target = "_blank"; a.title = s;
      td.appendChild(a);
    } else {
      td.appendChild(document.createTextNode(s));
    }
  });
}
function table(rows, cur) {
  var t = node("table");
  rows.forEach(function (r, i) {
    var tr = node("tr", i === cur ? "izm-cur" : null);
    tr.appendChild(node("th", null, r[0]));
    var td = node("td");
    if (Array.isArray(r[1])) { links(td, r[1]); } else { td.textContent = r[1]; }
    tr.appendChild(td);
    t.appendChild(tr);
  });
  return t;
}
function info(o) {
  var e = node("div");
  e.appendChild(node("h3", null, o.h || o.s));
  var rows = (o.rows || []).slice();
  if (o.src && o.src.length) { rows.push([W.source, o.src]); }
  e.appendChild(table(rows));
  return e;
}
function tip(title, rows) {
  var e = node("div");
  e.appendChild(node("strong", null, title));
  (rows || []).forEach(function (r) {
    var p = node("div");
    p.appendChild(node("span", "izm-k", r[0] + ": "));
    p.appendChild(node("b", null, r[1]));
    e.appendChild(p);
  });
  return e;
}

var box = document.getElementById("izm-map");
var map = L.map(box, {zoomSnap: 0.25, zoomDelta: 0.5, minZoom: D.view.min, maxZoom: D.view.max,
  maxBounds: D.view.maxBounds, maxBoundsViscosity: 0.8, attributionControl: false, zoomControl: false});
/* No view yet: layers wait for the one fitBounds at the end, so nothing is projected twice. */
[["izm-nb", 350], ["izm-nbl", 355], ["izm-hatch", 410], ["izm-outline", 420], ["izm-wind", 440], ["izm-labels", 460]].forEach(function (p) {
  var e = map.createPane(p[0]);
  e.style.zIndex = p[1];
  if (p[0] !== "izm-wind") { e.style.pointerEvents = "none"; }
});

var narrow = box.clientWidth < 820 || box.clientHeight < 600;
if (narrow) { box.className += " izm-compact"; }
var legend = document.getElementById("izm-legend");
function control(el, pos) {
  if (!el) { return; }
  var C = L.Control.extend({onAdd: function () {
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
    return el;
  }});
  new C({position: pos}).addTo(map);
}
control(legend, "topleft");
L.control.zoom({position: "topright", zoomInTitle: W.zoom_in, zoomOutTitle: W.zoom_out}).addTo(map);

if (D.tiles) { L.tileLayer(D.tiles.url, {attribution: D.tiles.attr, maxZoom: 19}).addTo(map); }
if (D.inland) { L.rectangle(D.inland, {pane: "izm-nb", interactive: false, fillColor: S.land, fillOpacity: 1, stroke: false}).addTo(map); }
if (D.land) {
  L.polygon(D.land.map(function (p) { return p.map(decn); }), {pane: "izm-nb", interactive: false, fillColor: S.land, fillOpacity: 1, color: S.land, weight: 4}).addTo(map);
}
var nbLabels = [];
(D.nb || []).forEach(function (n) {
  var g = n.g.map(function (p) { return p.map(decn); });
  L.polygon(g, {pane: "izm-nb", interactive: false, fillColor: S.land, fillOpacity: 1, color: S.land, weight: 4}).addTo(map);
  L.polygon(g, {pane: "izm-nb", interactive: false, fill: false, color: "#cfc7b8", weight: 1}).addTo(map);
  if (n.l) { nbLabels.push(label("izm-nbl", n.n, n.l, "izm-nbl").addTo(map)); }
});
if (D.sea) { label("izm-sea", D.sea.n, D.sea.p, "izm-nbl").addTo(map); }

var choroOn = false;
var byId = {};
function baseStyle(d) {
  if (choroOn && d.c) { return {fillColor: d.c, fillOpacity: S.opacity, color: S.line.color, weight: S.line.weight}; }
  return {fillColor: S.plain.fillColor, fillOpacity: S.opacity, color: S.plain.color, weight: S.plain.weight};
}
D.d.forEach(function (d) {
  var p = L.polygon(shape(d.g), L.extend({className: "izm-district izm-" + d.id, smoothFactor: 0.6}, baseStyle(d)));
  p.bindTooltip(function () { return tip(d.n, d.t); }, {sticky: true, direction: "top", offset: [0, -10], className: "izm-tip"});
  p.bindPopup(function () {
    var e = node("div");
    e.appendChild(node("h3", null, d.n));
    e.appendChild(table(D.pk.map(function (k, i) { return [k, d.v[i]]; }), D.pm));
    return e;
  }, {maxWidth: 360, className: "izm-pop"});
  p.on("mouseover", function () { p.setStyle(S.hover); p.bringToFront(); });
  p.on("mouseout", function () { p.setStyle(baseStyle(d)); });
  p.addTo(map);
  byId[d.id] = p;
});
function restyle() { D.d.forEach(function (d) { byId[d.id].setStyle(baseStyle(d)); }); }
L.polyline(D.outline.map(function (i) { return arcs[i]; }), {pane: "izm-outline", interactive: false,
  color: S.province.color, weight: S.province.weight, lineJoin: "round", className: "izm-province"}).addTo(map);
if (D.pb) {
  L.polyline(D.pb.map(function (i) { return arcs[i]; }), {pane: "izm-outline", interactive: false,
    color: S.province.color, weight: S.province.weight * 0.6, lineJoin: "round", className: "izm-pborder"}).addTo(map);
}

var groups = {choro: L.layerGroup(), osb: L.layerGroup(), wind: L.layerGroup(), proposed: L.layerGroup(),
  farms: L.layerGroup(), labels: L.layerGroup()};
groups.choro.on("add", function () { choroOn = true; restyle(); });
groups.choro.on("remove", function () { choroOn = false; restyle(); });
D.d.forEach(function (d) {
  if (d.w) {
    L.polygon(shape(d.g), {pane: "izm-hatch", interactive: false, className: "izm-proposed", fillColor: "url(#izm-hatch)",
      fillOpacity: 1, color: S.proposed, weight: 1.8, dashArray: "6 4"}).addTo(groups.proposed);
  }
  var m = label(d.a < 160 ? "izm-label izm-small" : "izm-label", d.n, d.l);
  m.izmArea = d.a; m.izmLen = d.n.length;
  groups.labels.addLayer(m);
});
(D.wp || []).forEach(function (w) {
  L.circleMarker(w.p, {pane: "izm-wind", radius: w.r, className: "izm-wind", fillColor: S.wind, fillOpacity: 0.45,
    color: S.wind, weight: 1.6, dashArray: w.q === "a" ? "5 3" : null})
    .bindTooltip(function () { return tip(w.s, w.rows); }, {direction: "top", className: "izm-tip"}).addTo(groups.wind);
});
(D.osb || []).forEach(function (o) {
  L.marker(o.p, {icon: L.divIcon({className: "izm-osb izm-k-" + o.k + " izm-" + o.q, html: D.shapes[o.k], iconSize: [18, 18]}),
    riseOnHover: true, keyboard: true})
    .bindTooltip(node("span", null, o.s), {direction: "top", offset: [0, -8], className: "izm-tip"})
    .bindPopup(function () { return info(o); }, {maxWidth: 380, className: "izm-pop"}).addTo(groups.osb);
});
(D.farms || []).forEach(function (f) {
  L.marker(f.p, {icon: L.divIcon({className: "izm-farm izm-" + f.q, html: D.shapes.farm, iconSize: [14, 14]}),
    riseOnHover: true, keyboard: true})
    .bindTooltip(node("span", null, f.s), {direction: "top", offset: [0, -7], className: "izm-tip"})
    .bindPopup(function () { return info(f); }, {maxWidth: 380, className: "izm-pop"}).addTo(groups.farms);
});
var labelOrder = [];
groups.labels.eachLayer(function (m) { labelOrder.push(m); });
labelOrder.sort(function (a, b) { return b.izmArea - a.izmArea; });
function fitLabels() {
  /* Every write (show a label) comes before every read (measure it), so that the page is
     laid out once per call rather than once per label. */
  var outer = box.getBoundingClientRect();
  var boxes = Array.prototype.map.call(box.querySelectorAll(".leaflet-control"), function (c) { return c.getBoundingClientRect(); });
  var nb = nbLabels.map(function (m) { return m.getElement(); }).filter(function (e) { return e; });
  nb.forEach(function (e) { e.style.display = ""; });
  nb.map(function (e) { return e.firstChild.getBoundingClientRect(); }).forEach(function (r, i) {
    var off = r.left < outer.left || r.right > outer.right || r.top < outer.top || r.bottom > outer.bottom;
    var hidden = off || boxes.some(function (b) { return r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom; });
    nb[i].style.display = hidden ? "none" : "";
  });
  var lat = (D.view.bounds[0][0] + D.view.bounds[1][0]) / 2;
  var k = 256 * Math.pow(2, map.getZoom()) / 40075 / Math.cos(lat * Math.PI / 180); /* px per km */
  var pts = [], placed = [];
  ["osb", "farms"].forEach(function (g) {
    if (map.hasLayer(groups[g])) { groups[g].eachLayer(function (m) { pts.push(map.latLngToLayerPoint(m.getLatLng())); }); }
  });
  var shown = labelOrder.filter(function (m) {
    var e = m.getElement();
    if (!e) { return false; }
    var show = Math.sqrt(m.izmArea) * k >= m.izmLen * S.labelPx;
    e.style.display = show ? "" : "none";
    return show;
  });
  var sizes = shown.map(function (m) {
    var s = m.getElement().firstChild;
    return [s.offsetWidth / 2 + 2, s.offsetHeight / 2];
  });
  shown.forEach(function (m, i) {
    var e = m.getElement(), dy = 0;
    var p = map.latLngToLayerPoint(m.getLatLng()), w = sizes[i][0], h = sizes[i][1];
    function hit(q) { return Math.abs(q.x - p.x) < w + 8 && Math.abs(q.y - p.y - dy) < h + 8; }
    for (var pass = 0; pass < 3; pass++) {
      var below = pts.filter(hit).reduce(function (y, q) { return Math.max(y, q.y); }, -Infinity);
      if (below === -Infinity) { break; }
      dy = below - p.y + h + 9;
    }
    var r = [p.x - w, p.y + dy - h, p.x + w, p.y + dy + h];
    var clash = dy > 48 || pts.some(hit) || placed.some(function (o) { return r[0] < o[2] && o[0] < r[2] && r[1] < o[3] && o[1] < r[3]; });
    e.style.display = clash ? "none" : "";
    e.firstChild.style.top = dy + "px";
    if (!clash) { placed.push(r); }
  });
}
groups.labels.on("add", fitLabels);
map.on("zoomend moveend", fitLabels);

function sync(key, on) {
  var els = document.querySelectorAll('[data-layer="' + key + '"]');
  for (var i = 0; i < els.length; i++) { els[i].hidden = !on; }
}
var overlays = {};
D.layers.forEach(function (l) {
  var g = groups[l[0]];
  g.izmKey = l[0];
  overlays[l[1]] = g;
  if (l[2]) { g.addTo(map); }
  sync(l[0], !!l[2]);
});
map.on("overlayadd overlayremove", function (e) {
  if (e.layer.izmKey) { sync(e.layer.izmKey, e.type === "overlayadd"); fitLabels(); }
});
L.control.layers(null, overlays, {collapsed: narrow, position: "topright"}).addTo(map);
var notes = document.getElementById("izm-notes"), slim = box.clientWidth < 600;
if (slim) { box.className += " izm-slim"; }
control(notes, slim ? "bottomleft" : "topright");
L.control.scale({imperial: false, position: "bottomleft"}).addTo(map);
L.control.attribution({prefix: "Leaflet", position: "bottomright"}).addAttribution(D.attr).addTo(map);

var padL = 10, padT = 10;
if (legend) {
  if (legend.offsetWidth < 0.42 * box.clientWidth && legend.offsetHeight < 0.8 * box.clientHeight) {
    padL = legend.offsetWidth + 20;
  } else {
    legend.open = false;
    padT = legend.offsetHeight + 14;
  }
}
var padB = notes && slim ? notes.offsetHeight + 40 : 10;
map.fitBounds(D.view.bounds, {paddingTopLeft: [padL, padT], paddingBottomRight: [10, padB], animate: false});
fitLabels();
window.izmirMap = {map: map, districts: byId, layers: groups, fitLabels: fitLabels};
}());
""")
