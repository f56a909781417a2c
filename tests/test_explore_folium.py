"""``.to_folium()`` and ``save_folium``: the same map as a folium.Map, saved to open offline."""

from __future__ import annotations

import re
from pathlib import Path

import folium
import folium.plugins
import pytest

import izmir_maps as im
from izmir_maps.folium_map import legend_html, make_offline, render_folium
from izmir_maps.interactive._payload import build_payload
from izmir_maps.spec.map_spec import choropleth_spec, combined_spec

FOLIUM_CDN = ("jquery", "bootstrap", "fontawesome", "awesome-markers", "glyphicons", "cdn.jsdelivr")


def _districts_layer(m: folium.Map) -> folium.GeoJson:
    layers = [c for c in m._children.values() if isinstance(c, folium.GeoJson) and c.control]
    assert len(layers) == 1
    return layers[0]


def _markers(m: folium.Map) -> list[folium.CircleMarker]:
    groups = [c for c in m._children.values() if isinstance(c, folium.FeatureGroup)]
    return [c for g in groups for c in g._children.values() if isinstance(c, folium.CircleMarker)]


@pytest.fixture(scope="module")
def employees() -> im.MapSpec:
    return choropleth_spec("employees")


def test_same_fills_and_tooltips_as_our_page(employees) -> None:
    m = im.render_html(employees).to_folium()
    assert isinstance(m, folium.Map)
    features = _districts_layer(m).data["features"]
    payload = build_payload(employees).data["d"]
    assert [f["properties"]["fill"] for f in features] == [d["c"] for d in payload]
    aliaga = next(f["properties"] for f in features if f["properties"]["name"] == "Aliağa")
    assert aliaga["fill"] == "#6baed6"
    cells = re.findall(r"<t[hd]>(.*?)</t[hd]>", aliaga["tip"])
    assert cells == [
        "Çalışan sayısı (SGK, 2008)",
        "27.225 kişi",
        "İzmir içindeki payı",
        "%4,14",
        "Sıra",
        "9./30",
    ]


def test_legend_from_the_legend_plan(employees) -> None:
    legend = legend_html(employees)
    for item in employees.legend.sections[0].classes:
        assert f"background:{item.color}" in legend
        assert item.label in legend
    assert "474 – 6.037" in legend and "14 ilçe" in legend
    assert legend.count("Çalışan sayısı (SGK, 2008), kişi") == 1  # the title, said once


def test_markers_of_the_combined_map() -> None:
    spec = combined_spec()
    m = im.render_html(spec).to_folium()
    markers = _markers(m)
    assert len(markers) == len(spec.osbs) + 1 + len(spec.wind_farms)  # 19 OSBs, Aliağa, 11 farms
    farms = [g for g in m._children.values() if isinstance(g, folium.FeatureGroup)][-1]
    assert farms.show is False  # off at start, as on our page
    assert any(isinstance(c, folium.LayerControl) for c in m._children.values())


def test_names_are_escaped(employees) -> None:
    spec = choropleth_spec("employees")
    spec.districts.loc[spec.districts["pcode"] == "TUR035005", "district"] = "<b>x</b>`${1}`"
    tips = [
        f["properties"]["tip"]
        for f in _districts_layer(im.render_html(spec).to_folium()).data["features"]
    ]
    hostile = next(t for t in tips if "x" in t and "&lt;b&gt;" in t)
    assert "<b>x" not in hostile and "`" not in hostile and "${" not in hostile


def test_plain_to_folium_is_a_normal_folium_map(employees) -> None:
    html = im.render_html(employees).to_folium().get_root().render()
    assert "cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in html  # folium's own default


def test_saved_offline_inlines_leaflet_and_drops_folium_cdn(employees, tmp_path: Path) -> None:
    path = im.save_folium(im.render_html(employees).to_folium(), tmp_path / "m.html")
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)\b[^>]*(src|href)=", html)
    assert "/* @preserve" in html  # Leaflet itself
    for name in FOLIUM_CDN:
        assert name not in html.lower()


def test_to_folium_offline_then_plain_save(employees, tmp_path: Path) -> None:
    m = im.render_html(employees).to_folium(offline=True)
    m.save(str(tmp_path / "m.html"))
    assert "<script src=" not in (tmp_path / "m.html").read_text(encoding="utf-8")
    assert make_offline(m) is m  # twice is once


def test_same_map_same_bytes(employees, tmp_path: Path) -> None:
    a = im.save_folium(im.render_html(employees).to_folium(), tmp_path / "a.html")
    b = im.save_folium(im.render_html(employees).to_folium(), tmp_path / "b.html")
    assert a.read_bytes() == b.read_bytes()


def test_user_layers_survive_and_a_plugin_needing_the_network_warns(employees, tmp_path) -> None:
    m = im.render_html(employees).to_folium()
    folium.CircleMarker([38.4189, 27.1287], radius=9, tooltip="Konak Meydanı").add_to(m)
    html = im.save_folium(m, tmp_path / "m.html").read_text(encoding="utf-8")
    assert "Konak Meydan" in html
    folium.plugins.MarkerCluster().add_to(m)
    with pytest.warns(UserWarning, match=r"loaded from the network \(https://"):
        im.save_folium(m, tmp_path / "m2.html")


def test_explore_frame_to_folium() -> None:
    import geopandas as gpd
    import shapely

    frame = gpd.GeoDataFrame(
        {"ad": ["A", "B", "C"], "v": [1.0, 2.0, None]},
        geometry=[shapely.box(27 + i / 10, 38, 27.1 + i / 10, 38.1) for i in range(3)],
        crs=4326,
    )
    m = im.explore(frame, "v").to_folium()
    fills = [f["properties"]["fill"] for f in _districts_layer(m).data["features"]]
    assert fills[2] == "#d9d9d9"  # no data
    assert render_folium(m).count("izm-fl-legend") >= 1


def test_hatched_districts_get_a_dashed_outline(employees) -> None:
    features = _districts_layer(im.render_html(employees).to_folium()).data["features"]
    marked = sorted(f["properties"]["name"] for f in features if f["properties"]["mark"])
    assert marked == ["Bayraklı", "Karabağlar"]  # new in 2008, hatched on our page
    assert "border:2px dashed #252525" in legend_html(employees)
