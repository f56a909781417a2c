"""Turkish case suffixes, ordinals, rank phrases and lists (text.grammar).

Every expected form below is written out by hand and was read aloud as Turkish;
none is generated with code.
"""

from __future__ import annotations

import pytest

from izmir_maps.text.grammar import (
    join_list,
    number_words,
    ordinal,
    rank_phrase,
    suffix,
    with_case,
)

# name, locative, ablative, genitive, dative, accusative — all 30 districts of İzmir.
DISTRICTS = [
    ("Aliağa", "Aliağa'da", "Aliağa'dan", "Aliağa'nın", "Aliağa'ya", "Aliağa'yı"),
    ("Balçova", "Balçova'da", "Balçova'dan", "Balçova'nın", "Balçova'ya", "Balçova'yı"),
    ("Bayındır", "Bayındır'da", "Bayındır'dan", "Bayındır'ın", "Bayındır'a", "Bayındır'ı"),
    ("Bayraklı", "Bayraklı'da", "Bayraklı'dan", "Bayraklı'nın", "Bayraklı'ya", "Bayraklı'yı"),
    ("Bergama", "Bergama'da", "Bergama'dan", "Bergama'nın", "Bergama'ya", "Bergama'yı"),
    ("Beydağ", "Beydağ'da", "Beydağ'dan", "Beydağ'ın", "Beydağ'a", "Beydağ'ı"),
    ("Bornova", "Bornova'da", "Bornova'dan", "Bornova'nın", "Bornova'ya", "Bornova'yı"),
    ("Buca", "Buca'da", "Buca'dan", "Buca'nın", "Buca'ya", "Buca'yı"),
    ("Çeşme", "Çeşme'de", "Çeşme'den", "Çeşme'nin", "Çeşme'ye", "Çeşme'yi"),
    ("Çiğli", "Çiğli'de", "Çiğli'den", "Çiğli'nin", "Çiğli'ye", "Çiğli'yi"),
    ("Dikili", "Dikili'de", "Dikili'den", "Dikili'nin", "Dikili'ye", "Dikili'yi"),
    ("Foça", "Foça'da", "Foça'dan", "Foça'nın", "Foça'ya", "Foça'yı"),
    ("Gaziemir", "Gaziemir'de", "Gaziemir'den", "Gaziemir'in", "Gaziemir'e", "Gaziemir'i"),
    (
        "Güzelbahçe",
        "Güzelbahçe'de",
        "Güzelbahçe'den",
        "Güzelbahçe'nin",
        "Güzelbahçe'ye",
        "Güzelbahçe'yi",
    ),
    (
        "Karabağlar",
        "Karabağlar'da",
        "Karabağlar'dan",
        "Karabağlar'ın",
        "Karabağlar'a",
        "Karabağlar'ı",
    ),
    ("Karaburun", "Karaburun'da", "Karaburun'dan", "Karaburun'un", "Karaburun'a", "Karaburun'u"),
    ("Karşıyaka", "Karşıyaka'da", "Karşıyaka'dan", "Karşıyaka'nın", "Karşıyaka'ya", "Karşıyaka'yı"),
    ("Kemalpaşa", "Kemalpaşa'da", "Kemalpaşa'dan", "Kemalpaşa'nın", "Kemalpaşa'ya", "Kemalpaşa'yı"),
    ("Kınık", "Kınık'ta", "Kınık'tan", "Kınık'ın", "Kınık'a", "Kınık'ı"),
    ("Kiraz", "Kiraz'da", "Kiraz'dan", "Kiraz'ın", "Kiraz'a", "Kiraz'ı"),
    ("Konak", "Konak'ta", "Konak'tan", "Konak'ın", "Konak'a", "Konak'ı"),
    ("Menderes", "Menderes'te", "Menderes'ten", "Menderes'in", "Menderes'e", "Menderes'i"),
    ("Menemen", "Menemen'de", "Menemen'den", "Menemen'in", "Menemen'e", "Menemen'i"),
    ("Narlıdere", "Narlıdere'de", "Narlıdere'den", "Narlıdere'nin", "Narlıdere'ye", "Narlıdere'yi"),
    ("Ödemiş", "Ödemiş'te", "Ödemiş'ten", "Ödemiş'in", "Ödemiş'e", "Ödemiş'i"),
    (
        "Seferihisar",
        "Seferihisar'da",
        "Seferihisar'dan",
        "Seferihisar'ın",
        "Seferihisar'a",
        "Seferihisar'ı",
    ),
    ("Selçuk", "Selçuk'ta", "Selçuk'tan", "Selçuk'un", "Selçuk'a", "Selçuk'u"),
    ("Tire", "Tire'de", "Tire'den", "Tire'nin", "Tire'ye", "Tire'yi"),
    ("Torbalı", "Torbalı'da", "Torbalı'dan", "Torbalı'nın", "Torbalı'ya", "Torbalı'yı"),
    ("Urla", "Urla'da", "Urla'dan", "Urla'nın", "Urla'ya", "Urla'yı"),
]

