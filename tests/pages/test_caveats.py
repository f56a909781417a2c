"""Caveats the pages show: unranked zeros, ratios a median cannot give, the exports' year, sizes."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from izmir_maps.data.join import district_table
from izmir_maps.pages.compare import render_comparison
from izmir_maps.pages.index import AtlasEntry, format_size, render_index
from izmir_maps.pages.profiles import render_profile
from izmir_maps.pages.statistics import render_stats_page

OSB_TR = "Organize sanayi bölgesi sayısı"
WIND_TR = "Kurulu rüzgâr gücü (2009)"


class _Tables(HTMLParser):
    """Rows of every table (cell texts) and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.links: list[tuple[str, str]] = []
        self.chunks: list[str] = []
        self._cell: list[str] | None = None
        self._href: str | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "svg"):
            self._skip += 1
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a":
            self._href = dict(attrs).get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "svg"):
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "a":
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.chunks.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._href is not None:
            self.links.append((self._href, data))

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())

    def row(self, first: str, table: int = 0) -> list[str]:
        hits = [r for r in self.tables[table] if r and r[0] == first]
        assert len(hits) == 1, first
        return hits[0]


def parse(html: str) -> _Tables:
    page = _Tables()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def web():
    return district_table("web")


@pytest.fixture(scope="module")
def pcode(web):
    return dict(zip(web["district"], web["pcode"], strict=True))


@pytest.fixture(scope="module")
def profile(web, pcode):
    def page(name: str, lang: str = "tr") -> _Tables:
        return parse(render_profile(web, pcode[name], lang=lang))  # type: ignore[arg-type]

    return page


# -- a zero count gets no rank ------------------------------------------------------------------


def test_a_district_without_an_osb_shows_no_rank_but_the_reason(profile) -> None:
    # Columns: indicator, value, share, rank, ratio to median, year.
    assert profile("Karaburun").row(OSB_TR)[1:5] == ["0 OSB", "–", "– (OSB yok)", "–"]
    assert profile("Karaburun", "en").row("Organised industrial zones")[3] == "– (no OSB)"


def test_districts_with_osbs_keep_their_ranks(profile) -> None:
    assert profile("Kemalpaşa").row(OSB_TR)[3] == "1./30"
    assert profile("Aliağa").row(OSB_TR)[3] == "4./30"


def test_the_comparison_shows_no_rank_for_a_zero_count(web, pcode) -> None:
    page = parse(render_comparison(web, [pcode["Aliağa"], pcode["Karaburun"]]))
    # Columns: indicator, Aliağa, its rank, Karaburun, its rank, difference, ratio.
    assert page.row(OSB_TR)[1:5] == ["1 OSB", "4./30", "0 OSB", "– (OSB yok)"]


@pytest.fixture(scope="module")
def stats(web):
    return render_stats_page(web, lisa_ids=["employees"])


def test_the_ranking_page_and_csv_give_no_rank_to_a_zero_count(stats) -> None:
    html, _, ranking = stats
    by_name = ranking.set_index("district")
    assert pd.isna(by_name.loc["Karaburun", "osb_count_rank"])
    assert by_name["osb_count_rank"].isna().sum() == 19
    assert int(by_name.loc["Kemalpaşa", "osb_count_rank"]) == 1
    page = parse(html)
    table = page.tables[-1]
    column = table[0].index(ranking.attrs["labels"]["osb_count_rank"])
    row = next(r for r in table if r[0] == "Karaburun")
    assert row[column] == "–"
    assert "Sayısı sıfır olan ilçeye sıra verilmez" in page.text


# -- a median of one value gives no ratio -------------------------------------------------------


def test_wind_2009_has_one_value_so_no_ratio_to_the_median(profile) -> None:
    # Only Aliağa has a 2009 capacity: the median is its own value, "1,00×" said nothing.
    row = profile("Aliağa").row(WIND_TR)
    assert row[1] == "147,5 MW"
    assert row[4] == "–"
    assert "en az 3 ilçede değer varsa" in profile("Aliağa").text


