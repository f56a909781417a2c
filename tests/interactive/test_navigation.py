"""Finding, sharing and printing a district on an interactive map.

The search box, the "İzmir merkez" button, the address (``#bornova/10.5/38.42/27.14``),
the full-screen button, the print stylesheet, the links back into the atlas and the
message of a page copied without the atlas's ``assets/``. The browser tests need Debian's
``chromium`` and Playwright for Python; without them they skip, except under CI
(``CI=true``), where a missing browser fails the run (as in ``test_browser.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from izmir_maps.errors import OptionError
from izmir_maps.interactive._payload import CENTRE_PCODES, navigation
from izmir_maps.interactive.render import AtlasLinks, render_html, write_html, write_shared_assets
from izmir_maps.interactive.sync import render_sync_html
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec, osb_spec
from izmir_maps.text.names import ascii_fold, turkish_lower, turkish_upper

VIEWPORT = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
ATLAS = AtlasLinks(home="../index.html", profiles="../districts/")
CENTRE = (
    "Konak",
    "Karşıyaka",
    "Bayraklı",
    "Karabağlar",
    "Gaziemir",
    "Balçova",
    "Narlıdere",
    "Güzelbahçe",
)
BORNOVA = "TUR035007"
MISSING_TR = (
    "Harita yüklenemedi: Leaflet dosyaları (assets/leaflet.js, assets/leaflet.css) bulunamadı."
)
MISSING_EN = "The map could not load: the Leaflet files (assets/leaflet.js, assets/leaflet.css)"


@pytest.fixture(scope="module")
def specs() -> dict[str, MapSpec]:
    return {
        "employees": choropleth_spec("employees"),
        "employees_en": choropleth_spec("employees", lang="en"),
        "osb": osb_spec(),
    }


def data_of(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="izm-data">(.*?)</script>', page, re.S)
    assert match is not None
    return json.loads(match.group(1))


# --- the page, without a browser --------------------------------------------------------------


def test_every_district_has_its_slug_and_folded_search_key(specs) -> None:
    data = data_of(render_html(specs["employees"]).html)
    nav = {d["n"]: n for d, n in zip(data["d"], data["nav"]["d"], strict=True)}
    # the search key is left out where it is the slug: the script then searches the slug
    assert nav["Çiğli"] == {"s": "cigli"}
    assert nav["Karşıyaka"] == {"s": "karsiyaka"}
    assert nav["Ödemiş"] == {"s": "odemis"}
    assert len({n["s"] for n in nav.values()}) == 30


def test_a_search_key_unlike_the_slug_is_kept() -> None:
    spec = choropleth_spec("employees")
    spec.districts.loc[spec.districts["district"] == "Çiğli", "district"] = "Yeni Çiğli"
    nav = navigation(spec)
    assert {"s": "yeni-cigli", "k": "yeni cigli"} in nav["d"]


def test_the_fold_table_is_the_one_of_text_names(specs) -> None:
    fold = navigation(specs["employees"])["fold"]
    assert fold["İ"] == fold["I"] == fold["ı"] == "i"
    assert fold["Ç"] == fold["ç"] == "c" and fold["Ğ"] == "g" and fold["Ş"] == "s"
    # what the script does: the table, else lower case (accents are then dropped)
    for name in navigation(specs["employees"])["d"]:
        key = name.get("k", name["s"])
        for typed in (turkish_upper(key), turkish_upper(name["s"])):
            assert "".join(fold.get(c, c.lower()) for c in typed) == key
    for letter, folded in fold.items():
        assert ascii_fold(letter) == folded == ascii_fold(turkish_lower(letter))


def test_the_centre_button_zooms_to_the_eight_central_districts(specs) -> None:
    nav = navigation(specs["employees"])
    frame = specs["employees"].districts
    central = frame[frame["pcode"].isin(CENTRE_PCODES)]
    assert sorted(central["district"]) == sorted(CENTRE)
    w, s, e, n = central.to_crs(4326).total_bounds
    assert nav["centre"] == [[round(s, 4), round(w, 4)], [round(n, 4), round(e, 4)]]
    assert nav["w"]["centre"] == "İzmir merkez"
    assert navigation(choropleth_spec("employees", lang="en"))["w"]["centre"] == "Central İzmir"


def test_links_into_the_atlas_only_when_asked(specs) -> None:
    alone = data_of(render_html(specs["employees"]).html)["nav"]
    assert "home" not in alone and "pp" not in alone and "profile" not in alone["w"]
    atlas = data_of(render_html(specs["employees"], atlas=ATLAS).html)["nav"]
    assert atlas["home"] == "../index.html"
    assert atlas["pp"] == "../districts/"  # the script links pp + "bornova" + ".html"
    assert atlas["w"]["profile"] == "{name} ilçe profili"
    assert [sorted(d) for d in atlas["d"] if d["s"] == "bornova"] == [["s"]]


@pytest.mark.parametrize(
    "links",
    [
        {"home": "javascript:alert(1)"},
        {"home": "/index.html"},
        {"profiles": "https://example.org/"},
        {"profiles": ""},
    ],
)
def test_links_that_are_not_relative_are_refused(links: dict) -> None:
    with pytest.raises(OptionError, match="relative link"):
        AtlasLinks(**links)


def test_atlas_must_be_atlas_links(specs) -> None:
    with pytest.raises(OptionError, match="atlas"):
        render_html(specs["employees"], atlas="../index.html")  # type: ignore[arg-type]


def test_the_message_for_missing_assets_is_only_in_shared_pages(specs) -> None:
    shared = render_html(specs["employees"], assets="shared").html
    assert f'<p class="izm-missing">{MISSING_TR}' in shared
    english = render_html(specs["employees_en"], assets="shared").html
    assert f'<p class="izm-missing">{MISSING_EN}' in english
    assert "izm-missing" not in render_html(specs["employees"]).html.split("<style>")[0]
    assert '<p class="izm-missing">' not in render_html(specs["employees"]).html


def test_the_two_map_page_draws_one_set_of_tools_on_its_left_map(specs) -> None:
    page = render_sync_html(specs["employees"], choropleth_spec("exports_usd")).html
    halves = {side: re.search(rf'id="izm-data-{side}">(.*?)</script>', page, re.S) for side in "lr"}
    assert halves["l"] is not None and '"nav"' in halves["l"].group(1)
    assert halves["r"] is not None and '"nav"' not in halves["r"].group(1)  # one search box
    shared = re.search(r'id="izm-data-shared">(.*?)</script>', page, re.S)
    assert shared is not None and '"nav"' not in shared.group(1)


def test_two_renders_with_atlas_links_are_byte_identical(specs) -> None:
    first = render_html(specs["employees"], atlas=ATLAS, assets="shared").html
    assert render_html(specs["employees"], atlas=ATLAS, assets="shared").html == first


# --- in Chromium ------------------------------------------------------------------------------


class NavVisit:
    """Helpers mixed into the shared ``Visit`` record (see ``tests/conftest.py``)."""

    def chosen(self) -> str | None:
        """Name of the district whose popup is open, or ``None``."""
        popup = self.page.locator(".leaflet-popup-content h3")
        return popup.inner_text() if popup.count() else None

    def view(self) -> dict:
        return self.page.evaluate(
            """() => {
                const m = window.izmirMap.map, c = m.getCenter();
                return {zoom: m.getZoom(), lat: c.lat, lng: c.lng};
            }"""
        )

    def label_visible(self, name: str) -> bool:
        """Whether the district label ``name`` is shown and inside the map."""
        return self.page.evaluate(
            """(name) => {
                const spans = [...document.querySelectorAll(".izm-label span")];
                const s = spans.find((e) => e.textContent === name);
                if (!s || s.offsetParent === null) return false;
                const r = s.getBoundingClientRect();
                return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
            }""",
            name,
        )


@pytest.fixture(scope="module")
def atlas_dir(specs, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small atlas: shared assets, two maps with links home and to the profiles."""
    root = tmp_path_factory.mktemp("atlas")
    write_shared_assets(root / "assets")
    for name in ("employees", "employees_en", "osb"):
        write_html(specs[name], root / "maps" / f"{name}.html", assets="shared", atlas=ATLAS)
    return root


