"""Place static-map labels so that no two overlap (a helper of :mod:`render_static`).

Labels are placed one by one in the order given: each tries positions on a
fine grid around its anchor, nearest first, and takes the cheapest one that
overlaps neither an already placed label nor an obstacle (the inset, the
scale bar) and stays inside the axes. Map symbols are soft obstacles: avoided
when possible, covered only when nothing else is free. Area labels prefer
positions inside their own polygon; a label pushed out of it gets a thin
leader line. Labels that find no place go first in a new round. Every step is
deterministic.

Each label is two texts: a white halo drawn as outlines underneath, and the
real text on top, so SVG and PDF keep selectable text (matplotlib draws a
text with path effects as outlines).
"""

from __future__ import annotations

import functools
import warnings
import weakref
from dataclasses import dataclass
from typing import Any

import matplotlib as mpl
import numpy as np
import shapely
from matplotlib import font_manager, patheffects
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import offset_copy

from izmir_maps.static._memo import Memo, digest, try_digest

__all__ = [
    "HALOS",
    "LABEL_GID",
    "LabelRequest",
    "Placed",
    "figure_renderer",
    "place_labels",
    "plain",
]

#: ``gid`` prefix of every placed label's text (the halo has ``"halo"``).
LABEL_GID = "label-"

_PAD_EM = 0.3  # clear space around each label, in font sizes (two labels keep twice this apart)
_REACH_PT = 48.0  # farthest a label moves from its anchor
_STEP_PT = 1.5
_CHUNK = 256
_RETRIES = 4
_OUTSIDE_PENALTY = 40.0  # points of displacement a fully outside label costs
# Measuring a candidate's share inside its area (a polygon intersection) is the slow
# part of placing a label, so it is measured only for candidates that might beat the
# best so far. A candidate's cost is at least its distance plus the penalty of the most
# it could have inside (see _inside_at_most); one whose bound, less this slack (points,
# far above any rounding), is dearer than the best is skipped unmeasured, exactly as
# it would lose if measured. Every other candidate is measured and compared as before.
_SLACK_PT = 0.01
_BATCH = 16  # candidates measured per shapely call

#: Label placements by every input of the search (see :mod:`render_static_memo`): an atlas
#: places the same district names around the same obstacles on most of its maps.
_PLACEMENTS: Memo[tuple[dict[int, tuple], Placed]] = Memo(64)
#: Measuring renderers by canvas size, dpi and text settings, shared by figures
#: (see :func:`figure_renderer`).
_MEASURERS: Memo[RendererAgg] = Memo(4)
_TEXT_RC = tuple(k for k in mpl.rcParams if k.startswith(("font.", "text.", "mathtext.")))


@dataclass(frozen=True)
class LabelRequest:
    """One label to place.

    Attributes
    ----------
    text
        The label.
    anchor
        The labelled place, in data coordinates.
    kind
        Kind of label; the text's ``gid`` becomes ``"label-<kind>"``.
    fontsize
        Size in points.
    area
        Polygon the label names (data coordinates) for area labels, whose
        best place is inside it; ``None`` for a point symbol.
    clearance
        For point labels: radius of the symbol to clear, points.
    style, weight, color
        Font style, weight and colour.
    """

    text: str
    anchor: tuple[float, float]
    kind: str
    fontsize: float
    area: shapely.Geometry | None = None
    clearance: float = 0.0
    style: str = "normal"
    weight: str = "normal"
    color: str = "#1a1a1a"


@dataclass
class Placed:
    """Display-space boxes and leader lines already on the map, shared between calls."""

    boxes: list[np.ndarray]
    leaders: list[np.ndarray]
    soft: list[bool]

    @classmethod
    def empty(cls) -> Placed:
        """No boxes, no leaders."""
        return cls([], [], [])

    def add_box(self, box: np.ndarray, *, soft: bool = False) -> None:
        """Reserve the display box ``[x0, y0, x1, y1]``.

        A ``soft`` box (a map symbol) is avoided when possible; a label that
        finds no other place may cover it, but never a label or a hard box.
        """
        self.boxes.append(np.asarray(box, dtype=float))
        self.soft.append(soft)

    def copy(self) -> Placed:
        """An independent copy (the boxes themselves are never changed)."""
        return Placed(list(self.boxes), list(self.leaders), list(self.soft))

    def replace(self, other: Placed) -> None:
        """Take over ``other``'s boxes and leaders."""
        self.boxes, self.leaders, self.soft = other.boxes, other.leaders, other.soft

    def hard_boxes(self, *, relaxed: bool) -> np.ndarray:
        """The boxes a label must not overlap."""
        keep = [b for b, s in zip(self.boxes, self.soft, strict=True) if not (relaxed and s)]
        return np.array(keep) if keep else np.zeros((0, 4))


