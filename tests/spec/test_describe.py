"""Generated map descriptions (spec.describe): exact sentences, figures checked against data/.

The highest and lowest districts, the counts and shares are worked out here
from the CSV files in data/ with the csv module alone, independently of the
package; the sentence around them is written out by hand.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from izmir_maps.spec.describe import describe_map, extremes, ranked_groups
from izmir_maps.spec.map_spec import choropleth_spec, combined_spec, osb_spec, wind_spec
from izmir_maps.spec.user_spec import user_choropleth_spec

DATA = Path(__file__).resolve().parents[2] / "data"
BOUNDARY_TR = (
    "Bayraklı ve Karabağlar 2008'de kuruldu; 2008 verisi büyük ölçüde sırasıyla "
    "Karşıyaka ve Konak'ta kayıtlı (tahmin)."
)
BOUNDARY_EN = (
    "Bayraklı and Karabağlar were created in 2008; their 2008 figures are largely recorded "
    "under Karşıyaka and Konak respectively (an inference)."
)


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def table1(column: str) -> list[tuple[str, int]]:
    """(district, value) of Table 1, highest first."""
    pairs = [(r["district"], int(r[column])) for r in rows("table1_districts.csv")]
    return sorted(pairs, key=lambda p: -p[1])


def tr_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def en_int(n: int) -> str:
    return f"{n:,}"


def test_employees_turkish() -> None:
    ranked = table1("employees")
    (t1, v1), (t2, v2) = ranked[:2]
    (b1, w1), (b2, w2) = ranked[-1], ranked[-2]
    # read off the table by hand: Konak 199.310, Bornova 117.713, Bayraklı 474, Karabağlar 520
    assert (t1, t2, b1, b2) == ("Konak", "Bornova", "Bayraklı", "Karabağlar")
    expected = (
        "Harita, İzmir'in 30 ilçesinin değerlerini gösteriyor: Çalışan sayısı (SGK, 2008), kişi. "
        f"En yüksek değerler {t1} ({tr_int(v1)}) ve {t2} ({tr_int(v2)}), "
        f"en düşük değerler {b1} ({tr_int(w1)}) ve {b2} ({tr_int(w2)}). "
        "Değerler doğal kırılmalarla (Fisher–Jenks) 5 sınıfa ayrıldı. " + BOUNDARY_TR
    )
    assert describe_map(choropleth_spec("employees")) == expected
    assert "Konak (199.310) ve Bornova (117.713)" in expected


def test_employees_english() -> None:
    ranked = table1("employees")
    (t1, v1), (t2, v2) = ranked[:2]
    (b1, w1), (b2, w2) = ranked[-1], ranked[-2]
    expected = (
        "The map shows a value for each of İzmir's 30 districts: Employees (SGK, 2008), persons. "
        f"{t1} ({en_int(v1)}) and {t2} ({en_int(v2)}) have the highest values, "
        f"{b1} ({en_int(w1)}) and {b2} ({en_int(w2)}) the lowest. "
        "Values are grouped into 5 classes by natural breaks (Fisher–Jenks). " + BOUNDARY_EN
    )
    assert describe_map(choropleth_spec("employees", lang="en")) == expected


def test_quantiles_say_how_the_classes_were_made() -> None:
    text = describe_map(choropleth_spec("employees", scheme="quantiles", k=4))
    assert (
        "Değerler, her sınıfta yaklaşık aynı sayıda ilçe olacak biçimde 4 sınıfa ayrıldı "
        "(kantiller)." in text
    )
    text = describe_map(choropleth_spec("firms", scheme="equal_interval", k=3, lang="en"))
    assert "Values are grouped into 3 classes of equal width." in text


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_rank_map_reads_rank_one_as_the_top(lang: str) -> None:
    ranked = [d for d, _ in table1("employees")]
    first, second, last, before_last = ranked[0], ranked[1], ranked[-1], ranked[-2]
    if lang == "tr":
        expected = (
            "Harita, İzmir'in 30 ilçesinin değerlerini gösteriyor: Çalışan sayısı (SGK, 2008) "
            "– sırası (1 = en yüksek). "
            f"{first} ilk sırada, {second} 2. sırada; {last} son sırada, {before_last} 29. sırada. "
            "Sıralar eşit genişlikte 5 sınıfa ayrıldı. " + BOUNDARY_TR
        )
    else:
        expected = (
            "The map shows a value for each of İzmir's 30 districts: Employees (SGK, 2008) "
            "– rank (1 = highest). "
            f"{first} ranks first and {second} 2nd; {last} ranks last and {before_last} 29th. "
            "Ranks are grouped into 5 classes of equal width. " + BOUNDARY_EN
        )
    assert describe_map(choropleth_spec("employees_rank", lang=lang)) == expected


def _osb_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in rows("osb.csv"):
        if r["kind"] in ("osb", "agricultural_osb"):
            counts[r["district"]] = counts.get(r["district"], 0) + 1
    return counts


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_osb_rank_map_says_ties_and_the_unranked(lang: str) -> None:
    counts = _osb_counts()
    top = max(counts.values())
    leaders = sorted(d for d, n in counts.items() if n == top)
    assert leaders == ["Kemalpaşa", "Kınık", "Torbalı"]  # two OSBs each (Kınık: one agricultural)
    rest = [d for d, n in counts.items() if n < top]
    zero = 30 - len(counts)
    if lang == "tr":
        expected = (
            "Harita, İzmir'in 30 ilçesinin değerlerini gösteriyor: Organize sanayi bölgesi "
            "sayısı – sırası (1 = en yüksek), güncel. Kemalpaşa, Kınık ve Torbalı birlikte ilk "
            f"sırada; {len(rest)} ilçe birlikte son sırada. Sıralar eşit genişlikte 2 sınıfa "
            f"ayrıldı. {zero} ilçe için sıra yok (OSB yok)."
        )
    else:
        expected = (
            "The map shows a value for each of İzmir's 30 districts: Organised industrial zones "
            "– rank (1 = highest), current. Kemalpaşa, Kınık and Torbalı rank joint first; "
            f"{len(rest)} districts rank joint last. Ranks are grouped into 2 classes of equal "
            f"width. No rank for {zero} districts (no OSB)."
        )
    assert describe_map(choropleth_spec("osb_count_rank", lang=lang)) == expected


def test_osb_count_map_counts_a_large_tie() -> None:
    zero = 30 - len(_osb_counts())
    text = describe_map(choropleth_spec("osb_count"))
    assert (
        f"En yüksek değerler Kemalpaşa, Kınık ve Torbalı (her biri 2); {zero} ilçede en düşük "
        "değer (0)." in text
    )
    text = describe_map(choropleth_spec("osb_count", lang="en"))
    assert (
        f"Kemalpaşa, Kınık and Torbalı (2 each) have the highest values; {zero} districts "
        "share the lowest value (0)." in text
    )


def _per_1000_2008_view() -> list[tuple[str, float]]:
    """Employees per 1,000 residents with Bayraklı in Karşıyaka and Karabağlar in Konak."""
    into = {r["district"]: r["merged_into_2008"] for r in rows("boundary_history.csv")}
    employees: dict[str, int] = {}
    population: dict[str, int] = {}
    for r in rows("table1_districts.csv"):
        unit = into.get(r["district"], r["district"])
        employees[unit] = employees.get(unit, 0) + int(r["employees"])
    for r in rows("population_2021.csv"):
        unit = into.get(r["district"], r["district"])
        population[unit] = population.get(unit, 0) + int(r["population"])
    rates = [(d, 1000 * employees[d] / population[d]) for d in employees]
    return sorted(rates, key=lambda p: -p[1])


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_per_capita_map_on_the_2008_boundaries(lang: str) -> None:
    ranked = _per_1000_2008_view()
    assert len(ranked) == 28
    (t1, v1), (t2, v2) = ranked[:2]
    (b1, w1), (b2, w2) = ranked[-1], ranked[-2]
    assert (t1, t2, b1, b2) == ("Kemalpaşa", "Aliağa", "Kiraz", "Kınık")

    def one(v: float) -> str:
        shown = f"{v:.1f}"
        return shown.replace(".", ",") if lang == "tr" else shown

    if lang == "tr":
        expected = (
            "Harita, İzmir'in 28 ilçesinin değerlerini gösteriyor: Çalışan sayısı (SGK, 2008), "
            "1.000 kişi başına, 2021 nüfusu ile (kişi / 1.000 kişi). "
            f"En yüksek değerler {t1} ({one(v1)}) ve {t2} ({one(v2)}), "
            f"en düşük değerler {b1} ({one(w1)}) ve {b2} ({one(w2)}). "
            "Değerler doğal kırılmalarla (Fisher–Jenks) 5 sınıfa ayrıldı. "
            "Veriler 2008 sınırlarıyla gösteriliyor: 2008'de kurulan Bayraklı ve Karabağlar, "
            "sırasıyla Karşıyaka ve Konak içinde."
        )
    else:
        expected = (
            "The map shows a value for each of İzmir's 28 districts: Employees (SGK, 2008), "
            "per 1,000 residents, 2021 population (persons per 1,000 residents). "
            f"{t1} ({one(v1)}) and {t2} ({one(v2)}) have the highest values, "
            f"{b1} ({one(w1)}) and {b2} ({one(w2)}) the lowest. "
            "Values are grouped into 5 classes by natural breaks (Fisher–Jenks). "
            "The data is shown on the 2008 boundaries: Bayraklı and Karabağlar, created in 2008, "
            "lie within Karşıyaka and Konak respectively."
        )
    assert describe_map(choropleth_spec("employees", per="capita", lang=lang)) == expected


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_exports_carry_the_year_and_boundary_caveats(lang: str) -> None:
    ranked = table1("exports_usd")
    (t1, v1), (t2, v2) = ranked[:2]
    (b1, w1), (b2, w2) = ranked[-1], ranked[-2]
    assert (t1, t2, b1, b2) == ("Konak", "Bornova", "Kiraz", "Çeşme")
    if lang == "tr":
        expected = (
            "Harita, İzmir'in 30 ilçesinin değerlerini gösteriyor: İhracat (ABD $), yıl "
            "belirtilmemiş (2008 varsayıldı). "
            f"En yüksek değerler {t1} ({tr_int(v1)}) ve {t2} ({tr_int(v2)}), "
            f"en düşük değerler {b1} ({tr_int(w1)}) ve {b2} ({tr_int(w2)}). "
            "Değerler doğal kırılmalarla (Fisher–Jenks) 5 sınıfa ayrıldı. " + BOUNDARY_TR
        )
    else:
        expected = (
            "The map shows a value for each of İzmir's 30 districts: Exports (USD), year not "
            "stated (2008 assumed). "
            f"{t1} ({en_int(v1)}) and {t2} ({en_int(v2)}) have the highest values, "
            f"{b1} ({en_int(w1)}) and {b2} ({en_int(w2)}) the lowest. "
            "Values are grouped into 5 classes by natural breaks (Fisher–Jenks). " + BOUNDARY_EN
        )
    assert describe_map(choropleth_spec("exports_usd", lang=lang)) == expected


def test_success_rate_names_its_midpoint() -> None:
    text = describe_map(choropleth_spec("izka_success_rate"))
    assert "Renk skalasının orta noktası İzmir geneli: %25,10." in text
    assert "En yüksek değerler Selçuk (%55,56) ve Beydağ (%50,00)" in text


@pytest.fixture
def partial_csv(tmp_path: Path) -> Path:
    """28 districts of Table 1's employees: Kiraz and Tire left out."""
    lines = ["ilçe;Çalışan"]
    lines += [f"{d};{tr_int(v)}" for d, v in table1("employees") if d not in ("Kiraz", "Tire")]
    path = tmp_path / "calisan.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_user_table_with_no_data_districts(partial_csv: Path, lang: str) -> None:
    ranked = [(d, v) for d, v in table1("employees") if d not in ("Kiraz", "Tire")]
    (t1, v1), (t2, v2) = ranked[:2]
    (b1, w1), (b2, w2) = ranked[-1], ranked[-2]
    spec, _ = user_choropleth_spec(partial_csv, column="Çalışan", lang=lang)
    text = describe_map(spec)
    if lang == "tr":
        assert text.startswith(
            "Harita, İzmir'in 30 ilçesinin değerlerini gösteriyor: Çalışan. "
            f"En yüksek değerler {t1} ({tr_int(v1)}) ve {t2} ({tr_int(v2)}), "
            f"en düşük değerler {b1} ({tr_int(w1)}) ve {b2} ({tr_int(w2)}). "
        )
        assert text.endswith("Kiraz ve Tire için veri yok.")
    else:
        assert text.startswith(
            "The map shows a value for each of İzmir's 30 districts: Çalışan. "
            f"{t1} ({en_int(v1)}) and {t2} ({en_int(v2)}) have the highest values, "
        )
        assert text.endswith("No data for Kiraz and Tire.")
    assert "2008" not in text  # a user's table carries no boundary caveat


