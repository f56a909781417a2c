"""The report's sentence forms (reports.sentences), against sentences written out by hand.

Every expected sentence below was typed by hand from Table 1 of the source report
(employees, and the rank they give) and read aloud as Turkish; none is generated
with code. The suffix after each name follows its last vowel and last sound:
Konak'ta, Kınık'ta, Menderes'te, Ödemiş'te, Selçuk'ta (voiceless ending), Çeşme'de.
"""

from __future__ import annotations

import pytest

from izmir_maps.reports import sentences as say

# (district, employees 2008, employment rank of 30, the employment sentence, the rank sentence)
EMPLOYMENT = [
    (
        "Aliağa", 27225, 9,
        "2008 verilerine göre Aliağa'da 27.225 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Aliağa, ilçe bazında istihdam sıralamasında 9. sırada yer alıyor.",
    ),
    (
        "Balçova", 10947, 12,
        "2008 verilerine göre Balçova'da 10.947 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Balçova, ilçe bazında istihdam sıralamasında 12. sırada yer alıyor.",
    ),
    (
        "Bayındır", 1806, 24,
        "2008 verilerine göre Bayındır'da 1.806 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Bayındır, ilçe bazında istihdam sıralamasında 24. sırada yer alıyor.",
    ),
    (
        "Bayraklı", 474, 30,
        "2008 verilerine göre Bayraklı'da 474 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Bayraklı, ilçe bazında istihdam sıralamasında son sırada yer alıyor.",
    ),
    (
        "Bergama", 7159, 16,
        "2008 verilerine göre Bergama'da 7.159 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Bergama, ilçe bazında istihdam sıralamasında 16. sırada yer alıyor.",
    ),
    (
        "Beydağ", 677, 28,
        "2008 verilerine göre Beydağ'da 677 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Beydağ, ilçe bazında istihdam sıralamasında 28. sırada yer alıyor.",
    ),
    (
        "Bornova", 117713, 2,
        "2008 verilerine göre Bornova'da 117.713 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Bornova, ilçe bazında istihdam sıralamasında 2. sırada yer alıyor.",
    ),
    (
        "Buca", 28257, 8,
        "2008 verilerine göre Buca'da 28.257 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Buca, ilçe bazında istihdam sıralamasında 8. sırada yer alıyor.",
    ),
    (
        "Çeşme", 7661, 14,
        "2008 verilerine göre Çeşme'de 7.661 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Çeşme, ilçe bazında istihdam sıralamasında 14. sırada yer alıyor.",
    ),
    (
        "Çiğli", 39234, 4,
        "2008 verilerine göre Çiğli'de 39.234 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Çiğli, ilçe bazında istihdam sıralamasında 4. sırada yer alıyor.",
    ),
    (
        "Dikili", 3287, 20,
        "2008 verilerine göre Dikili'de 3.287 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Dikili, ilçe bazında istihdam sıralamasında 20. sırada yer alıyor.",
    ),
    (
        "Foça", 2631, 23,
        "2008 verilerine göre Foça'da 2.631 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Foça, ilçe bazında istihdam sıralamasında 23. sırada yer alıyor.",
    ),
    (
        "Gaziemir", 32360, 5,
        "2008 verilerine göre Gaziemir'de 32.360 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Gaziemir, ilçe bazında istihdam sıralamasında 5. sırada yer alıyor.",
    ),
    (
        "Güzelbahçe", 3167, 21,
        "2008 verilerine göre Güzelbahçe'de 3.167 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Güzelbahçe, ilçe bazında istihdam sıralamasında 21. sırada yer alıyor.",
    ),
    (
        "Karabağlar", 520, 29,
        "2008 verilerine göre Karabağlar'da 520 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Karabağlar, ilçe bazında istihdam sıralamasında 29. sırada yer alıyor.",
    ),
    (
        "Karaburun", 819, 27,
        "2008 verilerine göre Karaburun'da 819 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Karaburun, ilçe bazında istihdam sıralamasında 27. sırada yer alıyor.",
    ),
    (
        "Karşıyaka", 47504, 3,
        "2008 verilerine göre Karşıyaka'da 47.504 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Karşıyaka, ilçe bazında istihdam sıralamasında 3. sırada yer alıyor.",
    ),
    (
        "Kemalpaşa", 32133, 6,
        "2008 verilerine göre Kemalpaşa'da 32.133 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Kemalpaşa, ilçe bazında istihdam sıralamasında 6. sırada yer alıyor.",
    ),
    (
        "Kınık", 1105, 26,
        "2008 verilerine göre Kınık'ta 1.105 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Kınık, ilçe bazında istihdam sıralamasında 26. sırada yer alıyor.",
    ),
    (
        "Kiraz", 1471, 25,
        "2008 verilerine göre Kiraz'da 1.471 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Kiraz, ilçe bazında istihdam sıralamasında 25. sırada yer alıyor.",
    ),
    (
        "Konak", 199310, 1,
        "2008 verilerine göre Konak'ta 199.310 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Konak, ilçe bazında istihdam sıralamasında ilk sırada yer alıyor.",
    ),
    (
        "Menderes", 13417, 11,
        "2008 verilerine göre Menderes'te 13.417 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Menderes, ilçe bazında istihdam sıralamasında 11. sırada yer alıyor.",
    ),
    (
        "Menemen", 15036, 10,
        "2008 verilerine göre Menemen'de 15.036 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Menemen, ilçe bazında istihdam sıralamasında 10. sırada yer alıyor.",
    ),
    (
        "Narlıdere", 5237, 18,
        "2008 verilerine göre Narlıdere'de 5.237 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Narlıdere, ilçe bazında istihdam sıralamasında 18. sırada yer alıyor.",
    ),
    (
        "Ödemiş", 8645, 13,
        "2008 verilerine göre Ödemiş'te 8.645 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Ödemiş, ilçe bazında istihdam sıralamasında 13. sırada yer alıyor.",
    ),
    (
        "Seferihisar", 3071, 22,
        "2008 verilerine göre Seferihisar'da 3.071 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Seferihisar, ilçe bazında istihdam sıralamasında 22. sırada yer alıyor.",
    ),
    (
        "Selçuk", 4883, 19,
        "2008 verilerine göre Selçuk'ta 4.883 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Selçuk, ilçe bazında istihdam sıralamasında 19. sırada yer alıyor.",
    ),
    (
        "Tire", 7583, 15,
        "2008 verilerine göre Tire'de 7.583 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Tire, ilçe bazında istihdam sıralamasında 15. sırada yer alıyor.",
    ),
    (
        "Torbalı", 28856, 7,
        "2008 verilerine göre Torbalı'da 28.856 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Torbalı, ilçe bazında istihdam sıralamasında 7. sırada yer alıyor.",
    ),
    (
        "Urla", 6037, 17,
        "2008 verilerine göre Urla'da 6.037 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı).",
        "Bu oranla Urla, ilçe bazında istihdam sıralamasında 17. sırada yer alıyor.",
    ),
]  # fmt: skip


