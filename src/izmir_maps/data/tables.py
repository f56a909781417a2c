"""Read the shipped data tables of ``data/`` and check them against the report.

Each ``load_*`` function returns one table with types converted and district
names resolved to P-codes; every check failure raises a :class:`DataError`
naming file, row and column. See ``data/README.md`` for the columns.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.data.paths import data_dir
from izmir_maps.data.validate import (
    Column,
    Problems,
    check_choices,
    check_coordinate_pairs,
    check_language_pairs,
    read_checked_csv,
)
from izmir_maps.errors import DataError
from izmir_maps.text.numbers import Lang

__all__ = [
    "PROGRAMME_IDS",
    "load_aliaga_profile",
    "load_aliaga_sectors",
    "load_izka_support",
    "load_osbs",
    "load_plan_axes",
    "load_population",
    "load_population_years",
    "load_swot",
    "load_table1",
    "load_totals",
    "load_wind_capacity",
    "load_wind_farms",
    "load_wind_proposed",
    "localised",
]

PROGRAMME_IDS = ("kobi_2008", "sosyal_2008", "tarim_kirsal_2009", "turizm_cevre_2009")
_TABLE1_COUNTS = ("employees", "firms", "exports_usd")
# Stated shares carry two decimals; allow that rounding and nothing more.
_SHARE_TOLERANCE = 0.0051
#: The OSB status codes; pages show them in their language (text catalogue).
OSB_STATUSES = ("operating", "planned", "under construction")


def _cached(loader: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
    """Read and check the shipped file once per process; callers get their own copy."""
    cache: dict[str, pd.DataFrame] = {}

    @functools.wraps(loader)
    def wrapper(folder: Path | None = None) -> pd.DataFrame:
        if folder is not None:
            return loader(folder)
        if "shipped" not in cache:
            cache["shipped"] = loader(None)
        return cache["shipped"].copy()

    wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]  # as functools' caches have
    return wrapper


def _path(name: str, folder: Path | None) -> Path:
    return (folder or data_dir()) / name


def _source_year() -> list[Column]:
    return [Column("source"), Column("year", "int", required=False, minimum=1900, maximum=2100)]


@_cached
def load_totals(folder: Path | None = None) -> pd.DataFrame:
    """The report's "Toplam" rows of Tables 1 and 3 (``izmir_totals.csv``)."""
    cols = [
        Column("table"),
        Column("indicator"),
        Column("programme_id", required=False),
        Column("value", "float", minimum=0),
        Column("unit"),
        *_source_year(),
        Column("notes", required=False),
    ]
    return read_checked_csv(
        _path("izmir_totals.csv", folder), cols, unique=("table", "indicator", "programme_id")
    )


@_cached
def load_table1(folder: Path | None = None) -> pd.DataFrame:
    """Table 1: employees, firms and exports of the 30 districts, with stated shares.

    The district rows are checked against the report's "Toplam" row and each
    stated share against its count.

    Examples
    --------
    >>> t1 = load_table1()
    >>> int(t1["employees"].sum()), int(t1.loc[t1.district == "Aliağa", "firms"].iloc[0])
    (658225, 1719)
    """
    path = _path("table1_districts.csv", folder)
    cols = [Column("district", "district")]
    for name in _TABLE1_COUNTS:
        cols += [
            Column(name, "int", minimum=0),
            Column(f"{name.removesuffix('_usd')}_share_pct", "float", minimum=0, maximum=100),
        ]
    cols += _source_year()
    df = read_checked_csv(
        path, cols, matcher=district_matcher(), expect_all_districts=True, unique=("pcode",)
    )
    totals = load_totals(folder)
    problems = Problems(path)
    for name in _TABLE1_COUNTS:
        total = _stated_total(totals, "tablo_1", name, "")
        _check_sum(problems, df[name].sum(), total, name, totals, "tablo_1", "")
        share_col = f"{name.removesuffix('_usd')}_share_pct"
        computed = df[name] / total["value"] * 100
        bad = (computed - df[share_col]).abs() > _SHARE_TOLERANCE
        for i in df.index[bad]:
            problems.add(
                f"stated share {df.at[i, share_col]} % does not match "
                f"{df.at[i, name]} / {total['value']:.0f} = {computed[i]:.3f} %",
                row=int(i) + 2,
                column=share_col,
            )
    problems.raise_if_any()
    return df


