"""What a map or page says about the 2008 boundary change, decided once for all of them.

Data recorded under the 2008 boundaries (Table 1, see
:attr:`izmir_maps.data.registry.Indicator.boundaries`) is shown either

- in the **current view** (30 districts): Bayraklı and Karabağlar are hatched
  and carry a one-line caveat, their parents a line saying their figures
  probably include them; or
- in the **2008 view** (28 units): each new district inside its parent, named
  "Karşıyaka (Bayraklı dahil)", the title saying "2008 sınırları".

Per-capita and per-km² maps of such data use the 2008 view unless told
otherwise (a ratio of 474 employees to 297,000 residents is not a finding);
counts, shares and ranks stay in the current view, flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.data.history import BoundaryView, check_view, children_by_parent, new_districts
from izmir_maps.data.registry import Indicator, indicator
from izmir_maps.spec.legend import Note
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = [
    "BoundaryCaveats",
    "boundary_caveats",
    "caveats_of_2008_data",
    "default_view",
    "merged_name",
    "view_note",
    "view_title",
]

_RATIOS = ("per_1000", "per_km2")


def default_view(ind: Indicator | None, requested: BoundaryView | None = None) -> BoundaryView:
    """The boundary view a map of ``ind`` uses: ``requested`` if given, else the rule above.

    Examples
    --------
    >>> from izmir_maps.data.registry import indicator
    >>> default_view(indicator("employees_per_1000")), default_view(indicator("employees"))
    ('2008', 'current')
    >>> default_view(indicator("employees_per_1000"), "current")
    'current'
    """
    if requested is not None:
        check_view(requested)
        return requested
    if ind is not None and ind.boundaries == "2008" and ind.variant in _RATIOS:
        return "2008"
    return "current"


@dataclass(frozen=True)
class BoundaryCaveats:
    """The districts to flag for one indicator in one view, and the line each carries.

    Attributes
    ----------
    hatched
        P-codes drawn with the boundary-change pattern (the new districts, in
        the current view only).
    label
        The legend's words for that pattern ("" when nothing is hatched).
    lines
        P-code → the caveat sentence of its tooltip, popup and profile (the
        new districts and, in the current view, their parents).
    """

    hatched: tuple[str, ...] = ()
    lines: dict[str, str] | None = None
    label: str = ""

    def line(self, pcode: str) -> str | None:
        """The caveat of ``pcode``, or ``None``."""
        return (self.lines or {}).get(pcode)


def boundary_caveats(ind: Indicator | None, view: BoundaryView, lang: Lang) -> BoundaryCaveats:
    """What to flag on a map or page of ``ind`` in ``view``.

    Examples
    --------
    >>> from izmir_maps.data.registry import indicator
    >>> c = boundary_caveats(indicator("employees"), "current", "tr")
    >>> [district_matcher().name(p) for p in c.hatched]
    ['Bayraklı', 'Karabağlar']
    >>> c.line(district_matcher().pcode("Bayraklı"))
    "2008'de kuruldu; 2008 verisi büyük ölçüde Karşıyaka ilçesinde kayıtlı (tahmin)"
    >>> boundary_caveats(indicator("population"), "current", "tr").hatched
    ()
    """
    if ind is None or ind.boundaries != "2008":
        return BoundaryCaveats()
    names = district_matcher().names_by_pcode
    into = new_districts()
    if view == "2008":
        merged = children_by_parent()
        return BoundaryCaveats(
            lines={
                parent: text("boundary_merged_line", lang, child=_join(children, lang))
                for parent, children in merged.items()
            }
        )
    lines = {
        child: text("boundary_new_district", lang, parent=names[parent])
        for child, parent in into.items()
    }
    for parent, children in children_by_parent().items():
        lines[parent] = text("boundary_parent", lang, child=_join(children, lang))
    return BoundaryCaveats(hatched=tuple(sorted(into)), lines=lines, label=hatch_label(lang))


def caveats_of_2008_data(lang: Lang) -> BoundaryCaveats:
    """The caveats of a page that shows Table 1's 2008 figures on today's 30 districts.

    Profiles, the ranking table and comparisons show those figures beside others: they flag the
    districts of the change as a current-view map of the 2008 data does.
    """
    return boundary_caveats(indicator("employees"), "current", lang)


def merged_name(name: str, children: list[str] | str, lang: Lang) -> str:
    """``"Karşıyaka (Bayraklı dahil)"``: a unit of the 2008 view, named for what it holds."""
    if isinstance(children, str):
        children = [children]
    return text("boundary_merged_name", lang, name=name, children=_join(children, lang))


def view_title(title: str, view: BoundaryView, lang: Lang) -> str:
    """``title`` with "– 2008 sınırları" in the 2008 view, unchanged otherwise."""
    return text("boundary_view_title", lang, title=title) if view == "2008" else title


def view_note(lang: Lang) -> Note:
    """The legend note of the 2008 view: which districts it puts back into which."""
    names = district_matcher().names_by_pcode
    into = new_districts()
    children = [names[c] for c in sorted(into)]
    parents = [names[into[c]] for c in sorted(into)]
    sentence = text(
        "boundary_view_note",
        lang,
        children=_join(children, lang),
        parents=_join(parents, lang),
    )
    return Note("boundary_view", sentence, {"view": "2008"})


def hatch_label(lang: Lang) -> str:
    """The legend's words for the boundary-change pattern, with the districts it marks."""
    names = district_matcher().names_by_pcode
    children = ", ".join(names[c] for c in sorted(new_districts()))
    return f"{children}: {text('boundary_hatch', lang)}"


def display_names(table: pd.DataFrame, view: BoundaryView, lang: Lang) -> pd.DataFrame:
    """``table`` with the 2008 view's units named for what they hold (unchanged otherwise)."""
    if view != "2008" or "merged" not in table.columns:
        return table
    held = table["merged"]
    named = [
        merged_name(name, str(children).split(", "), lang) if isinstance(children, str) else name
        for name, children in zip(table["district"], held, strict=True)
    ]
    return table.assign(district=named)


def _join(names: list[str], lang: Lang) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {text('boundary_and', lang)} {names[-1]}"
