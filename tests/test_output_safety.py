"""No command writes onto izmir-maps's own inputs, and write errors name the user's path.

Issue 12: "no command ever writes onto one of its inputs"; "write errors name a random
temp file instead of the path the user gave; disk full names no file". The commands are
pointed at a COPY of the shipped data, so a broken check could not damage the repository.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

import izmir_maps
from izmir_maps import atlas, staging
from izmir_maps.cli import main
from izmir_maps.data import paths
from izmir_maps.staging import MARKER
from izmir_maps.write import write_bytes

ERROR = "izmir-maps: error: "
INSIDE = (
    "{error}--out {out} is inside {source}, which holds izmir-maps's own data or code; writing "
    "there could replace an input. Choose another --out, for example --out {example}.\n"
)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ and geodata/ that izmir-maps takes for its own (the CLI and build)."""
    copy = tmp_path / "copy"
    shutil.copytree(paths.data_dir(), copy / "data")
    shutil.copytree(paths.geodata_dir(), copy / "geodata")
    monkeypatch.setattr(paths, "data_dir", lambda: copy / "data")
    monkeypatch.setattr(paths, "geodata_dir", lambda: copy / "geodata")
    monkeypatch.setattr(atlas, "data_dir", lambda: copy / "data")
    return copy


# -- every writing command refuses an --out among its own inputs -------------------------------