def plain(s: str) -> str:
    r"""``s`` escaped so matplotlib never reads it as mathtext (``ABD $`` stays ``ABD $``).

    Examples
    --------
    >>> plain("İhracat (ABD $)")
    'İhracat (ABD \\$)'
    """
    return s.replace("$", r"\$")


def figure_renderer(fig: Any) -> RendererBase:
    """The renderer that measures text on ``fig``'s canvas.

    On a plain Agg canvas that is an Agg renderer of the canvas's size and
    dpi, the same for every figure of that size while the font and text
    settings stay the same (see :data:`_MEASURERS`): matplotlib remembers text
    sizes per renderer, so the district names that every map of an atlas
    repeats are measured once. It measures exactly as the canvas's own
    renderer would, and is never drawn into.
    """
    canvas = fig.canvas
    if type(canvas) is FigureCanvasAgg:
        w, h = canvas.get_width_height(physical=True)
        key = digest(w, h, fig.dpi, _text_settings())
        renderer = _MEASURERS.get(key, lambda: RendererAgg(w, h, fig.dpi))
        if renderer.dpi == fig.dpi:
            return renderer
    get = getattr(canvas, "get_renderer", None)
    return get() if get is not None else fig._get_renderer()


def _text_settings() -> str:
    """Everything besides a text's own font properties that its measured size depends on."""
    with warnings.catch_warnings():  # reading a deprecated setting may warn
        warnings.simplefilter("ignore")
        values = [mpl.rcParams[k] for k in _TEXT_RC]
    return repr((len(font_manager.fontManager.ttflist), values))


def place_labels(
    ax: Axes,
    requests: list[LabelRequest],
    *,
    placed: Placed,
    halo: float,
    leader_color: str = "#555555",
) -> list[Text | None]:
    """Add each label of ``requests`` to ``ax`` where it collides with nothing.

    Parameters
    ----------
    ax
        The map axes (limits and position final).
    requests
        Labels, in the order they should claim space.
    placed
        Boxes and leader lines to avoid; the new labels are added to it.
    halo
        Width of the white halo, points.
    leader_color
        Colour of leader lines.

    Returns
    -------
    list
        The label text of each request, or ``None`` where no free place was
        found within the search radius.
    """
    fig = ax.figure
    renderer = figure_renderer(fig)
    scale = fig.dpi / 72.0
    frame = ax.get_window_extent(renderer)
    inner = np.array([frame.x0, frame.y0, frame.x1, frame.y1]) + np.array([2, 2, -2, -2]) * scale
    to_data = ax.transData.inverted()
    texts = [_text(ax, req) for req in requests]
    sizes = [np.array([b.width, b.height]) for b in (t.get_window_extent(renderer) for t in texts)]
    anchors = [ax.transData.transform(req.anchor) for req in requests]

    key = None
    if to_data.is_affine:  # then the transform is its matrix, which the key holds
        key = try_digest(
            "place_labels",
            [
                (r.text, r.anchor, r.kind, r.fontsize, r.area, r.clearance, r.style, r.weight)
                for r in requests
            ],
            sizes,
            anchors,
            scale,
            inner,
            placed.boxes,
            placed.soft,
            placed.leaders,
            to_data.get_affine().get_matrix(),
        )
    found, trial = _copied(
        *_PLACEMENTS.get(
            key,
            lambda: _copied(*_search(requests, sizes, anchors, scale, inner, placed, to_data)),
        )
    )
    placed.replace(trial)
    out: list[Text | None] = []
    for i, (req, text) in enumerate(zip(requests, texts, strict=True)):
        if i not in found:
            text.remove()
            out.append(None)
            continue
        dx, dy, _, leader = found[i]
        transform = offset_copy(ax.transData, fig=fig, x=dx, y=dy, units="points")
        text.set_transform(transform)
        _add_halo(ax, text, req, transform, halo)
        if leader is not None:
            _draw_leader(ax, leader, to_data, leader_color, dot=req.area is not None)
        out.append(text)
    return out


