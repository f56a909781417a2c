"""The map page by keyboard, for screen readers and on a phone (issue 14).

Browser tests (headless Chromium, every request blocked, see tests/conftest.py) and
a few payload checks: the accessible names are composed in Python; where a name is
the district's name and its tooltip's values, the payload leaves it out and map.js
composes it alike (:func:`_name` below mirrors the script).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from playwright.sync_api import expect

from izmir_maps.interactive._payload import build_payload
from izmir_maps.interactive.render import AtlasLinks, write_html
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec, combined_spec, osb_spec, wind_spec

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
READY = "window.izmirMap !== undefined"
ALIAGA = "TUR035001"
ALIAGA_TR = "Aliağa: 27.225 kişi, %4,14, 9./30"
ALIAGA_EN = "Aliağa: 27,225 persons, 4.14%, 9/30"
FOCUSED = """() => {
    const e = document.activeElement;
    return e.getAttribute("aria-label") || e.id || e.className.baseVal || e.className || e.tagName;
}"""


@pytest.fixture(scope="module")
def specs() -> dict[str, MapSpec]:
    return {
        "employees": choropleth_spec("employees"),
        "employees_en": choropleth_spec("employees", lang="en"),
        "osb": osb_spec(),
        "wind": wind_spec(),
        "combined": combined_spec(),
    }


@pytest.fixture(scope="module")
def files(specs: dict[str, MapSpec], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("access")
    return {
        name: write_html(spec, folder / f"{name}.html", atlas=AtlasLinks())
        for name, spec in specs.items()
    }


# --- names, composed in Python ------------------------------------------------------------


def _name(d: dict) -> str:
    """A district's accessible name as map.js reads it: ``an``, or the name and tooltip values."""
    if "an" in d:
        return d["an"]
    return f"{d['n']}: {', '.join(v for _, v in d['t'])}" if d.get("t") else d["n"]


def test_a_composable_name_is_left_to_the_script(specs) -> None:
    rows = build_payload(specs["employees"]).data["d"]
    aliaga = next(d for d in rows if d["id"] == ALIAGA)
    assert "an" not in aliaga and _name(aliaga) == ALIAGA_TR


def test_district_names_read_as_the_tooltip(specs) -> None:
    tr = {d["id"]: _name(d) for d in build_payload(specs["employees"]).data["d"]}
    en = {d["id"]: _name(d) for d in build_payload(specs["employees_en"]).data["d"]}
    assert tr[ALIAGA] == ALIAGA_TR
    assert en[ALIAGA] == ALIAGA_EN
    rank = {d["id"]: _name(d) for d in build_payload(choropleth_spec("employees_rank")).data["d"]}
    assert rank[ALIAGA] == "Aliağa: 9./30, %4,14"


def test_a_district_without_a_value_says_so() -> None:
    spec = choropleth_spec("employees")
    spec.districts.loc[spec.districts["district"] == "Kiraz", "employees"] = math.nan
    names = {d["n"]: _name(d) for d in build_payload(spec).data["d"]}
    assert names["Kiraz"] == "Kiraz: veri yok"
    assert names["Kınık"].startswith("Kınık: ")


def test_marker_maps_name_districts_and_markers(specs) -> None:
    osb = build_payload(specs["osb"]).data
    assert next(_name(d) for d in osb["d"] if d["id"] == ALIAGA) == "Aliağa"
    assert (
        osb["osb"][0]["an"] == "Aliağa Kimya İhtisas ve Karma Organize Sanayi Bölgesi, OSB, Aliağa"
    )
    wind = build_payload(specs["wind"]).data
    aliaga = next(_name(d) for d in wind["d"] if d["id"] == ALIAGA)
    assert aliaga == "Aliağa: Rüzgâr yatırımı için önerilen ilçe"
    assert wind["wp"][0]["an"] == "Aliağa: 147,5 MW kurulu güç (2009)"


def test_keyboard_order_is_turkish_alphabetical(specs) -> None:
    data = build_payload(specs["employees"]).data
    names = [data["d"][i]["n"] for i in data["ko"]]
    assert names[:5] == ["Aliağa", "Balçova", "Bayındır", "Bayraklı", "Bergama"]
    assert names.index("Çeşme") == names.index("Buca") + 1
    assert names[-2:] == ["Torbalı", "Urla"]


# --- the keyboard -------------------------------------------------------------------------


def _tab_stops(page, n: int) -> list[str]:
    stops = []
    for _ in range(n):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    return stops


@pytest.mark.browser
def test_controls_come_before_the_districts(files, open_page) -> None:
    page = open_page(files["employees"].as_uri(), viewport=DESKTOP, ready=READY).page
    stops = _tab_stops(page, 30)
    first = stops.index(ALIAGA_TR)
    assert stops[first + 1].startswith("Balçova: ")  # Turkish alphabetical
    before = stops[:first]
    assert "izm-q" in before  # the search box
    assert "Tablo olarak göster" in " ".join(
        page.evaluate("[...document.querySelectorAll('.izm-tbl')].map(b => b.textContent)")
    )
    assert any("izm-tbl" in s for s in before)