@pytest.fixture
def visit(open_page):
    def open_map(path: Path, hash_: str = "", viewport: dict | None = None) -> NavVisit:
        return open_page(
            path.as_uri() + hash_,
            viewport=viewport or VIEWPORT,
            ready="window.izmirMap !== undefined",
            helpers=NavVisit,
            own_context=True,
        )

    return open_map


def options(seen: NavVisit) -> list[str]:
    return seen.page.locator(".izm-list li").all_inner_texts()


@pytest.mark.browser
@pytest.mark.parametrize("typed", ["cigli", "ÇİĞLİ", "Cigli", "CIGLI", "çiğ", "ciğli"])
def test_search_finds_cigli_however_it_is_typed(atlas_dir: Path, visit, typed: str) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html")
    box = seen.page.get_by_role("combobox", name="İlçe ara")  # labelled for screen readers
    box.fill(typed)
    assert options(seen) == ["Çiğli"]
    assert box.get_attribute("aria-expanded") == "true"
    box.press("Enter")
    seen.page.locator(".leaflet-popup-content h3").wait_for()
    assert seen.chosen() == "Çiğli"
    assert box.input_value() == "Çiğli"
    assert box.get_attribute("aria-expanded") == "false"
    assert seen.page.evaluate("location.hash").startswith("#cigli/")