def _search(
    requests: list[LabelRequest],
    sizes: list[np.ndarray],
    anchors: list[np.ndarray],
    scale: float,
    inner: np.ndarray,
    placed: Placed,
    to_data: Any,
) -> tuple[dict[int, tuple], Placed]:
    """Where each label goes (``dx``, ``dy``, box, leader) and everything then placed."""
    areas = [_simplified(req.area) for req in requests]

    def attempt(order: list[int]) -> tuple[dict[int, tuple], list[int], Placed]:
        trial = placed.copy()
        found: dict[int, tuple] = {}
        for i in order:
            args = (
                requests[i],
                areas[i],
                anchors[i],
                sizes[i],
                _Page(scale, inner, to_data),
                trial,
            )
            best = _best_position(*args, relaxed=False) or _best_position(*args, relaxed=True)
            if best is None:
                continue
            found[i] = best
            trial.add_box(best[2])
            if best[3] is not None:
                trial.leaders.append(best[3])
        return found, [i for i in order if i not in found], trial

    order = list(range(len(requests)))
    found, failed, trial = attempt(order)
    for _ in range(_RETRIES):  # labels that found no place go first next time
        if not failed:
            break
        order = failed + [i for i in order if i not in failed]
        again = attempt(order)
        if len(again[1]) < len(failed):
            found, failed, trial = again
    return found, trial


def _copied(found: dict[int, tuple], placed: Placed) -> tuple[dict[int, tuple], Placed]:
    """A copy of a search result that shares no array with it."""

    def copy(a: np.ndarray | None) -> np.ndarray | None:
        return None if a is None else a.copy()

    return (
        {i: (dx, dy, copy(box), copy(leader)) for i, (dx, dy, box, leader) in found.items()},
        Placed(
            [b.copy() for b in placed.boxes], [a.copy() for a in placed.leaders], list(placed.soft)
        ),
    )


def _text(ax: Axes, req: LabelRequest) -> Text:
    return ax.text(
        *req.anchor,
        plain(req.text),
        fontsize=req.fontsize,
        style=req.style,
        weight=req.weight,
        color=req.color,
        ha="center",
        va="center",
        zorder=31,
        gid=LABEL_GID + req.kind,
    )


@dataclass(frozen=True)
class _Page:
    """Where labels go: points per data unit, the free inner box, and display → data."""

    scale: float
    inner: np.ndarray
    to_data: Any


