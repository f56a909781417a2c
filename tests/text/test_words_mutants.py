"""Tests that kill mutants of ``text/words.py`` the other tests let live (scripts/mutation.sh)."""

from __future__ import annotations

import pytest

from izmir_maps.text.words import has_text, text


def test_has_text_knows_a_catalogue_key() -> None:
    assert has_text("no_data") is True


@pytest.mark.parametrize("key", ["", "No data", "no_data ", "Veri yok"])
def test_has_text_refuses_words_that_are_not_keys(key: str) -> None:
    assert has_text(key) is False


def test_text_without_a_language_is_turkish() -> None:
    assert text("no_data") == "Veri yok"


def test_text_fills_placeholders_in_each_language() -> None:
    assert text("n_districts", "tr", n=3) == "3 ilçe"
    assert text("n_districts", "en", n=3) == "3 districts"
