"""Each map's "Veriyi indir": the values it shows as CSV and XLSX (``izmir_maps.downloads``).

What a planner gets: a CSV that Turkish Excel opens by double-click with the
numbers as the map writes them, a workbook with real numbers, the same bytes
on every build, and links in the map's legend that work from the atlas folder
— with and without a browser. Beside its table each map page links the
atlas's outlines with every indicator (``data/districts.geojson``, written
once, joined on the P-code) and the GeoPackage with a QGIS style per map; a
map's own GeoJSON is written on request only (``geojson_bytes``).
"""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path
from urllib.parse import unquote

import openpyxl
import pytest

from izmir_maps.atlas import GRID_MAPS, MARKER_MAPS, build_atlas
from izmir_maps.data.registry import indicator_ids
from izmir_maps.downloads import (
    ATLAS_FORMATS,
    csv_bytes,
    download_links,
    download_table,
    geojson_bytes,
    write_downloads,
    xlsx_bytes,
)
from izmir_maps.errors import OptionError
from izmir_maps.interactive.render import render_html
from izmir_maps.spec.map_spec import choropleth_spec, osb_spec, wind_spec
from izmir_maps.userdata.table import read_user_table

BOM = "\ufeff"
HEADER_TR = (
    "İlçe;P-kodu;Çalışan sayısı (SGK, 2008), kişi;Lejant sınıfı;Sıra (1 = en yüksek);"
    "İzmir içindeki payı, %;Sınır değişikliği"
)


@pytest.fixture(scope="module")
def employees():
    return choropleth_spec("employees")


@pytest.fixture(scope="module")
def employees_en():
    return choropleth_spec("employees", lang="en")


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8").split("\r\n")


# --- CSV --------------------------------------------------------------------------------------


def test_turkish_csv_opens_in_turkish_excel(employees) -> None:
    data = csv_bytes(download_table(employees))
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8, "Aliağa" not "AliaÄŸa"
    lines = _lines(data)
    assert lines[0] == BOM + HEADER_TR
    assert lines[1] == "Aliağa;TUR035001;27.225;27.225 – 47.504;9;4,14;"
    assert lines[7] == "Bornova;TUR035007;117.713;117.713;2;17,88;"
    assert lines[-1] == ""  # every line ends in CRLF, the last too
    assert len(lines) == 32  # header, 30 districts, the final line end
    assert "\n" not in data.decode("utf-8").replace("\r\n", "")


def test_turkish_csv_flags_the_2008_boundary_change(employees) -> None:
    rows = {line.split(";")[0]: line for line in _lines(csv_bytes(download_table(employees)))}
    assert rows["Bayraklı"] == (
        "Bayraklı;TUR035004;474;474 – 6.037;30;0,07;"
        '"2008\'de kuruldu; 2008 verisi büyük ölçüde Karşıyaka ilçesinde kayıtlı (tahmin)"'
    )
    assert rows["Konak"].endswith(
        ";2008 verisi büyük olasılıkla Karabağlar ilçesini de içerir (tahmin)"
    )
    assert rows["Aliağa"].endswith(";")  # no note where the map flags nothing


def test_english_csv_uses_commas_and_plain_numbers(employees_en) -> None:
    lines = _lines(csv_bytes(download_table(employees_en)))
    assert lines[0] == (
        BOM + 'District,P-code,"Employees (SGK, 2008), persons",Legend class,'
        'Rank (1 = highest),"Share of İzmir, %",Boundary change'
    )
    assert lines[1] == 'Aliağa,TUR035001,27225,"27,225 – 47,504",9,4.14,'


def test_csv_reads_back_with_izmir_maps_own_reader(employees, tmp_path: Path) -> None:
    path = tmp_path / "employees.csv"
    path.write_bytes(csv_bytes(download_table(employees)))
    table = read_user_table(path, column="Çalışan sayısı (SGK, 2008), kişi")
    assert table.separator == ";"
    assert table.decimal == ","
    values = dict(zip(table.values["district"], table.values["value"], strict=True))
    assert values["Aliağa"] == 27225
    assert values["Konak"] == 199310
    assert len(values) == 30


