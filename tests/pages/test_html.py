"""The HTML shell and building blocks of the atlas pages (``izmir_maps.pages._html``)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from izmir_maps.pages._html import bar_chart, esc, render, table_html

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = '<img src=x onerror="alert(1)">\'&'


class _Cells(HTMLParser):
    """Text of every <th>/<td>, their attributes, and every start tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[tuple[str, dict[str, str | None], str]] = []
        self.tags: list[str] = []
        self.rows: list[dict[str, str | None]] = []
        self._open: tuple[str, dict[str, str | None]] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append(dict(attrs))
        if tag in ("th", "td"):
            self._open, self._text = (tag, dict(attrs)), []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._open:
            self.cells.append((self._open[0], self._open[1], "".join(self._text)))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)


def _parse(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<b>", "&lt;b&gt;"),
        ('"quoted"', "&quot;quoted&quot;"),
        ("it's", "it&#x27;s"),
        ("a & b", "a &amp; b"),
        (None, ""),
        (27225, "27225"),
        ("Çiğli", "Çiğli"),
    ],
)
def test_esc(value: object, expected: str) -> None:
    assert esc(value) == expected


def test_table_html_escapes_every_cell_and_header() -> None:
    rows = [[HOSTILE, "1.234"], ["Aliağa", HOSTILE]]
    html = table_html([HOSTILE, "Değer"], rows, sort_values=[[HOSTILE, 1234], ["a", '"x"']])
    assert "<img" not in html
    parsed = _parse(html)
    texts = [text for _, _, text in parsed.cells]
    assert texts == [HOSTILE, "Değer", HOSTILE, "1.234", "Aliağa", HOSTILE]
    data_v = [attrs.get("data-v") for tag, attrs, _ in parsed.cells if tag == "td"]
    assert data_v == [HOSTILE, "1234", "a", '"x"']
    assert "img" not in parsed.tags


def test_table_html_numeric_columns_highlight_and_sortable() -> None:
    html = table_html(
        ["İlçe", "Çalışan"],
        [["Aliağa", "27.225"], ["Çiğli", "39.234"]],
        numeric=[False, True],
        highlight=[False, True],
        sortable=True,
    )
    assert html.startswith('<table class="sortable">')
    parsed = _parse(html)
    tds = [(attrs.get("class"), text) for tag, attrs, text in parsed.cells if tag == "td"]
    assert tds == [(None, "Aliağa"), ("num", "27.225"), (None, "Çiğli"), ("num", "39.234")]
    assert [r.get("class") for r in parsed.rows] == [None, None, "hl"]  # header row first
    assert "class=" not in table_html(["a"], [["b"]]).split(">")[0]


def _bars(svg: str) -> tuple[list[str], dict[str, ET.Element], dict[str, dict[str, str]]]:
    """Labels top to bottom, the bar of each label, and each label's text attributes."""
    root = ET.fromstring(svg)
    texts = root.findall(f"{NS}text")
    labels = [t for t in texts if t.get("text-anchor") == "end"]
    by_y = {r.get("y"): r for r in root.findall(f"{NS}rect")}
    order = [t.text or "" for t in labels]
    bars = {}
    for t in labels:
        y = str(int(t.get("y")) - 13 + 3)
        if y in by_y:
            bars[t.text or ""] = by_y[y]
    return order, bars, {t.text or "": dict(t.attrib) for t in labels}


def test_bar_chart_orders_by_value_and_lists_missing_last() -> None:
    labels = ["Aliağa", "Çiğli", "Konak", "Kiraz", "Bornova"]
    values = [27225.0, 39234.0, None, 1105.0, 39234.0]
    svg = bar_chart(labels, values, value_text=[str(v) for v in values])
    order, bars, _ = _bars(svg)
    assert order == ["Bornova", "Çiğli", "Aliağa", "Kiraz", "Konak"]  # ties by name
    assert set(bars) == {"Aliağa", "Çiğli", "Kiraz", "Bornova"}  # no bar for no data
    widths = [float(bars[name].get("width")) for name in order[:-1]]
    assert widths == sorted(widths, reverse=True)
    assert widths[2] / widths[0] == pytest.approx(27225 / 39234, abs=0.01)
    root = ET.fromstring(svg)
    assert "–" in [t.text for t in root.findall(f"{NS}text")]


def test_bar_chart_highlights_the_chosen_label() -> None:
    svg = bar_chart(["Aliağa", "Çiğli"], [1.0, 2.0], highlight="Aliağa", title=HOSTILE)
    _, bars, attrs = _bars(svg)
    assert bars["Aliağa"].get("fill") == "#08519c"
    assert bars["Çiğli"].get("fill") == "#9ecae1"
    assert attrs["Aliağa"].get("font-weight") == "bold"
    assert "font-weight" not in attrs["Çiğli"]
    assert ET.fromstring(svg).get("aria-label") == HOSTILE


def test_bar_chart_escapes_labels() -> None:
    svg = bar_chart([HOSTILE, "b"], [1.0, None], value_text=[HOSTILE, ""])
    assert "<img" not in svg
    order, _, _ = _bars(svg)
    assert order == [HOSTILE, "b"]


def test_page_shell() -> None:
    html = render("page.html", lang="en", title=HOSTILE, home="../index.html", sortable=False)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html
    assert f"<title>{esc(HOSTILE)}</title>" in html
    assert "<img" not in html
    assert 'href="../index.html"' in html and "Atlas home" in html
    assert "<script>" not in html  # no script unless tables sort
    assert "http" not in html  # nothing loads from the network
    sortable = render("page.html", title="t", home="index.html", sortable=True)
    assert "<script>" in sortable and "table.sortable" in sortable
    assert "Atlas ana sayfası" in sortable
    home = render("page.html", title="t", home=None, sortable=False)
    assert "<b>izmir-maps</b>" in home and "Atlas ana sayfası" not in home


def test_templates_escape_every_value_unless_it_is_markup() -> None:
    from markupsafe import Markup

    from izmir_maps.pages._html import _environment

    template = _environment().from_string("<p title='{{ a }}'>{{ a }}{{ b }}{{ c }}</p>")
    html = template.render(a=HOSTILE, b=Markup("<b>kept</b>"), c=None)
    assert "<img" not in html
    assert "<b>kept</b>" in html
    # Quotes are spelt as html.escape spells them, as the pages always had.
    assert "&#x27;" in html and "&quot;" in html and "None" not in html


def test_css_and_script_are_inlined_as_the_asset_files_hold_them() -> None:
    from importlib.resources import files

    assets = files("izmir_maps.pages") / "assets"
    css = (assets / "atlas.css").read_text(encoding="utf-8")
    js = (assets / "sort-tables.js").read_text(encoding="utf-8")
    html = render("page.html", title="t", home="index.html", sortable=True)
    assert f"<style>\n{css}</style>" in html
    assert f"<script>\n{js}</script>" in html
    assert 'content:" \\2195"' in css  # the sort arrow survives as a CSS escape


def test_every_word_a_template_asks_for_is_in_the_catalogue() -> None:
    import re
    from importlib.resources import files

    from izmir_maps.text.words import has_text

    folder = files("izmir_maps.pages") / "templates"
    asked = {
        key
        for f in folder.iterdir()
        if f.name.endswith(".html")
        for key in re.findall(r"\bt\(\"([a-z_]+)\"[,)]", f.read_text(encoding="utf-8"))
    }
    assert len(asked) > 40  # the scan finds the words
    assert sorted(k for k in asked if not has_text(k)) == []
