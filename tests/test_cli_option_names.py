"""Messages about the reader's options name them as the user gave them.

On the command line a message names the flag the user typed (``--year-column``);
from Python it names the keyword (``the year_column option``). The same file and
the same mistake, run both ways, give the same message with only the option's
name changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from izmir_maps.cli import main
from izmir_maps.errors import IzmirMapsError
from izmir_maps.spec.user_spec import user_choropleth_spec, user_years_spec
from izmir_maps.userdata.table import read_user_table, validate_user_file_report
from izmir_maps.userdata.years import read_user_years, validate_user_years

FIXTURES = Path(__file__).parent / "fixtures"
LONG = FIXTURES / "years_population_long.csv"
WIDE = FIXTURES / "years_population_wide.csv"


@dataclass(frozen=True)
class Case:
    """One mistake: the file, the command line, the Python call and both messages."""

    name: str
    table: str  # the file's text ("" = a shipped fixture, named in argv)
    argv: list[str]  # "T" stands for the file
    python: Callable[[Path], object]
    cli_says: str  # "{T}" stands for the file's path
    python_says: str


def _problems(report) -> str:
    """A validate report's only problem, as a Python user sees it."""
    assert len(report.problems) == 1, report.problems
    return report.problems[0]


CASES = [
    Case(
        "year-column-and-column",
        "",
        ["map", "--data", str(LONG), "--year-column", "Yıl", "--column", "Yıl"],
        lambda _: read_user_years(LONG, year_column="Yıl", column="Yıl"),
        "--column and --year-column both name the column 'Yıl'.",
        "column and year_column both name the column 'Yıl'.",
    ),
    Case(
        "district-column-and-year-column",
        "",
        [
            "map",
            "--data",
            str(LONG),
            "--year-column",
            "Yıl",
            "--column",
            "Nüfus",
            "--district-column",
            "Yıl",
        ],
        lambda _: read_user_years(LONG, year_column="Yıl", column="Nüfus", district_column="Yıl"),
        "--district-column and --year-column both name the column 'Yıl'.",
        "district_column and year_column both name the column 'Yıl'.",
    ),
    Case(
        "no-year-columns",
        "İlçe;Nüfus\nAliağa;63.503\n",
        ["validate", "T", "--years"],
        lambda p: _problems(validate_user_years(p, years=True)),
        "{T}, row 1: no column's header holds one year (1900–2100), so the table has no column "
        "per year. The columns are: 'İlçe', 'Nüfus'. Head each year's column with its year "
        "('2021' or 'Nüfus 2021'), or, for a table with one row per district and year, name the "
        "column of years with --year-column.",
        "{T}, row 1: no column's header holds one year (1900–2100), so the table has no column "
        "per year. The columns are: 'İlçe', 'Nüfus'. Head each year's column with its year "
        "('2021' or 'Nüfus 2021'), or, for a table with one row per district and year, name the "
        "column of years with the year_column option.",
    ),
    Case(
        "several-quantities",
        "İlçe;Nüfus 2021;Alan 2021\nAliağa;103.364;393\n",
        ["map", "--data", "T", "--years"],
        lambda p: read_user_years(p, years=True),
        "{T}: the columns headed with a year hold different things ('Nüfus': 'Nüfus 2021'; "
        "'Alan': 'Alan 2021'). Choose one with --column (for example --column Nüfus).",
        "{T}: the columns headed with a year hold different things ('Nüfus': 'Nüfus 2021'; "
        "'Alan': 'Alan 2021'). Choose one with the column option (for example column='Nüfus').",
    ),
    Case(
        "year-not-in-the-table",
        "",
        ["map", "--data", str(WIDE), "--years", "--year", "2015"],
        lambda _: user_years_spec(WIDE, years=True, year=2015),
        "--year 2015 is not one of the years of years_population_wide.csv: 2009, 2021.",
        "year 2015 is not one of the years of years_population_wide.csv: 2009, 2021.",
    ),
    Case(
        "max-rows",
        "İlçe;v\nBuca;1\nUrla;2\n",
        ["validate", "T", "--column", "v", "--max-rows", "1"],
        lambda p: _problems(validate_user_file_report(p, column="v", max_rows=1)),
        "{T}: the file is far larger than a district table: it has 2 rows, the limit is 1 rows "
        "(İzmir has 30 districts, all of Türkiye 973). Check that this is the right file; if it "
        "is, raise the limit with --max-rows.",
        "{T}: the file is far larger than a district table: it has 2 rows, the limit is 1 rows "
        "(İzmir has 30 districts, all of Türkiye 973). Check that this is the right file; if it "
        "is, raise the limit with the max_rows option.",
    ),
    Case(
        "unknown-district-column",
        "İlçe;v\nBuca;1\n",
        ["map", "--data", "T", "--column", "v", "--district-column", "Ilce adi"],
        lambda p: read_user_table(p, column="v", district_column="Ilce adi"),
        "{T}, row 1: there is no column 'Ilce adi'. The columns are: 'İlçe', 'v'. Did you "
        "mean 'İlçe'? Give the exact name with --district-column.",
        "{T}, row 1: there is no column 'Ilce adi'. The columns are: 'İlçe', 'v'. Did you "
        "mean 'İlçe'? Give the exact name with the district_column option.",
    ),
    Case(
        "negative",
        "İlçe;v\nBuca;-1\n",
        ["validate", "T", "--column", "v"],
        lambda p: _problems(validate_user_file_report(p, column="v")),
        "{T}, row 2 (Buca), column 'v': '-1' is negative, and values here cannot be. Correct "
        "it, or allow negative values with --allow-negative.",
        "{T}, row 2 (Buca), column 'v': '-1' is negative, and values here cannot be. Correct "
        "it, or allow negative values with the allow_negative option.",
    ),
    Case(
        "sheet-of-a-csv",
        "İlçe;v\nBuca;1\n",
        ["map", "--data", "T", "--column", "v", "--sheet", "Veri"],
        lambda p: read_user_table(p, column="v", sheet="Veri"),
        "--sheet applies to Excel workbooks only; {T} is a CSV file.",
        "sheet applies to Excel workbooks only; {T} is a CSV file.",
    ),
    Case(
        "wrong-separator",
        "İlçe;v\nBuca;1\nUrla;2\n",
        ["map", "--data", "T", "--column", "v", "--sep", "tab"],
        lambda p: read_user_table(p, column="v", sep="tab"),
        "{T}: the table has a single column: no tab separates its columns in any of its 3 "
        "non-blank lines, so it is not a delimited table. It is ';'-separated: choose --sep "
        "auto or --sep ';'.",
        "{T}: the table has a single column: no tab separates its columns in any of its 3 "
        "non-blank lines, so it is not a delimited table. It is ';'-separated: choose "
        "sep='auto' or sep=';'.",
    ),
    Case(
        "grid-of-another-province",
        "ilçe;değer\nSOMA;12\nAkhisar;30\n",
        ["map", "--data", "T", "--column", "değer", "--province", "Manisa", "--layout", "grid"],
        lambda p: user_choropleth_spec(p, column="değer", province="Manisa", layout="grid"),
        "--layout grid draws İzmir's 30 districts as hexagons placed by hand near their real "
        "positions; there is no such grid of Manisa's districts. Map them on their real "
        "boundaries: leave out --layout grid.",
        "layout='grid' draws İzmir's 30 districts as hexagons placed by hand near their real "
        "positions; there is no such grid of Manisa's districts. Map them on their real "
        "boundaries: leave out layout='grid'.",
    ),
]


