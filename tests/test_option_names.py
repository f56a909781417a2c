"""An option is named in a message as the user gave it, at every depth.

:mod:`izmir_maps.option_names` sits below every layer, so the province lookup
of :mod:`izmir_maps.data.provinces` names ``--province`` on the command line
and ``province`` from Python itself, with no caller rewriting its message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from izmir_maps import resolve_province
from izmir_maps.cli import _parser
from izmir_maps.errors import OptionError
from izmir_maps.option_names import named_as, option_name, option_value, the_option
from izmir_maps.spec.user_spec import user_choropleth_spec
from izmir_maps.userdata import options
from izmir_maps.userdata.options import ReadOptions
from izmir_maps.userdata.table import read_user_table, validate_user_file_report
from izmir_maps.userdata.years import validate_user_years

#: The ``run_cli`` fixture (tests/conftest.py): status, stdout and stderr of one command.
RunCli = Callable[[list[str]], tuple[int, str, str]]

#: What a mistyped province says; ``{name}`` is the option as the user gave it.
MANISAA = (
    "{name} 'Manisaa' is not one of Türkiye's 81 provinces. Did you mean 'Manisa'? Give a "
    "province name (any case, with or without Turkish letters), its P-code ('TUR045') or plate "
    "number ('45'), or 'Türkiye' for all 973 districts."
)
PYTHON_SAYS = MANISAA.format(name="province")
CLI_SAYS = f"izmir-maps: error: {MANISAA.format(name='--province')}\n"


@pytest.fixture
def manisa(tmp_path: Path) -> Path:
    """A small table of two of Manisa's districts."""
    path = tmp_path / "manisa.csv"
    path.write_text("ilçe;değer\nSOMA;12\nAkhisar;30\n", encoding="utf-8")
    return path


# -- the command line ------------------------------------------------------------------------------


def test_map_and_validate_are_the_commands_that_take_province() -> None:
    """A new command taking --province must join the cases below."""
    commands = [a for a in _parser()._actions if hasattr(a, "choices") and a.dest == "command"]
    taking = sorted(
        name
        for name, command in commands[0].choices.items()
        if any("--province" in action.option_strings for action in command._actions)
    )
    assert taking == ["map", "validate"]


@pytest.mark.parametrize(
    "argv",
    [
        ["map", "--data", "T", "--column", "değer", "--province", "Manisaa"],
        ["map", "employees", "--province", "Manisaa"],
        ["map", "employees", "--bivariate", "exports_usd", "--province", "Manisaa"],
        ["map", "osb", "--province", "Manisaa"],
        ["validate", "T", "--column", "değer", "--province", "Manisaa"],
        ["validate", "T", "--years", "--province", "Manisaa"],
    ],
    ids=["map-data", "map-indicator", "map-bivariate", "map-markers", "validate", "validate-years"],
)
def test_every_command_names_the_flag(
    argv: list[str], manisa: Path, tmp_path: Path, run_cli: RunCli
) -> None:
    out = tmp_path / "x.html"
    argv = [str(manisa) if a == "T" else a for a in argv]
    if argv[0] == "map":
        argv += ["--out", str(out)]
    assert run_cli(argv) == (2, "", CLI_SAYS)
    assert not out.exists()
    # the same process, back in Python: the keyword again
    with pytest.raises(OptionError) as info:
        read_user_table(manisa, column="değer", province="Manisaa")
    assert str(info.value) == PYTHON_SAYS


def test_a_known_province_without_data_is_still_refused_by_its_flag(
    tmp_path: Path, run_cli: RunCli
) -> None:
    out = tmp_path / "x.html"
    assert run_cli(["map", "employees", "--province", "Manisa", "--out", str(out)]) == (
        2,
        "",
        "izmir-maps: error: --province 'Manisa' needs --data: the built-in indicators describe "
        "İzmir's districts only. Map your own table of that province with --data and --column.\n",
    )


# -- Python ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda p: resolve_province("Manisaa"),
        lambda p: ReadOptions(province="Manisaa"),
        lambda p: read_user_table(p, column="değer", province="Manisaa"),
        lambda p: validate_user_file_report(p, column="değer", province="Manisaa"),
        lambda p: validate_user_years(p, years=True, province="Manisaa"),
        lambda p: user_choropleth_spec(p, column="değer", province="Manisaa"),
    ],
    ids=["resolve_province", "ReadOptions", "read", "validate", "validate-years", "spec"],
)
def test_python_names_the_keyword(call: Callable[[Path], object], manisa: Path) -> None:
    with pytest.raises(OptionError) as info:
        call(manisa)
    assert str(info.value) == PYTHON_SAYS


def test_the_province_lookup_itself_names_the_flag_it_is_given() -> None:
    """No caller rewrites the message: the lookup names the option as the block says."""
    with named_as({"province": "--province"}), pytest.raises(OptionError) as info:
        resolve_province("Atlantis")
    assert str(info.value).startswith(
        "--province 'Atlantis' is not one of Türkiye's 81 provinces. Give a province name"
    )
    with named_as(options.cli_flags()), pytest.raises(OptionError) as info:
        ReadOptions(province="")
    assert str(info.value).startswith("--province '' is not one of Türkiye's 81 provinces.")


# -- the helpers -----------------------------------------------------------------------------------


def test_named_as_ends_with_its_block_even_after_an_error() -> None:
    with pytest.raises(OptionError), named_as({"sheet": "--sheet"}):
        assert the_option("sheet") == "--sheet"
        raise OptionError("stop")
    assert the_option("sheet") == "the sheet option"


def test_an_inner_block_replaces_the_outer_one_until_it_ends() -> None:
    with named_as({"sep": "--sep", "sheet": "--sheet"}):
        with named_as({"sep": "-s"}):
            assert (option_name("sep"), option_name("sheet")) == ("-s", "sheet")
        assert (option_name("sep"), option_name("sheet")) == ("--sep", "--sheet")
    assert option_name("sep") == "sep"


@pytest.mark.parametrize(
    ("value", "typed"),
    [
        ("Nüfus", "--column Nüfus"),  # Turkish letters need no quotes
        ("Nüfus 2021", "--column 'Nüfus 2021'"),
        ("\t", "--column tab"),
        (";", "--column ';'"),
        (".", "--column '.'"),  # a bare sign would read as the sentence's own
        ("a.b,c", "--column a.b,c"),
        ("it's", "--column 'it'\"'\"'s'"),
        (2021, "--column 2021"),
    ],
)
def test_a_value_is_written_as_typed_in_a_shell(value: object, typed: str) -> None:
    with named_as({"column": "--column"}):
        assert option_value("column", value) == typed
    assert option_value("column", value) == f"column={value!r}"
