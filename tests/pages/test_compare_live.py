"""The comparison the reader picks in the browser: ``compare.html`` (``pages.compare_live``).

The Python tests read the JSON the page carries; the browser tests (marked ``browser``,
network blocked, through the shared ``open_page`` fixture) pick districts with the
keyboard, reload, download the CSV and look at the page on a phone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from izmir_maps.data.join import district_table
from izmir_maps.pages.compare import render_comparison
from izmir_maps.pages.compare_live import live_data, render_live_comparison
from izmir_maps.write import write_text

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
ALIAGA, BORNOVA, FOCA, CIGLI = "TUR035001", "TUR035007", "TUR035012", "TUR035010"
EXAMPLES = [("compare/aliaga-cigli.html", "Aliağa – Çiğli")]


def _turkish(n: int) -> str:
    """An integer with Turkish thousands dots, written here independently of the package."""
    return f"{n:,}".replace(",", ".")


@pytest.fixture(scope="module")
def web():
    return district_table("web")


@pytest.fixture(scope="module")
def carried(web) -> dict:
    """The JSON of the Turkish page, read back from the page itself."""
    page = render_live_comparison(web, examples=EXAMPLES)
    found = re.search(r"<script type='application/json' id='cl-data'>(.*?)</script>", page, re.S)
    assert found is not None
    return json.loads(found.group(1))


def _column(data: dict, slug: str) -> dict[str, dict[str, str]]:
    """Indicator id → value, bar text and rank of district ``slug``."""
    i = [d["s"] for d in data["d"]].index(slug)
    return {r["id"]: {"v": r["v"][i], "bt": r["bt"][i], "r": r["r"][i]} for r in data["rows"]}


# --- the data the page carries ---------------------------------------------------------------


def test_the_page_carries_the_30_districts_in_turkish_alphabetical_order(carried) -> None:
    names = [d["n"] for d in carried["d"]]
    assert len(names) == 30 == len({d["s"] for d in carried["d"]})
    assert names[:3] == ["Aliağa", "Balçova", "Bayındır"]
    assert names.index("Buca") < names.index("Çeşme") < names.index("Dikili")
    assert names.index("Narlıdere") < names.index("Ödemiş") < names.index("Seferihisar")
    cigli = carried["d"][names.index("Çiğli")]
    assert (cigli["s"], cigli["p"], cigli["k"], cigli["u"]) == (
        "cigli",
        CIGLI,
        "cigli",
        "districts/cigli.html",
    )


@pytest.mark.parametrize("name", ["Aliağa", "Bornova", "Foça", "Ödemiş", "Bayraklı"])
def test_carried_values_are_the_tables_of_data_formatted_in_turkish(
    carried, raw_data, name: str
) -> None:
    table1 = raw_data("table1_districts.csv").set_index("district").loc[name]
    izka = raw_data("table3_izka_support.csv")
    izka = izka[(izka["district"] == name) & (izka["programme_id"] == "all")].iloc[0]
    people = raw_data("population_2021.csv").set_index("district").loc[name, "population"]
    shown = _column(carried, next(d["s"] for d in carried["d"] if d["n"] == name))
    assert shown["employees"]["v"] == f"{_turkish(int(table1['employees']))} kişi"
    assert shown["firms"]["v"] == f"{_turkish(int(table1['firms']))} firma"
    assert shown["exports_usd"]["v"] == f"{_turkish(int(table1['exports_usd']))} ABD $"
    assert shown["izka_applications"]["v"] == f"{int(izka['applications'])} proje"
    assert shown["izka_successful"]["v"] == f"{int(izka['successful'])} proje"
    rate = 100 * izka["successful"] / izka["applications"]
    assert shown["izka_success_rate"]["v"] == "%" + f"{rate:.2f}".replace(".", ",")
    assert shown["population"]["v"] == f"{_turkish(int(people))} kişi"
    assert shown["employees"]["bt"] == _turkish(int(table1["employees"]))  # the bar: no unit


def test_aliagas_figures_and_ranks_are_those_of_the_ready_made_comparison(carried) -> None:
    aliaga = _column(carried, "aliaga")
    assert aliaga["employees"] == {"v": "27.225 kişi", "bt": "27.225", "r": "9./30"}
    assert aliaga["area_km2"]["v"] == "379,1 km²"
    assert aliaga["wind_capacity_mw"] == {"v": "147,5 MW", "bt": "147,5", "r": "–"}
    assert _column(carried, "foca")["osb_count"]["r"] == "– (OSB yok)"


def test_ranks_of_2008_data_carry_the_boundary_mark_as_the_profiles_do(carried) -> None:
    bayrakli = _column(carried, "bayrakli")
    assert bayrakli["employees"]["r"] == "30./30 †"
    assert bayrakli["exports_usd"]["r"] == "19./30 †"
    assert bayrakli["population"]["r"] == "6./30"  # 2021 data: the change does not matter
    assert _column(carried, "karsiyaka")["employees"]["r"].endswith(" †")
    assert not _column(carried, "bornova")["employees"]["r"].endswith("†")
    notes = {d["s"]: d["b"] for d in carried["d"] if d["b"]}
    assert sorted(notes) == ["bayrakli", "karabaglar", "karsiyaka", "konak"]
    assert notes["bayrakli"].startswith("Bayraklı: 2008'de kuruldu")


def test_every_pair_has_its_difference_and_ratio_as_text(carried) -> None:
    slugs = [d["s"] for d in carried["d"]]
    a, c = slugs.index("aliaga"), slugs.index("cigli")
    employees = carried["rows"][0]
    assert employees["d"][a][c] == "−12.009" and employees["d"][c][a] == "12.009"
    assert employees["q"][a][c] == "0,69×" and employees["q"][c][a] == "1,44×"
    rate = next(r for r in carried["rows"] if r["id"] == "izka_success_rate")
    assert rate["d"][a][c] == "3,62 puan"
    assert all(len(r["d"]) == 30 and {len(x) for x in r["q"]} == {30} for r in carried["rows"])


def test_csv_lines_follow_the_downloads_rules(carried) -> None:
    head = carried["csv"]["head"].split(";")
    assert head[:4] == [
        "İlçe",
        "P-kodu",
        "Çalışan sayısı (SGK, 2008), kişi",
        "Çalışan sayısı (SGK, 2008): sıra (1 = en yüksek)",
    ]
    assert head[-1] == "Sınır değişikliği"
    aliaga = carried["csv"]["rows"]["aliaga"].split(";")
    assert aliaga[:4] == ["Aliağa", ALIAGA, "27.225", "9"]
    assert aliaga[head.index("İZKA başarı oranı (başarılı / başvuru), %")] == "22,22"
    assert aliaga[head.index("Yüzölçümü, km²")] == "379,1"
    assert aliaga[head.index("İhracat, ABD $")] == "673.307.314"
    bayrakli = carried["csv"]["rows"]["bayrakli"]
    assert bayrakli.endswith(
        ';"2008\'de kuruldu; 2008 verisi büyük ölçüde Karşıyaka ilçesinde kayıtlı (tahmin)"'
    )


def test_english_page_uses_english_words_and_formats(web) -> None:
    data = live_data(web, lang="en")
    assert _column(data, "aliaga")["employees"]["v"] == "27,225 persons"
    assert data["csv"]["rows"]["aliaga"].startswith("Aliağa,TUR035001,27225,9,")
    assert data["w"]["indicator"] == "Indicator"
    page = render_live_comparison(web, lang="en")
    assert '<html lang="en">' in page and "Compare districts" in page


def test_the_page_is_the_same_byte_for_byte_when_rendered_again(web) -> None:
    assert render_live_comparison(web, examples=EXAMPLES) == render_live_comparison(
        web, examples=EXAMPLES
    )


def test_the_ready_made_comparison_links_to_the_live_page_with_its_districts(web) -> None:
    page = render_comparison(web, [ALIAGA, CIGLI], live="../compare.html")
    assert "href='../compare.html#aliaga,cigli'" in page
    assert "compare.html#" not in render_comparison(web, [ALIAGA, CIGLI])  # the CLI's page


def test_the_ready_made_comparison_marks_2008_ranks_of_the_changed_districts(web) -> None:
    bayrakli = web.loc[web["district"] == "Bayraklı", "pcode"].iloc[0]
    page = render_comparison(web, [bayrakli, BORNOVA])
    assert '<td class="num">30./30 †</td>' in page
    assert "† Bu ilçelerde 2008 sınır değişikliği" in page


# --- in the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, web) -> dict[str, Path]:
    """``compare.html`` (tr, en) and two ready-made comparisons where the atlas puts them."""
    out = tmp_path_factory.mktemp("live")
    pages = {
        "tr": write_text(out / "compare.html", render_live_comparison(web, examples=EXAMPLES)),
        "en": write_text(out / "en" / "compare.html", render_live_comparison(web, lang="en")),
    }
    for name, pcodes in (
        ("two", [ALIAGA, CIGLI]),
        ("four", [ALIAGA, "TUR035005", FOCA, "TUR035023"]),
    ):
        pages[name] = write_text(
            out / "compare" / f"{name}.html",
            render_comparison(web, pcodes, home="../index.html", live="../compare.html"),
        )
    return pages


class Live:
    """What a reader of compare.html sees (mixed into the ``Visit`` that ``open_page`` gives)."""

    page: object

    def hash(self) -> str:
        return self.page.evaluate("location.hash")

    def header(self) -> list[str]:
        return [t.strip() for t in self.page.locator("#cl-table thead th").all_inner_texts()]

    def rows(self) -> list[list[str]]:
        rows = self.page.locator("#cl-table tbody tr")
        return [
            [c.strip() for c in rows.nth(i).locator("td").all_inner_texts()]
            for i in range(rows.count())
        ]

    def checked(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "#cl-boxes input:checked", "boxes => boxes.map(b => b.value)"
        )

    def outlined(self) -> list[set[str]]:
        return self.page.eval_on_selector_all(
            "#cl-maps svg",
            "svgs => svgs.map(s => Array.from(s.querySelectorAll('path.cl-picked'), p => p.dataset.pcode))",
        )

    def status(self) -> str:
        return self.page.locator("#cl-status").inner_text()


@pytest.fixture
def live(open_page, site):
    def open_(name: str = "tr", fragment: str = "", viewport: dict = DESKTOP) -> Live:
        url = site[name].as_uri() + (f"#{fragment}" if fragment else "")
        return open_page(url, viewport=viewport, ready="load", helpers=Live, own_context=True)

    return open_


@pytest.mark.browser
def test_a_link_with_three_districts_draws_their_comparison(live) -> None:
    seen = live(fragment="aliaga,bornova,foca")
    assert seen.checked() == ["aliaga", "bornova", "foca"]
    header = seen.header()
    assert header[:7] == [
        "Gösterge",
        "Aliağa",
        "Aliağa: sıra",
        "Bornova",
        "Bornova: sıra",
        "Foça",
        "Foça: sıra",
    ]
    assert header[7:] == ["Bornova / Aliağa", "Foça / Aliağa"]
    assert seen.rows()[0][:3] == ["Çalışan sayısı (SGK, 2008)", "27.225 kişi", "9./30"]
    assert seen.page.title() == "Aliağa – Bornova – Foça karşılaştırması"
    assert [sorted(o) for o in seen.outlined()] == [sorted([ALIAGA, BORNOVA, FOCA])] * 3
    bars = seen.page.locator("#cl-bars .card").first
    assert bars.locator(".cl-val").all_inner_texts() == ["27.225", "117.713", "2.631"]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("ready", "fragment"), [("two", "aliaga,cigli"), ("four", "aliaga,bergama,foca,menemen")]
)
def test_the_live_table_equals_the_ready_made_one(live, open_page, site, ready, fragment) -> None:
    made = open_page(site[ready].as_uri(), viewport=DESKTOP, ready="load").page
    table = made.locator("table").first
    expected = [t.strip() for t in table.locator("thead th").all_inner_texts()]
    expected_rows = [
        [c.strip() for c in table.locator("tbody tr").nth(i).locator("td").all_inner_texts()]
        for i in range(table.locator("tbody tr").count())
    ]
    seen = live(fragment=fragment)
    assert seen.header() == expected
    assert seen.rows() == expected_rows
    link = made.get_by_role("link", name="Başka ilçeleri seçin: etkileşimli karşılaştırma")
    assert link.get_attribute("href") == f"../compare.html#{fragment}"


@pytest.mark.browser
def test_the_keyboard_picks_a_fourth_and_refuses_a_fifth(live) -> None:
    seen = live(fragment="aliaga,bornova,foca")
    page = seen.page
    for _ in range(6):  # the page's links, the filter box, then the first district
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "checkbox":
            break
    assert page.evaluate("document.activeElement.value") == "aliaga"
    page.keyboard.press("Tab")  # Balçova
    page.keyboard.press("Space")
    assert seen.hash() == "#aliaga,bornova,foca,balcova"
    assert seen.header()[7:9] == ["Balçova", "Balçova: sıra"]
    assert sorted(seen.outlined()[0]) == sorted([ALIAGA, BORNOVA, FOCA, "TUR035002"])
    page.keyboard.press("Tab")  # Bayındır: a fifth
    page.keyboard.press("Space")
    assert seen.checked() == ["aliaga", "balcova", "bornova", "foca"]
    assert not page.locator("#cl-boxes input[value=bayindir]").is_checked()
    assert "En çok 4 ilçe karşılaştırılabilir; Bayındır eklenmedi." in seen.status()
    assert seen.hash() == "#aliaga,bornova,foca,balcova"
    assert len(seen.outlined()[0]) == 4
    page.keyboard.press("Shift+Tab")  # back to Balçova: Space unticks it
    page.keyboard.press("Space")
    assert seen.hash() == "#aliaga,bornova,foca"
    assert "Bayındır" not in seen.status()


@pytest.mark.browser
def test_reloading_the_address_restores_the_choice(live) -> None:
    seen = live(fragment="aliaga,bornova")
    seen.page.locator("#cl-boxes input[value=cigli]").check()
    assert seen.hash() == "#aliaga,bornova,cigli"
    seen.page.reload()
    seen.page.wait_for_load_state("load")
    assert seen.checked() == ["aliaga", "bornova", "cigli"]
    assert seen.header()[5] == "Çiğli"  # in the order picked, not the list's order
    seen.page.evaluate("location.hash = '#konak,buca'")  # the reader edits the address
    seen.page.wait_for_function("document.querySelector('#cl-boxes input[value=konak]').checked")
    assert seen.checked() == ["buca", "konak"] and seen.header()[1] == "Konak"


@pytest.mark.browser
def test_no_address_shows_the_example_and_unknown_names_are_ignored_with_a_note(live) -> None:
    seen = live()
    assert seen.checked() == ["aliaga", "bornova"] and seen.header()[1] == "Aliağa"
    other = live(fragment="aliaga,istanbul,%C3%87%C4%B0%C4%9EL%C4%B0")  # ÇİĞLİ as typed
    assert other.checked() == ["aliaga", "cigli"]
    assert "Adresteki tanınmayan ilçe yok sayıldı: istanbul." in other.status()
    many = live(fragment="aliaga,bornova,foca,cigli,urla")
    assert many.checked() == ["aliaga", "bornova", "cigli", "foca"]
    assert "Adreste 4'ten çok ilçe vardı; ilk 4'ü gösteriliyor." in many.status()


@pytest.mark.browser
def test_fewer_than_two_says_so_and_hides_the_comparison(live) -> None:
    seen = live(fragment="aliaga,bornova")
    seen.page.locator("#cl-boxes input[value=bornova]").uncheck()
    assert "Karşılaştırma için en az 2 ilçe seçin (şu an 1 seçili)." in seen.status()
    assert seen.page.locator("#cl-result").is_hidden()
    assert seen.outlined()[0] == [ALIAGA]
    assert seen.hash() == "#aliaga"


@pytest.mark.browser
def test_the_filter_finds_a_district_however_it_is_typed(live) -> None:
    seen = live(fragment="aliaga,bornova")
    page = seen.page
    for typed in ("ÇİĞLİ", "cigli", "Çiğ"):
        page.fill("#cl-filter", typed)
        shown = [b for b in page.locator("#cl-boxes label").all() if b.is_visible()]
        names = sorted(b.inner_text().strip() for b in shown)
        assert names == ["Aliağa", "Bornova", "Çiğli"]  # the picked stay to be unticked
    page.fill("#cl-filter", "istanbul")
    assert page.locator("#cl-none").is_visible()
    page.fill("#cl-filter", "odem")
    page.press("#cl-filter", "Enter")  # picks the first district left
    assert seen.hash() == "#aliaga,bornova,odemis"


@pytest.mark.browser
def test_the_csv_download_holds_the_picked_districts_for_turkish_excel(live) -> None:
    seen = live(fragment="aliaga,bornova,foca")
    with seen.page.expect_download() as info:
        seen.page.get_by_role("button", name="Veriyi indir (CSV)").click()
    download = info.value
    assert download.suggested_filename == "karsilastirma-aliaga-bornova-foca.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[-1] == "" and len(lines) == 5
    head = lines[0].split(";")
    assert head[:3] == ["İlçe", "P-kodu", "Çalışan sayısı (SGK, 2008), kişi"]
    rows = [line.split(";") for line in lines[1:4]]
    assert [r[0] for r in rows] == ["Aliağa", "Bornova", "Foça"]
    assert rows[0][2] == "27.225"
    assert rows[0][head.index("İZKA başarı oranı (başarılı / başvuru), %")] == "22,22"
    assert rows[2][head.index("Yüzölçümü, km²")] == "250,0"


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_a_phone_shows_the_page_without_sideways_scrolling(live, lang: str) -> None:
    seen = live(lang, fragment="aliaga,bornova,foca,menemen", viewport=PHONE)
    page = seen.page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    sizes = page.eval_on_selector_all(
        "#cl-bars .cl-val, #cl-bars .cl-name, #cl-boxes label",
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))",
    )
    assert min(sizes) >= 12
    assert page.locator("#cl-bars .card").first.is_visible()


@pytest.mark.browser
def test_the_english_page_draws_in_english(live) -> None:
    seen = live("en", fragment="aliaga,cigli")
    assert seen.header()[:3] == ["Indicator", "Aliağa", "Aliağa: rank"]
    assert seen.rows()[0][1] == "27,225 persons"
    assert seen.page.locator("#cl-status").inner_text() == "Comparing: Aliağa, Çiğli."
