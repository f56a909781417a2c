"""Edges drawn once: the geometry of the report maps (``izmir_maps.reports._mesh``)."""

from __future__ import annotations

from izmir_maps.reports._mesh import Mesh, read_rings

# Two unit squares side by side and one below the left one, in svgmap's path form.
SQUARES = {
    "a": "M0 0l1 0 0 1-1 0Z",
    "b": "M1 0l1 0 0 1-1 0Z",
    "c": "M0 1l1 0 0 1-1 0Z",
}


def test_districts_of_one_colour_are_one_outline_without_their_shared_edge():
    rings = read_rings(Mesh(SQUARES).fill(["a", "b"]))
    assert len(rings) == 1
    assert sorted(rings[0]) == [(0, 0), (0, 10), (10, 0), (10, 10), (20, 0), (20, 10)]


def test_each_border_between_two_districts_is_one_line_drawn_once():
    borders = Mesh(SQUARES).borders()
    assert borders == "M1 0l0 1-1 0"  # a|b then a/c, one line; nothing of the outer edge


def test_a_district_alone_is_its_own_outline():
    assert sorted(read_rings(Mesh(SQUARES).fill(["c"]))[0]) == [
        (0, 10),
        (0, 20),
        (10, 10),
        (10, 20),
    ]
