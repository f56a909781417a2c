"""The generated maps in a real browser: headless Chromium with every network request blocked.

Needs Debian's ``chromium`` (``apt-get install chromium``) and Playwright for
Python. Without them the tests skip, except under CI (``CI=true``), where a
missing browser fails the run so that CI can never pass by skipping.
Screenshots of every map go to ``/tmp/izmir_shots/`` (or ``$IZMIR_SHOTS``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from izmir_maps.data.registry import indicator
from izmir_maps.interactive.render import render_html, write_html, write_shared_assets
from izmir_maps.spec.legend import plan_legend
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec, combined_spec, osb_spec, wind_spec

pytestmark = pytest.mark.browser

HOSTILE = '<img src=x onerror="window.__xss=1">'
SHOTS = Path(os.environ.get("IZMIR_SHOTS", "/tmp/izmir_shots"))
VIEWPORT = {"width": 1280, "height": 800}
ALIAGA = "TUR035001"
BERGAMA = "TUR035005"


def _hostile_choropleth() -> MapSpec:
    spec = choropleth_spec("employees")
    spec.districts.loc[spec.districts["pcode"] == BERGAMA, "district"] = HOSTILE
    return spec


def _hostile_osb() -> MapSpec:
    spec = osb_spec()
    spec.osbs.loc[spec.osbs.index[0], ["name", "short_name"]] = [HOSTILE, HOSTILE]
    # every zone has a district now: make one row unplaced, as a zone of unknown district is
    spec.osbs_unplaced = spec.osbs.iloc[[1]].drop(columns=["geometry", "location"])
    spec.osbs_unplaced.loc[spec.osbs_unplaced.index[0], "short_name"] = HOSTILE
    spec.legend = plan_legend(spec, spec.legend.notes)  # the plan is made with the spec
    return spec


@pytest.fixture(scope="module")
def specs() -> dict[str, MapSpec]:
    return {
        "employees": choropleth_spec("employees"),
        "employees_en": choropleth_spec("employees", lang="en"),
        "osb": osb_spec(),
        "wind": wind_spec(),
        "combined": combined_spec(),
        "hostile": _hostile_choropleth(),
        "hostile_osb": _hostile_osb(),
    }


@pytest.fixture(scope="module")
def files(specs: dict[str, MapSpec], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("maps")
    return {name: write_html(spec, folder / f"{name}.html") for name, spec in specs.items()}


class MapVisit:
    """Helpers mixed into the shared ``Visit`` record (see ``tests/conftest.py``)."""

    def point(self, pcode: str) -> tuple[float, float]:
        """Screen position of a district's label point (inside the district)."""
        return self.page.evaluate(
            """(pcode) => {
                const data = JSON.parse(document.getElementById("izm-data").textContent);
                const d = data.d.find((x) => x.id === pcode);
                const p = window.izmirMap.map.latLngToContainerPoint(d.l);
                const box = document.getElementById("izm-map").getBoundingClientRect();
                return [p.x + box.left, p.y + box.top];
            }""",
            pcode,
        )


@pytest.fixture
def visit(open_page):
    def open_map(path: Path, *, ready: bool = True):
        wait = "window.izmirMap !== undefined" if ready else None
        return open_page(path.as_uri(), viewport=VIEWPORT, ready=wait, helpers=MapVisit)

    return open_map


@pytest.mark.parametrize("name", ["employees", "employees_en", "osb", "wind", "combined"])
def test_map_loads_offline_without_errors(name: str, files, visit) -> None:
    seen = visit(files[name])
    assert seen.page.locator("path.izm-district").count() == 30
    assert seen.page.locator("path.izm-province").count() == 1
    assert seen.page.locator("#izm-legend").is_visible()
    assert all(url.startswith("file:") for url in seen.requests)
    assert seen.requests == [files[name].as_uri()]  # the page itself, nothing else
    SHOTS.mkdir(parents=True, exist_ok=True)
    seen.page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_legend_shows_the_classes(specs, files, visit) -> None:
    spec = specs["employees"]
    legend = visit(files["employees"]).page.locator("#izm-legend").inner_text()
    for label in spec.classification.labels(spec.indicator, "tr"):
        assert label in legend
    assert spec.title.split(" (")[0] in legend
    assert "Kaynak: İZKA, SGK 2008" in legend
    assert "Veri yok" not in legend


