"""Interface words in Turkish and English; every output takes its words from here.

The words live in one catalogue per language, ``catalogue/tr.toml`` and
``catalogue/en.toml``. Their ``[sections]`` only group the keys for the
reader: a key is unique across sections, and both files hold the same keys.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files

from izmir_maps.text.numbers import Lang

__all__ = ["LANGS", "catalogue", "has_text", "text"]

LANGS: tuple[Lang, ...] = ("tr", "en")


@cache
def catalogue(lang: Lang) -> dict[str, str]:
    """Every interface word of ``lang``, by key.

    Raises
    ------
    ValueError
        If a key appears in two sections of the catalogue file.

    Examples
    --------
    >>> catalogue("en")["no_data"]
    'No data'
    """
    raw = (files("izmir_maps.text") / "catalogue" / f"{lang}.toml").read_text(encoding="utf-8")
    words: dict[str, str] = {}
    for section, entries in tomllib.loads(raw).items():
        for key, value in entries.items():
            if key in words:
                msg = f"catalogue/{lang}.toml: key {key!r} appears twice (again in [{section}])."
                raise ValueError(msg)
            words[key] = value
    return words


def has_text(key: str) -> bool:
    """Whether ``key`` is an interface text."""
    return key in catalogue("tr")


# Any ``lang`` but "en" reads the Turkish catalogue, so another default string is no change.
def text(key: str, lang: Lang = "tr", **values: object) -> str:  # pragma: no mutate
    """The interface text ``key`` in ``lang``, with ``{placeholders}`` filled.

    Examples
    --------
    >>> text("no_data"), text("no_data", "en")
    ('Veri yok', 'No data')
    >>> text("n_districts", "tr", n=14)
    '14 ilçe'
    """
    template = catalogue("en" if lang == "en" else "tr")[key]
    return template.format(**values) if values else template
