"""The national map's payload by column (``_payload.pack``): smaller, and the same map.

A page of :data:`~izmir_maps.interactive._payload.PACK_MIN` districts or more sends
its districts by column and its geometry as number streams; map.js rebuilds the
objects a province's page sends (the browser side is in ``test_pack_browser.py``).
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from izmir_maps._script_json import script_json
from izmir_maps.data.provinces import NATIONAL, province_districts
from izmir_maps.interactive import _payload
from izmir_maps.interactive._geometry import decode_polyline
from izmir_maps.interactive._payload import (
    PACK_MIN,
    _arc_stream,
    _arcs,
    _column,
    _column_values,
    _id_runs,
    _ids,
    _nav_item,
    _read,
    _shape_codes,
    _shapes,
    _stream,
    build_payload,
    navigation,
    pack,
    unpack,
)
from izmir_maps.interactive.render import render_html
from izmir_maps.spec.map_spec import choropleth_spec
from izmir_maps.spec.user_spec import user_choropleth_spec
from izmir_maps.text.names import ascii_fold, slugify

#: explore()'s HTML of the same table (README, "Performance"), and the issue's ratio.
EXPLORE_BYTES = 2_379_563


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="izm-data">(.*?)</script>', page, re.S)
    assert match is not None
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory):
    """The benchmark's national map (benchmarks/bench.py ``national()``): 973 districts."""
    pcodes = province_districts(NATIONAL)["pcode"]
    path = tmp_path_factory.mktemp("national") / "turkiye.csv"
    values = [(i * 7919) % 100_000 for i in range(len(pcodes))]
    pd.DataFrame({"pcode": pcodes, "value": values}).to_csv(path, index=False)
    spec, _ = user_choropleth_spec(path, column="value", province="Türkiye")
    return spec


@pytest.fixture(scope="module")
def national_page(national) -> str:
    return render_html(national).html


# --- the national page ------------------------------------------------------------------------


def test_the_national_page_is_a_sixth_of_explores(national_page: str) -> None:
    size = len(national_page.encode("utf-8"))
    assert size <= EXPLORE_BYTES / 6, size


def test_the_national_page_sends_its_districts_by_column(national_page: str) -> None:
    data = page_data(national_page)
    assert "d" not in data and data["p"]["n"] == 973
    assert sorted(data["p"]["c"]) == ["a", "bv", "c", "n"]
    assert data["p"]["tl"] == ["İl", "value", "Sıra"]  # the tooltip's labels, once
    assert data["nav"]["x"] == {}  # every slug is the one map.js folds from the name
    # the table's rows are written by map.js: the page has its head, and what fills it
    table = re.search(r'<main id="izm-table".*?</main>', national_page, re.S).group(0)
    assert "<tbody></tbody>" in table and '<th scope="col">Sıra</th>' in table
    assert data["p"]["tr"] == {"h": ["İl", "value", "Sıra"], "f": "Veri yok"}


def test_unpacking_gives_the_payload_back(national) -> None:
    payload = build_payload(national)
    payload.data["nav"] = navigation(national)
    wire, table = pack(payload.data, payload.table, national.lang)
    assert unpack(json.loads(json.dumps(wire))) == payload.data
    assert len(table) < len(payload.table) / 100
    kale = [d for d in unpack(wire)["d"] if d["n"] == "Kale"]
    assert [d["t"][0][1] for d in kale] == ["Denizli", "Malatya"]


def test_bars_leave_out_the_value_after_the_province(national) -> None:
    data = build_payload(national).data
    assert data["rb"]["vi"] == 1
    assert all("bs" not in d for d in data["d"])
    ceyhan = next(d for d in data["d"] if d["n"] == "Ceyhan")
    assert (ceyhan["bv"], ceyhan["t"][1]) == (7919, ["value", "7.919"])


# --- a province's page is as before -------------------------------------------------------------


def test_izmir_keeps_one_object_per_district() -> None:
    spec = choropleth_spec("employees")
    data = page_data(render_html(spec).html)
    assert "p" not in data and len(data["d"]) == 30 < PACK_MIN
    assert "vi" not in data["rb"]
    payload = build_payload(spec)
    assert pack(payload.data, payload.table, spec.lang) == (payload.data, payload.table)


