"""Side-by-side comparison and small multiples (``izmir_maps.pages.compare``)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from izmir_maps.data.join import district_table
from izmir_maps.data.registry import indicator
from izmir_maps.errors import OptionError, UnknownDistrictError
from izmir_maps.pages.compare import (
    COMPARE_COLORS,
    MULTIPLES,
    render_comparison,
    render_small_multiples,
    resolve_districts,
)

ALIAGA, CIGLI, TORBALI = "TUR035001", "TUR035010", "TUR035029"
HOSTILE = '<img src=x onerror="alert(1)">'


class _Page(HTMLParser):
    """Table rows (cell texts), visible text, links and inline-SVG count of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self.svgs = 0
        self.cards: list[dict[str, object]] = []
        self.chunks: list[str] = []
        self._cell: list[str] | None = None
        self._skip = 0
        self._div_depth = 0
        self._card_depth: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("style", "script"):
            self._skip += 1
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))
            if self._card_depth is not None:
                self.cards[-1]["links"].append(a["href"])  # type: ignore[union-attr]
        elif tag == "svg":
            self.svgs += 1
            if self._card_depth is not None:
                self.cards[-1]["svgs"] += 1  # type: ignore[operator]
        elif tag == "path" and a.get("data-pcode") and self._card_depth is not None:
            self.cards[-1]["paths"] += 1  # type: ignore[operator]
        if tag == "div":
            self._div_depth += 1
            if a.get("class") == "card":
                self._card_depth = self._div_depth
                self.cards.append({"links": [], "svgs": 0, "paths": 0, "text": []})

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "div":
            if self._card_depth == self._div_depth:
                self._card_depth = None
            self._div_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.chunks.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._card_depth is not None:
            self.cards[-1]["text"].append(data)  # type: ignore[union-attr]

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())

    def row(self, first: str) -> list[str]:
        hits = [r for r in self.rows if r and r[0] == first]
        assert len(hits) == 1, first
        return hits[0]


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def tr_number(value: float, decimals: int = 0) -> str:
    """Turkish number format with a real minus sign, written independently of the package."""
    text = f"{abs(value):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return ("−" if value < 0 else "") + text


@pytest.fixture(scope="module")
def web():
    return district_table("web")


@pytest.fixture(scope="module")
def two(web) -> _Page:
    return parse(render_comparison(web, [ALIAGA, CIGLI]))


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["ALIAGA", "çiğli", "TUR035029"], [ALIAGA, CIGLI, TORBALI]),
        (["  Aliağa ", "ÇİĞLİ"], [ALIAGA, CIGLI]),
        (["cigli", "aliaga"], [CIGLI, ALIAGA]),  # order is kept
        (["ALİAĞA", "Torbali"], [ALIAGA, TORBALI]),
    ],
)
def test_resolve_districts_accepts_any_spelling(names: list[str], expected: list[str]) -> None:
    assert resolve_districts(names) == expected


@pytest.mark.parametrize(
    "names",
    [
        ["Aliağa"],
        ["Aliağa", "Bergama", "Foça", "Menemen", "Çiğli", "Konak", "Urla"],
    ],
)
def test_resolve_districts_needs_two_to_six(names: list[str]) -> None:
    with pytest.raises(OptionError, match=rf"between 2 and 6 districts; got {len(names)}"):
        resolve_districts(names)
    assert len(COMPARE_COLORS) == 6


def test_resolve_districts_refuses_repeats_in_any_spelling() -> None:
    with pytest.raises(OptionError, match="Aliağa named more than once"):
        resolve_districts(["Aliağa", "Konak", "ALIAGA"])
    with pytest.raises(OptionError, match="Çiğli named more than once"):
        resolve_districts(["TUR035010", "cigli"])


def test_unknown_district_gets_a_suggestion() -> None:
    with pytest.raises(UnknownDistrictError, match=r"district 2: 'Cigly'.*Did you mean 'Çiğli'"):
        resolve_districts(["Aliağa", "Cigly"])


def test_header_names_both_districts_difference_and_ratio(two: _Page) -> None:
    assert two.rows[0] == [
        "Gösterge",
        "Aliağa",
        "Aliağa: sıra",
        "Çiğli",
        "Çiğli: sıra",
        "Fark (1 − 2)",
        "Oran (1 / 2)",
    ]


@pytest.mark.parametrize(
    ("label", "column", "unit"),
    [
        ("Çalışan sayısı (SGK, 2008)", "employees", "kişi"),
        ("Firma sayısı (2008)", "firms", "firma"),
        ("İhracat", "exports_usd", "ABD $"),
    ],
)
def test_values_difference_and_ratio_equal_independent_computation(
    two: _Page, raw_data, label: str, column: str, unit: str
) -> None:
    t1 = raw_data("table1_districts.csv").set_index("district")[column]
    ranks = t1.rank(ascending=False, method="min").astype(int)
    a, b = t1["Aliağa"], t1["Çiğli"]
    row = two.row(label)
    assert row[1] == f"{tr_number(a)} {unit}"
    assert row[2] == f"{ranks['Aliağa']}./30"
    assert row[3] == f"{tr_number(b)} {unit}"
    assert row[4] == f"{ranks['Çiğli']}./30"
    assert row[5] == tr_number(a - b)
    assert row[6] == tr_number(a / b, 2) + "×"


