/* The script of the side-by-side page (izmir_maps.interactive.sync.sync_js()),
   inlined as it is. The placeholder comment @PAGE_JS@ in run() is replaced by
   map.js as a single map inlines it, so each half runs the ordinary page script
   with its own document and window; then moving one map moves the other.
   The left half's data carries "nav", so map.js draws the tools (search, full
   screen, home link) on the left map and keeps the address; the right follows.
   This first comment is not part of the page. */
(function () {
"use strict";
function run(document, window) {
/* @PAGE_JS@ */}
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
var nav = data("l").nav, whole = document.querySelector(".izm-sync");
var leftBox = document.getElementById("izm-map-l");
/* Full screen shows both maps: map.js asks the left map's box, which passes the request on. */
if (nav && whole.requestFullscreen) {
  leftBox.requestFullscreen = function () { return whole.requestFullscreen(); };
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
if (!left || !right) { return; }  /* no Leaflet: the left pane keeps map.js's message */
/* An address with a district or a view: map.js has shown it on the left map already. */
var restored = !!nav && window.location.hash.length > 1;
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
// A phone (map.js's izm-slim) has the legends at the bottom: İzmir goes above them and below
// the buttons at the top right (the shorter column: the left map's tools may cover a corner).
var bounds = data("l").view.bounds, legW = 0, legH = 0, above = Infinity, below = 10;
function offsets(e, box) {
  var r = e.getBoundingClientRect(), b = box.getBoundingClientRect();
  return {top: r.top - b.top, bottom: r.bottom - b.top, height: b.height};
}
["l", "r"].forEach(function (side) {
  var box = document.getElementById("izm-map-" + side), e = document.getElementById("izm-legend-" + side);
  var col = box.querySelector(".leaflet-top.leaflet-right"), at = e ? offsets(e, box) : null;
  if (at && at.top > at.height / 2 && e.offsetHeight > 0.3 * at.height) {
    e.open = false;  /* it would cover İzmir on a phone: its title stays, a tap opens it */
    at = offsets(e, box);
  }
  if (at && at.top > at.height / 2) {
    below = Math.max(below, at.height - at.top + 10);
  } else if (e) {
    legW = Math.max(legW, e.offsetWidth); legH = Math.max(legH, e.offsetHeight);
  }
  above = Math.min(above, col && / izm-slim/.test(box.className) ? offsets(col, box).bottom + 10 : 10);
});
function fits(pad) {
  left.map.fitBounds(bounds, {paddingTopLeft: pad[0], paddingBottomRight: pad[1], animate: false});
  var sw = left.map.latLngToContainerPoint(bounds[0]), ne = left.map.latLngToContainerPoint(bounds[1]);
  return sw.x >= pad[0][0] - 1 && ne.y >= pad[0][1] - 1;
}
function zoomWith(pad) { return left.map.getBoundsZoom(bounds, false, L.point(pad[0]).add(pad[1])); }
var pads = [[[10, Math.max(above, legH + 14)], [10, below]], [[legW + 20, above], [10, below]]];
if (zoomWith(pads[1]) > zoomWith(pads[0])) { pads.reverse(); }
if (!restored && !fits(pads[0])) { fits(pads[1]); }
place(right.map, left.map.getCenter(), left.map.getZoom());
follow(left.map, right.map);
follow(right.map, left.map);
if (nav && !restored) {
  /* the fit above moved the left map, and map.js wrote that view to the address: not chosen */
  try { window.history.replaceState(null, "", window.location.href.split("#")[0]); } catch (err) { /* a sandboxed frame */ }
}
document.addEventListener("fullscreenchange", function () {
  var b = leftBox.querySelector(".izm-fs");
  if (b && document.fullscreenElement === whole) { b.textContent = nav.w.fullscreen_exit; }
  right.map.invalidateSize();
});
window.izmirSync = {left: left, right: right};
}());