@pytest.mark.browser
def test_search_lists_prefix_matches_first_and_says_when_none(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html")
    box = seen.page.get_by_role("combobox", name="İlçe ara")
    box.fill("ka")
    assert options(seen) == ["Karabağlar", "Karaburun", "Karşıyaka"]
    box.fill("aka")  # inside a name: after the names that start so, none here
    assert options(seen) == ["Karşıyaka"]
    box.fill("xyz")
    assert options(seen) == ["Bu adla ilçe yok"]
    box.press("Enter")
    assert seen.chosen() is None


@pytest.mark.browser
def test_arrow_keys_and_enter_choose_from_the_list(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html")
    box = seen.page.get_by_role("combobox", name="İlçe ara")
    box.fill("bu")
    assert options(seen) == ["Buca", "Karaburun"]  # names that start so come first
    box.fill("b")
    assert options(seen)[:4] == ["Balçova", "Bayındır", "Bayraklı", "Bergama"]
    box.press("ArrowDown")
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "izm-o-1"
    assert seen.page.locator("#izm-o-1").get_attribute("aria-selected") == "true"
    box.press("Enter")
    seen.page.locator(".leaflet-popup-content h3").wait_for()
    assert seen.chosen() == "Bayındır"
    box.fill("ko")
    box.press("Escape")
    assert seen.page.locator(".izm-list").is_hidden()


@pytest.mark.browser
def test_search_highlights_the_district_and_links_its_profile(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html")
    before = seen.view()["zoom"]
    seen.page.get_by_role("combobox", name="İlçe ara").fill("bornova")
    seen.page.get_by_role("option", name="Bornova").click()
    seen.page.locator(".leaflet-popup-content h3").wait_for()
    assert seen.chosen() == "Bornova"
    assert seen.view()["zoom"] > before  # zoomed in to it
    path = seen.page.locator(f"path.izm-{BORNOVA}")
    assert (path.get_attribute("stroke"), path.get_attribute("stroke-width")) == ("#222222", "2.5")
    link = seen.page.locator(".leaflet-popup-content a.izm-profile")
    assert link.inner_text() == "Bornova ilçe profili →"
    assert link.get_attribute("href") == "../districts/bornova.html"
    # the hover style goes, the highlight of the chosen district stays
    seen.page.mouse.move(5, 790)
    assert path.get_attribute("stroke") == "#222222"


@pytest.mark.browser
def test_opening_a_link_with_a_district_selects_it(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html", "#bornova")
    seen.page.locator(".leaflet-popup-content h3").wait_for()
    assert seen.chosen() == "Bornova"
    assert seen.page.locator(f"path.izm-{BORNOVA}").get_attribute("stroke") == "#222222"
    inside = seen.page.evaluate(
        """() => window.izmirMap.map.getBounds().contains(
            window.izmirMap.districts["TUR035007"].getBounds())"""
    )
    assert inside and seen.view()["zoom"] >= 9.5


@pytest.mark.browser
def test_opening_a_link_with_a_view_restores_it(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html", "#bornova/10.5/38.42/27.14")
    seen.page.locator(".leaflet-popup-content h3").wait_for()
    assert seen.chosen() == "Bornova"
    view = seen.view()
    assert view["zoom"] == 10.5
    assert abs(view["lat"] - 38.42) < 1e-3 and abs(view["lng"] - 27.14) < 1e-3
    only_view = visit(atlas_dir / "maps" / "employees.html", "#/11/38.45/27.2")
    assert only_view.chosen() is None
    assert only_view.view()["zoom"] == 11


@pytest.mark.browser
def test_an_unknown_district_in_the_link_opens_the_whole_map(atlas_dir: Path, visit) -> None:
    plain = visit(atlas_dir / "maps" / "employees.html").view()
    seen = visit(atlas_dir / "maps" / "employees.html", "#nowhere")
    assert seen.chosen() is None
    assert seen.view() == plain


@pytest.mark.browser
def test_a_turkish_spelling_in_the_link_is_understood(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html", "#%C3%87i%C4%9Fli")  # #Çiğli
    seen.page.locator(".leaflet-popup-content h3").wait_for()
    assert seen.chosen() == "Çiğli"


@pytest.mark.browser
def test_the_address_follows_clicks_and_moves(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html")
    assert seen.page.evaluate("location.hash") == ""  # opening the page writes nothing
    seen.page.evaluate("window.izmirMap.map.setView([38.5, 27.1], 10, {animate: false})")
    assert seen.page.evaluate("location.hash") == "#/10/38.5000/27.1000"
    seen.page.evaluate("window.izmirMap.show(6, false)")  # Bornova, as a click opens it
    assert seen.page.evaluate("location.hash").startswith("#bornova/")
    seen.page.evaluate("window.izmirMap.map.closePopup()")
    assert seen.page.evaluate("location.hash").startswith("#/")
    # editing the address moves the map
    seen.page.evaluate("location.hash = '#konak'")
    seen.page.wait_for_function("document.querySelector('.leaflet-popup-content h3') !== null")
    assert seen.chosen() == "Konak"


@pytest.mark.browser
def test_clicking_a_district_keeps_it_in_the_address(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html")
    point = seen.page.evaluate(
        """() => {
            const m = window.izmirMap.map, b = document.getElementById("izm-map").getBoundingClientRect();
            const p = m.latLngToContainerPoint([39.12, 27.18]);  // inside Bergama
            return [p.x + b.left, p.y + b.top];
        }"""
    )
    seen.page.mouse.click(*point)
    seen.page.locator(".leaflet-popup-content h3").wait_for()
    assert seen.chosen() == "Bergama"
    assert seen.page.evaluate("location.hash").startswith("#bergama/")


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [VIEWPORT, PHONE], ids=["desktop", "phone"])
def test_the_centre_button_shows_the_central_names(atlas_dir: Path, visit, viewport) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html", viewport=viewport)
    assert not seen.label_visible("Konak")  # too small at the start
    seen.page.get_by_role("button", name="İzmir merkez").click()
    for name in CENTRE:
        assert seen.label_visible(name), name
    inside = seen.page.evaluate(
        """(pcodes) => pcodes.every((p) => window.izmirMap.map.getBounds().contains(
            window.izmirMap.districts[p].getBounds().getCenter()))""",
        list(CENTRE_PCODES),
    )
    assert inside
    assert seen.page.evaluate("location.hash").startswith("#/")


@pytest.mark.browser
def test_the_home_link_leads_to_the_atlas_home(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html")
    home = seen.page.get_by_role("link", name="Atlas ana sayfası")
    assert home.get_attribute("href") == "../index.html"
    assert home.inner_text() == "← Atlas"
    english = visit(atlas_dir / "maps" / "employees_en.html")
    assert english.page.get_by_role("link", name="Atlas home page").is_visible()
    assert english.page.get_by_role("combobox", name="Find a district").is_visible()


@pytest.mark.browser
def test_a_map_on_its_own_has_search_but_no_atlas_links(specs, tmp_path: Path, visit) -> None:
    path = write_html(specs["employees"], tmp_path / "alone.html")
    seen = visit(path, "#bornova")
    seen.page.locator(".leaflet-popup-content h3").wait_for()
    assert seen.page.locator(".izm-home").count() == 0
    assert seen.page.locator(".izm-profile").count() == 0
    assert seen.page.locator(".izm-missing").count() == 0


@pytest.mark.browser
def test_the_fullscreen_button_fills_the_screen_with_the_map(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html")
    button = seen.page.get_by_role("button", name="Tam ekran")
    assert button.is_visible()
    button.click()
    seen.page.wait_for_function("document.fullscreenElement !== null")
    assert seen.page.evaluate("document.fullscreenElement.id") == "izm-map"
    exit_button = seen.page.get_by_role("button", name="Tam ekrandan çık")
    assert exit_button.is_visible()
    exit_button.click()
    seen.page.wait_for_function("document.fullscreenElement === null")
    assert seen.page.get_by_role("button", name="Tam ekran").is_visible()


@pytest.mark.browser
def test_no_fullscreen_button_where_the_browser_has_none(atlas_dir: Path, browser, watch) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        seen = watch(page)
        page.add_init_script(
            "Object.defineProperty(Document.prototype, 'fullscreenEnabled', {get: () => false})"
        )
        page.goto((atlas_dir / "maps" / "employees.html").as_uri())
        page.wait_for_function("window.izmirMap !== undefined")
        assert page.locator(".izm-fs").count() == 1
        assert page.locator(".izm-fs").is_hidden()
        assert seen.errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_print_keeps_legend_title_and_source_and_hides_the_controls(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html")
    page = seen.page
    page.emulate_media(media="print")
    for control in (".izm-nav", ".leaflet-control-zoom", ".leaflet-control-layers", ".izm-fs"):
        assert page.locator(control).is_hidden(), control
    assert page.locator("#izm-legend h1").is_visible()
    assert page.locator("#izm-legend h1").inner_text().startswith("Çalışan sayısı")
    assert page.locator("#izm-legend", has_text="Kaynak: İZKA, SGK 2008").is_visible()
    assert page.locator(".leaflet-control-attribution").is_visible()
    pdf = page.pdf(prefer_css_page_size=True)  # @page: A4 landscape, 842 × 595 pt
    assert re.search(rb"/MediaBox \[0 0 841\.\d+ 59[45]\.\d+\]", pdf)
    page.emulate_media(media="screen")
    assert page.locator(".izm-nav").is_visible()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("name", "message"), [("employees", MISSING_TR), ("employees_en", MISSING_EN)]
)
def test_a_page_copied_without_assets_says_so(
    specs, tmp_path: Path, browser, watch, name: str, message: str
) -> None:
    path = write_html(specs[name], tmp_path / "copied.html", assets="shared", atlas=ATLAS)
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        seen = watch(page)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        note = page.locator(".izm-missing")
        assert note.is_visible()
        assert note.inner_text().startswith(message)
        assert all("ERR_FILE_NOT_FOUND" in e for e in seen.errors)  # only the missing files
        assert seen.dialogs == []
    finally:
        context.close()


@pytest.mark.browser
def test_with_its_assets_the_page_shows_no_such_message(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "employees.html")
    assert seen.page.locator(".izm-missing").count() == 0
    assert seen.page.locator("path.izm-district").count() == 30


@pytest.mark.browser
def test_the_marker_map_has_the_search_too(atlas_dir: Path, visit) -> None:
    seen = visit(atlas_dir / "maps" / "osb.html", "#aliaga")
    seen.page.locator(".leaflet-popup-content h3").wait_for()
    assert seen.chosen() == "Aliağa"
    assert seen.page.locator(".izm-profile").get_attribute("href") == "../districts/aliaga.html"