# (argv before --out, the file in the copy, the example the message gives)
WRITERS = {
    "map an indicator": (
        ["map", "employees", "--format", "html"],
        "data/table1_districts.csv",
        "map.html",
    ),
    "map a png over geodata": (
        ["map", "employees", "--format", "png"],
        "geodata/README.md",
        "map.png",
    ),
    "map a marker map": (["map", "osb", "--format", "svg"], "data/osb.csv", "map.svg"),
    "map --bivariate": (
        ["map", "employees", "--bivariate", "exports_usd", "--format", "html"],
        "data/population_2021.csv",
        "map.html",
    ),
    "compare": (["compare", "Aliağa", "Konak"], "data/osb.csv", "compare.html"),
    "report": (["report", "Kınık"], "data/kinik.pdf", "aliaga.pdf"),
    "export": (["export"], "data/izmir.gpkg", "izmir.gpkg"),
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_no_command_writes_into_the_shipped_data(
    name: str, shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv, inside, example = WRITERS[name]
    out = shipped / inside
    folder = out.parent
    before = _digests(folder)
    code, printed, err = _run([*argv, "--out", str(out)], capsys)
    assert (code, printed) == (2, "")
    assert err == INSIDE.format(error=ERROR, out=out, source=folder, example=example)
    assert _digests(folder) == before  # byte-identical, and nothing added


def test_map_of_a_users_table_refuses_the_shipped_data_too(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "t.csv"
    table.write_text("İlçe;Değer\nAliağa;1\n", encoding="utf-8")
    out = shipped / "data" / "table1_districts.csv"
    before = _digests(shipped)
    argv = ["map", "--data", str(table), "--column", "Değer", "--format", "html", "--out", str(out)]
    code, _, err = _run(argv, capsys)
    assert code == 2
    assert err == INSIDE.format(error=ERROR, out=out, source=out.parent, example="map.html")
    assert _digests(shipped) == before


def test_map_still_refuses_to_write_onto_the_table_it_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "t.csv"
    table.write_text("İlçe;Değer\nAliağa;1\n", encoding="utf-8")
    argv = [
        "map",
        "--data",
        str(table),
        "--column",
        "Değer",
        "--format",
        "html",
        "--out",
        str(table),
    ]
    code, _, err = _run(argv, capsys)
    assert code == 2
    assert err == (
        f"{ERROR}--out {table} is the table being read (--data {table}); writing the map there "
        "would replace your data. Choose another --out, for example --out map.html.\n"
    )
    assert table.read_text(encoding="utf-8") == "İlçe;Değer\nAliağa;1\n"


def test_a_link_into_the_shipped_data_is_refused(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "e.html"
    link.symlink_to(shipped / "data" / "osb.csv")
    before = _digests(shipped)
    code, _, err = _run(["map", "employees", "--out", str(link)], capsys)
    assert code == 2
    assert err == INSIDE.format(error=ERROR, out=link, source=shipped / "data", example="map.html")
    assert _digests(shipped) == before


def test_a_map_into_the_package_code_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    # A new file name: nothing of the package can be replaced even if the check broke.
    package = Path(os.path.realpath(Path(izmir_maps.__file__).parent))
    out = package / "stray-map.html"
    try:
        code, _, err = _run(["map", "employees", "--out", str(out)], capsys)
        assert code == 2
        assert err == INSIDE.format(error=ERROR, out=out, source=package, example="map.html")
        assert not out.exists()
    finally:
        out.unlink(missing_ok=True)


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("data", "would replace {source}, which the atlas is built from. Choose a folder outside "
                 "it, for example --out output.\n"),
        ("data/atlas", "is inside {source}, which holds izmir-maps's own data or code; writing "
                       "there could replace an input. Choose another --out, for example --out "
                       "output.\n"),
    ],
    ids=["the data folder", "a folder inside it"],
)  # fmt: skip
def test_build_refuses_the_shipped_data_and_any_folder_inside_it(
    where: str, words: str, shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = shipped / where
    before = _digests(shipped)
    code, _, err = _run(["build", "--out", str(out), "--replace", "--quiet", "--no-static"], capsys)
    assert code == 2
    assert err == f"{ERROR}--out {out} " + words.format(source=shipped / "data")
    assert _digests(shipped) == before
    assert sorted(p.name for p in shipped.iterdir()) == ["data", "geodata"]


# -- write errors name the path the user gave, relative or not --------------------------------


def _refuse_temp_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """An immutable or read-only folder: mkstemp fails, naming its file absolutely as it does."""

    def refused(*_args: object, prefix: str = "", dir: object = None, **_kw: object) -> None:
        name = os.path.join(os.path.abspath(str(dir)), f"{prefix}t6mh9t5x.tmp")
        raise PermissionError(errno.EPERM, "Operation not permitted", name)

    monkeypatch.setattr(tempfile, "mkstemp", refused)


def test_a_relative_out_in_an_unwritable_folder_is_named_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _refuse_temp_files(monkeypatch)
    code, printed, err = _run(["map", "employees", "--out", "ro/e.html"], capsys)
    assert (code, printed) == (2, "")
    assert err == (
        f"{ERROR}cannot use ro/e.html: not permitted (Operation not permitted). Check that you "
        "may read it, or write in its folder.\n"
    )


def test_write_bytes_names_a_relative_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _refuse_temp_files(monkeypatch)
    with pytest.raises(PermissionError) as info:
        write_bytes(Path("ro/e.html"), b"x")
    assert (info.value.errno, info.value.filename) == (errno.EPERM, "ro/e.html")


def test_write_bytes_onto_a_relative_folder_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("adir").mkdir()
    with pytest.raises(IsADirectoryError) as info:
        write_bytes(Path("adir"), b"x")
    assert info.value.filename == "adir"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir"]  # no temp file left


@pytest.mark.parametrize(
    ("argv", "example"),
    [
        (["map", "employees", "--format", "html"], "adir/map.html"),
        (["map", "employees", "--format", "png"], "adir/map.png"),
        (["compare", "Aliağa", "Konak"], "adir/compare.html"),
    ],
    ids=["map html", "map png", "compare"],
)
def test_an_out_that_is_a_folder_is_named_before_anything_is_drawn(
    argv: list[str],
    example: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("adir").mkdir()
    code, printed, err = _run([*argv, "--out", "adir"], capsys)
    assert (code, printed) == (2, "")
    assert err == f"{ERROR}--out adir is a folder; name a file, for example --out {example}.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir"]


def test_a_report_into_a_folder_named_like_a_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.pdf").mkdir()
    code, _, err = _run(["report", "Kınık", "--out", "r.pdf"], capsys)
    assert code == 2
    assert (
        err == f"{ERROR}--out r.pdf is a folder; name a file, for example --out r.pdf/aliaga.pdf.\n"
    )


# -- build: errors name the atlas the user asked for, not the staging folder or the lock -------


def _previous_atlas(out: Path) -> dict[str, str]:
    out.mkdir()
    (out / MARKER).write_text("made by izmir-maps build\n", encoding="utf-8")
    (out / "compare.html").write_text("<p>previous</p>\n", encoding="utf-8")
    return _digests(out)


def test_disk_full_in_a_build_names_the_file_in_the_atlas_and_keeps_the_previous_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "atlas"
    before = _previous_atlas(out)
    real = Path.write_bytes

    def full_at_compare(self: Path, data: bytes) -> int:
        if self.name.startswith(".compare.html."):  # the temporary file of compare.html
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full_at_compare)
    argv = ["build", "--out", str(out), "--no-static", "--no-reports", "--quiet"]
    code, printed, err = _run(argv, capsys)
    assert (code, printed) == (2, "")
    assert err == (
        f"{ERROR}cannot write {out}/compare.html: the disk is full (No space left on device). "
        f"Free some space, or choose --out on another disk. The previous atlas in {out} is "
        "untouched.\n"
    )
    assert _digests(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas"]


def test_an_unwritable_parent_folder_names_the_out_folder_not_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = os.open

    def refused(path: str, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(staging.os, "open", refused)
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(["build", "--out", "ro/atlas", "--no-static", "--quiet"], capsys)
    assert code == 2
    assert err == (
        f"{ERROR}cannot use ro/atlas: permission denied (Permission denied). Check that you may "
        "read it, or write in its folder. Nothing was written to ro/atlas.\n"
    )
