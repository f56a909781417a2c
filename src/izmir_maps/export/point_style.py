"""QGIS styles (QML and SLD) of the marker layers: OSBs by kind, wind farms by location.

The categories and their labels are the legend plan's symbol entries of the
OSB and wind maps; colours and shapes those of the atlas's markers (filled
where the position is sourced, hollow where approximate for the farms).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from izmir_maps.export.qgis_style import _QGIS_VERSION, _SLD_NS, _rgba, _symbol_props
from izmir_maps.spec.legend import SymbolSection
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import FARM_COLOR, KIND_COLORS

__all__ = ["Category", "farm_categories", "osb_categories", "point_qml", "point_sld"]

#: The atlas's marker shape of each OSB kind, as QGIS's simple-marker names.
_SHAPES = {
    "osb": "circle",
    "agricultural_osb": "circle",
    "free_zone": "square",
    "private_industrial_zone": "diamond",
    "farm": "triangle",
}
_SIZE_MM = "3.2"


@dataclass(frozen=True)
class Category:
    """One category of a point layer: the value of its column, and how it is drawn."""

    value: str
    label: str
    fill: str
    stroke: str
    shape: str


def osb_categories(spec: MapSpec) -> list[Category]:
    """The OSB kinds of the OSB map's legend (column ``kind``)."""
    section = spec.legend.section(SymbolSection, "osb")
    return [
        Category(e.symbol, e.label, KIND_COLORS[e.symbol], KIND_COLORS[e.symbol], _SHAPES[e.symbol])
        for e in section.kinds
    ]


def farm_categories(spec: MapSpec) -> list[Category]:
    """The wind farms' location entries of the wind map's legend (column ``location``)."""
    section = spec.legend.section(SymbolSection, "farms")
    return [
        Category(
            e.location,
            e.label,
            FARM_COLOR if e.location == "sourced" else "#ffffff",
            FARM_COLOR,
            "triangle",
        )
        for e in section.locations
    ]


def point_qml(categories: list[Category], column: str) -> str:
    """A categorized QGIS style of ``column``."""
    root = ET.Element("qgis", {"version": _QGIS_VERSION, "styleCategories": "Symbology"})
    renderer = ET.SubElement(
        root,
        "renderer-v2",
        {
            "type": "categorizedSymbol",
            "attr": column,
            "symbollevels": "0",
            "enableorderby": "0",
            "forceraster": "0",
        },
    )
    found = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    for i, item in enumerate(categories):
        ET.SubElement(
            found,
            "category",
            {"value": item.value, "label": item.label, "symbol": str(i), "render": "true"},
        )
        _marker_symbol(symbols, str(i), item)
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body + "\n"


def point_sld(categories: list[Category], column: str, *, layer: str) -> str:
    """The OGC SLD 1.1 style of the categories (a rule per value)."""
    root = ET.Element("StyledLayerDescriptor", _SLD_NS)
    named = ET.SubElement(root, "NamedLayer")
    ET.SubElement(named, "se:Name").text = layer
    user = ET.SubElement(named, "UserStyle")
    ET.SubElement(user, "se:Name").text = layer
    fts = ET.SubElement(user, "se:FeatureTypeStyle")
    for item in categories:
        rule = ET.SubElement(fts, "se:Rule")
        ET.SubElement(rule, "se:Name").text = item.label
        equal = ET.SubElement(ET.SubElement(rule, "ogc:Filter"), "ogc:PropertyIsEqualTo")
        ET.SubElement(equal, "ogc:PropertyName").text = column
        ET.SubElement(equal, "ogc:Literal").text = item.value
        graphic = ET.SubElement(ET.SubElement(rule, "se:PointSymbolizer"), "se:Graphic")
        mark = ET.SubElement(graphic, "se:Mark")
        ET.SubElement(mark, "se:WellKnownName").text = item.shape
        fill = ET.SubElement(mark, "se:Fill")
        ET.SubElement(fill, "se:SvgParameter", {"name": "fill"}).text = item.fill
        stroke = ET.SubElement(mark, "se:Stroke")
        ET.SubElement(stroke, "se:SvgParameter", {"name": "stroke"}).text = item.stroke
        ET.SubElement(graphic, "se:Size").text = "11"
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _marker_symbol(parent: ET.Element, name: str, item: Category) -> None:
    symbol = ET.SubElement(
        parent,
        "symbol",
        {"type": "marker", "name": name, "alpha": "1", "clip_to_extent": "1", "force_rhr": "0"},
    )
    layer = ET.SubElement(
        symbol, "layer", {"class": "SimpleMarker", "enabled": "1", "locked": "0", "pass": "0"}
    )
    props = {
        "name": item.shape,
        "color": _rgba(item.fill),
        "outline_color": _rgba(item.stroke),
        "outline_style": "solid",
        "outline_width": "0.5",
        "outline_width_unit": "MM",
        "size": _SIZE_MM,
        "size_unit": "MM",
    }
    _symbol_props(layer, props)
