"""District reports as A4 PDF: what a reader, a screen reader and a PDF checker find in them."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from izmir_maps.reports.model import (
    Bullets,
    Column,
    Figure,
    Paragraph,
    Report,
    Section,
    Sentence,
    Source,
    Table,
)
from izmir_maps.reports.pdf import report_pdf

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">'
    '<rect x="10" y="10" width="80" height="60" fill="#3a6ea5"/>'
    '<path d="M110 80 L150 20 L190 80 Z" fill="#d98c3a" stroke="#333"/>'
    '<text x="20" y="95" font-family="DejaVu Sans" font-size="10">Çiğli İnciraltı</text></svg>'
)
FIRST = "Aliağa'da 27.225 kişi çalışıyor; bu, İzmir'in %4,14'ü."
SECOND = "Işık, ğ, ş, ç, ö, ü ve İ; ÇEŞME, ÖDEMİŞ, KINIK, GÜZELBAHÇE ve BEYDAĞ doğru görünmeli."
BULLET = "Rüzgâr kurulu gücü 2009'da 90 MW."
DISCLAIMER = (
    "Bu rapor izmir-maps'in kamuya açık kaynaklardan ürettiği bir özettir; İZKA yayını değildir."
)
HOSTILE = (
    "#set text(red) $x^2$ *kalın* _eğik_ @ref <etiket> [köşeli] \\ `kod` // yorum /* blok */ "
    '~ "tırnak" -- --- ... #{1+1} #let x = 1'
)
#: Lines that Typst markup would read as a heading, a list item and an enum item.
HOSTILE_STARTS = ("= Başlık değil", "- madde değil", "+ numara değil", "/ terim: değil")


def _table(rows: int = 60) -> Table:
    body = tuple(
        (f"İlçe {i}", f"{i * 1000:,}".replace(",", "."), f"%{i},{i % 10}") for i in range(1, rows)
    )
    return Table(
        caption="Tablo 1: İlçelere göre çalışan sayısı (2008)",
        columns=(Column("İlçe"), Column("Çalışan", "right"), Column("Pay", "right")),
        rows=(*body, ("Toplam", "658.225", "%100,0")),
        highlight=(3,),
        total=True,
        notes=(2,),
    )


def _report(district: str = "Aliağa", slug: str = "aliaga", *, rows: int = 60) -> Report:
    return Report(
        lang="tr",
        district=district,
        slug=slug,
        pcode="TR3100",
        title=f"{district} — ilçe özet raporu",
        subtitle="İzmir Bölge Planı 2010–2013 · veriler 2008–2021",
        disclaimer=DISCLAIMER,
        sections=(
            Section(
                "overview",
                "Genel bakış",
                (
                    Paragraph((Sentence(FIRST, (1,)), Sentence(SECOND, (1, 2)))),
                    Bullets((Sentence("Petrokimya öne çıkıyor.", (2,)), Sentence(BULLET))),
                ),
            ),
            Section("employment", "İstihdam", (_table(rows),)),
            Section("map", "Konum haritası", (Figure(SVG, "Aliağa'nın konumu", "Şekil 1: Konum"),)),
        ),
        sources=(
            Source(
                1, "İZKA (2010). İzmir Bölge Planı 2010–2013 İlçe Toplantıları, Aliağa Özet Raporu."
            ),
            Source(2, "SGK (2008). İşyeri ve sigortalı istatistikleri."),
        ),
        keywords=("İzmir", district),
    )


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return report_pdf(_report())


def _reader(data: bytes) -> PdfReader:
    return PdfReader(BytesIO(data))


def _alt_texts(data: bytes) -> list[str]:
    """Every alternative text in the PDF's structure tree."""
    alts: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object()
        if isinstance(node, DictionaryObject):
            if "/Alt" in node:
                alts.append(str(node["/Alt"]))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
                walk(kid)

    walk(_reader(data).trailer["/Root"]["/StructTreeRoot"])
    return alts


def _bookmarks(outline: list, depth: int = 0) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for item in outline:
        if isinstance(item, list):
            out += _bookmarks(item, depth + 1)
        else:
            out.append((depth, item.title))
    return out


# --- text a reader can select and copy --------------------------------------------------------


def _text(data: bytes, tmp_path: Path, pdf_text: Callable[[Path], str]) -> str:
    """The PDF's text as a reader copies it, lines joined with spaces."""
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return re.sub(r"\s+", " ", pdf_text(path))