def test_the_hand_written_list_covers_all_30_districts_once():
    names = [row[0] for row in EMPLOYMENT]
    assert len(names) == 30 == len(set(names))
    assert sorted(row[2] for row in EMPLOYMENT) == list(range(1, 31))


@pytest.mark.parametrize(("name", "employees", "rank", "sentence", "ranked"), EMPLOYMENT)
def test_employment_and_rank_sentences_of_every_district(name, employees, rank, sentence, ranked):
    assert say.employment_sentence(name, employees, 2008) == sentence
    assert say.rank_sentence(name, "employees", rank, 30) == ranked


def test_the_source_reports_own_sentences():
    # the three sentences of the source report about Aliağa, as our forms write them
    assert say.employment_sentence("Aliağa", 27225, 2008) == (
        "2008 verilerine göre Aliağa'da 27.225 kişi çalışıyor "
        "(SGK verilerine göre sigortalı çalışan sayısı)."
    )
    assert say.firms_sentence("Aliağa", 1719, 2008) == (
        "2008 verilerine göre Aliağa'da toplam 1.719 firma faaliyet gösteriyor."
    )
    assert say.exports_share_sentence("Aliağa", 8.14) == (
        "Aliağa'nın toplam ihracat oranı İzmir toplamının %8,14'ünü oluşturuyor."
    )


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (4.14, "Bu sayı İzmir toplam istihdamının %4,14'ünü oluşturuyor."),
        (30.28, "Bu sayı İzmir toplam istihdamının %30,28'ini oluşturuyor."),
        (17.88, "Bu sayı İzmir toplam istihdamının %17,88'ini oluşturuyor."),
        (0.07, "Bu sayı İzmir toplam istihdamının %0,07'sini oluşturuyor."),
        (1.16, "Bu sayı İzmir toplam istihdamının %1,16'sını oluşturuyor."),
        (2.04, "Bu sayı İzmir toplam istihdamının %2,04'ünü oluşturuyor."),
        (0.50, "Bu sayı İzmir toplam istihdamının %0,50'sini oluşturuyor."),
        (1.09, "Bu sayı İzmir toplam istihdamının %1,09'unu oluşturuyor."),
        (7.60, "Bu sayı İzmir toplam istihdamının %7,60'ını oluşturuyor."),
        (0.80, "Bu sayı İzmir toplam istihdamının %0,80'ini oluşturuyor."),
        (4.30, "Bu sayı İzmir toplam istihdamının %4,30'unu oluşturuyor."),
    ],
)
def test_a_share_takes_the_possessive_then_the_accusative_as_it_is_read(share, expected):
    # %4,14: "on dört" → dördünü; %30,28: "yirmi sekiz" → sekizini; %1,16: "on altı" → altısını;
    # %1,09: "dokuz" → dokuzunu; %7,60: "altmış" → altmışını; %4,30: "otuz" → otuzunu
    assert say.share_sentence("employees", share) == expected


