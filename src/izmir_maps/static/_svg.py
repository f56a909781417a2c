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
any viewer, since both are the same text in the same font. It writes with
matplotlib's SVG renderer, measuring text with the sizes remembered between
maps (:class:`~izmir_maps.static._agg.MemoTextToPath`): the same SVG, sooner.
"""

from __future__ import annotations

import codecs
import io
import re
from typing import Any

import numpy as np
from matplotlib import cbook
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG
from matplotlib.figure import Figure
from matplotlib.text import Text

from izmir_maps.static._agg import MemoTextToPath, font_height_metrics
from izmir_maps.static._labels import HALOS

__all__ = ["GRID", "compact_path", "compact_paths", "svg_text"]

#: Grid of the compacted coordinates, in points (user units of matplotlib's SVG).
GRID = 0.01
_SCALE = 100  # 1 / GRID
_PAIRS = {"M": 1, "L": 1, "Q": 2, "C": 3}
_D = re.compile(r'(?<=\sd=")([^"]*)(?=")')
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PLAIN = re.compile(r"[\sMLQCZz0-9.+-]*")


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
    canvas = fig.canvas
    _SvgCanvas(fig)
    try:
        fig.savefig(buf, format="svg", dpi=dpi, metadata=metadata, facecolor="white")
    finally:
        fig.set_canvas(canvas)
        for halo, saved in effects:
            halo.set_path_effects(saved)
    svg = compact_paths(buf.getvalue())
    if as_text:
        width = f"{widths.pop():f}".rstrip("0").rstrip(".")
        stroke = f"; stroke: #ffffff; stroke-width: {width}"
        svg = _HALO_GROUP.sub(lambda m: _stroked(m.group(0), stroke), svg)
    return svg


class _MemoRendererSVG(RendererSVG):
    """matplotlib's SVG renderer, measuring text with the remembered sizes of :mod:`._agg`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._text2path = MemoTextToPath()

    def _get_font_height_metrics(self, prop: Any) -> tuple[Any, Any, Any]:
        # the figure's dpi while an SVG is drawn (FigureCanvasSVG.print_svg sets it to 72)
        return font_height_metrics(prop, 72)


class _SvgCanvas(FigureCanvasSVG):
    """matplotlib's SVG canvas drawing with :class:`_MemoRendererSVG` (its ``print_svg``, 3.8–3.11)."""

    def print_svg(
        self,
        filename: Any,
        *,
        bbox_inches_restore: Any = None,
        metadata: Any = None,
        **_applied: Any,  # facecolor, orientation …: savefig has applied them to the figure
    ) -> None:
        """Write the figure as SVG to ``filename`` (a text stream here)."""
        with cbook.open_file_cm(filename, "w", encoding="utf-8") as fh:
            if not cbook.file_requires_unicode(fh):
                fh = codecs.getwriter("utf-8")(fh)
            dpi = self.figure.dpi
            self.figure.dpi = 72
            width, height = self.figure.get_size_inches()
            w, h = width * 72, height * 72
            renderer = MixedModeRenderer(
                self.figure,
                width,
                height,
                dpi,
                _MemoRendererSVG(w, h, fh, image_dpi=dpi, metadata=metadata),
                bbox_inches_restore=bbox_inches_restore,
            )
            self.figure.draw(renderer)
            renderer.finalize()


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
    if not _PLAIN.fullmatch(d) or not d.isascii():
        return d  # other commands, or exponents: not what matplotlib writes
    raw = d.encode("ascii")
    codes = np.frombuffer(raw.translate(None, _NOT_LETTER), dtype=np.uint8)
    try:  # numbers are whitespace-separated in matplotlib's paths; else float() fails
        numbers = np.array(raw.translate(_LETTER_TO_SPACE).split(), dtype=float)
    except ValueError:
        numbers = np.array(_NUMBER.findall(d), dtype=float)
    counts = _COUNTS[codes]
    if not len(codes) or codes[0] != ord("M") or 2 * int(counts.sum()) != len(numbers):
        return d
    xy = np.rint(numbers.reshape(-1, 2) * _SCALE).astype(np.int64)
    origin = np.vstack([np.zeros((1, 2), dtype=np.int64), xy])  # row 0: the point (0, 0)
    deltas = xy - origin[_references(codes, counts) + 1]
    return _text(codes | 0x20, counts, deltas)  # | 0x20: the lower-case letters


def _references(codes: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """For each coordinate pair, the pair it is relative to: the current point before its command."""
    n = len(codes)
    is_z = counts == 0
    is_m = codes == ord("M")
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


def _text(lows: np.ndarray, counts: np.ndarray, deltas: np.ndarray) -> str:
    """The compact text: a letter where the command changes (always for m and after z).

    A number right after a letter goes without its separating space.
    """
    n = len(lows)
    values = deltas.ravel()
    emit = (counts == 0) | (lows == ord("m")) | (lows != np.concatenate(([0], lows[:-1])))
    prefix_at = np.arange(n) + 2 * (np.cumsum(counts) - counts)  # each command's letter slot
    slots = np.empty(n + len(values), dtype=object)
    slots[prefix_at] = np.where(emit, _LETTERS[lows], "")
    is_value = np.ones(len(slots), dtype=bool)
    is_value[prefix_at] = False
    slots[is_value] = _words(values)
    for i in prefix_at[emit & (counts > 0)] + 1:  # the first number after a letter
        slots[i] = slots[i].lstrip(" ")
    return "".join(slots.tolist())


def _words(values: np.ndarray) -> np.ndarray:
    """Each value (hundredths) as separated text, from the table of usual steps where it can."""
    words = np.empty(len(values), dtype=object)
    usual = np.abs(values) <= _USUAL
    words[usual] = _USUAL_WORDS[values[usual] + _USUAL]
    for i in np.flatnonzero(~usual):
        words[i] = _separated(int(values[i]))
    return words


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
_USUAL = 2000
_USUAL_WORDS = np.array([_separated(v) for v in range(-_USUAL, _USUAL + 1)], dtype=object)
#: Coordinate pairs of each command letter (by its byte); ``z`` and ``Z`` take none.
_COUNTS = np.zeros(256, dtype=np.int64)
for _letter, _pairs in _PAIRS.items():
    _COUNTS[ord(_letter)] = _pairs
#: Each byte as text (for the lower-case command letters).
_LETTERS = np.array([chr(i) for i in range(256)], dtype=object)
_NOT_LETTER = bytes(b for b in range(256) if not chr(b).isalpha())
_LETTER_TO_SPACE = bytes.maketrans(
    bytes(b for b in range(256) if chr(b).isalpha()),
    b" " * sum(chr(b).isalpha() for b in range(256)),
)
