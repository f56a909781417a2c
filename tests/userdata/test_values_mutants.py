"""Messages of the number reader, word for word (cases the userdata/ mutation run got through).

tests/userdata/test_table.py checks them too, in tests with non-ASCII ids that mutmut cannot
run one by one; these have plain ids.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from izmir_maps.errors import DataError
from izmir_maps.userdata._values import Token, classify
from izmir_maps.userdata.table import read_user_table


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_column_of_both_formats_names_three_examples_of_each_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    rows = ["Aliağa,4,14", "Balçova,2,5", "Bayındır,1,5", "Bayraklı,3,5", "Bergama,4.14"]
    path = _write(tmp_path, "İlçe;Oran\n" + "\n".join(r.replace(",", ";", 1) for r in rows) + "\n")
    with pytest.raises(DataError) as caught:
        read_user_table(path, column="Oran")
    assert str(caught.value) == (
        f"{path}, column 'Oran': the column mixes Turkish numbers (decimal comma: '4,14' in row 2 "
        "(Aliağa), '2,5' in row 3 (Balçova), '1,5' in row 4 (Bayındır) and 1 more) and "
        "international numbers (decimal point: '4.14' in row 6 (Bergama)). Write every number "
        "the same way, or choose the format with the decimal option (',' Turkish, "
        "'.' international)."
    )


def test_three_examples_are_all_named_without_more(tmp_path: Path) -> None:
    path = _write(tmp_path, "İlçe;Oran\nAliağa;4,14\nBalçova;2,5\nBayındır;1,5\nBergama;4.14\n")
    with pytest.raises(DataError) as caught:
        read_user_table(path, column="Oran")
    assert "'1,5' in row 4 (Bayındır)) and international" in str(caught.value)


def test_districts_without_a_value_name_the_empty_cell_or_what_it_says(tmp_path: Path) -> None:
    path = _write(tmp_path, "İlçe;Değer\nAliağa;\nBalçova;yok\nBuca;5\n")
    table = read_user_table(path, column="Değer")
    warning = next(w for w in table.warnings if "no value" in w)
    assert warning.startswith(
        "29 districts have no value and will be shown as 'no data': "
        "Aliağa (row 2: empty), Balçova (row 3: 'yok'), Bayındır, "
    )


# Each cell's shape, as the column's decimal rule then reads it: kind, digits, sign.
SHAPES = [
    ("\u22125", Token("int", "5", "-")),  # the typographic minus
    ("- 5", Token("int", "5", "-")),
    ("$-5", Token("int", "5", "-")),  # a currency sign before the sign
    ("$- 5", Token("int", "5", "-")),
    ("$+5", Token("int", "5", "+")),
    ("%-4,5", Token("tr", "4,5", "-")),
    ("5 TL", Token("int", "5", "")),
    ("1234", Token("int", "1234", "")),
    ("1234.567", Token("en", "1234.567", "")),  # four digits before: not a thousands dot
    ("1234,567", Token("tr", "1234,567", "")),
    ("1.234", Token("amb_dot", "1.234", "")),  # 1234 or 1,234: the column decides
    ("1,234", Token("amb_comma", "1,234", "")),
    ("-1.234", Token("amb_dot", "1.234", "-")),
    ("- 1.234", Token("amb_dot", "1.234", "-")),
    ("-1.234,5", Token("tr", "1.234,5", "-")),
    ("-4.5", Token("en", "4.5", "-")),
    ("-1,234,567.89", Token("en", "1,234,567.89", "-")),
]


@pytest.mark.parametrize(("cell", "token"), SHAPES, ids=[f"shape{i}" for i in range(len(SHAPES))])
def test_the_shape_of_a_cell(cell: str, token: Token) -> None:
    assert classify(cell) == token
