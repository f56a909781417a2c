"""Colours and marker shapes of the HTML maps (the shared look is in :mod:`izmir_maps.spec.style`)."""

from __future__ import annotations

import re

from izmir_maps.spec.style import FARM_COLOR, KIND_COLORS, NO_DATA_COLOR

__all__ = [
    "FARM_COLOR",
    "KIND_COLORS",
    "KIND_TEXT",
    "PLAIN_FILL",
    "PLAIN_LINE",
    "SHAPES",
    "safe_color",
]

#: Interface text (key of :mod:`izmir_maps.text.words`) of each known OSB ``kind``.
KIND_TEXT: dict[str, str] = {
    "osb": "osb_short",
    "agricultural_osb": "agricultural_osb",
    "free_zone": "free_zone",
    "private_industrial_zone": "private_industrial_zone",
}
#: District fill and border where no choropleth is shown.
PLAIN_FILL = "#fbfaf7"
PLAIN_LINE = {"color": "#a39e93", "weight": 0.8}

_SVG = '<svg viewBox="0 0 16 16" width="18" height="18">{}</svg>'
#: Static marker shapes (no data inside); CSS colours them per kind and location quality.
SHAPES: dict[str, str] = {
    "osb": _SVG.format('<circle cx="8" cy="8" r="6"/>'),
    "agricultural_osb": _SVG.format('<circle cx="8" cy="8" r="6"/>'),
    "free_zone": _SVG.format('<rect x="2.5" y="2.5" width="11" height="11"/>'),
    "private_industrial_zone": _SVG.format('<path d="M8 1.2 14.8 8 8 14.8 1.2 8Z"/>'),
    "other": _SVG.format('<path d="M8 2 14 13H2Z"/>'),
    "farm": (
        '<svg viewBox="0 0 14 14" width="14" height="14"><path d="M7 1.5 12.8 12H1.2Z"/></svg>'
    ),
}

_HEX = re.compile(r"^#[0-9a-fA-F]{3,8}$")


def safe_color(color: str) -> str:
    """``color`` if it is a hex colour (safe inside a style attribute), else the no-data grey.

    Examples
    --------
    >>> safe_color("#08519c"), safe_color("red;background:url(x)")
    ('#08519c', '#d9d9d9')
    """
    return color if isinstance(color, str) and _HEX.match(color) else NO_DATA_COLOR
