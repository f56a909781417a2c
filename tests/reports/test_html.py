"""The district report as an HTML page (``izmir_maps.reports.html.report_html``)."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser

import pytest

from izmir_maps.reports.content import district_report
from izmir_maps.reports.html import report_html
from izmir_maps.reports.model import (
    Column,
    Figure,
    Paragraph,
    Report,
    Section,
    Sentence,
    Source,
    Table,
)


class _Page(HTMLParser):
    """Tags with their attributes, in order, and the page's visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.words: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.words.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.words))

    def having(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def aliaga() -> Report:
    return district_report("aliaga")


@pytest.fixture(scope="module")
def page(aliaga: Report) -> str:
    return report_html(aliaga, home="../index.html", pdf="aliaga.pdf", pdf_size="353 KB")


@pytest.fixture(scope="module")
def parsed(page: str) -> _Page:
    return _parse(page)


def _row(page: str, first_cell: str) -> str:
    """The ``<tr>`` whose row header holds ``first_cell``."""
    rows = re.findall(r"<tr[^>]*>.*?</tr>", page)
    found = [
        r for r in rows if re.search(rf"<th scope='row'>(<span[^>]*>[^<]*</span>)?{first_cell}", r)
    ]
    assert len(found) >= 1, first_cell
    return found[0]


def test_page_is_in_the_reports_language(page: str) -> None:
    assert page.startswith('<!DOCTYPE html>\n<html lang="tr">')
    english = report_html(district_report("aliaga", "en", figures=False))
    assert '<html lang="en">' in english
    assert "<title>Aliağa — district summary report</title>" in english


def test_sentences_read_as_written_with_their_footnotes(parsed: _Page) -> None:
    assert "Aliağa — ilçe özet raporu" in parsed.text
    assert "2008 verilerine göre Aliağa'da 27.225 kişi çalışıyor" in parsed.text
    assert "İZKA yayını değildir" in parsed.text  # the disclaimer


def test_every_footnote_link_reaches_its_source(aliaga: Report, parsed: _Page) -> None:
    links = [a["href"] for a in parsed.having("a") if a.get("href", "").startswith("#src-")]
    targets = {a["id"] for a in parsed.having("li") if a.get("id", "").startswith("src-")}
    assert targets == {f"src-{s.number}" for s in aliaga.sources}
    assert set(links) == {f"#{t}" for t in targets}  # every source is cited, every cite resolves
    note = parsed.having("a", href="#src-1")[0]
    assert note["aria-label"] == "Kaynak 1"


def test_employment_sentence_cites_the_sgk_source(page: str, aliaga: Report) -> None:
    number = next(
        s.notes[0]
        for sec in aliaga.sections
        for b in sec.blocks
        for s in getattr(b, "items", ())
        if "27.225 kişi çalışıyor" in s.text
    )
    assert "SGK" in aliaga.sources[number - 1].text
    assert re.search(rf"27\.225 kişi çalışıyor.*?<sup class='fn'><a href='#src-{number}'", page)


def test_sections_are_h2_with_ids_listed_in_the_contents(aliaga: Report, parsed: _Page) -> None:
    keys = [s.key for s in aliaga.sections]
    assert [a["id"] for a in parsed.having("h2") if a.get("id") not in ("contents",)] == [
        *keys,
        "sources",
    ]
    contents = [a["href"] for a in parsed.having("a") if a.get("href", "").startswith("#")]
    assert contents[: len(keys) + 1] == [f"#{k}" for k in keys] + ["#sources"]
    assert "İçindekiler" in parsed.text and "Kaynaklar" in parsed.text


def test_table_1_marks_the_district_row_not_by_colour_only(page: str, parsed: _Page) -> None:
    assert (
        "Tablo 1: İzmir ve İlçelerinin Çalışan Sayısı, Firma Sayısı ve Toplam İhracat "
        "Büyüklüğü Bakımından Karşılaştırması" in parsed.text
    )
    row = _row(page, "<span class='mark' aria-hidden='true'>▶ </span>Aliağa")
    assert row.startswith("<tr class='hl'>")
    assert "<span class='vh'> (bu raporun ilçesi)</span>" in row
    assert "<td class='num'>27.225</td><td class='num'>%4,14</td>" in row
    assert "İşaretli satır: bu raporun ilçesi." in parsed.text
    # other districts' rows are plain; İzmir's total row is set apart but not "this district"
    assert _row(page, "Balçova").startswith("<tr>")
    total = _row(page, "Toplam")
    assert total.startswith("<tr class='total'>") and "▶" not in total


def test_tables_have_captions_header_cells_and_scroll_boxes(page: str, parsed: _Page) -> None:
    tables = page.count("<table")
    assert tables == page.count("<caption>") >= 5
    assert parsed.having("th", scope="col") and parsed.having("th", scope="row")
    boxes = parsed.having("div", **{"class": "scroll", "tabindex": "0", "role": "region"})
    assert len(boxes) == tables
    assert all(box["aria-label"] for box in boxes)


def test_figures_are_inline_svg_images_with_their_alt_text(aliaga: Report, parsed: _Page) -> None:
    figures = [b for s in aliaga.sections for b in s.blocks if isinstance(b, Figure)]
    svgs = parsed.having("svg", role="img")
    assert len(svgs) == len(figures) == 4
    assert [unescape(s["aria-label"]) for s in svgs] == [f.alt for f in figures]
    assert "Şekil 1: Aliağa'nın İzmir'deki konumu" in parsed.text  # the figcaption
    assert parsed.having("img") == []  # nothing to load


def test_pdf_link_and_home_link(parsed: _Page) -> None:
    assert parsed.having("a", href="aliaga.pdf", download="")
    assert "PDF olarak indir (353 KB)" in parsed.text
    assert parsed.having("a", href="../index.html")


def test_standalone_page_needs_no_other_file(aliaga: Report) -> None:
    parsed = _parse(report_html(aliaga))
    refs = [a.get("href") or a.get("src") for _, a in parsed.tags if "href" in a or "src" in a]
    assert refs and all(ref.startswith("#") for ref in refs)
    assert "PDF olarak indir" not in parsed.text


def test_page_prints_on_a4_without_the_navigation(page: str) -> None:
    assert "@page{size:A4" in page
    assert re.search(r"@media print\{[^@]*header\.top,\.report \.pdf\{display:none\}", page)


def test_the_same_report_gives_the_same_page(aliaga: Report, page: str) -> None:
    again = report_html(aliaga, home="../index.html", pdf="aliaga.pdf", pdf_size="353 KB")
    assert again == page


def _tiny(**changes: object) -> Report:
    table = Table("Tablo 9: <b>", (Column("İlçe"), Column("Değer", "right")), (("Foça", "1"),))
    section = Section(
        "population",
        "Nüfus <i>",
        (Paragraph((Sentence("Bir <script>alert(1)</script> & 'tırnak'.", (1,)),)), table),
    )
    report = Report(
        lang="tr",
        district="Foça",
        slug="foca",
        pcode="TUR035013",
        title="Foça — ilçe özet raporu",
        subtitle="alt",
        disclaimer="not",
        sections=(section,),
        sources=(Source(1, "Kaynak <1>"),),
    )
    return replace(report, **changes)


def test_words_are_escaped_never_markup() -> None:
    page = report_html(_tiny())
    assert "<script>" not in page and "<b>" not in page.split("</style>")[1]
    assert "Bir &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x27;tırnak&#x27;." in page
    assert "Kaynak &lt;1&gt;" in page


def test_figure_without_aria_label_gets_its_alt_text() -> None:
    svg = (
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>'
    )
    figure = Figure(svg, 'Küçük "harita"', "Şekil 9: harita", 80.0)
    report = _tiny(sections=(Section("population", "Nüfus", (figure,)),))
    page = report_html(report)
    assert "<?xml" not in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" ' in page
    assert 'aria-label="Küçük &quot;harita&quot;">' in page


def test_a_row_with_a_missing_cell_is_refused() -> None:
    # the model refuses it, so neither renderer ever sees it
    with pytest.raises(ValueError, match="row 0 has 1 cells for 2 columns"):
        Table("Tablo 9", (Column("İlçe"), Column("Değer")), (("Foça",),))


def test_the_maps_of_one_page_write_their_shared_geometry_once(aliaga: Report, page: str) -> None:
    figures = [b for s in aliaga.sections for b in s.blocks if isinstance(b, Figure)]
    paths = re.findall(r'<path (?:id="[^"]+" )?d="([^"]+)"([^>]*)>', page)
    long_paths = [(d, rest) for d, rest in paths if len(d) >= 400]
    # coast, neighbours, borders: once each (a hatch of another figure's pattern apart)
    assert len(long_paths) == len(set(long_paths)) >= 5
    assert len({d for d, _ in long_paths}) >= len(long_paths) - 1
    ids = set(re.findall(r' id="([^"]+)"', page))
    assert all(target in ids for target in re.findall(r' href="#([^"]+)"', page))
    # the second choropleth draws the first one's coast and borders
    first, second = (re.search(r' id="(fig-[\w-]+?)-clip"', f.svg)[1] for f in figures[1:3])
    assert first == "fig-employees-tur035001-tr"
    assert re.search(rf'<use href="#{first}-g\d+" fill="none" [^>]*stroke-linecap', page)
    # each figure alone (the PDF's) still refers only to itself
    for figure in figures:
        own = re.search(r' id="(fig-[\w-]+?)-(?:clip|hatch)"', figure.svg)
        refs = set(re.findall(r'(?:href="#|url\(#)([\w-]+)', figure.svg))
        assert own is None or all(r.startswith(own[1]) for r in refs)
    assert second != first


@pytest.mark.browser
def test_a_map_that_shares_geometry_draws_it(open_page, tmp_path, page: str) -> None:
    path = tmp_path / "aliaga.html"
    path.write_text(page, encoding="utf-8")
    visit = open_page(path.as_uri(), viewport={"width": 1280, "height": 800}, ready="load")
    sizes = visit.page.evaluate(
        """() => [...document.querySelectorAll('figure svg')].map(svg =>
            [...svg.querySelectorAll('use')].map(u => Math.round(u.getBBox().width)))"""
    )
    assert len(sizes) == 4 and sizes[3] == []  # the İZKA chart has no map
    shared = [w for w in sizes[2] if w > 0]
    assert max(shared) >= 250  # the coast and borders of a 280-unit map, drawn in full
    assert min(sizes[2]) > 0
