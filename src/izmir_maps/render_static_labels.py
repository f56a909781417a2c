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

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import offset_copy

__all__ = ["LABEL_GID", "LabelRequest", "Placed", "figure_renderer", "place_labels", "plain"]

#: ``gid`` prefix of every placed label's text (the halo has ``"halo"``).
LABEL_GID = "label-"

_PAD_EM = 0.3  # clear space around each label, in font sizes (two labels keep twice this apart)
_REACH_PT = 48.0  # farthest a label moves from its anchor
_STEP_PT = 1.5
_CHUNK = 256
_RETRIES = 4
_OUTSIDE_PENALTY = 40.0  # points of displacement a fully outside label costs


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
    """The renderer that measures text on ``fig``'s canvas."""
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if get is not None else fig._get_renderer()


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
    areas = [_simplified(req.area) for req in requests]

    def attempt(order: list[int]) -> tuple[dict[int, tuple], list[int], Placed]:
        trial = placed.copy()
        found: dict[int, tuple] = {}
        for i in order:
            args = (requests[i], areas[i], anchors[i], sizes[i], scale, inner, trial, to_data)
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


def _best_position(
    req: LabelRequest,
    area: shapely.Geometry | None,
    anchor: np.ndarray,
    size: np.ndarray,
    scale: float,
    inner: np.ndarray,
    placed: Placed,
    to_data: Any,
    *,
    relaxed: bool,
) -> tuple[float, float, np.ndarray, np.ndarray | None] | None:
    """The cheapest free position: displacement plus a penalty for leaving the own area."""
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
    for box in boxes:
        ok &= ~(
            (lo[:, 0] < box[2]) & (hi[:, 0] > box[0]) & (lo[:, 1] < box[3]) & (hi[:, 1] > box[1])
        )
    if req.area is None:  # never cover the own symbol
        gap = np.maximum(np.abs(offsets) - size / scale / 2, 0)
        ok &= np.hypot(gap[:, 0], gap[:, 1]) >= req.clearance + 0.5
    best: tuple[float, tuple[float, float, np.ndarray, np.ndarray | None]] | None = None
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
        inside = (
            np.ones(len(chunk))
            if area is None
            else _inside_fractions(lo[chunk], hi[chunk], area, to_data)
        )
        cost = distance + (1.0 - inside) * _OUTSIDE_PENALTY
        for j in np.flatnonzero(clear):
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
    """Offsets (points) to try, nearest first, on a fine grid; sideways moves come cheaper."""
    reach = _REACH_PT + (req.clearance + float(size_pt[0]) / 2 if req.area is None else 0.0)
    xs = np.arange(-reach, reach + 1e-9, _STEP_PT)
    ys = np.arange(-reach * 0.75, reach * 0.75 + 1e-9, _STEP_PT * 0.75)
    grid = np.array(np.meshgrid(xs, ys)).reshape(2, -1).T
    distance = np.hypot(grid[:, 0], grid[:, 1] * 1.25)
    order = np.lexsort((grid[:, 1], grid[:, 0], distance))
    return np.round(grid[order], 3)


def _overlaps(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    return (
        (box[0] < boxes[:, 2])
        & (box[2] > boxes[:, 0])
        & (box[1] < boxes[:, 3])
        & (box[3] > boxes[:, 1])
    )


def _simplified(area: shapely.Geometry | None) -> shapely.Geometry | None:
    if area is None:
        return None
    minx, miny, maxx, maxy = area.bounds
    return shapely.simplify(area, max(maxx - minx, maxy - miny) / 200)


def _inside_fractions(
    lo: np.ndarray, hi: np.ndarray, area: shapely.Geometry, to_data: Any
) -> np.ndarray:
    """Share of each display box ``lo``–``hi`` that lies inside ``area`` (data coordinates)."""
    a, b = to_data.transform(lo), to_data.transform(hi)
    rects = shapely.box(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
    return shapely.area(shapely.intersection(rects, area)) / shapely.area(rects)


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
