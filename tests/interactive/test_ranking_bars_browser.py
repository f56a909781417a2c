"""The ranking bars beside a choropleth, linked to the map, in a real browser.

Headless Chromium with every request blocked (``open_page`` in ``tests/conftest.py``).
"Sıralama" opens a panel of bars beside the map (below it on a phone); pointing at or
focusing a bar outlines its district on the map, pointing at a district marks its bar,
a click or Enter on a bar opens the district's popup, Escape clears, then closes.
Screenshots go to ``/tmp/izmir_shots/`` (or ``$IZMIR_SHOTS``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect

from izmir_maps.data.join import district_table
from izmir_maps.data.registry import indicator
from izmir_maps.interactive.render import AtlasLinks, write_html
from izmir_maps.interactive.sync import write_sync_html
from izmir_maps.spec.map_spec import choropleth_spec
from izmir_maps.spec.style import DISTRICT_LINE, HIGHLIGHT_LINE
from izmir_maps.spec.years import years_spec

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
READY = "window.izmirMap !== undefined"
SHOTS = Path(os.environ.get("IZMIR_SHOTS", "/tmp/izmir_shots"))
PCODES = {"Aliağa": "TUR035001", "Bornova": "TUR035007", "Çiğli": "TUR035010", "Kiraz": "TUR035020"}
#: Each bar as the reader sees it: rank, name and value.
BARS = """() => [...document.querySelectorAll(".izm-rb-bar")].map((b) =>
    [...b.querySelectorAll(".izm-rb-k, .izm-rb-n, .izm-rb-v")].map((e) => e.textContent))"""
#: Screen position of a district's label point (inside the district).
POINT = """(pcode) => {
    const data = JSON.parse(document.getElementById("izm-data").textContent);
    const d = data.d.find((x) => x.id === pcode);
    const p = window.izmirMap.map.latLngToContainerPoint(d.l);
    const box = document.getElementById("izm-map").getBoundingClientRect();
    return [p.x + box.left, p.y + box.top];
}"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ranking")
    table = district_table()
    # two years of made-up values: the second reverses the order of the first
    values = pd.DataFrame(
        [
            {"pcode": p, "year": year, "value": v if year == 2008 else 1e8 / v}
            for p, v in zip(table["pcode"], table["employees"].astype(float), strict=True)
            for year in (2008, 2009)
        ]
    )
    specs = {
        "employees": choropleth_spec("employees"),
        "years": years_spec(table, values, indicator("employees"), year=2008),
    }
    return {
        name: write_html(spec, folder / f"{name}.html", atlas=AtlasLinks())
        for name, spec in specs.items()
    }


def _open(open_page, path: Path, viewport: dict = DESKTOP):
    """The page with the ranking panel opened by its button."""
    page = open_page(path.as_uri(), viewport=viewport, ready=READY).page
    button = page.locator("button.izm-rbtn")
    assert button.text_content() == "Sıralama"
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.locator("#izm-rb").is_visible()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator("#izm-rb").is_visible()
    return page


def _bar(page, name: str):
    return page.locator(".izm-rb-bar").filter(has=page.locator(".izm-rb-n", has_text=name))


def _stroke(page, name: str, line: dict) -> None:
    """Wait until the district's outline is ``line`` (its colour and width)."""
    path = page.locator(f"path.izm-{PCODES[name]}")
    expect(path).to_have_attribute("stroke", line["color"])
    expect(path).to_have_attribute("stroke-width", f"{line['weight']:g}")


def test_bars_rank_the_districts_as_table_1(
    files, open_page, raw_data: Callable[[str], pd.DataFrame]
) -> None:
    page = _open(open_page, files["employees"])
    table = raw_data("table1_districts.csv").sort_values("employees", ascending=False)
    bars = page.evaluate(BARS)
    assert [name for _, name, _ in bars] == table["district"].tolist()
    assert [rank for rank, _, _ in bars] == [f"{i}." for i in range(1, 31)]
    assert bars[0] == ["1.", "Konak", "199.310 kişi"]
    assert bars[8] == ["9.", "Aliağa", "27.225 kişi"]
    # bar length ∝ value, in the colour of the district's class
    widths = page.evaluate(
        "[...document.querySelectorAll('.izm-rb-fill')].map((f) => f.style.width)"
    )
    assert widths[0] == "100%"
    assert float(widths[1].rstrip("%")) == pytest.approx(100 * 117713 / 199310, abs=1e-3)
    fills = page.evaluate(
        """() => [...document.querySelectorAll('.izm-rb-fill')].slice(0, 2).map((f) =>
            getComputedStyle(f).backgroundColor)"""
    )
    konak = page.locator("path.izm-TUR035021").get_attribute("fill")
    assert fills[0] == _rgb(konak)
    assert page.locator("#izm-rb h2").text_content() == "Sıralama"
    assert page.locator(".izm-rb-what").text_content() == "Çalışan sayısı (SGK, 2008)"


