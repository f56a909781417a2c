/* The page script of every interactive map (izmir_maps.interactive.render).
   _assets.page_js() inlines it with the indentation of each line removed, so keep
   multi-line strings out of it; the page's Content-Security-Policy allows it by the
   sha256 of those bytes. It reads its data from <script id="izm-data"> and
   publishes window.izmirMap. sync.js runs it once per half with a scoped document
   and window: before using another document method, element id or window property,
   read the tripwire test in tests/interactive/test_sync.py.
   Finding and sharing a district (search, "İzmir merkez", full screen, the address
   #<slug>/<zoom>/<lat>/<lng>) needs D.nav, which only a single map's page carries:
   the whole page's document and window (doc, win) serve it, never a half of sync.js.
   This first comment is not part of the page. */
(function () {
"use strict";
/* A page copied without the atlas's assets/ has no Leaflet: its message (.izm-missing) stays. */
if (typeof L === "undefined") { return; }
var missing = document.querySelector(".izm-missing");
if (missing) { missing.parentNode.removeChild(missing); }
var D = JSON.parse(document.getElementById("izm-data").textContent);
var N = D.nav;
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
/* --- a page of many districts (_payload.pack): its districts by column, rebuilt here as
   one object each, as a page of one province sends them; nothing is formatted here --- */
var P = D.p, DIGIT = [];
(function () {
  var c, k = 0;
  for (c = 32; c < 127; c++) { if ("\"\\<>&".indexOf(String.fromCharCode(c)) < 0) { DIGIT[c] = k++; } }
}());
function read(st) {
  /* a number stream: a digit below st[0] ends a number, one above carries it on */
  var t = st[0], s = st[1], base = 90 - t, out = [], v = 0, m = 1, i, c;
  for (i = 0; i < s.length; i++) {
    c = DIGIT[s.charCodeAt(i)];
    if (c >= t) { v += (c - t) * m; m *= base; } else { out.push(v + c * m); v = 0; m = 1; }
  }
  return out;
}
function signed(z) { return z % 2 ? -(z + 1) / 2 : z / 2; }
function running(a) { var at = 0; return a.map(function (z) { at += signed(z); return at; }); }
function arcStream(c) {
  /* each arc: its number of points, then each point as a step from the last one */
  var out = [], i = 0, x = 0, y = 0, n, a;
  while (i < c.length) {
    n = c[i++]; a = [];
    for (; n > 0; n--) { x += signed(c[i++]); y += signed(c[i++]); a.push(L.latLng(y / Q, x / Q)); }
    out.push(a);
  }
  return out;
}
function column(c, n) {
  /* _payload._column: l the values; o by index, only where given; u and i (or x) distinct texts
     and indices; z numbers, multiples of 1 / d; j texts joined. undefined: no such entry */
  var out = [];
  if (c.l) { return c.l; }
  if (c.o) { Object.keys(c.o).forEach(function (k) { out[+k] = c.o[k]; }); out.length = n; return out; }
  if (c.u && c.x) { return read(c.x).map(function (k) { return k ? c.u[k - 1] : undefined; }); }
  if (c.u) { return c.i.map(function (k) { return k < 0 ? undefined : c.u[k]; }); }
  if (c.z) { return read(c.z).map(function (z) { return z ? signed(z - 1) / (c.d || 1) : null; }); }
  return c.j.split(P.sep).map(function (v) { return v ? (c.p || "") + v + (c.s || "") : undefined; });
}
function navItem(name) {
  /* _payload._nav_item: the slug (and the search key where it is not the slug) of a plain name */
  var k = "", i, c, s;
  for (i = 0; i < name.length; i++) { c = name.charAt(i); k += N.fold[c] || c.toLowerCase(); }
  k = k.replace(/\s+/g, " ").trim();
  s = k.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "x";
  return k === s ? {s: s} : {s: s, k: k};
}
function unpack() {
  var n = P.n, cols = {}, keys = Object.keys(P.c), ids = [], lp = running(read(P.l)), codes = read(P.g), at = 0, fresh = 0, i;
  var tips = P.tc.map(function (c) { return column(c, n); }), vals = P.vc.map(function (c) { return column(c, n); });
  keys.forEach(function (k) { cols[k] = column(P.c[k], n); });
  P.id.forEach(function (r) {  /* a string, or a run [prefix, first number, count, digits] */
    var k, s;
    if (typeof r === "string") { ids.push(r); return; }
    for (k = 0; k < r[2]; k++) { s = String(r[1] + k); while (s.length < r[3]) { s = "0" + s; } ids.push(r[0] + s); }
  });
  function times(k, f) { var out = []; for (; k > 0; k--) { out.push(f()); } return out; }
  function ref() {
    /* 0: the next new arc; else 1 + 2 × (how many arcs ago it was new) + reversed */
    var c = codes[at++], a;
    if (!c) { return fresh++; }
    a = fresh - 1 - Math.floor((c - 1) / 2);
    return (c - 1) % 2 ? ~a : a;
  }
  function ring() { return times(codes[at++], ref); }
  function poly() { return times(codes[at++], ring); }
  D.d = [];
  for (i = 0; i < n; i++) {
    var d = {id: ids[i], g: times(codes[at++], poly), l: [lp[2 * i] / Q, lp[2 * i + 1] / Q]}, t = [];
    d.v = vals.map(function (c) { return c[i]; });
    keys.forEach(function (k) { if (cols[k][i] !== undefined) { d[k] = cols[k][i]; } });
    P.tl.forEach(function (h, j) { if (tips[j][i] !== undefined) { t.push([h, tips[j][i]]); } });
    if (t.length) { d.t = t; }
    D.d.push(d);
  }
  ["ko", "outline", "pb"].forEach(function (k) { if (P[k]) { D[k] = running(read(P[k])); } });
  if (N && N.x) { N.d = D.d.map(function (d, j) { return N.x[j] || navItem(d.n); }); }
}
if (P) { unpack(); }
var arcs = P ? arcStream(read(D.arcs)) : D.arcs.map(dec);
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
var doc = box.ownerDocument, win = doc.defaultView, ready = false;  /* the whole page's: see the first comment */
var map = L.map(box, {zoomSnap: 0.25, zoomDelta: 0.5, minZoom: D.view.min, maxZoom: D.view.max,
  maxBounds: D.view.maxBounds, maxBoundsViscosity: 0.8, attributionControl: false, zoomControl: false});
/* No view yet: layers wait for the one fitBounds at the end, so nothing is projected twice. */
[["izm-nb", 350], ["izm-nbl", 355], ["izm-hatch", 410], ["izm-outline", 420], ["izm-wind", 440], ["izm-labels", 460]].forEach(function (p) {
  var e = map.createPane(p[0]);
  e.style.zIndex = p[1];
  if (p[0] !== "izm-wind") { e.style.pointerEvents = "none"; }
});

var narrow = box.clientWidth < 820 || box.clientHeight < 600, slim = box.clientWidth < 600;
if (narrow) { box.className += " izm-compact"; }
if (slim) { box.className += " izm-slim"; }
var legend = document.getElementById("izm-legend");
function compactLegend() {
  /* a phone: the legend open, its first section only; a button shows the rest */
  var b = node("button", "izm-more", W.legend_more);
  b.type = "button";
  b.setAttribute("aria-expanded", "false");
  b.setAttribute("aria-controls", legend.id);
  b.addEventListener("click", function () {
    var on = b.getAttribute("aria-expanded") !== "true";
    legend.className = on ? "izm-box" : "izm-box izm-lcompact";
    b.setAttribute("aria-expanded", on ? "true" : "false");
    b.textContent = on ? W.legend_less : W.legend_more;
    if (on) { legend.open = true; }
  });
  legend.open = true;
  legend.className = "izm-box izm-lcompact";
  legend.appendChild(b);
}
function control(el, pos) {
  if (!el) { return; }
  var C = L.Control.extend({onAdd: function () {
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
    return el;
  }});
  new C({position: pos}).addTo(map);
}
if (legend && slim) { compactLegend(); }
control(legend, slim ? "bottomleft" : "topleft");  /* a phone: under İzmir, open, compact */
if (N) {
  var tools = navBox();
  if (slim) { tools.style.width = (box.clientWidth - 20) + "px"; }
  control(tools, "topright");
}
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

/* a phone keeps popups clear of the tools and the legend */
var popTL = [5, 5], popBR = [5, 5];
var choroOn = false;
var byId = {}, sel = null;
function baseStyle(d) {
  var s = choroOn && d.c ? {fillColor: d.c, fillOpacity: S.opacity, color: S.line.color, weight: S.line.weight}
    : {fillColor: S.plain.fillColor, fillOpacity: S.opacity, color: S.plain.color, weight: S.plain.weight};
  return d === sel ? L.extend(s, S.hover) : s;  /* the chosen district keeps its outline */
}
var order = D.ko || D.d.map(function (d, i) { return i; });
order.forEach(function (i) {
  var d = D.d[i];
  var p = L.polygon(shape(d.g), L.extend({className: "izm-district izm-" + d.id, smoothFactor: 0.6}, baseStyle(d)));
  p.bindTooltip(function () { return tip(d.n, d.t); }, {sticky: true, direction: "top", offset: [0, -10], className: "izm-tip"});
  p.bindPopup(function () {
    var e = node("div");
    e.appendChild(node("h3", null, d.n));
    if (N && N.pp) {  /* above the table, which scrolls on a phone */
      var a = node("a", "izm-profile", N.w.profile.replace("{name}", function () { return d.n; }) + " \u2192");
      a.href = N.pp + N.d[i].s + ".html";
      e.appendChild(a);
    }
    e.appendChild(table(D.pk.map(function (k, j) { return [k, d.v[j]]; }), D.pm));
    return e;
  }, {maxWidth: 360, className: "izm-pop", autoPanPaddingTopLeft: popTL, autoPanPaddingBottomRight: popBR});
  p.on("popupopen", function (e) { choose(d); dialog(e.popup, d.n, p.getElement()); });
  p.on("popupclose", function () { if (sel === d) { choose(null); } });
  p.on("mouseover", function () { p.setStyle(S.hover); p.bringToFront(); });
  p.on("mouseout", function () { p.setStyle(baseStyle(d)); if (sel !== d) { settle(d); } });
  p.once("add", function () { focusable(p.getElement(), d.an || accessName(d), "button", function () { p.openPopup(d.l); }, d.g); });
  p.addTo(map);
  byId[d.id] = p;
});
/* --- keyboard: each district a button named d.an, in the order D.ko --- */
/* the name read out: d.an, or (when the payload leaves it out) the name and the tooltip's values */
function accessName(d) {
  return d.t ? d.n + ": " + d.t.map(function (r) { return r[1]; }).join(", ") : d.n;
}
var halo = null;
function focusable(el, name, role, open, g) {
  el.setAttribute("tabindex", "0");
  el.setAttribute("role", role);
  el.setAttribute("aria-label", name);
  el.addEventListener("keydown", function (e) {
    if (open && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); open(); }
  });
  if (!g) { return; }
  /* an outline above every district: CSS outlines on SVG paths do not always show */
  el.addEventListener("focus", function () {
    if (halo) { map.removeLayer(halo); }
    if (el.matches && !el.matches(":focus-visible")) { halo = null; return; }  /* a click: the highlight is enough */
    halo = L.layerGroup([
      L.polygon(shape(g), {pane: "izm-outline", interactive: false, fill: false, color: "#000", weight: 5, className: "izm-ring"}),
      L.polygon(shape(g), {pane: "izm-outline", interactive: false, fill: false, color: "#fff", weight: 2, className: "izm-ring"})
    ]).addTo(map);
  });
  el.addEventListener("blur", function () { if (halo) { map.removeLayer(halo); halo = null; } });
}
function keep(el, fn) {
  /* moving an element blurs it */
  var had = el === doc.activeElement;
  fn();
  if (had && doc.activeElement !== el) { el.focus({preventScroll: true}); }
}
function settle(d) {
  /* put a district back in its place, so that Tab keeps the order D.ko */
  var el = byId[d.id].getElement(), at = order.indexOf(D.d.indexOf(d)) + 1, next = null;
  for (; at < order.length && !next; at++) { next = byId[D.d[order[at]].id]; }
  keep(el, function () { el.parentNode.insertBefore(el, next ? next.getElement() : null); });
}
function dialog(popup, name, back) {
  /* a popup opened by keyboard takes the focus; Escape or its close button give it back */
  var el = popup.getElement(), body = el.querySelector(".leaflet-popup-content"), x = el.querySelector(".leaflet-popup-close-button");
  body.setAttribute("tabindex", "-1");
  body.setAttribute("role", "dialog");
  body.setAttribute("aria-label", name);
  if (x) { x.setAttribute("aria-label", W.close); x.title = W.close; }
  if (back && back === doc.activeElement) { body.focus({preventScroll: true}); }
  if (el.izmKeys) { el.izmBack = back; return; }
  el.izmKeys = true;
  el.izmBack = back;
  el.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { return; }
    e.preventDefault();
    e.stopPropagation();
    map.closePopup();
    if (el.izmBack) { el.izmBack.focus({preventScroll: true}); }
  });
  if (x) { x.addEventListener("click", function () { if (el.izmBack) { el.izmBack.focus({preventScroll: true}); } }); }
}
function restyle() { D.d.forEach(function (d) { byId[d.id].setStyle(baseStyle(d)); }); }
function choose(d) {
  var old = sel;
  sel = d;
  if (old) { byId[old.id].setStyle(baseStyle(old)); }
  if (old && old !== d) { settle(old); }
  if (d) { keep(byId[d.id].setStyle(baseStyle(d)).getElement(), function () { byId[d.id].bringToFront(); }); }
  writeHash();
}
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
    .bindTooltip(function () { return tip(w.s, w.rows); }, {direction: "top", className: "izm-tip"})
    .on("add", function (e) {
      var c = e.target, el = c.getElement();
      if (el.izmKeys) { return; }
      el.izmKeys = true;
      focusable(el, w.an || w.s, "img", null, null);
      el.addEventListener("focus", function () { c.openTooltip(); });
      el.addEventListener("blur", function () { c.closeTooltip(); });
    }).addTo(groups.wind);
});
(D.osb || []).forEach(function (o) {
  L.marker(o.p, {icon: L.divIcon({className: "izm-osb izm-k-" + o.k + " izm-" + o.q, html: D.shapes[o.k], iconSize: [18, 18]}),
    riseOnHover: true, keyboard: true})
    .bindTooltip(node("span", null, o.s), {direction: "top", offset: [0, -8], className: "izm-tip"})
    .bindPopup(function () { return info(o); }, {maxWidth: 380, className: "izm-pop", autoPanPaddingTopLeft: popTL, autoPanPaddingBottomRight: popBR}).on("add", named(o))
    .on("popupopen", function (e) { dialog(e.popup, o.h || o.s, e.target.getElement()); }).addTo(groups.osb);
});
(D.farms || []).forEach(function (f) {
  L.marker(f.p, {icon: L.divIcon({className: "izm-farm izm-" + f.q, html: D.shapes.farm, iconSize: [14, 14]}),
    riseOnHover: true, keyboard: true})
    .bindTooltip(node("span", null, f.s), {direction: "top", offset: [0, -7], className: "izm-tip"})
    .bindPopup(function () { return info(f); }, {maxWidth: 380, className: "izm-pop", autoPanPaddingTopLeft: popTL, autoPanPaddingBottomRight: popBR}).on("add", named(f))
    .on("popupopen", function (e) { dialog(e.popup, f.h || f.s, e.target.getElement()); }).addTo(groups.farms);
});
function named(o) {
  /* Leaflet makes a marker a button that Enter opens: name it */
  return function (e) {
    var el = e.target.getElement();
    el.setAttribute("aria-label", o.an || o.s);
    if (el.izmKeys) { return; }
    el.izmKeys = true;
    el.addEventListener("keydown", function (k) {
      if (k.key === " ") { k.preventDefault(); e.target.openPopup(); }
    });
  };
}
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
var notes = document.getElementById("izm-notes");
control(notes, slim ? "bottomleft" : "topright");
if (!D.grid) { L.control.scale({imperial: false, position: "bottomleft"}).addTo(map); }
L.control.attribution({prefix: "Leaflet", position: "bottomright"}).addAttribution(D.attr).addTo(map);

