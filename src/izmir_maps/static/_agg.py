"""An Agg renderer that remembers what every map draws again (a helper of :mod:`render_static`).

Most of the time matplotlib's Agg backend spends on a print map goes to text:
for every label it lays the string out with FreeType and renders every glyph
afresh, at 300 dpi, on every map — though an atlas writes the same district
names, scale bars and legend words sixty times. :class:`MemoRenderer` keeps

* the layout of each string (glyphs and their offsets) by font files, size,
  resolution, hinting and string;
* the bitmap of each glyph by font file, size, resolution, hinting,
  transformation and the *fraction* of a pixel it is placed at: FreeType
  places a glyph on a 1/64-pixel grid, and a glyph moved by whole pixels is the
  same bitmap moved by those pixels, so the bitmap and its offset are reused
  exactly;

and draws them as matplotlib would (the same calls, in the same order), so
the pixels are the same bytes. One renderer of each canvas size serves every
figure of that size (:func:`draw_rgba`), so matplotlib's own cache of text
sizes, kept per renderer, is shared between maps too.

Only matplotlib versions whose Agg renderer works this way (glyphs rendered one
by one, :data:`SUPPORTED`) get the memos; others draw with matplotlib's renderer.
"""

from __future__ import annotations

import io
import math
import threading
from functools import partial
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.figure import Figure
from matplotlib.font_manager import fontManager, get_font
from matplotlib.ft2font import FT2Font
from matplotlib.textpath import TextToPath

from izmir_maps.static._memo import Memo

try:  # matplotlib 3.10 on
    from matplotlib.ft2font import RenderMode
except ImportError:  # pragma: no cover - older matplotlib draws with its own renderer
    RenderMode = None

__all__ = ["SUPPORTED", "MemoRenderer", "MemoTextToPath", "draw_rgba", "font_height_metrics"]

#: Whether this matplotlib renders text glyph by glyph (3.11 on), as :class:`MemoRenderer` needs.
SUPPORTED = all(
    (
        RenderMode is not None,
        hasattr(RendererAgg, "_draw_text_glyphs_and_boxes"),
        hasattr(RendererAgg, "_prepare_font"),
        hasattr(FT2Font, "_layout"),
        hasattr(FT2Font, "_render_glyph"),
        hasattr(FT2Font, "_set_transform"),
    )
)

_LAYOUTS = 4096
_GLYPHS = 16384
_RENDERERS = 2


_LAYOUT_MEMO: Memo[tuple] = Memo(_LAYOUTS)
_GLYPH_MEMO: Memo[tuple[np.ndarray, int, int]] = Memo(_GLYPHS)
_OUTLINE_MEMO: Memo[tuple[np.ndarray, np.ndarray]] = Memo(_LAYOUTS)
_METRICS_MEMO: Memo[tuple[Any, Any, Any]] = Memo(_LAYOUTS)
_SIZE_MEMO: Memo[tuple[float, float, float]] = Memo(_LAYOUTS)
_RENDERER_MEMO: Memo[RendererAgg] = Memo(_RENDERERS)


