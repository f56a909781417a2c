"""The legend of one map, decided once: what the HTML and the print renderer both draw.

A :class:`LegendPlan` is a list of *sections* and a list of *notes*, all
frozen, all in the spec's language. Nothing in it is left to compute: class
labels and counts, the capacity drawn at the largest radius and the steps of
the size legend, the symbol entries and the notes are final. The renderers
only lay it out (an HTML box, a band under the print map) and may leave out
a heading their layout already shows; they never compute steps, search note
strings or pick words.

Sections are a union of typed kinds, each with the ``layer`` it explains
(the HTML layer switch shows or hides it):

- :class:`ClassesSection` – the choropleth's classes, the no-data class last;
- :class:`SymbolSection` – point symbols (OSB kinds, wind farms) with their
  location quality (filled = sourced, hollow = approximate) and the rows
  that could not be placed;
- :class:`SizeSection` – proportional symbols: the top value and the steps;
- :class:`HatchSection` – a hatched fill: districts proposed for wind (layer
  ``"proposed"``), districts created after the data's year (``"boundary"``).

- :class:`TwoWaySection` – the square legend of a bivariate map: two axes
  (title and class ranges each) and a 3 × 3 grid of colours with a count per
  cell (layer ``"choro"``, where :class:`ClassesSection` is on other maps).

Every "nice" number of a legend comes from :func:`nice_number`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal, TypeVar

import pandas as pd

from izmir_maps.data.locations import APPROXIMATE, SOURCED
from izmir_maps.data.registry import indicator
from izmir_maps.spec.classify import scheme_label
from izmir_maps.text.names import turkish_lower
from izmir_maps.text.numbers import Lang, format_number
from izmir_maps.text.words import text

if TYPE_CHECKING:
    from izmir_maps.spec.map_spec import MapSpec

__all__ = [
    "LADDER",
    "OSB_KINDS",
    "ClassesSection",
    "HatchSection",
    "LegendClass",
    "LegendPlan",
    "Note",
    "NoteKind",
    "Section",
    "SizeSection",
    "SizeStep",
    "SymbolEntry",
    "SymbolSection",
    "TwoWaySection",
    "Unplaced",
    "classification_note",
    "count_label",
    "location_approx_note",
    "midpoint_note",
    "nice_number",
    "per_population_note",
    "plan_legend",
    "size_steps",
    "wind_unassigned_note",
]

#: Mantissas of a round legend number (× 10ⁿ).
LADDER: tuple[float, ...] = (1, 1.5, 2, 2.5, 3, 5, 7.5)
#: The known OSB kinds, in legend order; any other kind is one "other" entry.
OSB_KINDS: tuple[str, ...] = ("osb", "agricultural_osb", "free_zone", "private_industrial_zone")
_KIND_WORDS = {
    "osb": "osb_marker",
    "agricultural_osb": "agricultural_osb",
    "free_zone": "free_zone",
    "private_industrial_zone": "private_industrial_zone",
}

Location = Literal["sourced", "approximate"]
NoteKind = Literal[
    "classification",
    "per_population",
    "midpoint",
    "wind_unassigned",
    "location_approx",
    "boundary_view",
    "grid",
    "years",
]


# --- the plan ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LegendClass:
    """One class of a choropleth: its swatch, its range and how many districts it holds."""

    color: str
    label: str
    count: int
    count_label: str  # "14 ilçe", "1 district"
    no_data: bool = False


@dataclass(frozen=True)
class ClassesSection:
    """The choropleth's classes, lowest first; the no-data class, if any, last."""

    title: str
    classes: tuple[LegendClass, ...]
    layer: str = "choro"


@dataclass(frozen=True)
class SymbolEntry:
    """One point symbol of the legend.

    Attributes
    ----------
    symbol
        What is drawn: an OSB kind (see :data:`OSB_KINDS`), ``"other"``,
        ``"location"`` (a neutral marker that explains fill) or ``"farm"``.
    label
        Its words.
    location
        ``"sourced"`` (filled) or ``"approximate"`` (hollow); ``None`` for a
        kind entry, drawn filled.
    """

    symbol: str
    label: str
    location: Location | None = None


@dataclass(frozen=True)
class Unplaced:
    """Rows of a point layer that are not on the map (their district is unknown).

    ``label`` reads under the section's title; ``standalone`` names the
    layer too, for a layout that shows it apart from its section.
    """

    label: str
    standalone: str
    names: tuple[str, ...]

    @property
    def line(self) -> str:
        """``label: names``."""
        return f"{self.label}: {', '.join(self.names)}"


