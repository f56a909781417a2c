/* The script of the side-by-side page (izmir_maps.interactive.sync.sync_js()),
   inlined as it is. The placeholder comment @PAGE_JS@ in run() is replaced by
   map.js as a single map inlines it, so each half runs the ordinary page script
   with its own document and window; then moving one map moves the other.
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