def test_turkish_sentences_come_back_exactly_with_plain_apostrophes(pdf, tmp_path, pdf_text):
    text = _text(pdf, tmp_path, pdf_text)
    for sentence in (FIRST, SECOND, BULLET, DISCLAIMER):
        assert sentence in text
    assert "Aliağa'da" in text and "%4,14'ü" in text
    assert "’" not in text and "′" not in text


def test_the_running_line_names_the_district_and_numbers_pages(pdf):
    pages = _reader(pdf).pages
    assert len(pages) == 2
    for n, page in enumerate(pages, start=1):
        last = page.extract_text().splitlines()[-1]
        assert last == f"izmir-maps — Aliağa ilçe özet raporu sayfa {n}/2"


def test_a_table_longer_than_a_page_repeats_its_header_and_keeps_its_cells(pdf):
    reader = _reader(pdf)
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages]
    with_rows = [p for p in pages if "İlçe 1 " in p or "Toplam 658.225" in p]
    assert len(with_rows) >= 2
    assert all("İlçe Çalışan Pay" in p for p in with_rows)
    assert "İlçe 59 59.000 %59,9" in " ".join(pages)
    assert "Toplam 658.225 %100,0" in " ".join(pages)


def test_footnote_marks_link_to_their_source(pdf):
    reader = _reader(pdf)
    links = [
        a.get_object()
        for page in reader.pages
        for a in page.get("/Annots", [])
        if a.get_object()["/Subtype"] == "/Link"
    ]
    # FIRST cites 1, SECOND 1 and 2, the first bullet 2, the table caption 2.
    assert len(links) == 5
    last = reader.pages[-1].indirect_reference
    assert all(link["/Dest"][0] == last for link in links)
    # Two sources, two places on that page: 1 above 2.
    heights = [round(float(link["/Dest"][3])) for link in links]
    assert len(set(heights)) == 2
    text = re.sub(r"\s+", " ", reader.pages[-1].extract_text())
    assert "1. İZKA (2010)." in text and "2. SGK (2008)." in text


# --- what the PDF says about itself --------------------------------------------------------------


def test_metadata_title_author_keywords_and_language(pdf):
    reader = _reader(pdf)
    assert reader.metadata.title == "Aliağa — ilçe özet raporu"
    assert reader.metadata.author == "izmir-maps"
    assert reader.metadata["/Keywords"] == "İzmir, Aliağa"
    assert reader.trailer["/Root"]["/Lang"] == "tr"
    assert "/CreationDate" not in reader.metadata  # no date: the same bytes on every build


def test_it_is_tagged_pdf_ua_1(pdf):
    root = _reader(pdf).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert b"<pdfuaid:part>1</pdfuaid:part>" in pdf


def test_bookmarks_are_the_section_headings(pdf):
    assert _bookmarks(_reader(pdf).outline) == [
        (0, "Genel bakış"),
        (0, "İstihdam"),
        (0, "Konum haritası"),
        (0, "Kaynaklar"),
    ]


def test_pages_are_a4(pdf):
    for page in _reader(pdf).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (210, 297)


def test_every_font_is_embedded_and_none_comes_from_the_system(pdf):
    fonts = []
    for page in _reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts.append((str(font["/BaseFont"]).split("+")[-1], "/FontFile2" in descriptor))
    assert fonts
    assert all(embedded for _, embedded in fonts)
    assert {name for name, _ in fonts} <= {"DejaVuSans", "DejaVuSans-Bold"}


def test_the_figure_stays_vector(pdf):
    reader = _reader(pdf)
    links = [a.get_object()["/Subtype"] for p in reader.pages for a in p.get("/Annots", [])]
    assert "/Link" in links
    # no raster image among all the file's objects, those inside object streams too
    with pikepdf.open(BytesIO(pdf)) as doc:
        subtypes = {
            str(o.get("/Subtype"))
            for o in doc.objects
            if isinstance(o, (pikepdf.Dictionary, pikepdf.Stream))
        }
    assert "/Link" in subtypes and "/Image" not in subtypes
    # Typst draws the SVG straight into the page: its blue rectangle is a filled path.
    drawn = " ".join(p.get_contents().get_data().decode("latin-1") for p in reader.pages)
    assert re.search(
        r"0\.227\d* 0\.431\d* 0\.647\d* scn 10 10 m 90 10 l 90 70 l 10 70 l\s+h\s+f", drawn
    )


