"""Classify indicator values into map classes with mapclassify, and colour them.

Only schemes whose breaks repeat run after run are offered: mapclassify's
``NaturalBreaks`` (unseeded k-means) and the ``*Sampled`` schemes draw random
numbers and would make two builds differ. Missing values are never classified:
they form their own "no data" class.

Numbers of a map (legend labels, tooltips) are written with the indicator's
decimals, or more where the values need them (:meth:`Classification.decimals`):
distinct class bounds never print alike and no non-zero value prints as zero.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from itertools import pairwise

import mapclassify
import numpy as np
import pandas as pd
from branca.utilities import color_brewer

from izmir_maps.data.registry import Indicator
from izmir_maps.errors import OptionError
from izmir_maps.spec.style import NO_DATA_COLOR
from izmir_maps.text.numbers import Lang, fit_decimals
from izmir_maps.text.words import text

__all__ = [
    "SCHEMES",
    "Classification",
    "classify_indicator",
    "classify_values",
    "scheme_label",
]

#: Scheme name → mapclassify class. A scheme's name for readers is the catalogue
#: word ``scheme_<name>`` (:func:`scheme_label`).
SCHEMES: dict[str, type] = {
    "quantiles": mapclassify.Quantiles,
    "fisher_jenks": mapclassify.FisherJenks,
    "equal_interval": mapclassify.EqualInterval,
    "head_tail": mapclassify.HeadTailBreaks,
    "user": mapclassify.UserDefined,
}
MIN_K, MAX_K = 2, 9


# The decimals of each ``Indicator.fmt``, as ``Indicator.format`` writes them.
@dataclass(frozen=True)
class Classification:
    """Classes and colours of one indicator's values.

    Attributes
    ----------
    values
        The values, indexed like the input (``NaN`` = no data).
    classes
        Class of each value, ``0 … k-1``; ``-1`` for no data.
    bins
        Upper bound of each class (mapclassify's ``bins``).
    colors
        Hex colour of each class.
    scheme
        Scheme name (a key of :data:`SCHEMES`).
    midpoint
        Centre of a diverging palette, or ``None``.
    """

    values: pd.Series
    classes: pd.Series
    bins: tuple[float, ...]
    colors: tuple[str, ...]
    scheme: str
    midpoint: float | None = None

    @property
    def k(self) -> int:
        """Number of classes."""
        return len(self.bins)

    @property
    def has_no_data(self) -> bool:
        """Whether any value is missing (the legend then shows a no-data swatch)."""
        return bool((self.classes < 0).any())

    def color_of(self, key: object) -> str:
        """Fill colour of the row ``key``."""
        cls = int(self.classes[key])
        return NO_DATA_COLOR if cls < 0 else self.colors[cls]

    def counts(self) -> list[int]:
        """Number of districts in each class."""
        return [int((self.classes == i).sum()) for i in range(self.k)]

    def ranges(self) -> list[tuple[float, float]]:
        """(lowest, highest) value shown for each class.

        The actual lowest and highest member of the class, so a reader never
        wonders on which side of a break a district falls; the class edges
        where a class is empty.
        """
        out = []
        lower = float(np.nanmin(self.values)) if self.values.notna().any() else math.nan
        for i, upper in enumerate(self.bins):
            members = self.values[self.classes == i]
            if len(members):
                out.append((float(members.min()), float(members.max())))
            else:
                out.append((min(lower, float(upper)), float(upper)))
            lower = float(upper)
        return out

    def decimals(self, ind: Indicator) -> int:
        """Decimals with which this map writes the values of ``ind``.

        The indicator's own decimals, or more where they would print two
        distinct class bounds alike or a non-zero value as zero (values of
        0,001 … 0,009 get three). Ranks keep theirs.
        """
        base = ind.decimals
        if ind.fmt == "rank":
            return base
        bounds = [v for pair in self.ranges() for v in pair]
        return fit_decimals(bounds, self.values.dropna(), at_least=base)

    def labels(self, ind: Indicator, lang: Lang = "tr") -> list[str]:
        """Legend label of each class in the language's number format."""
        decimals = self.decimals(ind)
        labels = []
        for lo, hi in self.ranges():
            a = ind.format(lo, lang, decimals=decimals)
            b = ind.format(hi, lang, decimals=decimals)
            labels.append(a if a == b else f"{a} – {b}")
        return labels

    def legend_items(self, ind: Indicator, lang: Lang = "tr") -> list[tuple[str, str, int]]:
        """(colour, label, count) per class, plus the no-data item when needed."""
        items = list(zip(self.colors, self.labels(ind, lang), self.counts(), strict=True))
        if self.has_no_data:
            items.append((NO_DATA_COLOR, text("no_data", lang), int((self.classes < 0).sum())))
        return items


def classify_values(
    values: pd.Series,
    *,
    scheme: str = "fisher_jenks",
    k: int = 5,
    breaks: list[float] | None = None,
    palette: str = "Blues",
    midpoint: float | None = None,
) -> Classification:
    """Classify ``values`` and pick a ColorBrewer colour per class.

    Parameters
    ----------
    values
        Numbers; ``NaN`` marks no data and is left out of the classification.
    scheme
        A key of :data:`SCHEMES`.
    k
        Number of classes (2–9); ignored for ``user`` and ``head_tail``.
    breaks
        Upper class bounds for ``scheme="user"`` (the maximum is added).
    palette
        ColorBrewer palette name, ``_r`` reverses it.
    midpoint
        For a diverging palette: this value becomes a class break and classes
        below and above it take the two halves of the palette.

    Examples
    --------
    >>> c = classify_values(pd.Series([1.0, 2, 3, 10, 20, None]), scheme="quantiles", k=2)
    >>> c.bins, list(c.classes)
    ((3.0, 20.0), [0, 0, 0, 1, 1, -1])
    """
    _check_options(scheme, k, breaks)
    values = pd.to_numeric(values, errors="coerce").astype(float)
    present = values.dropna()
    if present.empty:
        msg = "Nothing to classify: every value is missing."
        raise OptionError(msg)
    if midpoint is not None and present.min() < midpoint < present.max():
        bins, colors = _diverging(present, scheme, k, palette, midpoint, breaks)
    else:
        bins = _bins(present.to_numpy(), scheme, k, breaks)
        colors = tuple(_palette(palette, len(bins)))
        midpoint = None
    classes = pd.Series(-1, index=values.index, dtype="int64")
    classes[present.index] = np.searchsorted(np.asarray(bins), present.to_numpy(), side="left")
    return Classification(values, classes, tuple(float(b) for b in bins), colors, scheme, midpoint)


def classify_indicator(
    table: pd.DataFrame,
    ind: Indicator,
    *,
    scheme: str | None = None,
    k: int | None = None,
    breaks: list[float] | None = None,
    midpoint_value: float | None = None,
) -> Classification:
    """Classify column ``ind.id`` of ``table`` with the indicator's defaults.

    Explicit arguments override the registry's defaults. ``midpoint_value``
    resolves a registry midpoint of ``"izmir"`` (the İzmir-wide value).
    """
    if scheme is None and ind.scheme == "user" and breaks is None:
        breaks = _default_user_breaks(table[ind.id])  # a count's own classes: one per value
    scheme = scheme or ind.scheme
    midpoint = ind.midpoint if isinstance(ind.midpoint, float | int) else None
    if ind.midpoint == "izmir":
        midpoint = midpoint_value
    return classify_values(
        table[ind.id],
        scheme=scheme,
        k=k or ind.k,
        breaks=breaks,
        palette=ind.palette,
        midpoint=midpoint,
    )


def scheme_label(scheme: str, lang: Lang = "tr") -> str:
    """The name of classification ``scheme`` for readers, in ``lang``.

    Examples
    --------
    >>> scheme_label("fisher_jenks"), scheme_label("quantiles", "en")
    ('Doğal kırılmalar (Fisher-Jenks)', 'Quantiles')
    """
    if scheme not in SCHEMES:
        msg = f"Unknown scheme {scheme!r}; choose one of {', '.join(SCHEMES)}."
        raise OptionError(msg)
    return text(f"scheme_{scheme}", lang)


def _check_options(scheme: str, k: int, breaks: list[float] | None) -> None:
    if scheme not in SCHEMES:
        msg = f"Unknown scheme {scheme!r}; choose one of {', '.join(SCHEMES)}."
        raise OptionError(msg)
    if not MIN_K <= k <= MAX_K:
        msg = f"The number of classes must be between {MIN_K} and {MAX_K}, not {k}."
        raise OptionError(msg)
    if scheme == "user":
        if not breaks:
            msg = (
                "scheme 'user' needs breaks, the upper bounds of the classes: for example "
                "breaks=[1000, 10000] in Python, or --breaks '1.000;10.000' on the command line."
            )
            raise OptionError(msg)
        if not all(math.isfinite(b) for b in breaks):
            msg = f"Breaks must be finite numbers; got {breaks}."
            raise OptionError(msg)
        if any(b >= c for b, c in pairwise(breaks)):
            msg = f"Breaks must increase strictly; got {breaks}."
            raise OptionError(msg)
        if len(breaks) > MAX_K:
            msg = f"At most {MAX_K} breaks; got {len(breaks)}."
            raise OptionError(msg)


def _bins(x: np.ndarray, scheme: str, k: int, breaks: list[float] | None) -> np.ndarray:
    cls = SCHEMES[scheme]
    distinct = len(np.unique(x))
    if distinct == 1 and scheme != "user":
        return np.asarray([float(x.max())])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # numba absent; ties in quantiles
        if scheme == "user":
            upper = [b for b in breaks or [] if b < x.max()]
            return np.asarray(mapclassify.UserDefined(x, [*upper, float(x.max())]).bins)
        if scheme == "head_tail":
            bins = np.asarray(cls(x).bins, dtype=float)
        else:
            bins = np.asarray(cls(x, k=min(k, distinct)).bins, dtype=float)
    # A break computed as a mean can land a rounding error below the maximum.
    bins[-1] = max(float(bins[-1]), float(x.max()))
    return np.unique(bins)


def _diverging(
    present: pd.Series,
    scheme: str,
    k: int,
    palette: str,
    midpoint: float,
    breaks: list[float] | None = None,
):
    low = present[present <= midpoint].to_numpy()
    high = present[present > midpoint].to_numpy()
    if scheme == "user" and breaks:
        top = float(present.max())
        bins_low = np.asarray(sorted({b for b in breaks if b < midpoint} | {midpoint}))
        bins_high = np.asarray(sorted({b for b in breaks if midpoint < b < top} | {top}))
    else:
        k_low = max(1, k // 2)
        k_high = max(1, k - k_low)
        bins_low = _bins(low, scheme, k_low, None)
        bins_low[-1] = midpoint
        bins_high = _bins(high, scheme, k_high, None)
    m = max(len(bins_low), len(bins_high))
    colors = _palette(palette, 2 * m)
    chosen = colors[m - len(bins_low) : m] + colors[m : m + len(bins_high)]
    return np.concatenate([bins_low, bins_high]), tuple(chosen)


def _palette(name: str, n: int) -> list[str]:
    reverse = name.endswith("_r")
    base = name.removesuffix("_r")
    size = max(n, 3)  # ColorBrewer starts at 3 classes
    colors = color_brewer(base, size)
    if n < size:
        colors = [colors[0], colors[-1]] if n == 2 else [colors[-1]]
    return list(reversed(colors)) if reverse else list(colors)


def _default_user_breaks(values: pd.Series) -> list[float]:
    top = int(np.nanmax(values.astype(float))) if values.notna().any() else 0
    return [float(b) for b in range(0, max(top, 1))]