def test_values_are_rounded_as_the_map_shows_them() -> None:
    spec = choropleth_spec("employees", per="capita")  # 2008 data per 1,000: the 2008 view
    lines = _lines(csv_bytes(download_table(spec)))
    assert lines[0] == (
        BOM + "İlçe;P-kodu;Çalışan sayısı (SGK, 2008), 1.000 kişi başına, 2021 nüfusu ile, "
        "kişi / 1.000 kişi;Lejant sınıfı;Sıra (1 = en yüksek);Sınır değişikliği"
    )
    assert lines[1] == "Aliağa;TUR035001;263,4;234,7 – 286,8;2;"
    konak = next(line for line in lines if line.startswith("Konak"))
    assert konak == (
        "Konak (Karabağlar dahil);TUR035021;245,1;234,7 – 286,8;4;"
        "2008 sınırları: Karabağlar ilçesini de içerir"
    )
    assert len(lines) == 30  # 28 units of 2008, header, final line end


def test_a_rank_map_has_no_second_rank_and_says_why_a_district_has_none() -> None:
    lines = _lines(csv_bytes(download_table(choropleth_spec("osb_count_rank"))))
    assert (
        lines[0]
        == BOM + "İlçe;P-kodu;Organize sanayi bölgesi sayısı – sırası, 1 = en yüksek;Lejant sınıfı"
    )
    assert lines[1] == "Aliağa;TUR035001;4;4./30"
    assert lines[2] == "Balçova;TUR035002;;Sıra yok (OSB yok)"


def test_marker_maps_download_their_points() -> None:
    osb = _lines(csv_bytes(download_table(osb_spec())))
    assert osb[0] == BOM + "Ad;Tür;İlçe;P-kodu;Durum;Kurulu güç, MW;Konum;Enlem;Boylam"
    assert osb[1] == (
        "Aliağa Kimya İhtisas ve Karma Organize Sanayi Bölgesi;OSB;Aliağa;TUR035001;"
        "faaliyette;;kaynaktan;38,81480;27,03770"
    )
    assert len(osb) == 2 + len(osb_spec().osbs)
    wind = _lines(csv_bytes(download_table(wind_spec())))
    assert wind[1] == (
        "Aliağa;Rüzgâr kurulu gücü, 2009 (rapor);Aliağa;TUR035001;;147,5;"
        '"yaklaşık (ilçe içinde; kaynakta koordinat yok)";38,78054;27,03316'
    )
    farms = len(wind_spec().wind_farms) + len(wind_spec().wind_farms_unplaced)
    assert sum("Rüzgâr santrali (güncel)" in line for line in wind) == farms
    unplaced = [line for line in wind if "Konumu bilinmiyor" in line]
    assert len(unplaced) == len(wind_spec().wind_farms_unplaced)
    assert all(line.endswith("(haritada yok);;") for line in unplaced)


# --- XLSX -------------------------------------------------------------------------------------


def test_xlsx_holds_numbers_with_the_maps_decimals(employees) -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(download_table(employees))))
    sheet = book.worksheets[0]
    assert sheet.title == "Veri"
    assert [c.value for c in sheet[1]][:3] == ["İlçe", "P-kodu", "Çalışan sayısı (SGK, 2008), kişi"]
    aliaga = sheet[2]
    assert [c.value for c in aliaga] == [
        "Aliağa",
        "TUR035001",
        27225,
        "27.225 – 47.504",
        9,
        4.14,
        None,
    ]
    assert isinstance(aliaga[2].value, int)
    assert aliaga[2].number_format == "#,##0"  # Turkish Excel shows 27.225
    assert aliaga[4].number_format == "0"
    assert aliaga[5].number_format == "#,##0.00"  # 4,14
    assert sheet.max_row == 31  # the sheet is the table alone: it sorts and filters as it is
    assert sheet.freeze_panes == "A2"
    about = book.worksheets[1]
    assert about["A1"].value == "Çalışan sayısı (SGK, 2008), kişi"  # the map's title
    assert about["A2"].value.startswith("Kaynak: İZKA")


def test_xlsx_reads_back_with_izmir_maps_own_reader(employees, tmp_path: Path) -> None:
    path = tmp_path / "employees.xlsx"
    path.write_bytes(xlsx_bytes(download_table(employees)))
    table = read_user_table(path, column="Çalışan sayısı (SGK, 2008), kişi")
    values = dict(zip(table.values["district"], table.values["value"], strict=True))
    assert values["Aliağa"] == 27225
    assert len(values) == 30


