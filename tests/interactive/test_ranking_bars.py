"""The payload of the ranking bars beside a choropleth (``bv``, ``bs`` and the words ``rb``).

map.js sorts the districts by ``bv`` (ties, and the districts without a value after them,
in Turkish alphabetical order: the payload's ``ko``) and writes ``bs``, or the tooltip's
first value where ``bs`` is left out; :func:`_bars` below mirrors it. The page itself is
tested in ``test_ranking_bars_browser.py``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
import pytest

from izmir_maps.interactive._payload import _add_bar, build_payload
from izmir_maps.spec.bivariate import bivariate_spec
from izmir_maps.spec.map_spec import choropleth_spec, combined_spec, osb_spec, wind_spec

#: What the words of the panel say, as map.js fills them in.
WORDS_TR = {
    "b": "Sıralama",
    "x": "Sıralamayı kapat",
    "nd": "veri yok",
    "r": "{1}./{2}",
    "s": "Seçili: {1}, {2}, {3}",
    "c": "Seçim kaldırıldı.",
}


def _bars(data: dict) -> list[tuple[str, str, str]]:
    """(rank, name, value as written) of every bar, top first, as map.js draws them."""
    rows, pos = data["d"], {i: k for k, i in enumerate(data["ko"])}
    have = sorted(
        (i for i, d in enumerate(rows) if d["bv"] is not None),
        key=lambda i: (-rows[i]["bv"], pos[i]),
    )
    none = sorted((i for i, d in enumerate(rows) if d["bv"] is None), key=pos.__getitem__)
    out, rank = [], 0
    for k, i in enumerate(have):
        if k == 0 or rows[i]["bv"] != rows[have[k - 1]]["bv"]:
            rank = k + 1
        out.append((f"{rank}.", rows[i]["n"], rows[i].get("bs", rows[i]["t"][0][1])))
    return out + [("–", rows[i]["n"], data["rb"]["nd"]) for i in none]


def test_employees_bars_follow_table_1(raw_data: Callable[[str], pd.DataFrame]) -> None:
    data = build_payload(choropleth_spec("employees")).data
    table = raw_data("table1_districts.csv").sort_values("employees", ascending=False)
    bars = _bars(data)
    assert [name for _, name, _ in bars] == table["district"].tolist()
    assert bars[0] == ("1.", "Konak", "199.310 kişi")
    assert bars[8] == ("9.", "Aliağa", "27.225 kişi")  # the tooltip's "9./30"
    assert bars[-1] == ("30.", "Bayraklı", "474 kişi")
    values = {d["n"]: d["bv"] for d in data["d"]}
    assert values == dict(zip(table["district"], table["employees"].astype(int), strict=True))


def test_the_value_text_is_the_tooltips_so_the_payload_leaves_it_out() -> None:
    rows = build_payload(choropleth_spec("employees")).data["d"]
    assert all("bs" not in d for d in rows)
    english = build_payload(choropleth_spec("employees", lang="en")).data
    aliaga = next(d for d in english["d"] if d["n"] == "Aliağa")
    assert (aliaga["bv"], aliaga["t"][0][1]) == (27225, "27,225 persons")


def test_words_of_the_panel() -> None:
    words = build_payload(choropleth_spec("employees")).data["rb"]
    assert {k: words[k] for k in WORDS_TR} == WORDS_TR
    assert words["h"] == "Çalışan sayısı (SGK, 2008)"
    english = build_payload(choropleth_spec("employees", lang="en")).data["rb"]
    assert (english["b"], english["r"], english["nd"]) == ("Ranking", "{1}/{2}", "no data")


def test_per_capita_values_keep_seven_digits() -> None:
    data = build_payload(choropleth_spec("employees", per="capita")).data
    aliaga = next(d for d in data["d"] if d["n"] == "Aliağa")
    assert aliaga["bv"] == 263.3896  # 27,225 / 103,364 × 1,000
    assert aliaga["t"][0][1] == "263,4 kişi / 1.000 kişi"
    # the 2008 view: 28 units, Konak with Karabağlar; per resident Kemalpaşa leads
    assert _bars(data)[:2] == [
        ("1.", "Kemalpaşa", "286,8 kişi / 1.000 kişi"),
        ("2.", "Aliağa", "263,4 kişi / 1.000 kişi"),
    ]
    assert len(data["d"]) == 28


def test_a_district_without_a_value_comes_last() -> None:
    spec = choropleth_spec("employees")
    spec.districts.loc[spec.districts["district"] == "Kiraz", "employees"] = math.nan
    data = build_payload(spec).data
    kiraz = next(d for d in data["d"] if d["n"] == "Kiraz")
    assert kiraz["bv"] is None and "bs" not in kiraz  # the tooltip says "Veri yok" too
    bars = _bars(data)
    assert bars[-1] == ("–", "Kiraz", "veri yok")
    assert bars[-2][0] == "29."


def test_ties_share_a_rank_and_go_in_turkish_order() -> None:
    spec = choropleth_spec("employees")
    for name in ("Çeşme", "Urla", "Buca"):
        spec.districts.loc[spec.districts["district"] == name, "employees"] = 7000.0
    bars = _bars(build_payload(spec).data)
    tied = [b for b in bars if b[2] == "7.000 kişi"]
    assert tied == [
        ("15.", "Buca", "7.000 kişi"),
        ("15.", "Çeşme", "7.000 kişi"),
        ("15.", "Urla", "7.000 kişi"),
    ]
    assert bars[bars.index(tied[-1]) + 1] == ("18.", "Narlıdere", "5.237 kişi")


def test_bs_is_kept_where_the_tooltip_starts_with_another_row() -> None:
    """On a map of several provinces the tooltip's first row is the province."""
    item = {"t": [["İl", "Manisa"], ["Nüfus", "12.345"]]}
    _add_bar(item, choropleth_spec("employees").indicator, 12345.0, "tr", None)
    assert item == {"t": item["t"], "bv": 12345, "bs": "12.345 kişi"}


@pytest.mark.parametrize(
    "make",
    [
        lambda: osb_spec(),
        lambda: wind_spec(),
        lambda: combined_spec(),
        lambda: bivariate_spec("employees", "exports_usd"),
        lambda: choropleth_spec("employees_rank"),  # a map of ranks: its longest bar is the last
    ],
)
def test_no_bars_on_other_maps(make) -> None:
    data = build_payload(make()).data
    assert "rb" not in data
    assert all("bv" not in d and "bs" not in d for d in data["d"])
