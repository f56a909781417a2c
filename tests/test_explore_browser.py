"""explore() pages and saved folium maps in headless Chromium, with the network blocked."""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

import izmir_maps as im
from izmir_maps.spec.map_spec import choropleth_spec

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 800}
SHOTS = Path(os.environ.get("IZMIR_SHOTS", "/tmp/izmir_shots"))
SHAPES = "document.querySelectorAll('path.leaflet-interactive').length"


def _hover_first(visit) -> str:
    page = visit.page
    box = page.locator("path.leaflet-interactive").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(".leaflet-tooltip")
    return page.inner_text(".leaflet-tooltip")


def test_saved_folium_map_draws_30_districts_offline(open_page, tmp_path: Path) -> None:
    path = im.save_folium(
        im.render_html(choropleth_spec("employees")).to_folium(), tmp_path / "employees.html"
    )
    visit = open_page(path.as_uri(), viewport=VIEWPORT, ready=f"{SHAPES} === 30")
    assert visit.page.evaluate(SHAPES) == 30
    assert visit.requests == [path.as_uri()]  # the page itself and nothing else
    assert visit.page.inner_text(".izm-fl-legend").count("ilçe") >= 5
    SHOTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(SHOTS / "folium-employees.png"))


def test_explore_page_of_a_frame_in_utm(open_page, tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(
        {"parsel": ["P1", "P2", "P3"], "alan": [1200.5, 5300.0, None]},
        geometry=[shapely.box(27 + i / 10, 38, 27.1 + i / 10, 38.1) for i in range(3)],
        crs=4326,
    ).to_crs(32635)
    path = im.explore(frame, "alan", unit="m²").save(tmp_path / "parseller.html")
    visit = open_page(path.as_uri(), viewport=VIEWPORT, ready=f"{SHAPES} >= 3")
    assert visit.requests == [path.as_uri()]
    assert "1.200,50 m²" in _hover_first(visit)
    SHOTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(SHOTS / "explore-utm.png"))
