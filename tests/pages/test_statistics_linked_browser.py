"""The statistics page's linked views in headless Chromium, network blocked (``linked.js``).

Hovering, clicking or focusing a district in the Moran scatterplot, the ranking chart or a
LISA map outlines it in all of them; Enter / Space select it and the live region names it
with its LISA class; Escape clears. Same set-up as ``test_browser.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from izmir_maps.data.join import district_table
from izmir_maps.pages.statistics import render_stats_page
from izmir_maps.write import write_text

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 800}
POINT = "svg.scatter circle[data-district='{}']"
BAR = "svg.rankbars g[data-district='{}']"
LINKED_PATH = "svg.linked-map path[data-district='{}']"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("linked")
    web = district_table("web")
    return {
        lang: write_text(out / lang / "stats.html", render_stats_page(web, lang=lang)[0])
        for lang in ("tr", "en")
    }


@pytest.fixture
def visit(open_page):
    def open_(path: Path):
        return open_page(path.as_uri(), viewport=VIEWPORT, ready="load", failed=True).page

    return open_


def _classes(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('class') || '')")


def _status(page) -> str:
    return page.locator(".linked-status").text_content()


def test_hovering_a_point_outlines_the_district_on_every_map_and_its_bar(site, visit) -> None:
    page = visit(site["tr"])
    page.locator(POINT.format("bornova")).hover()
    assert _classes(page, LINKED_PATH.format("bornova")) == ["is-hover"]
    # Bornova on the linked map and on each of the nine LISA maps of the grid
    assert page.locator("svg.izmap path.is-hover").count() == 10
    assert set(_classes(page, "svg.izmap path.is-hover")) == {"is-hover"}
    assert page.eval_on_selector_all(
        "svg.izmap path.is-hover", "els => els.every(e => e.dataset.district === 'bornova')"
    )
    assert "is-hover" in _classes(page, BAR.format("bornova"))[0]
    stroke = page.eval_on_selector(
        LINKED_PATH.format("bornova"),
        "e => [getComputedStyle(e).stroke, getComputedStyle(e).strokeWidth]",
    )
    assert stroke == ["rgb(17, 17, 17)", "2.5px"]  # a thick dark outline, not colour alone
    page.locator("h1").hover()  # leaving clears the hover
    assert page.locator(".is-hover").count() == 0
    assert _status(page) == ""  # hovering alone announces nothing


def test_a_new_district_on_the_map_is_its_2008_unit_in_the_plots(site, visit) -> None:
    page = visit(site["tr"])
    bayrakli = page.locator("svg.linked-map path[data-pcode='TUR035004']")
    assert bayrakli.get_attribute("data-district") == "karsiyaka"
    bayrakli.click()
    assert _status(page).startswith("Seçili ilçe: Karşıyaka (Bayraklı dahil): 47.978, 3./28;")
    assert "is-selected" in _classes(page, POINT.format("karsiyaka"))[0]
    assert page.locator(POINT.format("karsiyaka")).get_attribute("aria-pressed") == "true"


def test_keyboard_enter_selects_and_names_the_quadrant_escape_clears(site, visit) -> None:
    page = visit(site["tr"])
    page.get_by_role("link", name="XLSX").last.focus()  # the ranking table's download
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.getAttribute('data-district')")
    assert first == "aliaga"  # the scatterplot's points come next, in Turkish order
    point = page.locator(POINT.format("bornova"))
    point.focus()
    assert "is-hover" in _classes(page, BAR.format("bornova"))[0]  # focus highlights too
    page.keyboard.press("Enter")
    assert _status(page) == "Seçili ilçe: Bornova: 117.713, 2./28; LISA: Yüksek–Yüksek"
    assert page.locator(".linked-status").get_attribute("role") == "status"
    assert page.locator("svg.izmap path.is-selected").count() == 10
    assert page.locator(BAR.format("bornova")).get_attribute("aria-pressed") == "true"
    bar = page.locator(BAR.format("bezdag".replace("z", "y")))  # Beydağ, the last bar
    bar.focus()
    page.keyboard.press("Enter")  # a new choice replaces the old one
    assert _status(page) == "Seçili ilçe: Beydağ: 677, 28./28; LISA: Anlamlı değil"
    assert page.locator(".is-selected[data-district='bornova']").count() == 0
    assert point.get_attribute("aria-pressed") == "false"
    page.keyboard.press("Escape")
    assert _status(page) == "Seçim kaldırıldı."
    assert page.locator(".is-selected").count() == 0
    assert page.locator("[aria-pressed='true']").count() == 0


def test_english_space_selects_a_bar(site, visit) -> None:
    page = visit(site["en"])
    scroll = page.evaluate("window.scrollY")
    bar = page.locator(BAR.format("konak"))
    bar.focus()
    before = page.evaluate("window.scrollY")
    page.keyboard.press(" ")
    assert page.evaluate("window.scrollY") == before  # Space selects, it does not scroll
    assert _status(page).startswith("Selected district: Konak (incl. Karabağlar): 199,830, 1/28;")
    assert "LISA: High–High" in _status(page)
    assert "is-selected" in _classes(page, POINT.format("konak"))[0]
    assert scroll == 0
    page.keyboard.press("Escape")
    assert _status(page) == "Selection cleared."


def test_map_districts_are_not_tab_stops(site, visit) -> None:
    page = visit(site["tr"])
    page.get_by_role("link", name="XLSX").first.focus()  # the Moran table's download
    page.keyboard.press("Tab")  # past the nine LISA maps' 270 districts at once
    assert page.evaluate("document.activeElement.textContent") == "CSV olarak indir"
    marks = page.evaluate(
        "[...document.querySelectorAll('[tabindex]')].map(e => e.tagName).join()"
    ).split(",")
    assert marks.count("circle") == 28 and marks.count("g") == 28 and "path" not in marks