def test_the_figure_text_and_alt_text_are_in_the_pdf(pdf, tmp_path, pdf_text):
    assert "Çiğli İnciraltı" in _text(pdf, tmp_path, pdf_text)
    assert "Aliağa'nın konumu" in _alt_texts(pdf)


# --- deterministic, and safe with any text -----------------------------------------------------


def test_the_same_report_gives_the_same_bytes(pdf):
    started = time.perf_counter()
    again = report_pdf(_report())
    print(f"one report: {time.perf_counter() - started:.2f} s, {len(again)} bytes")
    assert again == pdf


def test_hostile_text_is_printed_as_written():
    # Each at the start of a paragraph, where markup would read "= " as a heading.
    paragraphs = tuple(Paragraph((Sentence(s),)) for s in (HOSTILE, *HOSTILE_STARTS))
    table = Table(
        caption=HOSTILE,
        columns=(Column("#col"), Column("$ para", "right")),
        rows=(("= x", "*1*"), ("<y>", "@z")),
    )
    report = Report(
        lang="tr",
        district="#Köy",
        slug='a"b<c>',
        pcode="x",
        title="#set page(width: 1cm) Başlık",
        subtitle="$ ^ _ *",
        disclaimer="] ) } // [",
        sections=(
            Section("h", "= Bölüm #1", (*paragraphs, Bullets((Sentence(HOSTILE, (1,)),)), table)),
        ),
        sources=(Source(1, "<kaynak> @1 #none"),),
    )
    pdf = report_pdf(report)
    # pypdf, as pdftotext drops the narrow spaces of "$ ^ _ *" (its guess, not the PDF's text).
    text = " ".join(page.extract_text() for page in _reader(pdf).pages)
    text = re.sub(r"\s+", " ", text)
    for line in (HOSTILE, *HOSTILE_STARTS):
        assert line in text
    for raw in ("#col", "$ para", "= x *1*", "<y> @z", "#set page(width: 1cm) Başlık", "$ ^ _ *"):
        assert raw in text
    assert "] ) } // [" in text and "<kaynak> @1 #none" in text
    assert "izmir-maps — #Köy ilçe özet raporu" in text
    assert _bookmarks(_reader(pdf).outline)[0] == (0, "= Bölüm #1")
    assert _reader(pdf).metadata.title == "#set page(width: 1cm) Başlık"


def test_no_reports_is_an_error():
    with pytest.raises(ValueError, match="at least one report"):
        report_pdf([])


# --- several reports in one document ------------------------------------------------------------

DISTRICTS = (("Aliağa", "aliaga"), ("Çiğli", "cigli"), ("Ödemiş", "odemis"), ("Kınık", "kinik"))


@pytest.fixture(scope="module")
def book() -> bytes:
    started = time.perf_counter()
    data = report_pdf([_report(name, slug, rows=35) for name, slug in DISTRICTS])
    print(f"{len(DISTRICTS)} reports: {time.perf_counter() - started:.2f} s, {len(data)} bytes")
    return data


def test_several_reports_open_with_a_table_of_contents(book):
    reader = _reader(book)
    contents = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "İzmir ilçe özet raporları" in contents and "İçindekiler" in contents
    assert "4 ilçe · izmir-maps'in ürettiği raporlar; İZKA yayını değildir" in contents
    for name, _ in DISTRICTS:
        assert f"{name} — ilçe özet raporu" in contents
    assert reader.metadata.title == "İzmir ilçe özet raporları"
    assert reader.metadata["/Keywords"] == "İzmir, Aliağa, Çiğli, Ödemiş, Kınık"


def test_each_report_starts_on_a_new_page_with_its_bookmark(book):
    reader = _reader(book)
    tops = [(depth, title) for depth, title in _bookmarks(reader.outline) if depth == 0]
    assert tops == [(0, f"{name} — ilçe özet raporu") for name, _ in DISTRICTS]
    firsts = [
        reader.get_destination_page_number(item)
        for item in reader.outline
        if not isinstance(item, list)
    ]
    assert firsts[0] == 1 and firsts == sorted(set(firsts))
    for page, (name, _) in zip(firsts, DISTRICTS, strict=True):
        text = re.sub(r"\s+", " ", reader.pages[page].extract_text())
        assert text.startswith(f"{name} — ilçe özet raporu")
        assert f"izmir-maps — {name} ilçe özet raporu sayfa {page + 1}/{len(reader.pages)}" in text
        assert DISCLAIMER in text
    sections = [t for depth, t in _bookmarks(reader.outline) if depth == 1]
    assert sections == ["Genel bakış", "İstihdam", "Konum haritası", "Kaynaklar"] * len(DISTRICTS)


