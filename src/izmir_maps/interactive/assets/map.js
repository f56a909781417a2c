/* The page script of every interactive map (izmir_maps.interactive.render).
   _assets.page_js() inlines it with the indentation of each line removed, so keep
   multi-line strings out of it; the page's Content-Security-Policy allows it by the
   sha256 of those bytes. It reads its data from <script id="izm-data"> and
   publishes window.izmirMap. sync.js runs it once per half with a scoped document
   and window: before using another document method, element id or window property,
   read the tripwire test in tests/interactive/test_sync.py.
   This first comment is not part of the page. */
(function () {
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
  farms: L.layerGroup(), labels: L.layerGroup(), boundary: L.layerGroup()};
groups.choro.on("add", function () { choroOn = true; restyle(); });
groups.choro.on("remove", function () { choroOn = false; restyle(); });
D.d.forEach(function (d) {
  if (d.b) {
    L.polygon(shape(d.g), {pane: "izm-hatch", interactive: false, className: "izm-changed", fillColor: "url(#izm-hatch-b)",
      fillOpacity: 1, color: S.changed, weight: 1.2}).addTo(groups.boundary);
  }
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