# Other names, abbreviations and numbers the atlas writes.
OTHERS = [
    ("İzmir", "İzmir'de", "İzmir'den", "İzmir'in", "İzmir'e", "İzmir'i"),
    ("Türkiye", "Türkiye'de", "Türkiye'den", "Türkiye'nin", "Türkiye'ye", "Türkiye'yi"),
    ("Manisa", "Manisa'da", "Manisa'dan", "Manisa'nın", "Manisa'ya", "Manisa'yı"),
    ("İZKA", "İZKA'da", "İZKA'dan", "İZKA'nın", "İZKA'ya", "İZKA'yı"),
    ("TÜİK", "TÜİK'te", "TÜİK'ten", "TÜİK'in", "TÜİK'e", "TÜİK'i"),
    ("İTOB", "İTOB'da", "İTOB'dan", "İTOB'un", "İTOB'a", "İTOB'u"),
    ("ALOSBİ", "ALOSBİ'de", "ALOSBİ'den", "ALOSBİ'nin", "ALOSBİ'ye", "ALOSBİ'yi"),
    ("ABD", "ABD'de", "ABD'den", "ABD'nin", "ABD'ye", "ABD'yi"),
    ("OSB", "OSB'de", "OSB'den", "OSB'nin", "OSB'ye", "OSB'yi"),
    ("ÇİĞLİ", "ÇİĞLİ'de", "ÇİĞLİ'den", "ÇİĞLİ'nin", "ÇİĞLİ'ye", "ÇİĞLİ'yi"),
    ("KINIK", "KINIK'ta", "KINIK'tan", "KINIK'ın", "KINIK'a", "KINIK'ı"),
    ("2008", "2008'de", "2008'den", "2008'in", "2008'e", "2008'i"),
    ("2009", "2009'da", "2009'dan", "2009'un", "2009'a", "2009'u"),
    ("2010", "2010'da", "2010'dan", "2010'un", "2010'a", "2010'u"),
    ("2021", "2021'de", "2021'den", "2021'in", "2021'e", "2021'i"),
    ("1998", "1998'de", "1998'den", "1998'in", "1998'e", "1998'i"),
    ("2000", "2000'de", "2000'den", "2000'in", "2000'e", "2000'i"),
    ("30", "30'da", "30'dan", "30'un", "30'a", "30'u"),
    ("3", "3'te", "3'ten", "3'ün", "3'e", "3'ü"),
    ("4", "4'te", "4'ten", "4'ün", "4'e", "4'ü"),
    ("6", "6'da", "6'dan", "6'nın", "6'ya", "6'yı"),
    ("40", "40'ta", "40'tan", "40'ın", "40'a", "40'ı"),
    ("60", "60'ta", "60'tan", "60'ın", "60'a", "60'ı"),
    ("100", "100'de", "100'den", "100'ün", "100'e", "100'ü"),
    ("1.000.000", "1.000.000'da", "1.000.000'dan", "1.000.000'un", "1.000.000'a", "1.000.000'u"),
    ("199.310", "199.310'da", "199.310'dan", "199.310'un", "199.310'a", "199.310'u"),
    ("%4,14", "%4,14'te", "%4,14'ten", "%4,14'ün", "%4,14'e", "%4,14'ü"),
    ("147,5 MW", "147,5 MW'ta", "147,5 MW'tan", "147,5 MW'ın", "147,5 MW'a", "147,5 MW'ı"),
]

CASES = ("locative", "ablative", "genitive", "dative", "accusative")


