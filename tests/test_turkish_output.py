"""A Turkish atlas shows no English: pages, legends, popups, tooltips and static maps.

The reference tables of ``data/`` came with English status notes and research
remarks ("operating (as of article date; undated)", "Menderes Tekstil
subsidiary", "(per brief)"). These tests build a Turkish atlas, render one
static SVG of each kind, and scan every text a user can read for words that
cannot be Turkish. A hit names the file, the word and the text around it.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

#: English words that cannot be Turkish (so not "on", "at" or "not", which are), matched as
#: whole words, case-insensitively, after :data:`ALLOWED` is removed.
ENGLISH_WORDS = (
    "about", "and", "approved", "approximate", "approx", "area", "article", "as of",
    "average", "boundaries", "brief", "built", "capacity", "centre", "cluster", "combined",
    "commissioned", "company", "current", "data", "database", "developed", "district",
    "districts", "do not", "employees", "energy", "exports", "farm", "farms", "firms", "for",
    "formerly", "free", "from", "inaugurated", "inconsistent", "increase", "industrial",
    "installed", "is", "licence", "map", "most", "near", "news", "no data", "not stated",
    "of", "opened", "operating", "operator", "organised", "per", "planned", "plant", "power",
    "press", "printed", "probably", "rank", "renewable", "report", "share", "since",
    "source", "sources", "status", "subsidiary", "the", "this", "to", "town", "turbines",
    "under construction", "undated", "via", "web sites", "which", "wind", "with", "year",
    "yes", "zone", "zones",
)  # fmt: skip

#: Proper names, source titles and licence names a Turkish page may carry, removed before
#: matching (longest first, case-insensitive). Each entry says why it is allowed.
ALLOWED = (
    "Global Power Plant Database",  # title of the WRI data set, cited as published
    "OCHA COD-AB",  # title of the boundary data set
    "CC BY-IGO",  # licence name
    "EWEA",  # European Wind Energy Association, the report's source, cited by its name
)

# Web addresses and file names ("data/wind_farms.csv", "maps/employees.html") are not words.
_URL = re.compile(
    r"(?:https?://|www\.)\S+|[\w./-]+\.(?:com|org|net|de|at|tr|csv|xlsx|geojson|gpkg|parquet|html|md|svg|png|pdf)\b\S*"
)
_WORD = re.compile(
    r"(?<![\w'’])("
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ENGLISH_WORDS)
    + r")(?![\w'’])",
    re.IGNORECASE,
)
#: Keys of the maps' JSON payload that hold geometry, colours or ids, never words.
_NOT_TEXT = {
    "arcs",
    "g",
    "outline",
    "land",
    "inland",
    "shapes",
    "style",
    "view",
    "id",
    "c",
    "k",
    "q",
    "p",
    "pp",  # the folder of the district profiles, a link
}


def english_words(text: str) -> list[str]:
    """The English words of ``text``, after URLs and :data:`ALLOWED` names are removed.

    Examples
    --------
    >>> english_words("Kaynak: EWEA 2009, via İZKA; işletmede (as of 2008)")
    ['via', 'as of']
    >>> english_words("Sınırlar: OCHA COD-AB Türkiye (CC BY-IGO); https://www.example.org/the-farm")
    []
    """
    text = _URL.sub(" ", text)
    for name in sorted(ALLOWED, key=len, reverse=True):
        text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
    return [m.group(1) for m in _WORD.finditer(text)]


class _Visible(HTMLParser):
    """Text a reader sees: element text, ``title``/``alt``/``aria-label``, JSON payload strings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0
        self._json = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("title", "alt", "aria-label", "placeholder") and value:
                self.texts.append(value)
        if tag in ("script", "style"):
            kind = dict(attrs).get("type") or ""
            self._json = tag == "script" and kind == "application/json"
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
            if self._json:
                self.texts += _payload_texts(json.loads("".join(self._buffer)))
            self._json, self._buffer = False, []

    def handle_data(self, data: str) -> None:
        if self._json:
            self._buffer.append(data)
        elif not self._skip and data.strip():
            self.texts.append(data)


def _payload_texts(data: object, key: str = "") -> Iterator[str]:
    """Every string of a map's JSON payload that is shown as text (markup unescaped)."""
    if key in _NOT_TEXT:
        return
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _payload_texts(v, k)
    elif isinstance(data, list):
        # a layer switch is [key, name, shown]: the key is an id, the name is shown
        items = data[1:2] if key == "layers" and data and isinstance(data[0], str) else data
        for v in items:
            yield from _payload_texts(v, key)
    elif isinstance(data, str):
        yield re.sub(r"<[^>]+>", " ", unescape(data))


def page_texts(path: Path) -> list[str]:
    """The visible texts of one HTML page, its map payload included."""
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.texts


def svg_texts(path: Path) -> list[str]:
    """The ``<text>`` (and ``<title>``) contents of a static SVG map, metadata left out."""
    root = ET.parse(path).getroot()
    out = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("text", "tspan", "title") and element.text and element.text.strip():
            out.append(element.text)
    return out


def _hits(texts: list[str]) -> list[str]:
    return [f"{word!r} in {text.strip()[:160]!r}" for text in texts for word in english_words(text)]


@pytest.fixture(scope="module")
def atlas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from izmir_maps.atlas import build_atlas

    out = tmp_path_factory.mktemp("turkish") / "atlas"
    build_atlas(out, lang="tr", static=False)
    return out


@pytest.fixture(scope="module")
def static_svgs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from izmir_maps.atlas import map_spec
    from izmir_maps.static.render import render_static, write_static

    folder = tmp_path_factory.mktemp("turkish_svg")
    out = []
    for slug in ("employees_per_1000", "osb", "wind", "combined"):
        path = folder / f"{slug}.svg"
        write_static(render_static(map_spec(slug, lang="tr")), path)
        out.append(path)
    return out


def test_the_scan_finds_english_in_a_popup_and_not_in_turkish() -> None:
    assert english_words("Durum: operating (as of article date; undated)") == [
        "operating",
        "as of",
        "article",
        "undated",
    ]
    assert english_words("Aliağa RES (Tan Elektrik Üretim A.Ş.; Menderes Tekstil subsidiary)") == [
        "subsidiary"
    ]
    assert english_words("işletmede (haber tarihi itibarıyla; tarihsiz)") == []
    assert english_words("Kaynak: EWEA 2009, aktaran: İZKA Aliağa Özet Raporu (Aralık 2010)") == []


def test_no_turkish_page_shows_english(atlas: Path) -> None:
    pages = sorted(atlas.rglob("*.html"))
    assert len(pages) > 150  # every map, embed, profile, comparison and the home page
    problems = {
        page.relative_to(atlas).as_posix(): hits
        for page in pages
        if (hits := _hits(page_texts(page)))
    }
    report = "\n".join(f"{name}: {hit}" for name, hits in problems.items() for hit in hits[:5])
    assert not problems, f"English on {len(problems)} Turkish pages:\n{report}"


def test_no_turkish_static_map_shows_english(static_svgs: list[Path]) -> None:
    problems = {path.name: hits for path in static_svgs if (hits := _hits(svg_texts(path)))}
    assert all(svg_texts(path) for path in static_svgs)
    report = "\n".join(f"{name}: {hit}" for name, hits in problems.items() for hit in hits)
    assert not problems, f"English on Turkish static maps:\n{report}"
