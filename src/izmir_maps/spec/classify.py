"""Classify indicator values into map classes with mapclassify, and colour them.

Only schemes whose breaks repeat run after run are offered: mapclassify's
``NaturalBreaks`` (unseeded k-means) and the ``*Sampled`` schemes draw random
numbers and would make two builds differ. Missing values are never classified:
they form their own "no data" class.

Natural breaks (``fisher_jenks``) are computed by :func:`fisher_jenks_bins`,
mapclassify's own Fisher–Jenks algorithm with its inner loops run by numpy:
the same single-precision sums and the same choice among equally good breaks,
so the same breaks — for 973 values in a few hundredths of a second instead of
the 2 s of mapclassify without numba. (jenkspy, compiled, works in double
precision and breaks ties otherwise: its breaks differ in about 1 % of random
tables, so it is not used.) Where single precision fails — huge or tiny values,
or a large offset — the double-precision breaks of the standardised values are
taken instead, so the classes do not depend on the unit or an offset; the other
schemes compute huge values scaled by an exact power of two.
mapclassify itself (which brings scipy and scikit-learn) is imported only
when another scheme is asked for.

Numbers of a map (legend labels, tooltips) are written with the indicator's
decimals, or more where the values need them (:meth:`Classification.decimals`):
distinct class bounds never print alike and no non-zero value prints as zero.
"""

from __future__ import annotations

import importlib
import math
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

import numpy as np
import pandas as pd
from branca.utilities import color_brewer

from izmir_maps.data.registry import Indicator
from izmir_maps.errors import OptionError
from izmir_maps.option_names import option_name
from izmir_maps.spec.style import NO_DATA_COLOR
from izmir_maps.text.numbers import Lang, fit_decimals
from izmir_maps.text.words import text

__all__ = [
    "SCHEMES",
    "Classification",
    "classify_indicator",
    "classify_values",
    "fisher_jenks_bins",
    "high_breaks_warning",
    "scheme_label",
]


class _Schemes(Mapping[str, type]):
    """Scheme name → mapclassify class, importing mapclassify on the first look-up of a class.

    mapclassify takes a second or two to import (scipy, scikit-learn,
    matplotlib); a map classified by natural breaks never needs it.
    """

    _CLASSES: ClassVar[dict[str, str]] = {
        "quantiles": "Quantiles",
        "fisher_jenks": "FisherJenks",
        "equal_interval": "EqualInterval",
        "head_tail": "HeadTailBreaks",
        "user": "UserDefined",
    }

    def __getitem__(self, name: str) -> type:
        return getattr(_mapclassify(), self._CLASSES[name])

    def __contains__(self, name: object) -> bool:  # without importing mapclassify
        return name in self._CLASSES

    def __iter__(self) -> Iterator[str]:
        return iter(self._CLASSES)

    def __len__(self) -> int:
        return len(self._CLASSES)


#: Scheme name → mapclassify class. A scheme's name for readers is the catalogue
#: word ``scheme_<name>`` (:func:`scheme_label`).
SCHEMES: Mapping[str, type] = _Schemes()
MIN_K, MAX_K = 2, 9
# Beyond this magnitude single-precision squares overflow: only the double-precision programme runs.
_FJ_LIMIT = 1e15
# mapclassify's natural breaks are kept unless their within-class sum of squares exceeds the best
# by more than this share of the total: float32 noise among equally good splits stays below it.
_TIE_SLACK = 1e-6
# Beyond this magnitude a sum or a range of values may overflow (to inf).
_HUGE = 1e290


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
    spans
        (lowest, highest) value of each class over a wider set of values than
        ``values`` (every year of a map with a year slider), so that the
        legend reads the same in every year; ``None`` for one set of values.
    """

    values: pd.Series
    classes: pd.Series
    bins: tuple[float, ...]
    colors: tuple[str, ...]
    scheme: str
    midpoint: float | None = None
    spans: tuple[tuple[float, float], ...] | None = None

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
        where a class is empty. The ``spans`` when they are set.
        """
        if self.spans is not None:
            return list(self.spans)
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


