"""The GeoPackage's layers and its QGIS ``layer_styles``: read back, they are the atlas's maps."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyogrio
import pytest

from izmir_maps.export import write_export
from izmir_maps.export.gpkg import SOURCE_DATE
from izmir_maps.export.qgis_style import style_classes
from izmir_maps.spec.map_spec import choropleth_spec

# The columns of QGIS's own layer_styles table (QgsOgrProvider saveStyle, GeoPackage).
QGIS_COLUMNS = [
    "id",
    "f_table_catalog",
    "f_table_schema",
    "f_table_name",
    "f_geometry_column",
    "styleName",
    "styleQML",
    "styleSLD",
    "useAsDefault",
    "description",
    "owner",
    "ui",
    "update_time",
]
SE = {"se": "http://www.opengis.net/se", "ogc": "http://www.opengis.net/ogc"}


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory) -> Path:
    return write_export(tmp_path_factory.mktemp("gpkg") / "izmir.gpkg")[0]


@pytest.fixture(scope="module")
def styles(gpkg: Path) -> dict[str, dict]:
    with sqlite3.connect(gpkg) as db:
        db.row_factory = sqlite3.Row
        return {r["styleName"]: dict(r) for r in db.execute("SELECT * FROM layer_styles")}


def _rgb(color: str) -> str:
    return ",".join(str(int(color[i : i + 2], 16)) for i in (1, 3, 5)) + ",255"


def test_layers(gpkg: Path) -> None:
    layers = {name: kind for name, kind in pyogrio.list_layers(gpkg)}
    assert layers == {
        "districts": "MultiPolygon",
        "osb": "Point",
        "wind_2009": "Point",
        "wind_farms": "Point",
        "layer_styles": None,
    }
    districts = pyogrio.read_dataframe(gpkg, layer="districts")
    assert len(districts) == 30 and districts.crs.to_epsg() == 4326
    aliaga = districts.set_index("district").loc["Aliağa"]
    assert aliaga["employees"] == 27225 and aliaga["employees_rank"] == 9
    assert len(pyogrio.read_dataframe(gpkg, layer="osb")) == 19


def test_layer_styles_table_is_qgis_s(gpkg: Path, styles) -> None:
    with sqlite3.connect(gpkg) as db:
        columns = [r[1] for r in db.execute("PRAGMA table_info(layer_styles)")]
        contents = dict(db.execute("SELECT table_name, data_type FROM gpkg_contents"))
    assert columns == QGIS_COLUMNS
    assert contents["layer_styles"] == "attributes"
    defaults = [(row["f_table_name"], name) for name, row in styles.items() if row["useAsDefault"]]
    assert defaults == [("districts", "employees"), ("osb", "osb"), ("wind_farms", "wind_farms")]
    row = styles["employees"]
    assert (row["f_table_name"], row["f_geometry_column"]) == ("districts", "geom")
    assert row["update_time"].startswith(SOURCE_DATE[:10])
    assert row["description"].startswith("Çalışan sayısı (SGK, 2008)")
    assert {"employees_share", "exports_usd_per_capita", "wind_capacity_mw"} <= set(styles)
    assert len(styles) == 62  # 60 indicators, the OSB and wind-farm markers


def test_marker_layers_styled_as_the_atlas_markers(styles) -> None:
    root = ET.fromstring(styles["osb"]["styleQML"].split("\n", 1)[1])
    renderer = root.find("renderer-v2")
    assert (renderer.get("type"), renderer.get("attr")) == ("categorizedSymbol", "kind")
    categories = [(c.get("value"), c.get("label")) for c in renderer.iter("category")]
    assert categories[0] == ("osb", "Organize sanayi bölgesi (OSB)")
    assert [c[0] for c in categories] == [
        "osb",
        "agricultural_osb",
        "free_zone",
        "private_industrial_zone",
    ]
    shapes = [o.get("value") for o in renderer.iter("Option") if o.get("name") == "name"]
    assert shapes == ["circle", "circle", "square", "diamond"]
    farms = ET.fromstring(styles["wind_farms"]["styleSLD"].encode("utf-8"))
    assert [e.text for e in farms.iter("{http://www.opengis.net/ogc}Literal")] == [
        "sourced",
        "approximate",
    ]


def test_qml_ranges_and_colours_are_the_spec_s(styles) -> None:
    spec = choropleth_spec("employees", boundaries="current")
    root = ET.fromstring(styles["employees"]["styleQML"].split("\n", 1)[1])
    renderer = root.find("renderer-v2")
    assert renderer.get("type") == "graduatedSymbol" and renderer.get("attr") == "employees"
    ranges = [
        (float(r.get("lower")), float(r.get("upper")), r.get("label"))
        for r in renderer.iter("range")
    ]
    assert ranges == [
        (474.0, 6037.0, "474 – 6.037"),
        (6037.0, 15036.0, "7.159 – 15.036"),
        (15036.0, 47504.0, "27.225 – 47.504"),
        (47504.0, 117713.0, "117.713"),
        (117713.0, 199310.0, "199.310"),
    ]
    fills = [
        next(o.get("value") for o in s.iter("Option") if o.get("name") == "color")
        for s in renderer.find("symbols")
    ]
    legend = spec.legend.sections[0].classes
    assert fills == [_rgb(c.color) for c in legend]
    assert [r[2] for r in ranges] == [c.label for c in legend]


def test_no_data_class_as_an_else_rule(styles) -> None:
    spec = choropleth_spec("wind_capacity_mw", boundaries="current")
    root = ET.fromstring(styles["wind_capacity_mw"]["styleQML"].split("\n", 1)[1])
    renderer = root.find("renderer-v2")
    assert renderer.get("type") == "RuleRenderer"
    rules = [(r.get("label"), r.get("filter")) for r in renderer.iter("rule")]
    classes = spec.legend.sections[0].classes
    assert [label for label, _ in rules] == [c.label for c in classes]
    assert rules[-1] == ("Veri yok", "ELSE")
    assert rules[0][1].startswith('"wind_capacity_mw" >= ')


def test_sld_rules_and_fills_are_the_spec_s(styles) -> None:
    spec = choropleth_spec("employees", boundaries="current")
    root = ET.fromstring(styles["employees"]["styleSLD"].encode("utf-8"))
    rules = root.findall(".//se:Rule", SE)
    classes = style_classes(spec)
    assert [r.find("se:Name", SE).text for r in rules] == [c.label for c in classes]
    fills = [r.find(".//se:Fill/se:SvgParameter", SE).text for r in rules]
    assert fills == [c.color for c in classes]
    first = rules[0].find("ogc:Filter/ogc:And", SE)
    assert first[0].tag.endswith("PropertyIsGreaterThanOrEqualTo")
    assert [e.find("ogc:Literal", SE).text for e in first] == ["474", "6037"]
    second = rules[1].find("ogc:Filter/ogc:And", SE)
    assert second[0].tag.endswith("PropertyIsGreaterThan")


def test_english_labels(tmp_path: Path) -> None:
    path = write_export(tmp_path / "en.gpkg", lang="en")[0]
    with sqlite3.connect(path) as db:
        qml = db.execute("SELECT styleQML FROM layer_styles WHERE styleName='employees'").fetchone()
    assert 'label="474 – 6,037"' in qml[0]


def test_same_data_same_bytes(gpkg: Path, tmp_path: Path) -> None:
    again = write_export(tmp_path / "izmir.gpkg")[0]
    assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(gpkg.read_bytes()).digest()


_QGIS_SCRIPT = """
import json, os, sys
from qgis.core import QgsApplication, QgsVectorLayer
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(sys.argv[1] + "|layername=districts", "districts", "ogr")
message, ok = layer.loadDefaultStyle()
renderer = layer.renderer()
ranges = [[r.lowerValue(), r.upperValue(), r.label(), r.symbol().color().name()]
          for r in renderer.ranges()]