@_cached
def load_izka_support(folder: Path | None = None) -> pd.DataFrame:
    """Table 3: İZKA support applications and successful projects, long format.

    One row per district and programme, plus ``programme_id == "all"`` rows
    with the report's "GENEL TOPLAM" columns. Checked: each district's four
    programmes sum to its "all" row, every programme sums to the "TOPLAM"
    row, and no district has more successes than applications.

    Examples
    --------
    >>> t3 = load_izka_support()
    >>> int(t3.query("programme_id == 'all'")["applications"].sum())
    1008
    """
    path = _path("table3_izka_support.csv", folder)
    cols = [
        Column("district", "district"),
        Column("programme_id"),
        Column("programme_tr"),
        Column("programme_en"),
        Column("applications", "int", minimum=0),
        Column("successful", "int", minimum=0),
        *_source_year(),
    ]
    df = read_checked_csv(
        path,
        cols,
        matcher=district_matcher(),
        expect_all_districts=True,
        unique=("pcode", "programme_id"),
    )
    problems = Problems(path)
    allowed = {*PROGRAMME_IDS, "all"}
    for i in df.index[~df["programme_id"].isin(allowed)]:
        problems.add(
            f"unknown programme {df.at[i, 'programme_id']!r}; use one of {sorted(allowed)}",
            row=int(i) + 2,
            column="programme_id",
        )
    for i in df.index[df["successful"] > df["applications"]]:
        problems.add(
            "more successful projects than applications", row=int(i) + 2, column="successful"
        )
    problems.raise_if_any()
    for _pcode, group in df.groupby("pcode"):
        if set(group["programme_id"]) != allowed:
            problems.add(
                f"district {group['district'].iloc[0]} needs one row per programme "
                f"{sorted(allowed)}; it has {sorted(group['programme_id'])}"
            )
            continue
        parts = group[group["programme_id"] != "all"]
        whole = group[group["programme_id"] == "all"].iloc[0]
        for col in ("applications", "successful"):
            if parts[col].sum() != whole[col]:
                problems.add(
                    f"the four programmes of {whole['district']} sum to "
                    f"{parts[col].sum()}, not the GENEL TOPLAM {whole[col]}",
                    row=int(whole.name) + 2,
                    column=col,
                )
    totals = load_totals(folder)
    for pid in sorted(allowed):
        rows = df[df["programme_id"] == pid]
        for col in ("applications", "successful"):
            total = _stated_total(totals, "tablo_3", col, pid)
            _check_sum(problems, rows[col].sum(), total, f"{col} ({pid})", totals, "tablo_3", pid)
    problems.raise_if_any()
    return df


@_cached
def load_population(folder: Path | None = None) -> pd.DataFrame:
    """Resident population of the 30 districts (TÜİK ADNKS 2021)."""
    cols = [
        Column("district", "district"),
        Column("tuik_district_code", "int"),
        Column("population", "int", minimum=1),
        Column("male", "int", minimum=0),
        Column("female", "int", minimum=0),
        *_source_year(),
    ]
    path = _path("population_2021.csv", folder)
    df = read_checked_csv(
        path, cols, matcher=district_matcher(), expect_all_districts=True, unique=("pcode",)
    )
    problems = Problems(path)
    for i in df.index[df["male"] + df["female"] != df["population"]]:
        problems.add("male + female does not equal population", row=int(i) + 2, column="population")
    problems.raise_if_any()
    return df


@_cached
def load_population_years(folder: Path | None = None) -> pd.DataFrame:
    """Resident population of the 30 districts in several years (``population_years.csv``).

    One row per district and year (TÜİK ADNKS, 31 December); every year names
    all 30 districts, and the 2021 rows equal :func:`load_population`'s.
    """
    cols = [
        Column("district", "district"),
        Column("year", "int", minimum=1900, maximum=2100),
        Column("population", "int", minimum=1),
        Column("source"),
    ]
    path = _path("population_years.csv", folder)
    df = read_checked_csv(path, cols, matcher=district_matcher(), unique=("pcode", "year"))
    problems = Problems(path)
    for year, rows in df.groupby("year"):
        absent = district_matcher().missing(rows["pcode"].dropna())
        if absent:
            problems.add(f"year {year} lacks district(s) {absent}; every year needs all 30")
    shipped = load_population(folder)
    current = shipped.set_index("pcode")["population"]
    same_year = df[df["year"].isin(shipped["year"].dropna().astype(int))]
    for i, row in same_year.iterrows():
        if row["pcode"] in current and int(row["population"]) != int(current[row["pcode"]]):
            problems.add(
                f"differs from population_2021.csv ({int(current[row['pcode']])})",
                row=int(i) + 2,
                column="population",
            )
    problems.raise_if_any()
    return df


