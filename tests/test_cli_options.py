"""Every reading option of ``izmir-maps map --data`` and ``validate`` reaches the reader.

The options are declared once (:func:`izmir_maps.userdata.options.cli_parser`);
each has at least one case below, run through ``cli.main`` for both commands,
with and without the option, so that an option that is parsed but dropped on its
way to the reader fails here. A new option without a case fails
:func:`test_every_reading_option_has_a_case`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest

from izmir_maps.cli import main
from izmir_maps.userdata.options import cli_parser


@dataclass(frozen=True)
class Outcome:
    """What the user sees: the exit status, the values on the map (district → tooltip
    value), and texts that must (``shows``) or must not (``hides``) be printed."""

    code: int
    mapped: dict[str, str] = field(default_factory=dict)
    shows: tuple[str, ...] = ()
    hides: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    """One option at work: a table, the arguments, and what ``map`` and ``validate`` show
    with the option (``given``) and without it."""

    option: str
    table: Callable[[Path], Path]
    given: list[str]
    common: list[str]
    map_given: Outcome
    map_without: Outcome
    validate_given: Outcome
    validate_without: Outcome


def csv(text: str, name: str = "t.csv", encoding: str = "utf-8") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(text.encode(encoding))
        return path

    return make


def xlsx(sheets: dict[str, list[list[object]]]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        book = openpyxl.Workbook()
        book.remove(book.active)
        for title, rows in sheets.items():
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
        path = folder / "t.xlsx"
        book.save(path)
        return path

    return make


TWO_SHEETS = xlsx(
    {"first": [["ilçe", "a"], ["Buca", 7]], "second": [["ilçe", "v"], ["Buca", 1111]]}
)
NOT_IN_FIRST_SHEET = "there is no column 'v'"
CLEAN = "no problems found"

CASES = [
    Case(
        "--column",
        csv("ilçe,a,b\nBuca,1111,2222\nUrla,3333,4444\n"),
        ["--column", "b"],
        [],
        Outcome(0, {"Buca": "2.222", "Urla": "4.444"}),
        Outcome(2, shows=("--data needs --column",)),
        Outcome(0, shows=("columns: b).",)),
        Outcome(0, shows=("columns: a, b).",)),
    ),
    Case(
        "--district-column",
        csv("yer,ilçe,v\nBuca,Urla,1111\nUrla,Buca,3333\n"),
        ["--district-column", "ilçe"],
        ["--column", "v"],
        Outcome(0, {"Buca": "3.333", "Urla": "1.111"}),
        Outcome(
            2, shows=("both name districts", "Choose the district column with --district-column.")
        ),
        Outcome(0, shows=(CLEAN, "district column: ilçe;")),
        Outcome(2, shows=("both name districts",)),
    ),
    Case(
        "--province",
        csv("ilçe,v\nAkhisar,1111\nSOMA,3333\n"),
        ["--province", "manisa"],
        ["--column", "v"],
        Outcome(0, {"Akhisar": "1.111", "Soma": "3.333"}, shows=("v – Manisa",)),
        Outcome(2, shows=("'Akhisar' is not a district of İzmir",)),
        Outcome(0, shows=(CLEAN,)),
        Outcome(2, shows=("'Akhisar' is not a district of İzmir",)),
    ),
    Case(
        "--sheet",
        TWO_SHEETS,
        ["--sheet", "second"],
        ["--column", "v"],
        Outcome(0, {"Buca": "1.111"}),
        Outcome(2, shows=(NOT_IN_FIRST_SHEET,)),
        Outcome(0, shows=(CLEAN, "columns: v).")),
        Outcome(2, shows=(NOT_IN_FIRST_SHEET,)),
    ),
    Case(  # a number counts from 0
        "--sheet",
        TWO_SHEETS,
        ["--sheet", "1"],
        ["--column", "v"],
        Outcome(0, {"Buca": "1.111"}),
        Outcome(2, shows=(NOT_IN_FIRST_SHEET,)),
        Outcome(0, shows=(CLEAN,)),
        Outcome(2, shows=(NOT_IN_FIRST_SHEET,)),
    ),
    Case(  # a sheet named like a number is found by its name
        "--sheet",
        xlsx({"Veri": [["ilçe", "a"], ["Buca", 7]], "2024": [["ilçe", "v"], ["Buca", 1111]]}),
        ["--sheet", "2024"],
        ["--column", "v"],
        Outcome(0, {"Buca": "1.111"}),
        Outcome(2, shows=(NOT_IN_FIRST_SHEET,)),
        Outcome(0, shows=(CLEAN,)),
        Outcome(2, shows=(NOT_IN_FIRST_SHEET,)),
    ),
    Case(
        "--encoding",
        csv("İlçe;v\nÇiğli;1111\n", encoding="cp1254"),
        ["--encoding", "utf-8"],
        ["--column", "v"],
        Outcome(2, shows=("byte 0xDD cannot be read as utf-8 text",)),
        Outcome(0, {"Çiğli": "1.111"}),
        Outcome(2, shows=("byte 0xDD cannot be read as utf-8 text",)),
        Outcome(0, shows=(CLEAN,)),
    ),
    Case(
        "--encoding",
        csv("İlçe,v\nÇiğli,1111\n"),
        ["--encoding", "cp1254"],
        ["--column", "v"],
        Outcome(2, shows=("The text looks garbled",), hides=("Traceback",)),
        Outcome(0, {"Çiğli": "1.111"}),
        Outcome(2, shows=("The text looks garbled",)),
        Outcome(0, shows=(CLEAN,)),
    ),
    Case(
        "--sep",
        csv("ilçe;v\nBuca;1111\nUrla;3333\n"),
        ["--sep", "tab"],
        ["--column", "v"],
        Outcome(2, shows=("no tab separates its columns", "It is ';'-separated")),
        Outcome(0, {"Buca": "1.111", "Urla": "3.333"}),
        Outcome(2, shows=("no tab separates its columns",)),
        Outcome(0, shows=(CLEAN,)),
    ),
    Case(  # only "," splits this file into a table; on its own, ";" wins (more regular lines)
        "--sep",
        csv("ilçe,not;x,v\nBuca,a;b,1111\nUrla,c;d,3333\nKonak,e;f\n"),
        ["--sep", ","],
        ["--column", "v"],
        Outcome(0, {"Buca": "1.111", "Urla": "3.333"}),
        Outcome(2, shows=("there is no column 'v'",)),
        Outcome(0, shows=("columns: v).",)),
        Outcome(2, shows=("there is no column 'v'",)),
    ),
    Case(
        "--decimal",
        csv("ilçe,v\nBuca,1.500\nUrla,2.250\n"),
        ["--decimal", "."],
        ["--column", "v"],
        Outcome(0, {"Buca": "1,50", "Urla": "2,25"}, hides=("Turkish way",)),
        Outcome(0, {"Buca": "1.500", "Urla": "2.250"}, shows=("Turkish way",)),
        Outcome(0, shows=(CLEAN,), hides=("Turkish way",)),
        Outcome(0, shows=(CLEAN, "Turkish way")),
    ),
    Case(
        "--decimal",
        csv("ilçe;v\nBuca;1.5\nUrla;2,25\n"),
        ["--decimal", ","],
        ["--column", "v"],
        Outcome(2, shows=("'1.5' is not a number in the Turkish (decimal ',') format chosen",)),
        Outcome(2, shows=("mixes Turkish numbers",)),
        Outcome(2, shows=("'1.5' is not a number in the Turkish",)),
        Outcome(2, shows=("mixes Turkish numbers",)),
    ),
    Case(
        "--allow-negative",
        csv("ilçe,v\nBuca,-5\nUrla,3\n"),
        ["--allow-negative"],
        ["--column", "v"],
        Outcome(0, {"Buca": "−5", "Urla": "3"}),
        Outcome(2, shows=("'-5' is negative",)),
        Outcome(0, shows=(CLEAN,)),
        Outcome(2, shows=("'-5' is negative",)),
    ),
    Case(
        "--max-bytes",
        csv("ilçe,v\nBuca,1111\n"),
        ["--max-bytes", "10"],
        ["--column", "v"],
        Outcome(2, shows=("the limit is 10 bytes",)),
        Outcome(0, {"Buca": "1.111"}),
        Outcome(2, shows=("the limit is 10 bytes",)),
        Outcome(0, shows=(CLEAN,)),
    ),
    Case(
        "--max-rows",
        csv("ilçe,v\nBuca,1111\nUrla,3333\nKonak,5555\n"),
        ["--max-rows", "2"],
        ["--column", "v"],
        Outcome(2, shows=("it has 3 rows, the limit is 2 rows",)),
        Outcome(0, {"Buca": "1.111", "Urla": "3.333", "Konak": "5.555"}),
        Outcome(2, shows=("it has 3 rows, the limit is 2 rows",)),
        Outcome(0, shows=(CLEAN,)),
    ),
    Case(
        "--max-columns",
        csv("ilçe,v,w\nBuca,1111,2\n"),
        ["--max-columns", "2"],
        ["--column", "v"],
        Outcome(2, shows=("row 1 has 3 columns, the limit is 2 columns", "--max-columns")),
        Outcome(0, {"Buca": "1.111"}),
        Outcome(2, shows=("row 1 has 3 columns, the limit is 2 columns",)),
        Outcome(0, shows=(CLEAN,)),
    ),
    Case(
        "--max-cells",
        csv("ilçe,v\nBuca,1111\nUrla,3333\n"),
        ["--max-cells", "5"],
        ["--column", "v"],
        Outcome(2, shows=("more than 5 cells by row 3, the limit is 5 cells", "--max-cells")),
        Outcome(0, {"Buca": "1.111", "Urla": "3.333"}),
        Outcome(2, shows=("more than 5 cells by row 3, the limit is 5 cells",)),
        Outcome(0, shows=(CLEAN,)),
    ),
]


def reading_flags() -> set[str]:
    return {
        flag
        for action in cli_parser()._actions
        for flag in action.option_strings
        if flag.startswith("--")
    }


def test_every_reading_option_has_a_case() -> None:
    assert reading_flags() == {case.option for case in CASES}


def mapped_values(page: str) -> dict[str, str]:
    """District → the value its tooltip shows, for the districts with a value."""
    match = re.search(r'<script type="application/json" id="izm-data">(.*?)</script>', page, re.S)
    assert match is not None
    districts = json.loads(match.group(1))["d"]
    return {d["n"]: d["t"][0][1] for d in districts if d["t"][0][1] != "Veri yok"}


def check(outcome: Outcome, code: int, printed: str, page: str | None) -> None:
    assert code == outcome.code, printed
    assert "Traceback" not in printed
    for text in outcome.shows:
        assert text in printed + (page or ""), text
    for text in outcome.hides:
        assert text not in printed + (page or ""), text
    if outcome.mapped:
        assert page is not None
        assert mapped_values(page) == outcome.mapped


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("given", [True, False], ids=["given", "without"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.option}={c.given[1:]}")
def test_map_data_reads_with_the_option(
    case: Case, given: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = case.table(tmp_path)
    out = tmp_path / "map.html"
    args = [*case.common, *(case.given if given else [])]
    code, printed = run(["map", "--data", str(table), *args, "--out", str(out)], capsys)
    page = out.read_text(encoding="utf-8") if out.exists() else None
    check(case.map_given if given else case.map_without, code, printed, page)
    if code != 0:
        assert page is None  # a failed map writes nothing
        assert printed.startswith("izmir-maps: error: ") and printed.count("\n") == 1


@pytest.mark.parametrize("given", [True, False], ids=["given", "without"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.option}={c.given[1:]}")
def test_validate_reads_with_the_option(
    case: Case, given: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = case.table(tmp_path)
    args = [*case.common, *(case.given if given else [])]
    code, printed = run(["validate", str(table), *args], capsys)
    check(case.validate_given if given else case.validate_without, code, printed, None)


# -- the options outside --data --------------------------------------------------------------


def test_reading_options_without_data_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.html"
    code, printed = run(
        ["map", "employees", "--sheet", "2", "--sep", ";", "--out", str(out)], capsys
    )
    assert code == 2 and not out.exists()
    assert printed == (
        "izmir-maps: error: --sheet, --sep apply to your own table only; give the table with "
        "--data, or leave the option out to map a built-in indicator.\n"
    )


def test_province_izmir_without_data_is_accepted_another_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.html"
    code, printed = run(["map", "employees", "--province", "Manisa", "--out", str(out)], capsys)
    assert code == 2 and "--province 'Manisa' needs --data" in printed
    code, printed = run(["map", "employees", "--province", "35", "--out", str(out)], capsys)
    assert code == 0 and out.exists(), printed


@pytest.mark.parametrize("per", ["capita", "km2"])
def test_per_with_data_is_refused_not_ignored(
    per: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = csv("ilçe,v\nBuca,1111\n")(tmp_path)
    out = tmp_path / "x.html"
    argv = ["map", "--data", str(table), "--column", "v", "--per", per, "--out", str(out)]
    code, printed = run(argv, capsys)
    assert code == 2 and not out.exists()
    assert printed.startswith(f"izmir-maps: error: --per {per} applies to the built-in indicators")
    assert "Add a column of normalised values" in printed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--max-rows", "0"], "--max-rows must be a positive whole number, not 0."),
        (["--sep", "|"], "--sep must be 'auto', ',', ';' or a tab ('\\t' or 'tab'), not '|'."),
        (["--encoding", "klingon"], "--encoding must be 'auto' or a text encoding"),
        (["--column", " "], "--column must be a column name (a non-empty string), not ' '."),
        (["--province", "Manisaa"], "--province 'Manisaa' is not one of Türkiye's 81 provinces"),
    ],
)
def test_bad_option_values_name_the_option_as_typed(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = csv("ilçe,v\nBuca,1111\n")(tmp_path)
    for command in (["validate", str(table)], ["map", "--data", str(table)]):
        extra = ["--out", str(tmp_path / "x.html")] if command[0] == "map" else []
        code, printed = run([*command, "--column", "v", *args, *extra], capsys)
        assert code == 2
        assert printed.startswith(f"izmir-maps: error: {message}")
        assert printed.count("\n") == 1
