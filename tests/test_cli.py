"""The command line: ``izmir-maps build``, ``indicators`` and ``--version``."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import izmir_maps
from izmir_maps import atlas
from izmir_maps.cli import main
from izmir_maps.data.registry import indicator_ids
from izmir_maps.errors import DataError
from izmir_maps.staging import MARKER

OUTPUTS = ("districts.csv", "districts.geojson", "districts_sources.csv")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("atlas")
    assert main(["build", "--out", str(out), "--quiet", "--no-static"]) == 0
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_build_writes_the_data_files(built: Path) -> None:
    written = _files(built)
    assert {f"data/{name}" for name in OUTPUTS} <= set(written)
    assert not [name for name in written if name.endswith(".tmp")]  # no stray temp files
    # the outlines once: each map's download is its table, joined to them on the P-code
    assert [name for name in written if name.endswith(".geojson")] == ["data/districts.geojson"]


def test_districts_csv_has_30_rows_with_turkish_names(built: Path) -> None:
    raw = (built / "data" / "districts.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM
    assert b"\r\n" not in raw
    text = raw.decode("utf-8")  # strict: fails on any other encoding
    frame = pd.read_csv(built / "data" / "districts.csv", encoding="utf-8")
    assert len(frame) == 30
    assert {"Aliağa", "Çiğli", "Ödemiş", "Karşıyaka", "Güzelbahçe", "Kınık"} <= set(frame.district)
    assert "Cigli" not in set(frame["district"])
    assert "Çiğli" in text
    assert "geometry" not in frame.columns


def test_districts_csv_keeps_unknown_values_empty_not_zero(built: Path) -> None:
    frame = pd.read_csv(
        built / "data" / "districts.csv", dtype=str, keep_default_na=False, encoding="utf-8"
    ).set_index("district")
    assert frame.loc["Aliağa", "wind_capacity_mw"] == "147.5"
    assert (frame.drop(index="Aliağa")["wind_capacity_mw"] == "").all()
    assert frame.loc["Aliağa", "employees"] == "27225"


def test_districts_geojson_has_30_features(built: Path) -> None:
    text = (built / "data" / "districts.geojson").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 30
    names = {f["properties"]["district"] for f in data["features"]}
    assert {"Aliağa", "Çiğli", "Ödemiş"} <= names
    assert "Çiğli" in text  # written as UTF-8, not \u-escaped
    aliaga = next(f for f in data["features"] if f["properties"]["pcode"] == "TUR035001")
    assert aliaga["properties"]["employees"] == 27225
    assert aliaga["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    bergama = next(f for f in data["features"] if f["properties"]["district"] == "Bergama")
    assert bergama["properties"]["wind_capacity_mw"] is None


def test_districts_geojson_coordinates_are_lon_lat_with_6_decimals(built: Path) -> None:
    data = json.loads((built / "data" / "districts.geojson").read_text(encoding="utf-8"))

    def points(coords: list) -> list:
        if isinstance(coords[0], float | int):
            return [coords]
        return [p for c in coords for p in points(c)]

    for feature in data["features"][:3]:
        for lon, lat in points(feature["geometry"]["coordinates"]):
            assert 26.0 < lon < 28.7
            assert 37.7 < lat < 39.5
            assert round(lon, 6) == lon
            assert round(lat, 6) == lat


def test_sources_sidecar_describes_every_column(built: Path) -> None:
    columns = pd.read_csv(built / "data" / "districts.csv", nrows=0).columns
    sources = pd.read_csv(
        built / "data" / "districts_sources.csv", dtype=str, keep_default_na=False
    )
    assert sources["column"].tolist() == list(columns)
    assert (sources["source_tr"].str.strip() != "").all()
    assert (sources["source_en"].str.strip() != "").all()
    assert (sources["label_tr"].str.strip() != "").all()
    assert (sources["label_en"].str.strip() != "").all()
    per_1000 = sources[sources["column"].str.endswith("_per_1000")]
    assert len(per_1000) > 0
    assert per_1000["label_en"].str.contains("2021 population").all()


def test_building_again_gives_byte_identical_files_and_replaces_old_ones(
    built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "data" / "districts.csv"  # an older atlas, with a file since changed
    stale.parent.mkdir()
    stale.write_text("stale\n", encoding="utf-8")
    (tmp_path / "data" / "gone.csv").write_text("no longer built\n", encoding="utf-8")
    (tmp_path / MARKER).write_text("made by izmir-maps build\n", encoding="utf-8")
    assert main(["build", "--out", str(tmp_path), "--no-static"]) == 0  # not quiet this time
    captured = capsys.readouterr()
    assert re.search(rf"^\d+ files written to {re.escape(str(tmp_path))}$", captured.out, re.M)
    assert captured.err.strip() != ""  # progress messages go to stderr
    again, first = _files(tmp_path), _files(built)
    assert sorted(again) == sorted(first)
    for name, content in first.items():
        assert again[name] == content, name


def test_version_via_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "izmir_maps", "--version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"izmir-maps {izmir_maps.__version__}"
    assert izmir_maps.__version__ not in {"", "0+unknown"}


def test_indicators_lists_every_indicator_with_turkish_labels(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["indicators"]) == 0
    lines = capsys.readouterr().out.splitlines()
    by_id = {line.split()[0]: line for line in lines if line.strip()}
    assert set(indicator_ids()) <= set(by_id)
    assert "Çalışan sayısı (SGK, 2008), kişi" in by_id["employees"]
    assert "İZKA, SGK 2008" in by_id["employees"]
    assert "Nüfus (2021)" in by_id["population"]
    assert "Kurulu rüzgâr gücü (2009), MW" in by_id["wind_capacity_mw"]
    assert "2021 nüfusu ile" in by_id["employees_per_1000"]


def test_indicators_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indicators", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Employees (SGK, 2008), persons" in out
    assert "Çalışan sayısı" not in out


@pytest.mark.parametrize("argv", [[], ["draw"], ["indicators", "--lang", "de"]])
def test_bad_arguments_exit_with_status_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "izmir-maps" in err
    assert "error" in err
    assert "Traceback" not in err


def test_data_error_is_reported_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise DataError("table1_districts.csv: 1 problem(s) found.")

    monkeypatch.setattr(atlas, "build_atlas", broken)
    assert main(["build", "--out", str(tmp_path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("izmir-maps: error: table1_districts.csv: 1 problem(s) found.")
    assert "Traceback" not in err


def test_unexpected_error_is_reported_as_a_bug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(atlas, "build_atlas", broken)
    assert main(["build", "--out", str(tmp_path), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "internal error (ZeroDivisionError: division by zero)" in err
    assert "Traceback" not in err
    # It says how to report the bug without naming an address that may not exist.
    assert "see README.md" in err and "http" not in err


def test_output_folder_that_is_a_file_is_bad_input_not_a_bug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # cli.main: exit status 2 is "bad input"; an --out that names a file is the
    # user's mistake, and the message must not ask them to report a bug.
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("keep me\n", encoding="utf-8")
    assert main(["build", "--out", str(not_a_folder), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("izmir-maps: error:")
    assert str(not_a_folder) in err
    assert "bug in izmir-maps" not in err
    assert not_a_folder.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize(
    "command", [["build"], ["map", "employees"], ["compare", "Aliağa", "Foça"]]
)
def test_empty_out_is_an_error_not_the_current_folder(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--out", ""])
    assert exit_info.value.code == 2
    assert "--out is empty" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_map_never_writes_onto_its_own_data(tmp_path: Path, capsys) -> None:
    table = tmp_path / "t.csv"
    table.write_text("İlçe,Değer\nAliağa,1\nBuca,2\n", encoding="utf-8")
    before = table.read_bytes()
    status = main(["map", "--data", str(table), "--column", "Değer", "--format", "html",
                   "--out", str(table)])  # fmt: skip
    assert status == 2
    assert "would replace your data" in capsys.readouterr().err
    assert table.read_bytes() == before


def test_build_never_replaces_the_shipped_data(tmp_path: Path, capsys) -> None:
    from izmir_maps.data.paths import data_dir

    before = sorted(p.name for p in data_dir().iterdir())
    assert main(["build", "--out", str(data_dir()), "--replace", "--quiet", "--no-static"]) == 2
    assert "which the atlas is built from" in capsys.readouterr().err
    assert sorted(p.name for p in data_dir().iterdir()) == before


# -- map outputs: the umask and a symlinked --out (issue 12, "Data lost") ------------------------


@pytest.mark.parametrize("fmt", ["html", "png", "svg", "pdf"])
def test_map_outputs_honour_the_umask(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"map.{fmt}"
    old = os.umask(0o027)
    try:
        assert main(["map", "employees", "--size", "half", "--out", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # not mkstemp's private 0o600


@pytest.mark.parametrize("fmt", ["html", "png"])
def test_map_out_that_is_a_symlink_keeps_the_link(fmt: str, tmp_path: Path) -> None:
    real = tmp_path / "shared" / f"map.{fmt}"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / f"link.{fmt}"
    link.symlink_to(real)
    assert main(["map", "employees", "--size", "half", "--out", str(link)]) == 0
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    head = {"html": b"<!DOCTYPE html>", "png": b"\x89PNG\r\n\x1a\n"}[fmt]
    assert real.read_bytes().startswith(head)
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted(["shared", real.name, link.name])
