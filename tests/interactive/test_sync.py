"""Two synchronised maps in one page: offline, deterministic, escaped; in Chromium, moving together.

The browser tests need Debian's ``chromium`` and Playwright for Python; without them they skip,
except under CI (``CI=true``), where a missing browser fails the run (as in ``test_browser.py``).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

import pytest

from izmir_maps.errors import OptionError
from izmir_maps.interactive._assets import leaflet_css, leaflet_js, page_js
from izmir_maps.interactive.render import AtlasLinks, write_shared_assets
from izmir_maps.interactive.sync import SCOPED_IDS, render_sync_html, sync_css, write_sync_html
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec, wind_spec
from izmir_maps.text.names import slugify

HOSTILE = '<img src=x onerror="window.__xss=1">'
ALIAGA = "TUR035001"
BERGAMA = "TUR035005"
SIZE_LIMIT = 300_000
# URLs that Leaflet's own code carries (SVG namespace, licence comment): not requests.
LEAFLET_URLS = {
    "http://www.w3.org/2000/svg",
    "https://leafletjs.com",
    "https://bugzilla.mozilla.org/show_bug.cgi?id=888319",
}


@pytest.fixture(scope="module")
def specs() -> dict[str, MapSpec]:
    return {
        "employees": choropleth_spec("employees"),
        "exports": choropleth_spec("exports_usd"),
        "wind": wind_spec(),
    }


@pytest.fixture(scope="module")
def page(specs: dict[str, MapSpec]) -> str:
    return render_sync_html(specs["employees"], specs["exports"]).html


def json_block(page: str, name: str) -> dict:
    pattern = rf'<script type="application/json" id="{name}">(.*?)</script>'
    match = re.search(pattern, page, re.S)
    assert match is not None, name
    return json.loads(match.group(1))


def without_data(page: str) -> str:
    return re.sub(r'<script type="application/json"[^>]*>.*?</script>', "", page, flags=re.S)


# --- the page, without a browser --------------------------------------------------------------


def test_two_renders_are_byte_identical(specs, page: str) -> None:
    again = render_sync_html(choropleth_spec("employees"), choropleth_spec("exports_usd")).html
    assert again.encode("utf-8") == page.encode("utf-8")


def test_nothing_is_loaded_from_the_network(page: str) -> None:
    assert not re.search(r"<script[^>]*\ssrc=", page)
    assert not re.search(r"<link[^>]*\shref=", page)
    assert not re.search(r"url\(\s*['\"]?(https?:|//)", page)
    assert "@import" not in page
    assert set(re.findall(r"https?://[^\s\"'<>)]+", without_data(page))) <= LEAFLET_URLS
    assert "default-src 'none'" in page
    assert "img-src data:;" in page


def test_inline_scripts_are_allowed_by_their_hash(page: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2  # Leaflet, and the page script run twice plus the sync
    assert page_js() in scripts[1]
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_both_legends_and_titles_are_present(specs, page: str) -> None:
    for side, name in (("l", "employees"), ("r", "exports")):
        spec = specs[name]
        assert page.count(f'<details id="izm-legend-{side}" class="izm-box" open>') == 1
        assert f'<div id="izm-map-{side}" role="region"' in page
        legend = re.search(rf'<details id="izm-legend-{side}".*?</details>', page, re.S).group(0)
        assert html.escape(spec.title) in legend
        for label in spec.classification.labels(spec.indicator, "tr"):
            assert html.escape(label) in legend
    title = f"{specs['employees'].title} · {specs['exports'].title}"
    assert f"<title>{html.escape(title)}</title>" in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="tr">')


def test_every_id_is_unique(page: str) -> None:
    ids = re.findall(r'\sid="([^"]+)"', without_data(page).replace(page_js(), ""))
    assert len(ids) == len(set(ids))
    for name in SCOPED_IDS:
        assert name not in ids  # only the -l / -r variants


def test_shared_data_travels_once(specs, page: str) -> None:
    shared = json_block(page, "izm-data-shared")
    left, right = json_block(page, "izm-data-l"), json_block(page, "izm-data-r")
    assert {"arcs", "nb", "view", "style"} <= set(shared)
    assert not set(shared) & set(left) and not set(shared) & set(right)
    assert len(left["d"]) == len(right["d"]) == 30
    aliaga = [next(d for d in half["d"] if d["id"] == ALIAGA) for half in (left, right)]
    assert aliaga[0]["t"][0][1] == "27.225 kişi"
    assert aliaga[0]["c"] != aliaga[1]["c"] or aliaga[0]["t"] != aliaga[1]["t"]
    size = len(page.encode("utf-8"))
    print(f"sync page: {size:,} bytes")
    assert size < SIZE_LIMIT


def test_different_maps_keep_their_own_data(specs) -> None:
    page = render_sync_html(specs["employees"], specs["wind"]).html
    shared = json_block(page, "izm-data-shared")
    left, right = json_block(page, "izm-data-l"), json_block(page, "izm-data-r")
    assert "arcs" in shared
    assert "wp" in right and "wp" not in left and "wp" not in shared
    assert '<div id="izm-notes-r" class="izm-box">' in page  # the wind map's note box
    assert 'id="izm-notes-l"' not in page  # the choropleth has none


def test_the_page_script_uses_only_what_the_wrapper_scopes() -> None:
    """A tripwire: sync.js runs map.js with a scoped ``document`` and ``window``.

    When map.js starts to use another document method, element id or window property,
    check that sync.js scopes it (or that the global one is right for both halves), then
    add it here.
    """
    script = page_js()
    fix = "assets/map.js changed: see assets/sync.js and this test's docstring"
    used = set(re.findall(r"\bdocument\.(\w+)", script))
    assert used <= {
        "getElementById",
        "createElement",
        "createTextNode",
        "querySelectorAll",
        "querySelector",
    }, fix
    assert set(re.findall(r'getElementById\("([^"]+)"\)', script)) <= set(SCOPED_IDS), fix
    assert set(re.findall(r"\bwindow\.(\w+)", script)) == {"izmirMap"}, fix
    assert "</script" not in script.lower()


def test_stylesheet_rules_apply_to_both_halves() -> None:
    css = sync_css()
    assert "#izm-" not in css
    assert '[id^="izm-map-"]{position:absolute;top:0;right:0;bottom:0;left:0' in css
    assert '.izm-compact [id^="izm-legend-"] h1' in css
    assert "@media (max-width:760px){.izm-sync{flex-direction:column}" in css


def test_names_and_title_from_data_are_escaped(specs) -> None:
    spec = choropleth_spec("employees")
    spec.districts.loc[spec.districts["pcode"] == BERGAMA, "district"] = HOSTILE
    spec.title = HOSTILE
    page = render_sync_html(spec, specs["exports"], title=HOSTILE).html
    assert HOSTILE not in page
    assert "<img" not in page
    assert f"<title>{html.escape(HOSTILE)}</title>" in page
    assert f'aria-label="{html.escape(HOSTILE)}"' in page
    left = json_block(page, "izm-data-l")
    assert next(d for d in left["d"] if d["id"] == BERGAMA)["n"] == HOSTILE


def test_write_sync_html_writes_the_rendered_bytes(tmp_path: Path, specs, page: str) -> None:
    path = write_sync_html(specs["employees"], specs["exports"], tmp_path / "c" / "s.html")
    assert path == tmp_path / "c" / "s.html"
    assert path.read_bytes() == page.encode("utf-8")
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


def test_shared_assets_are_referenced_not_inlined(specs) -> None:
    page = render_sync_html(specs["employees"], specs["exports"], assets="shared").html
    assert '<script src="../assets/leaflet.js"></script>' in page
    assert '<link rel="stylesheet" href="../assets/leaflet.css">' in page
    assert "Vladimir Agafonkin" not in page
    assert "script-src 'sha256-" in page and " 'self' file:;" in page
    leaflet = len(leaflet_js().encode("utf-8")) + len(leaflet_css().encode("utf-8"))
    assert len(page.encode("utf-8")) < SIZE_LIMIT - leaflet


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"assets": "cdn"}, "assets must be 'inline' or 'shared', not 'cdn'"),
        ({"assets": "shared", "asset_prefix": "https://example.org/"}, "relative path"),
        ({"assets": "shared", "asset_prefix": "/abs/"}, "relative path"),
    ],
)
def test_bad_options_are_refused(specs, options: dict, match: str) -> None:
    with pytest.raises(OptionError, match=re.escape(match)):
        render_sync_html(specs["employees"], specs["exports"], **options)


# --- in Chromium ------------------------------------------------------------------------------

VIEWPORT = {"width": 1200, "height": 800}


@pytest.fixture(scope="module")
def sync_file(page: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sync") / "sync.html"
    path.write_text(page, encoding="utf-8")
    return path


class SyncVisit:
    """Helpers mixed into the shared ``Visit`` record (see ``tests/conftest.py``)."""

    def view(self, side: str) -> dict:
        """Zoom, centre (lat/lng) and centre in pixels at that zoom of one half.

        (Scripts below return ``void``: Playwright would serialise a returned Leaflet map.)
        """
        return self.page.evaluate(
            """(side) => {
                const m = window.izmirSync[side].map, c = m.getCenter(), z = m.getZoom();
                const p = m.project(c, z);
                return {zoom: z, lat: c.lat, lng: c.lng, x: p.x, y: p.y};
            }""",
            side,
        )

    def point(self, side: str, pcode: str) -> tuple[float, float]:
        """Screen position of a district's label point in one half."""
        return self.page.evaluate(
            """([side, pcode]) => {
                const s = side === "left" ? "l" : "r";
                const data = JSON.parse(document.getElementById("izm-data-" + s).textContent);
                const d = data.d.find((x) => x.id === pcode);
                const p = window.izmirSync[side].map.latLngToContainerPoint(d.l);
                const box = document.getElementById("izm-map-" + s).getBoundingClientRect();
                return [p.x + box.left, p.y + box.top];
            }""",
            [side, pcode],
        )


