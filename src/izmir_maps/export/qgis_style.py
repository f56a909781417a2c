"""QGIS styles (QML and SLD) of a choropleth spec: the atlas map's classes, colours and labels.

Nothing is classified here: the class edges are the spec's
:class:`~izmir_maps.spec.classify.Classification` bins, the colours and labels
its legend plan's :class:`~izmir_maps.spec.legend.ClassesSection`. A class
holds the values above the previous edge up to and including its own, the
first class also its lowest value (mapclassify's rule, and QGIS's for a
graduated renderer). A map without missing values gets a graduated renderer;
one with a "no data" class a rule-based renderer (the classes as rules, then
``ELSE`` in the no-data grey), because QGIS's graduated renderer draws no
feature whose value is NULL.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import numpy as np

from izmir_maps.spec.legend import ClassesSection
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.style import DISTRICT_LINE

__all__ = ["StyleClass", "qml", "sld", "style_classes"]

_QGIS_VERSION = "3.34.0-Prizren"
_OUTLINE_MM = "0.26"
_SLD_NS = {
    "xmlns": "http://www.opengis.net/sld",
    "xmlns:ogc": "http://www.opengis.net/ogc",
    "xmlns:se": "http://www.opengis.net/se",
    "xmlns:xlink": "http://www.w3.org/1999/xlink",
    "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "xsi:schemaLocation": "http://www.opengis.net/sld "
    "http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd",
    "version": "1.1.0",
}


@dataclass(frozen=True)
class StyleClass:
    """One class of the style: ``lower < value <= upper`` (the first class ``>=``).

    ``lower`` and ``upper`` are ``None`` for the no-data class.
    """

    lower: float | None
    upper: float | None
    color: str
    label: str

    @property
    def no_data(self) -> bool:
        """Whether this is the class of missing values."""
        return self.upper is None


def style_classes(spec: MapSpec) -> list[StyleClass]:
    """The classes of ``spec``'s legend with the edges of its classification.

    Examples
    --------
    >>> from izmir_maps.spec.map_spec import choropleth_spec
    >>> first = style_classes(choropleth_spec("employees"))[0]
    >>> first.lower, first.upper, first.color, first.label
    (474.0, 6037.0, '#eff3ff', '474 – 6.037')
    """
    section = spec.legend.section(ClassesSection) if spec.classification else None
    if section is None:
        msg = f"Map {spec.slug!r} has no choropleth classes to style."
        raise ValueError(msg)
    bins = spec.classification.bins
    # the first class starts at the lowest value (as Classification.ranges says), or its edge
    lower = min(float(np.nanmin(spec.classification.values.to_numpy(dtype=float))), bins[0])
    out = []
    for i, item in enumerate(section.classes):
        if item.no_data:
            out.append(StyleClass(None, None, item.color, item.label))
            continue
        out.append(StyleClass(float(lower), float(bins[i]), item.color, item.label))
        lower = bins[i]
    return out


def qml(spec: MapSpec, column: str) -> str:
    """The QGIS style (``.qml``) of ``spec`` for the layer's column ``column``."""
    classes = style_classes(spec)
    root = ET.Element("qgis", {"version": _QGIS_VERSION, "styleCategories": "Symbology|Labeling"})
    if any(c.no_data for c in classes):
        renderer = _rule_renderer(root, classes, column)
    else:
        renderer = _graduated_renderer(root, classes, column)
    symbols = ET.SubElement(renderer, "symbols")
    for i, item in enumerate(classes):
        _fill_symbol(symbols, str(i), item.color)
    _labeling(root)
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body + "\n"


def sld(spec: MapSpec, column: str, *, layer: str, name: str) -> str:
    """The OGC SLD 1.1 (Symbology Encoding) style of ``spec`` for ``column`` of ``layer``."""
    root = ET.Element("StyledLayerDescriptor", _SLD_NS)
    named = ET.SubElement(root, "NamedLayer")
    ET.SubElement(named, "se:Name").text = layer
    user = ET.SubElement(named, "UserStyle")
    ET.SubElement(user, "se:Name").text = name
    fts = ET.SubElement(user, "se:FeatureTypeStyle")
    for i, item in enumerate(style_classes(spec)):
        rule = ET.SubElement(fts, "se:Rule")
        ET.SubElement(rule, "se:Name").text = item.label
        ET.SubElement(ET.SubElement(rule, "se:Description"), "se:Title").text = item.label
        _sld_filter(ET.SubElement(rule, "ogc:Filter"), item, column, first=i == 0)
        polygon = ET.SubElement(rule, "se:PolygonSymbolizer")
        fill = ET.SubElement(polygon, "se:Fill")
        ET.SubElement(fill, "se:SvgParameter", {"name": "fill"}).text = item.color
        stroke = ET.SubElement(polygon, "se:Stroke")
        for key, value in (
            ("stroke", DISTRICT_LINE["color"]),
            ("stroke-width", "1"),
            ("stroke-linejoin", "bevel"),
        ):
            ET.SubElement(stroke, "se:SvgParameter", {"name": key}).text = str(value)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- QML parts ----------------------------------------------------------------------------------


