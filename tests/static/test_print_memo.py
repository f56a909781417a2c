"""Speed-ups of the print maps that must not change a byte: text drawn from memos, the SVG writer,
the legend plan, and a map drawn after others exactly as in a fresh process."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import textwrap

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patheffects import Stroke

from izmir_maps.spec.map_spec import choropleth_spec, combined_spec, wind_spec
from izmir_maps.static import _agg, _legend
from izmir_maps.static._look import SIZES, look
from izmir_maps.static._memo import forget_all
from izmir_maps.static._svg import _SvgCanvas, compact_path
from izmir_maps.static.render import render_static, write_static


@pytest.fixture(autouse=True)
def _agg_and_close():
    mpl.use("Agg")
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def test_a_map_after_others_has_the_bytes_of_a_map_drawn_in_a_fresh_process(tmp_path):
    """The atlas draws sixty maps per process: the tenth must equal the same map drawn first."""
    fresh = tmp_path / "fresh"
    script = textwrap.dedent(
        f"""
        import matplotlib
        matplotlib.use("Agg")
        from pathlib import Path
        from izmir_maps.spec.map_spec import choropleth_spec
        from izmir_maps.static.render import render_static, write_static
        fig = render_static(choropleth_spec("employees", layer="detailed"), size="a4")
        for fmt in ("png", "svg"):
            write_static(fig, Path({str(fresh)!r}) / f"employees.{{fmt}}")
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=600)
    for spec in (combined_spec(layer="detailed"), wind_spec(layer="detailed")):
        write_static(render_static(spec, size="a4"), tmp_path / "other.png")
        write_static(render_static(spec, size="a4"), tmp_path / "other.svg")
    fig = render_static(choropleth_spec("employees", layer="detailed"), size="a4")
    for fmt in ("png", "svg"):
        after = write_static(fig, tmp_path / f"after.{fmt}").read_bytes()
        assert after == (fresh / f"employees.{fmt}").read_bytes(), fmt


def _text_page() -> Figure:
    """Texts at fractions of a pixel, turned, bold, italic, on several lines, with halos."""
    fig = Figure(figsize=(3, 2), dpi=100, facecolor="white")
    FigureCanvasAgg(fig)
    rng = np.random.default_rng(7)
    words = ["Güzelbahçe", "Çiğli", "Ödemiş", "İzmir", "Karşıyaka\nBayraklı", "42,5 MW", "km"]
    for i, word in enumerate(words * 3):
        x, y = rng.uniform(0.05, 0.9, size=2)
        text = fig.text(
            x,
            y,
            word,
            fontsize=float(rng.choice([5.5, 6.8, 9.0])),
            rotation=float(rng.choice([0, 0, 30, 90])),
            weight="bold" if i % 3 == 0 else "normal",
            style="italic" if i % 4 == 1 else "normal",
            color="#1a1a1a",
        )
        if i % 2:
            text.set_path_effects([Stroke(linewidth=2.0, foreground="white")])
    return fig


@pytest.mark.parametrize("dpi", [300, 137])
def test_text_drawn_from_memos_has_matplotlibs_own_pixels(dpi):
    fig = _text_page()
    canvas = fig.canvas
    plain = io.BytesIO()
    fig.savefig(plain, format="raw", dpi=dpi, facecolor="white")  # matplotlib's own renderer
    first = _agg.draw_rgba(fig, dpi, facecolor="white")
    again = _agg.draw_rgba(fig, dpi, facecolor="white")  # every glyph from the memos now
    assert fig.canvas is canvas  # the figure keeps its canvas
    assert first == plain.getvalue()
    assert again == plain.getvalue()


def test_memo_renderer_draws_where_matplotlib_renders_glyph_by_glyph():
    fig = _text_page()
    canvas = fig.canvas
    renderer = _agg._SharedCanvas(fig).get_renderer()
    fig.set_canvas(canvas)
    assert isinstance(renderer, _agg.MemoRenderer) == _agg.SUPPORTED
    assert _agg._SharedCanvas(_text_page()).get_renderer() is renderer  # one for every page


def test_svg_writer_writes_matplotlibs_own_svg():
    fig = _text_page()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "t"}):
        plain, ours = io.StringIO(), io.StringIO()
        fig.savefig(plain, format="svg", facecolor="white", metadata={"Date": None})
        canvas = fig.canvas
        _SvgCanvas(fig)
        try:
            fig.savefig(ours, format="svg", facecolor="white", metadata={"Date": None})
        finally:
            fig.set_canvas(canvas)
    assert ours.getvalue() == plain.getvalue()


