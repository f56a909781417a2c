"""A static map prints its description under the title on request (``describe=True``, ``--describe``)."""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

import pytest

from izmir_maps.cli import main
from izmir_maps.spec.describe import describe_map, describe_sentences
from izmir_maps.spec.map_spec import choropleth_spec, combined_spec
from izmir_maps.static.render import render_static


def _texts(fig, gid: str) -> list:
    return [t for t in fig.texts if t.get_gid() == gid]


@pytest.fixture(scope="module")
def spec():
    return choropleth_spec("employees", layer="detailed")


@pytest.mark.parametrize("size", ["a4", "half"])
def test_description_sits_between_title_and_map(spec, size: str) -> None:
    fig = render_static(spec, size=size, describe=True)
    renderer = fig.canvas.get_renderer()
    (title,) = _texts(fig, "title")
    (desc,) = _texts(fig, "description")
    assert " ".join(desc.get_text().split("\n")) == describe_map(spec)
    box = desc.get_window_extent(renderer)
    page_w = fig.get_size_inches()[0] * fig.dpi
    assert box.x0 >= 0 and box.x1 <= page_w  # wrapped to the page
    assert box.y1 <= title.get_window_extent(renderer).y0 + 1  # under the title
    for ax in fig.axes:  # the map and the inset stay below it
        assert ax.get_window_extent(renderer).y1 <= box.y0


def test_no_description_by_default(spec) -> None:
    fig = render_static(spec, size="half")
    assert _texts(fig, "description") == []


def test_a_long_description_keeps_whole_sentences() -> None:
    spec = combined_spec(layer="detailed")
    fig = render_static(spec, size="half", describe=True)
    (desc,) = _texts(fig, "description")
    shown = " ".join(desc.get_text().split("\n"))
    assert shown.endswith(" …")
    assert describe_map(spec).startswith(shown[:-2])
    assert shown[:-2] in [" ".join(describe_sentences(spec)[:n]) for n in range(1, 20)]
    assert len(desc.get_text().split("\n")) <= 6


def _svg_description(path: Path) -> str:
    """The lines of the SVG's description group, joined (SVG keeps them as real text)."""
    svg = path.read_text(encoding="utf-8")
    group = re.search(r'<g id="description">(.*?)</g>', svg, re.S)
    assert group is not None
    return " ".join(html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", group[1]))


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_cli_describe_prints_it_into_the_svg(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "map.svg"
    args = ["map", "employees", "--describe", "--lang", lang, "--size", "half", "--out", str(out)]
    assert main(args) == 0
    expected = describe_map(choropleth_spec("employees", layer="detailed", lang=lang))
    assert _svg_description(out) == expected
    plain = tmp_path / "plain.svg"
    assert main(["map", "employees", "--size", "half", "--out", str(plain)]) == 0
    assert 'id="description"' not in plain.read_text(encoding="utf-8")


def test_describe_must_be_a_bool(spec) -> None:
    from izmir_maps.errors import OptionError

    with pytest.raises(OptionError, match="describe"):
        render_static(spec, describe="yes")  # type: ignore[arg-type]


def test_wrap_is_measured() -> None:
    from izmir_maps.static.render import _wrap

    text = textwrap.dedent("Çeşme'de Ödemiş'te İĞŞÇÖÜ " * 20)
    lines = _wrap(text, 3.0, 6.6)
    assert " ".join(lines) == " ".join(text.split())
