"""Turkish-aware district names: casing, normalisation and matching.

Python's ``str.lower`` maps ``"İ"`` to ``"i̇"`` (i + combining dot) and ``"I"``
to ``"i"``, which is wrong for Turkish, so every comparison of names goes
through :func:`match_key`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

from izmir_maps.errors import UnknownDistrictError

__all__ = [
    "DistrictMatcher",
    "ascii_fold",
    "match_key",
    "slugify",
    "turkish_lower",
    "turkish_sort_key",
    "turkish_title",
    "turkish_upper",
]

_TR_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_TR_UPPER = str.maketrans({"i": "İ", "ı": "I"})
_ASCII = str.maketrans(
    {"ç": "c", "ğ": "g", "ı": "i", "ö": "o", "ş": "s", "ü": "u", "â": "a", "î": "i", "û": "u"}
)
_PCODE = re.compile(r"^TUR\d{6}$", re.IGNORECASE)
_TR_ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
_TR_FOLD = str.maketrans({"â": "a", "î": "i", "û": "u"})


def turkish_lower(text: str) -> str:
    """Lower-case ``text`` with Turkish rules (``I`` → ``ı``, ``İ`` → ``i``).

    Examples
    --------
    >>> turkish_lower("ALİAĞA KIRAZ")
    'aliağa kıraz'
    """
    return unicodedata.normalize("NFC", text).translate(_TR_LOWER).lower()


def turkish_upper(text: str) -> str:
    """Upper-case ``text`` with Turkish rules (``i`` → ``İ``, ``ı`` → ``I``).

    Examples
    --------
    >>> turkish_upper("çiğli")
    'ÇİĞLİ'
    """
    return unicodedata.normalize("NFC", text).translate(_TR_UPPER).upper()


def turkish_title(text: str) -> str:
    """Title-case each word of ``text`` with Turkish rules.

    Examples
    --------
    >>> turkish_title("GÜZELBAHÇE")
    'Güzelbahçe'
    >>> turkish_title("İZMİR")
    'İzmir'
    """
    words = re.split(r"(\s+|-)", turkish_lower(text))
    return "".join(turkish_upper(w[:1]) + w[1:] for w in words)


def turkish_sort_key(text: str) -> tuple[int, ...]:
    """Key that sorts names in Turkish alphabetical order (Ç after C, Ö after O, Ş after S …).

    Python compares code points, which would put Ç, Ö, Ş and Ü after Z. Spaces, digits and
    signs come before every letter, as in a dictionary (and ICU's Turkish collation):
    "Yeni Foça" before "Yenice", "19 Mayıs" before "Adalar".

    Examples
    --------
    >>> sorted(["Ödemiş", "Urla", "Çiğli", "Buca", "Ceşme"], key=turkish_sort_key)
    ['Buca', 'Ceşme', 'Çiğli', 'Ödemiş', 'Urla']
    >>> sorted(["Yenice", "Yeni Foça", "Adalar", "19 Mayıs"], key=turkish_sort_key)
    ['19 Mayıs', 'Adalar', 'Yeni Foça', 'Yenice']
    """
    letters = turkish_lower(text).translate(_TR_FOLD)
    after = 0x110000  # past every code point: a letter sorts after any other character
    return tuple(after + _TR_ALPHABET.index(c) if c in _TR_ALPHABET else ord(c) for c in letters)


def ascii_fold(text: str) -> str:
    """Lower-case ``text`` and replace Turkish letters by their ASCII base.

    Examples
    --------
    >>> ascii_fold("Karşıyaka")
    'karsiyaka'
    """
    folded = turkish_lower(text).translate(_ASCII)
    folded = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in folded if not unicodedata.combining(c))


def match_key(text: str) -> str:
    """Key under which two spellings of one name compare equal.

    Case, Turkish letters, spaces, dots and dashes are ignored, so
    ``"ALİAĞA"``, ``"aliağa"``, ``"ALIAGA"`` and ``"Aliaga"`` share a key.

    Examples
    --------
    >>> match_key("ALIAGA") == match_key("aliağa") == match_key(" Aliağa ")
    True
    """
    return re.sub(r"[^a-z0-9]", "", ascii_fold(text))


def slugify(text: str) -> str:
    """ASCII slug for file names: ``"Çiğli"`` → ``"cigli"``.

    Only ``a-z``, ``0-9`` and ``-`` survive, so a slug can never name a
    parent folder.

    Examples
    --------
    >>> slugify("Güzelbahçe")
    'guzelbahce'
    >>> slugify("../../etc")
    'etc'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(text)).strip("-")
    return slug or "x"


