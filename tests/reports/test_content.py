"""District reports' content (reports.content): the source's figures, sections, sources.

Expected figures are the source report's own (Aliağa Özet Raporu, Aralık 2010),
typed by hand; sentences are written out by hand.
"""

from __future__ import annotations

import importlib.util

import pytest

from izmir_maps.errors import IzmirMapsError, UnknownDistrictError
from izmir_maps.reports.content import ALIAGA_SECTIONS, SECTIONS, district_report
from izmir_maps.reports.model import Bullets, Figure, Paragraph, Report, Sentence, Table

ALL_30 = [
    "Aliağa", "Balçova", "Bayındır", "Bayraklı", "Bergama", "Beydağ", "Bornova", "Buca",
    "Çeşme", "Çiğli", "Dikili", "Foça", "Gaziemir", "Güzelbahçe", "Karabağlar", "Karaburun",
    "Karşıyaka", "Kemalpaşa", "Kınık", "Kiraz", "Konak", "Menderes", "Menemen", "Narlıdere",
    "Ödemiş", "Seferihisar", "Selçuk", "Tire", "Torbalı", "Urla",
]  # fmt: skip


def sentences(report: Report, key: str | None = None) -> list[Sentence]:
    out: list[Sentence] = []
    for section in report.sections:
        if key is not None and section.key != key:
            continue
        for block in section.blocks:
            if isinstance(block, Bullets):
                out += block.items
            elif isinstance(block, Paragraph):
                out += block.sentences
    return out


def texts(report: Report, key: str | None = None) -> list[str]:
    return [s.text for s in sentences(report, key)]


def tables(report: Report, key: str) -> list[Table]:
    section = next(s for s in report.sections if s.key == key)
    return [b for b in section.blocks if isinstance(b, Table)]


@pytest.fixture(scope="module")
def aliaga() -> Report:
    return district_report("Aliağa", figures=False)


@pytest.fixture(scope="module")
def aliaga_en() -> Report:
    return district_report("Aliağa", "en", figures=False)


def test_aliaga_carries_the_source_reports_figures(aliaga):
    employment = texts(aliaga, "employment")
    assert employment[:3] == [
        "2008 verilerine göre Aliağa'da 27.225 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu sayı İzmir toplam istihdamının %4,14'ünü oluşturuyor.",
        "Bu oranla Aliağa, ilçe bazında istihdam sıralamasında 9. sırada yer alıyor.",
    ]
    assert texts(aliaga, "firms")[0] == (
        "2008 verilerine göre Aliağa'da toplam 1.719 firma faaliyet gösteriyor."
    )
    assert "Aliağa'nın toplam ihracat oranı İzmir toplamının %8,14'ünü oluşturuyor." in texts(
        aliaga, "exports"
    )
    assert texts(aliaga, "wind")[0] == (
        "EWEA'nın 2009 verilerine göre İzmir'de kurulu 255 MW rüzgâr gücünün 147,5 MW'ı "
        "(%57,84) Aliağa'da."
    )


def test_aliaga_table3_row_is_9_applications_and_2_successes(aliaga):
    (table3,) = tables(aliaga, "izka")
    assert table3.caption.startswith("Tablo 3: Aliağa'dan İZKA mali destek programlarına")
    assert table3.rows[-1] == ("Genel toplam", "9", "2", "1.008", "253")
    assert table3.rows[0] == ("2008 KOBİ Mali Destek Programı*", "6", "2", "441", "89")
    assert table3.total and table3.highlight == (4,)
    assert texts(aliaga, "izka")[:3] == [
        "Aliağa'dan İZKA'nın 2008–2009 mali destek programlarına 9 proje başvurusu yapıldı; "
        "bunlardan 2'si başarılı bulunup sözleşme imzaladı.",
        "Bu sayıyla Aliağa, ilçe bazında İZKA başvuru sayısı sıralamasında Selçuk ile birlikte "
        "25. sırada yer alıyor.",
        "Aliağa'nın başarı oranı (%22,22) İzmir genelinin (%25,10) altında.",
    ]