def test_employees_row_matches_the_report(two: _Page) -> None:
    # Aliağa 27.225 (report, Tablo 1); the difference is negative and uses a real minus sign.
    row = two.row("Çalışan sayısı (SGK, 2008)")
    assert row[1] == "27.225 kişi" and row[2] == "9./30"
    assert row[5].startswith("−")


def test_rate_difference_is_in_percentage_points(two: _Page, raw_data) -> None:
    t3 = raw_data("table3_izka_support.csv")
    total = t3[t3["programme_id"] == "all"].set_index("district")
    rate = total["successful"] / total["applications"] * 100
    row = two.row("İZKA başarı oranı (başarılı / başvuru)")
    assert row[5] == tr_number(rate["Aliağa"] - rate["Çiğli"], 2) + " puan"
    assert row[6] == tr_number(rate["Aliağa"] / rate["Çiğli"], 2) + "×"


def test_missing_values_show_a_dash(two: _Page) -> None:
    row = two.row("Kurulu rüzgâr gücü (2009)")
    assert row[1] == "147,5 MW"
    assert row[3:] == ["–", "–", "–", "–"]  # Çiğli: no figure in the report, so no difference


def test_more_districts_give_ratios_to_the_first(web, raw_data) -> None:
    page = parse(render_comparison(web, [ALIAGA, CIGLI, TORBALI], lang="en"))
    assert page.rows[0][-2:] == ["Çiğli / Aliağa", "Torbalı / Aliağa"]
    t1 = raw_data("table1_districts.csv").set_index("district")["employees"]
    row = page.row("Employees (SGK, 2008)")
    assert row[-2] == f"{t1['Çiğli'] / t1['Aliağa']:.2f}×"
    assert row[-1] == f"{t1['Torbalı'] / t1['Aliağa']:.2f}×"
    assert row[1] == f"{t1['Aliağa']:,} persons"


def test_map_colours_and_profile_links(web) -> None:
    html = render_comparison(web, [ALIAGA, CIGLI], profiles="../districts/")
    page = parse(html)
    assert "../districts/aliaga.html" in page.links
    assert "../districts/cigli.html" in page.links
    assert f'data-pcode="{ALIAGA}"' in html
    fills = dict(re.findall(r'fill="(#[0-9a-f]{6})"[^>]*data-pcode="(TUR\d+)"', html))
    by_code = {code: fill for fill, code in fills.items()}
    assert by_code[ALIAGA] == COMPARE_COLORS[0]
    assert by_code[CIGLI] == COMPARE_COLORS[1]
    without = parse(render_comparison(web, [ALIAGA, CIGLI], profiles=None))
    assert not [link for link in without.links if "districts/" in link]


def test_names_are_escaped(web) -> None:
    hostile = web.copy()
    hostile.loc[hostile["pcode"] == CIGLI, "district"] = HOSTILE
    html = render_comparison(hostile, [ALIAGA, CIGLI])
    assert "<img" not in html
    assert HOSTILE in parse(html).text


def test_english_comparison(web) -> None:
    page = parse(render_comparison(web, [ALIAGA, CIGLI], lang="en"))
    assert page.rows[0][-2:] == ["Difference (1 − 2)", "Ratio (1 / 2)"]
    row = page.row("Employees (SGK, 2008)")
    assert row[1] == "27,225 persons" and row[2] == "9/30"
    assert "Aliağa – Çiğli: comparison" in page.text


@pytest.fixture(scope="module")
def multiples(web) -> _Page:
    return parse(render_small_multiples(web, static_png="../static/multiples.png"))


def test_small_multiples_one_map_per_indicator(multiples: _Page) -> None:
    assert len(multiples.cards) == len(MULTIPLES)
    for card, ind_id in zip(multiples.cards, MULTIPLES, strict=True):
        assert card["svgs"] == 1
        assert card["paths"] == 30
        assert f"maps/{ind_id}.html" in card["links"]
        assert "".join(card["text"]).startswith(indicator(ind_id).title("tr"))  # type: ignore[arg-type]
    assert "../static/multiples.png" in multiples.links


def test_small_multiples_legends_show_no_data_only_where_needed(web) -> None:
    page = parse(render_small_multiples(web, indicator_ids=["employees", "wind_capacity_mw"]))
    employees, wind = ("".join(c["text"]) for c in page.cards)  # type: ignore[arg-type]
    assert "Veri yok" not in employees
    assert "Veri yok" in wind


def test_small_multiples_without_map_links(web) -> None:
    page = parse(render_small_multiples(web, maps=None, indicator_ids=["firms"], lang="en"))
    assert not [link for link in page.links if link.endswith(".html") and "maps" in link]
    assert "indicators side by side" in page.text
