"""The spatial statistics page (``izmir_maps.pages.statistics``)."""

from __future__ import annotations

import dataclasses
import re
import warnings
from html.parser import HTMLParser

import esda
import numpy as np
import pandas as pd
import pytest

from izmir_maps.data.join import district_table
from izmir_maps.pages import statistics
from izmir_maps.pages.statistics import LISA_INDICATORS, render_stats_page
from izmir_maps.stats.moran import LISA_COLORS, PERMUTATIONS, SEED
from izmir_maps.stats.weights import district_weights


class _Page(HTMLParser):
    """Tables (cells with text and data-v), links, script/svg counts and visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict[str, object]] = []
        self.links: list[dict[str, str | None]] = []
        self.scripts = 0
        self.svg_fills: list[list[str]] = []
        self.chunks: list[str] = []
        self._cell: list[str] | None = None
        self._attrs: dict[str, str | None] = {}
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("style", "script"):
            self._skip += 1
            self.scripts += tag == "script"
        elif tag == "table":
            self.tables.append({"class": a.get("class"), "rows": []})
        elif tag == "tr":
            self.tables[-1]["rows"].append([])  # type: ignore[union-attr]
        elif tag in ("td", "th"):
            self._cell, self._attrs = [], a
        elif tag == "a":
            self.links.append(a)
        elif tag == "svg":
            self.svg_fills.append([])
        elif tag == "path" and a.get("data-pcode"):
            self.svg_fills[-1].append(str(a.get("fill")))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None:
            cell = ("".join(self._cell).strip(), self._attrs.get("data-v"))
            self.tables[-1]["rows"][-1].append(cell)  # type: ignore[index]
            self._cell = None

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chunks.append(data)
            if self._cell is not None:
                self._cell.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def web():
    return district_table("web")


@pytest.fixture(scope="module")
def rendered(web):
    return render_stats_page(web)


@pytest.fixture(scope="module")
def page(rendered) -> _Page:
    return parse(rendered[0])


def _esda_moran(web, column: str) -> esda.Moran:
    if column in TABLE_1:  # 2008 data: on the 28 units of the 2008 view, with their contiguity
        web = district_table("detailed", "2008")
        w = district_weights(web)
    else:
        w = district_weights()
    y = web.set_index("pcode").loc[w.id_order, column].to_numpy(dtype=float)
    state = np.random.get_state()
    np.random.seed(SEED)  # stats.moran seeds NumPy's global generator for esda.Moran
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return esda.Moran(y, w, permutations=PERMUTATIONS)
    finally:
        np.random.set_state(state)


def _moran_table(page: _Page) -> list[list[tuple[str, str | None]]]:
    return page.tables[0]["rows"]  # type: ignore[return-value]


#: Table 1's indicators: 2008 data, whose statistics use the 2008 view.
TABLE_1 = ("employees", "firms", "exports_usd")


def _ranking_table(page: _Page) -> list[list[tuple[str, str | None]]]:
    return page.tables[1]["rows"]  # type: ignore[return-value]


@pytest.mark.parametrize("column", ["employees", "population", "izka_success_rate"])
def test_morans_i_equals_esda_called_directly(rendered, page: _Page, web, column: str) -> None:
    _, morans, _ = rendered
    expected = _esda_moran(web, column)
    row = morans.set_index("id").loc[column]
    assert row["I"] == pytest.approx(expected.I, rel=1e-12)
    assert row["EI"] == pytest.approx(expected.EI, rel=1e-12)
    assert row["p_sim"] == pytest.approx(expected.p_sim)
    assert row["z"] == pytest.approx(expected.z_sim)
    assert row["n"] == (28 if column in TABLE_1 else 30)
    assert row["boundaries"] == ("2008" if column in TABLE_1 else "current")
    label = row["label_tr"] + (" – 2008 sınırları" if column in TABLE_1 else "")
    shown = next(r for r in _moran_table(page) if r[0][0] == label)
    assert float(shown[2][1]) == pytest.approx(expected.I, rel=1e-12)  # machine value
    assert shown[2][0] == f"{expected.I:.3f}".replace(".", ",")  # shown, Turkish
    assert shown[5][0] == f"{expected.p_sim:.3f}".replace(".", ",")


def test_reading_follows_significance_and_sign(rendered, page: _Page) -> None:
    _, morans, _ = rendered
    readings = {r[0][0]: r[6][0] for r in _moran_table(page)[1:]}
    for _, m in morans.iterrows():
        if m["p_sim"] >= 0.05:
            expected = "anlamlı kümelenme yok"
        elif m["I"] > 0:
            expected = "benzer değerler kümeleniyor"
        else:
            expected = "komşular birbirine zıt"
        suffix = " – 2008 sınırları" if m["boundaries"] == "2008" else ""
        assert readings[m["label_tr"] + suffix] == expected
    assert set(readings.values()) >= {"anlamlı kümelenme yok", "benzer değerler kümeleniyor"}


def test_moran_table_lists_the_page_indicators(rendered) -> None:
    _, morans, _ = rendered
    assert list(morans["id"]) == list(LISA_INDICATORS)
    columns = ["id", "label_tr", "label_en", "n", "I", "EI", "z", "p_sim", "boundaries"]
    assert list(morans.columns) == columns
    assert set(morans.loc[morans["boundaries"] == "2008", "id"]) == {
        "employees",
        "firms",
        "exports_usd",
        "employees_per_1000",
        "firms_per_1000",
        "exports_usd_per_capita",
    }


@pytest.mark.parametrize(
    ("column", "file", "source"),
    [
        ("employees", "table1_districts.csv", "employees"),
        ("firms", "table1_districts.csv", "firms"),
        ("exports_usd", "table1_districts.csv", "exports_usd"),
        ("population", "population_2021.csv", "population"),
    ],
)
def test_ranking_ranks_equal_independent_pandas_ranks(
    rendered, raw_data, column: str, file: str, source: str
) -> None:
    _, _, ranking = rendered
    data = raw_data(file).set_index("district")[source]
    expected = data.rank(ascending=False, method="min").astype(int)
    got = ranking.set_index("district")[f"{column}_rank"].astype(int)
    pd.testing.assert_series_equal(
        got.sort_index(), expected.sort_index(), check_names=False, check_index_type=False
    )
    values = ranking.set_index("district")[column].astype(float)
    assert (values.sort_index() == data.astype(float).sort_index()).all()


def test_ranking_keeps_unknown_values_empty(rendered) -> None:
    _, _, ranking = rendered
    assert len(ranking) == 30
    assert list(ranking["pcode"]) == sorted(ranking["pcode"])
    wind = ranking.set_index("district")["wind_capacity_mw"]
    assert wind.notna().sum() == 1 and wind["Aliağa"] == 147.5
    csv = ranking.to_csv(index=False)
    row = next(line for line in csv.splitlines() if line.startswith("TUR035010,"))
    assert ",," in row  # Çiğli's wind capacity is empty, not 0


def test_ranking_table_on_the_page_matches_the_csv(rendered, page: _Page) -> None:
    _, _, ranking = rendered
    rows = _ranking_table(page)
    header = [text for text, _ in rows[0]]
    assert header[0] == "İlçe"
    body = rows[1:]
    assert len(body) == 30
    col = header.index("Çalışan sayısı (SGK, 2008) – sırası")
    by_name = ranking.set_index("district")
    for row in body:
        name = row[0][0].removesuffix(" †")  # † marks the four districts of the 2008 change
        assert row[col][0] == str(int(by_name.loc[name, "employees_rank"]))
        assert float(row[col][1]) == by_name.loc[name, "employees_rank"]
    aliaga = next(r for r in body if r[0][0] == "Aliağa")
    assert aliaga[header.index("Çalışan sayısı (SGK, 2008)")] == ("27.225", "27225")


def test_page_has_download_link_and_sortable_tables(page: _Page) -> None:
    downloads = [a for a in page.links if "download" in a]
    assert [a["href"] for a in downloads] == ["data/ranking.csv"]
    assert [t["class"] for t in page.tables] == ["sortable", "sortable"]
    assert page.scripts == 2  # the table sorter and the linked views (linked.js)
    for rows in (_moran_table(page), _ranking_table(page)):
        assert all(v is not None for row in rows[1:] for _, v in row)  # every cell sorts


def test_one_lisa_map_per_indicator(page: _Page) -> None:
    maps = [f for f in page.svg_fills if f]  # the scatterplot and ranking chart have no map
    assert len(maps) == len(LISA_INDICATORS) + 1  # and the linked view's own LISA map
    for fills in maps:
        assert len(fills) == 30
        assert set(fills) <= set(LISA_COLORS.values())
    assert any(set(f) != {LISA_COLORS["ns"]} for f in maps)


def test_weights_and_seed_are_explained(page: _Page) -> None:
    assert f"{PERMUTATIONS} permütasyon, tohum {SEED}" in page.text
    assert "rook" in page.text


def test_english_page(web) -> None:
    html, morans, ranking = render_stats_page(web, lang="en", ranking_csv="../r.csv")
    page = parse(html)
    assert "Spatial statistics" in page.text and "Download as CSV" in page.text
    assert "Mekânsal" not in page.text
    assert [a["href"] for a in page.links if "download" in a] == ["../r.csv"]
    assert _ranking_table(page)[0][0][0] == "District"
    assert ranking.attrs["labels"]["employees_rank"] == "Employees (SGK, 2008) – rank"
    readings = {r[6][0] for r in _moran_table(page)[1:]}
    assert readings <= {"no significant clustering", "similar values cluster", "neighbours differ"}
    assert len(morans) == len(LISA_INDICATORS)


def _lisa_lists(html: str) -> list[list[str]]:
    """The text under each LISA map: one entry per list item, tags removed."""
    lists = re.findall(r"<ul class='lisa-text'>(.*?)</ul>", html, re.S)
    return [
        [re.sub(r"<[^>]+>", "", li) for li in re.findall(r"<li>(.*?)</li>", ul)] for ul in lists
    ]


def test_lisa_clusters_are_listed_as_text(rendered) -> None:
    lists = _lisa_lists(rendered[0])
    assert len(lists) == len(LISA_INDICATORS)
    employees = lists[LISA_INDICATORS.index("employees")]
    # 2008 view: the merged units named as the card's map names them; Turkish order (Ö before U)
    assert employees == [
        "Yüksek–Yüksek: Bornova, Buca, Gaziemir, Karşıyaka (Bayraklı dahil), "
        "Konak (Karabağlar dahil)",
        "Düşük–Düşük: Ödemiş, Urla",
    ]
    population = lists[LISA_INDICATORS.index("population")]
    assert population[0] == "Yüksek–Yüksek: Bayraklı, Bornova, Buca, Karşıyaka, Konak"


def test_lisa_text_says_when_no_cluster_is_significant(web, monkeypatch) -> None:
    real = statistics.lisa

    def nothing_significant(table, column):
        result = real(table, column)
        return dataclasses.replace(result, quadrant=result.quadrant.map(lambda _: "ns"))

    monkeypatch.setattr(statistics, "lisa", nothing_significant)
    html, _, _ = render_stats_page(web, lisa_ids=["population"])
    assert _lisa_lists(html) == [["Anlamlı küme yok"]]
    html, _, _ = render_stats_page(web, lang="en", lisa_ids=["population"])
    assert _lisa_lists(html) == [["No significant clusters"]]


def test_lisa_text_is_left_out_when_not_computable(web) -> None:
    html, _, _ = render_stats_page(web, lisa_ids=["wind_capacity_mw"])
    assert _lisa_lists(html) == []