/* --- find and share a district: only with D.nav ------------------------------------- */
function fold(s) {
  /* text.names.ascii_fold: the Turkish letters by the table D.nav.fold, then accents off */
  var out = "", i, c;
  s = s.normalize("NFC");
  for (i = 0; i < s.length; i++) { c = s.charAt(i); out += N.fold[c] || c.toLowerCase(); }
  return out.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
}
function matches(q) {
  var first = [], then = [];
  if (q) {
    N.d.forEach(function (n, i) {
      var at = (n.k || n.s).indexOf(q);  /* k is left out where it is the slug */
      if (at === 0) { first.push(i); } else if (at > 0) { then.push(i); }
    });
  }
  return first.concat(then);
}
function show(i, zoom) {
  var d = D.d[i], p = byId[d.id];
  if (zoom) { fit(p.getBounds(), 11, true); }
  p.openPopup(d.l);
}
function hashOf() {
  var c = map.getCenter(), i = D.d.indexOf(sel);
  return "#" + (i >= 0 ? N.d[i].s : "") + "/" + Number(map.getZoom().toFixed(2)) + "/" + c.lat.toFixed(4) + "/" + c.lng.toFixed(4) + yearPart();
}
function writeHash() {
  if (!ready) { return; }
  try { win.history.replaceState(null, "", hashOf()); } catch (err) { /* a sandboxed frame: no address to keep */ }
}
function restore() {
  var h = /^([^/]*)(?:\/(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?))?$/.exec(yearOf(win.location.hash.slice(1))), key, i = -1;
  if (!h) { return; }
  try { key = fold(decodeURIComponent(h[1])); } catch (err) { key = ""; }
  N.d.forEach(function (n, j) { if (i < 0 && key && (n.s === key || n.k === key)) { i = j; } });
  if (i >= 0) { show(i, !h[2]); } else { map.closePopup(); }
  if (h[2]) { map.setView([+h[3], +h[4]], +h[2], {animate: false}); }
}
function button(cls, txt, fn) {
  var b = node("button", cls, txt);
  b.type = "button";
  b.addEventListener("click", fn);
  return b;
}
function finder() {
  var wrap = node("div", "izm-find"), lab = node("label", null, N.w.search), inp = node("input"), list = node("ul", "izm-list");
  var found = [], at = -1;
  wrap.setAttribute("role", "search");
  inp.id = "izm-q"; lab.htmlFor = "izm-q"; list.id = "izm-list";
  inp.type = "search"; inp.placeholder = N.w.search_hint; inp.autocomplete = "off"; inp.spellcheck = false;
  [["role", "combobox"], ["aria-autocomplete", "list"], ["aria-expanded", "false"], ["aria-controls", "izm-list"]].forEach(function (a) { inp.setAttribute(a[0], a[1]); });
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", N.w.search);
  list.hidden = true;
  function mark(j) {
    at = j;
    Array.prototype.forEach.call(list.children, function (li, k) { li.setAttribute("aria-selected", k === j ? "true" : "false"); });
    if (j >= 0) { inp.setAttribute("aria-activedescendant", "izm-o-" + j); } else { inp.removeAttribute("aria-activedescendant"); }
  }
  function toggle(on) {
    list.hidden = !on;
    inp.setAttribute("aria-expanded", on ? "true" : "false");
    if (!on) { mark(-1); }
  }
  function pick(j) {
    var i = found[j];
    if (i === undefined) { return; }
    inp.value = D.d[i].n;
    toggle(false);
    show(i, true);
  }
  function render() {
    var q = fold(inp.value);
    found = matches(q).slice(0, 8);
    list.textContent = "";
    found.forEach(function (i, j) {
      var li = node("li", null, D.d[i].n);
      li.id = "izm-o-" + j;
      li.setAttribute("role", "option");
      li.addEventListener("mousedown", function (e) { e.preventDefault(); pick(j); });  /* before the input's blur */
      list.appendChild(li);
    });
    if (q && !found.length) { list.appendChild(node("li", "izm-none", N.w.no_match)); }
    toggle(!!q);
    mark(-1);
  }
  inp.addEventListener("input", render);
  inp.addEventListener("blur", function () { toggle(false); });
  inp.addEventListener("keydown", function (e) {
    var step = {ArrowDown: 1, ArrowUp: -1}[e.key];
    if (step) {
      e.preventDefault();
      if (list.hidden) { render(); }
      if (found.length) { mark((at + step + found.length + (at < 0 && step < 0 ? 1 : 0)) % found.length); }
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (list.hidden) { render(); }
      pick(at >= 0 ? at : 0);
    } else if (e.key === "Escape" && !list.hidden) {
      e.preventDefault();
      toggle(false);
    }
  });
  [lab, inp, list].forEach(function (e) { wrap.appendChild(e); });
  return wrap;
}
function fullscreen() {
  var b = button("izm-fs", N.w.fullscreen, function () {
    var r = doc.fullscreenElement ? doc.exitFullscreen() : box.requestFullscreen();
    if (r && r.catch) { r.catch(function () { b.hidden = true; }); }
  });
  b.hidden = !(doc.fullscreenEnabled && box.requestFullscreen);  /* e.g. an iPhone, a frame without allowfullscreen */
  doc.addEventListener("fullscreenchange", function () {
    b.textContent = doc.fullscreenElement === box ? N.w.fullscreen_exit : N.w.fullscreen;
    map.invalidateSize();
  });
  return b;
}
function navBox() {
  var nav = node("nav", "izm-box izm-nav"), row = node("div", "izm-nav-row");
  nav.setAttribute("aria-label", N.w.tools);
  if (N.home) {
    var home = node("a", "izm-home", "\u2190 " + N.w.home_short);
    home.href = N.home;
    home.title = N.w.home;
    home.setAttribute("aria-label", N.w.home);
    nav.appendChild(home);
  }
  nav.appendChild(finder());
  if (N.centre) {
    var c = button("izm-centre", N.w.centre, function () { fit(N.centre, 12, true); });
    c.title = N.w.centre_title;
    row.appendChild(c);
  }
  row.appendChild(fullscreen());
  var t = valueTable();
  if (t) { row.appendChild(t); }
  var rk = rankButton();
  if (rk) { row.appendChild(rk); }
  nav.appendChild(row);
  return nav;
}
function valueTable() {
  /* "Tablo olarak göster": the payload's table in place of the map */
  var sec = doc.querySelector(".izm-table");
  if (!sec) { return null; }
  var back = sec.querySelector(".izm-table-back"), rows = P && P.tr ? sec.querySelector("tbody") : null;
  var b = button("izm-tbl", N.w.table, function () {
    if (rows) { tableRows(rows, P.tr); rows = null; }  /* a packed page's rows: once, when first shown */
    flip(true);
  });
  b.setAttribute("aria-expanded", "false");
  b.setAttribute("aria-controls", sec.id);
  function flip(on) {
    sec.hidden = !on;
    box.hidden = on;
    b.setAttribute("aria-expanded", on ? "true" : "false");
    if (on) { back.focus(); return; }
    map.invalidateSize({pan: false});
    b.focus();
  }
  back.addEventListener("click", function () { flip(false); });
  sec.addEventListener("keydown", function (e) { if (e.key === "Escape") { flip(false); } });
  return b;
}
function tableRows(body, tr) {
  /* a packed page's table (_payload._table_parts): each district in the order D.ko, its name,
     then under each column tr.h its tooltip's value, or tr.f */
  D.ko.forEach(function (i) {
    var d = D.d[i], row = node("tr"), th = node("th", null, d.n), v = Object.create(null);
    (d.t || []).forEach(function (r) { v[r[0]] = r[1]; });
    th.setAttribute("scope", "row");
    row.appendChild(th);
    tr.h.forEach(function (h) { row.appendChild(node("td", null, h in v ? v[h] : tr.f)); });
    body.appendChild(row);
  });
}
function printing() {
  /* The page prints what the screen showed, on a page of another size (A4 landscape), with
     the legend open; then it is as before. Chromium tells beforeprint before it lays the
     page out for print, and the "print" media query after, so both re-fit. */
  var was = null, view = null, mq = win.matchMedia ? win.matchMedia("print") : null;
  function enter() {
    if (!view) {
      view = {c: map.getCenter(), z: map.getZoom(), b: map.getBounds()};
      if (legend) { was = legend.open; legend.open = true; }
    }
    map.invalidateSize({pan: false});
    map.fitBounds(view.b, {animate: false});
  }
  function leave() {
    if (!view) { return; }
    if (legend) { legend.open = was; }
    map.invalidateSize({pan: false});
    map.setView(view.c, view.z, {animate: false});
    view = null;
  }
  win.addEventListener("beforeprint", enter);
  win.addEventListener("afterprint", leave);
  if (mq && mq.addEventListener) { mq.addEventListener("change", function (e) { if (e.matches) { enter(); } else { leave(); } }); }
}