def test_a_table_map_js_would_not_write_alike_stays_whole(national, monkeypatch) -> None:
    payload = build_payload(national)
    monkeypatch.setattr(_payload, "_table_parts", lambda data, table, lang: (table, None))
    wire, table = pack(payload.data, payload.table, national.lang)
    assert "p" in wire and "tr" not in wire["p"] and table == payload.table


def test_a_payload_the_columns_cannot_say_goes_as_it_is(national) -> None:
    data = build_payload(national).data
    data = {**data, "d": [dict(d) for d in data["d"]]}
    data["d"][5]["t"] = [*data["d"][5]["t"], ["İl", "Adana"]]  # a row twice
    assert pack(data, "", "tr") == (data, "")


# --- the parts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values",
    [
        [1, 2, None, 40000],
        [1340.4, 307.0, 12.25, None],
        [0.1 + 0.2, 1.0],  # 0.30000000000000004: no power of ten below 10**7 says it
        ["Adana", "Adana", "Ankara", _payload._ABSENT],
        ["973./973", "1./973", "12./973"],
        ["a|b", "c"],  # the separator in a text
        ["", "x", "y"],  # an empty text
        [_payload._ABSENT] * 9 + ["only"],
        [[1, 2], [3]],
    ],
)
def test_every_form_of_a_column_gives_it_back(values: list) -> None:
    column = _column(values, "|")
    assert _column_values(column, len(values), {"sep": "|"}) == values


def test_the_shortest_form_is_chosen() -> None:
    assert set(_column(["Adana"] * 50 + ["Ankara"] * 50, "|")) == {"u", "x"}
    assert _column(["973./973", "1./973", "12./973"], "|") == {"j": "973|1|12", "s": "./973"}
    areas = [1340.4, 307.0, 12.5] * 20
    assert _column(areas, "|") == {
        "z": _stream([1 + 2 * 13404, 1 + 2 * 3070, 1 + 2 * 125] * 20),
        "d": 10,
    }


@pytest.mark.parametrize("values", [[], [0], [0, 1, 89, 90, 10**6, 7, 2**40], list(range(500))])
def test_streams_give_their_numbers_back(values: list[int]) -> None:
    stream = _stream(values)
    assert _read(stream) == values
    assert all(c not in stream[1] for c in '"\\<>&')


def test_a_stream_of_small_numbers_takes_a_character_each() -> None:
    assert len(_stream([3, 0, 17, 5] * 10)[1]) == 40


def test_arcs_ids_and_shapes_give_themselves_back(national) -> None:
    data = build_payload(national).data
    stream = _arc_stream(tuple(data["arcs"]))
    assert _arcs(_read(stream)) == [decode_polyline(a) for a in data["arcs"]]
    assert len(script_json(stream)) < 0.8 * len(script_json(data["arcs"]))
    shapes = [d["g"] for d in data["d"]]
    assert _shapes(_shape_codes(shapes)) == shapes
    ids = [d["id"] for d in data["d"]]
    assert _ids(_id_runs(ids)) == ids and len(_id_runs(ids)) == 81  # a run per province
    assert _ids(_id_runs(["d0", "TUR035001", "x", "TUR035002", "TUR035004"])) == [
        "d0",
        "TUR035001",
        "x",
        "TUR035002",
        "TUR035004",
    ]


@pytest.mark.parametrize(
    "name",
    ["Çiğli", "İzmir Merkez", "IĞDIR", "Şehitkamil", "Kale (Denizli)", "Ödemiş-2", "Adalar"],
)
def test_the_slug_map_js_folds_is_navigations(name: str) -> None:
    fold = navigation(choropleth_spec("employees"))["fold"]
    item = {"s": slugify(name)}
    if ascii_fold(name) != item["s"]:
        item["k"] = ascii_fold(name)
    assert _nav_item(name, fold) == item


def test_other_names_are_sent() -> None:
    assert _nav_item("Æøå", {}) is None  # not ASCII or Turkish: the page sends its slug


def test_the_page_is_deterministic(national, national_page: str) -> None:
    assert render_html(national).html == national_page
