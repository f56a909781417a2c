"""The 3 × 3 bivariate map: tertiles, colours, tooltips, the two-way legend, the corner sentence."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from izmir_maps.data.join import district_table
from izmir_maps.errors import OptionError
from izmir_maps.spec.bivariate import (
    PALETTE,
    BivariateSpec,
    bivariate_spec,
    tertile_bounds,
    tertile_classes,
)
from izmir_maps.spec.describe import bivariate_sentences, describe_map
from izmir_maps.spec.legend import HatchSection, TwoWaySection
from izmir_maps.spec.style import NO_DATA_COLOR


@pytest.fixture(scope="module")
def spec() -> BivariateSpec:
    return bivariate_spec("employees", "exports_usd")


def _row(spec: BivariateSpec, name: str) -> object:
    return spec.districts.index[spec.districts["district"] == name][0]


# --- tertiles on a small known table -----------------------------------------------------------


def test_tertile_bounds_of_nine_values() -> None:
    values = pd.Series([9.0, 1.0, 5.0, 3.0, 7.0, 2.0, 8.0, 4.0, 6.0])
    assert tertile_bounds(values) == (3.0, 6.0)
    assert tertile_classes(values).tolist() == [2, 0, 1, 0, 2, 0, 2, 1, 1]


def test_tertile_bounds_of_seven_values_with_missing() -> None:
    values = pd.Series([10.0, math.nan, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0])
    # n = 7: the 3rd and the 5th smallest value
    assert tertile_bounds(values) == (30.0, 50.0)
    assert tertile_classes(values).tolist() == [0, -1, 0, 0, 1, 1, 2, 2]


def test_ties_share_the_lower_class() -> None:
    values = pd.Series([0.0, 0.0, 0.0, 0.0, 0.0, 1.0])
    assert tertile_bounds(values) == (0.0, 0.0)
    assert tertile_classes(values).tolist() == [0, 0, 0, 0, 0, 2]


# --- the map of the shipped data ----------------------------------------------------------------


def test_kind_title_and_every_fill(spec: BivariateSpec) -> None:
    assert spec.kind == "bivariate"
    assert spec.title == "Çalışan sayısı (SGK, 2008) ve İhracat"
    table = district_table("web")
    for values, classes in (
        (table["employees"], spec.x_classes),
        (table["exports_usd"], spec.y_classes),
    ):
        ordered = sorted(values)
        low, mid = ordered[9], ordered[19]  # 30 values: the 10th and the 20th smallest
        expected = [0 if v <= low else 1 if v <= mid else 2 for v in values]
        assert classes.tolist() == expected
    for key in spec.districts.index:
        x, y = int(spec.x_classes[key]), int(spec.y_classes[key])
        assert spec.classification.color_of(key) == PALETTE[x][y]


def test_missing_in_one_indicator_is_no_data() -> None:
    from unittest import mock

    from izmir_maps.spec import bivariate

    table = district_table("web").copy()
    table.loc[table["district"] == "Kiraz", "exports_usd"] = math.nan
    with mock.patch.object(bivariate, "district_table", return_value=table):
        spec = bivariate_spec("employees", "exports_usd")
    kiraz = _row(spec, "Kiraz")
    assert spec.classification.color_of(kiraz) == NO_DATA_COLOR
    assert spec.tooltips[kiraz][-1] == ["İhracat", "Veri yok"]
    assert spec.tooltips[kiraz][0] == ["Çalışan sayısı (SGK, 2008)", "1.471 kişi"]
    assert spec.legend.sections[0].no_data_label == "Veri yok (1 ilçe)"


def test_tooltip_rows_in_turkish(spec: BivariateSpec) -> None:
    assert spec.tooltips[_row(spec, "Aliağa")] == [
        ["Çalışan sayısı (SGK, 2008)", "27.225 kişi"],
        ["Çalışan sayısı: sınıf", "yüksek"],
        ["Çalışan sayısı: sıra", "9./30"],
        ["İhracat", "673.307.314 ABD $"],
        ["İhracat: sınıf", "yüksek"],
        ["İhracat: sıra", "4./30"],
    ]


def test_legend_names_both_axes_with_ranges(spec: BivariateSpec) -> None:
    section, hatch = spec.legend.sections
    assert isinstance(section, TwoWaySection)
    # 2008 data on today's boundaries: Bayraklı and Karabağlar hatched, as on one-indicator maps
    assert isinstance(hatch, HatchSection)
    assert hatch.layer == "boundary"
    assert hatch.label.startswith("Bayraklı, Karabağlar: 2008'de kuruldu")
    assert sorted(spec.caveats.hatched) == ["TUR035004", "TUR035015"]
    assert section.x_title == "Çalışan sayısı (SGK, 2008), kişi"
    assert section.y_title == "İhracat (ABD $)"
    assert section.x_labels == ("474 – 3.167", "3.287 – 13.417", "15.036 – 199.310")
    assert section.y_labels == (
        "58.928 – 6.115.325",
        "9.523.193 – 69.827.753",
        "73.493.224 – 2.950.799.884",
    )
    assert section.levels == ("düşük", "orta", "yüksek")
    assert sum(map(sum, section.counts)) == 30
    assert section.colors == PALETTE


def test_english_legend_and_tooltip() -> None:
    spec = bivariate_spec("employees", "exports_usd", lang="en")
    section = spec.legend.sections[0]
    assert section.x_labels[2] == "15,036 – 199,310"
    assert section.levels == ("low", "middle", "high")
    assert spec.tooltips[_row(spec, "Aliağa")][1] == ["Employees: class", "high"]


def test_same_indicator_twice_is_refused() -> None:
    with pytest.raises(OptionError, match="two different indicators"):
        bivariate_spec("firms", "firms")


# --- the sentence that reads the corners ----------------------------------------------------------


def _corner(x: str, y: str, xc: int, yc: int) -> list[str]:
    """Districts in the corner, computed from the table alone (30 values: cuts at the 10th, 20th)."""
    table = district_table("web")

    def cls(column: str) -> pd.Series:
        ordered = sorted(table[column])
        return table[column].map(lambda v: 0 if v <= ordered[9] else 1 if v <= ordered[19] else 2)

    inside = (cls(x) == xc) & (cls(y) == yc)
    return set(table.loc[inside, "district"])


@pytest.mark.parametrize(("x", "y"), [("employees", "exports_usd"), ("izka_applications", "firms")])
def test_sentence_names_the_corners(x: str, y: str) -> None:
    spec = bivariate_spec(x, y)
    sentences = bivariate_sentences(spec)
    assert len(sentences) == 5
    for sentence, (xc, yc) in zip(sentences[1:], [(2, 0), (0, 2), (2, 2), (0, 0)], strict=True):
        listed = sentence.split(": ", 1)[1].rstrip(".")
        names = set(listed.replace(" ve ", ", ").split(", ")) - {"hiçbir ilçe"}
        assert names == _corner(x, y, xc, yc), sentence


def test_sentence_words(spec: BivariateSpec) -> None:
    sentences = bivariate_sentences(spec)
    assert sentences[1] == "Çalışan sayısı yüksek, ihracat düşük: hiçbir ilçe."
    assert sentences[2] == "Çalışan sayısı düşük, ihracat yüksek: Foça."
    assert sentences[3].startswith("İkisi de yüksek: Aliağa, Bornova, Buca, Çiğli,")
    assert describe_map(spec).startswith("Harita iki göstergeyi birlikte gösteriyor")


def test_a_zero_count_gets_no_place_as_on_the_one_indicator_maps() -> None:
    spec = bivariate_spec("employees", "osb_count")
    rows = spec.tooltips[_row(spec, "Karaburun")]  # no OSB
    assert rows[-3:] == [
        ["Organize sanayi bölgesi sayısı", "0 OSB"],
        ["Organize sanayi bölgesi sayısı: sınıf", "düşük"],
        ["Organize sanayi bölgesi sayısı: sıra", "OSB yok"],
    ]


def test_rates_of_the_2008_data_are_paired_on_the_2008_boundaries() -> None:
    """Per-resident jobs and exports: Bayraklı's 474 jobs would read as a rate of its 2021 people."""
    rates = bivariate_spec("employees_per_1000", "exports_usd_per_capita")
    assert rates.boundaries == "2008"
    assert len(rates.districts) == 28
    names = set(rates.districts["district"])
    assert {"Bayraklı", "Karabağlar"} & names == set()
    assert {"Karşıyaka (Bayraklı dahil)", "Konak (Karabağlar dahil)"} <= names
    assert rates.title.endswith("– 2008 sınırları")
    assert [note.kind for note in rates.legend.notes] == ["classification", "boundary_view"]
    grid = rates.legend.section(TwoWaySection)
    assert sum(sum(row) for row in grid.counts) == 28
    # the counts stay on the districts' own boundaries
    assert bivariate_spec("employees", "exports_usd").boundaries == "current"
