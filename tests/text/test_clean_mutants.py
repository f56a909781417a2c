"""Tests that kill mutants of ``text/clean.py`` the other tests let live (scripts/mutation.sh)."""

from __future__ import annotations

import pytest

from izmir_maps.text.clean import shorten


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        # the cut falls after the last whole word, not the first
        ("İzmir: istihdam, OSB'ler ve rüzgâr enerjisi", 30, "İzmir: istihdam, OSB'ler ve…"),
        # a space exactly at three quarters of the limit still ends a whole word …
        ("abcdef ghijk", 9, "abcdef…"),
        # … one just before it does not: the word is cut
        ("abcdefg hijklmn", 11, "abcdefg hi…"),
        # only punctuation and spaces are dropped before the ellipsis, never letters
        ("Tablo IX ve ötesi", 10, "Tablo IX…"),
    ],
)
def test_where_a_long_text_is_cut(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit
