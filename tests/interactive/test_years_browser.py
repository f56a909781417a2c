"""The year slider of a year map in a real browser (headless Chromium, network blocked).

The map is the population of 2009 and 2021 built from sourced figures: Aliağa's 2009
population, 63.503, from the seed report, and every district's 2021 population from
``data/population_2021.csv`` (TÜİK ADNKS). The 2009 column has only Aliağa: the other 29
districts have no data in 2009.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect

from izmir_maps.data.join import district_table
from izmir_maps.data.registry import user_indicator
from izmir_maps.interactive.render import write_html
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.years import years_spec

pytestmark = pytest.mark.browser

ALIAGA = "TUR035001"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
READY = "window.izmirMap !== undefined"
FILL_2009, FILL_2021 = "#eff3ff", "#bdd7e7"  # Aliağa's classes: 11.927–72.741, 80.513–137.856
COUNTS_2021 = ["13 ilçe", "8 ilçe", "3 ilçe", "3 ilçe", "3 ilçe"]
COUNTS_2009 = ["1 ilçe", "0 ilçe", "0 ilçe", "0 ilçe", "0 ilçe", "29 ilçe"]


def population_years() -> MapSpec:
    """Population 2009 (Aliağa only, from the seed report) and 2021 (all 30, TÜİK ADNKS)."""
    table = district_table("web")
    y2021 = table[["pcode", "population"]].rename(columns={"population": "value"})
    long = pd.concat(
        [
            pd.DataFrame({"pcode": [ALIAGA], "year": [2009], "value": [63503.0]}),
            y2021.assign(year=2021),
        ],
        ignore_index=True,
    )
    ind = user_indicator("Nüfus", source="TÜİK ADNKS; İZKA 2010 (Aliağa 2009)", integer=True)
    frame = table[["pcode", "district", "area_km2", "geometry"]]
    return years_spec(frame, long, ind)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(population_years(), tmp_path_factory.mktemp("years") / "nufus.html")


class YearVisit:
    """Helpers mixed into the shared ``Visit`` record (see ``tests/conftest.py``)."""

    def fill(self, pcode: str = ALIAGA) -> str:
        return self.page.locator(f"path.izm-{pcode}").get_attribute("fill")

    def year(self) -> str:
        return self.page.locator(".izm-yr-now").inner_text()

    def counts(self) -> list[str]:
        """The counts of the legend rows shown."""
        return self.page.locator(".izm-classes li:not([hidden]) small").all_inner_texts()

    def slider(self):
        return self.page.get_by_role("slider", name="Yıl")


@pytest.fixture
def visit(open_page, page_file: Path):
    def open_map(hash_: str = "", viewport: dict | None = None) -> YearVisit:
        return open_page(
            page_file.as_uri() + hash_,
            viewport=viewport or DESKTOP,
            ready=READY,
            helpers=YearVisit,
            own_context=True,
        )

    return open_map


def test_moving_the_slider_to_2009_recolours_aliaga_and_its_tooltip(visit) -> None:
    seen = visit()
    page = seen.page
    assert (seen.year(), seen.fill(), seen.counts()) == ("2021", FILL_2021, COUNTS_2021)
    assert page.title() == "Nüfus, 2021"
    seen.slider().fill("0")
    assert (seen.year(), seen.fill(), seen.counts()) == ("2009", FILL_2009, COUNTS_2009)
    assert seen.fill("TUR035008") == "#d9d9d9"  # Buca: no data in 2009
    assert page.title() == "Nüfus, 2009"
    assert page.locator("#izm-legend h1").inner_text() == "Nüfus, 2009"
    assert seen.slider().get_attribute("aria-valuetext") == "2009"
    page.locator(f"path.izm-{ALIAGA}").hover()
    tooltip = page.locator(".leaflet-tooltip.izm-tip")
    tooltip.wait_for()
    assert tooltip.inner_text().split() == ["Aliağa", "Nüfus:", "63.503", "Sıra:", "1./1"]
    aliaga = page.locator(f"path.izm-{ALIAGA}")
    assert aliaga.get_attribute("aria-label") == "Aliağa: 63.503, 1./1"  # what a screen reader says


def test_the_table_shows_the_year_chosen(visit) -> None:
    seen = visit("#y=2009")
    seen.page.get_by_role("button", name="Tablo olarak göster").click()
    table = seen.page.locator("#izm-table")
    assert table.locator("caption").inner_text() == "Nüfus, 2009"
    first = table.locator("tbody tr").first.locator("th, td").all_inner_texts()
    assert first == ["Aliağa", "63.503", "1./1"]
    second = table.locator("tbody tr").nth(1).locator("th, td").all_inner_texts()
    assert second == ["Balçova", "Veri yok", "Veri yok"]


def test_the_year_is_kept_in_the_address_and_reopened(visit) -> None:
    seen = visit()
    seen.slider().fill("0")
    hash_ = seen.page.evaluate("location.hash")
    assert hash_.startswith("#/") and hash_.endswith("/y=2009")
    again = visit(hash_)
    assert (again.year(), again.fill(), again.counts()) == ("2009", FILL_2009, COUNTS_2009)
    assert again.slider().input_value() == "0"
    # a district and the year, as a reader would type it
    typed = visit("#aliaga/y=2009")
    assert (typed.year(), typed.fill()) == ("2009", FILL_2009)
    assert typed.page.locator(".leaflet-popup-content h3").inner_text() == "Aliağa"


def test_play_advances_to_the_last_year_and_stops(visit) -> None:
    seen = visit("#y=2009")
    play = seen.page.get_by_role("button", name="Oynat")
    assert play.get_attribute("aria-pressed") == "false"
    play.click()
    assert seen.page.locator(".izm-yr-play").get_attribute("aria-pressed") == "true"
    assert seen.page.locator(".izm-yr-play").inner_text().strip().endswith("Duraklat")
    # about a second a step; it stops by itself at the last year
    expect(seen.page.locator(".izm-yr-play")).to_have_attribute(
        "aria-pressed", "false", timeout=10_000
    )
    assert (seen.year(), seen.fill(), seen.counts()) == ("2021", FILL_2021, COUNTS_2021)
    assert seen.page.evaluate("location.hash").endswith("/y=2021")


def test_arrow_left_on_the_slider_goes_a_year_back_and_tells_the_page(visit) -> None:
    seen = visit()
    seen.page.evaluate(
        "window.__years = [];"
        "document.addEventListener('izm:year', (e) => window.__years.push(e.detail.year));"
    )
    seen.slider().focus()
    seen.page.keyboard.press("ArrowLeft")
    assert (seen.year(), seen.fill(), seen.counts()) == ("2009", FILL_2009, COUNTS_2009)
    seen.page.keyboard.press("ArrowRight")
    assert (seen.year(), seen.fill()) == ("2021", FILL_2021)
    assert seen.page.evaluate("window.__years") == [2009, 2021]


def test_the_slider_fits_a_phone_without_covering_the_tools(visit) -> None:
    seen = visit(viewport=PHONE)
    box = seen.page.locator(".izm-years").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    for tool in (".izm-nav", ".leaflet-control-zoom", ".leaflet-control-layers", "#izm-legend"):
        other = seen.page.locator(tool).bounding_box()
        apart = (
            box["x"] + box["width"] <= other["x"]
            or other["x"] + other["width"] <= box["x"]
            or box["y"] + box["height"] <= other["y"]
            or other["y"] + other["height"] <= box["y"]
        )
        assert apart, tool
    seen.slider().fill("0")
    assert seen.fill() == FILL_2009


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_nothing_serious_in_either_year(visit, viewport: dict) -> None:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    seen = visit(viewport=viewport)
    # preload off: axe would fetch the stylesheets again, which the map's CSP refuses
    options = {"resultTypes": ["violations"], "preload": False}
    for year in ("1", "0"):
        seen.slider().fill(year)
        violations = axe.Axe().run(seen.page, options=options).response["violations"]
        assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