@pytest.fixture
def visit(open_page):
    def open_(path: Path, viewport: dict | None = None) -> SyncVisit:
        return open_page(
            path.as_uri(),
            viewport=viewport or VIEWPORT,
            ready="() => window.izmirSync !== undefined",
            helpers=SyncVisit,
            own_context=True,
        )

    return open_


def assert_same_view(seen: SyncVisit) -> None:
    left, right = seen.view("left"), seen.view("right")
    assert left["zoom"] == right["zoom"]
    assert abs(left["x"] - right["x"]) < 0.01 and abs(left["y"] - right["y"]) < 0.01, (left, right)


@pytest.mark.browser
def test_two_maps_load_offline_without_errors(sync_file: Path, visit) -> None:
    seen = visit(sync_file)
    page = seen.page
    assert page.locator(".leaflet-container").count() == 2
    for side in ("l", "r"):
        assert page.locator(f"#izm-map-{side} path.izm-district").count() == 30
        assert page.locator(f"#izm-map-{side} path.izm-province").count() == 1
        assert page.locator(f"#izm-map-{side} #izm-legend-{side}").is_visible()
    assert seen.requests == [sync_file.as_uri()]  # the page itself, nothing else
    left = page.locator("#izm-map-l").bounding_box()
    right = page.locator("#izm-map-r").bounding_box()
    assert left["width"] == right["width"] and left["height"] == right["height"] == 800
    assert right["x"] >= left["x"] + left["width"]  # side by side
    assert_same_view(seen)