def test_hovering_aliaga_shows_its_tooltip(specs, files, visit) -> None:
    spec = specs["employees"]
    row = spec.districts.set_index("pcode").loc[ALIAGA]
    value = spec.indicator.format(float(row["employees"]), "tr")
    rank = indicator("employees_rank").format(float(row["employees_rank"]), "tr")
    assert (value, rank) == ("27.225", "9./30")
    seen = visit(files["employees"])
    seen.page.mouse.move(*seen.point(ALIAGA))
    tooltip = seen.page.locator(".leaflet-tooltip.izm-tip")
    tooltip.wait_for()
    text = tooltip.inner_text()
    assert "Aliağa" in text and value in text and rank in text and "%4,14" in text
    stroke = seen.page.locator(f"path.izm-{ALIAGA}").get_attribute("stroke")
    assert stroke == "#222222"  # highlighted
    seen.page.mouse.click(*seen.point(ALIAGA))
    popup = seen.page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Firma sayısı" in popup.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    seen.page.screenshot(path=str(SHOTS / "employees_popup.png"))


def test_english_tooltip(files, visit) -> None:
    seen = visit(files["employees_en"])
    seen.page.mouse.move(*seen.point(ALIAGA))
    tooltip = seen.page.locator(".leaflet-tooltip.izm-tip")
    tooltip.wait_for()
    text = tooltip.inner_text()
    assert "27,225 persons" in text and "4.14%" in text and "9/30" in text


def test_one_marker_per_osb(specs, files, visit) -> None:
    seen = visit(files["osb"])
    markers = seen.page.locator(".leaflet-marker-icon.izm-osb")
    assert markers.count() == len(specs["osb"].osbs)
    markers.first.click()
    popup = seen.page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "ALOSBİ" in text and "1.000 ha" in text and "1997" in text
    links = popup.locator("a")
    assert links.count() >= 1
    for i in range(links.count()):
        assert links.nth(i).get_attribute("href").startswith(("http://", "https://"))
        assert links.nth(i).get_attribute("rel") == "noopener noreferrer"
    # every zone has a sourced district now: nothing to list as "not on the map"
    assert seen.page.locator("#izm-notes .izm-unplaced").count() == 0
    assert "Konum kaynaktan" in seen.page.locator("#izm-legend").inner_text()


def test_wind_map_symbols_and_note(specs, files, visit) -> None:
    spec = specs["wind"]
    seen = visit(files["wind"])
    page = seen.page
    assert page.locator("path.izm-wind").count() == len(spec.wind_points)
    assert page.locator("path.izm-proposed").count() == len(spec.wind_proposed)
    assert "107,5 MW" in page.locator(".izm-alert").inner_text()
    assert page.locator(".izm-alert").is_visible()
    assert page.locator(".leaflet-marker-icon.izm-farm").count() == 0  # present-day layer is off
    page.get_by_label("Rüzgâr santralleri (güncel, eksik liste)").check()
    assert page.locator(".leaflet-marker-icon.izm-farm").count() == len(spec.wind_farms)
    assert page.locator('section[data-layer="farms"]').is_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "wind_with_farms.png"))