def test_table1_highlights_the_district_and_ends_with_the_total(aliaga):
    (table1,) = tables(aliaga, "table1")
    assert table1.caption.startswith("Tablo 1: İzmir ve İlçelerinin Çalışan Sayısı")
    assert len(table1.rows) == 31 and table1.total
    assert table1.rows[table1.highlight[0]] == (
        "Aliağa", "27.225", "%4,14", "1.719", "%1,95", "673.307.314", "%8,14",
    )  # fmt: skip
    assert table1.rows[-1] == (
        "Toplam", "658.225", "%100,00", "88.039", "%100,00", "8.269.662.775", "%100,00",
    )  # fmt: skip
    # Turkish alphabetical order as the source prints it: Buca, Çeşme, Çiğli, Dikili
    names = [r[0].removesuffix(" †") for r in table1.rows[:-1]]
    assert names == ALL_30
    assert "Bayraklı †" in [r[0] for r in table1.rows]


def test_sections_of_aliaga_and_of_another_district(aliaga):
    keys = [s.key for s in aliaga.sections]
    assert set(keys) == set(SECTIONS) | set(ALIAGA_SECTIONS)
    assert keys[0] == "population" and keys.index("table1") > keys.index("wind")
    konak = district_report("konak", figures=False)
    assert [s.key for s in konak.sections] == list(SECTIONS)
    assert konak.title == "Konak — ilçe özet raporu"


def test_aliaga_only_content(aliaga):
    (swot,) = tables(aliaga, "swot")
    assert swot.caption == "Tablo 2: Aliağa GZFT Analizi Tablosu"
    assert [c.label for c in swot.columns][1:] == [
        "Güçlü yanlar", "Zayıf yanlar", "Fırsatlar", "Tehditler",
    ]  # fmt: skip
    assert "Rüzgar enerjisi potansiyeli" in " ".join(" ".join(r) for r in swot.rows)
    (axes,) = tables(aliaga, "axes")
    assert axes.rows[0][0] == "İŞLETMELERDE REKABET EDEBİLİRLİK"
    assert {r[0] for r in axes.rows} >= {"SÜRDÜRÜLEBİLİR ÇEVRE"}
    sectors = texts(aliaga, "sectors")
    assert sectors[0] == (
        "İstihdamda en büyük üç sektör (ilçe istihdamındaki payı): ana metal sanayi (%26,30) > "
        "inşaat (%17,65) > kimyasal madde ve ürünleri imalatı (%12,22)."
    )
    (facts,) = tables(aliaga, "profile")
    assert ("Nüfus", "Aliağa", "63.503 kişi", "2009") in facts.rows


def test_konak_first_place_and_kinik(aliaga):
    konak = district_report("KONAK", figures=False)
    assert texts(konak, "employment")[:3] == [
        "2008 verilerine göre Konak'ta 199.310 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu sayı İzmir toplam istihdamının %30,28'ini oluşturuyor.",
        "Bu oranla Konak, ilçe bazında istihdam sıralamasında ilk sırada yer alıyor.",
    ]
    kinik = district_report("kinik", figures=False)
    assert kinik.district == "Kınık" and kinik.slug == "kinik"
    assert texts(kinik, "employment")[:3] == [
        "2008 verilerine göre Kınık'ta 1.105 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu sayı İzmir toplam istihdamının %0,17'sini oluşturuyor.",
        "Bu oranla Kınık, ilçe bazında istihdam sıralamasında 26. sırada yer alıyor.",
    ]
    assert texts(kinik, "osb")[0].startswith(
        "Kınık'ta 1 organize sanayi bölgesi ve 1 tarıma dayalı ihtisas organize sanayi "
        "bölgesi bulunuyor: Kınık Organize Sanayi Bölgesi"
    )
    assert texts(kinik, "wind")[1] == (
        "Kınık, raporun rüzgâr elektrik santralleri bakımından yatırım alanı olarak önerdiği "
        "ilçeler (Aliağa, Bergama, Çeşme, Dikili, Karaburun ve Urla) arasında değil."
    )


def test_bayrakli_carries_the_boundary_caveat_and_the_last_place():
    report = district_report("Bayraklı", figures=False)
    caveat = (
        "Sınır değişikliği – Bayraklı: 2008'de kuruldu; 2008 verisi büyük ölçüde Karşıyaka "
        "ilçesinde kayıtlı (tahmin). Bu yüzden Bayraklı için 2008 verisine dayanan sayılar, "
        "oranlar ve sıralar yanıltıcı olabilir."
    )
    for key in ("population", "employment", "firms", "exports"):
        assert caveat in texts(report, key), key
    assert (
        "Bu oranla Bayraklı, ilçe bazında istihdam sıralamasında son sırada yer alıyor."
        in texts(report, "employment")
    )
    # a district without the change carries no caveat
    assert not any("Sınır değişikliği" in t for t in texts(district_report("Urla", figures=False)))


