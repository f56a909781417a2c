"""Every district's value, share of İzmir and rank, per indicator: the ranking table.

The values, shares and ranks are the district table's own columns
(:func:`izmir_maps.data.join.district_table`); this module picks them, orders
the districts and names the columns in the reader's language.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from izmir_maps._checks import require_columns
from izmir_maps.data.registry import base_indicators, indicator
from izmir_maps.errors import OptionError
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["ranking_table"]


def ranking_table(
    table: pd.DataFrame,
    indicator_ids: Sequence[str] | None = None,
    *,
    lang: Lang = "tr",
) -> pd.DataFrame:
    """Every district with each indicator's value, share of İzmir and rank.

    Parameters
    ----------
    table
        The district table (:func:`izmir_maps.data.join.district_table`).
    indicator_ids
        Registered indicator ids; by default every base indicator of the
        registry present in ``table``, in registry order.
    lang
        Language of the column headers in ``attrs["labels"]``.

    Returns
    -------
    pandas.DataFrame
        One row per district, sorted by P-code. Columns ``pcode``,
        ``district``, then for each indicator ``<id>`` (value),
        ``<id>_share`` (% of İzmir) and ``<id>_rank`` (1 = highest) where the
        table has them. A district with no value, or a count of zero where
        zero means "none" (no OSB, see :meth:`~izmir_maps.data.registry.Indicator.ranks`),
        has no rank (``<NA>``). ``attrs["labels"]`` maps each column to its header in
        ``lang``. ``.to_csv(index=False)`` gives the downloadable file.

    Examples
    --------
    >>> from izmir_maps.data.join import district_table
    >>> r = ranking_table(district_table(), ["employees"], lang="en")
    >>> list(r.columns)
    ['pcode', 'district', 'employees', 'employees_share', 'employees_rank']
    >>> row = r.set_index("district").loc["Aliağa"]
    >>> int(row.employees), round(float(row.employees_share), 2), int(row.employees_rank)
    (27225, 4.14, 9)
    >>> r.attrs["labels"]["employees_rank"]
    'Employees (SGK, 2008) – rank'
    >>> osb = ranking_table(district_table(), ["osb_count"]).set_index("district")
    >>> int(osb.loc["Kemalpaşa", "osb_count_rank"]), osb.loc["Karaburun", "osb_count_rank"]
    (1, <NA>)
    """
    if lang not in ("tr", "en"):
        msg = f"lang must be 'tr' or 'en', not {lang!r}."
        raise OptionError(msg)
    require_columns(table, ["pcode", "district"])
    if indicator_ids is None:
        ids = [ind.id for ind in base_indicators() if ind.id in table.columns]
    else:
        ids = [indicator(i).id for i in indicator_ids]
        require_columns(table, ids)
    labels = {
        "pcode": text("column_pcode", lang),
        "district": text("district", lang),
    }
    columns = ["pcode", "district"]
    for ind_id in ids:
        for col in (ind_id, f"{ind_id}_share", f"{ind_id}_rank"):
            if col in table.columns and col not in labels:
                columns.append(col)
                labels[col] = indicator(col).label(lang)
    out = pd.DataFrame(table[columns])
    for ind_id in ids:
        if f"{ind_id}_rank" in out.columns:
            # The registry's rule, so that a zero count is unranked here whatever the table says.
            out[f"{ind_id}_rank"] = indicator(ind_id).rank_values(out[ind_id])
    out = out.sort_values("pcode", kind="stable").reset_index(drop=True)
    out.attrs["labels"] = labels
    return out
