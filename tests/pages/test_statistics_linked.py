"""The statistics page's linked views: Moran scatterplot, ranking chart and LISA map (HTML)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from izmir_maps.data.join import district_table
from izmir_maps.pages.statistics import moran_points, render_stats_page
from izmir_maps.stats.moran import LISA_COLORS
from izmir_maps.stats.views import lisa_in_view, moran_by_view, view_weights


@pytest.fixture(scope="module")
def web():
    return district_table("web")


@pytest.fixture(scope="module")
def html(web) -> str:
    return render_stats_page(web)[0]


@pytest.fixture(scope="module")
def html_en(web) -> str:
    return render_stats_page(web, lang="en")[0]


def _svg(html: str, css_class: str) -> str:
    match = re.search(rf'<svg [^>]*class="{css_class}".*?</svg>', html, re.S)
    assert match, css_class
    return match.group(0)


def _marks(svg: str, tag: str) -> list[dict[str, str]]:
    """Attributes of every linked mark (``data-district``) of one figure, in page order."""
    out = []
    for attrs in re.findall(rf"<{tag} ([^>]*data-district[^>]*)>", svg):
        out.append({k: unescape(v) for k, v in re.findall(r'([\w-]+)="([^"]*)"', attrs)})
    return out


def test_moran_points_match_lisa_quadrants_and_the_slope_is_morans_i() -> None:
    result, table = lisa_in_view("employees")
    points, slope = moran_points(table, "employees", view_weights("2008"))
    assert len(points) == 28  # the 2008 view
    i = moran_by_view(["employees"]).set_index("id").loc["employees", "I"]
    assert slope == pytest.approx(i, abs=1e-12)
    quadrant_of = {
        (True, True): "HH",
        (False, False): "LL",
        (False, True): "LH",
        (True, False): "HL",
    }
    for pcode, row in points.iterrows():
        q = result.quadrant[pcode]
        if q != "ns":
            assert quadrant_of[(row["z"] > 0, row["lag"] > 0)] == q
    assert points["z"].mean() == pytest.approx(0, abs=1e-12)
    assert points["z"].std(ddof=0) == pytest.approx(1)


def test_scatterplot_has_one_focusable_named_point_per_unit(html: str) -> None:
    svg = _svg(html, "scatter")
    points = _marks(svg, "circle")
    assert len(points) == 28
    assert all(p["tabindex"] == "0" and p["role"] == "button" for p in points)
    assert all(p["aria-pressed"] == "false" for p in points)
    bornova = next(p for p in points if p["data-district"] == "bornova")
    assert bornova["aria-label"] == "Bornova: 117.713, 2./28; LISA: Yüksek–Yüksek"
    assert bornova["fill"] == LISA_COLORS["HH"] and bornova["data-lisa"] == "HH"
    konak = next(p for p in points if p["data-district"] == "konak")
    assert konak["aria-label"].startswith("Konak (Karabağlar dahil): 199.830, 1./28; LISA: ")
    assert [p["data-district"] for p in points][:3] == ["aliaga", "balcova", "bayindir"]
    # the four quadrants named in their corners, with the words of the LISA legend
    for words in ("Yüksek–Yüksek", "Düşük–Düşük", "Yüksek–Düşük", "Düşük–Yüksek"):
        assert f">{words}</text>" in svg
    assert "Moran&#x27;s I = 0,189" in svg  # the slope, in the accessible name


def test_ranking_chart_runs_from_highest_to_lowest(html: str) -> None:
    svg = _svg(html, "rankbars")
    bars = _marks(svg, "g")
    assert len(bars) == 28
    assert [b["data-district"] for b in bars[:3]] == ["konak", "bornova", "karsiyaka"]
    assert bars[-1]["aria-label"] == "Beydağ: 677, 28./28; LISA: Anlamlı değil"
    assert ">199.830</text>" in svg and ">Konak (Karabağlar dahil)</text>" in svg
    assert all(b["tabindex"] == "0" for b in bars)


def test_every_map_path_names_its_district_and_new_districts_link_to_their_parent(
    html: str,
) -> None:
    linked_map = _svg(html, "izmap linked-map")
    paths = _marks(linked_map, "path")
    assert len(paths) == 30
    by_pcode = {p["data-pcode"]: p for p in paths}
    assert by_pcode["TUR035007"]["data-district"] == "bornova"
    assert by_pcode["TUR035004"]["data-district"] == "karsiyaka"  # Bayraklı, in 2008 view
    assert by_pcode["TUR035015"]["data-district"] == "konak"  # Karabağlar
    # every LISA map of the page links too: the grid's maps and the linked view's
    linked = re.findall(r'<svg [^>]*class="izmap[^"]*".*?</svg>', html, re.S)
    assert len(linked) == 10
    assert all(len(_marks(svg, "path")) == 30 for svg in linked)


def test_live_region_and_keyboard_words(html: str, html_en: str) -> None:
    assert "role='status' aria-live='polite' data-prefix='Seçili ilçe:'" in html
    assert "data-cleared='Seçim kaldırıldı.'" in html
    assert "Enter ya da boşluk seçer, Escape seçimi kaldırır" in html
    assert "Bağlantılı görünüm: Çalışan sayısı (SGK, 2008), kişi – 2008 sınırları" in html
    assert "data-prefix='Selected district:'" in html_en
    bornova = next(
        p for p in _marks(_svg(html_en, "scatter"), "circle") if p["data-district"] == "bornova"
    )
    assert bornova["aria-label"] == "Bornova: 117,713, 2/28; LISA: High–High"


def test_current_view_indicator_and_none(web) -> None:
    html = render_stats_page(web, lisa_ids=["population"], linked_id="population")[0]
    points = _marks(_svg(html, "scatter"), "circle")
    assert len(points) == 30  # population is on today's 30 districts
    assert {p["data-district"] for p in points} >= {"bayrakli", "karabaglar"}
    off = render_stats_page(web, lisa_ids=["population"], linked_id=None)[0]
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="scatter"' not in off
    assert "role='status'" not in off and off.count("<script>") == 1  # the table sorter only


def test_page_is_byte_identical_on_rebuild(web, html: str) -> None:
    assert render_stats_page(web)[0] == html