@pytest.mark.browser
@pytest.mark.parametrize(("name", "label"), [("employees", ALIAGA_TR), ("employees_en", ALIAGA_EN)])
def test_enter_opens_the_popup_and_escape_gives_the_focus_back(name, label, files, open_page):
    page = open_page(files[name].as_uri(), viewport=DESKTOP, ready=READY).page
    aliaga = page.locator(f"path.izm-{ALIAGA}")
    assert aliaga.get_attribute("aria-label") == label
    assert aliaga.get_attribute("role") == "button"
    aliaga.focus()
    assert page.locator("path.izm-ring").count() == 2  # the focus ring, drawn above every district
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    assert popup.locator("h3").text_content() == "Aliağa"
    assert page.evaluate("document.activeElement.className") == "leaflet-popup-content"
    page.keyboard.press("Escape")
    expect(page.locator(".leaflet-popup")).to_have_count(0)  # it fades out
    assert page.evaluate(FOCUSED) == label


@pytest.mark.browser
def test_osb_markers_are_reachable_with_names(files, open_page) -> None:
    page = open_page(files["osb"].as_uri(), viewport=DESKTOP, ready=READY).page
    names = page.evaluate(
        "[...document.querySelectorAll('.izm-osb')].map(e => [e.tabIndex, e.getAttribute('aria-label')])"
    )
    assert len(names) == len(build_payload(osb_spec()).data["osb"])
    assert all(tab == 0 and label for tab, label in names)
    marker = page.locator(".izm-osb").first
    marker.focus()
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup-content h3").count() == 1
    page.keyboard.press("Escape")
    expect(page.locator(".leaflet-popup")).to_have_count(0)
    assert page.evaluate("document.activeElement.classList.contains('izm-osb')")


# --- the table ----------------------------------------------------------------------------


@pytest.mark.browser
def test_table_switch_shows_the_values_and_the_map_again(files, open_page) -> None:
    page = open_page(files["employees"].as_uri(), viewport=DESKTOP, ready=READY).page
    switch = page.locator("button.izm-tbl")
    assert switch.get_attribute("aria-expanded") == "false"
    assert switch.get_attribute("aria-controls") == "izm-table"
    switch.click()
    table = page.locator("#izm-table")
    assert table.is_visible()
    assert not page.locator("#izm-map").is_visible()
    assert table.locator("caption").text_content() == "Çalışan sayısı (SGK, 2008), kişi"
    heads = table.locator("thead th").all_text_contents()
    assert heads == ["İlçe", "Çalışan sayısı (SGK, 2008)", "İzmir içindeki payı", "Sıra"]
    rows = table.locator("tbody tr")
    assert rows.count() == 30
    first = rows.first
    assert first.locator("th").get_attribute("scope") == "row"
    assert first.locator("th, td").all_text_contents() == [
        "Aliağa",
        "27.225 kişi",
        "%4,14",
        "9./30",
    ]
    back = page.locator(".izm-table-back")
    assert page.evaluate("document.activeElement.className") == "izm-table-back"
    assert back.text_content() == "Haritayı göster"
    back.click()
    assert not table.is_visible()
    assert page.locator("#izm-map").is_visible()
    assert page.locator("path.izm-district").first.is_visible()


# --- a phone ------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("name", ["employees", "osb", "wind", "combined"])
def test_phone_shows_the_legend_and_fills_the_map_with_izmir(name, files, open_page) -> None:
    page = open_page(files[name].as_uri(), viewport=PHONE, ready=READY).page
    legend = page.locator("#izm-legend")
    box = legend.bounding_box()
    assert legend.is_visible() and box["y"] + box["height"] <= PHONE["height"]
    assert box["height"] < 0.35 * PHONE["height"]  # compact: it leaves the map to İzmir
    # İzmir's districts span most of the map's width, below the search box, above the legend
    span = page.evaluate(
        """() => {
            const r = [...document.querySelectorAll("path.izm-district")].map(p => p.getBoundingClientRect());
            return [Math.min(...r.map(b => b.left)), Math.max(...r.map(b => b.right)),
                    Math.min(...r.map(b => b.top)), Math.max(...r.map(b => b.bottom))];
        }"""
    )
    nav = page.locator(".izm-nav").bounding_box()
    assert (span[1] - span[0]) / PHONE["width"] >= 0.85
    assert span[2] >= nav["y"] + nav["height"] - 1
    below = page.locator(".leaflet-bottom.leaflet-left").bounding_box()  # legend, notes, scale
    assert span[3] <= below["y"] + 1
    more = page.locator("button.izm-more")
    assert more.get_attribute("aria-expanded") == "false"
    assert not legend.locator(".izm-foot").is_visible()
    more.focus()
    page.keyboard.press("Enter")
    assert more.get_attribute("aria-expanded") == "true"
    assert legend.locator(".izm-foot").is_visible()
    page.keyboard.press("Enter")
    assert more.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.browser
def test_phone_table_scrolls_in_its_own_box(files, open_page) -> None:
    page = open_page(files["osb"].as_uri(), viewport=PHONE, ready=READY).page
    page.locator("button.izm-tbl").click()
    assert page.locator("#izm-table tbody tr").count() == len(build_payload(osb_spec()).data["osb"])
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    inner = page.evaluate(
        "(() => { const b = document.querySelector('.izm-table-box'); return [b.scrollWidth, b.clientWidth]; })()"
    )
    assert inner[0] > inner[1]  # the wide table scrolls inside its box


@pytest.mark.browser
def test_wind_points_are_reachable_with_names(files, open_page) -> None:
    page = open_page(files["wind"].as_uri(), viewport=DESKTOP, ready=READY).page
    circle = page.locator("path.izm-wind").first
    assert circle.get_attribute("tabindex") == "0"
    assert circle.get_attribute("aria-label") == "Aliağa: 147,5 MW kurulu güç (2009)"
    circle.focus()
    assert page.locator(".izm-tip").first.text_content().startswith("Aliağa")
