"""Tests that kill mutants of ``staging.py`` the other tests let live (scripts/mutation.sh)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from izmir_maps.errors import OptionError
from izmir_maps.staging import MARKER, staged_folder


def _build(out: Path, text: str, **options: object) -> None:
    with staged_folder(out, **options) as stage:
        (stage / "index.html").write_text(text, encoding="utf-8")


def _refusal(out: Path, source: Path) -> str:
    return (
        f"--out {out} would replace {source}, which the atlas is built from. "
        "Choose a folder outside it, for example --out output."
    )


def test_the_input_folder_itself_is_refused_as_output(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "table.csv").write_text("x", encoding="utf-8")
    with pytest.raises(OptionError) as info:
        _build(data, "tr", inputs=[data], replace=True)
    assert str(info.value) == _refusal(data, data)
    assert [p.name for p in data.iterdir()] == ["table.csv"]


def test_a_folder_holding_an_input_is_refused_as_output(tmp_path: Path) -> None:
    data = tmp_path / "project" / "data"
    data.mkdir(parents=True)
    with pytest.raises(OptionError) as info:
        _build(tmp_path / "project", "tr", inputs=[data], replace=True)
    assert str(info.value) == _refusal(tmp_path / "project", data)
    assert data.is_dir()


def test_a_folder_beside_the_inputs_is_built(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    out = tmp_path / "atlas"
    _build(out, "tr", inputs=[data])
    assert (out / "index.html").read_text(encoding="utf-8") == "tr"
    assert (out / MARKER).is_file()


def _failing_swap(monkeypatch: pytest.MonkeyPatch) -> OSError:
    """Make the rename of the staging folder into place fail; return the error it raises."""
    error = OSError(errno.EXDEV, "Invalid cross-device link")
    real_rename = Path.rename

    def rename(self: Path, target: object) -> Path:
        if ".building-" in self.name:
            raise error
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    return error


def test_a_failed_swap_puts_the_previous_atlas_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "atlas"
    _build(out, "tr")
    error = _failing_swap(monkeypatch)
    with pytest.raises(OSError) as info:
        _build(out, "en")
    assert info.value is error
    assert (out / "index.html").read_text(encoding="utf-8") == "tr"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas"]


def test_a_failed_first_swap_reports_its_own_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "atlas"
    error = _failing_swap(monkeypatch)
    with pytest.raises(OSError) as info:
        _build(out, "en")
    assert info.value is error
    assert list(tmp_path.iterdir()) == []


def test_a_leftover_that_cannot_be_removed_does_not_stop_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / ".atlas.building-99999"
    (stale / "maps").mkdir(parents=True)
    real_rmdir = os.rmdir

    def rmdir(path: object, *args: object, **kwargs: object) -> None:
        if "99999" in os.fsdecode(path):  # e.g. a folder another user owns
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        real_rmdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "rmdir", rmdir)
    out = tmp_path / "atlas"
    _build(out, "tr")
    assert (out / "index.html").read_text(encoding="utf-8") == "tr"


def test_empty_text_as_output_folder_is_explained() -> None:
    with pytest.raises(OptionError) as info, staged_folder("  "):
        pass
    assert str(info.value) == (
        "The output folder is empty text. Name a folder, for example --out output "
        "(it is created if needed)."
    )


def test_a_foreign_folder_message_says_how_to_go_on(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("years of work", encoding="utf-8")
    with pytest.raises(OptionError) as info:
        _build(out, "tr")
    assert str(info.value) == (
        f"{out} is not empty and was not written by izmir-maps build (it has no "
        f"{MARKER} file), so building there could overwrite your files. Choose a new "
        "or empty folder, or add --replace to replace this folder and everything in it."
    )


def test_a_second_build_message_names_the_folder_and_its_lock(tmp_path: Path) -> None:
    out = tmp_path / "atlas"
    with staged_folder(out), pytest.raises(OptionError) as info, staged_folder(out):
        pass
    assert str(info.value) == (
        f"Another izmir-maps build is writing {out} right now (it holds {tmp_path}/.atlas.lock). "
        "Wait for it to finish, or build into another folder."
    )


def test_the_lock_file_is_not_executable(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with staged_folder(tmp_path / "atlas"):
            mode = (tmp_path / ".atlas.lock").stat().st_mode & 0o777
    finally:
        os.umask(old)
    assert oct(mode) == oct(0o644)


def test_a_lock_file_removed_as_it_was_locked_is_locked_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = tmp_path / ".atlas.lock"
    real_stat = os.stat
    calls: list[str] = []

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if os.fspath(path) == str(lock) and not calls:
            calls.append("gone")  # the previous holder unlinked it between open and flock
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(lock))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    _build(tmp_path / "atlas", "tr")
    assert calls == ["gone"]
    assert (tmp_path / "atlas" / "index.html").read_text(encoding="utf-8") == "tr"
    assert not lock.exists()
