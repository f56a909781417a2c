"""The atlas home page and embed snippets (``izmir_maps.pages.index``)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from izmir_maps.pages.index import AtlasEntry, embed_snippet, render_index

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
        AtlasEntry("employees", "Çalışan sayısı", "kişi · 2008", "Çalışan", 2048, "<svg></svg>"),
        AtlasEntry("firms", "Firma sayısı", "firma · 2008", "Firma", 4096),
        AtlasEntry("osb", HOSTILE, HOSTILE, "Nokta", 1024, static=False),
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
    assert "<img" not in home
    page = parse(home)
    assert "img" not in [tag for tag, _ in page.tags]
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