class DistrictMatcher:
    """Resolve district names or P-codes to one canonical district.

    Parameters
    ----------
    names_by_pcode
        Canonical Turkish name of each district, keyed by P-code
        (``"TUR035001"`` → ``"Aliağa"``).
    aliases
        Further spellings, mapped to a P-code. Used for the report's own
        misspelling only when a caller asks for it; by default an unknown
        spelling is an error.

    Examples
    --------
    >>> m = DistrictMatcher({"TUR035001": "Aliağa", "TUR035010": "Çiğli"})
    >>> m.pcode("ALIAGA"), m.name("tur035010")
    ('TUR035001', 'Çiğli')
    """

    def __init__(
        self,
        names_by_pcode: Mapping[str, str],
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        self.names_by_pcode = dict(names_by_pcode)
        self._by_key: dict[str, str] = {}
        for pcode, name in self.names_by_pcode.items():
            self._add(name, pcode)
            self._add(pcode, pcode)
        for alias, pcode in (aliases or {}).items():
            self._add(alias, pcode)

    def _add(self, text: str, pcode: str) -> None:
        key = match_key(text)
        other = self._by_key.get(key)
        if other is not None and other != pcode:
            msg = f"Name {text!r} is ambiguous: it matches {other} and {pcode}."
            raise ValueError(msg)
        self._by_key[key] = pcode

    def pcode(self, text: object, *, where: str = "") -> str:
        """P-code of the district that ``text`` names.

        Parameters
        ----------
        text
            A district name in any case, with or without Turkish letters, or
            a P-code.
        where
            Where the name came from (file, row, column), put in the error.

        Raises
        ------
        UnknownDistrictError
            If ``text`` matches no district; the message lists the closest
            valid names.
        """
        raw = "" if text is None else str(text)
        key = match_key(raw)
        if key in self._by_key:
            return self._by_key[key]
        raise UnknownDistrictError(self._unknown_message(raw, where))

    def name(self, text: object, *, where: str = "") -> str:
        """Canonical Turkish name of the district that ``text`` names."""
        return self.names_by_pcode[self.pcode(text, where=where)]

    def closest(self, text: str, n: int = 3) -> list[str]:
        """Up to ``n`` canonical names closest to ``text``."""
        keys = {match_key(name): name for name in self.names_by_pcode.values()}
        hits = difflib.get_close_matches(match_key(text), list(keys), n=n, cutoff=0.5)
        return [keys[k] for k in hits]

    def _unknown_message(self, raw: str, where: str) -> str:
        place = f"{where}: " if where else ""
        if not raw.strip():
            return (
                f"{place}the district name is empty. Fill in one of the "
                f"{len(self.names_by_pcode)} district names or its P-code."
            )
        close = self.closest(raw)
        hint = (
            "Did you mean " + " or ".join(repr(c) for c in close) + "?"
            if close
            else "Valid names are: " + ", ".join(sorted(self.names_by_pcode.values())) + "."
        )
        return (
            f"{place}{raw!r} is not a known district. {hint} "
            "Correct the name (any case, with or without Turkish letters) or use the P-code."
        )

    def missing(self, pcodes: Iterable[str]) -> list[str]:
        """Canonical names of the districts absent from ``pcodes``, sorted by P-code."""
        seen = set(pcodes)
        return [n for p, n in sorted(self.names_by_pcode.items()) if p not in seen]