@_cached
def load_osbs(folder: Path | None = None) -> pd.DataFrame:
    """Organised industrial zones (and, labelled by ``kind``, free zones) of İzmir.

    ``district`` is empty where no source names it; such rows have no
    ``pcode`` and are listed, never placed on a map.
    """
    cols = [
        Column("name"),
        Column("short_name", required=False),
        Column("remark_tr", required=False),
        Column("remark_en", required=False),
        Column("kind"),
        Column("district", "district", required=False),
        Column("founded_year", "int", required=False, minimum=1900, maximum=2100),
        Column("status_2009", required=False),
        Column("status_now", required=False),
        Column("area_ha", "float", required=False, minimum=0),
        Column("latitude", "float", required=False, minimum=37.5, maximum=39.5),
        Column("longitude", "float", required=False, minimum=26.0, maximum=28.6),
        Column("coordinate_quality", required=False),
        Column("source"),
        Column("source_title_tr", required=False),
        Column("source_title_en", required=False),
        Column("notes", required=False),
    ]
    path = _path("osb.csv", folder)
    df = read_checked_csv(path, cols, matcher=district_matcher(), unique=("name",))
    _check_kind(df, path, {"osb", "agricultural_osb", "free_zone", "private_industrial_zone"})
    for column in ("status_2009", "status_now"):
        check_choices(df, path, column, OSB_STATUSES)
    check_language_pairs(df, path, ("remark", "source_title"))
    check_coordinate_pairs(df, path)
    return df


@_cached
def load_wind_farms(folder: Path | None = None) -> pd.DataFrame:
    """Wind farms (RES) found in present-day public sources; partial, see data/README.md.

    ``name`` identifies a row; pages show ``name_tr``/``name_en`` (see :func:`localised`).
    """
    cols = [
        Column("name"),
        Column("name_tr"),
        Column("name_en"),
        Column("district", "district", required=False),
        Column("capacity_mw", "float", required=False, minimum=0, maximum=1000),
        Column("commissioning_year", "int", required=False, minimum=1990, maximum=2100),
        Column("latitude", "float", required=False, minimum=37.5, maximum=39.5),
        Column("longitude", "float", required=False, minimum=26.0, maximum=28.6),
        Column("coordinate_quality", required=False),
        Column("status_tr", required=False),
        Column("status_en", required=False),
        Column("source"),
        Column("source_title_tr", required=False),
        Column("source_title_en", required=False),
        Column("notes", required=False),
    ]
    path = _path("wind_farms.csv", folder)
    df = read_checked_csv(path, cols, matcher=district_matcher(), unique=("name",))
    check_language_pairs(df, path, ("name", "status", "source_title"), required=("name",))
    check_coordinate_pairs(df, path)
    return df