def test_xlsx_points_keep_coordinates_as_numbers() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(download_table(osb_spec())))).active
    row = [c for c in sheet[2]]
    assert (row[7].value, row[8].value) == (38.8148, 27.0377)
    assert row[7].number_format == "0.00000"


def test_xlsx_is_byte_identical_on_rebuild(employees) -> None:
    table = download_table(employees)
    first = xlsx_bytes(table)
    time.sleep(2.1)  # zip times have a 2 s resolution: a stamped "now" would differ
    assert xlsx_bytes(download_table(employees)) == first
    book = openpyxl.load_workbook(io.BytesIO(first))
    assert book.properties.created == book.properties.modified
    assert book.properties.created.year == 2010


# --- GeoJSON ----------------------------------------------------------------------------------


def test_geojson_has_the_30_districts_with_their_values(employees) -> None:
    data = json.loads(geojson_bytes(download_table(employees)))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 30
    aliaga = data["features"][0]
    assert aliaga["properties"] == {
        "district": "Aliağa",
        "pcode": "TUR035001",
        "employees": 27225,
        "class": "27.225 – 47.504",
        "rank": 9,
        "employees_share": 4.14,
        "boundary_note": None,
    }
    assert aliaga["geometry"]["type"] in ("Polygon", "MultiPolygon")
    coords = re.findall(r"-?\d+\.\d+", json.dumps(aliaga["geometry"]))
    assert max(len(c.split(".")[1]) for c in coords) <= 6
    lon, lat = (float(v) for v in coords[:2])
    assert 26 < lon < 29 and 37 < lat < 40  # WGS84 degrees, İzmir