def _osb_facts() -> tuple[int, int, int, int, int]:
    """(OSBs incl. agricultural, agricultural, free zones, private zones, with coordinates)."""
    data = rows("osb.csv")
    kinds = [r["kind"] for r in data]
    osbs = kinds.count("osb") + kinds.count("agricultural_osb")
    sourced = sum(1 for r in data if r["latitude"])
    return (
        osbs,
        kinds.count("agricultural_osb"),
        kinds.count("free_zone"),
        kinds.count("private_industrial_zone"),
        sourced,
    )


def test_osb_map_turkish() -> None:
    osbs, agri, free, private, sourced = _osb_facts()
    assert (osbs, agri, free, private, sourced) == (14, 1, 4, 1, 1)
    total = osbs + free + private
    expected = (
        f"Harita, İzmir'deki {osbs} organize sanayi bölgesini (1'i tarıma dayalı), {free} serbest "
        f"bölgeyi ve {private} özel endüstri bölgesini gösteriyor. {sourced} bölgenin konumu "
        f"kaynaktan alındı; {total - sourced} bölge, kaynakta koordinat olmadığı için ilçesinin "
        "içinde yaklaşık bir noktada gösteriliyor."
    )
    assert describe_map(osb_spec()) == expected


def test_osb_map_english() -> None:
    osbs, _, free, private, sourced = _osb_facts()
    total = osbs + free + private
    expected = (
        f"The map shows İzmir's {osbs} organised industrial zones (1 of them agricultural), "
        f"{free} free zones and {private} private industrial zone. {sourced} zone has a sourced "
        f"position; {total - sourced} zones are shown at approximate points inside their "
        "districts, as no source gives their coordinates."
    )
    assert describe_map(osb_spec(lang="en")) == expected


