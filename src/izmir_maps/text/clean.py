"""Text fit for a page or a print map: no invisible direction marks, no runaway length.

A user's column name, title or file name goes into map titles, legends,
tooltips and source lines. Two things in it would show wrongly without an
error, so :func:`display_text` takes them out once, where such text enters a
:class:`~izmir_maps.spec.map_spec.MapSpec`:

- **Bidirectional controls** (:data:`BIDI_CONTROLS`: the embeddings and
  overrides U+202A–U+202E, the isolates U+2066–U+2069, the marks U+200E,
  U+200F and U+061C) are removed: a right-to-left override in a column name
  would reverse the digits of the numbers printed after it. Other control
  characters (tabs, line breaks) become spaces and runs of spaces one.
- **Length**: texts longer than their limit are cut at the last space
  before it (mid-word when there is none nearby) and end with ``…``. Titles
  and labels keep :data:`TITLE_MAX` characters (the longest built-in title
  has 116), source lines :data:`SOURCE_MAX`; the print map wraps a title to
  at most three lines.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["BIDI_CONTROLS", "SOURCE_MAX", "TITLE_MAX", "display_text", "shorten"]

#: Characters that change the direction in which the text around them is shown.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: Characters kept of a map title, an indicator's label or its unit.
TITLE_MAX = 150
#: Characters kept of a source line.
SOURCE_MAX = 200
ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")
_WORD_BREAK_WINDOW = 0.25  # a cut looks back this share of the limit for a space


def display_text(value: object, limit: int | None = None) -> str:
    r"""``value`` as text fit for a page: bidi controls removed, spaces tidied, cut at ``limit``.

    Parameters
    ----------
    value
        Any text (other objects are converted with ``str``).
    limit
        Most characters kept, ``…`` included (see :func:`shorten`); ``None``
        keeps every character.

    Returns
    -------
    str
        The text without :data:`BIDI_CONTROLS`, control characters and line
        breaks turned to spaces, runs of spaces made one, ends stripped.

    Examples
    --------
    >>> display_text("Değer\u202e 2024")
    'Değer 2024'
    >>> display_text("Çalışan\nsayısı\t ")
    'Çalışan sayısı'
    >>> display_text("Çalışan sayısı ve firma sayısı", limit=20)
    'Çalışan sayısı ve…'
    """
    raw = str(value)
    kept = "".join(" " if _is_break(c) else c for c in raw if c not in BIDI_CONTROLS)
    tidy = _SPACE.sub(" ", kept).strip()
    return tidy if limit is None else shorten(tidy, limit)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending with ``…`` when cut.

    The cut falls after the last whole word if one ends in the last quarter
    of the limit, otherwise mid-word; punctuation and spaces before ``…`` are
    dropped.

    Examples
    --------
    >>> shorten("İzmir: istihdam, OSB'ler ve rüzgâr enerjisi", 30)
    "İzmir: istihdam, OSB'ler ve…"
    >>> shorten("Kısa", 30)
    'Kısa'
    >>> shorten("Ş" * 40, 10)
    'ŞŞŞŞŞŞŞŞŞ…'
    """
    if limit < 1:
        msg = f"A text limit must be at least 1 character, not {limit!r}."
        raise ValueError(msg)
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space >= (limit - 1) * (1 - _WORD_BREAK_WINDOW):
        head = head[:space]
    return head.rstrip(" ,;:–-") + ELLIPSIS


def _is_break(char: str) -> bool:
    """Whether ``char`` is a control character or a line or paragraph separator."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")
