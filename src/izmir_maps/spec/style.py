"""One look for every map, interactive and static: colours, lines, symbols, fonts."""

from __future__ import annotations

import math

from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = [
    "BOUNDARY_CHANGE_COLOR",
    "DISTRICT_LINE",
    "FARM_COLOR",
    "FONT_FAMILY",
    "HIGHLIGHT_LINE",
    "KIND_COLORS",
    "LAND_COLOR",
    "NO_DATA_COLOR",
    "OSB_COLOR",
    "PROPOSED_WIND_COLOR",
    "PROVINCE_LINE",
    "SEA_COLOR",
    "SEA_TEXT_COLOR",
    "WIND_COLOR",
    "WIND_MAX_RADIUS_PX",
    "attribution",
    "contrast_ratio",
    "relative_luminance",
    "wind_radius",
]

NO_DATA_COLOR = "#d9d9d9"
#: Darker than the lightest class of every palette (at least 1.3 : 1, 1.4 : 1 for the
#: sequential ones) and than the neighbouring land, and greyer than the Blues, so pale
#: districts no longer melt into the sea. The coastline (:data:`PROVINCE_LINE`) gives
#: the 3 : 1 edge WCAG 1.4.11 asks for: a sea dark enough for 3 : 1 by itself
#: (luminance ≤ 0.22) would outweigh the data.
SEA_COLOR = "#b4c8d6"
#: Names written on the sea ("Ege Denizi"): 4.5 : 1 against :data:`SEA_COLOR`.
SEA_TEXT_COLOR = "#385068"
LAND_COLOR = "#f2efe9"
#: Borders between districts of a choropleth: at least 3 : 1 against the two lightest
#: classes of every palette, where white borders vanished; a whole pixel wide on screen,
#: as thinner lines are anti-aliased to a paler grey.
DISTRICT_LINE = {"color": "#666666", "weight": 1.0}
#: İzmir's outline, coastline included: at least 3 : 1 against the sea and every light class.
PROVINCE_LINE = {"color": "#333333", "weight": 1.4}
HIGHLIGHT_LINE = {"color": "#222222", "weight": 2.5}
OSB_COLOR = "#b2182b"
#: Marker colour of each OSB ``kind``; any other kind is drawn as ``"other"``.
KIND_COLORS: dict[str, str] = {
    "osb": OSB_COLOR,
    "agricultural_osb": "#6a8a1f",
    "free_zone": "#2c5d8f",
    "private_industrial_zone": "#6a3d9a",
    "other": "#555555",
}
#: Present-day wind farms: darker than the 2009 symbols, so the two never read as one layer.
FARM_COLOR = "#00441b"
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


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of a ``#rrggbb`` (or ``#rgb``) colour, 0 (black) … 1 (white).

    Examples
    --------
    >>> relative_luminance("#ffffff"), relative_luminance("#000000")
    (1.0, 0.0)
    >>> round(relative_luminance("#808080"), 3)
    0.216
    """
    digits = color.lstrip("#")
    if len(digits) == 3:  # the short form #rgb
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 (same) … 21 (black on white).

    Examples
    --------
    >>> contrast_ratio("#000000", "#ffffff")
    21.0
    >>> round(contrast_ratio("#eff3ff", "#dfeaf2"), 2)
    1.1
    """
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


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