def _graduated_renderer(root: ET.Element, classes: list[StyleClass], column: str) -> ET.Element:
    renderer = ET.SubElement(
        root,
        "renderer-v2",
        {
            "type": "graduatedSymbol",
            "attr": column,
            "graduatedMethod": "GraduatedColor",
            "symbollevels": "0",
            "enableorderby": "0",
            "forceraster": "0",
        },
    )
    ranges = ET.SubElement(renderer, "ranges")
    for i, item in enumerate(classes):
        ET.SubElement(
            ranges,
            "range",
            {
                "lower": _number(item.lower),
                "upper": _number(item.upper),
                "label": item.label,
                "symbol": str(i),
                "render": "true",
                "uuid": f"izm-{i}",
            },
        )
    ET.SubElement(renderer, "mode", {"name": "manual"})
    return renderer


def _rule_renderer(root: ET.Element, classes: list[StyleClass], column: str) -> ET.Element:
    renderer = ET.SubElement(
        root,
        "renderer-v2",
        {"type": "RuleRenderer", "symbollevels": "0", "enableorderby": "0", "forceraster": "0"},
    )
    rules = ET.SubElement(renderer, "rules", {"key": "izm-root"})
    for i, item in enumerate(classes):
        ET.SubElement(
            rules,
            "rule",
            {
                "key": f"izm-{i}",
                "symbol": str(i),
                "label": item.label,
                "filter": _expression(item, column, first=i == 0),
            },
        )
    return renderer


def _expression(item: StyleClass, column: str, *, first: bool) -> str:
    """A QGIS expression selecting the class (``ELSE`` for no data)."""
    if item.no_data:
        return "ELSE"
    field = '"' + column.replace('"', '""') + '"'
    low = ">=" if first else ">"
    return f"{field} {low} {_number(item.lower)} AND {field} <= {_number(item.upper)}"


def _fill_symbol(parent: ET.Element, name: str, color: str) -> None:
    symbol = ET.SubElement(
        parent,
        "symbol",
        {
            "type": "fill",
            "name": name,
            "alpha": "1",
            "clip_to_extent": "1",
            "force_rhr": "0",
            "frame_rate": "10",
            "is_animated": "0",
        },
    )
    layer = ET.SubElement(
        symbol, "layer", {"class": "SimpleFill", "enabled": "1", "locked": "0", "pass": "0"}
    )
    props = {
        "color": _rgba(color),
        "outline_color": _rgba(DISTRICT_LINE["color"]),
        "outline_style": "solid",
        "outline_width": _OUTLINE_MM,
        "outline_width_unit": "MM",
        "style": "solid",
        "joinstyle": "bevel",
    }
    _symbol_props(layer, props)


def _symbol_props(layer: ET.Element, props: dict[str, str]) -> None:
    """A symbol layer's properties, as QGIS 3.26+ writes them and as older versions read them."""
    option = ET.SubElement(layer, "Option", {"type": "Map"})
    for key, value in props.items():
        ET.SubElement(option, "Option", {"type": "QString", "name": key, "value": value})
    for key, value in props.items():  # QGIS before 3.26 reads these
        ET.SubElement(layer, "prop", {"k": key, "v": value})


def _labeling(root: ET.Element) -> None:
    """District names as labels, as on the atlas maps."""
    labeling = ET.SubElement(root, "labeling", {"type": "simple"})
    settings = ET.SubElement(labeling, "settings", {"calloutType": "simple"})
    ET.SubElement(
        settings,
        "text-style",
        {
            "fieldName": "district",
            "isExpression": "0",
            "fontFamily": "DejaVu Sans",
            "fontSize": "8",
            "fontSizeUnit": "Point",
            "textColor": "34,34,34,255",
            "textOpacity": "1",
            "namedStyle": "Book",
        },
    )
    ET.SubElement(settings, "text-buffer", {"bufferDraw": "1", "bufferSize": "0.8"})
    ET.SubElement(settings, "placement", {"placement": "0"})
    ET.SubElement(settings, "rendering", {"obstacle": "1", "drawLabels": "1"})


# --- SLD parts ----------------------------------------------------------------------------------


def _sld_filter(parent: ET.Element, item: StyleClass, column: str, *, first: bool) -> None:
    if item.no_data:
        null = ET.SubElement(parent, "ogc:PropertyIsNull")
        ET.SubElement(null, "ogc:PropertyName").text = column
        return
    both = ET.SubElement(parent, "ogc:And")
    low = "ogc:PropertyIsGreaterThanOrEqualTo" if first else "ogc:PropertyIsGreaterThan"
    for tag, value in ((low, item.lower), ("ogc:PropertyIsLessThanOrEqualTo", item.upper)):
        compare = ET.SubElement(both, tag)
        ET.SubElement(compare, "ogc:PropertyName").text = column
        ET.SubElement(compare, "ogc:Literal").text = _number(value)


# --- values -------------------------------------------------------------------------------------


def _number(value: float | None) -> str:
    """A class edge as QGIS and SLD read it: ``6037``, ``4.136``; never ``nan``."""
    if value is None or not math.isfinite(value):
        msg = f"A class edge must be a finite number, not {value!r}."
        raise ValueError(msg)
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _rgba(color: str) -> str:
    """``#rrggbb`` as QGIS writes a colour: ``r,g,b,255``."""
    h = color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return ",".join(str(int(h[i : i + 2], 16)) for i in (0, 2, 4)) + ",255"