@dataclass(frozen=True)
class SymbolSection:
    """Point symbols of one layer: one entry per kind, then the location entries."""

    layer: str  # "osb" or "farms"
    title: str
    entries: tuple[SymbolEntry, ...]
    unplaced: Unplaced | None = None

    @property
    def kinds(self) -> tuple[SymbolEntry, ...]:
        """The entries that explain a shape (not a location quality)."""
        return tuple(e for e in self.entries if e.location is None)

    @property
    def locations(self) -> tuple[SymbolEntry, ...]:
        """The entries that explain filled (sourced) and hollow (approximate)."""
        return tuple(e for e in self.entries if e.location is not None)


@dataclass(frozen=True)
class SizeStep:
    """One circle of a size legend."""

    value: float
    label: str


@dataclass(frozen=True)
class SizeSection:
    """Proportional symbols (area ∝ value).

    Attributes
    ----------
    top
        The value drawn at the largest radius, on the map and in the legend
        alike; ``0`` when there is nothing to draw.
    steps
        The circles of the legend, largest first (the first is ``top``).
    """

    title: str
    caption: str
    top: float
    steps: tuple[SizeStep, ...]
    layer: str = "wind"


@dataclass(frozen=True)
class HatchSection:
    """A hatched district fill; ``layer`` says which (``"proposed"`` or ``"boundary"``)."""

    label: str
    layer: str = "proposed"


@dataclass(frozen=True)
class TwoWaySection:
    """The square two-way legend of a bivariate map.

    Attributes
    ----------
    x_title, y_title
        The two axes' indicator titles.
    x_labels, y_labels
        The class ranges of each axis, low first ("27.225 – 58.000").
    colors
        ``colors[x][y]``: the fill of each cell.
    counts
        ``counts[x][y]``: districts in each cell.
    levels
        The words of the three classes, low first.
    no_data_label
        The no-data swatch's words with its count, or ``""`` when every district has both values.
    """

    x_title: str
    y_title: str
    x_labels: tuple[str, str, str]
    y_labels: tuple[str, str, str]
    colors: tuple[tuple[str, str, str], ...]
    counts: tuple[tuple[int, int, int], ...]
    levels: tuple[str, str, str]
    no_data_label: str = ""
    layer: str = "choro"


Section = ClassesSection | SymbolSection | SizeSection | HatchSection | TwoWaySection
_S = TypeVar("_S", ClassesSection, SymbolSection, SizeSection, HatchSection, TwoWaySection)


@dataclass(frozen=True)
class Note:
    """A line of the legend that no swatch or symbol says.

    Attributes
    ----------
    kind
        What it states (see :data:`NoteKind`).
    text
        The sentence, in the spec's language.
    values
        The figures it states, by name (e.g. ``{"year": 2021}``).
    alert
        Whether it must stand out (the capacity missing from the map).
    layer
        The layer it belongs to, or ``None``.
    said_by_entry
        Whether a symbol entry already says it (then it is not repeated).
    """

    kind: NoteKind
    text: str
    values: dict[str, float | int | str] = field(default_factory=dict, hash=False)
    alert: bool = False
    layer: str | None = None
    said_by_entry: bool = False


@dataclass(frozen=True)
class LegendPlan:
    """Everything a map's legend shows, in order."""

    sections: tuple[Section, ...] = ()
    notes: tuple[Note, ...] = ()

    def section(self, kind: type[_S], layer: str | None = None) -> _S | None:
        """The first section of type ``kind`` (and ``layer``), or ``None``."""
        return next(
            (
                s
                for s in self.sections
                if isinstance(s, kind) and (layer is None or s.layer == layer)
            ),
            None,
        )

    @property
    def sizes(self) -> SizeSection | None:
        """The size legend, if the map has proportional symbols."""
        return self.section(SizeSection)

    @property
    def plain_notes(self) -> tuple[Note, ...]:
        """The notes drawn as plain lines: neither alerts nor said by an entry."""
        return tuple(n for n in self.notes if not n.alert and not n.said_by_entry)

    @property
    def alerts(self) -> tuple[Note, ...]:
        """The notes that must stand out."""
        return tuple(n for n in self.notes if n.alert)


# --- numbers ----------------------------------------------------------------------------------


