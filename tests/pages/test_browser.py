"""The atlas pages (profile, comparison, statistics) in headless Chromium, network blocked.

Same set-up as ``test_browser.py``: Debian's ``chromium`` and Playwright for Python; the
tests skip without them, except under CI (``CI=true``), where a missing browser fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from izmir_maps.data.join import district_table
from izmir_maps.pages.compare import render_comparison
from izmir_maps.pages.profiles import render_profile
from izmir_maps.pages.statistics import render_stats_page
from izmir_maps.write import write_text

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 800}
ALIAGA, CIGLI = "TUR035001", "TUR035010"
EMPLOYEES = "Çalışan sayısı (SGK, 2008)"
WIND = "Kurulu rüzgâr gücü (2009)"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three pages written where the atlas puts them."""
    out = tmp_path_factory.mktemp("pages")
    web = district_table("web")
    stats, _, _ = render_stats_page(web)
    return {
        "profile": write_text(out / "districts" / "aliaga.html", render_profile(web, ALIAGA)),
        "compare": write_text(
            out / "compare" / "aliaga-cigli.html",
            render_comparison(web, [ALIAGA, CIGLI], home="../index.html"),
        ),
        "stats": write_text(out / "stats.html", stats),
    }


@pytest.fixture
def visit(open_page):
    def open_(path: Path):
        return open_page(path.as_uri(), viewport=VIEWPORT, ready="load", failed=True)

    return open_


@pytest.mark.parametrize("name", ["profile", "compare", "stats"])
def test_page_opens_offline_without_errors(name: str, site, visit) -> None:
    seen = visit(site[name])
    assert seen.requests == [site[name].as_uri()]  # the page itself, nothing else
    assert seen.blocked == [] and seen.errors == []
    assert seen.page.locator("h1").count() == 1
    assert seen.page.locator("svg.izmap").first.is_visible()
    assert seen.page.locator("svg.izmap").first.locator("path[data-pcode]").count() == 30


def test_profile_shows_the_reports_figures(site, visit) -> None:
    page = visit(site["profile"]).page
    row = page.locator("table").first.locator("tr", has_text=EMPLOYEES)
    cells = row.locator("td").all_inner_texts()
    assert cells[1:4] == ["27.225 kişi", "%4,14", "9./30"]
    assert page.locator("text=147,5 MW").first.is_visible()
    home = page.locator("header.top a").get_attribute("href")
    assert home == "../index.html"


def test_comparison_lists_both_districts(site, visit) -> None:
    page = visit(site["compare"]).page
    header = page.locator("table thead th").all_inner_texts()
    assert header[1] == "Aliağa" and header[3] == "Çiğli"
    assert page.locator("svg.izmap path[stroke='#111111']").count() == 2  # both outlined


def _ranking(page) -> object:
    return page.locator("table.sortable").nth(1)


def _click_header(page, label: str) -> None:
    table = _ranking(page)
    headers = [" ".join(t.split()) for t in table.locator("thead th").all_text_contents()]
    table.locator("thead th").nth(headers.index(label)).click()


def _column(page, index: int) -> list[str]:
    cells = _ranking(page).locator(f"tbody tr td:nth-child({index + 1})").all_text_contents()
    return [c.removesuffix(" †") for c in cells]  # † marks the districts of the 2008 change


def test_clicking_a_header_sorts_the_ranking_table(site, visit, raw_data) -> None:
    employees = raw_data("table1_districts.csv").set_index("district")["employees"]
    descending = list(employees.sort_values(ascending=False).index)
    page = visit(site["stats"]).page
    before = _column(page, 0)
    assert len(before) == 30
    _click_header(page, EMPLOYEES)  # first click: ascending
    assert _column(page, 0) == descending[::-1]
    _click_header(page, EMPLOYEES)  # second click: descending
    names = _column(page, 0)
    assert names[0] == "Konak"
    assert names == descending
    shown = [int(v.replace(".", "")) for v in _column(page, 1)]
    assert shown == sorted(shown, reverse=True)


def test_sorting_keeps_missing_values_together(site, visit) -> None:
    page = visit(site["stats"]).page
    _click_header(page, WIND)
    _click_header(page, WIND)  # descending: the one known value first
    names = _column(page, 0)
    assert names[0] == "Aliağa"
    headers = [" ".join(t.split()) for t in _ranking(page).locator("thead th").all_text_contents()]
    values = _column(page, headers.index(WIND))
    assert values[0] == "147,5"
    assert set(values[1:]) == {"–"}


def test_sorting_by_district_name_uses_turkish_order(site, visit) -> None:
    page = visit(site["stats"]).page
    _click_header(page, "İlçe")
    names = _column(page, 0)
    assert names[0] == "Aliağa"
    # Ç between C and D, Ö between O and P (code-point order would put them after Urla)
    assert names.index("Buca") < names.index("Çeşme") < names.index("Dikili")
    assert names.index("Narlıdere") < names.index("Ödemiş") < names.index("Seferihisar")


def _header_button(page, label: str) -> object:
    return _ranking(page).get_by_role("button", name=label, exact=True)  # its accessible name


def _aria_sort(page) -> dict[str, str]:
    headers = _ranking(page).locator("thead th")
    labels = [" ".join(t.split()) for t in headers.all_text_contents()]
    return {label: headers.nth(i).get_attribute("aria-sort") for i, label in enumerate(labels)}


def test_headers_are_buttons_that_the_tab_key_reaches(site, visit) -> None:
    page = visit(site["stats"]).page
    for table in page.locator("table.sortable").all():
        headers = table.locator("thead th")
        assert headers.count() == table.locator("thead th > button[type=button]").count()
    assert set(_aria_sort(page).values()) == {"none"}  # nothing sorted yet
    reached = []
    for _ in range(12):  # the Moran table's seven headers, then the ranking's first ones
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.closest('th') !== null"))
    assert reached.count(True) >= 8
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # the focus ring shows


def test_enter_and_space_sort_and_aria_sort_follows(site, visit, raw_data) -> None:
    employees = raw_data("table1_districts.csv").set_index("district")["employees"]
    descending = list(employees.sort_values(ascending=False).index)
    page = visit(site["stats"]).page
    button = _header_button(page, EMPLOYEES)
    button.focus()
    page.keyboard.press("Enter")
    assert _column(page, 0) == descending[::-1]
    state = _aria_sort(page)
    assert state[EMPLOYEES] == "ascending"
    assert {v for k, v in state.items() if k != EMPLOYEES} == {"none"}
    page.keyboard.press("Space")
    assert _column(page, 0) == descending
    assert _aria_sort(page)[EMPLOYEES] == "descending"
    _header_button(page, "İlçe").focus()
    page.keyboard.press("Enter")  # another column: its header now carries the order
    state = _aria_sort(page)
    assert state["İlçe"] == "ascending" and state[EMPLOYEES] == "none"
    assert _column(page, 0)[:2] == ["Aliağa", "Balçova"]


def test_missing_values_stay_last_in_both_directions(site, visit) -> None:
    page = visit(site["stats"]).page
    headers = [" ".join(t.split()) for t in _ranking(page).locator("thead th").all_text_contents()]
    _click_header(page, WIND)  # ascending: the one known value, then the unknown
    values = _column(page, headers.index(WIND))
    assert values[0] == "147,5" and set(values[1:]) == {"–"}