def test_geojson_points_and_unplaced_points() -> None:
    data = json.loads(geojson_bytes(download_table(wind_spec())))
    first = data["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [27.03316, 38.78054]}
    assert first["properties"]["capacity_mw"] == 147.5
    nulls = [f for f in data["features"] if f["geometry"] is None]
    assert len(nulls) == len(wind_spec().wind_farms_unplaced)


def test_write_downloads_gives_the_same_bytes_twice(employees, tmp_path: Path) -> None:
    first = write_downloads(employees, tmp_path / "a")
    second = write_downloads(choropleth_spec("employees"), tmp_path / "b")
    assert [p.name for p in first] == ["employees.csv", "employees.xlsx", "employees.geojson"]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_the_atlas_writes_a_maps_table_without_its_outlines(employees, tmp_path: Path) -> None:
    written = write_downloads(employees, tmp_path, ATLAS_FORMATS)
    assert [p.name for p in written] == ["employees.csv", "employees.xlsx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["employees.csv", "employees.xlsx"]


def test_an_unknown_download_format_is_refused(employees, tmp_path: Path) -> None:
    with pytest.raises(OptionError, match="Unknown download format 'shp'"):
        write_downloads(employees, tmp_path, ("csv", "shp"))
    assert list(tmp_path.iterdir()) == []  # refused before anything is written


# --- the links on the page --------------------------------------------------------------------


def test_a_single_map_links_no_downloads(employees) -> None:
    assert 'class="izm-dl"' not in render_html(employees).html
    assert "download=" not in render_html(employees).html


def test_links_sit_in_the_legend_footer(employees) -> None:
    page = render_html(employees, downloads=download_links("employees")).html
    # the legend's footer: a <div> since the map pages' a11y pass (a <footer> there was a landmark)
    footer = re.split(r'<(?:footer|div) class="izm-foot">', page)[1].split("</footer>")[0]
    assert footer.index("Kaynak: İZKA") < footer.index("Veriyi indir:")
    assert '<a href="../data/maps/employees.csv" download="employees.csv"' in footer
    assert ">CSV (Excel)</a> · <a" in footer
    line = re.search(r'<p class="izm-dl">(.*?)</p>', footer).group(1)
    # the map's table on one line; below it the outlines and the GeoPackage, once for the atlas
    assert re.sub(r"<a [^>]*>", "<a>", line) == (
        "<span>Veriyi indir:</span> <a>CSV (Excel)</a> · <a>XLSX</a><br>"
        "<a>Sınırlar + tüm göstergeler (GeoJSON)</a> · <a>GeoPackage (QGIS stiliyle)</a><br>"
        "Birleştirme anahtarı: tablodaki P-kodu = GeoJSON&#x27;daki pcode"
    )
    assert '<a href="../data/districts.geojson" download="districts.geojson"' in line
    assert '<a href="../data/izmir.gpkg" download="izmir.gpkg"' in line
    assert "employees.geojson" not in page


def test_english_links(employees_en) -> None:
    page = render_html(employees_en, downloads=download_links("employees")).html
    assert "Download the data:</span>" in page
    assert ">XLSX (Excel)</a>" in page
    assert ">Boundaries + all indicators (GeoJSON)</a>" in page
    assert ">GeoPackage (with QGIS style)</a>" in page
    assert "Join key: the table&#x27;s P-code = the GeoJSON&#x27;s pcode</p>" in page


def test_links_without_the_boundaries_name_no_join_key(employees) -> None:
    table_only = {k: v for k, v in download_links("employees").items() if k in ATLAS_FORMATS}
    page = render_html(employees, downloads=table_only).html
    assert ">XLSX</a></p>" in page  # the line ends with the table's links
    assert "Birleştirme anahtarı" not in page


# --- the built atlas --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def atlas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dl_atlas") / "atlas"
    build_atlas(out, static=False)
    return out


def test_every_map_of_the_atlas_links_its_table_and_the_shared_files(atlas: Path) -> None:
    for slug in [*indicator_ids(), *MARKER_MAPS]:
        page = (atlas / "maps" / f"{slug}.html").read_text(encoding="utf-8")
        hrefs = re.findall(r'<a href="([^"]+)" download=', page)
        assert hrefs == [
            f"../data/maps/{slug}.csv",
            f"../data/maps/{slug}.xlsx",
            "../data/districts.geojson",
            "../data/izmir.gpkg",
        ]


def test_every_download_link_of_every_page_is_a_file_of_the_atlas(atlas: Path) -> None:
    pages = [*(atlas / "maps").glob("*.html"), *(atlas / "grid").glob("*.html")]
    linked = 0
    for page in pages:
        for href in re.findall(r'<a href="([^"]+)" download=', page.read_text(encoding="utf-8")):
            assert (page.parent / unquote(href)).resolve().is_file(), (page.name, href)
            linked += 1
    assert linked == 4 * (len(indicator_ids()) + len(MARKER_MAPS) + len(GRID_MAPS))


def test_the_atlas_writes_no_outlines_per_map(atlas: Path) -> None:
    files = sorted(p.name for p in (atlas / "data" / "maps").iterdir())
    slugs = sorted([*indicator_ids(), *MARKER_MAPS])
    assert files == sorted(f"{slug}.{fmt}" for slug in slugs for fmt in ("csv", "xlsx"))
    assert sorted(p.name for p in atlas.rglob("*.geojson")) == ["districts.geojson"]


def test_the_linked_outlines_join_the_maps_table_on_the_pcode(atlas: Path) -> None:
    page = (atlas / "maps" / "employees.html").read_text(encoding="utf-8")
    assert '<a href="../data/districts.geojson" download="districts.geojson"' in page
    outlines = json.loads((atlas / "data" / "districts.geojson").read_text(encoding="utf-8"))
    by_pcode = {f["properties"]["pcode"]: f for f in outlines["features"]}
    assert len(by_pcode) == 30
    aliaga = by_pcode["TUR035001"]
    assert aliaga["properties"]["district"] == "Aliağa"
    assert aliaga["properties"]["employees"] == 27225  # Table 1 of the report
    assert aliaga["geometry"]["type"] in ("Polygon", "MultiPolygon")
    # the map's table, as a journalist joins it: P-code column → the outlines' pcode
    rows = [line.split(";") for line in _lines((atlas / "data/maps/employees.csv").read_bytes())]
    assert rows[0][1] == "P-kodu"
    table = {row[1]: row for row in rows[1:-1]}
    assert set(table) == set(by_pcode)  # every row finds its outline, every outline a row
    for pcode, row in table.items():
        value = int(row[2].replace(".", ""))  # Turkish thousands: "27.225"
        assert value == by_pcode[pcode]["properties"]["employees"], row[0]


def test_the_atlas_files_are_those_of_the_spec(atlas: Path, employees, tmp_path: Path) -> None:
    fresh = write_downloads(employees, tmp_path, ATLAS_FORMATS)
    for path in fresh:
        assert (atlas / "data" / "maps" / path.name).read_bytes() == path.read_bytes()


def test_every_data_path_a_page_cites_is_in_the_atlas(atlas: Path) -> None:
    cited: set[str] = set()
    for page in atlas.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        # a path named in the text ("… basın (data/osb.csv)") is read from the atlas folder
        for ref in re.findall(r"(?<![\w./])data/[\w./-]+\.(?:csv|geojson|xlsx)", text):
            cited.add(ref)
    assert {"data/osb.csv", "data/wind_farms.csv"} <= cited
    missing = sorted(ref for ref in cited if not (atlas / ref).is_file())
    assert missing == []


@pytest.mark.browser
def test_clicking_the_csv_link_downloads_the_file(atlas: Path, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    try:
        page.goto((atlas / "maps" / "employees.html").as_uri())
        link = page.get_by_role("link", name="CSV (Excel)")
        assert link.is_visible()
        with page.expect_download() as info:
            link.click()
        download = info.value
        assert download.suggested_filename == "employees.csv"
        lines = _lines(Path(download.path()).read_bytes())
        assert lines[0] == BOM + HEADER_TR
        assert lines[1] == "Aliağa;TUR035001;27.225;27.225 – 47.504;9;4,14;"
    finally:
        page.close()


@pytest.mark.browser
def test_the_xlsx_link_works_by_keyboard(atlas: Path, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    try:
        page.goto((atlas / "maps" / "employees.html").as_uri())
        link = page.get_by_role("link", name="XLSX")
        link.focus()
        assert page.evaluate("document.activeElement.getAttribute('href')") == (
            "../data/maps/employees.xlsx"
        )
        with page.expect_download() as info:
            page.keyboard.press("Enter")
        data = Path(info.value.path()).read_bytes()  # saved without a suffix
        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        assert sheet["C2"].value == 27225
    finally:
        page.close()


@pytest.mark.browser
def test_the_boundaries_link_opens_the_shared_outlines(atlas: Path, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    try:
        page.goto((atlas / "maps" / "firms.html").as_uri())
        assert page.get_by_text("Birleştirme anahtarı: tablodaki P-kodu").is_visible()
        gpkg = page.get_by_role("link", name="GeoPackage (QGIS stiliyle)")
        assert gpkg.get_attribute("href") == "../data/izmir.gpkg"
        link = page.get_by_role("link", name="Sınırlar + tüm göstergeler (GeoJSON)")
        assert link.is_visible()
        # from disk Chromium ignores `download` and opens the GeoJSON in the tab (so it did
        # for the per-map GeoJSON before); served over HTTP the same link saves the file
        link.click()
        page.wait_for_url("**/data/districts.geojson")
        data = json.loads(page.evaluate("document.body.innerText"))
        aliaga = next(f for f in data["features"] if f["properties"]["pcode"] == "TUR035001")
        assert aliaga["properties"]["firms"] == 1719  # this map's column is there, by its id
    finally:
        page.close()


# --- the pages' tables: a profile's key figures, the statistics page's tables (issue 14) ------


@pytest.fixture(scope="module")
def web_table():
    from izmir_maps.data.join import district_table

    return district_table("web")


def _read_csv(data: bytes, sep: str) -> list[list[str]]:
    import csv

    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    text_ = data.decode("utf-8-sig")
    assert "\r\n" in text_
    return list(csv.reader(io.StringIO(text_, newline=""), delimiter=sep))


def test_profile_figures_csv_reads_back_in_turkish_format(web_table) -> None:
    from izmir_maps.pages.profiles import profile_download

    rows = _read_csv(csv_bytes(profile_download(web_table, "TUR035001")), ";")
    assert rows[0] == [
        "Gösterge",
        "Değer",
        "Birim",
        "İzmir içindeki payı, %",
        "Sıra (30 ilçe içinde)",
        "İzmir ilçe medyanına oranı",
        "Yıl",
        "Not",
    ]
    by_label = {r[0]: r for r in rows[1:]}
    assert by_label["Çalışan sayısı (SGK, 2008)"] == [
        "Çalışan sayısı (SGK, 2008)", "27.225", "kişi", "4,14", "9", "3,69", "2008", ""
    ]  # fmt: skip
    assert by_label["İhracat"][1] == "673.307.314"
    assert by_label["Yüzölçümü"][1:3] == ["379,1", "km²"]  # one decimal, as the page writes it
    assert by_label["İZKA başarı oranı (başarılı / başvuru)"][1:3] == ["22,22", "%"]
    assert by_label["Kurulu rüzgâr gücü (2009)"][1] == "147,5"
    assert len(rows) == 11


def test_profile_figures_say_why_a_rank_is_missing_or_marked(web_table) -> None:
    from izmir_maps.pages.profiles import profile_download

    rows = _read_csv(csv_bytes(profile_download(web_table, "TUR035004")), ";")  # Bayraklı
    by_label = {r[0]: r for r in rows[1:]}
    employees = by_label["Çalışan sayısı (SGK, 2008)"]
    assert employees[1] == "474" and employees[4] == "30"
    assert employees[7].startswith("2008'de kuruldu")  # the page's †
    osb = by_label["Organize sanayi bölgesi sayısı"]
    assert osb[1] == "0" and osb[4] == "" and osb[7] == "OSB yok"


def test_profile_figures_xlsx_stores_numbers_with_their_formats(web_table) -> None:
    from izmir_maps.pages.profiles import profile_download

    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(profile_download(web_table, "TUR035001"))))
    sheet = book.worksheets[0]
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    employees = cells["Çalışan sayısı (SGK, 2008)"]
    assert employees[1].value == 27225 and employees[1].number_format == "#,##0"
    assert employees[3].value == pytest.approx(4.14) and employees[3].number_format == "#,##0.00"
    area = cells["Yüzölçümü"][1]
    assert area.value == pytest.approx(379.1) and area.number_format == "#,##0.0"
    assert isinstance(cells["Çalışan sayısı (SGK, 2008)"][4].value, int)  # the rank
    assert book.worksheets[1]["A1"].value == "Aliağa — ilçe profili: Temel göstergeler"


def test_english_profile_figures_are_plain_numbers(web_table) -> None:
    from izmir_maps.pages.profiles import profile_download

    rows = _read_csv(csv_bytes(profile_download(web_table, "TUR035001", lang="en")), ",")
    assert rows[0][:2] == ["Indicator", "Value"]
    assert rows[1][:4] == ["Employees (SGK, 2008)", "27225", "persons", "4.14"]


def test_statistics_tables_as_shown(web_table) -> None:
    from izmir_maps.pages.statistics import moran_download, ranking_download, render_stats_page

    _html, morans, ranking = render_stats_page(web_table)
    moran = _read_csv(csv_bytes(moran_download(morans)), ";")
    assert moran[0] == ["Gösterge", "n", "I", "E[I]", "z", "p (permütasyon)", "Yorum"]
    employees = moran[1]
    assert employees[0] == "Çalışan sayısı (SGK, 2008) – 2008 sınırları"
    assert employees[1:] == ["28", "0,189", "-0,037", "1,91", "0,052", "anlamlı kümelenme yok"]
    rows = _read_csv(csv_bytes(ranking_download(ranking)), ";")
    header = rows[0]
    aliaga = next(r for r in rows if r[0] == "Aliağa")
    assert aliaga[header.index("Çalışan sayısı (SGK, 2008)")] == "27.225"
    assert aliaga[header.index("Çalışan sayısı (SGK, 2008) – İzmir içindeki payı")] == "4,14"
    assert aliaga[header.index("Çalışan sayısı (SGK, 2008) – sırası")] == "9"
    assert header[-1] == "Not" and aliaga[-1] == ""
    konak = next(r for r in rows if r[0] == "Konak")
    assert "Karabağlar" in konak[-1]  # the page's † says why
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(moran_download(morans))))
    first = next(book.worksheets[0].iter_rows(min_row=2))
    assert first[2].value == pytest.approx(0.189) and first[2].number_format == "#,##0.000"
