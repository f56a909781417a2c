"""Words and small text helpers of the HTML maps.

Interface words the HTML maps need beyond :mod:`izmir_maps.texts` live in
:data:`WORDS`, in the same ``(tr, en)`` shape; :func:`word` looks in both.
"""

from __future__ import annotations

import math

import pandas as pd

from izmir_maps.numbers import Lang
from izmir_maps.texts import text

__all__ = ["WORDS", "clean", "is_missing", "short_name", "word"]

#: Interface words of the HTML maps (tr, en) not in :mod:`izmir_maps.texts`.
WORDS: dict[str, tuple[str, str]] = {
    "labels": ("İlçe adları", "District names"),
    "zoom_in": ("Yakınlaştır", "Zoom in"),
    "zoom_out": ("Uzaklaştır", "Zoom out"),
    "n_districts": ("{n} ilçe", "{n} districts"),
    "one_district": ("1 ilçe", "1 district"),
    "sea": ("Ege Denizi", "Aegean Sea"),
    "short_name": ("Kısa ad", "Short name"),
    "kind": ("Tür", "Type"),
    "location": ("Konum", "Location"),
    "wind_points": (
        "Kurulu güç 2009, ilçe toplamı (sembol alanı MW ile orantılı)",
        "Installed capacity 2009, district total (symbol area ∝ MW)",
    ),
    "wind_point_approx": (
        "Kesikli çizgi: ilçe içinde yaklaşık konum",
        "Dashed outline: approximate location inside the district",
    ),
    "proposed_district": (
        "Rüzgâr yatırımı için önerilen ilçe",
        "Proposed for wind investment",
    ),
    "operating": ("faaliyette", "operating"),
    "planned": ("planlanıyor", "planned"),
    "under construction": ("yapım aşamasında", "under construction"),
    "osb_layer": ("OSB'ler ve serbest bölgeler", "OSBs and free zones"),
}


def word(key: str, lang: Lang = "tr", **values: object) -> str:
    """A word of :data:`WORDS` (or of :mod:`izmir_maps.texts`) in ``lang``.

    Examples
    --------
    >>> word("labels", "en"), word("no_data")
    ('District names', 'Veri yok')
    >>> word("n_districts", "tr", n=14)
    '14 ilçe'
    """
    if key not in WORDS:
        return text(key, lang, **values)
    template = WORDS[key][0 if lang == "tr" else 1]
    return template.format(**values) if values else template


def is_missing(value: object) -> bool:
    """Whether a cell is empty: ``None``, ``pd.NA``, ``NaN`` or blank text.

    Examples
    --------
    >>> is_missing(float("nan")), is_missing(" "), is_missing(0)
    (True, True, False)
    """
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def clean(value: object) -> str:
    """A cell as stripped text, ``""`` when empty."""
    return "" if is_missing(value) else str(value).strip()


def short_name(name: str) -> str:
    """A name without its parenthesised aside.

    Examples
    --------
    >>> short_name("Karaburun RES (Karaburun wind farm)")
    'Karaburun RES'
    """
    return name.split(" (")[0].strip() or name
