"""Edges drawn once: the geometry of the report maps (``izmir_maps.reports._mesh``)."""

from __future__ import annotations

import pytest

from izmir_maps.pages.svgmap import map_shapes, path_data
from izmir_maps.reports._mesh import Mesh

# Two unit squares side by side and one below the left one, in tenths (1 unit = 10).
SQUARES = {
    "a": [[(0, 0), (10, 0), (10, 10), (0, 10)]],
    "b": [[(10, 0), (20, 0), (20, 10), (10, 10)]],
    "c": [[(0, 10), (10, 10), (10, 20), (0, 20)]],
}
# A square district "d" inside a square "e" that has it as a hole.
HOLE = [(10, 10), (20, 10), (20, 20), (10, 20)]
ENCLAVE = {"e": [[(0, 0), (30, 0), (30, 30), (0, 30)], HOLE], "d": [HOLE]}


def test_districts_of_one_colour_are_one_outline_without_their_shared_edge():
    # (0,0) → (1,0) → (2,0) → (2,1) → (1,1) → (0,1): the edge a|b is not drawn
    assert Mesh(SQUARES).fill(["a", "b"]) == "M0 0l1 0 1 0 0 1-1 0-1 0Z"
    # the L of all three, one ring of 8 points
    assert Mesh(SQUARES).fill(["a", "b", "c"]) == "M0 0l1 0 1 0 0 1-1 0 0 1-1 0 0-1Z"


def test_each_border_between_two_districts_is_one_line_drawn_once():
    borders = Mesh(SQUARES).borders()
    assert borders == "M1 0l0 1-1 0"  # a|b then a/c, one line; nothing of the outer edge


def test_a_district_alone_is_its_own_outline():
    assert Mesh(SQUARES).fill(["c"]) == "M0 1l1 0 0 1-1 0Z"


def test_an_enclave_is_a_hole_in_its_neighbour_and_its_border_a_closed_line():
    mesh = Mesh(ENCLAVE)
    assert mesh.fill(["e"]) == "M0 0l3 0 0 3-3 0ZM1 1l1 0 0 1-1 0Z"  # evenodd: a hole
    assert mesh.fill(["d", "e"]) == "M0 0l3 0 0 3-3 0Z"  # together: the hole closes
    assert mesh.borders() == "M1 1l1 0 0 1-1 0 0-1"  # back to its start, drawn once


def test_size_counts_each_districts_edges_shared_ones_twice():
    assert Mesh(SQUARES).size(["a"]) == 4
    assert Mesh(SQUARES).size(["a", "b", "c"]) == 12


def test_rings_as_tuples_or_lists_give_the_same_mesh():
    as_tuples = {p: tuple(tuple(ring) for ring in rings) for p, rings in SQUARES.items()}
    assert Mesh(as_tuples).fill(["a", "b"]) == Mesh(SQUARES).fill(["a", "b"])
    assert Mesh(as_tuples).borders() == Mesh(SQUARES).borders()


@pytest.mark.parametrize("width", [280, 320])
def test_the_rings_a_figure_meshes_are_the_points_of_the_districts_paths(width):
    """The mesh's fills and the district's own ``<use>`` of its path must meet exactly."""
    shapes = map_shapes(width)
    assert list(shapes.rings) == list(shapes.paths)  # same districts, same order
    for pcode, rings in shapes.rings.items():
        assert path_data(rings, closed=True) == shapes.paths[pcode], pcode
        assert all(isinstance(x, int) and isinstance(y, int) for r in rings for x, y in r)
