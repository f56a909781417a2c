"""Build the atlas: every output of izmir-maps into one folder.

``build`` is one of the two places (with the CLI) that chain the steps
boundaries → indicators → join → classify → render → write.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from izmir_maps.join import district_table
from izmir_maps.registry import indicator, indicator_ids
from izmir_maps.write import safe_join, write_csv, write_geojson

__all__ = ["build_atlas", "column_sources"]

Progress = Callable[[str], None]

_FIXED_COLUMNS = {
    "pcode": ("P-kodu (OCHA COD-AB)", "P-code (OCHA COD-AB)", "", "OCHA COD-AB Türkiye ADM2"),
    "district": ("İlçe", "District", "", "OCHA COD-AB Türkiye ADM2"),
    "district_ascii": ("İlçe (ASCII)", "District (ASCII)", "", "OCHA COD-AB Türkiye ADM2"),
    "province": ("İl", "Province", "", "OCHA COD-AB Türkiye ADM2"),
    "province_pcode": ("İl P-kodu", "Province P-code", "", "OCHA COD-AB Türkiye ADM2"),
    "population_year": (
        "Nüfus yılı (kişi başı sütunlar için)",
        "Population year (used by per-capita columns)",
        "",
        "TÜİK ADNKS",
    ),
    "wind_proposed": (
        "Rüzgâr yatırımı için önerilen ilçe",
        "Proposed for wind investment",
        "",
        "İZKA Aliağa Özet Raporu (2010)",
    ),
}


def column_sources(columns: list[str]) -> pd.DataFrame:
    """Sidecar describing each column of the district table: label, unit, year, source."""
    rows = []
    known = set(indicator_ids())
    for col in columns:
        if col in known:
            ind = indicator(col)
            rows.append(
                {
                    "column": col,
                    "label_tr": ind.label_tr,
                    "label_en": ind.label_en,
                    "unit": ind.unit_en,
                    "year": ind.year,
                    "source": ind.source,
                }
            )
        elif col.endswith("_share_report"):
            base = indicator(col.removesuffix("_report"))
            rows.append(
                {
                    "column": col,
                    "label_tr": base.label_tr + " (raporda yazan)",
                    "label_en": base.label_en + " (as printed in the report)",
                    "unit": "%",
                    "year": base.year,
                    "source": base.source,
                }
            )
        elif col in _FIXED_COLUMNS:
            tr, en, unit, source = _FIXED_COLUMNS[col]
            rows.append(
                {
                    "column": col,
                    "label_tr": tr,
                    "label_en": en,
                    "unit": unit,
                    "year": "",
                    "source": source,
                }
            )
    return pd.DataFrame(rows)


def build_atlas(
    out: Path, *, lang: str = "tr", static: bool = True, progress: Progress | None = None
) -> list[Path]:
    """Write every output into ``out`` and return the paths written.

    Parameters
    ----------
    out
        Output folder; created if needed. Files are replaced atomically.
    progress
        Called with a short message before each step.
    """
    say = progress or (lambda _msg: None)
    written: list[Path] = []
    start = time.perf_counter()
    say("Reading boundaries and data, joining the district table")
    table = district_table("detailed")
    say("Writing data/districts.csv, data/districts.geojson, data/districts_sources.csv")
    flat = pd.DataFrame(table.drop(columns="geometry"))
    written.append(write_csv(safe_join(out, "data", "districts.csv"), flat))
    written.append(write_geojson(safe_join(out, "data", "districts.geojson"), table))
    written.append(
        write_csv(
            safe_join(out, "data", "districts_sources.csv"), column_sources(list(flat.columns))
        )
    )
    say(f"Done: {len(written)} files in {time.perf_counter() - start:.1f} s")
    return written