@pytest.mark.browser
def test_moving_one_map_moves_the_other(sync_file: Path, visit) -> None:
    seen = visit(sync_file)
    page = seen.page
    before = seen.view("right")
    page.evaluate("() => void izmirSync.left.map.setView([38.46, 27.15], 10, {animate: false})")
    assert seen.view("left")["zoom"] == 10
    assert_same_view(seen)
    page.evaluate("() => void izmirSync.left.map.panBy([-120, 45], {animate: false})")
    assert_same_view(seen)
    page.evaluate("() => void izmirSync.left.map.zoomOut(1, {animate: false})")
    assert seen.view("right")["zoom"] == 9
    assert_same_view(seen)
    # and back the other way, with an animated zoom
    page.evaluate("() => void izmirSync.right.map.setZoom(11)")
    page.wait_for_function(
        "() => izmirSync.left.map.getZoom() === 11 && !izmirSync.right.map._animatingZoom"
    )
    assert_same_view(seen)
    assert seen.view("right") != before


@pytest.mark.browser
def test_dragging_the_right_map_moves_the_left(sync_file: Path, visit) -> None:
    seen = visit(sync_file)
    page = seen.page
    before = seen.view("left")
    box = page.locator("#izm-map-r").bounding_box()
    # the middle: clear of the legend, which a half narrower than 600 px has at the bottom
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.5
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x - 12 * step, y - 8 * step)
    page.mouse.up()
    page.wait_for_timeout(600)  # inertia
    after = seen.view("left")
    assert after["x"] > before["x"] + 50 and after["y"] > before["y"] + 30
    assert_same_view(seen)


