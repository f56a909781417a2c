"""Templates and small building blocks of the atlas's HTML pages (not the maps).

Pages are self-contained: inline CSS, no script but the small table sorter,
no request leaves the page. Their markup lives in ``templates/``, their CSS
and script in ``assets/``; Python only prepares the data.

Every ``{{ value }}`` of a template is escaped unless it is
:class:`~markupsafe.Markup`. Only HTML built here or by
:func:`izmir_maps.pages.svgmap.svg_map` is ``Markup``: tables, bar charts,
SVG maps and the inlined CSS and script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib.resources import files

import jinja2
from markupsafe import Markup

from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["bar_chart", "esc", "macro", "render", "table_html"]


def esc(value: object) -> Markup:
    """HTML-escape any value's text, quotes too; ``Markup`` passes unchanged.

    Templates call this on every ``{{ value }}``. It spells quotes as
    :func:`html.escape` does (``&#x27;``, ``&quot;``), as the pages always
    have, where markupsafe would write ``&#39;`` and ``&#34;``.

    Examples
    --------
    >>> esc("Moran's <I>"), esc(None), esc(Markup("<b>ok</b>"))
    (Markup('Moran&#x27;s &lt;I&gt;'), Markup(''), Markup('<b>ok</b>'))
    """
    if hasattr(value, "__html__"):
        return Markup(value)
    return Markup(escape("" if value is None else str(value), quote=True))


def _inner(value: object) -> Markup:
    """Escape text for element content only (``&``, ``<``, ``>``); quotes stay as typed.

    For the few headings the pages have always written with a plain
    apostrophe ("Moran's I").
    """
    return Markup(escape("" if value is None else str(value), quote=False))


@cache
def _environment() -> jinja2.Environment:
    # trim_blocks/lstrip_blocks let a block tag stand on its own line without leaving a
    # line break in the page; a missing variable fails instead of printing nothing.
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("izmir_maps.pages", "templates"),
        autoescape=True,
        finalize=esc,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["inner"] = _inner
    assets = files("izmir_maps.pages") / "assets"
    env.globals["css"] = Markup((assets / "atlas.css").read_text(encoding="utf-8"))
    env.globals["sort_js"] = Markup((assets / "sort-tables.js").read_text(encoding="utf-8"))
    return env


def render(template: str, *, lang: Lang = "tr", **context: object) -> str:
    """Render ``templates/<template>`` in ``lang``.

    The template also gets ``lang`` and ``t(key, **values)``, the interface
    word ``key`` of the catalogue (:func:`izmir_maps.text.words.text`).
    """

    def t(key: str, **values: object) -> str:
        return text(key, lang, **values)

    return _environment().get_template(template).render(lang=lang, t=t, **context)


def macro(name: str) -> jinja2.runtime.Macro:
    """The macro ``name`` of ``templates/_parts.html``, callable from Python."""
    return getattr(_environment().get_template("_parts.html").module, name)


def table_html(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    numeric: Sequence[bool] | None = None,
    sort_values: Sequence[Sequence[object]] | None = None,
    highlight: Sequence[bool] | None = None,
    sortable: bool = False,
) -> Markup:
    """An HTML table; cells are escaped, numeric columns right-aligned.

    ``sort_values`` gives the machine value of each cell (``data-v``) for
    sorting, so Turkish-formatted numbers sort as numbers.
    """
    numeric = numeric or [False] * len(header)
    if len(numeric) != len(header):
        msg = f"numeric has {len(numeric)} flags for {len(header)} columns."
        raise ValueError(msg)
    return macro("table")(header, rows, numeric, sort_values, highlight, sortable)


@dataclass(frozen=True)
class _Bar:
    """One row of a bar chart, placed: label, value text and bar width in px."""

    label: str
    value_text: str
    y: int
    width: str | None  # "12.3"; None for no data (no bar)
    value_x: str
    bold: bool
    fill: str


# Chart text size in px. The chart is drawn at its own size and only shrinks when the
# column is narrower, so on a 390 px phone (a card about 340 px wide) labels stay >= 11 px.
CHART_FONT = 12


def _text_width(text: str, size: float, *, bold: bool = False) -> float:
    """A generous estimate of ``text``'s width in px (DejaVu Sans-like advance widths)."""
    narrow = sum(1 for c in text if c in ".,:;' |-")
    em = 0.32 * narrow + 0.66 * (len(text) - narrow)
    return em * size * (1.1 if bold else 1.0)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    highlight: str | None = None,
    value_text: Sequence[str] | None = None,
    width: int = 320,
    color: str = "#9ecae1",
    highlight_color: str = "#08519c",
    title: str = "",
) -> Markup:
    """A horizontal bar chart as inline SVG, one bar per label, largest first.

    Missing values are listed at the end without a bar. The label and value
    columns are sized to their longest text at :data:`CHART_FONT` px, so the bars
    get the rest of ``width``; the SVG is shown at that size (never enlarged),
    which keeps the text readable on a phone.
    """
    items = list(zip(labels, values, value_text or [""] * len(labels), strict=True))
    items.sort(key=lambda t: (t[1] is None, -(t[1] or 0.0), t[0]))
    bar_h, gap = 13, 5  # 12 px text sits on a 13 px bar; the gap keeps the rows apart
    label_w = max(
        (_text_width(lb, CHART_FONT, bold=lb == highlight) for lb, _, _ in items), default=0
    )
    value_w = max((_text_width(v, CHART_FONT, bold=True) for _, _, v in items), default=0)
    left, right = round(label_w) + 6, round(value_w) + 6
    span = max(width - left - right, 40)  # very long texts: keep some bar
    width = left + span + right
    top = max((v for _, v, _ in items if v is not None), default=0.0) or 1.0
    bars = []
    for i, (label, value, shown) in enumerate(items):
        w = None if value is None else max(0.0, float(value)) / top * span
        bars.append(
            _Bar(
                label=label,
                value_text=shown,
                y=i * (bar_h + gap) + 2,
                width=None if w is None else f"{w:.1f}",
                value_x="" if w is None else f"{left + w + 4:.1f}",
                bold=label == highlight,
                fill=highlight_color if label == highlight else color,
            )
        )
    height = len(items) * (bar_h + gap) + 4
    return macro("bar_chart")(bars, width, height, title, left, bar_h, CHART_FONT)
