"""Exact-value tests written from the survivors of the third mutation sample (scripts/mutation_sample_3.txt).

This file holds the text/ survivors; the data/ ones are in tests/data/test_data_mutants4.py.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from izmir_maps.text.grammar import number_words, with_case
from izmir_maps.text.words import text

# --- text.grammar ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "case", "expected"),
    [
        (0, "locative", "0'da"),
        ("%0", "possessed", "%0'ı"),
        ("%4,0", "possessed", "%4,0'ı"),
        ("0", "dative", "0'a"),
    ],
)
def test_a_zero_takes_the_suffix_of_sifir(written: str | int, case: str, expected: str) -> None:
    """A sentence about a zero ("0'da", "%4,0'ı") would crash instead of being written."""
    assert with_case(written, case) == expected  # type: ignore[arg-type]


def test_zero_is_read_as_sifir() -> None:
    """Zero would not be read out at all (endless recursion)."""
    assert number_words(0) == "sıfır"


@pytest.mark.parametrize(
    ("n", "words"),
    [(-30, "eksi otuz"), (-1000, "eksi bin"), (-2008, "eksi iki bin sekiz")],
)
def test_a_negative_number_is_read_with_eksi(n: int, words: str) -> None:
    """A negative number would crash instead of being read as "eksi …"."""
    assert number_words(n) == words
    assert number_words(n) == f"eksi {number_words(-n)}"


# --- text.words --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_a_template_asked_for_without_values_keeps_its_placeholders(lang: str) -> None:
    """The PDF reports' "page {page} of {pages}" footer could not be made (a missing value)."""
    raw = (files("izmir_maps.text") / "catalogue" / f"{lang}.toml").read_text(encoding="utf-8")
    sections = tomllib.loads(raw).values()
    template = next(s["report_pdf_page"] for s in sections if "report_pdf_page" in s)
    assert "{page}" in template and "{pages}" in template
    assert text("report_pdf_page", lang) == template  # type: ignore[arg-type]