@pytest.mark.browser
def test_each_half_has_its_own_tooltip(specs, sync_file: Path, visit) -> None:
    seen = visit(sync_file)
    page = seen.page
    exports = specs["exports"]
    row = exports.districts.set_index("pcode").loc[ALIAGA]
    value = exports.indicator.format(float(row["exports_usd"]), "tr")
    for side, expected in (("left", "27.225"), ("right", value)):
        page.mouse.move(*seen.point(side, ALIAGA))
        tooltip = page.locator(f"#izm-map-{side[0]} .leaflet-tooltip.izm-tip")
        tooltip.wait_for()
        text = tooltip.inner_text()
        assert "Aliağa" in text and expected in text
    page.mouse.click(*seen.point("left", ALIAGA))
    popup = page.locator("#izm-map-l .leaflet-popup-content")
    popup.wait_for()
    assert "Firma sayısı" in popup.inner_text()


@pytest.mark.browser
def test_layer_switch_acts_on_its_own_half(specs, tmp_path: Path, visit) -> None:
    path = write_sync_html(specs["employees"], specs["wind"], tmp_path / "w.html")
    seen = visit(path)
    page = seen.page
    assert page.locator("#izm-map-r path.izm-wind").count() == len(specs["wind"].wind_points)
    assert page.locator("#izm-map-l path.izm-wind").count() == 0
    assert page.locator("#izm-notes-r .izm-alert").is_visible()
    labels = page.locator("#izm-map-l .izm-label")
    shown = labels.count()
    assert shown > 0
    page.evaluate("() => void izmirSync.left.map.removeLayer(izmirSync.left.layers.labels)")
    assert labels.count() == 0
    assert page.locator("#izm-map-r .izm-label").count() > 0


@pytest.mark.browser
def test_stacked_on_a_narrow_screen(sync_file: Path, visit) -> None:
    seen = visit(sync_file, {"width": 420, "height": 860})
    page = seen.page
    left = page.locator("#izm-map-l").bounding_box()
    right = page.locator("#izm-map-r").bounding_box()
    assert left["width"] == right["width"] == 420
    assert right["y"] >= left["y"] + left["height"]  # one above the other
    assert_same_view(seen)
    page.evaluate("() => void izmirSync.right.map.setView([38.7, 27.0], 9, {animate: false})")
    assert_same_view(seen)


@pytest.mark.browser
def test_resizing_keeps_the_maps_together(sync_file: Path, visit) -> None:
    seen = visit(sync_file)
    for width, height in ((1001, 700), (500, 900), (1300, 801)):
        seen.page.set_viewport_size({"width": width, "height": height})
        seen.page.wait_for_timeout(400)  # Leaflet follows a resize after a short delay
        assert_same_view(seen)


@pytest.mark.browser
def test_hostile_name_runs_nothing(specs, tmp_path: Path, visit) -> None:
    spec = choropleth_spec("employees")
    spec.districts.loc[spec.districts["pcode"] == BERGAMA, "district"] = HOSTILE
    seen = visit(write_sync_html(spec, specs["exports"], tmp_path / "h.html"))
    page = seen.page
    page.mouse.move(*seen.point("left", BERGAMA))
    tooltip = page.locator("#izm-map-l .leaflet-tooltip.izm-tip")
    tooltip.wait_for()
    assert HOSTILE in tooltip.inner_text()
    assert page.locator("img").count() == 0
    assert page.evaluate("window.__xss") is None
    assert seen.dialogs == []