def _best_position(
    req: LabelRequest,
    area: shapely.Geometry | None,
    anchor: np.ndarray,
    size: np.ndarray,
    page: _Page,
    placed: Placed,
    *,
    relaxed: bool,
) -> tuple[float, float, np.ndarray, np.ndarray | None] | None:
    """The cheapest free position: displacement plus a penalty for leaving the own area."""
    scale, inner, to_data = page.scale, page.inner, page.to_data
    half = size / 2 + _PAD_EM * req.fontsize * scale
    boxes = placed.hard_boxes(relaxed=relaxed)
    solid = placed.hard_boxes(relaxed=True)  # a leader may cross a symbol, never a label
    offsets = _candidates(req, size / scale)
    centres = anchor + offsets * scale
    lo, hi = centres - half, centres + half
    ok = (
        (lo[:, 0] >= inner[0])
        & (lo[:, 1] >= inner[1])
        & (hi[:, 0] <= inner[2])
        & (hi[:, 1] <= inner[3])
    )
    if len(boxes):  # only boxes that reach into the candidates' extent can exclude any
        (x0, y0), (x1, y1) = lo.min(axis=0), hi.max(axis=0)
        boxes = boxes[
            (boxes[:, 2] > x0) & (boxes[:, 0] < x1) & (boxes[:, 3] > y0) & (boxes[:, 1] < y1)
        ]
    for box in boxes:
        ok &= ~(
            (lo[:, 0] < box[2]) & (hi[:, 0] > box[0]) & (lo[:, 1] < box[3]) & (hi[:, 1] > box[1])
        )
    if req.area is None:  # never cover the own symbol
        gap = np.maximum(np.abs(offsets) - size / scale / 2, 0)
        ok &= np.hypot(gap[:, 0], gap[:, 1]) >= req.clearance + 0.5
    best: tuple[float, tuple[float, float, np.ndarray, np.ndarray | None]] | None = None
    limits = None if area is None else _limits(area)
    free = np.flatnonzero(ok)
    for start in range(0, len(free), _CHUNK):
        chunk = free[start : start + _CHUNK]
        distance = np.hypot(offsets[chunk, 0], offsets[chunk, 1])
        if best is not None and distance[0] >= best[0]:
            break  # candidates come nearest first; nothing further can be cheaper
        rects = np.concatenate([lo[chunk], hi[chunk]], axis=1)
        clear = np.ones(len(chunk), dtype=bool)
        for leader in placed.leaders:
            clear &= ~_segment_hits(leader, rects)
        todo = np.flatnonzero(clear)
        if limits is None:
            inside = np.ones(len(chunk))
            cost = distance + (1.0 - inside) * _OUTSIDE_PENALTY
            least = cost
        else:  # measured lazily, and only where a candidate might still win: see _SLACK_PT
            a, b = to_data.transform(lo[chunk]), to_data.transform(hi[chunk])
            inside = np.full(len(chunk), np.nan)
            cost = np.full(len(chunk), np.nan)
            share = _inside_at_most(a, b, limits)
            least = distance + (1.0 - share) * _OUTSIDE_PENALTY - _SLACK_PT
        for k, j in enumerate(todo):
            if best is not None and least[j] > best[0]:
                continue  # dearer than the best whatever its share inside
            if np.isnan(cost[j]):
                batch = todo[k:]  # j and the next candidates that might still win
                if best is not None:
                    batch = batch[~(least[batch] > best[0])]
                batch = batch[:_BATCH]
                inside[batch] = _inside_fractions(a, b, batch, area)
                cost[batch] = distance[batch] + (1.0 - inside[batch]) * _OUTSIDE_PENALTY
            if best is not None and cost[j] >= best[0]:
                continue
            box = np.concatenate([lo[chunk[j]], hi[chunk[j]]])
            leader = _leader(req, anchor, box, float(inside[j]), scale)
            if leader is not None and _segment_hits(leader, solid).any():
                continue
            dx, dy = offsets[chunk[j]]
            best = (float(cost[j]), (float(dx), float(dy), box, leader))
    return None if best is None else best[1]


def _candidates(req: LabelRequest, size_pt: np.ndarray) -> np.ndarray:
    """Offsets (points) to try, nearest first, on a fine grid; sideways moves come cheaper.

    The grid depends on its reach alone, so it is built once per reach (read-only).
    """
    reach = _REACH_PT + (req.clearance + float(size_pt[0]) / 2 if req.area is None else 0.0)
    return _grid(reach)


@functools.lru_cache(maxsize=64)
def _grid(reach: float) -> np.ndarray:
    xs = np.arange(-reach, reach + 1e-9, _STEP_PT)
    ys = np.arange(-reach * 0.75, reach * 0.75 + 1e-9, _STEP_PT * 0.75)
    grid = np.array(np.meshgrid(xs, ys)).reshape(2, -1).T
    distance = np.hypot(grid[:, 0], grid[:, 1] * 1.25)
    order = np.lexsort((grid[:, 1], grid[:, 0], distance))
    out = np.round(grid[order], 3)
    out.flags.writeable = False
    return out


def _simplified(area: shapely.Geometry | None) -> shapely.Geometry | None:
    if area is None:
        return None
    minx, miny, maxx, maxy = area.bounds
    return shapely.simplify(area, max(maxx - minx, maxy - miny) / 200)


