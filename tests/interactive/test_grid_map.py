"""Maps drawn on the equal-area district grid (``layout="grid"``, ``--layout grid``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from izmir_maps.cli import main
from izmir_maps.data.grid import load_grid
from izmir_maps.errors import OptionError
from izmir_maps.interactive._payload import build_payload
from izmir_maps.interactive.render import write_html
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec

VIEWPORT = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def grid_spec() -> MapSpec:
    return choropleth_spec("employees", layout="grid")


def test_spec_title_note_and_hexagons(grid_spec: MapSpec) -> None:
    assert grid_spec.title == "Çalışan sayısı (SGK, 2008), kişi – ilçe ızgarası"
    assert grid_spec.layout == "grid"
    assert grid_spec.notes[-1].startswith("Eşit alanlı ızgara: her ilçe aynı büyüklükte")
    assert len(grid_spec.neighbours) == 0
    hexagons = load_grid().set_index("pcode").geometry
    for pcode, geom in zip(grid_spec.districts["pcode"], grid_spec.districts.geometry, strict=True):
        assert geom.equals(hexagons[pcode])


def test_same_values_and_classes_as_the_map(grid_spec: MapSpec) -> None:
    real = choropleth_spec("employees")
    assert real.layout == "map"
    assert grid_spec.classification.bins == real.classification.bins
    assert grid_spec.classification.classes.equals(real.classification.classes)
    assert grid_spec.districts.drop(columns="geometry").equals(
        real.districts.drop(columns="geometry")
    )
    assert grid_spec.notes[:-1] == real.notes


def test_english_title() -> None:
    spec = choropleth_spec("exports_usd", lang="en", layout="grid")
    assert spec.title.endswith(" – district grid")
    assert spec.notes[-1].startswith("Equal-area grid: each district is a hexagon")


def test_unknown_layout_is_refused() -> None:
    with pytest.raises(OptionError, match="layout must be 'map' or 'grid', not 'hex'"):
        choropleth_spec("employees", layout="hex")


def test_payload_has_no_land_sea_or_scale(grid_spec: MapSpec) -> None:
    data = build_payload(grid_spec).data
    assert "nb" not in data and "inland" not in data and "sea" not in data
    assert data["grid"] == 1
    assert data["style"]["labelPx"] == 6.6
    assert {d["a"] for d in data["d"]} == {584.6}  # labels judged by the hexagon, not the district
    assert "grid" not in build_payload(choropleth_spec("employees")).data


def test_cli_writes_the_grid_map(tmp_path: Path, capsys) -> None:
    out = tmp_path / "grid.html"
    assert main(["map", "employees", "--layout", "grid", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Çalışan sayısı (SGK, 2008), kişi – ilçe ızgarası" in page
    again = tmp_path / "again.html"
    main(["map", "employees", "--layout", "grid", "--out", str(again)])
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["osb", "--out", "x.html"], "not for the 'osb' map"),
        (["employees", "--tiles", "osm", "--out", "x.html"], "not for --tiles"),
    ],
)
def test_cli_refuses_grid_where_it_is_not_drawn(
    args: list[str], message: str, tmp_path: Path, capsys
) -> None:
    args = [a if a != "x.png" and a != "x.html" else str(tmp_path / a) for a in args]
    assert main(["map", *args, "--layout", "grid"]) == 2
    err = capsys.readouterr().err
    assert "--layout grid is for choropleths of an indicator" in err
    assert message in err
    assert not list(tmp_path.iterdir())


# --- in the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def grid_file(grid_spec: MapSpec, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(grid_spec, tmp_path_factory.mktemp("grid") / "employees_grid.html")


_SHOWN_LABELS = """() => Array.from(document.querySelectorAll(".izm-label"))
    .filter((e) => e.style.display !== "none").map((e) => e.textContent)"""

_LABELS_INSIDE = """() => {
    const map = window.izmirMap.map;
    const data = JSON.parse(document.getElementById("izm-data").textContent);
    const out = [];
    document.querySelectorAll(".izm-label").forEach((e) => {
        if (e.style.display === "none") { return; }
        const d = data.d.find((x) => x.n === e.textContent);
        const r = e.firstChild.getBoundingClientRect();
        const c = map.latLngToContainerPoint(d.l);
        const box = document.getElementById("izm-map").getBoundingClientRect();
        // the hexagon is 2 * size wide across its middle; size = sqrt(area / 2.598)
        const km = 256 * Math.pow(2, map.getZoom()) / 40075 / Math.cos(38.6 * Math.PI / 180);
        const half = Math.sqrt(d.a / 2.598) * km;
        out.push([d.n, r.width / 2 <= half, Math.abs(r.left + r.width / 2 - box.left - c.x) < 2]);
    });
    return out;
}"""


@pytest.mark.browser
def test_every_name_written_in_full_inside_its_hexagon(grid_file: Path, open_page) -> None:
    visit = open_page(grid_file.as_uri(), viewport=VIEWPORT, ready="window.izmirMap !== undefined")
    page = visit.page
    shown = page.evaluate(_SHOWN_LABELS)
    assert len(shown) == 30
    assert "Güzelbahçe" in shown and "Seferihisar" in shown and "Karabağlar" in shown
    checks = page.evaluate(_LABELS_INSIDE)
    assert [c[0] for c in checks if not (c[1] and c[2])] == []
    assert page.locator(".leaflet-control-scale").count() == 0
    assert page.locator(".izm-nbl").count() == 0  # no neighbouring provinces, no sea named


@pytest.mark.browser
def test_phone_shows_only_names_that_fit_and_zooming_shows_all(grid_file: Path, open_page) -> None:
    visit = open_page(grid_file.as_uri(), viewport=PHONE, ready="window.izmirMap !== undefined")
    page = visit.page
    checks = page.evaluate(_LABELS_INSIDE)
    assert checks, "some names are shown at start"
    assert [c[0] for c in checks if not c[1]] == []
    page.evaluate(
        "window.izmirMap.map.setZoom(window.izmirMap.map.getZoom() + 2, {animate: false})"
    )
    page.wait_for_timeout(300)
    assert len(page.evaluate(_SHOWN_LABELS)) == 30


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [VIEWPORT, PHONE], ids=["desktop", "phone"])
def test_axe_finds_nothing_serious(grid_file: Path, open_page, viewport: dict) -> None:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    seen = open_page(grid_file.as_uri(), viewport=viewport, ready="window.izmirMap !== undefined")
    # preload off: axe would fetch the stylesheets again, which the map's CSP refuses
    options = {"resultTypes": ["violations"], "preload": False}
    violations = axe.Axe().run(seen.page, options=options).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
