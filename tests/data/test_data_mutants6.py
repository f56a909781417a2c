"""Exact-value tests written from the survivors of the fourth mutation sample (scripts/mutation_sample_4.txt)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from izmir_maps.data.registry import indicator
from izmir_maps.data.tables import load_totals
from izmir_maps.data.validate import check_choices
from izmir_maps.errors import DataError

#: The boundary data's source, as the sidecars and pages name it.
_GEO = "OCHA COD-AB Türkiye ADM2 (CC BY-IGO)"


# -- registry ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_a_per_km2_map_names_the_boundaries_among_its_sources(lang: str) -> None:
    """A density map's source line would leave out the boundaries its areas come from."""
    dense, base = indicator("firms_per_km2"), indicator("firms")
    assert dense.source_text(lang) == f"{base.source_text(lang)}; {_GEO}"


# -- validate ----------------------------------------------------------------------------------


def test_an_unknown_code_names_the_file_it_is_in() -> None:
    """The problem with an untranslatable code would start with 'None' instead of the file."""
    path = Path("data/example.csv")
    frame = pd.DataFrame({"status": ["active", "odd"]})
    with pytest.raises(DataError) as info:
        check_choices(frame, path, "status", ["active", "closed"])
    assert str(info.value) == (
        f"{path}: 1 problem(s) found. (1) row 3, column 'status': unknown value 'odd'; use one "
        "of ['active', 'closed'] (pages translate these codes) and keep details in 'notes'. "
        "Fix the file and run again."
    )


# -- tables ------------------------------------------------------------------------------------


def test_a_reference_row_without_a_year_is_read(tmp_path: Path) -> None:
    """A sourced row whose year is left blank would be refused as incomplete."""
    (tmp_path / "izmir_totals.csv").write_text(
        "table,indicator,programme_id,value,unit,source,year,notes\n1,employees,,10,kişi,İZKA,,\n",
        encoding="utf-8",
    )
    assert load_totals(tmp_path).to_dict("records") == [
        {
            "table": "1",
            "indicator": "employees",
            "programme_id": "",
            "value": 10.0,
            "unit": "kişi",
            "source": "İZKA",
            "year": None,
            "notes": "",
        }
    ]
