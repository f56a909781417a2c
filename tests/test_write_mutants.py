"""Tests that kill mutants of ``write.py`` the other tests let live (scripts/mutation.sh)."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from izmir_maps.write import atomic_path, write_geojson


def _one_point() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"district": ["Çiğli"], "wind": [float("nan")]},
        geometry=[shapely.Point(27.123456789, 38.987654321)],
        crs=4326,
    )


def test_geojson_file_is_compact_turkish_text_without_ids(tmp_path: Path) -> None:
    path = write_geojson(tmp_path / "t.geojson", _one_point(), precision=5)
    assert path.read_text(encoding="utf-8") == (
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":'
        '{"district":"Çiğli","wind":null},"geometry":{"type":"Point",'
        '"coordinates":[27.12346,38.98765]}}]}\n'
    )


def test_geojson_keeps_six_decimals_by_default(tmp_path: Path) -> None:
    data = json.loads(write_geojson(tmp_path / "t.geojson", _one_point()).read_text("utf-8"))
    assert data["features"][0]["geometry"]["coordinates"] == [27.123457, 38.987654]


def test_an_error_naming_a_file_descriptor_is_left_as_it_is(tmp_path: Path) -> None:
    with pytest.raises(OSError) as info, atomic_path(tmp_path / "map.pdf"):
        raise OSError(errno.EBADF, "Bad file descriptor", 7)
    assert info.value.filename == 7
    assert list(tmp_path.iterdir()) == []


def test_an_error_about_a_tmp_file_elsewhere_is_left_as_it_is(tmp_path: Path) -> None:
    other = str(tmp_path / "cache" / ".map.pdf.x.tmp")
    with pytest.raises(PermissionError) as info, atomic_path(tmp_path / "map.pdf"):
        raise PermissionError(errno.EACCES, "Permission denied", other)
    assert info.value.filename == other


def test_an_error_about_another_tmp_file_beside_it_is_left_as_it_is(tmp_path: Path) -> None:
    other = str(tmp_path / "fonts.tmp")
    with pytest.raises(PermissionError) as info, atomic_path(tmp_path / "map.pdf"):
        raise PermissionError(errno.EACCES, "Permission denied", other)
    assert info.value.filename == other
