"""Turkish casing, slugs and district-name matching."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from izmir_maps.data.boundaries import district_matcher, load_districts
from izmir_maps.errors import DataError, UnknownDistrictError
from izmir_maps.text.names import (
    DistrictMatcher,
    ascii_fold,
    match_key,
    slugify,
    turkish_lower,
    turkish_title,
    turkish_upper,
)

TURKISH_LETTERS = "abcçdefgğhıijklmnoöprsştuüvyzâîûABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZÂÎÛ"
turkish_text = st.text(alphabet=TURKISH_LETTERS + " -.")


@pytest.fixture(scope="module")
def matcher() -> DistrictMatcher:
    return district_matcher()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("İZMİR", "izmir"), ("ILIK", "ılık"), ("ALİAĞA KIRAZ", "aliağa kıraz"), ("ÇİĞLİ", "çiğli")],
)
def test_turkish_lower(text: str, expected: str) -> None:
    assert turkish_lower(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ılık", "ILIK"), ("izmir", "İZMİR"), ("çiğli", "ÇİĞLİ"), ("kınık", "KINIK")],
)
def test_turkish_upper(text: str, expected: str) -> None:
    assert turkish_upper(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KARŞIYAKA", "Karşıyaka"),
        ("İZMİR", "İzmir"),
        ("ILICA", "Ilıca"),
        ("GÜZELBAHÇE", "Güzelbahçe"),
        ("iZMİR ılıca", "İzmir Ilıca"),
        ("SELÇUK-EFES", "Selçuk-Efes"),
    ],
)
def test_turkish_title(text: str, expected: str) -> None:
    assert turkish_title(text) == expected


def test_turkish_title_rebuilds_every_district_name_from_upper_case() -> None:
    # geodata/README.md: names come from the source's upper-case field, title-cased this way.
    for name in load_districts("web")["district"]:
        assert turkish_title(turkish_upper(name)) == name


def test_turkish_lower_handles_decomposed_dotted_capital_i() -> None:
    assert turkish_lower("I\u0307ZMI\u0307R") == "izmir"  # "İ" written as I + combining dot


@pytest.mark.parametrize(
    "text", ["ALİAĞA", "aliağa", "ALIAGA", "Aliaga", " aliağa ", "TUR035001", "tur035001"]
)
def test_matcher_resolves_spellings_of_aliaga(matcher: DistrictMatcher, text: str) -> None:
    assert matcher.name(text) == "Aliağa"
    assert matcher.pcode(text) == "TUR035001"


@pytest.mark.parametrize("text", ["ÇİĞLİ", "cigli", "CIGLI", "Çiğli", "çiğli", "ÇIĞLI"])
def test_matcher_resolves_spellings_of_cigli(matcher: DistrictMatcher, text: str) -> None:
    assert matcher.name(text) == "Çiğli"


def test_matcher_resolves_naive_python_casing_of_every_district(matcher: DistrictMatcher) -> None:
    # str.upper/str.lower are wrong for Turkish ("Çiğli".upper() == "ÇIĞLI",
    # "ALİAĞA".lower() has a combining dot); spreadsheets made that way must still match.
    web = load_districts("web")
    for pcode, name, ascii_name in zip(
        web["pcode"], web["district"], web["district_ascii"], strict=True
    ):
        for variant in (
            name.upper(),
            name.lower(),
            turkish_upper(name).lower(),
            turkish_upper(name),
            ascii_name,
            ascii_name.upper(),
            pcode.lower(),
        ):
            assert matcher.name(variant) == name, variant


def test_report_misspelling_aliga_is_an_error_with_a_suggestion(
    matcher: DistrictMatcher,
) -> None:
    with pytest.raises(UnknownDistrictError) as info:
        matcher.name("Aliğa")
    message = str(info.value)
    assert "'Aliğa'" in message
    assert "Did you mean 'Aliağa'" in message
    # Callers catching the broad families still catch it.
    assert isinstance(info.value, DataError)
    assert isinstance(info.value, KeyError)


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_name_is_an_error_saying_it_is_empty(
    matcher: DistrictMatcher, text: str | None
) -> None:
    with pytest.raises(UnknownDistrictError, match="the district name is empty"):
        matcher.name(text)


def test_unknown_district_error_names_where_it_came_from(matcher: DistrictMatcher) -> None:
    with pytest.raises(UnknownDistrictError, match=r"^my\.csv row 4: 'Aliğa'"):
        matcher.pcode("Aliğa", where="my.csv row 4")


def test_name_of_another_province_is_an_error_listing_valid_names(
    matcher: DistrictMatcher,
) -> None:
    with pytest.raises(UnknownDistrictError) as info:
        matcher.name("Istanbul")
    message = str(info.value)
    assert "'Istanbul' is not a known district" in message
    assert "Karşıyaka" in message
    assert "Ödemiş" in message


def test_pcode_of_another_province_is_an_error(matcher: DistrictMatcher) -> None:
    with pytest.raises(UnknownDistrictError, match="TUR034001"):
        matcher.pcode("TUR034001")


def test_matcher_rejects_an_ambiguous_alias() -> None:
    with pytest.raises(ValueError, match="ambiguous"):
        DistrictMatcher(
            {"TUR035001": "Aliağa", "TUR035010": "Çiğli"}, aliases={"CIGLI": "TUR035001"}
        )


def test_matcher_alias_resolves_to_its_district() -> None:
    m = DistrictMatcher({"TUR035001": "Aliağa"}, aliases={"Aliğa": "TUR035001"})
    assert m.name("ALİĞA") == "Aliağa"


def test_matcher_missing_lists_absent_districts_in_pcode_order(matcher: DistrictMatcher) -> None:
    present = [p for p in matcher.names_by_pcode if p not in {"TUR035001", "TUR035010"}]
    assert matcher.missing(present) == ["Aliağa", "Çiğli"]
    assert matcher.missing(matcher.names_by_pcode) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Çiğli", "cigli"), ("Güzelbahçe", "guzelbahce"), ("Karşıyaka / İzmir", "karsiyaka-izmir")],
)
def test_slugify_examples(text: str, expected: str) -> None:
    assert slugify(text) == expected


@pytest.mark.parametrize("text", ["../../etc/passwd", "..", "/", "", "...", "ğ/ü"])
def test_slugify_never_escapes_a_folder(text: str) -> None:
    slug = slugify(text)
    assert "/" not in slug
    assert ".." not in slug
    assert re.fullmatch(r"[a-z0-9-]+", slug)


@given(st.text())
def test_slugify_only_ever_produces_safe_characters(text: str) -> None:
    assert re.fullmatch(r"[a-z0-9-]+", slugify(text))


def test_slugs_of_the_30_districts_are_distinct() -> None:
    names = load_districts("web")["district"]
    assert len({slugify(n) for n in names}) == 30


@given(turkish_text)
def test_match_key_ignores_turkish_case(text: str) -> None:
    assert match_key(turkish_upper(text)) == match_key(turkish_lower(text)) == match_key(text)


@given(turkish_text)
def test_match_key_ignores_turkish_letters(text: str) -> None:
    assert match_key(ascii_fold(text)) == match_key(text)
    assert re.fullmatch(r"[a-z0-9]*", match_key(text))