def _inside_fractions(
    a: np.ndarray, b: np.ndarray, rows: np.ndarray, area: shapely.Geometry
) -> np.ndarray:
    """Share of each box ``a[rows]``–``b[rows]`` (data coordinates) that lies inside ``area``.

    Each box is measured on its own, so a box's share does not depend on which
    other boxes are measured with it.
    """
    a, b = a[rows], b[rows]
    rects = shapely.box(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
    return shapely.area(shapely.intersection(rects, area)) / shapely.area(rects)


def _limits(area: shapely.Geometry) -> tuple[np.ndarray, float]:
    """``area``'s bounds and its size (``inf`` if it is not valid, so no bound)."""
    size = float(shapely.area(area)) if shapely.is_valid(area) else np.inf
    return np.asarray(area.bounds, dtype=float), size


def _inside_at_most(a: np.ndarray, b: np.ndarray, limits: tuple[np.ndarray, float]) -> np.ndarray:
    """An upper bound of each box's share inside the area of ``limits`` (see :func:`_limits`).

    A box's part inside the area lies inside its bounds and is no larger than
    the area itself. Where the bound is unknown (an empty area) it is 1.

    Examples
    --------
    >>> area = shapely.box(0, 0, 10, 10)
    >>> a, b = np.array([[-5.0, 0], [2, 2], [20, 0]]), np.array([[5.0, 10], [4, 4], [30, 10]])
    >>> _inside_at_most(a, b, _limits(area)).tolist()
    [0.5, 1.0, 0.0]
    """
    (x0, y0, x1, y1), size = limits
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    rect = (hi[:, 0] - lo[:, 0]) * (hi[:, 1] - lo[:, 1])
    wide = np.clip(np.minimum(hi[:, 0], x1) - np.maximum(lo[:, 0], x0), 0, None)
    tall = np.clip(np.minimum(hi[:, 1], y1) - np.maximum(lo[:, 1], y0), 0, None)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.fmin(wide * tall, size) / rect
    return np.fmin(share, 1.0)


def _leader(
    req: LabelRequest, anchor: np.ndarray, box: np.ndarray, inside: float, scale: float
) -> np.ndarray | None:
    """Leader ``[x0, y0, x1, y1]`` from the symbol's edge to the label's nearest edge, if needed."""
    if req.area is not None and inside >= 0.5:
        return None
    end = np.clip(anchor, box[:2], box[2:])  # nearest point of the box
    length = float(np.hypot(*(end - anchor)))
    if length <= (req.clearance + 4.0) * scale:
        return None
    start = anchor + (end - anchor) * (req.clearance + 1.0) * scale / length
    return np.concatenate([start, end])


def _segment_hits(segment: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Which of ``boxes`` (rows ``[x0, y0, x1, y1]``) the segment crosses (Liang–Barsky).

    Examples
    --------
    >>> boxes = np.array([[1.0, -1, 2, 1], [1.0, 2, 2, 3]])
    >>> _segment_hits(np.array([0.0, 0, 3, 0]), boxes).tolist()
    [True, False]
    """
    if not len(boxes):
        return np.zeros(0, dtype=bool)
    p0, d = segment[:2], segment[2:] - segment[:2]
    t0 = np.zeros(len(boxes))
    t1 = np.ones(len(boxes))
    hit = np.ones(len(boxes), dtype=bool)
    for axis in (0, 1):
        low, high = boxes[:, axis], boxes[:, axis + 2]
        if d[axis] == 0:
            hit &= (low < p0[axis]) & (p0[axis] < high)
            continue
        ta, tb = (low - p0[axis]) / d[axis], (high - p0[axis]) / d[axis]
        t0 = np.maximum(t0, np.minimum(ta, tb))
        t1 = np.minimum(t1, np.maximum(ta, tb))
    return hit & (t0 < t1)


#: Every halo text and its stroke width in points: an SVG writes it as a stroked ``<text>``
#: instead of its glyphs' outlines (see :mod:`izmir_maps.static._svg`).
HALOS: weakref.WeakKeyDictionary[Text, float] = weakref.WeakKeyDictionary()


def _add_halo(ax: Axes, text: Text, req: LabelRequest, transform: Any, width: float) -> None:
    halo = ax.text(
        *req.anchor,
        text.get_text(),
        fontsize=req.fontsize,
        style=req.style,
        weight=req.weight,
        color="white",
        ha="center",
        va="center",
        zorder=30,
        gid="halo",
        transform=transform,
    )
    halo.set_path_effects([patheffects.Stroke(linewidth=width, foreground="white")])
    HALOS[halo] = width


def _draw_leader(ax: Axes, leader: np.ndarray, to_data: Any, color: str, *, dot: bool) -> None:
    """A thin leader line; one from an area starts with a dot on the place it names."""
    xy = to_data.transform(leader.reshape(2, 2))
    ax.add_line(
        Line2D(
            xy[:, 0],
            xy[:, 1],
            color=color,
            linewidth=0.45,
            zorder=29,
            solid_capstyle="round",
            marker="o" if dot else None,
            markersize=1.8,
            markevery=[0],
            gid="leader",
        )
    )
