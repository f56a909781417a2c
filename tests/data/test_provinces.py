"""Every province: names, districts, neighbours, matching, and user maps of any province."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from izmir_maps.cli import main
from izmir_maps.data.boundaries import load_neighbours
from izmir_maps.data.provinces import (
    NATIONAL,
    province_districts,
    province_land,
    province_matcher,
    province_name,
    province_names,
    province_neighbours,
    resolve_province,
)
from izmir_maps.errors import DataError, OptionError, UnknownDistrictError
from izmir_maps.interactive._payload import unpack
from izmir_maps.interactive.render import render_html
from izmir_maps.spec.map_spec import MapSpec
from izmir_maps.spec.user_spec import user_choropleth_spec

NATIONAL_LIMIT = 2_500_000


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="izm-data">(.*?)</script>', page, re.S)
    assert match is not None
    return unpack(json.loads(match.group(1)))  # the national page sends its districts by column


def write_table(path: Path, names: list[str], values: list[float], sep: str = ";") -> Path:
    frame = pd.DataFrame({"İlçe": names, "Değer": values})
    path.write_text(frame.to_csv(index=False, sep=sep, lineterminator="\n"), encoding="utf-8")
    return path


# --- names and the national layer --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "pcode"),
    [
        ("İzmir", "TUR035"),
        ("IZMIR", "TUR035"),
        ("izmir", "TUR035"),
        ("İZMİR", "TUR035"),
        ("Manisa", "TUR045"),
        ("MANİSA", "TUR045"),
        ("Muğla", "TUR048"),
        ("Mugla", "TUR048"),
        ("afyonkarahisar", "TUR003"),
        ("Eskişehir", "TUR026"),  # the layer spells it "Eskişehır"
        ("tur017", "TUR017"),
        ("17", "TUR017"),
        ("Afyon", "TUR003"),
        ("urfa", "TUR063"),
        ("İçel", "TUR033"),
        ("Türkiye", NATIONAL),
        ("all", NATIONAL),
    ],
)
def test_resolve_province(name: str, pcode: str) -> None:
    assert resolve_province(name) == pcode


@pytest.mark.parametrize(
    ("name", "match"),
    [
        (
            "Manisaa",
            "province 'Manisaa' is not one of Türkiye's 81 provinces. Did you mean 'Manisa'?",
        ),
        ("Afyonkarahisr", "Did you mean 'Afyonkarahisar'?"),
        ("Atlantis", "'Atlantis' is not one of Türkiye's 81 provinces. Give a province name"),
        ("", "province '' is not one of"),
        ("99", "province '99' is not one of"),
    ],
)
def test_unknown_province_is_refused_with_suggestions(name: str, match: str) -> None:
    with pytest.raises(OptionError, match=re.escape(match)):
        resolve_province(name)


def test_81_provinces_and_973_districts() -> None:
    names = province_names()
    assert len(names) == len(set(names)) == 81
    assert names[34] == "İzmir" and "Eskişehir" in names and "Eskişehır" not in names
    everything = province_districts(NATIONAL)
    assert len(everything) == 973 and everything["pcode"].is_unique
    counts = everything.groupby("province_pcode").size()
    assert len(counts) == 81 and counts.min() >= 1 and counts.sum() == 973
    assert everything["pcode"].is_monotonic_increasing


def test_manisa_has_17_districts_with_turkish_names() -> None:
    manisa = province_districts("Manisa")
    assert len(manisa) == 17
    assert {"Şehzadeler", "Yunusemre", "Kırkağaç", "Gölmarmara"} <= set(manisa["district"])
    assert set(manisa["province"]) == {"Manisa"}
    assert manisa["pcode"].str.fullmatch(r"TUR045\d{3}").all()
    assert manisa["area_km2"].between(50, 3000).all()
    assert 13_000 < manisa["area_km2"].sum() < 14_000  # Manisa: about 13,340 km²


def test_neighbours_are_the_bordering_provinces() -> None:
    izmir = province_neighbours("İzmir")
    assert list(izmir["province"]) == sorted(load_neighbours()["province"], key=str)
    canakkale = set(province_neighbours("Çanakkale")["province"])
    assert canakkale == {"Balıkesir", "Edirne", "Tekirdağ"}
    assert len(province_neighbours(NATIONAL)) == 0
    assert province_name("TUR045") == "Manisa" and province_name(NATIONAL) == "Türkiye"


def test_land_holds_more_than_the_province() -> None:
    land = province_land("Van").geometry.iloc[0]
    van = province_districts("Van").union_all()
    assert land.contains(van.buffer(-0.01))
    assert land.area > 2 * van.area


# --- matching district names -------------------------------------------------------------------


def test_province_matcher_is_turkish_aware() -> None:
    manisa = province_matcher("MANİSA")
    assert manisa.area == "Manisa"
    assert manisa.name("SEHZADELER") == manisa.name("şehzadeler") == "Şehzadeler"
    assert manisa.name("KIRKAGAC") == "Kırkağaç"
    with pytest.raises(UnknownDistrictError, match="'Aliağa' is not a known district"):
        manisa.pcode("Aliağa")
    assert manisa.closest("Soma1") == ["Soma"]


def test_national_matcher_needs_the_province_for_shared_names() -> None:
    national = province_matcher("Türkiye")
    kale = {national.pcode(text) for text in ("Denizli/Kale", "KALE (DENİZLİ)", "denizli kale")}
    assert len(kale) == 1
    assert national.name(kale.pop()) == "Denizli/Kale"
    assert national.name("Kale (Malatya)") == "Malatya/Kale"
    assert national.name("ALİAĞA") == "İzmir/Aliağa"  # a name found once in Türkiye
    assert national.name("tur045001") == "Manisa/Ahmetli"
    with pytest.raises(UnknownDistrictError) as caught:
        national.pcode("Kale")
    assert str(caught.value) == (
        "'Kale' names districts of 2 provinces ('Denizli/Kale', 'Malatya/Kale'). "
        "Write the province with it, as 'Denizli/Kale', or use the P-code."
    )
    assert national.closest("Yenişehir") == [
        "Bursa/Yenişehir",
        "Diyarbakır/Yenişehir",
        "Mersin/Yenişehir",
    ]


# --- user maps of any province -----------------------------------------------------------------


@pytest.fixture(scope="module")
def maps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[MapSpec, list[str], str]]:
    folder = tmp_path_factory.mktemp("provinces")
    tables = {
        "İzmir": write_table(
            folder / "izmir.csv", ["ALİAĞA", "Bornova", "karsiyaka", "Konak"], [5, 40, 30, 60]
        ),
        "Manisa": write_table(
            folder / "manisa.csv",
            [*province_districts("Manisa")["district"]][:-1],  # Yunusemre left out
            [float(i * 7 % 23 + 1) for i in range(16)],
        ),
        "Çanakkale": write_table(
            folder / "canakkale.csv",
            ["GÖKÇEADA", "Bozcaada", "Çanakkale", "Biga", "Ezine", "Gelibolu", "Lapseki"],
            [8.5, 2.75, 180.0, 90.25, 30.0, 45.5, 28.0],
            sep=",",
        ),
    }
    out = {}
    for province, path in tables.items():
        spec, warnings = user_choropleth_spec(path, column="Değer", province=province)
        out[province] = (spec, warnings, render_html(spec).html)
    return out


@pytest.mark.parametrize(("province", "count"), [("İzmir", 30), ("Manisa", 17), ("Çanakkale", 12)])
def test_user_map_has_every_district_of_the_province(maps, province: str, count: int) -> None:
    spec, _, page = maps[province]
    data = page_data(page)
    assert len(data["d"]) == len(spec.districts) == count
    assert [d["n"] for d in data["d"]] == list(province_districts(province)["district"])
    assert all(d["g"] for d in data["d"])  # every district has a shape
    assert len(page.encode("utf-8")) < 300_000
    for label in spec.classification.labels(spec.indicator, "tr"):
        assert html.escape(label) in page


def test_izmir_by_name_is_the_default_map(maps, tmp_path: Path) -> None:
    spec, _, page = maps["İzmir"]
    default, _ = user_choropleth_spec(
        write_table(
            tmp_path / "izmir.csv", ["ALİAĞA", "Bornova", "karsiyaka", "Konak"], [5, 40, 30, 60]
        ),
        column="Değer",
    )
    assert render_html(default).html.replace("izmir.csv", "") == page.replace("izmir.csv", "")
    data = page_data(page)
    assert data["sea"]["n"] == "Ege Denizi" and "inland" in data and "land" not in data
    assert spec.title == "Değer"


def test_other_province_gets_its_own_context(maps) -> None:
    spec, warnings, page = maps["Manisa"]
    data = page_data(page)
    assert spec.title == "Değer – Manisa"
    assert {n["n"] for n in data["nb"]} == {
        "Aydın",
        "Balıkesir",
        "Denizli",
        "İzmir",
        "Kütahya",
        "Uşak",
    }
    assert "sea" not in data and "inland" not in data and data["land"]
    assert "Ege Denizi" not in page
    assert "Şehzadeler" in {d["n"] for d in data["d"]}
    w, s, e, n = province_districts("Manisa").total_bounds
    assert data["view"]["bounds"] == [
        [pytest.approx(s, abs=1e-4), pytest.approx(w, abs=1e-4)],
        [pytest.approx(n, abs=1e-4), pytest.approx(e, abs=1e-4)],
    ]
    assert warnings == ["1 district has no value and will be shown as 'no data': Yunusemre."]
    yunusemre = next(d for d in data["d"] if d["n"] == "Yunusemre")
    assert yunusemre["c"] == "#d9d9d9" and yunusemre["t"][0][1] == "Veri yok"
    assert "/30" not in json.dumps(data["d"])  # no rank "out of İzmir's 30 districts"


def test_islands_are_drawn(maps) -> None:
    _, warnings, page = maps["Çanakkale"]
    data = page_data(page)
    by_name = {d["n"]: d for d in data["d"]}
    for island in ("Gökçeada", "Bozcaada"):
        assert island in by_name and len(by_name[island]["g"]) >= 1
        assert by_name[island]["c"] != "#d9d9d9"  # it has a value
    assert len(by_name["Ezine"]["g"]) == 2  # Ezine has an islet off its coast
    assert {n["n"] for n in data["nb"]} == {"Balıkesir", "Edirne", "Tekirdağ"}
    assert "5 districts have no value" in warnings[0]


def test_unknown_district_of_another_province_is_reported(tmp_path: Path) -> None:
    path = write_table(tmp_path / "m.csv", ["Soma", "Akhisr"], [1, 2])
    with pytest.raises(DataError, match="Did you mean 'Akhisar'"):
        user_choropleth_spec(path, column="Değer", province="Manisa")


def test_national_map_of_973_districts(tmp_path: Path) -> None:
    everything = province_districts(NATIONAL)
    frame = pd.DataFrame(
        {"pcode": everything["pcode"], "value": [(i * 37) % 1000 for i in range(973)]}
    )
    path = tmp_path / "turkiye.csv"
    frame.to_csv(path, index=False)
    spec, warnings = user_choropleth_spec(
        path, column="value", province="Türkiye", scheme="quantiles"
    )
    assert warnings == []
    page = render_html(spec).html
    size = len(page.encode("utf-8"))
    print(f"national map: {size:,} bytes")
    assert size <= NATIONAL_LIMIT
    data = page_data(page)
    assert len(data["d"]) == 973 and data["nb"] == [] and "land" not in data
    assert data["pb"]  # province borders drawn over the district borders
    kale = [d for d in data["d"] if d["n"] == "Kale"]
    assert sorted(d["t"][0][1] for d in kale) == ["Denizli", "Malatya"]
    assert data["view"]["min"] < 7


# --- the command line --------------------------------------------------------------------------


def test_cli_maps_another_province(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_table(tmp_path / "manisa.csv", ["Soma", "Akhisar", "Turgutlu"], [3, 9, 4])
    out = tmp_path / "manisa.html"
    code = main(
        ["map", "--data", str(path), "--column", "Değer", "--province", "MANİSA", "--out", str(out)]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert len(page_data(out.read_text(encoding="utf-8"))["d"]) == 17
    assert "14 districts have no value" in captured.err


def test_cli_refuses_province_without_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["map", "employees", "--province", "Manisa", "--out", str(tmp_path / "x.html")])
    assert code == 2
    assert "--province 'Manisa' needs --data" in capsys.readouterr().err
    assert main(["map", "employees", "--province", "izmir", "--out", str(tmp_path / "e.html")]) == 0
    code = main(
        ["map", "--data", "x.csv", "--column", "v", "--province", "Mars", "--out", "x.html"]
    )
    assert code == 2
    assert "province 'Mars' is not one of Türkiye's 81 provinces" in capsys.readouterr().err


# --- static export -----------------------------------------------------------------------------


def test_static_map_of_another_province(maps, tmp_path: Path) -> None:
    from izmir_maps.static.render import save_static

    spec, _, _ = maps["Manisa"]
    png = save_static(spec, tmp_path / "manisa.png", dpi=60)
    svg = save_static(spec, tmp_path / "manisa.svg").read_text(encoding="utf-8")
    assert png.stat().st_size > 10_000
    names = set(spec.districts["district"])
    assert "Akhisar" in names
    assert sum(f">{name}<" in svg for name in names) >= len(names) - 2  # labelled in the SVG
    assert "İzmir merkez" not in svg  # no inset of İzmir's centre on Manisa's map
    assert "Ege Denizi" not in svg


# --- in a browser ------------------------------------------------------------------------------


@pytest.mark.browser
def test_province_maps_draw_in_chromium(maps, browser, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        for province, count in (("Manisa", 17), ("Çanakkale", 12)):
            file = tmp_path / f"{province}.html"
            file.write_text(maps[province][2], encoding="utf-8")
            page.goto(file.as_uri())
            page.wait_for_function("() => window.izmirMap !== undefined")
            assert page.locator("path.izm-district").count() == count
            assert page.locator(".izm-nbl span").count() >= 2
        assert errors == []
    finally:
        page.close()


def test_unknown_district_message_names_the_province(tmp_path) -> None:
    from izmir_maps.data.provinces import province_matcher, resolve_province
    from izmir_maps.errors import DataError
    from izmir_maps.userdata.table import read_user_table

    path = tmp_path / "manisa.csv"
    path.write_text("ilçe,değer\nAkhisar,10\nAkhsar,5\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"'Akhsar' is not a district of Manisa\. Did you mean"):
        read_user_table(path, column="değer", matcher=province_matcher(resolve_province("Manisa")))


def test_validate_checks_names_against_the_chosen_province(tmp_path, capsys) -> None:
    path = tmp_path / "manisa.csv"
    path.write_text("ilçe,değer\nAkhisar,10\nSalihli,5\n", encoding="utf-8")
    assert main(["validate", str(path), "--province", "Manisa"]) == 0
    assert "no problems found" in capsys.readouterr().out
    assert main(["validate", str(path)]) == 2  # İzmir by default: Akhisar is not İzmir's
    assert "'Akhisar' is not a district of İzmir" in capsys.readouterr().out
