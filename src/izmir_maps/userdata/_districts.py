"""Find and resolve the district column of a user's table: step three of :mod:`izmir_maps.userdata.table`."""

from __future__ import annotations

import difflib

from izmir_maps.data.provinces import ProvinceMatcher
from izmir_maps.errors import DataError, UnknownDistrictError
from izmir_maps.option_names import the_option
from izmir_maps.text.names import DistrictMatcher, match_key
from izmir_maps.userdata._layout import Layout
from izmir_maps.userdata._read import (
    GARBLED_HINT,
    Findings,
    cell_text,
    column_label,
    column_labels,
    looks_garbled,
    show,
)

__all__ = ["DISTRICT_HEADERS", "TOTAL_NAMES", "detect_index", "resolve_districts"]

#: Header names (compared by :func:`~izmir_maps.text.names.match_key`) that mark a district column.
DISTRICT_HEADERS = frozenset(
    match_key(name)
    for name in (
        "ilçe", "ilçe adı", "ilçeler", "ilçe ismi", "ilce_adi", "district", "districts",
        "district name", "ad", "adı", "name", "pcode", "p-code", "ilçe kodu", "ilçe pcode",
        "adm2_pcode", "adm2_tr", "adm2_en", "admin2Pcode", "admin2Name_tr", "admin2Name_en",
    )
)  # fmt: skip
#: District cells (compared by match_key) that mark a totals row, which is skipped.
TOTAL_NAMES = frozenset(
    match_key(name)
    for name in (
        "toplam", "genel toplam", "toplam izmir", "izmir toplam", "izmir toplamı", "total",
        "grand total", "izmir", "izmir ili", "izmir geneli", "il toplamı", "tur035",
    )
)  # fmt: skip
_DETECT_SHARE = 0.8
_SUGGEST_MARGIN = 0.1
_HEADER_SAMPLE = 20
#: Unknown names that get "Did you mean …?"; a message shows 20 problems.
_MAX_SUGGESTIONS = 50


def detect_index(
    header: list[str],
    rows: list[list[object]],
    matcher: DistrictMatcher,
    skip: set[int],
    source: object,
) -> int:
    """Index of the district column; see :func:`izmir_maps.userdata.table.detect_district_column`."""
    candidates = [i for i in range(len(header)) if i not in skip]
    keys: dict[str, str] = {}  # tables repeat their texts; match_key is the cost here
    resolving = [i for i in candidates if _names_districts(rows, i, matcher, keys)]
    named = [i for i in candidates if match_key(header[i]) in DISTRICT_HEADERS]
    labels = column_labels(header)
    if len(resolving) > 1 and not _agree(rows, resolving, matcher):
        both = " and ".join(column_label(header, i) for i in resolving)
        msg = (
            f"{source}: the columns {both} both name districts, with different districts in "
            f"the same row. Choose the district column with {the_option('district_column')}."
        )
        raise DataError(msg)
    if resolving:
        return next((i for i in resolving if i in named), resolving[0])
    if len(named) == 1:
        return named[0]
    if named:
        both = " and ".join(column_label(header, i) for i in named)
        msg = (
            f"{source}: the columns {both} could each name the districts. Choose one with "
            f"{the_option('district_column')}."
        )
        raise DataError(msg)
    sample = " ".join(header + [cell_text(c) for r in rows[:_HEADER_SAMPLE] for c in r])
    hint = GARBLED_HINT if looks_garbled(sample) else ""
    msg = (
        f"{source}: no column names the districts: none is called 'İlçe', 'District', 'Ad' or "
        f"'pcode', and none holds {_area(matcher)} district names in 80 % of its rows. "
        "The columns are: "
        f"{labels}.{hint} Choose the district column with {the_option('district_column')}."
    )
    raise DataError(msg)


def resolve_districts(
    layout: Layout,
    district_idx: int,
    value_idxs: list[int],
    matcher: DistrictMatcher,
    findings: Findings,
) -> dict[int, str]:
    """P-code by row for the rows that are district rows (problems go to ``findings``)."""
    label = column_label(layout.header, district_idx)
    findings.district_column = label
    pcodes: dict[int, str] = {}
    seen: dict[str, list[int]] = {}
    unknown: list[int] = []
    for row, cells in layout.rows.items():
        raw = cells[district_idx]
        text = cell_text(raw)
        others = [c for i, c in enumerate(cells) if i != district_idx and cell_text(c)]
        if not text:
            filled = [i for i in value_idxs if cell_text(cells[i])]
            if filled:
                findings.add(
                    f"the district cell is empty but column {column_label(layout.header, filled[0])} "
                    f"holds {show(cells[filled[0]])}. Fill in the district name or P-code, or "
                    "delete the row.",
                    row=row,
                    column=label,
                )
            continue
        if match_key(text) in TOTAL_NAMES:
            findings.warnings.append(
                f"Row {row} ({show(text)}) looks like a totals row and was skipped; the map "
                "shows districts only."
            )
            continue
        pcode = _lookup(matcher, text)
        if pcode is None:
            if not others and "\n" not in text:
                findings.warnings.append(
                    f"Row {row} ({show(text)}) is not a district and has no values; it was "
                    "skipped as a title or note."
                )
            else:
                # Each suggestion searches every name: only the first few unknown names
                # (those a message shows) get them.
                suggest = len(unknown) < _MAX_SUGGESTIONS
                findings.add(_unknown(text, matcher, suggest=suggest), row=row, column=label)
                findings.districts[row] = show(text)
                unknown.append(row)
                pcodes[row] = ""
            continue
        findings.districts[row] = matcher.names_by_pcode[pcode]
        pcodes[row] = pcode
        seen.setdefault(pcode, []).append(row)
    for pcode, rows in seen.items():
        if len(rows) > 1:
            texts = ", ".join(show(cell_text(layout.rows[r][district_idx])) for r in rows)
            findings.add(
                f"rows {_and(rows)} {'both' if len(rows) == 2 else 'all'} name "
                f"{matcher.names_by_pcode[pcode]} ({texts}). Keep one row per district.",
                row=rows[0],
                column=label,
            )
    return pcodes


