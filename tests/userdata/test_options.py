"""ReadOptions: every option of reading a user's table, checked once, and built from argparse."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from izmir_maps.errors import OptionError
from izmir_maps.userdata.options import ReadOptions, cli_parser, from_namespace, given_flags
from izmir_maps.userdata.table import read_user_table, validate_user_file

FIELDS = [f.name for f in fields(ReadOptions)]
#: For each option: command-line words, and the value ReadOptions gets from them.
EVERY_OPTION = {
    "column": (["--column", "Nüfus"], "Nüfus"),
    "district_column": (["--district-column", "İlçe"], "İlçe"),
    "province": (["--province", "Manisa"], "Manisa"),
    "sheet": (["--sheet", "Veri"], "Veri"),
    "encoding": (["--encoding", "cp1254"], "cp1254"),
    "sep": (["--sep", ";"], ";"),
    "decimal": (["--decimal", "."], "."),
    "allow_negative": (["--allow-negative"], True),
    "max_bytes": (["--max-bytes", "1000"], 1000),
    "max_rows": (["--max-rows", "40"], 40),
    "max_columns": (["--max-columns", "12"], 12),
    "max_cells": (["--max-cells", "500"], 500),
}


def test_the_parser_declares_exactly_the_fields() -> None:
    dests = {action.dest for action in cli_parser()._actions}
    assert dests == set(FIELDS)


def test_without_options_the_command_line_gives_the_defaults() -> None:
    args = cli_parser().parse_args([])
    assert from_namespace(args) == ReadOptions()
    assert given_flags(args) == []


def test_every_option_of_the_command_line_reaches_read_options() -> None:
    assert set(EVERY_OPTION) == set(FIELDS)  # a new field needs a line above
    argv = [word for words, _ in EVERY_OPTION.values() for word in words]
    args = cli_parser().parse_args(argv)
    options = from_namespace(args)
    default = ReadOptions()
    for name, (_, value) in EVERY_OPTION.items():
        assert getattr(options, name) == value, name
        assert getattr(default, name) != value, name  # the case proves something
    assert given_flags(args) == [f"--{name.replace('_', '-')}" for name in FIELDS]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"column": ""}, "column must be a column name (a non-empty string), not ''."),
        ({"district_column": 3}, "district_column must be a column name (a non-empty string), not 3."),
        ({"province": "Atlantis"}, "province 'Atlantis' is not one of Türkiye's 81 provinces."),
        ({"sheet": 1.5}, "sheet must be a sheet name, a 0-based sheet number or None, not 1.5."),
        ({"sheet": True}, "sheet must be a sheet name, a 0-based sheet number or None, not True."),
        ({"encoding": "rot13"}, "encoding must be 'auto' or a text encoding such as 'utf-8', 'utf-8-sig' or 'cp1254' (Turkish Windows), not 'rot13'."),
        ({"sep": "|"}, "sep must be 'auto', ',', ';' or a tab ('\\t' or 'tab'), not '|'."),
        ({"decimal": "auto?"}, "decimal must be 'auto', ',' (Turkish) or '.' (international), not 'auto?'."),
        ({"allow_negative": "yes"}, "allow_negative must be True or False, not 'yes'."),
        ({"max_bytes": 0}, "max_bytes must be a positive whole number, not 0."),
        ({"max_rows": 2.5}, "max_rows must be a positive whole number, not 2.5."),
    ],
)  # fmt: skip
def test_bad_values_name_the_option_the_value_and_what_is_allowed(
    options: dict, message: str
) -> None:
    with pytest.raises(OptionError) as info:
        ReadOptions(**options)
    assert str(info.value).startswith(message)


def test_tab_has_three_spellings() -> None:
    assert {ReadOptions(sep=s).separator for s in ("\t", "\\t", "tab")} == {"\t"}
    assert ReadOptions().separator == "auto"


def test_options_are_frozen() -> None:
    options = ReadOptions(column="v")
    with pytest.raises(AttributeError):
        options.column = "w"  # type: ignore[misc]


def test_keywords_override_the_options_object(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("ilçe,v,w\nBuca,-1,2\n", encoding="utf-8")
    options = ReadOptions(column="v", allow_negative=True)
    assert read_user_table(path, options).values["value"].tolist() == [-1.0]
    assert read_user_table(path, options, column="w").values["value"].tolist() == [2.0]
    assert len(validate_user_file(path, options, allow_negative=False)) == 1


def test_an_unknown_keyword_lists_the_options(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("ilçe,v\nBuca,1\n", encoding="utf-8")
    with pytest.raises(
        TypeError,
        match=r"^shet: not an option of reading a table; the options are column, district_column, province, sheet",
    ):
        read_user_table(path, column="v", shet=1)


def test_the_province_picks_the_district_names(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("ilçe,v\nAkhisar,1\n", encoding="utf-8")
    table = read_user_table(path, column="v", province="Manisa")
    assert table.values["district"].tolist() == ["Akhisar"]
    assert len(table.missing) == 16  # Manisa has 17 districts
