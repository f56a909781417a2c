"""Atomic, deterministic writing and output paths that stay inside the output folder."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from izmir_maps.errors import OptionError
from izmir_maps.write import (
    atomic_path,
    safe_join,
    write_bytes,
    write_csv,
    write_geojson,
    write_text,
)


@pytest.mark.parametrize(
    "parts",
    [("../x",), ("..", "x"), ("maps", "..", "..", "x"), ("/etc/passwd",), ("maps/../../x.html",)],
)
def test_safe_join_refuses_paths_outside_the_folder(tmp_path: Path, parts: tuple[str, ...]) -> None:
    with pytest.raises(OptionError, match="outside the output folder"):
        safe_join(tmp_path / "out", *parts)


def test_safe_join_refuses_a_symlink_out_of_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "link").symlink_to(tmp_path)
    with pytest.raises(OptionError):
        safe_join(out, "link", "x.html")


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("maps", "a.html"), "out/maps/a.html"),
        (("data", "x", "..", "y.csv"), "out/data/x/../y.csv"),
    ],
)
def test_safe_join_accepts_paths_inside_the_folder(parts: tuple[str, ...], expected: str) -> None:
    assert safe_join(Path("out"), *parts).as_posix() == expected


def test_write_text_is_utf8_with_unix_newlines(tmp_path: Path) -> None:
    path = write_text(tmp_path / "sub" / "a.txt", "Çiğli\nÖdemiş\n")
    assert path == tmp_path / "sub" / "a.txt"
    assert path.read_bytes() == "Çiğli\nÖdemiş\n".encode()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_honour_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        path = write_bytes(tmp_path / "a.bin", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == mode  # not mkstemp's private 0o600


def test_writing_to_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_write_csv_has_no_index_no_bom_and_keeps_empty_cells(tmp_path: Path) -> None:
    frame = pd.DataFrame({"district": ["Aliağa", "Çiğli"], "wind": [147.5, float("nan")]})
    path = write_csv(tmp_path / "t.csv", frame)
    assert path.read_bytes() == "district,wind\nAliağa,147.5\nÇiğli,\n".encode()


def test_write_geojson_rounds_coordinates_and_keeps_turkish(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(
        {"district": ["Çiğli"], "wind": [float("nan")]},
        geometry=[shapely.Point(27.123456789, 38.987654321)],
        crs=4326,
    )
    path = write_geojson(tmp_path / "t.geojson", frame, precision=5)
    text = path.read_text(encoding="utf-8")
    assert "Çiğli" in text
    data = json.loads(text)
    assert data["features"][0]["geometry"]["coordinates"] == [27.12346, 38.98765]
    assert data["features"][0]["properties"]["wind"] is None
    assert "bbox" not in data


def test_write_geojson_reprojects_to_wgs84(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(geometry=[shapely.Point(27.0, 38.5)], crs=4326).to_crs(32635)
    data = json.loads(write_geojson(tmp_path / "t.geojson", frame).read_text(encoding="utf-8"))
    assert data["features"][0]["geometry"]["coordinates"] == pytest.approx([27.0, 38.5], abs=1e-6)


def test_failed_write_leaves_previous_file_and_no_temp_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "districts.csv"
    target.write_text("previous content\n", encoding="utf-8")
    real_write_bytes = Path.write_bytes

    def disk_full(self: Path, data: bytes) -> int:
        real_write_bytes(self, data[:5])  # a partial file, then the failure
        raise OSError("No space left on device")

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_text(target, "new content that never arrives\n")
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "previous content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["districts.csv"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_exception_inside_atomic_path_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_path(target) as tmp:
        assert tmp.parent == tmp_path
        assert tmp.name.startswith(".map.html.")
        assert tmp.name.endswith(".tmp")
        tmp.write_text("half", encoding="utf-8")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_successful_atomic_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")
    write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


# -- errors name the file the user asked for, never the temporary one -------------------------


def test_disk_full_names_the_users_file_and_keeps_the_errno(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    target = tmp_path / "map.html"
    with pytest.raises(OSError) as info:
        write_text(target, "x")
    assert (info.value.errno, info.value.strerror, info.value.filename) == (
        errno.ENOSPC,
        "No space left on device",
        str(target),
    )
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_names_the_users_file_not_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object, prefix: str = "", dir: object = None, **_kw: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", f"{dir}/{prefix}x81k.tmp")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    target = tmp_path / "map.png"
    with pytest.raises(PermissionError) as info:  # the subclass is kept
        write_bytes(target, b"x")
    assert (info.value.errno, info.value.filename, info.value.filename2) == (
        errno.EACCES,
        str(target),
        None,
    )


def test_a_failed_rename_names_the_users_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(self: Path, target: Path) -> Path:
        raise PermissionError(errno.EPERM, "Operation not permitted", str(self), None, str(target))

    monkeypatch.setattr(Path, "replace", refused)
    target = tmp_path / "map.svg"
    with pytest.raises(PermissionError) as info:
        write_bytes(target, b"x")
    assert str(info.value) == f"[Errno 1] Operation not permitted: {str(target)!r}"
    assert list(tmp_path.iterdir()) == []


def test_an_error_through_a_symlink_names_the_link_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)

    def disk_full(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    with pytest.raises(OSError) as info:
        write_text(link, "new")
    assert info.value.filename == str(link)
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "old"


def test_an_error_about_another_file_is_left_as_it_is(tmp_path: Path) -> None:
    font = str(tmp_path / "DejaVuSans.ttf")
    with pytest.raises(FileNotFoundError) as info, atomic_path(tmp_path / "map.pdf"):
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", font)
    assert info.value.filename == font
    assert list(tmp_path.iterdir()) == []