def test_combined_layers_switch_on_and_off(specs, files, visit) -> None:
    spec = specs["combined"]
    page = visit(files["combined"]).page
    osb = page.locator(".leaflet-marker-icon.izm-osb")
    assert osb.count() == len(spec.osbs)
    page.get_by_label("OSB'ler ve serbest bölgeler").uncheck()
    assert osb.count() == 0
    assert not page.locator('#izm-legend section[data-layer="osb"]').is_visible()
    page.get_by_label("OSB'ler ve serbest bölgeler").check()
    assert osb.count() == len(spec.osbs)
    fill = page.locator(f"path.izm-{ALIAGA}")
    coloured = fill.get_attribute("fill")
    page.get_by_label("Çalışan sayısı (SGK, 2008)").uncheck()
    assert fill.get_attribute("fill") != coloured
    page.get_by_label("Çalışan sayısı (SGK, 2008)").check()
    assert fill.get_attribute("fill") == coloured
    page.get_by_label("İlçe adları").uncheck()
    assert page.locator(".izm-label").count() == 0


def test_hostile_district_name_runs_nothing(files, visit) -> None:
    seen = visit(files["hostile"])
    page = seen.page
    page.mouse.move(*seen.point(BERGAMA))
    tooltip = page.locator(".leaflet-tooltip.izm-tip")
    tooltip.wait_for()
    assert HOSTILE in tooltip.inner_text()
    assert page.locator(".izm-label span", has_text=HOSTILE).count() == 1
    assert page.locator("#izm-map img").count() == 0
    assert page.evaluate("window.__xss") is None
    assert seen.dialogs == []
    assert not any(url.endswith("/x") for url in seen.requests)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "hostile.png"))


def test_hostile_osb_name_runs_nothing(files, visit) -> None:
    seen = visit(files["hostile_osb"])
    page = seen.page
    page.locator(".leaflet-marker-icon.izm-osb").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert HOSTILE in popup.inner_text()
    assert HOSTILE in page.locator("#izm-notes").inner_text()
    assert page.locator("img").count() == 0
    assert page.evaluate("window.__xss") is None
    assert seen.dialogs == []


def test_shared_assets_load_from_the_relative_folder(specs, tmp_path: Path, visit) -> None:
    assets = write_shared_assets(tmp_path / "atlas" / "assets")
    path = write_html(specs["employees"], tmp_path / "atlas" / "maps" / "e.html", assets="shared")
    seen = visit(path)
    assert seen.page.locator("path.izm-district").count() == 30
    assert sorted(seen.requests) == sorted([path.as_uri(), *(a.as_uri() for a in assets)])


def test_notebook_iframe_draws_the_map(specs, tmp_path: Path, visit) -> None:
    frame = render_html(specs["employees"])._repr_html_()
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><meta charset='utf-8'><body>{frame}</body>", encoding="utf-8")
    seen = visit(host, ready=False)
    inner = seen.page.frame_locator("iframe")
    inner.locator("path.izm-district").first.wait_for()
    assert inner.locator("path.izm-district").count() == 30
    box = seen.page.locator("iframe").bounding_box()
    assert box["width"] == VIEWPORT["width"] - 16 and box["height"] == 520


def test_hostile_column_header_in_the_layer_switch_runs_nothing(tmp_path: Path, visit) -> None:
    from izmir_maps.spec.user_spec import user_choropleth_spec

    path = tmp_path / "t.csv"
    path.write_text(
        'ilce,"<img src=x onerror=""window.__xss=1"">"\nAliağa,1\nBuca,2\nKonak,3\n',
        encoding="utf-8",
    )
    spec, _ = user_choropleth_spec(path, column=HOSTILE)
    seen = visit(write_html(spec, tmp_path / "hostile_layer.html"))
    page = seen.page
    names = page.locator(".leaflet-control-layers-overlays label")
    assert [" ".join(t.split()) for t in names.all_text_contents()] == [HOSTILE, "İlçe adları"]
    assert page.locator(".leaflet-control-layers img").count() == 0
    assert page.evaluate("window.__xss") is None
    assert seen.dialogs == []
    assert not any(url.endswith("/x") for url in seen.requests)