def localised(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """``frame`` as a page in ``lang`` shows it; pages read their texts from here only.

    Each ``<col>_tr``/``<col>_en`` pair becomes ``<col>`` in ``lang`` (the pair is
    dropped), ``source`` lists the web addresses of the research record followed by
    the source titles in ``lang`` (``source_title``), and the internal research
    ``notes`` are dropped, so no renderer can show them.

    Examples
    --------
    >>> farms = load_wind_farms()
    >>> localised(farms, "tr").loc[1, ["name", "status"]].tolist()
    ["Aliağa RES (Tan Elektrik Üretim A.Ş.; Menderes Tekstil'in bağlı ortaklığı)", "işletmede (Eylül 2014'ten beri 9,6 MW; 2016 sonundan beri 19,2 MW)"]
    >>> localised(farms, "en").loc[1, "status"]
    'operating (9.6 MW since Sep 2014; 19.2 MW since end-2016)'
    >>> "notes" in localised(farms, "tr").columns
    False
    """
    out = frame.drop(columns=[c for c in ("notes",) if c in frame.columns])
    pairs = [c[:-3] for c in frame.columns if c.endswith("_tr") and f"{c[:-3]}_en" in frame.columns]
    for name in pairs:
        out[name] = frame[f"{name}_{'en' if lang == 'en' else 'tr'}"]
    out = out.drop(columns=[f"{name}_{lang}" for name in pairs for lang in ("tr", "en")])
    if "source_title" in out.columns and "source" in out.columns:
        out["source"] = [
            _display_sources(record, titles)
            for record, titles in zip(out["source"], out.pop("source_title"), strict=True)
        ]
    return out


def _display_sources(record: object, titles: object) -> str:
    """The web addresses of a research ``source`` cell, then the titles, joined by " ; "."""
    parts = [p.strip() for p in str(record or "").split(" ; ")]
    urls = [p for p in parts if p.startswith(("http://", "https://"))]
    named = [t.strip() for t in str(titles or "").split(" ; ") if t.strip()]
    return " ; ".join(urls + named)


@_cached
def load_wind_capacity(folder: Path | None = None) -> pd.DataFrame:
    """The report's installed wind capacity: Türkiye, İzmir, Aliağa (EWEA 2009)."""
    cols = [
        Column("area"),
        Column("capacity_mw", "float", minimum=0),
        Column("share_pct", "float", required=False, minimum=0, maximum=100),
        Column("share_of", required=False),
        *_source_year(),
        Column("notes", required=False),
    ]
    return read_checked_csv(_path("wind_capacity.csv", folder), cols, unique=("area",))


@_cached
def load_wind_proposed(folder: Path | None = None) -> pd.DataFrame:
    """Districts the report proposes for wind-power investment."""
    cols = [
        Column("district", "district"),
        Column("source"),
        Column("year", "int", required=False),
        Column("notes", required=False),
    ]
    return read_checked_csv(
        _path("wind_proposed_districts.csv", folder),
        cols,
        matcher=district_matcher(),
        unique=("pcode",),
    )


@lru_cache(maxsize=1)
def _text_table(name: str) -> pd.DataFrame:
    path = data_dir() / name
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        msg = f"{path}: cannot be read ({exc}). Reinstall izmir-maps or restore the file."
        raise DataError(msg) from None


def load_aliaga_profile() -> pd.DataFrame:
    """Aliağa's profile figures from the report's prose, one row per fact.

    Every text a page shows has a Turkish and an English form (see :func:`localised`).
    """
    df = _text_table("aliaga_profile.csv").copy()
    pairs = ("label", "reference_area", "value_text", "note")
    check_language_pairs(
        df, data_dir() / "aliaga_profile.csv", pairs, required=("label", "reference_area")
    )
    return df


def load_aliaga_sectors() -> pd.DataFrame:
    """Aliağa's leading sectors (employment shares, firm counts, exports)."""
    return _text_table("aliaga_sectors.csv").copy()


def load_swot() -> pd.DataFrame:
    """Table 2: Aliağa's SWOT (GZFT) analysis, one row per statement."""
    return _text_table("swot_aliaga.csv").copy()


def load_plan_axes() -> pd.DataFrame:
    """The plan's development axes → strategic priorities → targets."""
    return _text_table("plan_axes.csv").copy()


def _stated_total(totals: pd.DataFrame, table: str, indicator: str, programme: str) -> pd.Series:
    hit = totals[
        (totals["table"] == table)
        & (totals["indicator"] == indicator)
        & (totals["programme_id"] == programme)
    ]
    if len(hit) != 1:
        msg = (
            f"izmir_totals.csv: expected one row for table={table!r}, "
            f"indicator={indicator!r}, programme_id={programme!r}, found {len(hit)}."
        )
        raise DataError(msg)
    return hit.iloc[0]


def _check_sum(
    problems: Problems,
    computed: float,
    total: pd.Series,
    what: str,
    totals: pd.DataFrame,
    table: str,
    programme: str,
) -> None:
    """District rows must sum to the stated total, or the total's note must explain why."""
    if computed == total["value"]:
        return
    if f"{computed:.0f}" in str(total["notes"]).replace(",", "").replace(" ", ""):
        return  # a documented difference in the report itself
    problems.add(
        f"{what}: the district rows sum to {computed:.0f}, the report's total "
        f"({table}) is {total['value']:.0f}; fix the rows or document the "
        "difference in izmir_totals.csv notes"
    )


def _check_kind(df: pd.DataFrame, path: Path, allowed: set[str]) -> None:
    problems = Problems(path)
    for i in df.index[~df["kind"].isin(allowed)]:
        problems.add(
            f"unknown kind {df.at[i, 'kind']!r}; use one of {sorted(allowed)}",
            row=int(i) + 2,
            column="kind",
        )
    problems.raise_if_any()