/* --- year slider --- */
/* A map of several years (D.yr): one map, a slider and play/pause. The payload holds every
   year's fills, tooltips, names read out, bar values, legend counts and titles: the slider
   only copies them in. The year is kept in the address as its last part, "y=2009". */
var Y = D.yr, yearAt = Y ? Y.s : -1, yearBox = null, yearTimer = null;
function setYear(i) {
  if (!Y || i < 0 || i >= Y.y.length || isNaN(i)) { return; }
  yearAt = i;
  D.d.forEach(function (d, j) {
    var r = Y.f[i][j], p = byId[d.id], el = p.getElement();
    d.c = r[0]; d.t = r[1]; d.an = r[2]; d.bv = r[3]; d.v = r[5];
    if (r[4] === null) { delete d.bs; } else { d.bs = r[4]; }  /* left out: the tooltip's value */
    if (el) { el.setAttribute("aria-label", d.an); }
    if (p.isTooltipOpen()) { p.getTooltip().update(); }
    if (p.isPopupOpen()) { p.getPopup().update(); }
  });
  restyle();
  yearTexts(i);
  yearShow(i);
  writeHash();
  doc.dispatchEvent(new win.CustomEvent("izm:year", {detail: {year: Y.y[i]}}));
}
function yearTexts(i) {
  var rows = legend ? legend.querySelectorAll('section[data-layer="choro"] .izm-classes li') : [];
  Array.prototype.forEach.call(rows, function (li, j) {
    var k = Y.k[i][j];
    li.hidden = k === null || k === undefined;
    if (!li.hidden) { li.querySelector("small").textContent = k; }
  });
  var h = legend && legend.querySelector("h1");
  if (h) { h.textContent = Y.tt[i]; }
  var desc = box.querySelector(".izm-sr");
  if (desc && Y.ds) { desc.textContent = Y.ds[i]; }
  box.setAttribute("aria-label", Y.tt[i]);
  if (N) { doc.title = Y.tt[i]; }  /* a page of one map: its title is the map's */
  yearTable(i);
}
function yearTable(i) {
  /* "Tablo olarak göster": the year's cells, in the rows and columns the table was drawn with */
  var sec = Y.tb && doc.querySelector(".izm-table");
  if (!sec) { return; }
  sec.querySelector("caption h1").textContent = Y.tt[i];
  sec.querySelector(".izm-table-box").setAttribute("aria-label", Y.tt[i]);
  Array.prototype.forEach.call(sec.querySelectorAll("tbody tr"), function (tr, r) {
    Array.prototype.forEach.call(tr.querySelectorAll("td"), function (td, c) { td.textContent = Y.tb[i][r][c]; });
  });
}
function yearShow(i) {
  if (!yearBox) { return; }
  yearBox.input.value = String(i);
  yearBox.input.setAttribute("aria-valuetext", String(Y.y[i]));
  yearBox.now.textContent = String(Y.y[i]);
}
function yearPlay(on) {
  /* play: a step about every second, slower for a reader who asked for less motion; it stops
     at the last year, and starts again from the first when pressed there */
  var slow = win.matchMedia && win.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (yearTimer) { win.clearInterval(yearTimer); yearTimer = null; }
  yearBox.play.setAttribute("aria-pressed", on ? "true" : "false");
  yearBox.icon.textContent = on ? "\u275a\u275a" : "\u25b6";
  yearBox.word.textContent = on ? Y.w.pause : Y.w.play;
  if (!on) { return; }
  if (yearAt >= Y.y.length - 1) { setYear(0); }
  yearTimer = win.setInterval(function () {
    setYear(yearAt + 1);
    if (yearAt >= Y.y.length - 1) { yearPlay(false); }
  }, slow ? 2000 : 1100);
}
function yearSlider() {
  var wrap = node("div", "izm-box izm-years"), top = node("div", "izm-yr-top");
  var lab = node("label", "izm-yr-lab"), name = node("span", null, Y.w.label), input = node("input");
  var now = node("span", "izm-yr-now", String(Y.y[Y.s])), ends = node("div", "izm-yr-ends");
  var play = button("izm-yr-play", "", function () { yearPlay(play.getAttribute("aria-pressed") !== "true"); });
  wrap.setAttribute("role", "group");
  wrap.setAttribute("aria-label", Y.w.group);
  now.setAttribute("aria-hidden", "true");  /* the slider says the year: aria-valuetext */
  input.type = "range"; input.min = "0"; input.max = String(Y.y.length - 1); input.step = "1";
  input.addEventListener("input", function () { if (yearTimer) { yearPlay(false); } setYear(+input.value); });
  lab.appendChild(name);
  lab.appendChild(input);
  Y.y.forEach(function (y, j) {  /* every year under its step, or the first and the last of many */
    if (Y.y.length <= 6 || j === 0 || j === Y.y.length - 1) { ends.appendChild(node("span", null, String(y))); }
  });
  ends.setAttribute("aria-hidden", "true");
  top.appendChild(now);
  top.appendChild(play);
  [top, lab, ends].forEach(function (e) { wrap.appendChild(e); });
  var icon = node("span", "izm-yr-icon"), word = node("span");
  icon.setAttribute("aria-hidden", "true");
  play.appendChild(icon);
  play.appendChild(word);
  yearBox = {input: input, now: now, play: play, icon: icon, word: word};
  yearPlay(false);
  yearShow(Y.s);
  return wrap;
}
function yearOf(raw) {
  /* "bornova/10/38.4/27.1/y=2009" or "y=2009": the year set, the rest returned */
  var m = Y ? /(?:^|\/)y=(\d+)$/.exec(raw) : null;
  if (!m) { return raw; }
  var i = Y.y.indexOf(+m[1]);
  if (i >= 0 && i !== yearAt) { setYear(i); }
  return raw.slice(0, m.index);
}
function yearPart() { return Y ? "/y=" + Y.y[yearAt] : ""; }
if (Y) { control(yearSlider(), slim ? "bottomleft" : "bottomright"); }
var padL = 10, padT = 10;
if (legend && !slim) {  /* a phone has it below the map: padB */
  if (legend.offsetWidth < 0.42 * box.clientWidth && legend.offsetHeight < 0.8 * box.clientHeight) {
    padL = legend.offsetWidth + 20;
  } else {
    legend.open = false;
    padT = legend.offsetHeight + 14;
  }
}
var padB = slim ? box.querySelector(".leaflet-bottom.leaflet-left").offsetHeight + 10 : 10;
function fit(bounds, most, clear) {
  /* clear: keep clear of the search box and the buttons below it too: beside them where
     the map is wide enough, else below them (a phone) */
  var col = box.querySelector(".leaflet-top.leaflet-right"), top = padT, right = 10;
  if (clear && box.clientWidth - padL - col.offsetWidth - 20 >= 0.5 * box.clientWidth) {
    right = col.offsetWidth + 20;
  } else if (clear && !slim) {  /* a phone's padT already clears the search box */
    top = Math.max(padT, col.offsetHeight + 10);
  }
  map.fitBounds(bounds, {paddingTopLeft: [padL, top], paddingBottomRight: [right, padB], maxZoom: most, animate: false});
}
if (slim) {
  /* else a tall view, taller than the panning limits, centres İzmir */
  map.setMaxBounds(L.latLngBounds(D.view.maxBounds).pad(0.5));
  /* İzmir below the tools (the zoom buttons cover only the empty north-east) */
  padT = Math.max(padT, (box.querySelector(".izm-nav") || box.querySelector(".leaflet-top.leaflet-right")).offsetHeight + 20);
}
if (slim && box.id === "izm-map") { popTL[1] = padT; popBR[0] = 56; popBR[1] = padB; }  /* 56: zoom buttons */
fit(D.view.bounds);
fitLabels();
/* the controls come first for the keyboard, then the districts and markers */
box.insertBefore(box.querySelector(".leaflet-control-container"), box.firstChild);
if (N) {
  restore();
  ready = true;  /* from now on the address follows the view and the chosen district */
  win.addEventListener("hashchange", restore);
  map.on("moveend", writeHash);
  printing();
}
/* --- ranking bars --- */
/* Beside a choropleth (D.rb): its districts as bars, longest first, linked to the map. A bar
   pointed at or focused outlines its district on the map; a district pointed at or focused
   marks its bar; a click on a bar, or Enter, opens the district's popup as a click on the map
   does; Escape clears, then closes the panel. The payload gives every number and word: each
   district's value bv (null: no data) and its text bs (left out where it is the tooltip's
   value, its row R.vi: the first, or the second after the province). The order and the ranks are made here, as a year map changes the values
   ("izm:year" on the document). */
