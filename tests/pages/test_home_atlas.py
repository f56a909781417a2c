"""The built atlas's home page by theme, its thumbnails, and the pages' table downloads.

Issue 14: 63 near-identical cards made the home page 7,789 px tall at 1280 px and
15,379 px on a phone (390 px), measured on this atlas (``--no-static``) before
the change; grouped by theme with compact cards it is about 4,040 and 7,930 px.
The limits below leave ~12 % for font differences and stay ≥ 40 % under the
old heights. The atlas is built twice (without static maps) to check that the
new files are byte-identical.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest

from izmir_maps.atlas import MARKER_MAPS, build_atlas
from izmir_maps.data.registry import indicator_ids
from izmir_maps.pages.index import THEMES, format_size

MAPS = [*indicator_ids(), *MARKER_MAPS]
#: Page height limits (px) of the home page at 1280 and 390 px wide (see the module text).
# 390 px: 8,800 before the five grid and bivariate maps joined the comparison section (8,826).
HEIGHT_LIMITS = {1280: 4_600, 390: 9_300}
#: Largest thumbnail file (bytes); the largest is the combined map's, about 6.5 KB.
MAX_THUMB = 7_500


@pytest.fixture(scope="module")
def atlases(tmp_path_factory) -> tuple[Path, Path]:
    first = tmp_path_factory.mktemp("home") / "atlas"
    second = tmp_path_factory.mktemp("home2") / "atlas"
    build_atlas(first, static=False, workers=1)
    build_atlas(second, static=False, workers=1)
    return first, second


@pytest.fixture(scope="module")
def out(atlases) -> Path:
    return atlases[0]


def _home(out: Path) -> str:
    return (out / "index.html").read_text(encoding="utf-8")


def test_every_map_has_a_small_thumbnail_shown_on_the_home_page(out: Path) -> None:
    home = _home(out)
    sizes = {}
    for slug in MAPS:
        thumb = out / "thumbs" / f"{slug}.svg"
        sizes[slug] = thumb.stat().st_size
        assert f"src='thumbs/{slug}.svg'" in home
    assert max(sizes.values()) <= MAX_THUMB
    assert sorted(p.stem for p in (out / "thumbs").iterdir()) == sorted(MAPS)


def test_each_map_appears_once_under_its_theme(out: Path) -> None:
    home = _home(out)
    sections = re.findall(r"<section id='theme-(\w+)'>(.*?)</section>", home, re.S)
    assert [key for key, _ in sections] == [key for key, _ in THEMES]
    seen = []
    for _key, body in sections:
        seen += re.findall(r"<h4>", body) and re.findall(r"<a href='maps/([\w]+)\.html'>", body)
    assert sorted(seen) == sorted(MAPS) and len(seen) == 63
    assert "<h3>Çalışanlar ve istihdam <span class='muted'>· 5 harita</span></h3>" in home
    assert "İZKA mali destekleri <span class='muted'>· 34 harita</span>" in home


def test_home_lists_the_tables_as_shown_with_their_sizes(out: Path) -> None:
    text = re.sub(r"<[^>]+>", "", _home(out))
    for name in ("stats/moran.csv", "stats/moran.xlsx", "stats/ranking.csv", "stats/ranking.xlsx"):
        size = (out / "data" / name).stat().st_size
        assert f"data/{name} (" in text, name
        assert size > 0


def test_profiles_link_their_figures_as_csv_and_xlsx(out: Path) -> None:
    page = (out / "districts" / "aliaga.html").read_text(encoding="utf-8")
    links = re.findall(r"<a href='(\.\./data/profiles/aliaga\.(?:csv|xlsx))' download", page)
    assert links == ["../data/profiles/aliaga.csv", "../data/profiles/aliaga.xlsx"]
    line = re.search(r"<p class='table-dl'>(.*?)</p>", page, re.S)
    assert line is not None
    words = re.sub(r"<[^>]+>", "", line.group(1))
    csv_size, xlsx_size = (
        format_size((out / "data" / "profiles" / f"aliaga.{fmt}").stat().st_size)
        for fmt in ("csv", "xlsx")
    )
    assert words == f"Veriyi indir: CSV ({csv_size}) · XLSX ({xlsx_size})"
    data = (out / "data" / "profiles" / "aliaga.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert data.startswith(b"\xef\xbb\xbf")
    assert rows[1][:4] == ["Çalışan sayısı (SGK, 2008)", "27.225", "kişi", "4,14"]
    book = openpyxl.load_workbook(out / "data" / "profiles" / "aliaga.xlsx")
    assert book.worksheets[0]["B2"].value == 27225
    assert len(list((out / "data" / "profiles").glob("*.csv"))) == 30


def test_statistics_page_links_its_tables(out: Path) -> None:
    page = (out / "stats.html").read_text(encoding="utf-8")
    for name in ("moran", "ranking"):
        for fmt in ("csv", "xlsx"):
            assert f"href='data/stats/{name}.{fmt}'" in page
            assert (out / "data" / "stats" / f"{name}.{fmt}").is_file()


def test_new_files_are_byte_identical_on_rebuild(atlases) -> None:
    first, second = atlases
    files = [
        "index.html",
        "stats.html",
        "districts/aliaga.html",
        *(f"thumbs/{slug}.svg" for slug in MAPS),
        *(f"data/stats/{n}.{f}" for n in ("moran", "ranking") for f in ("csv", "xlsx")),
        *(f"data/profiles/{d}.{f}" for d in ("aliaga", "konak") for f in ("csv", "xlsx")),
    ]
    different = [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert different == []


@pytest.mark.browser
@pytest.mark.parametrize("width", sorted(HEIGHT_LIMITS))
def test_home_page_height_and_thumbnails_in_the_browser(out: Path, open_page, width) -> None:
    seen = open_page((out / "index.html").as_uri(), viewport={"width": width, "height": 844})
    page = seen.page
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= HEIGHT_LIMITS[width], height
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing sideways
    # scroll through so the lazy thumbnails load, then check every one drew
    for y in range(0, height, 700):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(30)
    page.wait_for_function(
        "Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0)",
        timeout=10_000,
    )
    assert page.evaluate("document.images.length") == 63
