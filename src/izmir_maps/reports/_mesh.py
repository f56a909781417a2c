"""District outlines as edges drawn once: the geometry of the report figures' maps.

:func:`izmir_maps.pages.svgmap.map_shapes` gives one closed path per district, so a
border between two districts is written twice, and a map that strokes every district
and fills each on its own carries its whole geometry about twice over. Here the
districts' rings (``MapShapes.rings``: integer tenths of a unit, exactly the points
the paths are written from, which neighbours share) are cut into edges, so that a
figure can

- fill several districts of one colour with one path: the edges the districts share
  cancel (each segment counted modulo 2, drawn with ``fill-rule="evenodd"``), and
- stroke the borders between districts as one path of open lines, each border once.

Nothing is simplified or moved: every point is one of the pages' own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from izmir_maps.pages.svgmap import path_data

__all__ = ["Mesh"]

Point = tuple[int, int]
Segment = tuple[Point, Point]


def _key(a: Point, b: Point) -> Segment:
    """A segment without its direction."""
    return (a, b) if a <= b else (b, a)


def _edges(ring: Sequence[Point]) -> Iterable[tuple[Point, Point]]:
    """Each side of a closed ring, the last point joined to the first."""
    return zip(ring, [*ring[1:], ring[0]], strict=True)


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
    """The districts of a map as shared edges, from their rings.

    Parameters
    ----------
    rings
        The closed rings of each P-code's outline, points in integer tenths of a unit
        (the last point joins the first), as
        :attr:`MapShapes.rings <izmir_maps.pages.svgmap.MapShapes>` gives them.

    Examples
    --------
    >>> mesh = Mesh({"a": [[(0, 0), (10, 0), (10, 10), (0, 10)]],
    ...              "b": [[(10, 0), (20, 0), (20, 10), (10, 10)]]})
    >>> mesh.borders(), mesh.size(["a", "b"])
    ('M1 0l0 1', 8)
    """

    def __init__(self, rings: Mapping[str, Iterable[Sequence[Point]]]) -> None:
        self._segments: dict[str, list[Segment]] = {
            pcode: [_key(a, b) for ring in outline for a, b in _edges(ring)]
            for pcode, outline in rings.items()
        }
        self._fills: dict[tuple[str, ...], str] = {}
        self._borders: str | None = None

    def size(self, pcodes: Iterable[str]) -> int:
        """How many segments the outlines of ``pcodes`` have, shared ones counted twice."""
        return sum(len(self._segments[p]) for p in pcodes)

    def fill(self, pcodes: Iterable[str]) -> str:
        """Path data of the area of ``pcodes`` together, for ``fill-rule="evenodd"``.

        The edges two of the districts share cancel, so the path is the outline of
        their union (closed rings, in tenths as given). Remembered: a map's classes
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
