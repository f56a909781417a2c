"""Compact path data for the SVG of a static map (a helper of :mod:`render_static`).

matplotlib writes every vertex of a path as ``L 152.636188 171.349308`` on a
line of its own: absolute coordinates in points with six decimals, a millionth
of a point. :func:`compact_paths` rewrites each ``d`` attribute with the same
commands on a grid of :data:`GRID` point (0.0035 mm, a tenth of a 1200-dpi
printer dot) as relative moves (``l.2-.04``), about a third of the bytes.

Each coordinate is rounded once, absolutely, and the relative steps are taken
between rounded points, so rounding errors never add up along a path.

:func:`svg_text` also writes the white halo under each label as the label's
own ``<text>``, stroked, instead of matplotlib's outlines of every glyph: the
same look in a tenth of the bytes, and the halo stays aligned with its label in
any viewer, since both are the same text in the same font.
"""

from __future__ import annotations

import io
import re
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.text import Text

from izmir_maps.static._labels import HALOS

__all__ = ["GRID", "compact_path", "compact_paths", "svg_text"]

#: Grid of the compacted coordinates, in points (user units of matplotlib's SVG).
GRID = 0.01
_SCALE = 100  # 1 / GRID
_PAIRS = {"M": 1, "L": 1, "Q": 2, "C": 3}
_D = re.compile(r'(?<=\sd=")([^"]*)(?=")')
_LETTER = re.compile(r"[A-Za-z]")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PLAIN = re.compile(r"[\sMLQCZz0-9.+-]*")
_AFTER_LETTER = re.compile(r"(?<=[mlqcz]) ")


_HALO_GROUP = re.compile(r'<g id="halo">.*?</g>', re.DOTALL)


def svg_text(fig: Figure, *, dpi: float, metadata: dict[str, Any]) -> str:
    """``fig`` as SVG text on white: paths compacted, label halos as stroked text."""
    halos = [t for t in fig.findobj(Text) if t in HALOS]
    widths = {HALOS[t] for t in halos}
    as_text = len(widths) == 1  # one stroke width for all (always so on a page of labels)
    effects = [(t, t.get_path_effects()) for t in halos] if as_text else []
    for halo, _ in effects:
        halo.set_path_effects([])
    buf = io.StringIO()
    try:
        fig.savefig(buf, format="svg", dpi=dpi, metadata=metadata, facecolor="white")
    finally:
        for halo, saved in effects:
            halo.set_path_effects(saved)
    svg = compact_paths(buf.getvalue())
    if as_text:
        width = f"{widths.pop():f}".rstrip("0").rstrip(".")
        stroke = f"; stroke: #ffffff; stroke-width: {width}"
        svg = _HALO_GROUP.sub(lambda m: _stroked(m.group(0), stroke), svg)
    return svg


def _stroked(group: str, stroke: str) -> str:
    """Each ``<text>`` of a halo group with ``stroke`` added to its style."""
    return re.sub(r'(<text style="[^"]*)"', lambda m: m.group(1) + stroke + '"', group)


def compact_paths(svg: str) -> str:
    """``svg`` with the ``d`` attribute of every path compacted (see :func:`compact_path`)."""
    return _D.sub(lambda m: compact_path(m.group(1)), svg)


def compact_path(d: str) -> str:
    """Path data with absolute ``M L Q C z`` commands, compacted; anything else unchanged.

    Examples
    --------
    >>> compact_path("M 10.004 20 L 10.5 20.25 L 10.5 19.75 z M 1 1 L 2 2 z")
    'm10 20l.5 .25 0-.5zm-9-19l1 1z'
    >>> compact_path("M 0 0 A 1 1 0 0 1 2 2")  # an arc: left as it was
    'M 0 0 A 1 1 0 0 1 2 2'
    """
    if not _PLAIN.fullmatch(d):
        return d  # other commands, or exponents: not what matplotlib writes
    letters = _LETTER.findall(d)
    numbers = _NUMBER.findall(d)
    counts = np.array([_PAIRS.get(c, 0) for c in letters])
    if not letters or letters[0] != "M" or 2 * int(counts.sum()) != len(numbers):
        return d
    xy = np.rint(np.array(numbers, dtype=float).reshape(-1, 2) * _SCALE).astype(np.int64)
    origin = np.vstack([np.zeros((1, 2), dtype=np.int64), xy])  # row 0: the point (0, 0)
    deltas = xy - origin[_references(letters, counts) + 1]
    return _text(letters, counts, deltas)


def _references(letters: list[str], counts: np.ndarray) -> np.ndarray:
    """For each coordinate pair, the pair it is relative to: the current point before its command."""
    n = len(letters)
    is_z = np.array([c in "zZ" for c in letters])
    is_m = np.array([c == "M" for c in letters])
    end = np.cumsum(counts) - 1  # each command's last pair (a z: the one before it)
    first = end - counts + 1
    # the latest moveto's pair, seen from each command (the start of its subpath)
    start = np.maximum.accumulate(np.where(is_m, first, 0))
    previous = np.concatenate(([-1], np.arange(n - 1)))  # the command before
    after_z = np.concatenate(([False], is_z[:-1]))
    # after a z the current point is the start of the subpath the z closed
    closed = np.concatenate(([0], start[:-1]))
    ref_pair = np.where(after_z, closed, np.where(previous >= 0, end[np.maximum(previous, 0)], -1))
    return np.repeat(ref_pair, counts)  # -1: the origin (the first moveto)


def _text(letters: list[str], counts: np.ndarray, deltas: np.ndarray) -> str:
    """The compact text: a letter where the command changes (always for m and after z)."""
    values = deltas.ravel().tolist()
    words = [_SEPARATED.get(v) or _separated(v) for v in values]
    out: list[str] = []
    last = ""
    i = 0
    for letter, count in zip(letters, counts.tolist(), strict=True):
        if count == 0:
            out.append("z")
            last = "z"
            continue
        low = letter.lower()
        if low != last or low == "m":
            out.append(low)
        out.extend(words[i : i + 2 * count])
        i += 2 * count
        last = low
    return _AFTER_LETTER.sub("", "".join(out))


def _separated(hundredths: int) -> str:
    """A number with the space before it that separates it, unless its sign does."""
    text = _number(hundredths)
    return text if text.startswith("-") else " " + text


def _number(hundredths: int) -> str:
    """``-125`` → ``'-1.25'``, ``50`` → ``'.5'``, ``300`` → ``'3'``."""
    sign = "-" if hundredths < 0 else ""
    whole, frac = divmod(abs(hundredths), _SCALE)
    text = str(whole) if whole else ""
    if frac:
        text += "." + f"{frac:02d}".rstrip("0")
    return sign + (text or "0")


#: The usual steps (±20 pt), formatted once.
_SEPARATED = {v: _separated(v) for v in range(-2000, 2001)}
