"""Every public function, called with arbitrary arguments, returns or raises an izmir-maps error.

The docstrings promise that a bad argument raises :class:`IzmirMapsError`
(``OptionError``, ``DataError`` …) naming it, never a raw ``TypeError``,
``AttributeError`` or ``KeyError`` from deep inside. The expensive valid
paths (a print map, a whole atlas, files written) are given only arguments
that must be refused.
"""

from __future__ import annotations

import dataclasses
import inspect
import math
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import izmir_maps as im
from izmir_maps.data.registry import user_indicator
from izmir_maps.spec.map_spec import DistrictData

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

WORDS = ["de", "tr", "en", "web", "detailed", "x", "", " ", "5", "capita", "km2", "quantiles"]
WORDS += ["user", "a4", "half", "inline", "shared", "auto", ";", "no", "Manisa", "employees"]

#: Values of the wrong type or unknown: what a caller may pass by mistake.
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(WORDS),
    st.text(max_size=8),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=3),
    st.just(pd.DataFrame({"a": [1, 2]})),
    st.just(pd.Series([1.0, math.inf])),
    st.just(np.array([1.0, 2.0])),
    st.just(Path("no/such/file.csv")),
    st.just({"k": 5}),
)
#: JUNK without anything a path accepts: a call given it never writes a file.
OPTION_NAMES = [f.name for f in dataclasses.fields(im.ReadOptions)]
NOT_A_PATH = JUNK.filter(lambda v: not isinstance(v, str | os.PathLike))


def _accepts(call, *args, **kwargs) -> object:
    """The call's result; an izmir-maps error is fine, any other exception fails the test."""
    try:
        return call(*args, **kwargs)
    except im.IzmirMapsError as exc:
        assert str(exc), "an error must say what is wrong"
        return exc


def _is(value: object, word: str) -> bool:
    return isinstance(value, str) and value == word


@pytest.fixture(scope="module")
def csv_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "t.csv"
    path.write_text("ilçe,v\nÇiğli,1\nKonak,-2\nBornova,3,5\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spec() -> im.MapSpec:
    return im.choropleth_spec("employees")


@FUZZ
@given(
    path=st.one_of(JUNK, st.just("CSV")),
    options=st.one_of(st.none(), JUNK, st.just(im.ReadOptions(column="v"))),
    matcher=JUNK,
    column=st.one_of(st.just("v"), JUNK),
    fields=st.dictionaries(
        st.sampled_from(["allow_negative", "sep", "decimal", "sheet", "max_rows", "encoding"]),
        JUNK,
        max_size=2,
    ),
)
def test_read_user_table(csv_path, path, options, matcher, column, fields):
    path = csv_path if _is(path, "CSV") else path
    _accepts(im.read_user_table, path, options, matcher=matcher, column=column, **fields)
    _accepts(im.validate_user_file, path, options, matcher=matcher, **fields)


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(OPTION_NAMES), JUNK, max_size=3))
def test_read_options(fields):
    _accepts(im.ReadOptions, **fields)


@FUZZ
@given(
    indicator_id=st.one_of(st.just("employees"), JUNK),
    scheme=st.one_of(st.none(), JUNK),
    k=st.one_of(st.none(), st.integers(0, 12), JUNK),
    breaks=st.one_of(st.none(), JUNK),
    per=st.one_of(st.none(), JUNK),
    lang=st.one_of(st.just("tr"), JUNK),
    layer=st.one_of(st.just("web"), JUNK),
)
def test_choropleth_spec(indicator_id, scheme, k, breaks, per, lang, layer):
    kwargs = {"scheme": scheme, "k": k, "breaks": breaks, "per": per, "lang": lang}
    _accepts(im.choropleth_spec, indicator_id, layer=layer, **kwargs)


