"""Assemble the per-district indicators from the checked data tables.

The result has one row per district (30), keyed by P-code, and only values
that a source gives: a district the sources say nothing about holds ``NaN``,
which maps show as "no data".
"""

from __future__ import annotations

import pandas as pd

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.data.registry import POPULATION_YEAR
from izmir_maps.data.tables import (
    PROGRAMME_IDS,
    load_izka_support,
    load_osbs,
    load_population,
    load_table1,
    load_totals,
    load_wind_capacity,
    load_wind_proposed,
)
from izmir_maps.errors import DataError

__all__ = ["OSB_KINDS", "izmir_success_rate", "izmir_totals", "load_indicators"]

#: Zone kinds counted as OSBs (free zones and private industrial zones are not).
OSB_KINDS = ("osb", "agricultural_osb")


def load_indicators() -> pd.DataFrame:
    """Every base indicator of every district, one row per district.

    Returns
    -------
    pandas.DataFrame
        Sorted by ``pcode``; columns ``pcode``, ``district``, ``employees``,
        ``firms``, ``exports_usd`` (Table 1, 2008) with the report's stated
        shares as ``*_share_report``; ``izka_applications``,
        ``izka_successful``, ``izka_success_rate`` and per programme
        ``izka_<programme>_applications|successful`` (Table 3);
        ``population`` with ``population_year``; ``wind_capacity_mw``
        (the report gives it for Aliağa only); ``wind_proposed``;
        ``osb_count``.

    Examples
    --------
    >>> ind = load_indicators()
    >>> row = ind.set_index("district").loc["Aliağa"]
    >>> int(row.employees), float(row.wind_capacity_mw), int(row.izka_applications)
    (27225, 147.5, 9)
    """
    matcher = district_matcher()
    out = pd.DataFrame({"pcode": sorted(matcher.names_by_pcode)})
    out["district"] = out["pcode"].map(matcher.names_by_pcode)

    t1 = load_table1().set_index("pcode")
    for col in ("employees", "firms", "exports_usd"):
        out[col] = out["pcode"].map(t1[col]).astype("Int64")
        stated = f"{col.removesuffix('_usd')}_share_pct"
        out[f"{col}_share_report"] = out["pcode"].map(t1[stated])

    t3 = load_izka_support()
    wide = t3.pivot(index="pcode", columns="programme_id", values=["applications", "successful"])
    out["izka_applications"] = out["pcode"].map(wide[("applications", "all")]).astype("Int64")
    out["izka_successful"] = out["pcode"].map(wide[("successful", "all")]).astype("Int64")
    rate = out["izka_successful"].astype(float) / out["izka_applications"].astype(float) * 100
    out["izka_success_rate"] = rate.where(out["izka_applications"] > 0)
    for pid in PROGRAMME_IDS:
        for col in ("applications", "successful"):
            out[f"izka_{pid}_{col}"] = out["pcode"].map(wide[(col, pid)]).astype("Int64")

    pop = load_population().set_index("pcode")
    out["population"] = out["pcode"].map(pop["population"]).astype("Int64")
    out["population_year"] = out["pcode"].map(pop["year"]).astype("Int64")
    if not (out["population_year"].dropna() == POPULATION_YEAR).all():
        msg = (
            f"population_2021.csv: every row must be for {POPULATION_YEAR}; per-capita "
            "columns and their labels assume that year. Fix the 'year' column."
        )
        raise DataError(msg)

    wind = load_wind_capacity().set_index("area")
    capacity = {matcher.pcode(a): v for a, v in wind["capacity_mw"].items() if _is_district(a)}
    out["wind_capacity_mw"] = out["pcode"].map(capacity).astype(float)
    proposed = set(load_wind_proposed()["pcode"])
    out["wind_proposed"] = out["pcode"].isin(proposed)

    osbs = load_osbs()
    counted = osbs[osbs["kind"].isin(OSB_KINDS) & osbs["pcode"].notna()]
    out["osb_count"] = out["pcode"].map(counted["pcode"].value_counts()).fillna(0).astype("Int64")
    return out


def izmir_totals() -> dict[str, float]:
    """İzmir-wide totals as the sources state them, for shares of İzmir.

    Table 1 and Table 3 totals come from the report's "Toplam" rows, wind
    from its 255 MW; population is the sum of the 30 districts.

    Examples
    --------
    >>> izmir_totals()["wind_capacity_mw"], izmir_totals()["employees"]
    (255.0, 658225.0)
    """
    totals = load_totals()
    out: dict[str, float] = {}
    for _, row in totals.iterrows():
        if row["indicator"].endswith("_share_pct"):
            continue
        if row["table"] == "tablo_1":
            out[row["indicator"]] = float(row["value"])
        elif row["programme_id"] == "all":
            out[f"izka_{row['indicator']}"] = float(row["value"])
        else:
            out[f"izka_{row['programme_id']}_{row['indicator']}"] = float(row["value"])
    wind = load_wind_capacity().set_index("area")
    out["wind_capacity_mw"] = float(wind.loc["İzmir", "capacity_mw"])
    out["population"] = float(load_population()["population"].sum())
    return out


def izmir_success_rate() -> float:
    """İzmir-wide İZKA success rate in percent (253 of 1,008 applications).

    It is the midpoint of the success-rate maps' diverging palette.

    Examples
    --------
    >>> round(izmir_success_rate(), 2)
    25.1
    """
    totals = izmir_totals()
    return totals["izka_successful"] / totals["izka_applications"] * 100


def _is_district(area: str) -> bool:
    try:
        district_matcher().pcode(area)
    except KeyError:
        return False
    return True