@pytest.mark.parametrize("row", DISTRICTS + OTHERS, ids=lambda row: row[0])
def test_every_case_of_every_district_and_name(row: tuple[str, ...]) -> None:
    name, *expected = row
    assert [with_case(name, case) for case in CASES] == expected


def test_the_table_holds_all_30_districts() -> None:
    assert len({row[0] for row in DISTRICTS}) == 30


def test_numbers_as_int_and_the_instrumental() -> None:
    assert with_case(2008, "locative") == "2008'de"
    assert with_case(30, "genitive") == "30'un"
    assert [with_case(n, "instrumental") for n in ("Konak", "Çeşme", "Urla", "Selçuk")] == [
        "Konak'la",
        "Çeşme'yle",
        "Urla'yla",
        "Selçuk'la",
    ]


def test_a_list_takes_the_suffix_on_its_last_name() -> None:
    assert with_case(join_list(["Karşıyaka", "Konak"]), "locative") == "Karşıyaka ve Konak'ta"


def test_possessive_names_and_no_apostrophe() -> None:
    assert with_case("Ege Serbest Bölgesi", "locative", possessive=True) == (
        "Ege Serbest Bölgesi'nde"
    )
    assert with_case("Ege Serbest Bölgesi", "dative", possessive=True) == "Ege Serbest Bölgesi'ne"
    assert with_case("Türk Dil Kurumu", "dative", possessive=True, apostrophe=False) == (
        "Türk Dil Kurumuna"
    )


def test_suffix_alone_and_an_unknown_case() -> None:
    assert suffix("Beydağ", "genitive") == "ın"
    with pytest.raises(ValueError, match="case must be one of"):
        suffix("Konak", "vocative")  # type: ignore[arg-type]


def test_number_words() -> None:
    assert number_words(2008) == "iki bin sekiz"
    assert number_words(1_544_141_607) == (
        "bir milyar beş yüz kırk dört milyon yüz kırk bir bin altı yüz yedi"
    )
    assert number_words(101) == "yüz bir"
    assert number_words(11_000) == "on bir bin"


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 9, 30)] == ["1.", "9.", "30."]
    assert [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 30, 101, 111)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "23rd",
        "30th",
        "101st",
        "111th",
    ]


def test_rank_phrases_turkish() -> None:
    assert rank_phrase(1, 30) == "ilk sırada"
    assert rank_phrase(30, 30) == "son sırada"
    assert rank_phrase(9, 30) == "9. sırada"
    assert rank_phrase(12, 30, tied_with=["Foça"]) == "Foça ile birlikte 12. sırada"
    assert rank_phrase(12, 30, tied_with=["Foça", "Urla"]) == (
        "Foça ve Urla ile birlikte 12. sırada"
    )
    assert rank_phrase(1, 30, tied_with=["Kınık", "Torbalı"]) == (
        "Kınık ve Torbalı ile birlikte ilk sırada"
    )
    # three share the last place: 28, 28, 28 of 30
    assert rank_phrase(28, 30, tied_with=["Kiraz", "Tire"]) == (
        "Kiraz ve Tire ile birlikte son sırada"
    )
    assert rank_phrase(28, 30, tied_with=["Kiraz"]) == "Kiraz ile birlikte 28. sırada"


def test_rank_phrases_english() -> None:
    assert rank_phrase(1, 30, "en") == "first"
    assert rank_phrase(30, 30, "en") == "last"
    assert rank_phrase(9, 30, "en") == "9th"
    assert rank_phrase(12, 30, "en", tied_with=["Foça"]) == "joint 12th with Foça"
    assert rank_phrase(1, 30, "en", tied_with=["Kınık", "Torbalı"]) == (
        "joint first with Kınık and Torbalı"
    )
    assert rank_phrase(29, 30, "en", tied_with=["Urla"]) == "joint last with Urla"


def test_rank_out_of_range() -> None:
    with pytest.raises(ValueError, match="between 1 and 30"):
        rank_phrase(31, 30)


def test_lists() -> None:
    assert join_list([]) == ""
    assert join_list(["Konak"]) == "Konak"
    assert join_list(["Konak", "Bornova"]) == "Konak ve Bornova"
    assert join_list(["A", "B", "C"]) == "A, B ve C"
    assert join_list(["A", "B"], "en") == "A and B"
    assert join_list(["A", "B", "C"], "en") == "A, B and C"