def test_population_is_stated_as_2021():
    report = district_report("Buca", figures=False)
    assert texts(report, "population")[:4] == [
        "2021 ADNKS verilerine göre Buca'nın nüfusu 517.963 kişi.",
        "Bu sayı İzmir nüfusunun %11,70'ini oluşturuyor.",
        "Bu oranla Buca, ilçe bazında nüfus sıralamasında ilk sırada yer alıyor.",
        "Nüfus 2021 yılına ait: tüm ilçeler için kaynağı olan tek nüfus verisi budur; raporun "
        "öteki verileri 2008–2009 yıllarına ait.",
    ]


def test_english_reads_naturally(aliaga_en):
    assert texts(aliaga_en, "employment")[:3] == [
        "In 2008, 27,225 people worked in Aliağa (insured employees, SGK).",
        "That is 4.14% of İzmir's total employment.",
        "This puts Aliağa 9th among İzmir's districts in employment.",
    ]
    assert aliaga_en.title == "Aliağa — district summary report"
    assert texts(aliaga_en, "wind")[0] == (
        "According to EWEA, of the 255 MW of wind capacity installed in İzmir in 2009, "
        "147.5 MW (57.84%) was in Aliağa."
    )
    (table1,) = tables(aliaga_en, "table1")
    assert table1.rows[0] == (
        "Aliağa", "27,225", "4.14%", "1,719", "1.95%", "673,307,314", "8.14%",
    )  # fmt: skip


@pytest.mark.parametrize("name", ALL_30)
def test_every_district_builds_with_cited_sources(name):
    report = district_report(name, figures=False)
    assert report.district == name
    numbers = [s.number for s in report.sources]
    assert numbers == list(range(1, len(numbers) + 1))
    cited: set[int] = set()
    for sentence in sentences(report):
        assert sentence.text.endswith("."), sentence.text
        assert sentence.text[0].isupper() or sentence.text[0] in "%*†0123456789", sentence.text
        assert set(sentence.notes) <= set(numbers), sentence.text
        cited |= set(sentence.notes)
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                assert set(block.notes) <= set(numbers)
                assert all(len(row) == len(block.columns) for row in block.rows)
                cited |= set(block.notes)
    assert cited == set(numbers)  # no footnote left uncited


def test_honesty_line():
    report = district_report("Tire", figures=False)
    assert "izmir-maps" in report.disclaimer
    assert "İZKA yayını değildir" in report.disclaimer
    assert report.author == "izmir-maps"
    assert "not an İZKA publication" in district_report("Tire", "en", figures=False).disclaimer


def test_any_spelling_or_pcode_gives_the_same_report(aliaga):
    assert district_report("ALİAĞA", figures=False) == aliaga
    assert district_report("TUR035001", figures=False) == aliaga


def test_report_is_deterministic(aliaga):
    assert district_report("Aliağa", figures=False) == aliaga


def test_an_unknown_district_is_one_clear_error():
    with pytest.raises(UnknownDistrictError) as caught:
        district_report("Alyaga")
    message = str(caught.value)
    assert isinstance(caught.value, IzmirMapsError)
    assert "'Alyaga' is not a known district" in message and "'Aliağa'" in message
    assert "\n" not in message


@pytest.mark.skipif(
    importlib.util.find_spec("izmir_maps.reports.figures") is None,
    reason="izmir_maps.reports.figures is not there yet",
)
def test_figures_are_numbered_in_reading_order():
    report = district_report("Kınık")
    figures = [b for s in report.sections for b in s.blocks if isinstance(b, Figure)]
    assert [f.caption.split(":")[0] for f in figures] == [
        "Şekil 1",
        "Şekil 2",
        "Şekil 3",
        "Şekil 4",
    ]
    where = [s.key for s in report.sections for b in s.blocks if isinstance(b, Figure)]
    assert where == ["population", "employment", "exports", "izka"]
    assert all(f.svg.lstrip().startswith("<svg") and f.alt for f in figures)
    assert district_report("Kınık") == report  # figures too are deterministic
