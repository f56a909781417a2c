"""Find and resolve the district column of a user's table: step three of :mod:`izmir_maps.userdata.table`."""

from __future__ import annotations

import difflib

from izmir_maps.errors import DataError, UnknownDistrictError
from izmir_maps.text.names import DistrictMatcher, match_key
from izmir_maps.userdata._layout import Layout
from izmir_maps.userdata._read import (
    GARBLED_HINT,
    Findings,
    cell_text,
    column_label,
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


def detect_index(
    header: list[str],
    rows: list[list[object]],
    matcher: DistrictMatcher,
    skip: set[int],
    source: object,
) -> int:
    """Index of the district column; see :func:`izmir_maps.userdata.table.detect_district_column`."""
    candidates = [i for i in range(len(header)) if i not in skip]
    resolving: list[int] = []
    for i in candidates:
        texts = [cell_text(r[i]) for r in rows if i < len(r)]
        texts = [t for t in texts if t and match_key(t) not in TOTAL_NAMES]
        if texts and sum(_resolves(matcher, t) for t in texts) >= _DETECT_SHARE * len(texts):
            resolving.append(i)
    named = [i for i in candidates if match_key(header[i]) in DISTRICT_HEADERS]
    labels = ", ".join(column_label(header, i) for i in range(len(header)))
    if len(resolving) > 1 and not _agree(rows, resolving, matcher):
        both = " and ".join(column_label(header, i) for i in resolving)
        msg = (
            f"{source}: the columns {both} both name districts, with different districts in "
            "the same row. Choose the district column with the district_column option."
        )
        raise DataError(msg)
    if resolving:
        return next((i for i in resolving if i in named), resolving[0])
    if len(named) == 1:
        return named[0]
    if named:
        both = " and ".join(column_label(header, i) for i in named)
        msg = (
            f"{source}: the columns {both} could each name the districts. Choose one with the "
            "district_column option."
        )
        raise DataError(msg)
    sample = " ".join(header + [cell_text(c) for r in rows[:_HEADER_SAMPLE] for c in r])
    hint = GARBLED_HINT if looks_garbled(sample) else ""
    msg = (
        f"{source}: no column names the districts: none is called 'İlçe', 'District', 'Ad' or "
        f"'pcode', and none holds {_area(matcher)} district names in 80 % of its rows. "
        "The columns are: "
        f"{labels}.{hint} Choose the district column with the district_column option."
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
    pcodes: dict[int, str] = {}
    seen: dict[str, list[int]] = {}
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
        try:
            pcode = matcher.pcode(text)
        except UnknownDistrictError:
            if not others and "\n" not in text:
                findings.warnings.append(
                    f"Row {row} ({show(text)}) is not a district and has no values; it was "
                    "skipped as a title or note."
                )
            else:
                findings.add(_unknown(text, matcher), row=row, column=label)
                pcodes[row] = ""
            continue
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


def _unknown(text: str, matcher: DistrictMatcher) -> str:
    close = _suggestions(text[:200], matcher)
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


def _resolves(matcher: DistrictMatcher, text: str) -> bool:
    try:
        matcher.pcode(text)
    except UnknownDistrictError:
        return False
    return True


def _agree(rows: list[list[object]], columns: list[int], matcher: DistrictMatcher) -> bool:
    for cells in rows:
        found = set()
        for i in columns:
            text = cell_text(cells[i]) if i < len(cells) else ""
            if text and _resolves(matcher, text):
                found.add(matcher.pcode(text))
        if len(found) > 1:
            return False
    return True


def _and(items: list[int]) -> str:
    words = [str(i) for i in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
