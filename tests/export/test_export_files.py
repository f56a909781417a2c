"""``izmir-maps export``: XLSX sheets and headers, GeoJSON and GeoParquet files, the errors."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import geopandas as gpd
import openpyxl
import pytest

from izmir_maps.cli import main
from izmir_maps.errors import OptionError
from izmir_maps.export import write_export


@pytest.fixture(scope="module")
def xlsx_tr(tmp_path_factory) -> openpyxl.Workbook:
    path = write_export(tmp_path_factory.mktemp("x") / "izmir.xlsx")[0]
    return openpyxl.load_workbook(path)


def _header(sheet) -> list[str]:
    return [c.value for c in sheet[1]]


def test_xlsx_sheet_per_table_turkish_headers(xlsx_tr) -> None:
    assert xlsx_tr.sheetnames == [
        "İlçeler",
        "OSB'ler",
        "Rüzgâr 2009",
        "Rüzgâr santralleri",
        "Kaynaklar",
    ]
    districts = xlsx_tr["İlçeler"]
    header = _header(districts)
    assert header[:6] == [
        "P-kodu (OCHA COD-AB)",
        "İlçe",
        "İlçe (ASCII)",
        "İl",
        "İl P-kodu",
        "Çalışan sayısı (SGK, 2008) (kişi)",
    ]
    assert "geometry" not in header and len(header) == 70
    assert districts.max_row == 31
    row = {h: c.value for h, c in zip(header, districts[2], strict=True)}
    assert row["İlçe"] == "Aliağa" and row["Çalışan sayısı (SGK, 2008) (kişi)"] == 27225
    osb = _header(xlsx_tr["OSB'ler"])
    assert osb[:4] == ["Ad", "Kısa ad", "Tür", "İlçe"] and "Kaynak" in osb
    assert xlsx_tr["OSB'ler"].max_row == 20


def test_xlsx_sources_sheet(xlsx_tr) -> None:
    sources = xlsx_tr["Kaynaklar"]
    assert _header(sources) == ["Sütun", "Başlık", "Birim", "Yıl", "Kaynak"]
    rows = {r[0]: r for r in sources.iter_rows(min_row=2, values_only=True)}
    assert rows["employees"][1:4] == ("Çalışan sayısı (SGK, 2008)", "kişi", "2008")
    assert "SGK 2008" in rows["employees"][4]
    assert len(rows) == 70


def test_xlsx_english(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_export(tmp_path / "en.xlsx", lang="en")[0])
    assert book.sheetnames[0] == "Districts" and book.sheetnames[-1] == "Sources"
    assert _header(book["Districts"])[5] == "Employees (SGK, 2008) (persons)"


def test_xlsx_same_bytes(tmp_path: Path) -> None:
    a, b = (write_export(tmp_path / f"{n}.xlsx")[0] for n in "ab")
    assert a.read_bytes() == b.read_bytes()


def test_geojson_a_file_per_layer(tmp_path: Path) -> None:
    written = write_export(tmp_path / "izmir.geojson")
    assert [p.name for p in written] == [
        "izmir.geojson",
        "izmir.osb.geojson",
        "izmir.wind_2009.geojson",
        "izmir.wind_farms.geojson",
    ]
    districts = gpd.read_file(written[0])
    assert len(districts) == 30 and "employees_share" in districts.columns


def test_geoparquet(tmp_path: Path) -> None:
    written = write_export(tmp_path / "izmir.parquet")
    districts = gpd.read_parquet(written[0])
    assert len(districts) == 30 and districts.crs.to_epsg() == 4326
    assert districts.set_index("district").loc["Aliağa", "employees"] == 27225
    assert len(gpd.read_parquet(written[1])) == 19
    again = write_export(tmp_path / "again.parquet")
    assert again[0].read_bytes() == written[0].read_bytes()


def test_umask_is_honoured(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        path = write_export(tmp_path / "izmir.parquet")[0]
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert (
        len(list(tmp_path.iterdir())) == 4
    )  # the four layers, no temporary file left  # no temp file left


def test_cli_export(tmp_path: Path, capsys) -> None:
    out = tmp_path / "izmir.gpkg"
    assert main(["export", "--out", str(out)]) == 0
    assert f"{out} (" in capsys.readouterr().out
    assert main(["export", "--out", str(tmp_path / "tablo"), "--format", "xlsx"]) == 0
    book = openpyxl.load_workbook(io.BytesIO((tmp_path / "tablo").read_bytes()))
    assert book.sheetnames[0] == "İlçeler"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--out", ""], "--out is empty"),
        (["--out", "x.txt"], "Cannot tell the format of 'x.txt'"),
        (["--out", "x.gpkg", "--format", "shp"], "invalid choice: 'shp'"),
    ],
)
def test_cli_export_errors(argv: list[str], message: str, capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    try:
        status = main(["export", *argv])
    except SystemExit as exc:  # argparse's own errors
        status = exc.code
    assert status == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_writing_onto_inputs(capsys) -> None:
    from izmir_maps.data.paths import data_dir

    assert main(["export", "--out", str(data_dir() / "districts.gpkg")]) == 2
    assert "holds izmir-maps's own data or code" in capsys.readouterr().err


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "d.gpkg").mkdir()
    with pytest.raises(OptionError, match="is a folder"):
        write_export(tmp_path / "d.gpkg")


def test_existing_file_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "izmir.xlsx"
    path.write_bytes(b"old")
    write_export(path)
    assert openpyxl.load_workbook(path).sheetnames[0] == "İlçeler"
