"""``izmir_maps.frame_map``: any polygon GeoDataFrame, any CRS, mapped like İzmir's districts."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from matplotlib.figure import Figure

import izmir_maps as im
from izmir_maps.errors import DataError, GeometryError, OptionError
from izmir_maps.frame_map import explore_spec, frame_table
from izmir_maps.interactive._payload import build_payload, navigation
from izmir_maps.spec.describe import describe_sentences


def _grid(values: list[float | None], crs: int | str = 4326) -> gpd.GeoDataFrame:
    """A row of 1 km-ish squares near İzmir, named Ada 1, Ada 2 …, in ``crs``."""
    boxes = [shapely.box(27 + 0.1 * i, 38, 27.1 + 0.1 * i, 38.1) for i in range(len(values))]
    frame = gpd.GeoDataFrame(
        {"ad": [f"Ada {i + 1}" for i in range(len(values))], "deger": values},
        geometry=boxes,
        crs=4326,
    )
    return frame.to_crs(crs)


VALUES = [3.0, 5.0, 8.0, 13.0, 21.0, 34.0, None]


def _fills(spec: im.MapSpec) -> list[tuple[str, str]]:
    return [(d["n"], d["c"]) for d in build_payload(spec).data["d"]]


# --- what the map shows ------------------------------------------------------------------------


def test_classes_legend_and_no_data_class() -> None:
    spec = explore_spec(_grid(VALUES), "deger", k=3)
    classes = spec.legend.sections[0].classes
    assert [(c.label, c.count) for c in classes] == [
        ("3 – 8", 3),
        ("13 – 21", 2),
        ("34", 1),
        ("Veri yok", 1),
    ]
    assert classes[-1].no_data
    assert spec.title == "deger"
    assert spec.sources == ["Kaynak: GeoDataFrame, deger sütunu"]


def test_turkish_and_english_number_formats_and_unit() -> None:
    frame = _grid([1.5, 1234.5, 99999.25])
    tr = explore_spec(frame, "deger", title="Alan", unit="ha")
    en = explore_spec(frame, "deger", title="Area", unit="ha", lang="en")
    assert [c.label for c in tr.legend.sections[0].classes] == ["1,50", "1.234,50", "99.999,25"]
    assert [c.label for c in en.legend.sections[0].classes] == ["1.50", "1,234.50", "99,999.25"]
    assert tr.legend.sections[0].title == "Alan (ha)"
    tip = build_payload(tr).data["d"][1]["t"]
    assert tip[0] == ["Alan", "1.234,50 ha"]


def test_names_default_to_first_text_column_then_index() -> None:
    frame = _grid([1.0, 2.0])
    assert list(frame_table(frame, "deger")[0]["district"]) == ["Ada 1", "Ada 2"]
    frame["kod"] = ["K1", "K2"]
    assert list(frame_table(frame, "deger", name="kod")[0]["district"]) == ["K1", "K2"]
    bare = frame.drop(columns=["ad", "kod"]).set_axis(["x", "y"])
    assert list(frame_table(bare, "deger")[0]["district"]) == ["x", "y"]


def test_rank_and_share_columns() -> None:
    table, ind = frame_table(_grid([1.0, 3.0, None]), "deger")
    assert list(table[f"{ind.id}_rank"].astype("float")) == [
        2.0,
        1.0,
        pytest.approx(np.nan, nan_ok=True),
    ]
    assert list(table[f"{ind.id}_share"].round(2))[:2] == [25.0, 75.0]
    assert f"{ind.id}_share" not in frame_table(_grid([1.0, 3.0]), "deger", share=False)[0]


def test_tooltip_has_share_and_rank() -> None:
    spec = explore_spec(_grid([1.0, 3.0]), "deger")
    rows = build_payload(spec).data["d"][1]["t"]
    assert rows == [["deger", "3"], ["Toplamdaki payı", "%75,00"], ["Sıra", "1./2"]]


def test_same_input_same_bytes() -> None:
    frame = _grid(VALUES)
    assert im.explore(frame, "deger").html == im.explore(frame.copy(), "deger").html


def test_page_is_offline_and_returns_the_map_object() -> None:
    page = im.explore(_grid(VALUES), "deger")
    assert isinstance(page, im.render_html.__globals__["InteractiveMap"])
    assert page.html.startswith("<!DOCTYPE html>")
    assert "<script src=" not in page.html and "https://" not in page.html.split("</head>")[0]
    assert "<iframe srcdoc=" in page._repr_html_()


def test_static_export_of_the_same_spec() -> None:
    page = im.explore(_grid(VALUES), "deger", title="Ada değeri")
    fig = page.to_static(size="half")
    assert isinstance(fig, Figure)
    assert fig.get_label() == "Ada değeri"


# --- CRS and geometry --------------------------------------------------------------------------


def test_web_mercator_and_utm_give_the_same_map() -> None:
    frame = _grid(VALUES)
    specs = [explore_spec(frame.to_crs(crs), "deger") for crs in (4326, 3857, 32635)]
    fills = [_fills(s) for s in specs]
    assert fills[0] == fills[1] == fills[2]
    views = [build_payload(s).data["view"]["bounds"] for s in specs]
    for view in views[1:]:
        assert np.allclose(view, views[0], atol=2e-4)
    assert all(s.districts.crs.to_epsg() == 4326 for s in specs)


def test_multipolygons_and_holes() -> None:
    ring = shapely.Polygon(
        [(27, 38), (27.2, 38), (27.2, 38.2), (27, 38.2)],
        [[(27.05, 38.05), (27.15, 38.05), (27.15, 38.15), (27.05, 38.15)]],
    )
    islands = shapely.MultiPolygon(
        [shapely.box(27.3, 38, 27.4, 38.1), shapely.box(27.45, 38, 27.5, 38.1)]
    )
    frame = gpd.GeoDataFrame(
        {"ad": ["Halka", "Adalar"], "v": [1, 2]}, geometry=[ring, islands], crs=4326
    )
    spec = explore_spec(frame, "v")
    shapes = [d["g"] for d in build_payload(spec).data["d"]]
    assert [len(s) for s in shapes] == [1, 2]  # polygons per row
    assert len(shapes[0][0]) == 2  # the ring keeps its hole
    assert spec.districts.geometry.iloc[0].interiors[0].coords[0] == (27.05, 38.05)


def test_bow_tie_is_mended() -> None:
    bow = shapely.Polygon([(27, 38), (27.1, 38.1), (27.1, 38), (27, 38.1)])
    assert not bow.is_valid
    frame = gpd.GeoDataFrame(
        {"ad": ["Papyon", "Kare"], "v": [1, 2]},
        geometry=[bow, shapely.box(27.2, 38, 27.3, 38.1)],
        crs=4326,
    )
    spec = explore_spec(frame, "v")
    mended = spec.districts.geometry.iloc[0]
    assert mended.is_valid and mended.geom_type == "MultiPolygon"
    assert mended.area == pytest.approx(0.005)


def test_a_line_among_polygons_is_refused() -> None:
    frame = gpd.GeoDataFrame(
        {"ad": ["Kare", "Yol"], "v": [1, 2]},
        geometry=[shapely.box(27, 38, 27.1, 38.1), shapely.LineString([(27, 38), (27.2, 38.2)])],
        crs=4326,
    )
    with pytest.raises(GeometryError, match=r"1 row\(s\).*1 \(LineString\).*Drop those rows"):
        im.explore(frame, "v")


def test_no_polygons_at_all() -> None:
    frame = gpd.GeoDataFrame(
        {"v": [1, 2]}, geometry=gpd.points_from_xy([27, 28], [38, 38]), crs=4326
    )
    with pytest.raises(GeometryError, match="holds no polygons \\(its shapes: Point\\)"):
        im.explore(frame, "v")


# --- what it refuses ---------------------------------------------------------------------------


def test_empty_frame() -> None:
    with pytest.raises(DataError, match="empty: there is nothing to map"):
        im.explore(_grid(VALUES).iloc[:0], "deger")


def test_missing_crs() -> None:
    frame = _grid(VALUES).set_crs(None, allow_override=True)
    with pytest.raises(GeometryError, match=r"no CRS.*set_crs\(4326\)"):
        im.explore(frame, "deger")


def test_unknown_column_lists_the_columns() -> None:
    with pytest.raises(DataError, match="no column 'değer'; its columns are 'ad', 'deger'"):
        im.explore(_grid(VALUES), "değer")


def test_text_column_is_refused() -> None:
    frame = _grid([1.0, 2.0])
    frame["metin"] = ["1.234", "5"]
    with pytest.raises(DataError, match=r"not numeric .*pd.to_numeric"):
        im.explore(frame, "metin")


def test_all_missing_column() -> None:
    with pytest.raises(DataError, match="holds no values \\(all 3 are missing\\)"):
        im.explore(_grid([None, None, None]), "deger")


def test_infinite_value() -> None:
    with pytest.raises(DataError, match="not finite"):
        im.explore(_grid([1.0, np.inf]), "deger")


def test_wrong_types() -> None:
    with pytest.raises(OptionError, match="gdf"):
        im.explore(pd.DataFrame({"v": [1]}), "v")
    with pytest.raises(OptionError, match="share"):
        im.explore(_grid([1.0, 2.0]), "deger", share="yes")
    with pytest.raises(OptionError):
        im.explore(_grid([1.0, 2.0]), "deger", k=1)


def test_collections_keep_their_polygons_and_missing_shapes_are_named() -> None:
    mixed = shapely.GeometryCollection(
        [shapely.box(27, 38, 27.1, 38.1), shapely.LineString([(27, 38), (28, 39)])]
    )
    frame = gpd.GeoDataFrame(
        {"ad": ["Karışık", "Kare3B"], "v": [1, 2]},
        geometry=[mixed, shapely.Polygon([(27.2, 38, 5), (27.3, 38, 5), (27.3, 38.1, 5)])],
        crs=4326,
    )
    spec = explore_spec(frame, "v")
    assert list(spec.districts.geom_type) == ["Polygon", "Polygon"]
    assert not spec.districts.geometry.iloc[1].has_z
    frame.loc[1, "geometry"] = None
    with pytest.raises(GeometryError, match=r"1 \(no geometry\)"):
        explore_spec(frame, "v")


def test_nullable_integers_and_another_geometry_column() -> None:
    frame = _grid([1.0, 2.0, 3.0]).rename_geometry("geom")
    frame["n"] = pd.array([4, None, 6], dtype="Int64")
    spec = explore_spec(frame, "n")
    assert [c.label for c in spec.legend.sections[0].classes] == ["4", "6", "Veri yok"]


def test_the_shapes_are_called_areas_not_izmirs_districts() -> None:
    spec = explore_spec(_grid(VALUES), "deger", k=3)
    first = describe_sentences(spec)[0]
    assert first == "Harita, 7 bölgenin değerlerini gösteriyor: deger."
    assert "İzmir" not in " ".join(describe_sentences(spec))
    labels = [c.count_label for c in spec.legend.sections[0].classes]
    assert labels[-1] == "1 bölge"  # the no-data class: Ada 7
    assert sum(c.count for c in spec.legend.sections[0].classes) == 7
    assert all(label.endswith("bölge") for label in labels)
    english = explore_spec(_grid(VALUES), "deger", k=3, lang="en")
    assert describe_sentences(english)[0] == "The map shows a value for each of 7 areas: deger."


def test_the_page_searches_areas_and_credits_no_boundary_source_of_ours() -> None:
    spec = explore_spec(_grid(VALUES), "deger")
    payload = build_payload(spec).data
    assert payload["attr"] == ""  # the user's shapes: not "Sınırlar: OCHA COD-AB …"
    nav = navigation(spec)
    assert (nav["w"]["search"], nav["w"]["search_hint"], nav["w"]["no_match"]) == (
        "Bölge ara",
        "ör. Ada 1",
        "Bu adla bölge yok",
    )
    assert navigation(explore_spec(_grid(VALUES), "deger", lang="en"))["w"]["search"] == (
        "Find an area"
    )