@FUZZ
@given(
    column=st.sampled_from(["v", "x"]),
    values=st.lists(
        st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=3)),
        min_size=30,
        max_size=30,
    ),
    table=st.one_of(st.just("TABLE"), JUNK),
    neighbours=st.one_of(st.none(), JUNK),
)
def test_choropleth_spec_of_a_ready_table(column, values, table, neighbours):
    base = im.district_table("web")[["pcode", "district", "geometry"]].copy()
    base[column] = values
    table = base if _is(table, "TABLE") else table
    ind = user_indicator("v", source="t.csv")
    _accepts(im.choropleth_spec, "v", data=DistrictData(table, ind, neighbours))


@FUZZ
@given(lang=st.one_of(st.just("en"), JUNK), layer=st.one_of(st.just("web"), JUNK), ind=JUNK)
def test_marker_and_combined_specs(lang, layer, ind):
    _accepts(im.osb_spec, lang=lang, layer=layer)
    _accepts(im.wind_spec, lang=lang, layer=layer)
    _accepts(im.combined_spec, lang=lang, layer=layer, indicator_id=ind)


@FUZZ
@given(
    path=st.one_of(st.just("CSV"), JUNK),
    k=st.one_of(st.none(), JUNK),
    scheme=st.one_of(st.none(), JUNK),
    breaks=st.one_of(st.none(), JUNK),
    lang=st.one_of(st.just("tr"), JUNK),
    title=st.one_of(st.none(), JUNK),
    allow_negative=st.one_of(st.just(True), JUNK),
)
def test_user_choropleth_spec(csv_path, path, k, scheme, breaks, lang, title, allow_negative):
    path = csv_path if _is(path, "CSV") else path
    kwargs = {"k": k, "scheme": scheme, "breaks": breaks, "lang": lang, "title": title}
    _accepts(im.user_choropleth_spec, path, column="v", allow_negative=allow_negative, **kwargs)


@FUZZ
@given(
    which=st.sampled_from(["spec", "junk"]),
    junk=JUNK,
    tiles=st.one_of(st.none(), JUNK),
    assets=st.one_of(st.just("inline"), JUNK),
    prefix=st.one_of(st.just("../assets/"), JUNK),
    labels=st.one_of(st.just(True), JUNK),
    title=st.one_of(st.none(), JUNK),
)
def test_html_renderers(spec, which, junk, tiles, assets, prefix, labels, title):
    left = spec if which == "spec" else junk
    _accepts(im.render_html, left, tiles=tiles, assets=assets, asset_prefix=prefix, labels=labels)
    _accepts(im.render_sync_html, left, spec, assets=assets, asset_prefix=prefix, title=title)
    _accepts(im.write_html, junk, junk, tiles=tiles)  # junk is never a MapSpec: nothing written


@FUZZ
@given(spec=JUNK, size=JUNK, labels=JUNK, ax=JUNK, dpi=JUNK)
def test_static_renderers(spec, size, labels, ax, dpi):
    _accepts(im.render_static, spec, size=size, labels=labels, ax=ax)
    _accepts(im.save_static, spec, spec, size=size, dpi=dpi)


@FUZZ
@given(out=NOT_A_PATH, lang=JUNK, static=JUNK, workers=JUNK, replace=JUNK)
def test_build_atlas(out, lang, static, workers, replace):
    _accepts(im.build_atlas, out, lang=lang, static=static, workers=workers, replace=replace)


@FUZZ
@given(value=st.one_of(st.just("Manisa"), JUNK))
def test_data_loaders(value):
    _accepts(im.district_table, value)
    _accepts(im.load_districts, value)
    _accepts(im.resolve_province, value)
    _accepts(im.province_districts, value)


def test_load_indicators_takes_no_arguments():
    assert len(im.load_indicators()) > 0


FEW = settings(FUZZ, max_examples=15)  # each valid call builds a spec or a page