function rankButton() {
  /* called by navBox, before the districts exist: the button and the empty, hidden panel */
  var R = D.rb;
  if (!R || box.id !== "izm-map") { return null; }  /* a page of one map: not a half of sync.js */
  var panel = node("aside", "izm-rb"), head = node("div", "izm-rb-head"), h = node("h2", null, R.b);
  var x = node("button", "izm-rb-x", "\u00d7"), live = node("p", "izm-rb-live");
  var b = node("button", "izm-rbtn", R.b);
  panel.id = "izm-rb"; h.id = "izm-rb-h";
  panel.hidden = true;
  panel.setAttribute("aria-labelledby", "izm-rb-h");
  x.type = "button"; x.title = R.x;
  x.setAttribute("aria-label", R.x);
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  head.appendChild(h);
  head.appendChild(x);
  [head, node("p", "izm-rb-what", R.h), node("p", "izm-rb-hint", R.i), live, node("ol")].forEach(function (e) { panel.appendChild(e); });
  doc.body.appendChild(panel);
  b.type = "button";
  b.setAttribute("aria-expanded", "false");
  b.setAttribute("aria-controls", "izm-rb");
  return b;
}
var rbOpener = box.querySelector(".izm-rbtn");
if (rbOpener) { rankBars(doc.querySelector(".izm-rb"), rbOpener); }
function rankBars(panel, opener) {
  var R = D.rb, list = panel.querySelector("ol"), live = panel.querySelector(".izm-rb-live");
  var bars = {}, here = null, pos = {}, folded = null;
  order.forEach(function (i, k) { pos[i] = k; });  /* ties, and the districts without a value: Turkish alphabetical */
  function has(d) { return typeof d.bv === "number"; }
  function shown(d) { return has(d) ? (typeof d.bs === "string" ? d.bs : d.t[R.vi || 0][1]) : R.nd; }
  function say(d) {
    var b = bars[d.id], s = has(d) ? R.s : R.s.replace(/,?\s*\{3\}/, "");
    return s.replace("{1}", function () { return d.n; }).replace("{2}", function () { return shown(d); })
      .replace("{3}", function () { return b ? b.izmRank : ""; });
  }
  function mark(d, cls, on, scroll) {
    var b = d && bars[d.id];
    if (!b) { return; }
    b.classList.toggle(cls, on);
    if (on && scroll && !panel.hidden) { b.scrollIntoView({block: "nearest"}); }
  }
  function lit(d, on) {
    /* as the map's own mouseover and mouseout */
    var p = byId[d.id];
    if (on) { p.setStyle(S.hover); p.bringToFront(); } else { p.setStyle(baseStyle(d)); if (sel !== d) { settle(d); } }
    mark(d, "izm-rb-on", on, false);
  }
  function pick(d, b, keys) {
    var p = byId[d.id], el, body;
    p.openPopup(d.l);
    el = p.getPopup().getElement();
    if (!keys || !el) { return; }
    /* by keyboard the popup takes the focus, and Escape or its close button give it back to the bar */
    el.izmBack = b;
    body = el.querySelector(".leaflet-popup-content");
    if (body) { body.focus({preventScroll: true}); }
  }
  function bar(d, rank, top) {
    var b = node("button", "izm-rb-bar"), line = node("span", "izm-rb-top"), track = node("span", "izm-rb-track");
    b.type = "button";
    b.izmRank = rank ? R.r.replace("{1}", rank).replace("{2}", top.n) : "";
    [node("span", "izm-rb-k", rank ? rank + "." : "\u2013"), node("span", "izm-rb-n", d.n), node("span", "izm-rb-v", shown(d))].forEach(function (e, i) {
      if (i) { line.appendChild(document.createTextNode(" ")); }  /* the button's name: "4. Çiğli 39.234 kişi" */
      line.appendChild(e);
    });
    b.appendChild(line);
    if (rank) {
      var fill = node("span", "izm-rb-fill");
      fill.style.width = (top.v > 0 ? Math.max(d.bv, 0) / top.v * 100 : 0) + "%";
      fill.style.backgroundColor = d.c;
      if (d.b) { fill.className += " izm-rb-hatch"; }  /* hatched on the map too: an estimate */
      track.appendChild(fill);
    }
    b.appendChild(track);
    if (d.b) { b.appendChild(node("span", "izm-rb-cv", d.t[d.t.length - 1][1])); }  /* _add_caveat's line, the tooltip's last */
    b.addEventListener("mouseenter", function () { lit(d, true); });
    b.addEventListener("mouseleave", function () { if (b !== doc.activeElement) { lit(d, false); } });
    b.addEventListener("focus", function () { lit(d, true); });
    b.addEventListener("blur", function () { if (!b.matches(":hover")) { lit(d, false); } });
    b.addEventListener("click", function (e) { pick(d, b, !e.detail); });
    return b;
  }
  function draw() {
    var withV = [], without = [], top = {v: 0, n: 0}, rank = 0, was = doc.activeElement, back = null;
    D.d.forEach(function (d, i) { (has(d) ? withV : without).push(i); });
    withV.sort(function (a, b) { return D.d[b].bv - D.d[a].bv || pos[a] - pos[b]; });
    without.sort(function (a, b) { return pos[a] - pos[b]; });
    withV.forEach(function (i) { top.v = Math.max(top.v, D.d[i].bv); });
    top.n = withV.length;
    list.textContent = "";
    withV.concat(without).forEach(function (i, k) {
      var d = D.d[i], li = node("li"), old = bars[d.id];
      if (has(d) && (k === 0 || d.bv !== D.d[withV[k - 1]].bv)) { rank = k + 1; }  /* ties share a rank */
      bars[d.id] = bar(d, has(d) ? rank : 0, top);
      if (old && old === was) { back = bars[d.id]; }
      li.appendChild(bars[d.id]);
      list.appendChild(li);
    });
    mark(here, "izm-rb-sel", true, false);
    if (back) { back.focus({preventScroll: true}); }
  }
  function chosen(d) {
    mark(here, "izm-rb-sel", false, false);
    here = d;
    mark(d, "izm-rb-sel", true, true);
    live.textContent = d ? say(d) : "";
  }
  function openPanel(on) {
    var whole = map.getBounds().contains(D.view.bounds), c = map.getCenter();  /* all of it in view: fit it again */
    panel.hidden = !on;
    opener.setAttribute("aria-expanded", on ? "true" : "false");
    doc.body.classList.toggle("izm-rb-open", on);
    if (slim && legend) {
      /* a phone: the panel takes the lower part of the screen, the legend folds to its title */
      if (on) { folded = legend.open; legend.open = false; } else if (folded !== null) { legend.open = folded; folded = null; }
      padB = box.querySelector(".leaflet-bottom.leaflet-left").offsetHeight + 10;
    }
    map.invalidateSize({pan: false});
    if (whole) { fit(D.view.bounds); } else { map.setView(c, map.getZoom(), {animate: false}); }  /* else the centre stays */
    mark(here, "izm-rb-sel", true, true);
    (on ? panel.querySelector(".izm-rb-x") : opener).focus();
  }
  D.d.forEach(function (d) {
    var p = byId[d.id], el = p.getElement();
    p.on("mouseover", function () { mark(d, "izm-rb-on", true, true); });
    p.on("mouseout", function () { mark(d, "izm-rb-on", false, false); });
    p.on("popupopen", function () { chosen(d); });
    p.on("popupclose", function () { if (here === d) { chosen(null); } });
    el.addEventListener("focus", function () { mark(d, "izm-rb-on", true, true); });
    el.addEventListener("blur", function () { mark(d, "izm-rb-on", false, false); });
  });
  opener.addEventListener("click", function () { openPanel(panel.hidden); });
  panel.querySelector(".izm-rb-x").addEventListener("click", function () { openPanel(false); });
  panel.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { return; }
    e.preventDefault();
    if (!here) { openPanel(false); return; }
    map.closePopup();
    live.textContent = R.c;
  });
  function year() {
    /* a year map: the heading names the year shown, a chosen district is read out again */
    var what = panel.querySelector(".izm-rb-what");
    draw();
    if (what && D.yr) { what.textContent = D.yr.tt[yearAt]; }
    if (here) { live.textContent = say(here); }
  }
  doc.addEventListener("izm:year", year);
  draw();
  if (D.yr) { panel.querySelector(".izm-rb-what").textContent = D.yr.tt[yearAt]; }
  if (sel) { chosen(sel); }
}

window.izmirMap = {map: map, districts: byId, layers: groups, fitLabels: fitLabels, show: show};
}());
