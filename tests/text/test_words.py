import re
import string

import pytest

from izmir_maps.text.words import LANGS, catalogue, text


def test_every_key_has_both_languages():
    tr, en = catalogue("tr"), catalogue("en")
    assert sorted(set(tr) - set(en)) == []
    assert sorted(set(en) - set(tr)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_word_is_empty(lang):
    assert [k for k, v in catalogue(lang).items() if not v.strip()] == []


def test_placeholders_agree_between_languages():
    def fields(s: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(s) if f}

    tr, en = catalogue("tr"), catalogue("en")
    assert {k: (fields(tr[k]), fields(en[k])) for k in tr if fields(tr[k]) != fields(en[k])} == {}


def test_turkish_words_keep_turkish_letters():
    assert text("founded") == "Kuruluş yılı"
    assert text("wind_farms", "en") == "Wind farms (present day, incomplete list)"


def test_english_catalogue_has_no_turkish_only_letters_outside_names():
    # Place names and TÜİK may carry Turkish letters; generic words may not.
    from izmir_maps.data.boundaries import district_matcher

    districts = sorted(district_matcher().names_by_pcode.values(), key=len, reverse=True)
    allowed = re.compile("|".join(["İzmir", "Türkiye", "TÜİK", *districts]))
    turkish = re.compile(r"[ğşçöüĞŞÇÖÜ]")
    # The report's data gives this unit with its Turkish word, and the page shows it as given.
    quoted = {"fact_unit_persons (kişi)"}
    leaks = {
        k: v
        for k, v in catalogue("en").items()
        if k not in quoted and turkish.search(allowed.sub("", v))
    }
    assert leaks == {}