def high_breaks_warning(values: pd.Series, breaks: list[float] | None) -> str | None:
    """The warning for user ``breaks`` above every value, or ``None`` when none is needed.

    Classes above the largest value would be empty: the map leaves them out
    (:func:`classify_values`), so a user who gave three breaks above every value
    gets a map of one colour. A break equal to the largest value, or a single
    break above it, leaves no class empty, except that every district is then
    in one class, which is told too.

    Examples
    --------
    >>> print(high_breaks_warning(pd.Series([1.0, 30]), [100, 200, 300]))
    breaks 100; 200; 300: every break lies above the largest value, 30, so every district \
falls in the first class and the map has one colour; 2 of the 3 classes would be empty \
and are left out. Give breaks below 30.
    >>> high_breaks_warning(pd.Series([1.0, 30]), [10, 20, 30]) is None
    True
    """
    present = pd.to_numeric(values, errors="coerce").dropna()
    if not breaks or present.empty:
        return None
    top = float(present.max())
    above = [b for b in breaks if b >= top]
    empty = len(above) - 1  # the first break at or above the top holds the top values
    if empty < 1 and len(above) < len(breaks):
        return None
    given = "; ".join(_plain(b) for b in breaks)
    intro = f"{option_name('breaks')} {given}: "
    classes = len(breaks) + (breaks[-1] < top)
    verb = "is" if empty == 1 else "are"
    lost = f"{empty} of the {classes} classes would be empty and {verb} left out"
    if len(above) == len(breaks):
        where = "lies above" if above[0] > top else "is at or above"
        msg = (
            f"every break {where} the largest value, {_plain(top)}, so every district falls "
            f"in the first class and the map has one colour"
        )
        tail = f"; {lost}." if empty else "."
        return f"{intro}{msg}{tail} Give breaks below {_plain(top)}."
    high = [_plain(b) for b in above if b > top]
    return (
        f"{intro}{', '.join(high)} {'lies' if len(high) == 1 else 'lie'} above the largest value, "
        f"{_plain(top)}, so {lost}; the map has {classes - empty} classes."
    )


def _plain(value: float) -> str:
    """A number in a message read by users of both languages: no thousands mark (30, 2.5, 1e+300)."""
    return f"{value:.15g}"


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


def fisher_jenks_bins(values: np.ndarray, k: int) -> np.ndarray:
    """Upper bounds of the ``k`` natural-breaks classes of ``values``: mapclassify's breaks.

    The algorithm of ``mapclassify.FisherJenks`` (Fisher's exact dynamic
    programme, in single precision as mapclassify computes it) with each row
    of the programme done by numpy at once: the same sums in the same order,
    and the same break where two are equally good (the lowest), so the same
    breaks — in about 0.04 s for 973 values instead of 2 s (mapclassify without numba).

    Single-precision sums fail on values far from 0 compared with their spread
    (1,000,001,000 … 1,000,030,000), huge (1e18, 1e300) or tiny (1e-300) ones.
    The programme is therefore also run in double precision on the standardised
    values ``(x - min) / (max - min)`` — the classes do not change when every
    value is multiplied by a positive number or shifted — and its classes are
    taken where mapclassify's are clearly worse (a within-class sum of squares
    larger by more than a millionth of the total). Either way the breaks are
    the values themselves at the chosen splits, never computed back.

    Parameters
    ----------
    values
        Finite numbers, at least ``k`` of them distinct.
    k
        Number of classes, at least 2.

    Returns
    -------
    numpy.ndarray
        ``k`` upper bounds, the last one the maximum.

    Examples
    --------
    >>> fisher_jenks_bins(np.array([1.0, 2, 3, 10, 11, 12, 30]), 3).tolist()
    [3.0, 12.0, 30.0]
    >>> fisher_jenks_bins(np.array([1.0, 2, 3, 10, 11, 12, 30]) * 1e300, 3).tolist()
    [3e+300, 1.2e+301, 3e+301]
    """
    x = np.sort(np.asarray(values, dtype="f8"))
    z = _standardised(x)
    ends = _class_ends(_fisher_jenks_starts(z, k, np.float64), k)
    if float(np.abs(x).max()) <= _FJ_LIMIT:  # beyond it single-precision squares overflow
        theirs = _class_ends(_fisher_jenks_starts(x.astype(np.float32), k), k)
        slack = _TIE_SLACK * _within_ssd(z, np.asarray([len(z)]))
        if _within_ssd(z, theirs) <= _within_ssd(z, ends) + slack:
            ends = theirs  # mapclassify's choice among (nearly) equally good splits
    return x[ends - 1]