@pytest.mark.browser
def test_shared_assets_load_from_the_relative_folder(specs, tmp_path: Path, visit) -> None:
    assets = write_shared_assets(tmp_path / "atlas" / "assets")
    path = write_sync_html(
        specs["employees"],
        specs["exports"],
        tmp_path / "atlas" / "compare" / "s.html",
        assets="shared",
    )
    seen = visit(path)
    assert seen.page.locator("path.izm-district").count() == 60
    leaflet = [a.as_uri() for a in assets if a.name.startswith("leaflet.")]
    assert sorted(seen.requests) == sorted([path.as_uri(), *leaflet])  # its script is inline
    assert_same_view(seen)


@pytest.mark.browser
def test_wheel_zoom_on_one_map_zooms_the_other(sync_file: Path, visit) -> None:
    seen = visit(sync_file)
    page = seen.page
    zoom = seen.view("right")["zoom"]
    box = page.locator("#izm-map-l").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.6)
    page.mouse.wheel(0, -300)
    page.wait_for_function(
        """(zoom) => {
            const l = izmirSync.left.map, r = izmirSync.right.map;
            return r.getZoom() > zoom && !l._animatingZoom && !r._animatingZoom;
        }""",
        arg=zoom,
    )
    page.wait_for_timeout(300)
    assert_same_view(seen)


# --- the map tools: search, address, full screen, home link, missing assets --------------------


@pytest.fixture(scope="module")
def atlas_page(specs: dict[str, MapSpec]) -> str:
    links = AtlasLinks(home="../index.html", profiles="../districts/")
    return render_sync_html(specs["employees"], specs["exports"], atlas=links).html


def test_the_left_half_carries_the_tools(atlas_page: str) -> None:
    left, right = json_block(atlas_page, "izm-data-l"), json_block(atlas_page, "izm-data-r")
    assert (
        "nav" in left
        and "nav" not in right
        and "nav" not in json_block(atlas_page, "izm-data-shared")
    )
    nav = left["nav"]
    assert nav["home"] == "../index.html"
    assert [d["s"] for d in nav["d"]] == [slugify(d["n"]) for d in left["d"]]  # same order
    cigli = next(d for d in nav["d"] if d["s"] == "cigli")
    assert (nav["pp"], cigli["s"], nav["w"]["profile"]) == (
        "../districts/",
        "cigli",
        "{name} ilçe profili",
    )
    assert nav["w"]["search"] == "İlçe ara" and nav["w"]["fullscreen"] == "Tam ekran"


def test_a_page_on_its_own_links_nowhere(page: str) -> None:
    nav = json_block(page, "izm-data-l")["nav"]
    assert "home" not in nav and all("p" not in d for d in nav["d"])
    assert 'class="izm-missing"' not in page  # Leaflet is inside the page: nothing can be missing


@pytest.mark.parametrize(
    ("lang", "start"),
    [
        ("tr", "Haritalar yüklenemedi: Leaflet dosyaları (assets/leaflet.js"),
        ("en", "The maps could not load: the Leaflet files (assets/leaflet.js"),
    ],
)
def test_shared_page_says_when_its_assets_are_missing(lang: str, start: str) -> None:
    page = render_sync_html(
        choropleth_spec("employees", lang=lang),
        choropleth_spec("exports_usd", lang=lang),
        assets="shared",
    ).html
    message = re.search(r'<p class="izm-missing">([^<]*)</p>', page).group(1)
    assert message.startswith(start) and "compare/" in message
    # in the left pane, where the left half's map.js removes it once Leaflet is there
    pane = re.search(r'<div class="izm-pane" id="izm-pane-l".*?<script', page, re.S).group(0)
    assert 'class="izm-missing"' in pane


