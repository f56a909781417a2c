"""Year maps: classes fixed across the years, each year's values, ranks, counts and title."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from izmir_maps.data.join import district_table
from izmir_maps.data.paths import data_dir
from izmir_maps.data.registry import user_indicator
from izmir_maps.data.tables import load_population_years
from izmir_maps.errors import DataError, OptionError
from izmir_maps.spec.map_spec import choropleth_spec
from izmir_maps.spec.years import population_years_spec, year_spec, years_spec

ALIAGA, BUCA = "TUR035001", "TUR035008"


def _row(spec, name: str) -> int:
    return int(np.flatnonzero(spec.districts["district"].to_numpy() == name)[0])


def test_shipped_years_and_their_sums():
    long = load_population_years()
    assert long.groupby("year")["population"].sum().to_dict() == {
        2018: 4_320_519,
        2021: 4_425_789,
        2023: 4_479_525,
    }


def test_one_colour_means_one_range_in_every_year():
    spec = population_years_spec()
    ind = spec.indicator
    pooled = load_population_years()["population"].astype(float)
    labels = {year: year_spec(spec, year).classification.labels(ind) for year in (2018, 2021, 2023)}
    assert labels[2018] == labels[2021] == labels[2023]
    # the lowest bound is the smallest value of all years, the highest the largest
    assert labels[2018][0].startswith(f"{int(pooled.min()):,}".replace(",", "."))
    assert labels[2018][-1].endswith(f"{int(pooled.max()):,}".replace(",", "."))
    for year in (2018, 2021, 2023):
        frame = year_spec(spec, year)
        assert sum(frame.classification.counts()) == 30
        assert frame.title == f"Nüfus (kişi), {year}"


def test_each_year_draws_its_own_values_and_ranks():
    spec = population_years_spec()
    ind = spec.indicator
    long = load_population_years().set_index(["pcode", "year"])["population"]
    for year in (2018, 2023):
        frame = year_spec(spec, year)
        row = frame.districts.set_index("pcode").loc[BUCA]
        assert row[ind.id] == long[(BUCA, year)]
        ranks = long.xs(year, level="year").rank(ascending=False, method="min")
        assert row[f"{ind.id}_rank"] == int(ranks[BUCA])
        bins = np.asarray(spec.classification.bins)
        cls = int(np.searchsorted(bins, long[(ALIAGA, year)]))
        assert (
            frame.classification.color_of(_row(frame, "Aliağa")) == spec.classification.colors[cls]
        )


def test_a_year_with_few_districts_keeps_the_others_as_no_data():
    table = district_table("web")[["pcode", "district", "area_km2", "geometry"]]
    long = pd.DataFrame(
        {
            "pcode": [ALIAGA, ALIAGA, BUCA],
            "year": [2009, 2021, 2021],
            "value": [63_503.0, 103_364.0, 517_963.0],  # 2009: the seed report; 2021: TÜİK
        }
    )
    spec = years_spec(table, long, user_indicator("Nüfus", source="test", integer=True))
    early = year_spec(spec, 2009)
    assert early.classification.counts() == [1, 0, 0]  # three values: three classes
    assert year_spec(spec, 2021).classification.counts() == [0, 1, 1]
    assert int((early.classification.classes < 0).sum()) == 29
    assert early.legend.notes[-1].text.startswith("Renk sınıfları 2009–2021 yıllarının")


def test_bad_values_are_named():
    table = district_table("web")[["pcode", "district", "geometry"]]
    ind = user_indicator("v", source="test")
    twice = pd.DataFrame({"pcode": [ALIAGA, ALIAGA], "year": [2020, 2020], "value": [1.0, 2.0]})
    with pytest.raises(DataError, match=r"repeats a district in a year \(TUR035001 2020\)"):
        years_spec(table, twice, ind)
    one = pd.DataFrame({"pcode": [ALIAGA], "year": [2020], "value": [1.0]})
    with pytest.raises(OptionError, match=r"year 2019 is not one of the table's years \(2020\)"):
        years_spec(table, one, ind, year=2019)
    with pytest.raises(OptionError, match="needs a year map"):
        year_spec(choropleth_spec("employees"), 2008)


def test_a_year_missing_a_district_is_refused(tmp_path: Path):
    for name in ("population_2021.csv", "population_years.csv"):
        shutil.copy(data_dir() / name, tmp_path / name)
    path = tmp_path / "population_years.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("Kiraz,2018")), "utf-8")
    with pytest.raises(DataError, match=r"year 2018 lacks district\(s\) \['Kiraz'\]"):
        load_population_years(tmp_path)
