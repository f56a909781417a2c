"""The atlas home page and embed snippets (``izmir_maps.pages.index``)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from izmir_maps.atlas import MARKER_MAPS
from izmir_maps.data.registry import indicator_ids
from izmir_maps.pages.index import (
    OTHER_THEME,
    THEMES,
    AtlasEntry,
    embed_snippet,
    render_index,
    theme_of,
)

HOSTILE = '<img src=x onerror="alert(1)">'


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chunks.append(data)

    def hrefs(self) -> list[str]:
        return [str(a["href"]) for tag, a in self.tags if tag == "a" and a.get("href")]

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def _entries() -> list[AtlasEntry]:
    return [
        AtlasEntry(
            "employees",
            "Çalışan sayısı",
            "kişi · 2008",
            "Çalışan",
            2048,
            "thumbs/employees.svg",
            theme="employment",
        ),
        AtlasEntry("firms", "Firma sayısı", "firma · 2008", "Firma", 4096, theme="firms"),
        AtlasEntry("osb", HOSTILE, HOSTILE, "Nokta", 1024, static=False, theme="osb_wind"),
        AtlasEntry(
            "employees_share", "Çalışan payı", "%", "Çalışan", 512, "thumbs/employees_share.svg"
        ),
    ]


@pytest.fixture(scope="module")
def home() -> str:
    return render_index(
        _entries(),
        districts=[("districts/aliaga.html", "Aliağa"), ("districts/cigli.html", "Çiğli")],
        comparisons=[("compare/aliaga-cigli.html", "Aliağa – Çiğli")],
        extra_pages=[("stats.html", "Mekânsal istatistikler", "Moran's I")],
        downloads=[("data/ranking.csv", "sıralama tablosu")],
    )


def test_embed_snippet_is_an_iframe_with_title_and_full_width() -> None:
    tags = parse(embed_snippet("employees", "Çalışan sayısı", height=400)).tags
    assert [t for t, _ in tags] == ["iframe"]
    attrs = tags[0][1]
    assert attrs["src"] == "maps/employees.html"
    assert attrs["title"] == "Çalışan sayısı"
    assert attrs["width"] == "100%"
    assert attrs["height"] == "400"
    assert attrs["loading"] == "lazy"


def test_embed_snippet_prefix_and_escaping() -> None:
    tags = parse(embed_snippet("wind", HOSTILE, prefix="")).tags
    assert [t for t, _ in tags] == ["iframe"]
    assert tags[0][1]["src"] == "wind.html"
    assert tags[0][1]["title"] == HOSTILE


def test_every_entry_links_its_map_png_and_svg(home: str) -> None:
    hrefs = parse(home).hrefs()
    for slug in ("employees", "firms"):
        assert f"maps/{slug}.html" in hrefs
        assert f"static/{slug}.png" in hrefs
        assert f"static/{slug}.svg" in hrefs
    assert "maps/osb.html" in hrefs
    assert "static/osb.png" not in hrefs and "static/osb.svg" not in hrefs


def test_profiles_comparisons_pages_and_downloads_are_linked(home: str) -> None:
    page = parse(home)
    hrefs = page.hrefs()
    for target in (
        "districts/aliaga.html",
        "districts/cigli.html",
        "compare/aliaga-cigli.html",
        "stats.html",
        "data/ranking.csv",
    ):
        assert target in hrefs
    downloads = [a["href"] for tag, a in page.tags if tag == "a" and "download" in a]
    assert downloads == ["data/ranking.csv"]


def test_titles_and_descriptions_are_escaped(home: str) -> None:
    assert "<img src=x" not in home
    page = parse(home)
    images = [a["src"] for tag, a in page.tags if tag == "img"]
    assert images == ["thumbs/employees.svg", "thumbs/employees_share.svg"]  # thumbnails only
    assert page.text.count(HOSTILE) >= 2  # heading and description shown as text


def test_embed_code_is_shown_as_text(home: str) -> None:
    page = parse(home)
    assert "iframe" not in [tag for tag, _ in page.tags]  # shown, not embedded
    assert embed_snippet("employees", "Çalışan sayısı") in page.text


def test_groups_become_headings_in_order(home: str) -> None:
    text = parse(home).text
    positions = [text.index(group) for group in ("Çalışan", "Firma", "Nokta")]
    assert positions == sorted(positions)
    assert "2 KB" in text and "4 KB" in text


def test_english_home_page() -> None:
    page = parse(render_index(_entries(), lang="en"))
    assert "map atlas" in page.text and "Interactive map" in page.text
    assert "Etkileşimli harita" not in page.text
    assert ("html", {"lang": "en"}) in page.tags


# --- themes and thumbnails (issue 14: the home page by theme) ---------------------------------

ATLAS_MAPS = [*indicator_ids(), *MARKER_MAPS]


def test_every_atlas_map_has_one_of_the_themes() -> None:
    themes = [theme_of(slug) for slug in ATLAS_MAPS]
    assert OTHER_THEME not in themes
    counts = {key: themes.count(key) for key, _ in THEMES}
    assert counts == {
        "employment": 5,
        "firms": 5,
        "exports": 5,
        "izka": 34,
        "population": 7,
        "osb_wind": 7,
    }
    assert sum(counts.values()) == len(ATLAS_MAPS) == 63


@pytest.mark.parametrize(
    ("slug", "theme"),
    [
        ("employees_per_1000", "employment"),
        ("firms_rank", "firms"),
        ("exports_usd_per_capita", "exports"),
        ("izka_success_rate_rank", "izka"),
        ("izka_turizm_cevre_2009_successful_share", "izka"),
        ("area_km2_share", "population"),
        ("population_per_km2", "population"),
        ("wind_capacity_mw_share", "osb_wind"),
        ("osb_count_rank", "osb_wind"),
        ("combined", "osb_wind"),
        ("not_a_map", OTHER_THEME),
    ],
)
def test_theme_of_a_variant_is_its_bases(slug: str, theme: str) -> None:
    assert theme_of(slug) == theme


def _sections(html: str) -> dict[str, list[str]]:
    """Section id → the maps its cards link, in order."""
    out: dict[str, list[str]] = {}
    current = None
    for tag, attrs in parse(html).tags:
        if tag == "section":
            current = str(attrs["id"])
            out[current] = []
        elif tag == "a" and current and "thumb" not in str(attrs.get("class")):
            href = str(attrs.get("href"))
            if href.startswith("maps/"):
                out[current].append(href.removeprefix("maps/").removesuffix(".html"))
    return out


def test_maps_are_grouped_by_theme_each_once(home: str) -> None:
    sections = _sections(home)
    # both employee maps in one section although not next to each other in the list
    assert sections == {
        "theme-employment": ["employees", "employees_share"],
        "theme-firms": ["firms"],
        "theme-osb_wind": ["osb"],
    }
    text = parse(home).text
    assert "Çalışan · 2 harita" in text and "Firma · 1 harita" in text


def test_theme_list_links_each_section_with_its_count(home: str) -> None:
    page = parse(home)
    hrefs = page.hrefs()
    for section in _sections(home):
        assert f"#{section}" in hrefs
    assert "Çalışan (2) Firma (1) Nokta (1)" in page.text


def test_thumbnails_are_decorative_lazy_and_sized() -> None:
    page = parse(render_index(_entries(), thumb_size=(96, 85)))
    images = [a for tag, a in page.tags if tag == "img"]
    assert len(images) == 2
    for attrs in images:
        # the card's heading names the map: the picture adds nothing for a screen reader
        assert attrs["alt"] == ""
        assert attrs["loading"] == "lazy"
        assert (attrs["width"], attrs["height"]) == ("96", "85")
    thumb_links = [a for tag, a in page.tags if tag == "a" and a.get("class") == "thumb"]
    assert [a["href"] for a in thumb_links] == ["maps/employees.html", "maps/employees_share.html"]
    assert all(a["aria-hidden"] == "true" and a["tabindex"] == "-1" for a in thumb_links)