def test_the_districts_the_2008_data_hardly_count_say_so_on_their_bars(files, open_page) -> None:
    page = _open(open_page, files["employees"])
    bars = page.locator(".izm-rb-bar")
    last = bars.nth(29)
    assert last.locator(".izm-rb-n").text_content() == "Bayraklı"
    # the reason the map hatches it, under its bar, and the bar hatched as well
    note = last.locator(".izm-rb-cv").text_content()
    assert note.startswith("2008'de kuruldu") and "tahmin" in note
    assert "repeating-linear-gradient" in last.locator(".izm-rb-fill").evaluate(
        "(f) => getComputedStyle(f).backgroundImage"
    )
    hatched = page.evaluate(
        """() => [...document.querySelectorAll('.izm-rb-bar')]
            .filter((b) => b.querySelector('.izm-rb-cv'))
            .map((b) => b.querySelector('.izm-rb-n').textContent)"""
    )
    assert sorted(hatched) == ["Bayraklı", "Karabağlar"]
    assert page.locator(".izm-rb-bar .izm-rb-cv").count() == 2


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_the_panel_sits_beside_the_map_and_izmir_stays_whole(files, open_page) -> None:
    for viewport, name in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page = _open(open_page, files["employees"], viewport)
        _bar(page, "Çiğli").hover()
        panel = page.locator("#izm-rb").bounding_box()
        box = page.locator("#izm-map").bounding_box()
        if viewport is DESKTOP:
            assert (panel["x"], panel["width"], box["x"] + box["width"]) == (980, 300, 980)
        else:  # a phone: below the map, across the width
            assert box["y"] + box["height"] == pytest.approx(panel["y"], abs=1)
            assert panel["width"] == 390 and 300 < panel["y"] < 520
        inside = page.evaluate(
            """() => {
                const m = window.izmirMap.map, view = m.getBounds();
                return Object.values(window.izmirMap.districts)
                    .every((p) => view.contains(p.getBounds()));
            }"""
        )
        assert inside, f"İzmir is cut off on the {name} screen"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"ranking-bars-{name}.png"))


def test_hovering_a_bar_outlines_its_district(files, open_page) -> None:
    page = _open(open_page, files["employees"])
    _stroke(page, "Çiğli", DISTRICT_LINE)
    _bar(page, "Çiğli").hover()
    _stroke(page, "Çiğli", HIGHLIGHT_LINE)
    expect(_bar(page, "Çiğli")).to_have_class("izm-rb-bar izm-rb-on")
    _bar(page, "Bornova").hover()
    _stroke(page, "Çiğli", DISTRICT_LINE)
    _stroke(page, "Bornova", HIGHLIGHT_LINE)


def test_hovering_a_district_marks_its_bar_and_shows_it(files, open_page) -> None:
    page = _open(open_page, files["employees"])
    kiraz = _bar(page, "Kiraz")
    assert "izm-rb-on" not in kiraz.get_attribute("class")
    x, y = page.evaluate(POINT, PCODES["Kiraz"])
    page.mouse.move(x, y)
    expect(kiraz).to_have_class("izm-rb-bar izm-rb-on")
    # 25th of 30: the list scrolled to it
    bar, visible = kiraz.bounding_box(), page.locator("#izm-rb ol").bounding_box()
    assert visible["y"] <= bar["y"] and bar["y"] + bar["height"] <= visible["y"] + visible["height"]
    page.mouse.move(1100, 20)  # the panel's heading
    expect(kiraz).to_have_class("izm-rb-bar")


def test_enter_on_a_bar_opens_the_popup_and_escape_clears(files, open_page) -> None:
    page = _open(open_page, files["employees"])
    live = page.locator(".izm-rb-live")
    assert live.get_attribute("role") == "status"
    aliaga = _bar(page, "Aliağa")
    expect(aliaga).to_have_accessible_name("9. Aliağa 27.225 kişi")
    aliaga.focus()
    _stroke(page, "Aliağa", HIGHLIGHT_LINE)  # focus outlines as hovering does
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup-content h3").text_content() == "Aliağa"
    assert page.evaluate("document.activeElement.className") == "leaflet-popup-content"
    assert live.text_content() == "Seçili: Aliağa, 27.225 kişi, 9./30"
    assert "izm-rb-sel" in aliaga.get_attribute("class")
    page.keyboard.press("Escape")  # in the popup: closes it, the focus back on the bar
    expect(page.locator(".leaflet-popup")).to_have_count(0)
    assert page.evaluate("document.activeElement.querySelector('.izm-rb-n').textContent") == (
        "Aliağa"
    )
    assert "izm-rb-sel" not in aliaga.get_attribute("class")
    aliaga.click()  # by mouse the popup opens and the focus stays on the bar
    assert page.locator(".leaflet-popup-content h3").text_content() == "Aliağa"
    page.keyboard.press("Escape")  # on the bar: clears the choice
    expect(page.locator(".leaflet-popup")).to_have_count(0)
    assert live.text_content() == "Seçim kaldırıldı."
    page.keyboard.press("Escape")  # nothing chosen: closes the panel
    assert not page.locator("#izm-rb").is_visible()
    assert page.locator("button.izm-rbtn").get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.className") == "izm-rbtn"