def test_footnotes_of_each_report_link_to_its_own_sources(book):
    reader = _reader(book)
    firsts = [
        reader.get_destination_page_number(i) for i in reader.outline if not isinstance(i, list)
    ]
    ends = [*firsts[1:], len(reader.pages)]
    pages = [p.indirect_reference for p in reader.pages]
    for first, end in zip(firsts, ends, strict=True):
        targets = {
            pages.index(a.get_object()["/Dest"][0])
            for page in reader.pages[first:end]
            for a in page.get("/Annots", [])
        }
        assert targets <= set(range(first, end))


def test_a_title_can_be_given():
    reader = _reader(report_pdf(_report(rows=3), title="Aliağa için özet"))
    assert reader.metadata.title == "Aliağa için özet"


def test_an_english_report_is_english_throughout():
    report = replace(
        _report(rows=3),
        lang="en",
        title="Aliağa — district summary report",
        sections=(
            Section("overview", "Overview", (Paragraph((Sentence("Aliağa's share.", (1,)),)),)),
        ),
    )
    reader = _reader(report_pdf(report))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert _bookmarks(reader.outline) == [(0, "Overview"), (0, "Sources")]
    last = reader.pages[0].extract_text().splitlines()[-1]
    assert last == "izmir-maps — Aliağa district summary report page 1 of 1"


def test_a_figure_without_alt_text_is_described_by_its_caption():
    figure = Figure(SVG, "", "Şekil 2: Aliağa'nın komşuları")
    report = replace(_report(rows=3), sections=(Section("map", "Harita", (figure,)),))
    assert "Şekil 2: Aliağa'nın komşuları" in _alt_texts(report_pdf(report))


def test_aliagas_real_report_keeps_every_sentence_and_heading():
    content = pytest.importorskip("izmir_maps.reports.content")
    report = content.district_report("Aliağa")
    started = time.perf_counter()
    data = report_pdf(report)
    print(f"Aliağa's report: {time.perf_counter() - started:.2f} s, {len(data)} bytes")
    reader = _reader(data)
    # Each page without its running line, so a paragraph across a page break reads on.
    body = " ".join("\n".join(page.extract_text().splitlines()[:-1]) for page in reader.pages)
    body = re.sub(r"\s+", " ", body)
    sentences = [
        s.text
        for section in report.sections
        for block in section.blocks
        if isinstance(block, Paragraph | Bullets)
        for s in (block.sentences if isinstance(block, Paragraph) else block.items)
    ]
    assert sentences
    assert [s for s in sentences if re.sub(r"\s+", " ", s) not in body] == []
    headings = [s.heading for s in report.sections] + ["Kaynaklar"]
    assert [title for _, title in _bookmarks(reader.outline)] == headings
    assert b"/Subtype/Image" not in data


def test_a_table_row_of_the_wrong_length_is_an_error():
    # the model refuses it, so neither renderer ever sees it
    with pytest.raises(ValueError, match=r"'Tablo 9': row 1 has 1 cells for 2 columns"):
        Table(caption="Tablo 9", columns=(Column("A"), Column("B")), rows=(("1", "2"), ("3",)))


def test_packing_the_objects_changes_no_page_and_no_tag(monkeypatch):
    import izmir_maps.reports.pdf as module

    packed = report_pdf(_report())
    monkeypatch.setattr(module, "_compact", lambda pdf: pdf)
    typeset = report_pdf(_report())
    assert len(packed) < 0.8 * len(typeset)

    def content(data: bytes) -> tuple[list[bytes], list[str]]:
        with pikepdf.open(BytesIO(data)) as doc:
            pages = [p.Contents.read_bytes() for p in doc.pages]
            tags = sorted(
                str(o.get("/S"))
                for o in doc.objects
                if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem"
            )
        return pages, tags

    assert content(packed) == content(typeset)
    assert content(packed)[1]  # the structure tree is there to compare
