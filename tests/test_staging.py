"""A whole output folder is swapped in only when complete; nothing is mixed or lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from izmir_maps.errors import OptionError
from izmir_maps.staging import MARKER, staged_folder


def _atlas(folder: Path, text: str) -> None:
    with staged_folder(folder) as stage:
        (stage / "index.html").write_text(text, encoding="utf-8")
        (stage / "maps").mkdir()
        (stage / "maps" / "a.html").write_text(text, encoding="utf-8")


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_build_becomes_the_folder_with_its_marker(tmp_path: Path) -> None:
    out = tmp_path / "atlas"
    _atlas(out, "tr")
    assert set(_tree(out)) == {MARKER, "index.html", "maps/a.html"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas"]


def test_a_second_build_replaces_the_first_whole(tmp_path: Path) -> None:
    out = tmp_path / "atlas"
    _atlas(out, "tr")
    (out / "maps" / "stale.html").write_text("from an older build", encoding="utf-8")
    _atlas(out, "en")
    assert _tree(out) == {MARKER: _tree(out)[MARKER], "index.html": "en", "maps/a.html": "en"}


@pytest.mark.parametrize("error", [RuntimeError("disk"), KeyboardInterrupt()])
def test_an_interrupted_build_leaves_the_previous_atlas_whole(
    tmp_path: Path, error: BaseException
) -> None:
    out = tmp_path / "atlas"
    _atlas(out, "tr")
    before = _tree(out)
    with pytest.raises(type(error)), staged_folder(out) as stage:
        (stage / "index.html").write_text("en", encoding="utf-8")
        raise error
    assert _tree(out) == before
    assert [p.name for p in tmp_path.iterdir() if ".building-" in p.name] == []


def test_a_second_build_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "atlas"
    with (
        staged_folder(out),
        pytest.raises(OptionError, match="Another izmir-maps build"),
        staged_folder(out),
    ):
        pass


def test_a_foreign_folder_is_refused_unless_replace(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("years of work", encoding="utf-8")
    with pytest.raises(OptionError, match=r"not written by izmir-maps build.*--replace"):
        _atlas(out, "tr")
    assert (out / "thesis.docx").read_text(encoding="utf-8") == "years of work"
    with staged_folder(out, replace=True) as stage:
        (stage / "index.html").write_text("tr", encoding="utf-8")
    assert not (out / "thesis.docx").exists()


def test_an_empty_existing_folder_is_used(tmp_path: Path) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    _atlas(out, "tr")
    assert (out / "index.html").read_text(encoding="utf-8") == "tr"


@pytest.mark.parametrize("bad", ["", "file"])
def test_empty_text_or_a_file_is_not_an_output_folder(tmp_path: Path, bad: str) -> None:
    target: str | Path = bad
    if bad:
        target = tmp_path / bad
        target.write_text("x", encoding="utf-8")
    with pytest.raises(OptionError, match=r"empty text|is a file"), staged_folder(target):
        pass


def test_a_symlinked_output_folder_keeps_its_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    _atlas(real, "tr")
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    _atlas(link, "en")
    assert link.is_symlink()
    assert (real / "index.html").read_text(encoding="utf-8") == "en"


def test_leftovers_of_a_killed_build_are_cleared_and_a_mid_swap_atlas_restored(
    tmp_path: Path,
) -> None:
    out = tmp_path / "atlas"
    _atlas(out, "tr")
    (tmp_path / ".atlas.building-99999").mkdir()
    out.rename(tmp_path / ".atlas.old-99999")  # killed between the two renames
    with staged_folder(out) as stage:
        assert (out / "index.html").read_text(encoding="utf-8") == "tr"  # restored first
        (stage / "index.html").write_text("en", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas"]


# -- errors name the folder the user asked for (issue 12) ---------------------------------------


def test_a_write_error_in_the_staging_folder_names_the_file_in_the_target(tmp_path: Path) -> None:
    import errno
    import os

    out = tmp_path / "atlas"
    _atlas(out, "tr")
    before = _tree(out)
    with pytest.raises(OSError) as info, staged_folder(out) as stage:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(stage / "maps" / "a.html"))
    assert (info.value.errno, info.value.filename) == (errno.ENOSPC, str(out / "maps" / "a.html"))
    assert info.value.__notes__ == [f"The previous atlas in {out} is untouched."]
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas"]


def test_a_write_error_elsewhere_keeps_its_file_and_says_nothing_was_written(
    tmp_path: Path,
) -> None:
    import errno

    out = tmp_path / "new"
    elsewhere = tmp_path / "input.csv"
    with pytest.raises(PermissionError) as info, staged_folder(out):
        raise PermissionError(errno.EACCES, "Permission denied", str(elsewhere))
    assert info.value.filename == str(elsewhere)
    assert info.value.__notes__ == [f"Nothing was written to {out}."]
    assert not out.exists()


def test_an_input_inside_the_output_is_refused_in_the_words_of_every_command(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    out = data / "atlas"
    with pytest.raises(OptionError) as info, staged_folder(out, replace=True, inputs=[data]):
        pass
    assert str(info.value) == (
        f"--out {out} is inside {data}, which holds izmir-maps's own data or code; writing "
        "there could replace an input. Choose another --out, for example --out output."
    )
    assert list(data.iterdir()) == []


def test_a_write_error_over_a_replaced_folder_says_it_is_as_it_was(tmp_path: Path) -> None:
    import errno

    out = tmp_path / "thesis"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OSError) as info, staged_folder(out, replace=True) as stage:
        raise OSError(errno.ENOSPC, "No space left on device", str(stage))
    assert info.value.filename == str(out)
    assert info.value.__notes__ == [f"{out} is as it was before the build."]
    assert _tree(out) == {"notes.txt": "mine"}