def _file(case: Case, folder: Path) -> Path:
    path = folder / "t.csv"
    if case.table:
        path.write_text(case.table, encoding="utf-8")
    return path


def _cli(case: Case, path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What the command line printed for the case: its one message, without the prefix."""
    argv = [str(path) if a == "T" else a for a in case.argv]
    if argv[0] == "map":
        argv += ["--out", str(out)]
    code = main(argv)
    printed = capsys.readouterr()
    assert code == 2 and not out.exists()
    if argv[0] == "validate" and printed.out:
        lines = printed.out.splitlines()
        assert lines[-2:-1] == [f"{path}: 1 problem(s):"], printed.out
        return lines[-1].removeprefix("  1. ")
    assert printed.err.startswith("izmir-maps: error: ") and printed.err.count("\n") == 1
    return printed.err.removeprefix("izmir-maps: error: ").rstrip("\n")


def _python(case: Case, path: Path) -> str:
    try:
        said = case.python(path)
    except IzmirMapsError as exc:
        return str(exc)
    assert isinstance(said, str), said
    return said


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_command_line_names_the_flag_and_python_the_keyword(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(case, tmp_path)
    assert _cli(case, path, tmp_path / "x.html", capsys) == case.cli_says.format(T=path)
    # after the command, in the same process, Python's wording is back
    assert _python(case, path) == case.python_says.format(T=path)


def test_a_bad_value_names_the_flag_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.csv"
    path.write_text("İlçe;v\nBuca;1\n", encoding="utf-8")
    code = main(["validate", str(path), "--column", "v", "--max-cells", "0"])
    assert code == 2
    assert capsys.readouterr().err == (
        "izmir-maps: error: --max-cells must be a positive whole number, not 0.\n"
    )
    with pytest.raises(IzmirMapsError) as info:
        read_user_table(path, column="v", max_cells=0)
    assert str(info.value) == "max_cells must be a positive whole number, not 0."


def test_a_warning_names_the_flag_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.csv"
    path.write_text("İlçe,Çalışan\nAliağa,39.234\nKonak,950\n", encoding="utf-8")
    assert main(["validate", str(path), "--column", "Çalışan"]) == 0
    said = capsys.readouterr().out
    assert "If '.' is the decimal mark, choose --decimal '.'.\n" in said
    table = read_user_table(path, column="Çalışan")
    assert table.warnings[0].endswith("If '.' is the decimal mark, choose decimal='.'.")
