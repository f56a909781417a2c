"""The bivariate map as an HTML page: fills, tooltips, the two-way legend, the CLI, the browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from izmir_maps.cli import main
from izmir_maps.interactive._payload import build_payload
from izmir_maps.interactive.render import write_html
from izmir_maps.spec.bivariate import PALETTE, BivariateSpec, bivariate_spec

VIEWPORT = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def spec() -> BivariateSpec:
    return bivariate_spec("employees", "exports_usd")


def _expected_fills(spec: BivariateSpec) -> dict[str, str]:
    return {
        name: PALETTE[int(spec.x_classes[key])][int(spec.y_classes[key])]
        for key, name in spec.districts["district"].items()
    }


def test_payload_fills_tooltips_and_layer(spec: BivariateSpec) -> None:
    payload = build_payload(spec)
    fills = {d["n"]: d["c"] for d in payload.data["d"]}
    assert fills == _expected_fills(spec)
    aliaga = next(d for d in payload.data["d"] if d["n"] == "Aliağa")
    assert aliaga["t"] == [
        ["Çalışan sayısı (SGK, 2008)", "27.225 kişi"],
        ["Çalışan sayısı: sınıf", "yüksek"],
        ["Çalışan sayısı: sıra", "9./30"],
        ["İhracat", "673.307.314 ABD $"],
        ["İhracat: sınıf", "yüksek"],
        ["İhracat: sıra", "4./30"],
    ]
    assert payload.data["layers"][0] == ["choro", "Çalışan sayısı (SGK, 2008) ve İhracat", True]


def test_legend_html_names_both_axes_and_ranges(spec: BivariateSpec) -> None:
    legend = build_payload(spec).legend
    assert legend.count('class="izm-sw izm-bv-sw"') == 9
    assert "↑ İhracat (ABD $)" in legend
    assert "Çalışan sayısı (SGK, 2008), kişi →" in legend
    for label in ("474 – 3.167", "15.036 – 199.310", "73.493.224 – 2.950.799.884"):
        assert label in legend
    # the top-right cell (both high) is the darkest colour
    top_row = re.search(r"<tbody><tr>(.*?)</tr>", legend).group(1)
    assert top_row.rfind(PALETTE[2][2]) > top_row.rfind(PALETTE[0][2]) > 0


def test_table_view_lists_both_values(spec: BivariateSpec) -> None:
    table = build_payload(spec).table
    assert '<th scope="col">İhracat: sınıf</th>' in table


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    a = write_html(bivariate_spec("izka_applications", "firms"), tmp_path / "a.html")
    b = write_html(bivariate_spec("izka_applications", "firms"), tmp_path / "b.html")
    assert a.read_bytes() == b.read_bytes()


def test_cli_writes_html_and_refuses_reading_options(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "bv.html"
    assert main(["map", "employees", "--bivariate", "exports_usd", "--out", str(out)]) == 0
    assert "Çalışan sayısı (SGK, 2008) ve İhracat" in out.read_text(encoding="utf-8")
    capsys.readouterr()
    args = ["map", "employees", "--bivariate", "exports_usd", "--decimal", ","]
    assert main([*args, "--out", str(tmp_path / "x.html")]) == 2
    assert "--decimal applies to your own table only" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


# --- in the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page_file(spec: BivariateSpec, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(spec, tmp_path_factory.mktemp("bivariate") / "employees-exports_usd.html")


_FILLS = """() => Array.from(document.querySelectorAll("path.izm-district"))
    .map((p) => [p.getAttribute("aria-label").split(":")[0], p.getAttribute("fill")])"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [VIEWPORT, PHONE], ids=["desktop", "phone"])
def test_map_draws_30_fills_and_nine_swatches(
    spec: BivariateSpec, page_file: Path, open_page, viewport: dict
) -> None:
    visit = open_page(page_file.as_uri(), viewport=viewport, ready="window.izmirMap !== undefined")
    page = visit.page
    fills = dict(page.evaluate(_FILLS))
    assert len(fills) == 30
    assert fills == _expected_fills(spec)
    assert page.locator("#izm-legend .izm-bv-sw").count() == 9
    assert page.locator("#izm-legend .izm-bv-sw").first.is_visible()


@pytest.mark.browser
def test_axe_finds_nothing_serious(page_file: Path, open_page) -> None:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    seen = open_page(page_file.as_uri(), viewport=VIEWPORT, ready="window.izmirMap !== undefined")
    # preload off: axe would fetch the stylesheets again, which the map's CSP refuses
    options = {"resultTypes": ["violations"], "preload": False}
    violations = axe.Axe().run(seen.page, options=options).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
