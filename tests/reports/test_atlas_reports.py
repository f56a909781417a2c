"""The district reports in the atlas: ``reports/<slug>.html`` and ``.pdf``, linked (issue 15)."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from izmir_maps.atlas import _pool_size, _report_job, build_atlas
from izmir_maps.pages.index import format_size
from izmir_maps.text.names import slugify

THIRTY = [
    "Aliağa", "Balçova", "Bayındır", "Bayraklı", "Bergama", "Beydağ", "Bornova", "Buca", "Çeşme",
    "Çiğli", "Dikili", "Foça", "Gaziemir", "Güzelbahçe", "Karabağlar", "Karaburun", "Karşıyaka",
    "Kemalpaşa", "Kınık", "Kiraz", "Konak", "Menderes", "Menemen", "Narlıdere", "Ödemiş",
    "Seferihisar", "Selçuk", "Tire", "Torbalı", "Urla",
]  # fmt: skip


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v for k, v in attrs if k in ("href", "src") and v is not None]


def links(path: Path) -> list[str]:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


@pytest.fixture(scope="module")
def atlas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports") / "atlas"
    build_atlas(out, static=False)
    return out


def test_every_district_has_its_report_as_html_and_pdf(atlas: Path) -> None:
    names = {p.name for p in (atlas / "reports").iterdir()}
    expected = {f"{slugify(n)}.{fmt}" for n in THIRTY for fmt in ("html", "pdf")}
    assert names == expected
    pdf = PdfReader(atlas / "reports" / "kinik.pdf")
    assert pdf.metadata.title == "Kınık — ilçe özet raporu"
    page = (atlas / "reports" / "kinik.html").read_text(encoding="utf-8")
    assert "<h1>Kınık — ilçe özet raporu</h1>" in page
    assert "Kınık&#x27;ta 1.105 kişi çalışıyor" in page


def test_home_page_lists_the_reports_with_their_sizes(atlas: Path) -> None:
    home = (atlas / "index.html").read_text(encoding="utf-8")
    assert "<a href='#reports'>İlçe raporları</a>" in home
    assert "<h2 id='reports'>İlçe raporları</h2>" in home
    for name in THIRTY:
        slug = slugify(name)
        assert (
            f"<li>{name}: <a href='reports/{slug}.html'>HTML</a> · "
            f"<a href='reports/{slug}.pdf'>PDF</a></li>"
        ) in home
    largest = {
        fmt: format_size(max(p.stat().st_size for p in (atlas / "reports").glob(f"*.{fmt}")))
        for fmt in ("html", "pdf")
    }
    assert f"(her biri en çok: HTML {largest['html']}, PDF {largest['pdf']})" in home


def test_each_profile_links_its_report(atlas: Path) -> None:
    for name in THIRTY:
        slug = slugify(name)
        page = (atlas / "districts" / f"{slug}.html").read_text(encoding="utf-8")
        html_size = format_size((atlas / "reports" / f"{slug}.html").stat().st_size)
        assert re.search(
            rf"<p class='report-links'>İlçe özet raporu: <a href='../reports/{slug}.html'>HTML</a>"
            rf" <span class='muted'>\({re.escape(html_size)}\)</span> · "
            rf"<a href='../reports/{slug}.pdf'>PDF</a>",
            page,
        ), name


def test_report_pages_link_home_and_their_pdf(atlas: Path) -> None:
    page = atlas / "reports" / "aliaga.html"
    refs = [r for r in links(page) if not r.startswith("#")]
    assert refs == ["../index.html", "aliaga.pdf"]
    size = format_size((atlas / "reports" / "aliaga.pdf").stat().st_size)
    assert f"PDF olarak indir</a> <span class='muted'>({size})</span>" in page.read_text("utf-8")
    for ref in refs:
        assert (page.parent / urlsplit(ref).path).is_file()


def test_every_in_page_link_of_a_report_has_its_target(atlas: Path) -> None:
    for page in sorted((atlas / "reports").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        ids = set(re.findall(r"\bid=(?:'([^']+)'|\"([^\"]+)\")", text))
        ids = {a or b for a, b in ids}  # the page's and its maps' (a map may draw another's)
        anchors = {r[1:] for r in links(page) if r.startswith("#")}
        assert anchors and anchors <= ids, page.name


def test_a_report_gives_the_same_bytes_every_time(tmp_path: Path) -> None:
    files = []
    for run in ("a", "b"):
        folder = tmp_path / run
        folder.mkdir()
        files.append([Path(p) for p in _report_job(("TUR035019", "tr", str(folder)))])
    first, second = files
    assert [p.name for p in first] == ["kinik.html", "kinik.pdf"]
    for a, b in zip(first, second, strict=True):
        assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()
    reader = PdfReader(BytesIO(first[1].read_bytes()))
    assert reader.metadata.title == "Kınık — ilçe özet raporu"


def test_reports_get_a_worker_process_beside_the_pages(monkeypatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert _pool_size(None, static=False, reports=True) == 1  # one core left for the pages
    assert _pool_size(None, static=True, reports=True) == 2
    assert _pool_size(None, static=False, reports=False) == 0
    assert _pool_size(1, static=True, reports=True) == 0  # workers=1: all in this process
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert _pool_size(None, static=True, reports=True) == 0