def test_forgetting_the_memos_gives_the_same_png(tmp_path):
    spec = choropleth_spec("employees", layer="detailed")
    fig = render_static(spec, size="half")
    warm = write_static(fig, tmp_path / "warm.png", dpi=150).read_bytes()
    forget_all()
    assert write_static(fig, tmp_path / "cold.png", dpi=150).read_bytes() == warm


# --- the compact SVG path data ------------------------------------------------------------------

_LETTER = re.compile(r"[A-Za-z]")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PAIRS = {"M": 1, "L": 1, "Q": 2, "C": 3}


def _compact_reference(d: str) -> str:
    """The path compaction written plainly: one command at a time."""
    if not re.fullmatch(r"[\sMLQCZz0-9.+-]*", d):
        return d
    letters, numbers = _LETTER.findall(d), _NUMBER.findall(d)
    if not letters or letters[0] != "M":
        return d
    if 2 * sum(_PAIRS.get(c, 0) for c in letters) != len(numbers):
        return d
    values = iter(round(float(n) * 100) for n in numbers)
    out, last, current, start = [], "", (0, 0), (0, 0)
    for letter in letters:
        if letter in "zZ":
            out.append("z")
            last, current = "z", start
            continue
        low = letter.lower()
        if low != last or low == "m":
            out.append(low)
        ref = current
        for k in range(_PAIRS[letter]):
            point = (next(values), next(values))
            if k == 0 and letter == "M":
                start = point
            for v in (point[0] - ref[0], point[1] - ref[1]):
                sign, (whole, frac) = ("-" if v < 0 else ""), divmod(abs(v), 100)
                text = (str(whole) if whole else "") + (
                    "." + f"{frac:02d}".rstrip("0") if frac else ""
                )
                word = sign + (text or "0")
                sep = "" if word.startswith("-") or out[-1] == low else " "
                out.append(sep + word)
            current = point
        last = low
    return "".join(out)


def _random_path(rng: np.random.Generator) -> str:
    parts = []
    for _ in range(int(rng.integers(1, 12))):
        letter = str(rng.choice(list("MLQCZzML")))
        numbers = [
            str(
                rng.choice(
                    [f"{rng.uniform(-500, 500):.{rng.integers(0, 7)}f}", ".5", "-0", "30000"]
                )
            )
            for _ in range(2 * _PAIRS.get(letter, 0) + int(rng.random() < 0.1))
        ]
        parts.append(letter + " " + " ".join(numbers))
    return str(rng.choice([" ", "\n", " \n"])).join(parts)


@pytest.mark.parametrize("seed", range(4))
def test_compact_path_matches_the_plain_reference(seed):
    rng = np.random.default_rng(seed)
    for _ in range(300):
        d = _random_path(rng)
        assert compact_path(d) == _compact_reference(d), d


def test_compact_path_keeps_what_it_does_not_know():
    for d in ("", "L 1 2", "M 1 2 L 3", "M 1 2 L - 3", "M 1e5 2", "M 1.2-3.4 L 1 1"):
        assert compact_path(d) == _compact_reference(d)
    assert compact_path("M 1.2-3.4 L 1 1") == "m1.2-3.4l-.2 4.4"


# --- the legend plan ----------------------------------------------------------------------------


def _plan_reference(spec, lk, *, page, left, right, room):
    """Every arrangement and place of the sources laid out on a page of its own, as before."""
    plans = []
    for arrangement, columns in enumerate(_legend._arrangements(spec)):
        for sources in (-1, *range(len(columns))):
            scratch = Figure(figsize=page, dpi=100)
            FigureCanvasAgg(scratch)
            plan = _legend.BandPlan(0.0, arrangement, sources)
            height = _legend._layout(
                scratch, spec, lk, plan, top=page[1], bottom=0.0, left=left, right=right
            )
            plan = _legend.BandPlan(float(height), arrangement, sources)
            if plan.height <= room:
                return plan
            plans.append(plan)
    return min(plans, key=lambda p: p.height)


@pytest.mark.parametrize("room", [0.0, 1.2, 1.6, 2.0, 10.0])
@pytest.mark.parametrize("size", ["a4", "half"])
def test_legend_plan_is_the_one_found_by_laying_out_every_candidate(room, size):
    spec = combined_spec(layer="detailed")
    lk = look(size)
    page = SIZES[size]
    args = {"page": page, "left": lk.margin, "right": page[0] - lk.margin, "room": room}
    assert _legend.plan_band(spec, lk, **args) == _plan_reference(spec, lk, **args)