@pytest.fixture(scope="module")
def atlas_file(atlas_page: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sync-tools") / "sync.html"
    path.write_text(atlas_page, encoding="utf-8")
    return path


def hash_of(seen: SyncVisit) -> str:
    return seen.page.evaluate("() => location.hash")


@pytest.mark.browser
def test_search_moves_both_maps_and_keeps_the_address(atlas_file: Path, visit) -> None:
    seen = visit(atlas_file)
    page = seen.page
    assert hash_of(seen) == ""  # opening the page chooses nothing
    assert page.locator(".izm-find input").count() == 1  # one search box, on the left map
    assert page.locator("#izm-map-l .izm-find").is_visible()
    page.fill("#izm-q", "CIGLI")
    assert page.locator("#izm-list li").all_inner_texts() == ["Çiğli"]
    page.keyboard.press("Enter")
    assert page.locator("#izm-map-l .leaflet-popup-content h3").inner_text() == "Çiğli"
    assert seen.view("left")["zoom"] == 11
    assert_same_view(seen)
    left = seen.view("left")
    assert hash_of(seen) == f"#cigli/11/{left['lat']:.4f}/{left['lng']:.4f}"
    # moving the right map moves the left one, and the address follows
    page.evaluate("() => void izmirSync.right.map.setView([38.42, 27.14], 10, {animate: false})")
    assert_same_view(seen)
    assert hash_of(seen).endswith("/10/38.4200/27.1400")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("address", "zoom", "lat", "popup"),
    [("#bornova/10.5/38.42/27.14", 10.5, 38.42, "Bornova"), ("#/9.75/38.5/27.2", 9.75, 38.5, None)],
)
def test_the_address_reopens_both_maps(atlas_file: Path, open_page, address, zoom, lat, popup):
    seen = open_page(
        atlas_file.as_uri() + address,
        viewport=VIEWPORT,
        ready="() => window.izmirSync !== undefined",
        helpers=SyncVisit,
        own_context=True,
    )
    assert seen.view("left")["zoom"] == seen.view("right")["zoom"] == zoom
    assert round(seen.view("right")["lat"], 4) == lat
    assert_same_view(seen)
    popups = seen.page.locator(".leaflet-popup-content h3").all_inner_texts()
    assert popups == ([popup] if popup else [])


@pytest.mark.browser
def test_full_screen_shows_both_maps(atlas_file: Path, visit) -> None:
    seen = visit(atlas_file)
    page = seen.page
    button = page.locator("#izm-map-l button.izm-fs")
    assert button.inner_text() == "Tam ekran"
    button.click()
    page.wait_for_function("() => document.fullscreenElement !== null")
    assert page.evaluate("() => document.fullscreenElement.className") == "izm-sync"
    assert button.inner_text() == "Tam ekrandan çık"
    button.click()
    page.wait_for_function("() => document.fullscreenElement === null")
    # the label follows the fullscreenchange event, which may come a frame after the state
    page.wait_for_function(
        "() => document.querySelector('#izm-map-l button.izm-fs').innerText === 'Tam ekran'"
    )
    assert button.inner_text() == "Tam ekran"
    assert_same_view(seen)


@pytest.mark.browser
def test_home_link_and_centre_button(atlas_file: Path, visit) -> None:
    seen = visit(atlas_file)
    page = seen.page
    home = page.locator("#izm-map-l a.izm-home")
    assert home.get_attribute("href") == "../index.html"
    assert home.inner_text() == "← Atlas"
    page.locator("#izm-map-l button.izm-centre").click()
    assert seen.view("left")["zoom"] > 9
    assert_same_view(seen)


@pytest.mark.browser
def test_missing_assets_are_explained(specs, tmp_path: Path, open_page) -> None:
    path = write_sync_html(
        specs["employees"], specs["exports"], tmp_path / "compare" / "s.html", assets="shared"
    )  # no assets/ folder beside compare/
    seen = open_page(
        path.as_uri(), viewport={"width": 390, "height": 844}, ready="load", failed=True
    )
    message = seen.page.locator(".izm-missing")
    assert message.is_visible()
    assert message.inner_text().startswith("Haritalar yüklenemedi")
    # the failed requests for assets/leaflet.* are the point here; no script error besides
    assert seen.errors and all("leaflet" in e or "Failed to load" in e for e in seen.errors)
    seen.errors.clear()
