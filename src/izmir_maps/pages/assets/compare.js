/* The live comparison (compare.html, izmir_maps.pages.compare_live): the reader picks 2-4
   districts with the checkboxes, the script draws their table, bars and map outlines from the
   JSON of #cl-data and keeps the choice in the address (#aliaga,bornova,foca). Every number
   it shows is text written by Python in the page's language: it looks values up, never
   formats them. Nothing is fetched; the CSV is made in the page (a Blob). */
(function () {
  "use strict";
  var doc = document, win = window;
  var D = JSON.parse(doc.getElementById("cl-data").textContent), W = D.w;
  var bySlug = {}, chosen = [], note = "", warn = "", firstTitle = doc.title;
  var boxes = Array.prototype.slice.call(doc.querySelectorAll("#cl-boxes input[type=checkbox]"));
  var filter = doc.getElementById("cl-filter"), none = doc.getElementById("cl-none");
  var status = doc.getElementById("cl-status"), count = doc.getElementById("cl-count");
  var result = doc.getElementById("cl-result"), csv = doc.getElementById("cl-csv");
  D.d.forEach(function (d, i) { bySlug[d.s] = i; });

  function node(tag, cls, txt) {
    var e = doc.createElement(tag);
    if (cls) { e.className = cls; }
    if (txt !== undefined && txt !== null) { e.textContent = txt; }
    return e;
  }
  function fill(template, key, value) { return template.split("{" + key + "}").join(value); }
  function names() { return chosen.map(function (i) { return D.d[i].n; }); }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } return e; }
  function swatch(i) {
    var s = node("span", "swatch");
    s.style.background = D.colors[chosen.indexOf(i)];
    s.setAttribute("aria-hidden", "true");
    return s;
  }

  /* --- the address: #aliaga,bornova,foca ------------------------------------------- */
  function fold(s) {
    /* text.names.ascii_fold: the Turkish letters by the table D.fold, then accents off */
    var out = "", i, c;
    s = s.normalize("NFC");
    for (i = 0; i < s.length; i++) { c = s.charAt(i); out += D.fold[c] || c.toLowerCase(); }
    return out.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }
  function find(part) {
    var key = fold(part), i;
    if (Object.prototype.hasOwnProperty.call(bySlug, key)) { return bySlug[key]; }
    for (i = 0; i < D.d.length; i++) { if (D.d[i].k === key) { return i; } }
    return -1;
  }
  function readHash() {
    var raw = win.location.hash.replace(/^#/, ""), unknown = [], extra = false;
    try { raw = decodeURIComponent(raw); } catch (err) { raw = ""; }
    chosen = [];
    raw.split(",").forEach(function (part) {
      var i = part.trim() ? find(part) : -1;
      if (i < 0) {
        if (part.trim()) { unknown.push(part.trim()); }
      } else if (chosen.indexOf(i) < 0) {
        if (chosen.length < D.max) { chosen.push(i); } else { extra = true; }
      }
    });
    if (!raw.trim()) { chosen = D["default"].map(function (s) { return bySlug[s]; }); }
    note = [unknown.length ? fill(W.unknown, "names", unknown.join(", ")) : "", extra ? W.extra : ""].join(" ").trim();
    warn = "";
  }
  function writeHash() {
    var slugs = chosen.map(function (i) { return D.d[i].s; });
    try { win.history.replaceState(null, "", "#" + slugs.join(",")); } catch (err) { /* a sandboxed frame: no address to keep */ }
  }

  /* --- what is drawn ----------------------------------------------------------------- */
  function cell(row, tag, txt, numeric) {
    var c = node(tag, numeric ? "num" : null, txt);
    if (tag === "th") { c.scope = "col"; }
    row.appendChild(c);
    return c;
  }
  function table() {
    var t = node("table"), head = node("tr"), body = node("tbody"), first = chosen[0], n = chosen.length;
    cell(head, "th", W.indicator, false);
    chosen.forEach(function (i) {
      var th = cell(head, "th", null, true);
      th.appendChild(swatch(i));
      th.appendChild(doc.createTextNode(D.d[i].n));
      cell(head, "th", fill(W.rank_of, "name", D.d[i].n), true);
    });
    if (n === 2) {
      cell(head, "th", W.difference, true);
      cell(head, "th", W.ratio, true);
    } else {
      chosen.slice(1).forEach(function (i) { cell(head, "th", D.d[i].n + " / " + D.d[first].n, true); });
    }
    D.rows.forEach(function (r) {
      var tr = node("tr");
      cell(tr, "td", r.l, false);
      chosen.forEach(function (i) { cell(tr, "td", r.v[i], true); cell(tr, "td", r.r[i], true); });
      if (n === 2) {
        cell(tr, "td", r.d[first][chosen[1]], true);
        cell(tr, "td", r.q[first][chosen[1]], true);
      } else {
        chosen.slice(1).forEach(function (i) { cell(tr, "td", r.q[i][first], true); });
      }
      body.appendChild(tr);
    });
    t.appendChild(node("thead")).appendChild(head);
    t.appendChild(body);
    clear(doc.getElementById("cl-table")).appendChild(t);
  }
  function bars() {
    var box = clear(doc.getElementById("cl-bars"));
    D.rows.forEach(function (r) {
      var card = node("div", "card cl-card"), top = 0;
      chosen.forEach(function (i) { if (r.x[i] !== null && r.x[i] > top) { top = r.x[i]; } });
      card.appendChild(node("h3", null, r.t));
      chosen.forEach(function (i) {
        var row = node("div", "cl-bar"), label = node("span", "cl-name"), track = node("span", "cl-track"), bar;
        label.appendChild(swatch(i));
        label.appendChild(doc.createTextNode(D.d[i].n));
        row.appendChild(label);
        row.appendChild(node("span", "cl-val", r.bt[i]));
        track.setAttribute("aria-hidden", "true");
        if (r.x[i] !== null && top > 0) {
          bar = track.appendChild(node("span", "cl-fill"));
          bar.style.width = (100 * r.x[i] / top).toFixed(2) + "%";
          bar.style.background = D.colors[chosen.indexOf(i)];
        }
        row.appendChild(track);
        card.appendChild(row);
      });
      box.appendChild(card);
    });
  }
  function legend() {
    var p = clear(doc.getElementById("cl-chosen"));
    chosen.forEach(function (i, j) {
      var d = D.d[i], a;
      if (j) { p.appendChild(doc.createTextNode(" ")); }
      p.appendChild(swatch(i));
      p.appendChild(doc.createTextNode(d.n));
      if (d.u) {
        a = node("a", null, W.profile);
        a.href = d.u;
        p.appendChild(doc.createTextNode(" ("));
        p.appendChild(a);
        p.appendChild(doc.createTextNode(")"));
      }
    });
  }
  function boundary() {
    var box = clear(doc.getElementById("cl-boundary")), any = false;
    chosen.forEach(function (i) {
      var p;
      if (!D.d[i].b) { return; }
      any = true;
      p = box.appendChild(node("p", "muted"));
      p.appendChild(node("strong", null, W.boundary));
      p.appendChild(doc.createTextNode(" \u2013 " + D.d[i].b));
    });
    if (any) { box.appendChild(node("p", "muted", W.mark)); }
  }
  function outlines() {
    var picked = {};
    chosen.forEach(function (i) { picked[D.d[i].p] = true; });
    Array.prototype.forEach.call(doc.querySelectorAll("#cl-maps path[data-pcode]"), function (path) {
      var on = picked[path.getAttribute("data-pcode")] === true;
      path.classList.toggle("cl-picked", on);
      if (on) { path.parentNode.appendChild(path); }  /* last drawn: its outline on top of the neighbours' */
    });
  }
  function draw() {
    var enough = chosen.length >= 2, message = enough ? fill(W.showing, "names", names().join(", ")) : fill(W.too_few, "count", chosen.length);
    boxes.forEach(function (box) { box.checked = chosen.indexOf(bySlug[box.value]) >= 0; });
    count.textContent = fill(W.count, "count", chosen.length);
    status.textContent = [note, warn, message].join(" ").trim();
    status.className = "cl-status" + (note || warn || !enough ? " cl-warn" : "");
    legend();
    result.hidden = !enough;
    if (enough) { table(); bars(); boundary(); }
    outlines();
    csv.disabled = !chosen.length;
    doc.title = enough ? fill(W.title, "names", names().join(" \u2013 ")) : firstTitle;
  }

  /* --- the reader's input ------------------------------------------------------------ */
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      var i = bySlug[box.value], at = chosen.indexOf(i);
      note = "";
      warn = "";
      if (box.checked && at < 0) {
        if (chosen.length >= D.max) {
          warn = fill(W.too_many, "name", D.d[i].n);
          draw();  /* unticks the box again */
          return;
        }
        chosen.push(i);
      } else if (!box.checked && at >= 0) {
        chosen.splice(at, 1);
      }
      draw();
      writeHash();
    });
  });
  function narrow() {
    var q = fold(filter.value), hits = 0;
    boxes.forEach(function (box) {
      var hit = !q || D.d[bySlug[box.value]].k.indexOf(q) >= 0;
      if (hit) { hits++; }
      box.parentNode.hidden = !(hit || box.checked);  /* a picked district stays to be unticked */
    });
    none.hidden = hits > 0;
  }
  filter.addEventListener("input", narrow);
  filter.addEventListener("keydown", function (e) {
    var q, first;
    if (e.key !== "Enter") { return; }
    e.preventDefault();  /* Enter picks the first district the filter leaves, as on the map's search */
    q = fold(filter.value);
    first = boxes.filter(function (box) { return q && !box.checked && D.d[bySlug[box.value]].k.indexOf(q) >= 0; })[0];
    if (first) { first.click(); }
  });
  csv.addEventListener("click", function () {
    var lines = [D.csv.head], slugs = [], url, a;
    chosen.forEach(function (i) { lines.push(D.csv.rows[D.d[i].s]); slugs.push(D.d[i].s); });
    url = win.URL.createObjectURL(new win.Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], {type: "text/csv;charset=utf-8"}));
    a = node("a");
    a.href = url;
    a.download = W.file + "-" + slugs.join("-") + ".csv";
    doc.body.appendChild(a);
    a.click();
    doc.body.removeChild(a);
    win.setTimeout(function () { win.URL.revokeObjectURL(url); }, 1000);
  });
  win.addEventListener("hashchange", function () { readHash(); draw(); });

  readHash();
  draw();
})();
