"""A 1,200-character title without a space stays in its place on the print map (issue 12).

The title is cut to :data:`~izmir_maps.text.clean.TITLE_MAX` characters and
wrapped; a word without spaces is broken. The page title keeps inside the map
frame, and the bold legend heading (the same title) used to run into the
classification note beside it when its letters were wide (``XXXX…``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from izmir_maps.data.boundaries import load_districts
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.static.render import render_static
from izmir_maps.text.names import turkish_sort_key

#: the 30 districts in Turkish alphabetical order, as the shipped boundaries name them
DISTRICTS = sorted(load_districts()["district"], key=turkish_sort_key)
TITLES = {
    "X": "X" * 1200,
    "W": "W" * 1200,
    "Ş": "Ş" * 1200,
    "words": "Uzun başlık " * 100,
}


def _spec(tmp_path: Path, title: str) -> MapSpec:
    from izmir_maps.spec.user_spec import user_choropleth_spec

    path = tmp_path / "t.csv"
    rows = "".join(f"{name};{i + 1}\n" for i, name in enumerate(DISTRICTS))
    path.write_text(f"İlçe;Değer\n{rows}", encoding="utf-8")
    spec, _ = user_choropleth_spec(path, column="Değer", title=title, layer="detailed")
    return spec


def _drawn(fig: Figure) -> Figure:
    # measured as printed (300 dpi, the PNG's): at the 100 dpi of the screen, hinting widens bold W
    fig.set_dpi(300)
    fig.canvas.draw()  # the legend places its title when drawn
    return fig


def _text(fig: Figure, gid: str) -> Text:
    (found,) = [t for t in fig.texts if t.get_gid() == gid]
    return found


def _box(fig: Figure, artist) -> Bbox:
    return artist.get_window_extent(fig.canvas.get_renderer())


def _frame(fig: Figure) -> Bbox:
    (ax,) = [a for a in fig.axes if a.get_gid() == "map"]
    return ax.get_window_extent(fig.canvas.get_renderer())


@pytest.fixture(scope="module", params=list(TITLES), ids=list(TITLES))
def page(request, tmp_path_factory) -> Figure:
    tmp = tmp_path_factory.mktemp(f"title_{request.param.encode().hex()}")
    return _drawn(render_static(_spec(tmp, TITLES[request.param])))


def test_no_line_of_the_title_is_wider_than_the_map_frame(page: Figure):
    title, frame = _text(page, "title"), _frame(page)
    lines = title.get_text().split("\n")
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    for line in lines:  # each line set alone, as wide as it prints
        probe = page.text(0, 0, line, fontproperties=title.get_fontproperties())
        width = _box(page, probe).width
        probe.remove()
        assert width <= frame.width, line[:20]
    box = _box(page, title)
    assert frame.x0 - 1 <= box.x0
    assert box.x1 <= frame.x1


def test_the_legend_heading_keeps_clear_of_the_classification_note(page: Figure):
    (legend,) = page.legends
    heading = _box(page, legend.get_title())
    note = _box(page, _text(page, "note"))
    assert heading.x1 < note.x0, (heading, note)
    assert legend.get_title().get_text().endswith("…")


def test_a_built_in_heading_keeps_its_lines():
    """Built-in headings wrap as they always have: the bold face may exceed the column a little."""
    from izmir_maps.static._legend import _heading_lines, _wrap

    title = "İZKA 2009 Tourism and Environment applications – share (%)"
    assert _heading_lines(title, 2.8, 6.6) == _wrap(title, 2.8, 6.6)
    assert _heading_lines("X" * 150, 2.8, 6.6) == _wrap("X" * 150, 2.8, 6.6, "bold")
    assert _heading_lines("X" * 150, 2.8, 6.6) != _wrap("X" * 150, 2.8, 6.6)