def nice_number(
    value: float,
    *,
    how: Literal["ceil", "nearest"] = "nearest",
    ladder: Sequence[float] = LADDER,
) -> float:
    """A round number near ``value``: one of ``ladder`` × 10ⁿ.

    Parameters
    ----------
    value
        A positive number (anything else gives ``0.0``).
    how
        ``"ceil"``: the smallest round number not below ``value``;
        ``"nearest"``: the closest (the smaller on a tie).
    ladder
        Mantissas from 1 (included) to 10 (excluded), increasing.

    Examples
    --------
    >>> nice_number(147.5, how="ceil"), nice_number(42.5, how="ceil"), nice_number(0.8, how="ceil")
    (150.0, 50.0, 1.0)
    >>> nice_number(25.0), nice_number(75.0), nice_number(8.3), nice_number(0.14)
    (25.0, 75.0, 7.5, 0.15)
    >>> nice_number(35.5, how="ceil", ladder=(1, 2, 4, 5))
    40.0
    """
    if not value > 0 or math.isinf(value):
        return 0.0
    exp = math.floor(math.log10(value))
    # dividing by 10^-n keeps 0.15 exact where 1.5 * 0.1 would not be
    scale = (lambda m: m * 10**exp) if exp >= 0 else (lambda m: m / 10**-exp)
    candidates = [float(scale(m)) for m in ladder] + [float(scale(10))]
    if how == "ceil":
        return min(c for c in candidates if c >= value)
    return min(candidates, key=lambda c: (abs(c - value), c))


def size_steps(values: Sequence[float]) -> tuple[float, list[float]]:
    """The value drawn at the largest radius and the circles of the size legend.

    The top is the smallest round number not below the largest value, so no
    symbol on the map outgrows the legend's largest circle; the other circles
    are a half and a sixth of it, rounded (areas of 1/2 and 1/6 stay apart).

    Examples
    --------
    >>> size_steps([147.5, 12.0])
    (150.0, [150.0, 75.0, 25.0])
    >>> size_steps([])
    (0.0, [])
    """
    positive = [v for v in values if v > 0 and not math.isnan(v)]
    top = nice_number(max(positive, default=0.0), how="ceil")
    if top <= 0:
        return 0.0, []
    steps = {top, nice_number(top / 2), nice_number(top / 6)}
    return top, sorted(steps, reverse=True)


# --- notes ------------------------------------------------------------------------------------


def classification_note(scheme: str, lang: Lang) -> Note:
    """Which classification scheme (a key of ``SCHEMES``) the classes come from."""
    name = scheme_label(scheme, lang)
    return Note("classification", f"{text('classes', lang)}: {name}", {"scheme": scheme})


def per_population_note(year: int, lang: Lang) -> Note:
    """Which population year per-capita values use."""
    return Note("per_population", text("per_population_note", lang, year=year), {"year": year})


def midpoint_note(value: float, formatted: str, lang: Lang) -> Note:
    """The value a diverging palette is centred on (İzmir's overall value)."""
    return Note("midpoint", text("midpoint_note", lang, value=formatted), {"value": value})


def wind_unassigned_note(total_mw: float, rest_mw: float, lang: Lang) -> Note:
    """The capacity the source assigns to no district, so the map cannot show it."""
    mw = indicator("wind_capacity_mw")
    sentence = text(
        "wind_unassigned", lang, total=mw.format(total_mw, lang), rest=mw.format(rest_mw, lang)
    )
    return Note(
        "wind_unassigned",
        sentence,
        {"total_mw": total_mw, "rest_mw": rest_mw},
        alert=True,
        layer="wind",
    )


def location_approx_note(lang: Lang) -> Note:
    """Hollow symbols: the location is approximate."""
    return Note("location_approx", text("location_approx", lang))


# --- building a plan --------------------------------------------------------------------------


def plan_legend(spec: MapSpec, notes: Sequence[Note]) -> LegendPlan:
    """The legend of ``spec`` with ``notes``, sections in drawing order.

    A note that a symbol entry already says (the approximate location of
    hollow markers) is marked ``said_by_entry``.
    """
    sections: list[Section] = []
    if spec.classification is not None and spec.indicator is not None:
        sections.append(_classes(spec))
    if spec.caveats.hatched:  # explains the choropleth, so it follows the classes
        sections.append(HatchSection(spec.caveats.label, layer="boundary"))
    if spec.osbs is not None:
        sections.append(_osb_symbols(spec))
    if spec.wind_points is not None:
        sections.append(_sizes(spec))
    if spec.wind_proposed:
        sections.append(HatchSection(text("wind_proposed", spec.lang)))
    if spec.wind_farms is not None:
        sections.append(_farm_symbols(spec))
    entries = {e.label for s in sections if isinstance(s, SymbolSection) for e in s.locations}
    said = [
        replace(n, said_by_entry=True) if n.kind == "location_approx" and n.text in entries else n
        for n in notes
    ]
    return LegendPlan(tuple(sections), tuple(said))


