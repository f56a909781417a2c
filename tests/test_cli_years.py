"""``izmir-maps map --data … --year-column/--years`` and ``validate`` of a table of several years."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
LONG = FIXTURES / "years_population_long.csv"
WIDE = FIXTURES / "years_population_wide.csv"
REPEATED = FIXTURES / "years_repeated.csv"
#: The legend note of a year map (catalogue [years] years_note), Turkish.
NOTE = "Renk sınıfları 2009–2021 yıllarının tümünden hesaplandı"
#: The ``run_cli`` fixture (tests/conftest.py): status, stdout and stderr of one command.
RunCli = Callable[[list[str]], tuple[int, str, str]]


# -- map ------------------------------------------------------------------------------------------


def test_map_of_a_long_table_shows_the_latest_year_and_every_year(
    tmp_path: Path,
    run_cli: RunCli,
    html_title: Callable[[str], str],
) -> None:
    out = tmp_path / "nufus.html"
    argv = ["map", "--data", str(LONG), "--year-column", "Yıl", "--column", "Nüfus"]
    code, printed, errors = run_cli([*argv, "--out", str(out)])
    assert code == 0, errors
    assert printed.startswith(f"{out} (")
    html = out.read_text(encoding="utf-8")
    assert html_title(html) == "Nüfus, 2021"
    assert NOTE in html
    assert "103.364" in html  # Aliağa, 2021, in Turkish format
    assert errors.startswith(
        "izmir-maps: warning: 29 districts have no value in some years and will be shown as "
        "'no data' in those years: 2009: Balçova, Bayındır,"
    )


def test_year_picks_the_year_shown_first(
    tmp_path: Path,
    run_cli: RunCli,
    html_title: Callable[[str], str],
) -> None:
    out = tmp_path / "nufus.html"
    argv = ["map", "--data", str(WIDE), "--years", "--year", "2009", "--out", str(out)]
    code, _, errors = run_cli(argv)
    assert code == 0, errors
    html = out.read_text(encoding="utf-8")
    assert html_title(html) == "Nüfus, 2009"
    assert NOTE in html and "63.503" in html


def test_a_year_not_in_the_table_is_refused(tmp_path: Path, run_cli: RunCli) -> None:
    out = tmp_path / "nufus.html"
    argv = ["map", "--data", str(WIDE), "--years", "--year", "2015", "--out", str(out)]
    code, _, errors = run_cli(argv)
    assert code == 2 and not out.exists()
    assert errors == (
        "izmir-maps: error: --year 2015 is not one of the years of years_population_wide.csv: "
        "2009, 2021.\n"
    )


def test_a_repeated_district_year_stops_the_map_naming_both_rows(
    tmp_path: Path, run_cli: RunCli
) -> None:
    out = tmp_path / "nufus.html"
    argv = ["map", "--data", str(REPEATED), "--year-column", "Yıl", "--column", "Nüfus"]
    code, _, errors = run_cli([*argv, "--out", str(out)])
    assert code == 2 and not out.exists()
    assert "rows 2 and 3 both give Aliağa in 2009 ('63.503', '63.503')" in errors
    assert "Traceback" not in errors and errors.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["map", "employees", "--years"],
            "--years applies to your own table only; give the table with --data, or leave the "
            "option out to map a built-in indicator.",
        ),
        (
            ["map", "employees", "--year-column", "Yıl", "--year", "2021"],
            "--year-column, --year apply to your own table only; give the table with --data, or "
            "leave the option out to map a built-in indicator.",
        ),
        (
            ["map", "--data", str(LONG), "--column", "Nüfus", "--year", "2021"],
            "--year 2021 picks the year shown first of a table of several years; say where its "
            "years are with --year-column (one row per district and year) or --years (one "
            "column per year).",
        ),
        (
            ["map", "--data", str(LONG), "--year-column", "Yıl", "--years", "--column", "Nüfus"],
            "Give --year-column (a table with one row per district and year) or --years (one "
            "column per year), not both.",
        ),
        (
            ["map", "--data", str(LONG), "--year-column", "Yıl"],
            "--data needs --column: the column of your table to map.",
        ),
    ],
)
def test_year_options_used_wrongly_are_refused(
    argv: list[str],
    message: str,
    tmp_path: Path,
    run_cli: RunCli,
) -> None:
    out = tmp_path / "x.html"
    code, _, errors = run_cli([*argv, "--out", str(out)])
    assert code == 2 and not out.exists()
    assert errors == f"izmir-maps: error: {message}\n"


# -- validate -------------------------------------------------------------------------------------


def test_validate_reports_repeated_district_years_and_non_years(
    run_cli: RunCli,
) -> None:
    code, printed, _ = run_cli(["validate", str(REPEATED), "--year-column", "Yıl"])
    assert code == 2
    assert printed.splitlines()[-3:] == [
        f"{REPEATED}: 2 problem(s):",
        f"  1. {REPEATED}, row 2, column 'İlçe': rows 2 and 3 both give Aliağa in 2009 "
        "('63.503', '63.503'). Keep one row per district and year.",
        f"  2. {REPEATED}, row 5 (Balçova), column 'Yıl': '2O21' is not a year: write the year "
        "as a whole number from 1900 to 2100, such as 2021.",
    ]


@pytest.mark.parametrize(
    ("argv", "found"),
    [
        (
            ["validate", str(LONG), "--year-column", "Yıl"],
            "district column: İlçe; year column: Yıl; years: 2009, 2021; columns: Nüfus",
        ),
        (
            ["validate", str(WIDE), "--years"],
            "district column: İlçe; years: 2009, 2021; columns: Nüfus 2009, Nüfus 2021",
        ),
    ],
)
def test_validate_warns_of_districts_missing_in_some_years(
    argv: list[str], found: str, run_cli: RunCli
) -> None:
    code, printed, _ = run_cli(argv)
    assert code == 0
    lines = printed.splitlines()
    assert lines[0].startswith(
        "warning: 29 districts have no value in some years and will be shown as 'no data' in "
        "those years: 2009: Balçova, Bayındır, Bayraklı,"
    )
    assert lines[0].endswith(", Torbalı, Urla.")
    assert lines[1] == f"{argv[1]}: no problems found ({found})."


def test_validate_without_year_options_reads_one_row_per_district(
    run_cli: RunCli,
) -> None:
    # without --year-column the long table repeats Aliağa: the ordinary check says so
    code, printed, _ = run_cli(["validate", str(LONG), "--column", "Nüfus"])
    assert code == 2
    assert "rows 2 and 3 both name Aliağa ('Aliağa', 'Aliağa'). Keep one row per district." in (
        printed
    )


# -- print ----------------------------------------------------------------------------------------


def _svg_text(path: Path) -> str:
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    return " ".join("".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text"))


def test_describe_prints_the_years_description_on_the_small_multiples(
    tmp_path: Path, run_cli: RunCli
) -> None:
    argv = ["map", "--data", str(LONG), "--year-column", "Yıl", "--column", "Nüfus"]
    described, plain = tmp_path / "described.svg", tmp_path / "plain.svg"
    code, _, _ = run_cli([*argv, "--format", "svg", "--describe", "--out", str(described)])
    assert code == 0
    code, _, _ = run_cli([*argv, "--format", "svg", "--out", str(plain)])
    assert code == 0
    said = " ".join(_svg_text(described).split())
    assert (
        "Harita, İzmir'in 30 ilçesinin değerlerini gösteriyor: Nüfus. 2009: 29 ilçe için veri "
        "yok. 2021: En yüksek değerler Buca (517.963) ve Karabağlar (478.788), en düşük "
        "değerler Karaburun (11.927) ve Beydağ (12.197). Değerler doğal kırılmalarla "
        "(Fisher–Jenks) 5 sınıfa ayrıldı."
    ) in said
    assert "Harita," not in _svg_text(plain)
