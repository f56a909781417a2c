"""Palette PNGs of static maps that keep every solid colour exact (a helper of :mod:`render_static`).

A 300-dpi A4 map is five million pixels in a few dozen flat colours — class
fills, sea, land, text — plus the anti-aliased pixels along edges and letters.
Written as 8-bit RGBA that is about 600 KB; as a 256-colour palette it is a
third of that and is written in a fraction of the time.

The palette is chosen so that nothing visible changes:

* every colour an artist of the figure is painted with (the class fills,
  lines, text), and every other colour of :data:`SOLID_PIXELS` pixels or more
  (a half-transparent circle over a fill), is in the palette exactly, so the
  class colours of the map and the legend are the bytes the renderer drew, at
  any resolution;
* the other (anti-aliasing) colours are taken most frequent first, skipping
  any within :data:`NEAR` (in RGB) of one already taken, and every pixel is
  mapped to its nearest palette colour.

An image with alpha other than opaque is left to matplotlib's own RGBA writer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba_array
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from izmir_maps.static._agg import draw_rgba

__all__ = [
    "NEAR",
    "SOLID_PIXELS",
    "artist_colours",
    "palette_indices",
    "palette_indices_rgba",
    "write_png",
]

#: Pixels of one colour from which it counts as a solid area, always kept exact.
SOLID_PIXELS = 2000
#: RGB distance under which an anti-aliasing colour is served by a more frequent one.
NEAR = 12
_COLOURS = 256
_CANDIDATES = 512
_COMPRESS_LEVEL = 6


def write_png(fig: Figure, path: Path, *, dpi: float, metadata: dict[str, Any]) -> None:
    """Draw ``fig`` at ``dpi`` on white and write it to ``path`` as a palette PNG.

    ``metadata`` are PNG text chunks (``None`` values are left out), as for
    :meth:`matplotlib.figure.Figure.savefig`. Falls back to an RGBA PNG when the
    drawing is not opaque.
    """
    rgba = np.frombuffer(draw_rgba(fig, dpi, facecolor="white"), dtype=np.uint8).reshape(-1, 4)
    width = _width(fig, dpi, len(rgba))
    if width is None or (rgba[:, 3] != 255).any():  # not opaque: matplotlib's RGBA PNG
        fig.savefig(path, format="png", dpi=dpi, metadata=metadata, facecolor="white")
        return
    info = PngInfo()
    for key, value in metadata.items():
        if value is not None:
            info.add_text(key, str(value))
    indices, palette = palette_indices_rgba(rgba, keep=artist_colours(fig))
    image = Image.frombuffer("P", (width, len(rgba) // width), indices.tobytes(), "raw", "P", 0, 1)
    image.putpalette(palette.tobytes())
    image.save(path, format="PNG", pnginfo=info, dpi=(dpi, dpi), compress_level=_COMPRESS_LEVEL)


def _width(fig: Figure, dpi: float, pixels: int) -> int | None:
    """The raster's width in pixels, as matplotlib's Agg canvas truncates it; ``None`` if unsure."""
    width = int(fig.get_size_inches()[0] * dpi)
    for guess in (width, width + 1, width - 1):
        if guess > 0 and pixels % guess == 0:
            height = pixels // guess
            if abs(height - fig.get_size_inches()[1] * dpi) < 2:
                return guess
    return None


def palette_indices(
    rgb: np.ndarray, keep: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Map the pixels ``rgb`` (``n × 3`` uint8) to a palette of at most 256 colours.

    ``keep`` (``k × 3`` uint8) are colours kept exactly wherever they occur.

    Returns
    -------
    indices : numpy.ndarray
        ``n`` uint8 palette indices, in pixel order.
    palette : numpy.ndarray
        ``k × 3`` uint8 colours, ``k ≤ 256``; every solid colour (see the module)
        among them exactly, the 256 most frequent if there are more.

    Examples
    --------
    >>> rgb = np.array([[255, 255, 255]] * 3000 + [[250, 250, 250], [8, 81, 156]] * 2500, np.uint8)
    >>> indices, palette = palette_indices(rgb)
    >>> palette.tolist()
    [[255, 255, 255], [8, 81, 156], [250, 250, 250]]
    >>> bool((palette[indices] == rgb).all())
    True
    """
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    packed = rgb[:, 0].astype(np.uint32)
    packed |= rgb[:, 1].astype(np.uint32) << 8
    packed |= rgb[:, 2].astype(np.uint32) << 16
    return _indices(packed, _packed(keep))


