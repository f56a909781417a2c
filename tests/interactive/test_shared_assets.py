"""The atlas's maps share one minified copy of the page script and stylesheet (issue 16).

``write_shared_assets`` writes ``map.min.js`` and ``map.min.css`` beside Leaflet, minified
from the readable ``assets/map.js`` and ``map.css``; pages with ``assets="shared"`` link
them, a self-contained page keeps them inline.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from izmir_maps.interactive._assets import (
    asset_text,
    page_css,
    page_css_min,
    page_js,
    page_js_min,
)
from izmir_maps.interactive.render import AtlasLinks, render_html, write_html, write_shared_assets
from izmir_maps.spec.map_spec import choropleth_spec

ALIAGA = "TUR035001"


@pytest.fixture(scope="module")
def spec():
    return choropleth_spec("employees")


def test_the_minified_script_is_javascript(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    path = tmp_path / "map.min.js"
    path.write_text(page_js_min(), encoding="utf-8")
    done = subprocess.run([node, "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_minified_files_are_smaller_and_keep_every_statement() -> None:
    js, css = page_js_min(), page_css_min()
    assert len(js) < 0.85 * len(page_js())
    assert len(css) <= len(page_css())
    assert "/*" not in js and "/*" not in css  # comments go
    # no name is renamed: every function of the source is still there by its name
    names = set(re.findall(r"function (\w+)\(", asset_text("map.js")))
    assert len(names) > 30
    assert names == set(re.findall(r"function (\w+)\(", js))
    assert js.startswith("(function(){") and js.endswith("\n")


def test_written_once_and_the_same_bytes_every_time(tmp_path: Path) -> None:
    first = write_shared_assets(tmp_path / "a")
    second = write_shared_assets(tmp_path / "b")
    assert [p.name for p in first] == ["leaflet.js", "leaflet.css", "map.min.js", "map.min.css"]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert (tmp_path / "a" / "map.min.js").read_text(encoding="utf-8") == page_js_min()


def test_a_shared_page_runs_no_inline_script(spec) -> None:
    page = render_html(spec, assets="shared", atlas=AtlasLinks()).html
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "script-src 'self' file:;" in policy  # no hash: nothing inline may run
    scripts = re.findall(r"<script([^>]*)>", page)
    assert scripts == [
        ' type="application/json" id="izm-data"',
        ' src="../assets/leaflet.js"',
        ' src="../assets/map.min.js"',
    ]
    assert "<style" not in page


def test_a_page_on_its_own_keeps_them_inline(spec) -> None:
    page = render_html(spec).html
    assert f"<style>{page_css_min()}</style>" in page  # minified, as the atlas's shared files
    assert page.endswith(f"<script>{page_js_min()}</script>\n</body>\n</html>\n")
    assert "map.min" not in page


@pytest.mark.browser
@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}]
)
def test_an_atlas_page_works_with_the_shared_files(
    spec, tmp_path: Path, open_page, viewport: dict
) -> None:
    write_shared_assets(tmp_path / "assets")
    path = write_html(
        spec, tmp_path / "maps" / "employees.html", assets="shared", atlas=AtlasLinks()
    )
    seen = open_page(path.as_uri(), viewport=viewport, ready="window.izmirMap !== undefined")
    page = seen.page
    assert page.locator("path.izm-district").count() == 30
    assert page.locator(".izm-missing").is_hidden()  # the shared files were found
    assert "474 – 6.037" in page.locator("#izm-legend").inner_text()
    # styled by map.min.css: the legend is a box, the screen-reader text hidden
    assert page.locator("#izm-desc").bounding_box()["width"] <= 1
    label = page.locator(f"path.izm-{ALIAGA}").get_attribute("aria-label")
    assert label == "Aliağa: 27.225 kişi, %4,14, 9./30"  # composed by the script
    page.get_by_role("combobox", name="İlçe ara").fill("cigli")
    assert page.locator(".izm-list li").all_inner_texts() == ["Çiğli"]
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content h3").wait_for()
    assert page.locator(".leaflet-popup-content h3").inner_text() == "Çiğli"
    assert all(url.startswith("file:") for url in seen.requests)