def test_clicking_a_district_on_the_map_chooses_its_bar(files, open_page) -> None:
    page = _open(open_page, files["employees"])
    x, y = page.evaluate(POINT, PCODES["Bornova"])
    page.mouse.click(x, y)
    assert page.locator(".leaflet-popup-content h3").text_content() == "Bornova"
    assert "izm-rb-sel" in _bar(page, "Bornova").get_attribute("class")
    assert page.locator(".izm-rb-live").text_content() == "Seçili: Bornova, 117.713 kişi, 2./30"


def test_the_bars_follow_the_year_slider(files, open_page) -> None:
    page = _open(open_page, files["years"])
    first = page.evaluate(BARS)
    assert first[0][1:] == ["Konak", "199.310 kişi"]
    page.locator(".izm-years input[type=range]").fill("1")  # 2009: the order reversed
    then = page.evaluate(BARS)
    assert [name for _, name, _ in then] == [name for _, name, _ in reversed(first)]
    assert then[0] == ["1.", "Bayraklı", "210.970 kişi"]  # 1e8 / 474
    fills = page.evaluate(
        "[...document.querySelectorAll('.izm-rb-fill')].map((f) => f.style.backgroundColor)"
    )
    bayrakli = page.locator("path.izm-TUR035004").get_attribute("fill")
    assert fills[0] == _rgb(bayrakli)
    # the heading names the year shown; a chosen district is read out with that year's figures
    assert page.locator(".izm-rb-what").text_content().endswith(", 2009")
    page.locator(".izm-rb-bar").first.click()
    page.keyboard.press("Escape")
    page.locator(".izm-years input[type=range]").fill("0")
    assert page.locator(".izm-rb-what").text_content().endswith(", 2008")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_nothing_serious_with_the_panel_open(files, open_page, viewport) -> None:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    page = _open(open_page, files["employees"], viewport)
    _bar(page, "Aliağa").click()  # a popup and a chosen bar too
    # Leaflet fades the popup in (0.2 s) and pans to it: axe measures the contrast of what is
    # drawn, so it waits until the popup is opaque and the map has come to rest
    page.wait_for_function(
        """() => { const p = document.querySelector(".leaflet-popup");
            return p !== null && getComputedStyle(p).opacity === "1"; }"""
    )
    page.wait_for_timeout(400)
    # preload off: axe would fetch the stylesheets again, which the map's CSP refuses
    options = {"resultTypes": ["violations"], "preload": False}
    violations = axe.Axe().run(page, options=options).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []


def test_the_two_map_page_has_no_panel(tmp_path: Path, open_page) -> None:
    """Side by side (sync.js) each half is a map of its own: no ranking beside either."""
    path = write_sync_html(
        choropleth_spec("employees"), choropleth_spec("exports_usd"), tmp_path / "sync.html"
    )
    page = open_page(path.as_uri(), viewport=DESKTOP, ready="window.izmirSync !== undefined").page
    assert page.locator("path.izm-district").count() == 60
    assert page.locator(".izm-rbtn, .izm-rb").count() == 0


def test_opening_keeps_a_zoomed_view_centred(files, open_page) -> None:
    page = open_page(files["employees"].as_uri(), viewport=DESKTOP, ready=READY).page
    page.evaluate("window.izmirMap.map.setView([38.46, 27.22], 11, {animate: false})")
    page.locator("button.izm-rbtn").click()
    centre = page.evaluate(
        "(() => { const c = window.izmirMap.map.getCenter(); return [c.lat, c.lng]; })()"
    )
    assert centre == pytest.approx([38.46, 27.22], abs=1e-3)
    assert page.evaluate("window.izmirMap.map.getZoom()") == 11


def test_a_phone_folds_the_legend_while_the_panel_is_open(files, open_page) -> None:
    page = open_page(files["employees"].as_uri(), viewport=PHONE, ready=READY).page
    legend = page.locator("#izm-legend")
    assert legend.get_attribute("open") is not None
    page.locator("button.izm-rbtn").click()
    assert legend.get_attribute("open") is None  # its title only: İzmir keeps room
    page.locator(".izm-rb-x").click()
    assert legend.get_attribute("open") is not None
    assert page.evaluate("document.activeElement.className") == "izm-rbtn"