class MemoTextToPath(TextToPath):
    """:class:`~matplotlib.textpath.TextToPath` remembering the outline of each string.

    A label's halo is its text's outline, stroked white; the outline depends on the
    font files, hinting and the string alone (it is drawn at a fixed size and scaled).
    The SVG renderer measures every text with it too: the sizes are remembered as well.
    """

    def get_text_width_height_descent(
        self, s: str, prop: Any, ismath: Any
    ) -> tuple[float, float, float]:
        """Width, height and descent of ``s`` in points, as the parent class measures them."""
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        key = (
            repr(fontManager._find_fonts_by_props(prop)),
            mpl.rcParams["text.hinting_factor"],
            prop.get_size_in_points(),
            s,
        )
        measure = super().get_text_width_height_descent
        return _SIZE_MEMO.get(key, lambda: measure(s, prop, ismath))

    def get_text_path(
        self, prop: Any, s: str, ismath: Any = False, *, features: Any = None, language: Any = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The vertices and codes of ``s``'s outline, as the parent class computes them."""
        # matplotlib before 3.10 takes no features or language
        extra = {k: v for k, v in (("features", features), ("language", language)) if v is not None}
        if ismath:
            return super().get_text_path(prop, s, ismath=ismath, **extra)
        key = (
            repr(fontManager._find_fonts_by_props(prop)),
            mpl.rcParams["text.hinting_factor"],
            mpl.rcParams["text.hinting"],
            s,
            _hashable(features),
            _hashable(language),
        )
        outline = super().get_text_path

        def compute() -> tuple[np.ndarray, np.ndarray]:
            verts, codes = outline(prop, s, **extra)
            return np.array(verts, dtype=float).reshape(-1, 2), np.array(codes, dtype=np.uint8)

        verts, codes = _OUTLINE_MEMO.get(key, compute)
        return verts.copy(), codes.copy()


class MemoRenderer(RendererAgg):
    """:class:`~matplotlib.backends.backend_agg.RendererAgg` with text layouts and glyphs remembered.

    Draws the same pixels as its parent class: the text methods below are
    matplotlib 3.11's own, with each FreeType result looked up before it is
    computed.
    """

    def __init__(self, width: int, height: int, dpi: float) -> None:
        super().__init__(width, height, dpi)
        self._text2path = MemoTextToPath()

    def _get_font_height_metrics(self, prop: Any) -> tuple[Any, Any, Any]:
        """See :func:`font_height_metrics`; the renderer's dpi is the figure's while it draws."""
        return font_height_metrics(prop, self.dpi)

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        """Draw ``s`` as :meth:`RendererAgg.draw_text` does, its layout remembered."""
        if ismath:
            return self.draw_mathtext(gc, x, y, s, prop, angle)
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        size = prop.get_size_in_points()
        flags = get_hinting_flag()
        paths = fontManager._find_fonts_by_props(prop)
        key = (
            repr(paths),
            mpl.rcParams["text.hinting_factor"],
            repr(flags),
            size,
            self.dpi,
            s,
            _hashable(features),
            _hashable(language),
        )

        def layout() -> tuple:
            font = self._prepare_font(prop)
            return tuple(
                (item.ft_object, item.glyph_index, item.x, item.y)
                for item in font._layout(s, flags=flags, features=features, language=language)
            )

        items = _LAYOUT_MEMO.get(key, layout)
        self._draw_text_glyphs_and_boxes(
            gc,
            x,
            y,
            angle,
            ((ft, size, index, 0, 1, gx, gy) for ft, index, gx, gy in items),
            [],
        )
        return None

    def _draw_text_glyphs_and_boxes(
        self, gc: Any, x: float, y: float, angle: float, glyphs: Any, boxes: Any
    ) -> None:
        boxes = list(boxes)
        if boxes:  # mathtext rules: matplotlib's own drawing
            super()._draw_text_glyphs_and_boxes(gc, x, y, angle, glyphs, boxes)
            return
        cos = math.cos(math.radians(angle))
        sin = math.sin(math.radians(angle))
        flags = get_hinting_flag()
        # what every glyph of this text shares, computed once
        common = (mpl.rcParams["text.hinting_factor"], self.dpi, repr(flags), gc.get_antialiased())
        matrices: dict[tuple[float, float], tuple[np.ndarray, tuple[int, ...]]] = {}
        height = self.height
        for font, size, index, slant, extend, dx, dy in glyphs:
            if (slant, extend) not in matrices:
                m = (
                    0x10000
                    * np.array([[cos, -sin], [sin, cos]])
                    @ [[extend, extend * slant], [0, 1]]
                )
                m = m.round().astype(int)
                matrices[slant, extend] = (m, tuple(m.ravel().tolist()))
            matrix = matrices[slant, extend]
            wx, fx = divmod(round(0x40 * (x + dx * cos - dy * sin)), 64)
            wy, fy = divmod(round(0x40 * (height - y + dx * sin + dy * cos)), 64)
            key = (font.fname, font.face_index, size, index, matrix[1], fx, fy, common)
            buffer, left, top = _GLYPH_MEMO.get(
                key, partial(_render, font, size, index, matrix[0], (fx, fy), flags, common)
            )
            # draw_text_image's y is downwards & the bitmap bottom side.
            self._renderer.draw_text_image(
                buffer, left + wx, int(height) - (top + wy) + buffer.shape[0], 0, gc
            )


def _render(
    font: Any,
    size: float,
    index: int,
    matrix: np.ndarray,
    fraction: tuple[int, int],
    flags: Any,
    common: tuple,
) -> tuple[np.ndarray, int, int]:
    """A glyph's bitmap and its left and top pixel, placed ``fraction`` (1/64 px) from the origin.

    Remembered by that fraction of a pixel (see the module): a whole-pixel move of
    the outline moves the same bitmap by as many pixels.
    """
    _, dpi, _, antialiased = common
    font.set_size(size, dpi)
    font._set_transform(matrix, list(fraction))
    bitmap = font._render_glyph(index, flags, RenderMode.NORMAL if antialiased else RenderMode.MONO)
    buffer = np.array(bitmap.buffer)
    if not antialiased:
        buffer *= 0xFF
    return buffer, bitmap.left, bitmap.top


def font_height_metrics(prop: Any, dpi: float) -> tuple[Any, Any, Any]:
    """A font's ascent, descent and line gap in pixels at ``dpi``, as ``Text`` reads them.

    matplotlib reads them from the font's tables for every text it lays out (or
    asks the renderer's ``_get_font_height_metrics``); they depend on the font,
    its size and the figure's resolution alone, so they are remembered.
    """
    paths = fontManager._find_fonts_by_props(prop)
    fontsize = prop.get_size_in_points()
    key = (repr(paths), mpl.rcParams["text.hinting_factor"], fontsize, dpi)
    return _METRICS_MEMO.get(key, lambda: _height_metrics(get_font(paths), fontsize, dpi))


def _height_metrics(font: Any, fontsize: float, dpi: float) -> tuple[Any, Any, Any]:
    """``(min_ascent, min_descent, line_gap)`` computed as ``Text._get_layout`` does (3.11)."""
    possible = [
        ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
        ("hhea", "lineGap", "ascent", "descent"),
    ]
    for table_name, linegap_key, ascent_key, descent_key in possible:
        table = font.get_sfnt_table(table_name)
        if table is None:
            continue
        units_per_em = font.get_sfnt_table("head")["unitsPerEm"]
        scale = 1 / units_per_em * fontsize * dpi / 72
        return (table[ascent_key] * scale, -table[descent_key] * scale, table[linegap_key] * scale)
    return (None, None, None)


def _hashable(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    return value


class _SharedCanvas(FigureCanvasAgg):
    """An Agg canvas that draws into the shared renderer of its size (see :func:`draw_rgba`)."""

    def get_renderer(self) -> RendererAgg:
        w, h = self.get_width_height(physical=True)
        key = (w, h, self.figure.dpi, SUPPORTED, threading.get_ident())  # one per thread
        dpi = self.figure.dpi
        self.renderer = _RENDERER_MEMO.get(
            key, lambda: (MemoRenderer if SUPPORTED else RendererAgg)(w, h, dpi)
        )
        return self.renderer


def draw_rgba(fig: Figure, dpi: float, **kwargs: Any) -> bytes:
    """``fig`` drawn at ``dpi`` as raw RGBA bytes, as ``fig.savefig(format="raw")`` draws it.

    Keyword arguments go to :meth:`~matplotlib.figure.Figure.savefig`. The
    figure keeps its own canvas.
    """
    canvas = fig.canvas
    buf = io.BytesIO()
    _SharedCanvas(fig)
    try:
        fig.savefig(buf, format="raw", dpi=dpi, **kwargs)
    finally:
        fig.set_canvas(canvas)
    return buf.getvalue()