count = layer.listStylesInDatabase()[0]
osb = QgsVectorLayer(sys.argv[1] + "|layername=osb", "osb", "ogr")
osb.loadDefaultStyle()
kinds = [c.value() for c in osb.renderer().categories()]
print(json.dumps({"valid": layer.isValid(), "ok": ok, "type": renderer.type(),
                  "attr": renderer.classAttribute(), "ranges": ranges, "styles": count,
                  "osb": [osb.renderer().type(), kinds]}),
      flush=True)
os._exit(0)  # QGIS's own teardown may crash after the answer is out (QGIS 3.22)
"""


def _python_with_qgis() -> str | None:
    """This interpreter if it imports qgis.core, else Debian's python3 with python3-qgis."""
    for python in (sys.executable, "/usr/bin/python3"):
        if not Path(python).exists():
            continue
        probe = subprocess.run(
            [python, "-c", "import qgis.core"], capture_output=True, check=False, timeout=60
        )
        if probe.returncode == 0:
            return python
    return None


def test_qgis_loads_the_default_style(gpkg: Path) -> None:
    python = _python_with_qgis()
    if python is None:
        pytest.skip(
            "QGIS's Python bindings are not installed (Debian: apt-get install python3-qgis); "
            "the styles are checked as XML above"
        )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [python, "-c", _QGIS_SCRIPT, str(gpkg)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env=env,
    )
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    spec = choropleth_spec("employees", boundaries="current")
    expected = [[c.lower, c.upper, c.label, c.color] for c in style_classes(spec)]
    assert seen == {
        "valid": True,
        "ok": True,
        "type": "graduatedSymbol",
        "attr": "employees",
        "ranges": expected,
        "styles": 60,  # the styles QGIS lists for the districts layer
        "osb": [
            "categorizedSymbol",
            ["osb", "agricultural_osb", "free_zone", "private_industrial_zone"],
        ],
    }
