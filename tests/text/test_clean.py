"""Text fit for a page: bidi controls removed, spaces tidied, long texts cut with a clear rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from izmir_maps.data.registry import indicator, indicator_ids
from izmir_maps.text.clean import BIDI_CONTROLS, SOURCE_MAX, TITLE_MAX, display_text, shorten
from izmir_maps.text.words import text

EVERY_BIDI_CONTROL = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_the_twelve_bidi_controls_are_named() -> None:
    assert frozenset(EVERY_BIDI_CONTROL) == BIDI_CONTROLS


@pytest.mark.parametrize("control", list(EVERY_BIDI_CONTROL))
def test_each_bidi_control_is_removed(control: str) -> None:
    assert display_text(f"Gelir{control} 2024") == "Gelir 2024"
    assert display_text(f"{control}1234{control}") == "1234"


def test_line_breaks_tabs_and_runs_of_spaces_become_one_space() -> None:
    assert display_text(" Çalışan\r\nsayısı\t\t(2024)\u2028x\x00y ") == "Çalışan sayısı (2024) x y"


def test_other_objects_become_text() -> None:
    assert display_text(2024) == "2024"


def test_turkish_letters_and_arabic_text_are_kept() -> None:
    assert display_text("İĞÜŞÖÇ ığüşöç عدد") == "İĞÜŞÖÇ ığüşöç عدد"


def test_a_long_text_is_cut_after_the_last_whole_word_with_an_ellipsis() -> None:
    column = "Uzun başlık " * 100
    shown = display_text(column, TITLE_MAX)
    assert shown == "Uzun başlık " * 12 + "Uzun…"
    assert len(shown) == 149


def test_a_long_word_is_cut_mid_word() -> None:
    assert shorten("Ş" * 1200, TITLE_MAX) == "Ş" * (TITLE_MAX - 1) + "…"


def test_the_cut_drops_punctuation_before_the_ellipsis() -> None:
    assert shorten("Birinci bölüm, ikinci bölüm", 16) == "Birinci bölüm…"


def test_a_text_at_the_limit_is_kept_whole() -> None:
    assert shorten("a" * SOURCE_MAX, SOURCE_MAX) == "a" * SOURCE_MAX
    assert shorten("a" * (SOURCE_MAX + 1), SOURCE_MAX) == "a" * (SOURCE_MAX - 1) + "…"


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1 character, not 0"):
        shorten("abc", 0)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_every_built_in_title_and_source_passes_unchanged(lang: str) -> None:
    for indicator_id in indicator_ids():
        ind = indicator(indicator_id)
        for shown in (ind.title(lang), ind.label(lang), ind.unit(lang)):
            assert display_text(shown, TITLE_MAX) == shown
        assert display_text(ind.source_line(lang), SOURCE_MAX) == ind.source_line(lang)
    for key in ("map_osb", "map_wind", "map_combined"):
        assert display_text(text(key, lang), TITLE_MAX) == text(key, lang)


@given(st.text(), st.integers(min_value=1, max_value=300))
def test_cleaned_text_has_no_bidi_control_and_keeps_to_its_limit(raw: str, limit: int) -> None:
    shown = display_text(raw, limit)
    assert not set(shown) & BIDI_CONTROLS
    assert len(shown) <= limit
    assert display_text(shown, limit) == shown