@pytest.fixture(scope="module")
def years_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "years.csv"
    rows = ["ilçe,yıl,v", "Konak,2020,1", "Konak,2021,2", "Buca,2020,3", "Buca,2021,4"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report():
    return im.district_report("Aliağa", figures=False)


@FEW
@given(
    x_id=st.one_of(st.just("employees"), JUNK),
    y_id=st.one_of(st.just("exports_usd"), JUNK),
    lang=st.one_of(st.just("tr"), JUNK),
    layer=st.one_of(st.just("web"), JUNK),
)
def test_bivariate_spec(x_id, y_id, lang, layer):
    _accepts(im.bivariate_spec, x_id, y_id, lang=lang, layer=layer)


@FEW
@given(
    path=st.one_of(st.just("YEARS"), JUNK),
    options=st.one_of(st.none(), JUNK),
    year_column=st.one_of(st.just("yıl"), st.none(), JUNK),
    years=st.one_of(st.just(False), JUNK),
    matcher=st.one_of(st.none(), JUNK),
    spec_args=st.fixed_dictionaries(
        {
            "year": st.one_of(st.none(), st.sampled_from([2020, 2021, 1999]), JUNK),
            "lang": st.one_of(st.just("tr"), JUNK),
            "title": st.one_of(st.none(), JUNK),
        }
    ),
)
def test_user_years(years_path, path, options, year_column, years, matcher, spec_args):
    path = years_path if _is(path, "YEARS") else path
    kwargs = {"year_column": year_column, "years": years, "column": "v"}
    _accepts(im.read_user_years, path, options, matcher=matcher, **kwargs)
    _accepts(im.user_years_spec, path, options, **spec_args, **kwargs)


@FEW
@given(
    district=st.one_of(st.just("Konak"), JUNK),
    lang=st.one_of(st.just("en"), JUNK),
    figures=st.one_of(st.just(False), JUNK.filter(lambda v: v is not True)),  # no slow maps
)
def test_district_report(district, lang, figures):
    _accepts(im.district_report, district, lang, figures=figures)


@FUZZ
@given(
    which=st.sampled_from(["report", "junk", "list"]),
    junk=JUNK,
    title=JUNK.filter(lambda v: not isinstance(v, str)),  # a text title would typeset a PDF
    links=st.dictionaries(st.sampled_from(["home", "pdf", "pdf_size"]), JUNK, max_size=2),
)
def test_report_renderers(report, which, junk, title, links):
    reports = {"report": report, "junk": junk, "list": [report, junk]}[which]
    _accepts(im.report_pdf, reports, title=title)
    _accepts(im.report_pdf, junk)  # junk is never a Report: nothing typeset
    _accepts(im.report_html, reports if which != "report" else junk, **links)
    if all(v is None or isinstance(v, str) for v in links.values()):
        return  # a valid call: the page is rendered by the tests in tests/reports
    _accepts(im.report_html, report, **links)


@FEW
@given(
    gdf=st.one_of(st.just("FRAME"), JUNK),
    column=st.one_of(st.just("employees"), JUNK),
    texts=st.dictionaries(st.sampled_from(["name", "title", "unit", "source"]), JUNK, max_size=2),
    lang=st.one_of(st.just("tr"), JUNK),
    share=st.one_of(st.just(True), JUNK),
    tiles=st.one_of(st.none(), JUNK),
    k=st.one_of(st.none(), JUNK),
)
def test_explore(gdf, column, texts, lang, share, tiles, k):
    frame = im.district_table("web")[["district", "geometry", "employees"]]
    gdf = frame if _is(gdf, "FRAME") else gdf
    _accepts(im.explore, gdf, column, lang=lang, share=share, tiles=tiles, k=k, **texts)


@FUZZ
@given(m=JUNK, path=NOT_A_PATH, offline=JUNK)
def test_save_folium(tmp_path_factory, m, path, offline):
    _accepts(im.save_folium, m, path, offline=offline)  # never a path: nothing written
    # never a folium.Map: refused before the path is written
    _accepts(im.save_folium, m, tmp_path_factory.getbasetemp() / "m.html", offline=offline)


@FUZZ
@given(path=NOT_A_PATH, fmt=JUNK, lang=JUNK)
def test_write_export(tmp_path_factory, path, fmt, lang):
    _accepts(im.write_export, path, fmt, lang=lang)
    folder = tmp_path_factory.getbasetemp()
    _accepts(im.write_export, folder, fmt, lang=lang)  # a folder: refused, nothing written
    if not any(_is(fmt, f) for f in ("gpkg", "geojson", "parquet", "xlsx")):
        _accepts(im.write_export, folder / "no-suffix", fmt)  # an unknown format: refused


# -- every public function is fuzzed -------------------------------------------------------------

#: Each public function and the tests above that call it with arbitrary arguments.
FUZZED = {
    "ReadOptions": [test_read_options],
    "bivariate_spec": [test_bivariate_spec],
    "build_atlas": [test_build_atlas],
    "choropleth_spec": [test_choropleth_spec, test_choropleth_spec_of_a_ready_table],
    "combined_spec": [test_marker_and_combined_specs],
    "district_report": [test_district_report],
    "district_table": [test_data_loaders],
    "explore": [test_explore],
    "load_districts": [test_data_loaders],
    "load_indicators": [test_load_indicators_takes_no_arguments],
    "osb_spec": [test_marker_and_combined_specs],
    "province_districts": [test_data_loaders],
    "read_user_table": [test_read_user_table],
    "read_user_years": [test_user_years],
    "render_html": [test_html_renderers],
    "render_static": [test_static_renderers],
    "render_sync_html": [test_html_renderers],
    "report_html": [test_report_renderers],
    "report_pdf": [test_report_renderers],
    "resolve_province": [test_data_loaders],
    "save_folium": [test_save_folium],
    "save_static": [test_static_renderers],
    "user_choropleth_spec": [test_user_choropleth_spec],
    "user_years_spec": [test_user_years],
    "validate_user_file": [test_read_user_table],
    "wind_spec": [test_marker_and_combined_specs],
    "write_export": [test_write_export],
    "write_html": [test_html_renderers],
}
#: Public names that are not functions to call with arbitrary arguments, and why.
NOT_FUZZED = {
    "__version__": "a text",
    "MapSpec": "the result of the *_spec functions; every renderer refuses anything else",
}


def _is_error_class(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, BaseException)


def test_every_public_function_has_a_fuzz_test():
    # a name added to izmir_maps.__all__ fails here until a test above calls it with junk
    public = {n for n in im.__all__ if not _is_error_class(getattr(im, n))}
    assert sorted(public - FUZZED.keys() - NOT_FUZZED.keys()) == []
    assert sorted((FUZZED.keys() | NOT_FUZZED.keys()) - public) == []
    for name, tests in FUZZED.items():
        sources = "".join(inspect.getsource(t) for t in tests)
        assert f"im.{name}" in sources, f"{name}: its test does not call it"


# -- the cases of the issue, each with what the caller now reads ------------------------------


def _table_without_the_column():
    table = im.district_table("web")[["pcode", "district", "geometry"]]
    return DistrictData(table, user_indicator("v", source="t.csv"))


def _table_with_inf():
    table = im.district_table("web")[["pcode", "district", "geometry"]].copy()
    table["user_v"] = [math.inf, *range(29)]
    return DistrictData(table, user_indicator("v", source="t.csv"))


CASES = {
    "read_user_table(None)": (
        lambda p, s: im.read_user_table(None, column="v"),
        im.OptionError,
        "path must be the path of a file (str or pathlib.Path), not None.",
    ),
    "read_user_table(DataFrame)": (
        lambda p, s: im.read_user_table(pd.DataFrame({"v": [1]}), column="v"),
        im.OptionError,
        "path must be the path of a file (str or pathlib.Path), not a DataFrame.",
    ),
    "k='5'": (
        lambda p, s: im.choropleth_spec("employees", k="5"),
        im.OptionError,
        "k must be a whole number from 2 to 9, not '5'.",
    ),
    "matcher='x'": (
        lambda p, s: im.read_user_table(p, column="v", matcher="x"),
        im.OptionError,
        "matcher must be a DistrictMatcher or None, not 'x'.",
    ),
    "validate matcher='x'": (
        lambda p, s: im.validate_user_file(p, matcher="x"),
        im.OptionError,
        "matcher must be a DistrictMatcher or None, not 'x'.",
    ),
    "title=5": (
        lambda p, s: im.user_choropleth_spec(p, column="v", title=5),
        im.OptionError,
        "title must be a text (str) or None, not 5.",
    ),
    "render_html(None)": (
        lambda p, s: im.render_html(None),
        im.OptionError,
        "spec must be a MapSpec (see choropleth_spec), not None.",
    ),
    "render_static(None)": (
        lambda p, s: im.render_static(None),
        im.OptionError,
        "spec must be a MapSpec (see choropleth_spec), not None.",
    ),
    "render_sync_html(spec, None)": (
        lambda p, s: im.render_sync_html(s, None),
        im.OptionError,
        "right must be a MapSpec (see choropleth_spec), not None.",
    ),
    "wrong columns": (
        lambda p, s: im.choropleth_spec("employees", data=_table_without_the_column()),
        im.DataError,
        "data.table has no column 'user_v'; its columns are 'pcode', 'district', 'geometry'. "
        "A map needs 'pcode', 'district', 'geometry' and the indicator's column 'user_v'.",
    ),
    "inf": (
        lambda p, s: im.choropleth_spec("v", data=_table_with_inf()),
        im.DataError,
        "data.table, column 'user_v': 1 value(s) are not finite numbers (districts TUR035001). "
        "Use finite numbers, and NaN for no data.",
    ),
    "allow_negative='no'": (
        lambda p, s: im.read_user_table(p, column="v", allow_negative="no"),
        im.OptionError,
        "allow_negative must be True or False, not 'no'.",
    ),
    "lang='de'": (
        lambda p, s: im.choropleth_spec("employees", lang="de"),
        im.OptionError,
        "lang must be 'tr' or 'en', not 'de'.",
    ),
    "osb lang='de'": (
        lambda p, s: im.osb_spec(lang="de"),
        im.OptionError,
        "lang must be 'tr' or 'en', not 'de'.",
    ),
    "breaks='1;2'": (
        lambda p, s: im.choropleth_spec("employees", breaks="1;2"),
        im.OptionError,
        "breaks must be a list of numbers (the upper bounds of the classes) or None, not '1;2'.",
    ),
    "labels='no'": (
        lambda p, s: im.render_html(s, labels="no"),
        im.OptionError,
        "labels must be True or False, not 'no'.",
    ),
    "district_table(DataFrame)": (
        lambda p, s: im.district_table(pd.DataFrame({"a": [1]})),
        im.GeometryError,
        "layer must be one of ['detailed', 'web'], not a DataFrame.",
    ),
    "build_atlas(None)": (
        lambda p, s: im.build_atlas(None),
        im.OptionError,
        "out must be the path of a folder (str or pathlib.Path), not None.",
    ),
    "build_atlas(workers=0)": (
        lambda p, s: im.build_atlas(Path("never-written"), workers=0),
        im.OptionError,
        "workers must be a whole number of at least 1, not 0.",
    ),
    "save_static(spec, 5)": (
        lambda p, s: im.save_static(s, 5),
        im.OptionError,
        "path must be the path of a file (str or pathlib.Path), not 5.",
    ),
    "ReadOptions(encoding=array)": (
        lambda p, s: im.ReadOptions(encoding=np.array([1, 2])),
        im.OptionError,
        "encoding must be 'auto' or a text encoding such as 'utf-8', 'utf-8-sig' or "
        "'cp1254' (Turkish Windows), not array([1, 2]).",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_reported_case_raises_the_projects_error(case, csv_path, spec):
    call, error, message = CASES[case]
    with pytest.raises(error) as caught:
        call(csv_path, spec)
    assert str(caught.value) == message


def test_valid_arguments_of_other_types_still_work():
    # numpy's whole numbers and a tuple of breaks were accepted before the checks
    spec = im.choropleth_spec("employees", scheme="user", k=np.int64(5), breaks=(1000, 10000))
    assert spec.classification.bins[:2] == (1000.0, 10000.0)
