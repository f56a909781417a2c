"""What the command line says: ``--breaks`` read like the user's numbers, write errors that name
the user's file, and a quiet stop when the reader of the output goes away (issue 12)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from izmir_maps import cli
from izmir_maps.cli import main

EMPLOYEES_MAX = 199310.0  # the largest value of `employees`: the last class bound
EXAMPLE = "for example --breaks '1.000;10.000' or --breaks '0,5 1,5 2,5'"
ERROR = "izmir-maps: error: "
TURKISH_1000 = (
    "izmir-maps: warning: --breaks {text!r}: 1.000 was read the Turkish way, as 1000 ('.' "
    "separates thousands, ',' marks decimals), because nothing in the list shows which mark is "
    "the decimal one. If '.' is the decimal mark, add --decimal .\n"
)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list:
    """The specs `map` would draw; writing is replaced by an empty file (classes are the point)."""
    specs: list = []

    def fake_write(spec: object, args: object, fmt: str) -> Path:
        specs.append(spec)
        args.out.write_bytes(b"")  # type: ignore[attr-defined]
        return args.out  # type: ignore[attr-defined]

    monkeypatch.setattr(cli, "_write", fake_write)
    return specs


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- --breaks: read like the user's numbers ----------------------------------------------------


@pytest.mark.parametrize(
    ("given", "extra", "bins", "warned"),
    [
        # Turkish by default: the dot groups thousands, whatever separates the breaks.
        ("1.000,10.000", [], (1000.0, 10000.0), True),
        ("1.000;10.000", [], (1000.0, 10000.0), True),
        ("1.000 10.000", [], (1000.0, 10000.0), True),
        ("1.000; 10.000;", [], (1000.0, 10000.0), True),
        ("1000, 10000, 100000", [], (1000.0, 10000.0, 100000.0), False),
        ("1000,10000,100000", [], (1000.0, 10000.0, 100000.0), False),
        ("0,5;1,5", [], (0.5, 1.5), False),
        # A break that can only be international makes the list international.
        ("0.5 1.5", [], (0.5, 1.5), False),
        ("0.500;1.500", [], (0.5, 1.5), False),  # a thousands group never starts with 0
        ("2.5;1,000", [], (2.5, 1000.0), False),
        # --decimal decides when given, also without --data.
        ("1.000;10.000", ["--decimal", "."], (1.0, 10.0), False),
        ("1.000,10.000", ["--decimal", "."], (1.0, 10.0), False),
        ("1.000;10.000", ["--decimal", ","], (1000.0, 10000.0), False),
        ("-5;1.000", [], (-5.0, 1000.0), True),
        ("1.500,5;20.000", [], (1500.5, 20000.0), False),  # 1.500,5 decides: no warning
    ],
)
def test_breaks_are_read_like_the_users_numbers(
    given: str,
    extra: list[str],
    bins: tuple[float, ...],
    warned: bool,
    drawn: list,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "m.html"
    code, _, err = run(["map", "employees", f"--breaks={given}", *extra, "--out", str(out)], capsys)
    assert code == 0, err
    classification = drawn[0].classification
    assert classification.scheme == "user"  # --breaks alone implies --scheme user
    assert classification.bins == (*bins, EMPLOYEES_MAX)
    assert err == (TURKISH_1000.format(text=given) if warned else "")


def test_breaks_with_scheme_user_are_the_same_as_breaks_alone(
    drawn: list, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "m.html")
    assert (
        main(["map", "employees", "--scheme", "user", "--breaks", "5000;50000", "--out", out]) == 0
    )
    assert main(["map", "employees", "--breaks", "5000;50000", "--out", out]) == 0
    assert (
        drawn[0].classification.bins
        == drawn[1].classification.bins
        == (
            5000.0,
            50000.0,
            EMPLOYEES_MAX,
        )
    )


def test_breaks_for_a_users_table_follow_decimal(
    drawn: list, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "t.csv"
    table.write_text("İlçe;Değer\nAliağa;1,5\nBuca;2,5\nKonak;10,25\n", encoding="utf-8")
    out = tmp_path / "m.html"
    argv = ["map", "--data", str(table), "--column", "Değer", "--out", str(out)]
    code, _, err = run([*argv, "--breaks", "2;5"], capsys)
    assert code == 0, err
    assert drawn[0].classification.bins == (2.0, 5.0, 10.25)
    code, _, err = run([*argv, "--decimal", ",", "--breaks", "2,5 5"], capsys)
    assert code == 0, err
    assert drawn[1].classification.bins == (2.5, 5.0, 10.25)


BAD_BREAKS = [
    (
        "1000,10000",
        [],
        "--breaks '1000,10000' is ambiguous: ',' may separate breaks (1000 and 10000) or be part "
        "of one number. Separate the breaks with ';' or spaces, for example "
        "--breaks '1000;10000'.",
    ),
    (
        "1,5",
        [],
        "--breaks '1,5' is ambiguous: ',' may separate breaks (1 and 5) or be part of one "
        "number. Separate the breaks with ';' or spaces, for example --breaks '1;5'.",
    ),
    (
        "1,000",
        ["--decimal", "."],
        "--breaks '1,000' is ambiguous: ',' may separate breaks (1 and 000) or be part of one "
        "number. Separate the breaks with ';' or spaces, for example --breaks '1;000'.",
    ),
    *[
        (
            text,
            [],
            f"--breaks {text!r}: {part!r} is not a class bound; give finite numbers separated by "
            f"';' or spaces, {EXAMPLE}.",
        )
        for text, part in [
            ("nan", "nan"),
            ("NaN", "NaN"),
            ("inf", "inf"),
            ("-inf", "-inf"),
            ("1000;Infinity", "Infinity"),
        ]
    ],
    (
        "1" + "0" * 400,
        [],
        "--breaks: '100000000000000000000000000000000000000…' is too large to be a class bound; "
        "give numbers below 10^308.",
    ),
    (
        "1e300",
        [],
        "--breaks '1e300': '1e300' is not a number in the Turkish format (decimal comma: 0,5; "
        f"1.000). Give finite numbers separated by ';' or spaces, {EXAMPLE}.",
    ),
    (
        "0.5 1.5",
        ["--decimal", ","],
        "--breaks '0.5 1.5': '0.5' is not a number in the Turkish format (decimal comma: 0,5; "
        "1.000) chosen with --decimal ,. Give finite numbers separated by ';' or spaces, "
        f"{EXAMPLE}.",
    ),
    (
        "4,14;1.5",
        [],
        "--breaks '4,14;1.5' mixes Turkish numbers (4,14: decimal comma) and international "
        "numbers (1.5: decimal point). Write every break the same way, or choose the format with "
        "--decimal , or --decimal .",
    ),
    *[
        (
            text,
            [],
            f"--breaks is empty; give the upper bounds of the classes, {EXAMPLE}.",
        )
        for text in ("", "  ", ";", ",")
    ],
]


@pytest.mark.parametrize(("given", "extra", "message"), BAD_BREAKS)
def test_bad_breaks_are_refused_with_the_reason(
    given: str, extra: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.html"
    code, printed, err = run(
        ["map", "employees", f"--breaks={given}", *extra, "--out", str(out)], capsys
    )
    assert (code, printed, err) == (2, "", ERROR + message + "\n")
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["employees", "--scheme", "user"],
            f"--scheme user needs --breaks: the upper bounds of the classes, {EXAMPLE}.",
        ),
        (
            ["employees", "--scheme", "quantiles", "--breaks", "1.000;10.000"],
            "--breaks sets the classes itself (--scheme user), so it cannot be used with "
            "--scheme quantiles. Leave out --scheme, or --breaks.",
        ),
        (
            ["employees", "--k", "4", "--breaks", "1.000;10.000"],
            "--k 4 cannot be used with --breaks: the breaks set the classes. Leave out --k, or "
            "--breaks.",
        ),
        (
            ["osb", "--breaks", "1;2"],
            "--breaks classifies the values of a choropleth map; 'osb' is a map of markers and "
            "symbols. Leave the option out, or map an indicator.",
        ),
        (
            ["wind", "--scheme", "quantiles", "--k", "3"],
            "--scheme, --k classify the values of a choropleth map; 'wind' is a map of markers "
            "and symbols. Leave the option out, or map an indicator.",
        ),
        (
            ["employees", "--decimal", "."],
            "--decimal applies to your own table only; give the table with --data, or leave the "
            "option out to map a built-in indicator.",
        ),
    ],
)
def test_classification_options_are_never_silently_ignored(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.html"
    code, printed, err = run(["map", *argv, "--out", str(out)], capsys)
    assert (code, printed, err) == (2, "", ERROR + message + "\n")
    assert not out.exists()


def test_scheme_user_without_breaks_for_a_users_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "t.csv"
    table.write_text("İlçe,Değer\nAliağa,1\nBuca,2\n", encoding="utf-8")
    out = tmp_path / "m.html"
    argv = ["map", "--data", str(table), "--column", "Değer", "--scheme", "user"]
    code, printed, err = run([*argv, "--out", str(out)], capsys)
    assert (code, printed) == (2, "")
    assert err == (
        f"{ERROR}--scheme user needs --breaks: the upper bounds of the classes, {EXAMPLE}.\n"
    )


# -- write errors name the user's file ---------------------------------------------------------


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.write_bytes

    def write_bytes(self: Path, data: bytes) -> int:
        real(self, data[:100])  # a partial file, then the disk is full
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Path, "write_bytes", write_bytes)


@pytest.mark.usefixtures("disk_full")
@pytest.mark.parametrize(
    "argv", [["map", "employees"], ["compare", "Aliağa", "Foça"]], ids=["map", "compare"]
)
def test_disk_full_names_the_file_and_says_the_disk_is_full(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sub" / "out.html"
    out.parent.mkdir()
    out.write_text("the previous map\n", encoding="utf-8")
    code, printed, err = run([*argv, "--out", str(out)], capsys)
    assert (code, printed) == (2, "")
    assert err == (
        f"{ERROR}cannot write {out}: the disk is full (No space left on device). Free some "
        "space, or choose --out on another disk.\n"
    )
    assert out.read_text(encoding="utf-8") == "the previous map\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["out.html"]  # no temp file left


def test_disk_full_while_drawing_a_png_names_the_png(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from matplotlib.figure import Figure

    def savefig(self: Figure, fname: object, **_kwargs: object) -> None:
        if isinstance(fname, str | os.PathLike):
            Path(fname).write_text("partial", encoding="utf-8")
        else:  # a buffer the PNG is drawn into before it is written
            fname.write(b"partial")  # type: ignore[attr-defined]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Figure, "savefig", savefig)
    out = tmp_path / "map.png"
    code, printed, err = run(["map", "employees", "--size", "half", "--out", str(out)], capsys)
    assert (code, printed) == (2, "")
    assert err == (
        f"{ERROR}cannot write {out}: the disk is full (No space left on device). Free some "
        "space, or choose --out on another disk.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_named_not_a_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tempfile

    def refused(*_args: object, prefix: str = "", dir: object = None, **_kw: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", f"{dir}/{prefix}k2j4x.tmp")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    out = tmp_path / "compare.html"
    code, printed, err = run(["compare", "Aliağa", "Foça", "--out", str(out)], capsys)
    assert (code, printed) == (2, "")
    assert err == (
        f"{ERROR}cannot use {out}: permission denied (Permission denied). Check that you may "
        "read it, or write in its folder.\n"
    )


# -- a closed pipe ends the command quietly ----------------------------------------------------


@pytest.mark.parametrize("argv", [["indicators"], ["indicators", "--lang", "en"]], ids=["tr", "en"])
def test_a_closed_pipe_ends_quietly_like_unix_tools(argv: list[str]) -> None:
    # `izmir-maps indicators | head -1`, with the reader gone before anything is written.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "izmir_maps", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (cli.BROKEN_PIPE_STATUS, "")


def test_head_reads_the_first_line_and_nothing_is_printed_to_stderr() -> None:
    command = f"{sys.executable} -m izmir_maps indicators | head -1"
    done = subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0
    assert done.stdout.startswith("employees ")
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""


def test_other_os_errors_still_name_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    # A BrokenPipeError about a file (a FIFO given as --out) is an error, not a quiet stop.
    message = cli._os_error_message(BrokenPipeError(errno.EPIPE, "Broken pipe", "out.html"))
    assert message == (
        "cannot use out.html: Broken pipe. Check that the path exists, is a folder where a "
        "folder is expected, and is writable."
    )