def count_label(count: int, areas: str, lang: Lang) -> str:
    """How many shapes a class holds: "1 ilçe", "14 ilçe" — or "14 bölge" for any areas.

    Examples
    --------
    >>> count_label(1, "districts", "en"), count_label(14, "areas", "tr")
    ('1 district', '14 bölge')
    """
    if areas == "areas":
        return text("one_area", lang) if count == 1 else text("n_areas", lang, n=count)
    return text("one_district", lang) if count == 1 else text("n_districts", lang, n=count)


def _classes(spec: MapSpec) -> ClassesSection:
    lang = spec.lang
    items = spec.classification.legend_items(spec.indicator, lang)
    n_classes = spec.classification.k
    classes = tuple(
        LegendClass(
            color=color,
            label=label,
            count=count,
            count_label=count_label(count, spec.areas, lang),
            no_data=i >= n_classes,  # legend_items puts the no-data class after the k classes
        )
        for i, (color, label, count) in enumerate(items)
    )
    unranked = _unranked_label(spec)
    if unranked is not None:
        classes = tuple(replace(c, label=unranked) if c.no_data else c for c in classes)
    return ClassesSection(spec.indicator.title(lang), classes)


def _unranked_label(spec: MapSpec) -> str | None:
    """On a rank map, "Sıra yok (OSB yok)" when every district without a rank has a count of 0."""
    ind = spec.indicator
    if ind is None or ind.variant != "rank" or not ind.unranked_zero or ind.base is None:
        return None
    table = spec.districts
    if ind.base not in table.columns or ind.id not in table.columns:
        return None
    base = pd.to_numeric(table.loc[table[ind.id].isna(), ind.base], errors="coerce")
    if base.empty or not (base == 0).all():
        return None
    return text("no_rank_zero", spec.lang, reason=ind.unranked_reason(spec.lang))


def _osb_symbols(spec: MapSpec) -> SymbolSection:
    lang = spec.lang
    present = set(spec.osbs["kind"].dropna().astype(str).str.strip())
    entries = [SymbolEntry(k, text(_KIND_WORDS[k], lang)) for k in OSB_KINDS if k in present]
    others = sorted(present - set(OSB_KINDS) - {""})
    if others:  # drawn alike on the map, so explained by one entry
        entries.append(SymbolEntry("other", ", ".join(others)))
    return SymbolSection(
        "osb",
        text("osb", lang),
        (*entries, *_location_entries("location", lang, spec.osbs)),
        _unplaced(spec.osbs_unplaced, text("osb", lang), lang),
    )


def _farm_symbols(spec: MapSpec) -> SymbolSection:
    title = text("wind_farms", spec.lang)
    return SymbolSection(
        "farms",
        title,
        _location_entries("farm", spec.lang, spec.wind_farms),
        _unplaced(spec.wind_farms_unplaced, title, spec.lang),
    )


def _sizes(spec: MapSpec) -> SizeSection:
    lang = spec.lang
    values = pd.to_numeric(spec.wind_points["capacity_mw"], errors="coerce").astype(float)
    top, steps = size_steps(list(values.dropna()))
    return SizeSection(
        title=text("map_wind", lang),
        caption=text("wind_points", lang),
        top=top,
        steps=tuple(SizeStep(v, _mw(v, lang)) for v in steps),
    )


def _location_entries(symbol: str, lang: Lang, placed: pd.DataFrame) -> tuple[SymbolEntry, ...]:
    """Filled and hollow explained, each only when a marker of the layer is drawn so."""
    drawn = set(placed["location"]) if "location" in placed.columns else set()
    words = {SOURCED: "location_sourced", APPROXIMATE: "location_approx"}
    return tuple(
        SymbolEntry(symbol, text(words[where], lang), where)  # type: ignore[arg-type]
        for where in (SOURCED, APPROXIMATE)
        if where in drawn
    )


def _unplaced(rows: pd.DataFrame | None, title: str, lang: Lang) -> Unplaced | None:
    if rows is None or rows.empty:
        return None
    label = text("unplaced", lang)
    first = turkish_lower(label[:1]) if lang == "tr" else label[:1].lower()
    names = tuple(_short_name(row) for _, row in rows.iterrows())
    return Unplaced(label, f"{title} – {first}{label[1:]}", names)


def _short_name(row: pd.Series) -> str:
    """The row's short name, else its name without the parenthesised aside."""
    short = row.get("short_name")
    if isinstance(short, str) and short.strip():
        return short.strip()
    name = row.get("name")
    if isinstance(name, str) and name.strip():
        return name.split(" (")[0].strip() or name.strip()
    return "?"


def _mw(value: float, lang: Lang) -> str:
    return f"{format_number(value, lang, 0 if float(value).is_integer() else 1)} MW"