def palette_indices_rgba(
    rgba: np.ndarray, keep: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`palette_indices` of opaque ``n × 4`` uint8 pixels, without copying the channels."""
    packed = np.ascontiguousarray(rgba, dtype=np.uint8).view("<u4").ravel() & np.uint32(0xFFFFFF)
    return _indices(packed, _packed(keep))


def _packed(rgb: np.ndarray | None) -> np.ndarray:
    """``k × 3`` uint8 colours packed as ``r | g << 8 | b << 16``."""
    if rgb is None or not len(rgb):
        return np.zeros(0, dtype=np.uint32)
    rgb = np.asarray(rgb, dtype=np.uint32).reshape(-1, 3)
    return rgb[:, 0] | rgb[:, 1] << 8 | rgb[:, 2] << 16


def artist_colours(fig: Figure) -> np.ndarray:
    """The opaque colours the figure's artists are painted with, ``k × 3`` uint8."""
    found: list[np.ndarray] = [np.zeros((0, 4))]
    for artist in fig.findobj():
        if isinstance(artist, Text | Line2D):
            found.append(np.atleast_2d(to_rgba_array(artist.get_color())))
            continue
        for getter in ("get_facecolor", "get_edgecolor"):
            method = getattr(artist, getter, None)
            if method is not None:
                found.append(np.atleast_2d(to_rgba_array(method())))
    rgba = np.concatenate(found)
    rgba = rgba[rgba[:, 3] == 1]
    return np.unique(np.round(rgba[:, :3] * 255).astype(np.uint8), axis=0)


def _indices(packed: np.ndarray, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Palette indices and palette of pixels packed as ``r | g << 8 | b << 16``."""
    # pixels come in runs of one colour: count the runs, not every pixel
    starts = np.flatnonzero(np.concatenate(([True], packed[1:] != packed[:-1])))
    lengths = np.diff(np.append(starts, len(packed)))
    colours, run_colour = _unique(packed[starts])
    counts = np.bincount(run_colour, weights=lengths, minlength=len(colours)).astype(np.int64)
    solid = (counts >= SOLID_PIXELS) | np.isin(colours, keep)
    # solid colours first, then the rest, each most frequent first; ties by colour
    order = np.lexsort((colours, -counts, ~solid))
    channels = np.stack([colours & 255, (colours >> 8) & 255, (colours >> 16) & 255], axis=1)
    channels = channels.astype(np.float64)
    palette = channels[_choose(channels[order], solid[order], order)]
    # nearest palette colour of each colour (|a - b|² = |a|² - 2ab + |b|², exact in float64)
    distance = (
        (channels**2).sum(axis=1)[:, None]
        - 2 * channels @ palette.T
        + (palette**2).sum(axis=1)[None, :]
    )
    nearest = distance.argmin(axis=1).astype(np.uint8)
    return np.repeat(nearest[run_colour], lengths), palette.astype(np.uint8)


def _unique(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_inverse=True)`` by hashing instead of sorting every value.

    Examples
    --------
    >>> colours, inverse = _unique(np.array([7, 3, 7, 9], dtype=np.uint32))
    >>> colours.tolist(), inverse.tolist()
    ([3, 7, 9], [1, 0, 1, 2])
    """
    inverse, colours = pd.factorize(values, sort=True)
    return np.asarray(colours, dtype=values.dtype), inverse.astype(np.intp, copy=False)


def _choose(channels: np.ndarray, solid: np.ndarray, order: np.ndarray) -> np.ndarray:
    """The palette among colours sorted solid first: solid ones always, others unless near one.

    Returns the chosen entries of ``order``. Only the first colours are
    candidates: the rest are single anti-aliasing pixels, served by their nearest.
    """
    top = min(len(order), max(_CANDIDATES, int(solid.sum())))
    c = channels[:top]
    square = (c**2).sum(axis=1)
    near = (square[:, None] - 2 * c @ c.T + square[None, :]) < NEAR * NEAR
    blocked = np.zeros(top, dtype=bool)
    chosen: list[int] = []
    for i in range(top):
        if len(chosen) == _COLOURS:
            break
        if solid[i] or not blocked[i]:
            chosen.append(i)
            blocked |= near[i]
    return order[np.array(chosen, dtype=np.intp)]
