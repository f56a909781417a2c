"""The grammar of names, numbers and ranks in Turkish and English sentences.

Generated sentences (map descriptions, district reports) need Turkish case
suffixes after proper names and numbers, ordinals, rank phrases that are right
for the first and last place and for ties, and lists joined the way each
language joins them. Nothing here knows about maps.

Turkish case suffixes follow the **sound** of the last word, not its letters:

- vowel harmony from the last vowel: *a ı o u* are back vowels, *e i ö ü*
  front; two-way suffixes take *a/e*, four-way ones *ı/i/u/ü* (rounded
  after *o u ö ü*);
- a buffer consonant after a final vowel: *n* before the genitive
  (Çeşme'nin), *y* before the dative, accusative and instrumental
  (Çeşme'ye, Çeşme'yi, Çeşme'yle);
- *d* becomes *t* after a voiceless consonant (f s t k ç ş h p): Konak'ta,
  Ödemiş'ten;
- proper names are never softened in writing: Konak'a, Selçuk'un, Beydağ'ın;
- numbers are read out: 2008 is *iki bin sekiz*, so 2008'de; 30 is *otuz*,
  so 30'da; %4,14 is *yüzde dört virgül on dört*, so %4,14'ü;
- upper-case abbreviations are read as a word when they can be (İZKA'nın,
  TÜİK'in) and letter by letter otherwise (ABD'de, SGK'nin, OSB'nin: the
  letters' Turkish names *be, ce, de … ke …*, as the TDK writes them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from izmir_maps.text.names import turkish_lower
from izmir_maps.text.numbers import Lang

__all__ = [
    "CASES",
    "Case",
    "join_list",
    "number_words",
    "ordinal",
    "rank_phrase",
    "suffix",
    "with_case",
]

Case = Literal[
    "locative", "ablative", "genitive", "dative", "accusative", "instrumental", "possessed"
]
#: The Turkish cases :func:`with_case` writes.
CASES: tuple[Case, ...] = (
    "locative",
    "ablative",
    "genitive",
    "dative",
    "accusative",
    "instrumental",
    "possessed",
)

_BACK = "aıouâû"
_FRONT = "eiöüî"
_ROUND = "ouöüû"
_VOWELS = _BACK + _FRONT
_VOICELESS = "fstkçşhp"

_ONES = ("", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz")
_TENS = ("", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan")
_SCALES = ((10**12, "trilyon"), (10**9, "milyar"), (10**6, "milyon"), (10**3, "bin"))
# The Turkish names of the consonant letters, as an abbreviation is spelled out (TDK).
# fmt: off
_LETTERS = {
    "b": "be", "c": "ce", "ç": "çe", "d": "de", "f": "fe", "g": "ge", "ğ": "yumuşak ge",
    "h": "he", "j": "je", "k": "ke", "l": "le", "m": "me", "n": "ne", "p": "pe", "q": "kû",
    "r": "re", "s": "se", "ş": "şe", "t": "te", "v": "ve", "w": "çift ve", "x": "iks",
    "y": "ye", "z": "ze",
}
# fmt: on
# Units and signs that end a figure ("147,5 MW"), as they are read.
_SPOKEN = {
    "mw": "megavat",
    "km²": "kilometrekare",
    "km2": "kilometrekare",
    "km": "kilometre",
    "tl": "lira",
    "$": "dolar",
    "usd": "dolar",
    "%": "yüzde",
}
_EN_ORDINAL = {1: "st", 2: "nd", 3: "rd"}
_LAST_WORD = re.compile(r"([^\W_]+[²]?|[$%])\W*$")
_NUMBER = re.compile(r"(\d[\d.]*)(?:,(\d+))?\W*$")


def number_words(n: int) -> str:
    """A whole number as it is read in Turkish.

    Parameters
    ----------
    n
        A whole number (negative numbers are read with *eksi*).

    Examples
    --------
    >>> number_words(2008), number_words(199310)
    ('iki bin sekiz', 'yüz doksan dokuz bin üç yüz on')
    >>> number_words(1000), number_words(0), number_words(-30)
    ('bin', 'sıfır', 'eksi otuz')
    """
    if n < 0:
        return f"eksi {number_words(-n)}"
    if n == 0:
        return "sıfır"
    words: list[str] = []
    for size, name in _SCALES:
        count, n = divmod(n, size)
        if count:
            # "bin", never "bir bin"; but "bir milyon"
            words += [name] if count == 1 and size == 1000 else [number_words(count), name]
    hundreds, n = divmod(n, 100)
    if hundreds:
        words += ["yüz"] if hundreds == 1 else [_ONES[hundreds], "yüz"]
    words += [w for w in (_TENS[n // 10], _ONES[n % 10]) if w]
    return " ".join(words)


def _spoken(name: str) -> str:
    """The last word of ``name`` as it sounds, in lower case (what the suffix follows)."""
    number = _NUMBER.search(name)
    if number:
        whole, decimals = number.groups()
        digits = decimals if decimals else whole.replace(".", "")
        return number_words(int(digits)).split()[-1]
    match = _LAST_WORD.search(name)
    word = match.group(1) if match else name
    lower = turkish_lower(word)
    if lower in _SPOKEN:
        return _SPOKEN[lower]
    if word.isupper() and _spelled(lower):
        return _LETTERS.get(lower[-1], lower[-1])
    return lower


def _spelled(abbreviation: str) -> bool:
    """Whether an upper-case abbreviation is read letter by letter (ABD, SGK, OSB), not as a word."""
    if len(abbreviation) <= 2 or not any(c in _VOWELS for c in abbreviation):
        return True
    ends_in_two = all(c not in _VOWELS for c in abbreviation[-2:])
    return ends_in_two or bool(re.search(f"[^{_VOWELS}]{{3}}", abbreviation))


def suffix(name: str, case: Case, *, possessive: bool = False) -> str:
    """The case suffix ``name`` takes, without the apostrophe.

    Parameters
    ----------
    name
        A name, word, abbreviation or number as written ("Konak", "İZKA", "2008").
    case
        One of :data:`CASES`.
    possessive
        The name ends in a possessive suffix (*Ege Serbest Bölgesi*), which
        takes the pronominal *n*: Bölgesi'nde, Bölgesi'ne.

    Examples
    --------
    >>> suffix("Konak", "locative"), suffix("Çeşme", "genitive"), suffix("2008", "locative")
    ('ta', 'nin', 'de')
    """
    if case not in CASES:
        raise ValueError(f"case must be one of {', '.join(CASES)}, not {case!r}")
    sound = _spoken(name) or "e"
    vowels = [c for c in sound if c in _VOWELS]
    last = vowels[-1] if vowels else "e"
    a = "a" if last in _BACK else "e"
    i = {(True, False): "ı", (True, True): "u", (False, False): "i", (False, True): "ü"}[
        (last in _BACK, last in _ROUND)
    ]
    vowel_final = sound[-1] in _VOWELS
    d = "t" if sound[-1] in _VOICELESS else "d"
    if possessive:
        if case == "possessed":
            raise ValueError("a name that ends in a possessive takes no second one")
        return {
            "locative": f"nd{a}",
            "ablative": f"nd{a}n",
            "genitive": f"n{i}n",
            "dative": f"n{a}",
            "accusative": f"n{i}",
            "instrumental": f"yl{a}",
        }[case]
    buffer_y = "y" if vowel_final else ""
    return {
        "locative": f"{d}{a}",
        "ablative": f"{d}{a}n",
        "genitive": f"{'n' if vowel_final else ''}{i}n",
        "dative": f"{buffer_y}{a}",
        "accusative": f"{buffer_y}{i}",
        "instrumental": f"{buffer_y}l{a}",
        "possessed": f"{'s' if vowel_final else ''}{i}",
    }[case]


def with_case(
    name: str | int, case: Case, *, possessive: bool = False, apostrophe: bool = True
) -> str:
    """``name`` with a Turkish case suffix after an apostrophe: Konak'ta, Çeşme'nin, 2008'de.

    Parameters
    ----------
    name
        A proper name, abbreviation or number (an ``int`` is written as digits).
        A list joined by :func:`join_list` takes the suffix on its last name
        ("Karşıyaka ve Konak'ta").
    case
        ``"locative"`` (-DA), ``"ablative"`` (-DAn), ``"genitive"`` (-(n)In),
        ``"dative"`` (-(y)A), ``"accusative"`` (-(y)I), ``"instrumental"`` (-(y)lA)
        or ``"possessed"``, the third-person possessive of a share or a part
        (-(s)I: *İzmir'in %57,8'i*, *%50'si*, *30 ilçenin 20'si*).
    possessive
        See :func:`suffix`.
    apostrophe
        ``False`` for words that take no apostrophe (institution names in TDK
        spelling: *Türk Dil Kurumuna*).

    Raises
    ------
    ValueError
        For an unknown case.

    Examples
    --------
    >>> [with_case(n, "locative") for n in ("Aliağa", "Konak", "Ödemiş", "Çiğli")]
    ["Aliağa'da", "Konak'ta", "Ödemiş'te", "Çiğli'de"]
    >>> with_case("Konak", "genitive"), with_case("Karaburun", "genitive")
    ("Konak'ın", "Karaburun'un")
    >>> with_case("İZKA", "genitive"), with_case(2008, "locative"), with_case(30, "ablative")
    ("İZKA'nın", "2008'de", "30'dan")
    """
    written = str(name)
    mark = "'" if apostrophe else ""
    return f"{written}{mark}{suffix(written, case, possessive=possessive)}"


def ordinal(n: int, lang: Lang = "tr") -> str:
    """``n`` as an ordinal in figures: ``"9."`` in Turkish, ``"9th"`` in English.

    Examples
    --------
    >>> ordinal(9), ordinal(9, "en"), [ordinal(n, "en") for n in (1, 2, 3, 11, 12, 13, 21, 22)]
    ('9.', '9th', ['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd'])
    """
    if lang != "en":
        return f"{n}."
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{_EN_ORDINAL.get(n % 10, 'th')}"


def join_list(items: Sequence[str], lang: Lang = "tr") -> str:
    """Names joined as a list: "Konak ve Bornova", "A, B ve C"; "A and B", "A, B and C".

    Examples
    --------
    >>> join_list(["Konak", "Bornova", "Buca"]), join_list(["Konak", "Bornova"], "en")
    ('Konak, Bornova ve Buca', 'Konak and Bornova')
    """
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    word = "and" if lang == "en" else "ve"
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def rank_phrase(rank: int, total: int, lang: Lang = "tr", *, tied_with: Sequence[str] = ()) -> str:
    """Where a rank stands among ``total``, right for the first and last place and for ties.

    Parameters
    ----------
    rank
        The rank, 1 = first; tied places share the best rank (1, 2, 2, 4).
    total
        How many are ranked: the last place is ``total`` (or a tie reaching it).
    lang
        ``"tr"`` or ``"en"``.
    tied_with
        The names that share the rank (not counting the one described).

    Returns
    -------
    str
        Turkish "ilk sırada", "son sırada", "9. sırada", "Foça ile birlikte
        12. sırada"; English "first", "last", "9th", "joint 12th with Foça".

    Examples
    --------
    >>> rank_phrase(1, 30), rank_phrase(30, 30), rank_phrase(9, 30)
    ('ilk sırada', 'son sırada', '9. sırada')
    >>> rank_phrase(12, 30, tied_with=["Foça"]), rank_phrase(12, 30, "en", tied_with=["Foça"])
    ('Foça ile birlikte 12. sırada', 'joint 12th with Foça')
    >>> rank_phrase(29, 30, "en", tied_with=["Urla"])
    'joint last with Urla'
    """
    if rank < 1 or rank > total:
        raise ValueError(f"rank must be between 1 and {total}, not {rank}")
    last = rank + len(tied_with) >= total and total > 1
    if lang == "en":
        place = "first" if rank == 1 else "last" if last else ordinal(rank, "en")
        return f"joint {place} with {join_list(tied_with, 'en')}" if tied_with else place
    place = "ilk" if rank == 1 else "son" if last else ordinal(rank)
    together = f"{join_list(tied_with)} ile birlikte " if tied_with else ""
    return f"{together}{place} sırada"
