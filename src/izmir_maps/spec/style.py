"""One look for every map, interactive and static: colours, lines, symbols, fonts."""

from __future__ import annotations

import math

from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = [
    "BOUNDARY_CHANGE_COLOR",
    "DISTRICT_LINE",
    "FONT_FAMILY",
    "HIGHLIGHT_LINE",
    "LAND_COLOR",
    "NO_DATA_COLOR",
    "OSB_COLOR",
    "PROPOSED_WIND_COLOR",
    "PROVINCE_LINE",
    "SEA_COLOR",
    "WIND_COLOR",
    "WIND_MAX_RADIUS_PX",
    "attribution",
    "wind_radius",
]

NO_DATA_COLOR = "#d9d9d9"
SEA_COLOR = "#dfeaf2"
LAND_COLOR = "#f2efe9"
DISTRICT_LINE = {"color": "#ffffff", "weight": 0.8}
PROVINCE_LINE = {"color": "#4d4d4d", "weight": 1.4}
HIGHLIGHT_LINE = {"color": "#222222", "weight": 2.5}
OSB_COLOR = "#b2182b"
WIND_COLOR = "#1b7837"
PROPOSED_WIND_COLOR = "#1b7837"
#: Lines of the pattern on districts created after the data's year (dark on every class).
BOUNDARY_CHANGE_COLOR = "#252525"
WIND_MAX_RADIUS_PX = 28.0
FONT_FAMILY = "DejaVu Sans"  # has every Turkish glyph and ships with matplotlib


def attribution(lang: Lang) -> str:
    """The boundaries' attribution line, last among every map's sources.

    Examples
    --------
    >>> attribution("tr")
    'Sınırlar: OCHA COD-AB Türkiye (CC BY-IGO)'
    """
    return text("boundaries_attribution", lang)


def wind_radius(capacity_mw: float, max_mw: float, max_radius: float = WIND_MAX_RADIUS_PX) -> float:
    """Radius of a proportional symbol whose *area* is proportional to ``capacity_mw``.

    Examples
    --------
    >>> round(wind_radius(25, 100, 20), 1)
    10.0
    """
    if max_mw <= 0 or capacity_mw <= 0 or math.isnan(capacity_mw):
        return 0.0
    return max_radius * math.sqrt(capacity_mw / max_mw)