def _standardised(x: np.ndarray) -> np.ndarray:
    """``(x - min) / (max - min)`` of sorted ``x``, in [0, 1], without overflow."""
    lo, hi = float(x[0]), float(x[-1])
    if hi == lo:  # one value: nothing to spread
        return np.zeros_like(x)
    if not math.isfinite(hi - lo):  # halving is exact here: the values are huge
        return (x / 2 - lo / 2) / (hi / 2 - lo / 2)
    return (x - lo) / (hi - lo)


def _class_ends(start: np.ndarray, k: int) -> np.ndarray:
    """1-based position of the last value of each of the ``k`` classes, from the starts table."""
    ends = np.empty(k, dtype=np.int64)
    end = len(start) - 1
    for cls in range(k, 0, -1):  # walk back from the last class to the first
        ends[cls - 1] = end
        end = int(start[end, cls]) - 1
    return ends


def _within_ssd(z: np.ndarray, ends: np.ndarray) -> float:
    """Sum over the classes ending at ``ends`` (1-based) of squared deviations from the class mean."""
    total = 0.0
    for members in np.split(z, ends[:-1]):
        if len(members):  # float32 garbage can repeat a break: an empty class costs nothing
            total += float(((members - members.mean()) ** 2).sum())
    return total


def _fisher_jenks_starts(x: np.ndarray, k: int, dtype: type = np.float32) -> np.ndarray:
    """Where the last class of the best split of ``x[:n]`` into ``j`` classes starts (1-based).

    Row ``n``, column ``j``; mapclassify's ``mat1``. ``cost`` is its ``mat2``:
    the least sum of squared deviations, accumulated in ``dtype`` (float32 as
    mapclassify does).
    """
    n = len(x)
    start = np.zeros((n + 1, k + 1), dtype=np.int64)
    cost = np.zeros((n + 1, k + 1), dtype=dtype)
    start[1, 1:] = 1
    start[2:, 1] = 1
    columns = np.arange(k - 1)
    for last in range(2, n + 1):
        # the class x[i:last] for i = last-1 … 0, summed from its top value down
        tail = x[last - 1 :: -1]
        s1 = np.cumsum(tail, dtype=dtype)
        s2 = np.cumsum(tail * tail, dtype=dtype)
        ssd = s2 - s1 * s1 / np.arange(1, last + 1, dtype=dtype)
        # row r: the last class holds r + 1 values, the r + 1 … last - 1 before it the rest
        total = (ssd[:-1, None] + cost[last - 1 : 0 : -1, 1:k])[::-1]
        best = np.argmin(total, axis=0)  # in reverse: mapclassify keeps the last of equal ones
        cost[last, 2:] = total[best, columns]
        start[last, 2:] = best + 2
        cost[last, 1] = ssd[-1]
    return start


def _mapclassify():
    return importlib.import_module("mapclassify")


def _bins(x: np.ndarray, scheme: str, k: int, breaks: list[float] | None) -> np.ndarray:
    distinct = len(np.unique(x))
    if distinct == 1 and scheme != "user":
        return np.asarray([float(x.max())])
    if scheme == "fisher_jenks":
        return _tidy(fisher_jenks_bins(x, min(k, distinct)), x)
    cls = SCHEMES[scheme]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ties in quantiles
        if scheme == "user":
            upper = [b for b in breaks or [] if b < x.max()]
            return np.asarray(cls(x, [*upper, float(x.max())]).bins)
        scale = _overflow_scale(x)
        if scheme == "head_tail":
            bins = np.asarray(cls(x * scale).bins, dtype=float)
        else:
            bins = np.asarray(cls(x * scale, k=min(k, distinct)).bins, dtype=float)
    return _tidy(bins / scale, x)


def _overflow_scale(x: np.ndarray) -> float:
    """1, or a power of two that keeps the sums and ranges of huge values finite.

    mapclassify's means (head/tail), ranges (equal interval) and interpolations
    (quantiles) overflow near 1e308. Multiplying by a power of two is exact, so
    the classes are those of the values themselves.
    """
    return 2.0**-64 if float(np.abs(x).max()) > _HUGE else 1.0


def _tidy(bins: np.ndarray, x: np.ndarray) -> np.ndarray:
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
