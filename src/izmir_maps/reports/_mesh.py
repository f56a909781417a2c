"""District outlines as edges drawn once: the geometry of the report figures' maps.

:func:`izmir_maps.pages.svgmap.map_shapes` gives one closed path per district, so a
border between two districts is written twice, and a map that strokes every district
and fills each on its own carries its whole geometry about twice over. Here the
paths are read back into rings of integer tenths of a unit (exactly the points
written, which neighbours share), so that a figure can

- fill several districts of one colour with one path: the edges the districts share
  cancel (each segment counted modulo 2, drawn with ``fill-rule="evenodd"``), and
- stroke the borders between districts as one path of open lines, each border once.

Nothing is simplified or moved: every point is one of the pages' own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from izmir_maps.pages.svgmap import path_data

__all__ = ["Mesh"]

Point = tuple[int, int]
Segment = tuple[Point, Point]

_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


def _key(a: Point, b: Point) -> Segment:
    """A segment without its direction."""
    return (a, b) if a <= b else (b, a)


def read_rings(d: str) -> list[list[Point]]:
    """The rings of path data written as ``M x y l dx dy … Z`` (svgmap's form), in tenths.

    Examples
    --------
    >>> read_rings("M57 21.5l1 1.7-1.6-.1Z")
    [[(570, 215), (580, 232), (564, 231)]]
    """
    rings = []
    for part in d.split("Z"):
        if not part.strip():
            continue
        head, _, tail = part.partition("l")
        x, y = (round(float(v) * 10) for v in _NUMBER.findall(head.lstrip("M")))
        ring = [(x, y)]
        steps = [round(float(v) * 10) for v in _NUMBER.findall(tail)]
        for dx, dy in zip(steps[::2], steps[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def _graph(segments: list[Segment]) -> dict[Point, list[Point]]:
    """Each point's neighbours, in the order the segments come (deterministic walks)."""
    graph: dict[Point, list[Point]] = {}
    for a, b in segments:
        graph.setdefault(a, []).append(b)
        graph.setdefault(b, []).append(a)
    return graph


def _walk(graph: dict[Point, list[Point]], start: Point, stop: set[Point]) -> list[Point]:
    """From ``start`` along unused edges (used ones are removed) until a ``stop`` or a dead end."""
    line = [start]
    point = start
    while graph[point]:
        nxt = graph[point].pop(0)
        graph[nxt].remove(point)
        line.append(nxt)
        point = nxt
        if point in stop:
            break
    return line


class Mesh:
    """The districts of a map as shared edges, from their svgmap path data.

    Parameters
    ----------
    paths
        SVG path data per P-code, as :func:`~izmir_maps.pages.svgmap.map_shapes` writes it.
    """

    def __init__(self, paths: Mapping[str, str]) -> None:
        self._segments: dict[str, list[Segment]] = {}
        for pcode, d in paths.items():
            segments = []
            for ring in read_rings(d):
                segments += [_key(a, b) for a, b in zip(ring, ring[1:] + ring[:1], strict=True)]
            self._segments[pcode] = segments
        self._fills: dict[tuple[str, ...], str] = {}
        self._borders: str | None = None

    def size(self, pcodes: Iterable[str]) -> int:
        """How many segments the outlines of ``pcodes`` have, shared ones counted twice."""
        return sum(len(self._segments[p]) for p in pcodes)

    def fill(self, pcodes: Iterable[str]) -> str:
        """Path data of the area of ``pcodes`` together, for ``fill-rule="evenodd"``.

        The edges two of the districts share cancel, so the path is the outline of
        their union (closed rings, in tenths as read). Remembered: a map's classes
        are the same in every district's report.
        """
        key = tuple(pcodes)
        if key not in self._fills:
            self._fills[key] = self._fill(key)
        return self._fills[key]

    def _fill(self, pcodes: tuple[str, ...]) -> str:
        counts: Counter[Segment] = Counter()
        for pcode in pcodes:
            counts.update(self._segments[pcode])
        kept = [s for s, n in counts.items() if n % 2]
        graph = _graph(kept)
        rings = []
        for start, _ in kept:
            while graph[start]:
                ring = _walk(graph, start, {start})
                rings.append(ring[:-1])  # the walk comes back to its start: "Z" closes it
        return path_data(rings, closed=True)

    def borders(self) -> str:
        """Path data of every border between two districts, each drawn once, as open lines."""
        if self._borders is None:
            self._borders = self._inner_borders()
        return self._borders

    def _inner_borders(self) -> str:
        counts: Counter[Segment] = Counter()
        for segments in self._segments.values():
            counts.update(segments)
        inner = [s for s, n in counts.items() if n >= 2]
        graph = _graph(inner)
        ends = {p for p, near in graph.items() if len(near) != 2}
        lines = []
        for start in [p for p in graph if p in ends]:
            while graph[start]:
                lines.append(_walk(graph, start, ends))
        for start in graph:  # what is left are closed loops (an enclave's border)
            while graph[start]:
                lines.append(_walk(graph, start, {start}))
        return path_data(lines, closed=False)
