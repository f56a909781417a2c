"""Messages about a row of a user's table name the row's district, not only its number."""

from __future__ import annotations

from pathlib import Path

import pytest

from izmir_maps.errors import DataError
from izmir_maps.userdata.table import read_user_table, validate_user_file

NOT_A_NUMBER = (
    "is not a number. Write it like 1.234,5 or 1234,5 (Turkish) or 1,234.5 (international), "
    "optionally with % or a currency sign; leave the cell empty or write '-' if there is no value."
)
DISTRICTS = ("Aliağa", "Balçova", "Bayındır", "Bayraklı", "Bergama", "Beydağ", "Bornova")


def _write(tmp_path: Path, text: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_issue_example_names_buca_in_row_9(tmp_path: Path) -> None:
    rows = "".join(f"{d},{i}\n" for i, d in enumerate(DISTRICTS, 1))  # rows 2–8
    path = _write(tmp_path, f"district,value\n{rows}Buca,çok\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="value")
    assert str(info.value) == f"{path}, row 9 (Buca), column 'value': 'çok' {NOT_A_NUMBER}"


def test_the_district_is_named_as_the_package_spells_it(tmp_path: Path) -> None:
    path = _write(tmp_path, "ilce,v\nCIGLI,1\nKARSIYAKA,-3\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value).startswith(f"{path}, row 3 (Karşıyaka), column 'v': '-3' is negative")


def test_a_row_whose_district_is_unknown_shows_the_cell_as_given(tmp_path: Path) -> None:
    path = _write(tmp_path, "district,value\nBornava,x\nBuca,1\n")
    assert validate_user_file(path, column="value") == [
        f"{path}, row 2, column 'district': 'Bornava' is not a district of İzmir. Did you mean "
        "'Bornova'? Correct the name (any case, with or without Turkish letters) or use the "
        "P-code.",
        f"{path}, row 2 ('Bornava'), column 'value': 'x' {NOT_A_NUMBER}",
    ]


def test_several_problems_stay_one_paragraph_and_each_names_its_district(tmp_path: Path) -> None:
    path = _write(tmp_path, "ilce;v\nKonak;a\nUrla;5\nTire;b\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    message = str(info.value)
    assert "\n" not in message
    assert message == (
        f"{path}: 2 problems. (1) row 2 (Konak), column 'v': 'a' {NOT_A_NUMBER} "
        f"(2) row 4 (Tire), column 'v': 'b' {NOT_A_NUMBER} Fix them and run again."
    )


def test_warnings_about_a_row_name_its_district(tmp_path: Path) -> None:
    path = _write(tmp_path, "ilce,v\nÇiğli,39.234\nKonak,27.225\n")
    table = read_user_table(path, column="v")
    assert table.warnings[0].startswith(
        "Column 'v': numbers such as '39.234' in row 2 (Çiğli) were read the Turkish way"
    )


def test_a_row_too_wide_names_its_district(tmp_path: Path) -> None:
    path = _write(tmp_path, "ilce,v\nKonak,4,5\nUrla,3\n")
    with pytest.raises(DataError) as info:
        read_user_table(path, column="v")
    assert str(info.value).startswith(f"{path}, row 2 (Konak): the row has 3 cells")
