"""The shell and small building blocks of the atlas's HTML pages (not the maps).

Pages are self-contained: inline CSS, no script but small inline helpers, no
request leaves the page. Every string from data is escaped here or by the
caller with :func:`esc`.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from izmir_maps.text.numbers import Lang

__all__ = ["bar_chart", "esc", "page", "table_html"]

_CSS = """
:root{--ink:#1f2933;--muted:#5f6b7a;--line:#d9dee4;--accent:#08519c;--bg:#ffffff}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 "DejaVu Sans","Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
header.top{background:#0b3c6d;color:#fff;padding:10px 24px}
header.top a{color:#fff;text-decoration:none;margin-right:18px;font-weight:600}
main{max-width:1240px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:1.6rem;margin:.4em 0 .2em}h2{font-size:1.2rem;margin:1.6em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
h3{font-size:1rem;margin:1.2em 0 .4em}
p.lead{color:var(--muted);margin-top:0}
table{border-collapse:collapse;font-size:.9rem;margin:.4em 0 1em}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f4f6f8;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.hl td{background:#fff4cc;font-weight:600}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:16px}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:#fff}
.card h3{margin-top:0}
.muted{color:var(--muted);font-size:.85rem}
.sources{color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);margin-top:2em;padding-top:.6em}
.swatch{display:inline-block;width:14px;height:14px;border:1px solid #999;vertical-align:-2px;margin-right:4px}
code,pre{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:.8rem}
pre{background:#f4f6f8;padding:8px;overflow:auto;white-space:pre-wrap;word-break:break-all}
svg.izmap{max-width:100%;height:auto}
svg.bars{width:100%;height:auto}svg.bars text{font-size:10px;fill:#333}
.two{display:grid;grid-template-columns:minmax(220px,320px) 1fr;gap:24px;align-items:start}
@media(max-width:760px){.two{grid-template-columns:1fr}}
.scroll{overflow-x:auto}
.profile-top{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.profile-top>div:last-child{flex:1 1 860px}
.scroll td:first-child{min-width:13em}
th.sortable{cursor:pointer}th.sortable:after{content:" \\2195";color:#999}
iframe{border:1px solid var(--line);width:100%}
"""

_SORT_JS = """
document.querySelectorAll("table.sortable").forEach(function(t){
  t.querySelectorAll("th").forEach(function(th,i){
    th.classList.add("sortable");
    th.addEventListener("click",function(){
      var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows),
          asc=th.getAttribute("data-dir")!=="asc";
      rows.sort(function(a,b){
        var x=a.cells[i].getAttribute("data-v"),y=b.cells[i].getAttribute("data-v");
        var nx=parseFloat(x),ny=parseFloat(y);
        var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:String(x).localeCompare(String(y),"tr");
        return asc?c:-c;});
      rows.forEach(function(r){body.appendChild(r);});
      th.setAttribute("data-dir",asc?"asc":"desc");});});});
"""


def esc(value: object) -> str:
    """HTML-escape any value's text (quotes too)."""
    return escape("" if value is None else str(value), quote=True)


def page(
    title: str,
    body: str,
    *,
    lang: Lang = "tr",
    home: str | None = "index.html",
    sortable: bool = False,
) -> str:
    """A complete HTML page around ``body`` (already escaped HTML).

    Parameters
    ----------
    title
        Page title (escaped here).
    body
        Inner HTML of ``<main>``.
    lang
        Page language.
    home
        Relative link to the atlas home page; ``None`` on the home page itself.
    sortable
        Include the small script that sorts ``table.sortable`` by column.
    """
    home_label = "Atlas ana sayfası" if lang == "tr" else "Atlas home"
    script = f"<script>{_SORT_JS}</script>" if sortable else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + (
            f'<header class="top"><a href="{esc(home)}">← {home_label}</a></header>\n'
            if home is not None
            else '<header class="top"><b>izmir-maps</b></header>\n'
        )
        + f"<main>\n{body}\n</main>\n{script}\n</body>\n</html>\n"
    )


def table_html(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    numeric: Sequence[bool] | None = None,
    sort_values: Sequence[Sequence[object]] | None = None,
    highlight: Sequence[bool] | None = None,
    sortable: bool = False,
) -> str:
    """An HTML table; cells are escaped, numeric columns right-aligned.

    ``sort_values`` gives the machine value of each cell (``data-v``) for
    sorting, so Turkish-formatted numbers sort as numbers.
    """
    numeric = numeric or [False] * len(header)
    cls = ' class="sortable"' if sortable else ""
    head = "".join(
        f'<th{" class=num" if n else ""} scope="col">{esc(h)}</th>'
        for h, n in zip(header, numeric, strict=True)
    )
    body = []
    for r, row in enumerate(rows):
        hl = ' class="hl"' if highlight and highlight[r] else ""
        cells = []
        for c, value in enumerate(row):
            num = ' class="num"' if numeric[c] else ""
            data = ""
            if sort_values is not None:
                data = f' data-v="{esc(sort_values[r][c])}"'
            cells.append(f"<td{num}{data}>{esc(value)}</td>")
        body.append(f"<tr{hl}>{''.join(cells)}</tr>")
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    highlight: str | None = None,
    value_text: Sequence[str] | None = None,
    width: int = 460,
    color: str = "#9ecae1",
    highlight_color: str = "#08519c",
    title: str = "",
) -> str:
    """A horizontal bar chart as inline SVG, one bar per label, largest first.

    Missing values are listed at the end without a bar.
    """
    items = list(zip(labels, values, value_text or [""] * len(labels), strict=True))
    items.sort(key=lambda t: (t[1] is None, -(t[1] or 0.0), t[0]))
    bar_h, gap, left, right = 13, 3, 96, 96
    height = len(items) * (bar_h + gap) + 4
    top = max((v for _, v, _ in items if v is not None), default=0.0) or 1.0
    span = width - left - right
    rows = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bars" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{esc(title)}">'
    ]
    for i, (label, value, text_value) in enumerate(items):
        y = i * (bar_h + gap) + 2
        fill = highlight_color if label == highlight else color
        weight = ' font-weight="bold"' if label == highlight else ""
        rows.append(
            f'<text x="{left - 4}" y="{y + bar_h - 3}" text-anchor="end"{weight}>{esc(label)}</text>'
        )
        if value is not None:
            w = max(0.0, float(value)) / top * span
            rows.append(
                f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{fill}"/>'
            )
            rows.append(
                f'<text x="{left + w + 4:.1f}" y="{y + bar_h - 3}"{weight}>{esc(text_value)}</text>'
            )
        else:
            rows.append(f'<text x="{left + 4}" y="{y + bar_h - 3}" fill="#888">–</text>')
    rows.append("</svg>")
    return "".join(rows)