def _wind_facts() -> tuple[float, float, list[str], int, int]:
    capacity = {r["area"]: float(r["capacity_mw"]) for r in rows("wind_capacity.csv")}
    proposed = [r["district"] for r in rows("wind_proposed_districts.csv")]
    farms = rows("wind_farms.csv")
    placed = sum(1 for r in farms if r["district"])
    return capacity["İzmir"], capacity["Aliağa"], proposed, placed, len(farms) - placed


def test_wind_map_turkish() -> None:
    total, aliaga, proposed, placed, unplaced = _wind_facts()
    assert (total, aliaga) == (255.0, 147.5)
    assert f"{100 * aliaga / total:.1f}" == "57.8"
    assert sorted(proposed) == ["Aliağa", "Bergama", "Dikili", "Karaburun", "Urla", "Çeşme"]
    expected = (
        "Harita, İzmir'de 2009'da kurulu 255,0 MW rüzgâr gücünü ilçelere göre gösteriyor. "
        "Kaynağın bir ilçeye atadığı güç: Aliağa 147,5 MW (İzmir toplamının %57,8'i). "
        "İzmir'in 255,0 MW kurulu gücünün 107,5 MW'ı kaynakta bir ilçeye atanmamıştır; "
        "haritada dağıtılmamıştır. "
        "Rüzgâr yatırımı için önerilen 6 ilçe taralı: Aliağa, Bergama, Çeşme, Dikili, "
        "Karaburun ve Urla. "
        f"Güncel kaynaklardaki {placed} rüzgâr santrali de işaretli (eksik bir liste); "
        f"{unplaced} santral, ilçesi bilinmediği için haritada yok."
    )
    assert describe_map(wind_spec()) == expected


