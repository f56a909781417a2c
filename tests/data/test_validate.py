"""Checked CSV reading: types, district names, and every problem reported at once."""

from __future__ import annotations

import ast
import math
import re
from pathlib import Path

import pytest

from izmir_maps.data.boundaries import district_matcher
from izmir_maps.data.validate import Column, Problems, read_checked_csv
from izmir_maps.errors import DataError

COUNT = Column("count", "int", minimum=0)
DISTRICT = Column("district", "district")


def test_reads_mixed_spellings_into_canonical_names_and_types(fixtures_dir: Path) -> None:
    frame = read_checked_csv(
        fixtures_dir / "mixed_spellings.csv",
        [DISTRICT, COUNT, Column("share", "float", required=False, maximum=100)],
        matcher=district_matcher(),
        unique=("pcode",),
    )
    assert frame["district"].tolist() == ["Aliağa", "Çiğli", "Balçova"]
    assert frame["pcode"].tolist() == ["TUR035001", "TUR035010", "TUR035002"]
    assert frame["count"].tolist() == [10, 20, 0]
    assert str(frame["count"].dtype) == "int64"
    assert frame["share"].iloc[0] == 1.5
    assert math.isnan(frame["share"].iloc[1])  # empty means unknown, never zero
    assert frame["share"].iloc[2] == 0.0
    # Columns not declared are kept as text.
    assert frame["note"].iloc[2] == "P-code instead of a name"


def test_two_unknown_districts_are_each_reported_once(fixtures_dir: Path) -> None:
    path = fixtures_dir / "two_unknown_districts.csv"
    with pytest.raises(DataError) as info:
        read_checked_csv(path, [DISTRICT, COUNT], matcher=district_matcher(), unique=("pcode",))
    message = str(info.value)
    assert "row 2, column 'district': 'Aliğa' is not a district of İzmir" in message
    assert "row 3, column 'district': 'Cigly' is not a district of İzmir" in message
    assert "Did you mean 'Çiğli'" in message
    # Two different misspellings are not duplicates of each other.
    assert "duplicate" not in message
    assert "2 problem(s) found" in message


def test_fractional_number_in_a_whole_number_column_is_a_data_error(fixtures_dir: Path) -> None:
    # An optional whole-number column with an empty cell and a fractional one (e.g.
    # osb.csv's founded_year) must give a DataError, not crash while converting types.
    path = fixtures_dir / "fractional_and_empty_counts.csv"
    with pytest.raises(DataError, match=r"row 2, column 'count': '1\.5' must be a whole number"):
        read_checked_csv(
            path, [DISTRICT, Column("count", "int", required=False)], matcher=district_matcher()
        )


def test_fractional_number_alone_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("district,count\nAliağa,1.5\nKonak,3\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"row 2, column 'count': '1\.5' must be a whole number"):
        read_checked_csv(path, [DISTRICT, COUNT], matcher=district_matcher())


def test_empty_required_cell_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("district,count\nAliağa,\n,4\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_checked_csv(path, [DISTRICT, COUNT], matcher=district_matcher())
    message = str(info.value)
    assert "row 3, column 'district': the cell is empty; fill it in" in message
    assert "row 2, column 'count': the cell is empty; fill it in" in message


def test_missing_districts_are_listed_when_all_are_expected(fixtures_dir: Path) -> None:
    with pytest.raises(DataError) as info:
        read_checked_csv(
            fixtures_dir / "mixed_spellings.csv",
            [DISTRICT, COUNT],
            matcher=district_matcher(),
            expect_all_districts=True,
        )
    message = str(info.value)
    assert "1 problem(s) found" in message
    listed = re.search(r"district\(s\) (\[.*?\]) are missing; add a row for each", message)
    assert listed is not None
    missing = ast.literal_eval(listed.group(1))
    expected = set(district_matcher().names_by_pcode.values()) - {"Aliağa", "Çiğli", "Balçova"}
    assert len(missing) == 27
    assert set(missing) == expected


def test_file_not_in_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"  # as Excel saves it on Turkish Windows
    path.write_bytes("district,count\nKarşıyaka,3\n".encode("cp1254"))
    with pytest.raises(DataError, match="cannot be read as a UTF-8 CSV table"):
        read_checked_csv(path, [DISTRICT, COUNT], matcher=district_matcher())


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="the file does not exist"):
        read_checked_csv(tmp_path / "nope.csv", [COUNT])


def test_problems_collects_and_numbers_every_message(tmp_path: Path) -> None:
    problems = Problems(tmp_path / "x.csv")
    problems.raise_if_any()  # nothing recorded: no error
    problems.add("first", row=2, column="a")
    problems.add("second")
    with pytest.raises(DataError) as info:
        problems.raise_if_any()
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'x.csv'}: 2 problem(s) found.")
    assert "(1) row 2, column 'a': first." in message
    assert "(2) second." in message
    assert message.endswith("Fix the file and run again.")