def test_share_sentences_of_firms_and_population():
    assert say.share_sentence("firms", 35.72) == (
        "Bu sayı İzmir'deki toplam firma sayısının %35,72'sini oluşturuyor."
    )
    assert say.share_sentence("population", 2.34) == (
        "Bu sayı İzmir nüfusunun %2,34'ünü oluşturuyor."
    )


def test_ties_first_and_last_place():
    assert say.rank_sentence(
        "Aliağa", "izka_applications", 25, 30, tied_with=["Selçuk"], by="count"
    ) == (
        "Bu sayıyla Aliağa, ilçe bazında İZKA başvuru sayısı sıralamasında "
        "Selçuk ile birlikte 25. sırada yer alıyor."
    )
    # a tie that reaches the end is the last place, shared
    assert say.rank_sentence("Kiraz", "exports_usd", 29, 30, tied_with=["Çeşme"]) == (
        "Bu oranla Kiraz, ilçe bazında ihracat sıralamasında Çeşme ile birlikte son sırada "
        "yer alıyor."
    )
    assert say.rank_sentence("Konak", "firms", 1, 30) == (
        "Bu oranla Konak, ilçe bazında firma sayısı sıralamasında ilk sırada yer alıyor."
    )
    assert say.rank_sentence("Bayraklı", "firms", 30, 30) == (
        "Bu oranla Bayraklı, ilçe bazında firma sayısı sıralamasında son sırada yer alıyor."
    )
    assert say.rank_sentence("Buca", "population", 1, 30, "en") == (
        "This puts Buca first among İzmir's districts in population."
    )
    assert say.rank_sentence("Bayraklı", "employees", 30, 30, "en") == (
        "This puts Bayraklı last among İzmir's districts in employment."
    )
    assert say.rank_sentence(
        "Kınık", "izka_applications", 18, 30, "en", tied_with=["Buca"], by="count"
    ) == ("This puts Kınık joint 18th with Buca among İzmir's districts in İZKA applications.")


@pytest.mark.parametrize(
    ("name", "employees", "rank", "employment", "ranked"),
    [
        (
            "Aliağa", 27225, 9,
            "In 2008, 27,225 people worked in Aliağa (insured employees, SGK).",
            "This puts Aliağa 9th among İzmir's districts in employment.",
        ),
        (
            "Konak", 199310, 1,
            "In 2008, 199,310 people worked in Konak (insured employees, SGK).",
            "This puts Konak first among İzmir's districts in employment.",
        ),
        (
            "Bornova", 117713, 2,
            "In 2008, 117,713 people worked in Bornova (insured employees, SGK).",
            "This puts Bornova 2nd among İzmir's districts in employment.",
        ),
        (
            "Karşıyaka", 47504, 3,
            "In 2008, 47,504 people worked in Karşıyaka (insured employees, SGK).",
            "This puts Karşıyaka 3rd among İzmir's districts in employment.",
        ),
        (
            "Güzelbahçe", 3167, 21,
            "In 2008, 3,167 people worked in Güzelbahçe (insured employees, SGK).",
            "This puts Güzelbahçe 21st among İzmir's districts in employment.",
        ),
        (
            "Seferihisar", 3071, 22,
            "In 2008, 3,071 people worked in Seferihisar (insured employees, SGK).",
            "This puts Seferihisar 22nd among İzmir's districts in employment.",
        ),
        (
            "Kiraz", 1471, 25,
            "In 2008, 1,471 people worked in Kiraz (insured employees, SGK).",
            "This puts Kiraz 25th among İzmir's districts in employment.",
        ),
    ],
)  # fmt: skip
def test_english_sentences(name, employees, rank, employment, ranked):
    assert say.employment_sentence(name, employees, 2008, "en") == employment
    assert say.rank_sentence(name, "employees", rank, 30, "en") == ranked
    assert say.share_sentence("employees", 4.14, "en") == (
        "That is 4.14% of İzmir's total employment."
    )


def test_exports_in_both_languages_and_a_share_that_rounds_to_zero():
    assert say.exports_sentence("Aliağa", 673307314) == (
        "Tablo 1'e göre Aliağa'dan yapılan ihracat 673.307.314 ABD doları."
    )
    assert say.exports_sentence("Ödemiş", 20052668, "en") == (
        "According to Table 1, exports from Ödemiş were USD 20,052,668."
    )
    # Çeşme's 127,080 USD is 0.0015 % of 8,269,662,775: not "%0,00"
    assert say.exports_share_sentence("Çeşme", 0.0015) == (
        "Çeşme'nin toplam ihracat oranı İzmir toplamının %0,01'inden azını oluşturuyor."
    )
    assert say.exports_share_sentence("Konak", 35.68, "en") == (
        "Konak's exports are 35.68% of İzmir's total."
    )