def test_wind_map_english() -> None:
    _, _, _, placed, unplaced = _wind_facts()
    expected = (
        "The map shows the wind capacity installed in İzmir in 2009, 255.0 MW, by district. "
        "Capacity the source assigns to a district: Aliağa 147.5 MW (57.8% of İzmir's total). "
        "107.5 MW of İzmir's 255.0 MW is not assigned to a district by the source; it is not "
        "spread over the map. "
        "The 6 districts proposed for wind investment are hatched: Aliağa, Bergama, Çeşme, "
        "Dikili, Karaburun and Urla. "
        f"{placed} present-day wind farms from current sources are also marked (an incomplete "
        f"list); {unplaced} more are not on the map, as their districts are unknown."
    )
    assert describe_map(wind_spec(lang="en")) == expected


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_combined_map_describes_all_three_layers(lang: str) -> None:
    text = describe_map(combined_spec(lang=lang))
    choropleth = describe_map(choropleth_spec("employees", lang=lang))
    assert text.startswith(choropleth + " ")
    if lang == "tr":
        assert "Harita ayrıca 14 organize sanayi bölgesini (1'i tarıma dayalı)" in text
        assert "Harita ayrıca İzmir'de 2009'da kurulu 255,0 MW rüzgâr gücünü gösteriyor." in text
    else:
        assert "The map also shows 14 organised industrial zones (1 of them agricultural)" in text
        assert "The map also shows the wind capacity installed in İzmir in 2009, 255.0 MW." in text


