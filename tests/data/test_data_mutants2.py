"""Tests written from the survivors of a sampled mutation run over data/ (2 December 2026)."""

from __future__ import annotations

from pathlib import Path

import pytest

from izmir_maps.data import paths
from izmir_maps.data.grid import check_layout
from izmir_maps.data.paths import data_dir
from izmir_maps.data.provinces import (
    NATIONAL,
    province_districts,
    province_land,
    province_neighbours,
)
from izmir_maps.data.registry import indicator
from izmir_maps.data.tables import load_totals
from izmir_maps.errors import DataError, OptionError


def test_the_empty_context_layers_of_turkiye_keep_the_crs_of_its_districts() -> None:
    # All Türkiye has no neighbour province and no land around it in the layer: both are empty,
    # but in WGS84 like the districts, so they can be joined, drawn or reprojected with them.
    assert province_districts(NATIONAL).crs.to_epsg() == 4326
    neighbours, land = province_neighbours(NATIONAL), province_land(NATIONAL)
    assert (len(neighbours), len(land)) == (0, 0)
    assert neighbours.crs.to_epsg() == 4326
    assert land.crs.to_epsg() == 4326
    assert neighbours.to_crs(3857).crs.to_epsg() == 3857  # reprojected as any other layer


def test_an_unknown_layout_is_refused_by_its_name() -> None:
    with pytest.raises(OptionError) as info:
        check_layout("hex")
    assert str(info.value) == "layout must be 'map' or 'grid', not 'hex'."


def test_an_indicator_speaks_turkish_unless_told_otherwise() -> None:
    employees = indicator("employees")
    assert employees.label() == "Çalışan sayısı (SGK, 2008)"
    assert employees.label("en") == "Employees (SGK, 2008)"


def test_a_source_year_is_a_whole_number(tmp_path: Path) -> None:
    assert load_totals()["year"].tolist()[:2] == [2008, 2008]  # whole numbers, as written
    shipped = (data_dir() / "izmir_totals.csv").read_text(encoding="utf-8")
    edited = shipped.replace(",persons,2008,", ",persons,2008.5,", 1)
    (tmp_path / "izmir_totals.csv").write_text(edited, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_totals(tmp_path)
    assert str(info.value) == (
        f"{tmp_path / 'izmir_totals.csv'}: 1 problem(s) found. (1) row 2, column 'year': "
        "'2008.5' must be a whole number. Fix the file and run again."
    )


def test_an_installed_wheel_reads_the_copies_inside_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "izmir_maps"
    (package / "_data").mkdir(parents=True)
    (package / "_geodata").mkdir()
    monkeypatch.setattr(paths, "_PACKAGE", package)
    assert (paths.data_dir(), paths.geodata_dir()) == (package / "_data", package / "_geodata")


def test_a_table_missing_columns_is_refused_with_the_columns_it_has(tmp_path: Path) -> None:
    path = tmp_path / "izmir_totals.csv"
    path.write_text("table,indicator,value\ntablo_1,employees,658225\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_totals(tmp_path)
    assert str(info.value) == (
        f"{path}: column(s) ['programme_id', 'unit', 'source', 'year', 'notes'] are missing. "
        "The file has ['table', 'indicator', 'value']; add the missing columns."
    )