def test_population_sentences():
    assert say.population_sentence("Aliağa", 103364, 2021) == (
        "2021 ADNKS verilerine göre Aliağa'nın nüfusu 103.364 kişi."
    )
    assert say.population_sentence("Karaburun", 11978, 2021) == (
        "2021 ADNKS verilerine göre Karaburun'un nüfusu 11.978 kişi."
    )
    assert say.population_sentence("Çiğli", 204045, 2021, "en") == (
        "According to ADNKS 2021, Çiğli's population was 204,045."
    )


def test_izka_sentences():
    assert say.izka_sentence("Aliağa", 9, 2) == (
        "Aliağa'dan İZKA'nın 2008–2009 mali destek programlarına 9 proje başvurusu yapıldı; "
        "bunlardan 2'si başarılı bulunup sözleşme imzaladı."
    )
    assert say.izka_sentence("Konak", 200, 56) == (
        "Konak'tan İZKA'nın 2008–2009 mali destek programlarına 200 proje başvurusu yapıldı; "
        "bunlardan 56'sı başarılı bulunup sözleşme imzaladı."
    )
    assert say.izka_sentence("Kınık", 16, 3) == (
        "Kınık'tan İZKA'nın 2008–2009 mali destek programlarına 16 proje başvurusu yapıldı; "
        "bunlardan 3'ü başarılı bulunup sözleşme imzaladı."
    )
    assert say.izka_sentence("Foça", 3, 0) == (
        "Foça'dan İZKA'nın 2008–2009 mali destek programlarına 3 proje başvurusu yapıldı; "
        "bunlardan hiçbiri başarılı bulunmadı."
    )
    assert say.izka_sentence("Foça", 1, 1, "en") == (
        "1 project application from Foça was made to İZKA's 2008–2009 financial-support "
        "programmes; it succeeded and signed a contract."
    )
    assert say.izka_rate_sentence("Konak", 28.0, 25.099) == (
        "Konak'ın başarı oranı (%28,00) İzmir genelinin (%25,10) üstünde."
    )
    assert say.izka_rate_sentence("Kınık", 18.75, 25.099, "en") == (
        "Kınık's success rate (18.75%) is below İzmir's overall rate (25.10%)."
    )


def test_osb_and_wind_sentences():
    zones = [("osb", "ALOSBİ"), ("private_industrial_zone", "Ege Çelik ÖEB")]
    kinds = ["osb", "agricultural_osb", "free_zone", "private_industrial_zone"]
    assert say.osb_sentence("Aliağa", zones, kinds) == (
        "Aliağa'da 1 organize sanayi bölgesi ve 1 özel endüstri bölgesi bulunuyor: "
        "ALOSBİ ve Ege Çelik ÖEB."
    )
    assert say.osb_sentence("Konak", [], kinds, "en") == (
        "The sources used record no organised industrial zone, free zone or private "
        "industrial zone in Konak."
    )
    assert say.wind_sentence("Aliağa", "2009", "255 MW", "147,5 MW", 57.84) == (
        "EWEA'nın 2009 verilerine göre İzmir'de kurulu 255 MW rüzgâr gücünün 147,5 MW'ı "
        "(%57,84) Aliağa'da."
    )
    assert say.wind_elsewhere_sentence(
        "Selçuk", "2009", "255 MW", "147,5 MW", ["Aliağa"], "107,5 MW"
    ) == (
        "EWEA'nın 2009 verilerine göre İzmir'de kurulu 255 MW rüzgâr gücünün 147,5 MW'ı "
        "Aliağa'ya ait; kaynak kalan 107,5 MW için ilçe belirtmiyor, bu yüzden Selçuk'un "
        "kurulu rüzgâr gücü bilinmiyor."
    )
    proposed = ["Aliağa", "Bergama", "Çeşme", "Dikili", "Karaburun", "Urla"]
    assert say.wind_proposed_sentence("Aliağa", proposed) == (
        "Aliağa, Bergama, Çeşme, Dikili, Karaburun ve Urla ile birlikte rüzgâr elektrik "
        "santralleri bakımından yatırım alanı olarak önerilen ilçeler arasında."
    )


def test_unknown_forms_are_refused():
    with pytest.raises(ValueError, match="what must be one of"):
        say.rank_sentence("Aliağa", "area", 1, 30)
    with pytest.raises(ValueError, match="by must be"):
        say.rank_sentence("Aliağa", "employees", 1, 30, by="ratio")
