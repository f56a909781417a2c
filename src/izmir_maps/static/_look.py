"""Page sizes, type sizes and the few extra words of the static maps (a helper of :mod:`render_static`)."""

from __future__ import annotations

from dataclasses import dataclass

from izmir_maps.errors import OptionError
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["LOOKS", "SIZES", "Look", "look", "word"]

#: Figure size in inches: ``"a4"`` fills an A4 text width (170 mm), ``"half"`` half of it (85 mm).
#: İzmir is a little wider than tall in UTM (about 201 × 174 km); the title above and the
#: legend band below make the page 1.24 (A4) and 1.31 (half) times as tall as it is wide.
#: At A4 every map keeps the full width; at half width a crowded legend (the combined
#: map) shrinks the map, never the type.
SIZES: dict[str, tuple[float, float]] = {
    "a4": (6.7, 8.3),
    "half": (3.35, 4.4),
}


@dataclass(frozen=True)
class Look:
    """Type sizes (points), line widths (points) and margins (inches) of one page size.

    ``inset_width`` is a fraction of the page's text width; ``counts`` says whether
    legend classes show how many districts they hold; ``spacing`` is the space
    between legend rows (font sizes) and ``block_gap`` between legend blocks (points);
    ``describe_lines`` is the most lines a map's description may take under the title
    (whole sentences that do not fit are left out, the text ending with "…").
    """

    title: float
    label: float
    inset_label: float
    context: float
    legend: float
    legend_title: float
    note: float
    source: float
    margin: float
    line: float
    osb_marker: float
    farm_marker: float
    wind_radius: float
    halo: float
    inset_width: float
    counts: bool
    spacing: float
    block_gap: float
    describe_lines: int


LOOKS: dict[str, Look] = {
    "a4": Look(
        title=12.0,
        label=6.8,
        inset_label=6.3,
        context=7.0,
        legend=6.6,
        legend_title=7.0,
        note=6.0,
        source=5.6,
        margin=0.14,
        line=0.45,
        osb_marker=5.5,
        farm_marker=4.2,
        wind_radius=17.0,
        halo=1.8,
        inset_width=0.43,
        counts=True,
        spacing=0.45,
        block_gap=7.0,
        describe_lines=9,
    ),
    "half": Look(
        title=8.0,
        label=4.8,
        inset_label=4.5,
        context=5.0,
        legend=4.8,
        legend_title=5.0,
        note=4.4,
        source=4.2,
        margin=0.08,
        line=0.3,
        osb_marker=3.8,
        farm_marker=3.0,
        wind_radius=10.0,
        halo=1.3,
        inset_width=0.43,
        counts=False,
        spacing=0.32,
        block_gap=5.0,
        describe_lines=6,
    ),
}


def look(size: str) -> Look:
    """The :class:`Look` of page size ``size``, or :class:`OptionError` naming the valid sizes.

    Examples
    --------
    >>> look("a4").title
    12.0
    """
    if size not in LOOKS:
        msg = f"size must be one of {', '.join(repr(s) for s in SIZES)}, not {size!r}."
        raise OptionError(msg)
    return LOOKS[size]


def word(key: str, lang: Lang = "tr", **values: object) -> str:
    """A static-map word in ``lang``.

    Examples
    --------
    >>> word("districts_many", "en", n=14), word("districts_many", n=14)
    ('14 districts', '14 ilçe')
    """
    return text(key, lang, **values)