def test_indicators_with_enough_values_keep_their_ratio(profile) -> None:
    assert profile("Aliağa").row("Çalışan sayısı (SGK, 2008)")[4] == "3,69×"


# -- the exports' year is not stated ------------------------------------------------------------


def test_the_exports_year_is_stated_as_assumed(profile) -> None:
    assert profile("Aliağa").row("İhracat")[5] == "yıl belirtilmemiş (2008 varsayıldı)"
    assert profile("Aliağa", "en").row("Exports")[5] == "year not stated (2008 assumed)"
    assert profile("Aliağa").row("Çalışan sayısı (SGK, 2008)")[5] == "2008"


def test_the_profiles_source_line_for_exports_agrees_with_the_table(profile) -> None:
    text = profile("Konak").text
    assert (
        "Tablo 1; İhracat: raporun Tablo 1'i yılını belirtmiyor; tablo onu SGK 2008 verisinin "
        "yanında verdiği için 2008 varsayıldı." in text
    )


def test_the_comparison_states_the_exports_year(web, pcode) -> None:
    page = parse(render_comparison(web, [pcode["Aliağa"], pcode["Çiğli"]], lang="en"))
    assert "Exports: Table 1 of the report does not state their year; 2008 is assumed" in page.text


# -- the home page shows each file's own size ---------------------------------------------------


def test_format_size_in_each_language() -> None:
    assert format_size(1_363_148) == "1,3 MB"
    assert format_size(1_363_148, "en") == "1.3 MB"
    assert format_size(62_597) == "61 KB"
    assert format_size(1_048_000) == "1.023 KB"
    assert format_size(1_048_300) == "1,0 MB"  # 1,023.7 KB: not "1.024 KB"
    assert format_size(900) == "900 B"


SIZES = {
    "maps/employees.html": 62_597,
    "static/employees.png": 421_888,
    "static/employees.svg": 1_363_148,
    "maps/osb.html": 80_000,
    "data/ranking.csv": 12_288,
}


def _home(lang: str = "tr") -> _Tables:
    entries = [
        AtlasEntry("employees", "Çalışan sayısı", "kişi", "Çalışan", 62_597),
        AtlasEntry("osb", "OSB", "nokta", "Nokta", 80_000, static=False),
    ]
    html = render_index(
        entries,
        lang=lang,  # type: ignore[arg-type]
        downloads=[("data/ranking.csv", "sıralama")],
        sizes=SIZES,
    )
    return parse(html)


def test_each_link_on_the_home_page_shows_its_own_files_size() -> None:
    text = _home().text
    assert "Etkileşimli harita (61 KB) · PNG (412 KB) · SVG (1,3 MB)" in text
    assert "data/ranking.csv (12 KB) — sıralama" in text
    assert "SVG (61 KB)" not in text
    assert "Interactive map (61 KB) · PNG (412 KB) · SVG (1.3 MB)" in _home("en").text


def test_a_print_format_not_written_is_not_linked() -> None:
    hrefs = [href for href, _ in _home().links]
    assert "static/employees.pdf" not in hrefs
    assert "static/osb.png" not in hrefs and "static/osb.svg" not in hrefs
    assert "static/employees.svg" in hrefs


def test_a_comparison_with_a_district_of_the_2008_change_says_so(web, pcode) -> None:
    page = render_comparison(web, [pcode["Bayraklı"], pcode["Bornova"]])
    assert (
        "Sınır değişikliği</strong> – Bayraklı: 2008&#x27;de kuruldu; 2008 verisi büyük ölçüde "
        "Karşıyaka ilçesinde kayıtlı (tahmin)" in page
    )
    assert "Bornova: " not in page.split("Sınır değişikliği")[-1]
    assert "Sınır değişikliği" not in render_comparison(web, [pcode["Aliağa"], pcode["Çiğli"]])