def _unknown(text: str, matcher: DistrictMatcher, *, suggest: bool = True) -> str:
    close = _suggestions(text[:200], matcher) if suggest else []
    names = sorted(matcher.names_by_pcode.values(), key=match_key)
    codes = sorted(matcher.names_by_pcode)
    hint = (
        "Did you mean " + " or ".join(map(repr, close)) + "?"
        if close
        else f"It matches none of the {len(names)} district names ({', '.join(names[:2])} … "
        f"{names[-1]}) or P-codes ({codes[0]} … {codes[-1]})."
    )
    if "\n" in text:
        hint += ' The cell runs over several lines: look for an unmatched double quote (").'
    if looks_garbled(text):
        hint += GARBLED_HINT
    return (
        f"{show(text)} is not a district of {_area(matcher)}. {hint} Correct the name (any "
        "case, with or "
        "without Turkish letters) or use the P-code."
    )


def _area(matcher: DistrictMatcher) -> str:
    """Name of the province (or country) whose districts ``matcher`` knows."""
    return str(getattr(matcher, "area", "") or "İzmir")


def _suggestions(text: str, matcher: DistrictMatcher) -> list[str]:
    """The closest names, keeping only those about as close as the best one."""
    key = match_key(text)
    scored = [
        (difflib.SequenceMatcher(None, key, match_key(name)).ratio(), name)
        for name in matcher.closest(text)
    ]
    best = max((score for score, _ in scored), default=0.0)
    return [name for score, name in scored if score >= best - _SUGGEST_MARGIN]


def _names_districts(
    rows: list[list[object]], index: int, matcher: DistrictMatcher, keys: dict[str, str]
) -> bool:
    """Whether the column's cells (totals aside) name districts in 80 % of the rows.

    Stops at the first cell that puts 80 % out of reach, so a column of other
    text costs a fifth of its cells.
    """
    texts = [cell_text(r[index]) for r in rows if index < len(r)]
    for text in texts:
        if text and text not in keys:
            keys[text] = match_key(text)
    found = [t for t in texts if t and keys[t] not in TOTAL_NAMES]
    allowed = len(found) - _DETECT_SHARE * len(found)  # misses that still leave 80 %
    misses = 0
    by_key = type(matcher).pcode in _KEY_ONLY
    for text in found:
        pcode = matcher._by_key.get(keys[text]) if by_key else _lookup(matcher, text)
        if pcode is None:
            misses += 1
            if misses > allowed:
                return False
    return bool(found)


def _resolves(matcher: DistrictMatcher, text: str) -> bool:
    return _lookup(matcher, text) is not None


#: ``pcode`` methods that resolve a name by its key alone, without side effects.
_KEY_ONLY = (DistrictMatcher.pcode, ProvinceMatcher.pcode)


def _lookup(matcher: DistrictMatcher, text: str) -> str | None:
    """The P-code ``text`` names, or ``None``; no suggestion is computed for a miss.

    ``DistrictMatcher.pcode`` builds its message, with difflib's closest names,
    whenever a name is unknown; telling which column holds districts tries every
    cell, so that would cost a suggestion per cell. The matchers of this package
    resolve a name by its key alone, so their table is asked directly; another
    matcher is asked through ``pcode``.
    """
    if type(matcher).pcode in _KEY_ONLY:
        return matcher._by_key.get(match_key(text))
    try:
        return matcher.pcode(text)
    except UnknownDistrictError:
        return None


def _agree(rows: list[list[object]], columns: list[int], matcher: DistrictMatcher) -> bool:
    for cells in rows:
        found = set()
        for i in columns:
            text = cell_text(cells[i]) if i < len(cells) else ""
            if text and _resolves(matcher, text):
                found.add(_lookup(matcher, text))
        if len(found) > 1:
            return False
    return True


def _and(items: list[int]) -> str:
    words = [str(i) for i in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