def test_extremes_and_groups() -> None:
    nan = float("nan")
    assert ranked_groups(["Urla", "Çeşme", "Buca", "Tire"], [1, 3, 1, nan]) == [
        (3.0, ["Çeşme"]),
        (1.0, ["Buca", "Urla"]),
    ]
    assert extremes(["A", "B", "C"], [3, 3, 1]) == [(3.0, ["A", "B"])]
    assert extremes(["A", "B", "C"], [3, 2, 1], highest=False) == [(1.0, ["C"]), (2.0, ["B"])]


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_a_tie_next_to_a_single_district_reads_as_one_list(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text("ilçe;Sayı\nUrla;250\nTire;170\nBuca;170\nFoça;110\nKiraz;160\n", "utf-8")
    spec, _ = user_choropleth_spec(path, column="Sayı", lang=lang)
    expected = {
        "tr": "En yüksek değerler Urla (250), Buca ve Tire (her biri 170); en düşük değerler "
        "Foça (110) ve Kiraz (160).",
        "en": "Urla (250), Buca and Tire (170 each) have the highest values; Foça (110) and "
        "Kiraz (160) the lowest.",
    }[lang]
    assert expected in describe_map(spec)


def test_descriptions_are_deterministic() -> None:
    assert describe_map(osb_spec()) == describe_map(osb_spec())
