"""The reports' public functions check their arguments; a failed GeoPackage write names the file.

What a caller reads when a report function is given the wrong thing, and what a user reads
when the GeoPackage cannot be written (a full disk ended as "internal error … a bug in
izmir-maps" before).
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from pathlib import Path

import pytest
from pyogrio.errors import DataSourceError

import izmir_maps as im
from izmir_maps import export
from izmir_maps.cli import main
from izmir_maps.export import gpkg


@pytest.fixture(scope="module")
def report():
    return im.district_report("Aliağa", figures=False)


REPORT_CASES = {
    "report_pdf(None)": (
        lambda r: im.report_pdf(None),
        "reports must be a Report or a list of Reports (see district_report), not None.",
    ),
    "report_pdf('Aliağa')": (
        lambda r: im.report_pdf("Aliağa"),
        "reports must be a Report or a list of Reports (see district_report), not 'Aliağa'.",
    ),
    "report_pdf([])": (
        lambda r: im.report_pdf([]),
        "reports is empty: report_pdf needs at least one report (see district_report).",
    ),
    "report_pdf([report, 'Konak'])": (
        lambda r: im.report_pdf([r, "Konak"]),
        "reports[1] must be a Report (see district_report), not 'Konak'.",
    ),
    "report_pdf(title=5)": (
        lambda r: im.report_pdf(r, title=5),
        "title must be a text (str) or None, not 5.",
    ),
    "report_html(5)": (
        lambda r: im.report_html(5),
        "report must be a Report (see district_report), not 5.",
    ),
    "report_html(pdf=Path)": (
        lambda r: im.report_html(r, pdf=Path("a.pdf")),
        "pdf must be a text (str) or None, not PosixPath('a.pdf').",
    ),
    "district_report(figures='no')": (
        lambda r: im.district_report("Aliağa", figures="no"),
        "figures must be True or False, not 'no'.",
    ),
    "district_report(None)": (
        lambda r: im.district_report(None),
        "district must be a district name or P-code (str), not None.",
    ),
    "district_report(lang='de')": (
        lambda r: im.district_report("Aliağa", "de"),
        "lang must be 'tr' or 'en', not 'de'.",
    ),
}


@pytest.mark.parametrize("case", list(REPORT_CASES))
def test_report_functions_name_the_wrong_argument(case, report):
    call, message = REPORT_CASES[case]
    with pytest.raises(im.OptionError) as caught:
        call(report)
    assert str(caught.value) == message


def test_an_empty_list_of_reports_is_still_a_value_error():
    # OptionError derives from ValueError: code catching the former ValueError keeps working
    with pytest.raises(ValueError, match="at least one report"):
        im.report_pdf([])


def test_reports_from_a_generator_make_one_pdf(report):
    pdf = im.report_pdf(r for r in [report])
    assert pdf == im.report_pdf(report)


def test_an_unknown_keyword_stays_a_type_error(tmp_path):
    # user_choropleth_spec has no `matcher`; like any function given a keyword it does not
    # have (combined_spec(k=5)), it raises Python's TypeError, naming the keywords it takes
    path = tmp_path / "t.csv"
    path.write_text("ilçe,v\nKonak,1\n", encoding="utf-8")
    with pytest.raises(TypeError) as caught:
        im.user_choropleth_spec(path, column="v", matcher="x")
    assert str(caught.value).startswith(
        "matcher: not an option of reading a table; the options are column, district_column, "
        "province, sheet, encoding, sep, decimal, allow_negative, max_bytes,"
    )


# -- a GeoPackage that cannot be written --------------------------------------------------------

Usage = namedtuple("Usage", "total used free")


def _failing_writer(error: Exception):
    def write_gpkg(path, layers, *, lang="tr", spec_of=None):
        Path(path).write_bytes(b"SQLite format 3\0 half written")
        raise error

    return write_gpkg


@pytest.fixture
def old_gpkg(tmp_path) -> Path:
    path = tmp_path / "izmir.gpkg"
    path.write_bytes(b"the previous export")
    return path


@pytest.mark.parametrize(
    ("error", "free"),
    [
        (DataSourceError("Failed to commit transaction"), 1_000_000),
        (sqlite3.OperationalError("database or disk is full"), 10**12),
        (DataSourceError("sqlite3_exec(COMMIT) failed: disk I/O error"), 1024),
    ],
)
def test_a_full_disk_while_writing_the_geopackage_is_named(
    monkeypatch, capsys, old_gpkg, error, free
):
    monkeypatch.setattr(gpkg, "write_gpkg", _failing_writer(error))
    monkeypatch.setattr(export.shutil, "disk_usage", lambda p: Usage(10**9, 10**9 - free, free))
    assert main(["export", "--out", str(old_gpkg)]) == 2
    assert capsys.readouterr().err == (
        f"izmir-maps: error: cannot write {old_gpkg}: the disk is full (No space left on "
        "device). Free some space, or choose --out on another disk.\n"
    )
    assert old_gpkg.read_bytes() == b"the previous export"
    assert sorted(p.name for p in old_gpkg.parent.iterdir()) == ["izmir.gpkg"]


def test_another_geopackage_failure_names_the_file_not_a_bug(monkeypatch, capsys, old_gpkg):
    monkeypatch.setattr(gpkg, "write_gpkg", _failing_writer(DataSourceError("Failed to commit")))
    monkeypatch.setattr(export.shutil, "disk_usage", lambda p: Usage(10**12, 0, 10**12))
    assert main(["export", "--out", str(old_gpkg)]) == 2
    assert capsys.readouterr().err == (
        f"izmir-maps: error: cannot use {old_gpkg}: the GeoPackage could not be written "
        "(Failed to commit). Check that the path exists, is a folder where a folder is "
        "expected, and is writable.\n"
    )
    assert old_gpkg.read_bytes() == b"the previous export"


def test_the_python_api_gets_an_oserror_with_the_errno(monkeypatch, old_gpkg):
    monkeypatch.setattr(gpkg, "write_gpkg", _failing_writer(DataSourceError("commit failed")))
    monkeypatch.setattr(export.shutil, "disk_usage", lambda p: Usage(10**9, 10**9 - 10, 10))
    with pytest.raises(OSError) as caught:
        im.write_export(old_gpkg)
    assert (caught.value.errno, caught.value.filename) == (28, str(old_gpkg))
    assert isinstance(caught.value.__cause__, DataSourceError)


# -- public functions whose checks came later -----------------------------------------------------


def _folium_map():
    return im.render_html(im.choropleth_spec("employees")).to_folium()


GAPS = {
    "bivariate_spec(['employees'], ...)": (
        lambda tmp: im.bivariate_spec(["employees"], "exports_usd"),
        "x_id must be an indicator id (str), not ['employees'].",
    ),
    "write_export(fmt=['gpkg'])": (
        lambda tmp: im.write_export(tmp / "x.gpkg", ["gpkg"]),
        "fmt must be 'gpkg', 'geojson', 'parquet', 'xlsx' or None, not ['gpkg'].",
    ),
    "save_folium(None, offline=False)": (
        lambda tmp: im.save_folium(None, tmp / "m.html", offline=False),
        "m must be a folium.Map, not None.",
    ),
    "save_folium(offline='no')": (
        lambda tmp: im.save_folium(_folium_map(), tmp / "m.html", offline="no"),
        "offline must be True or False, not 'no'.",
    ),
}


@pytest.mark.parametrize("case", list(GAPS))
def test_public_functions_outside_this_change_check_their_arguments(case, tmp_path):
    call, message = GAPS[case]
    with pytest.raises(im.OptionError) as caught:
        call(tmp_path)
    assert str(caught.value) == message
    assert list(tmp_path.iterdir()) == []
