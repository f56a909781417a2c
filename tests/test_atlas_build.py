"""The whole atlas built into one folder (``izmir_maps.atlas.build_atlas``, no static maps)."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd
import pytest

from izmir_maps.atlas import COMPARISONS, MARKER_MAPS, build_atlas
from izmir_maps.data.paths import data_dir
from izmir_maps.data.registry import indicator_ids


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append(value)


def refs(path: Path) -> list[str]:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.refs


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    parent = tmp_path_factory.mktemp("atlas_parent")
    (parent / "neighbour.txt").write_text("untouched\n", encoding="utf-8")
    before = _digest(data_dir())
    messages: list[str] = []
    out = parent / "atlas"
    written = build_atlas(out, static=False, progress=messages.append)
    return {
        "out": out,
        "parent": parent,
        "written": written,
        "messages": messages,
        "data_before": before,
    }


@pytest.fixture(scope="module")
def out(build) -> Path:
    return build["out"]  # type: ignore[return-value]


def _pages(out: Path) -> list[Path]:
    pages = [out / "index.html", out / "stats.html"]
    pages += sorted((out / "districts").glob("*.html"))
    pages += sorted((out / "compare").glob("*.html"))
    pages += [out / "compare.html", *sorted((out / "reports").glob("*.html"))]
    return pages


def test_home_page_exists(out: Path) -> None:
    assert (out / "index.html").is_file()
    assert (out / "stats.html").is_file()


def test_every_relative_link_resolves_to_a_file(out: Path) -> None:
    checked = 0
    broken = []
    for page in _pages(out):
        for ref in refs(page):
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # absolute URLs and in-page anchors
            target = (page.parent / unquote(parts.path)).resolve()
            checked += 1
            if not target.is_file() or out.resolve() not in target.parents:
                broken.append(f"{page.relative_to(out)} → {ref}")
    assert broken == []
    assert checked > 100


def test_pages_load_nothing_from_the_network(out: Path) -> None:
    for page in _pages(out):
        external = [r for r in refs(page) if urlsplit(r).scheme in ("http", "https")]
        assert external == [], page.name


def test_home_page_links_every_map_profile_and_comparison(out: Path) -> None:
    hrefs = set(refs(out / "index.html"))
    for slug in [*indicator_ids(), "osb", "wind", "combined"]:
        assert f"maps/{slug}.html" in hrefs
    assert {f"districts/{p.name}" for p in (out / "districts").glob("*.html")} <= hrefs
    assert {f"compare/{p.name}" for p in (out / "compare").glob("*.html")} <= hrefs
    assert not [h for h in hrefs if h.startswith("static/")]  # built without static maps


def test_thirty_profiles_with_ascii_names(out: Path, raw_data) -> None:
    profiles = sorted((out / "districts").glob("*.html"))
    assert len(profiles) == 30
    for path in profiles:
        assert re.fullmatch(r"[a-z0-9-]+\.html", path.name), path.name
    names = set(raw_data("table1_districts.csv")["district"])
    shown = set()
    for path in profiles:
        title = re.search(r"<title>(.*?) — ", path.read_text(encoding="utf-8")).group(1)
        shown.add(title)
    assert shown == names


def test_comparison_pages(out: Path) -> None:
    files = sorted(p.name for p in (out / "compare").glob("*.html"))
    assert len(files) == len(COMPARISONS) + 2
    assert "multiples.html" in files
    assert "sync-employees-exports.html" in files
    assert "aliaga-cigli.html" in files
    text = (out / "compare" / "aliaga-cigli.html").read_text(encoding="utf-8")
    assert "Aliağa" in text and "Çiğli" in text


def test_every_map_has_its_embed_snippet(out: Path) -> None:
    maps = [p for p in (out / "maps").glob("*.html") if not p.name.endswith(".embed.html")]
    assert len(maps) == len(indicator_ids()) + 3
    for page in maps:
        embed = page.with_name(page.stem + ".embed.html")
        assert embed.is_file(), embed.name
        text = embed.read_text(encoding="utf-8")
        assert f'src="{page.name}"' in text  # relative to maps/, where it sits
        assert 'width="100%"' in text and "title=" in text


def test_data_downloads_exist(out: Path) -> None:
    for name in ("ranking.csv", "moran.csv", "districts.csv", "districts.geojson"):
        assert (out / "data" / name).is_file()
    ranking = pd.read_csv(out / "data" / "ranking.csv", encoding="utf-8")
    assert len(ranking) == 30
    aliaga = ranking.set_index("district").loc["Aliağa"]
    assert (int(aliaga["employees"]), int(aliaga["employees_rank"])) == (27225, 9)
    moran = pd.read_csv(out / "data" / "moran.csv", encoding="utf-8")
    assert "employees" in set(moran["id"])


def test_each_map_downloads_its_table_and_the_outlines_are_written_once(out: Path) -> None:
    slugs = [*indicator_ids(), *MARKER_MAPS]
    tables = sorted(p.name for p in (out / "data" / "maps").iterdir())
    assert tables == sorted(f"{slug}.{fmt}" for slug in slugs for fmt in ("csv", "xlsx"))
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.geojson")) == [
        "data/districts.geojson"
    ]


def test_returned_paths_are_the_files_written(build, out: Path) -> None:
    written = [Path(p) for p in build["written"]]  # type: ignore[union-attr]
    on_disk = {p for p in out.rglob("*") if p.is_file()}
    assert {p.resolve() for p in written} == {p.resolve() for p in on_disk}
    assert len(written) == len(set(written))


def test_nothing_written_outside_the_output_folder(build) -> None:
    parent: Path = build["parent"]  # type: ignore[assignment]
    assert sorted(p.name for p in parent.iterdir()) == ["atlas", "neighbour.txt"]
    assert (parent / "neighbour.txt").read_text(encoding="utf-8") == "untouched\n"
    assert _digest(data_dir()) == build["data_before"]


def test_no_leftover_temporary_files(out: Path) -> None:
    leftovers = [p.name for p in out.rglob("*") if p.name.endswith(".tmp") or ".tmp" in p.name]
    assert leftovers == []


def test_progress_reports_each_step(build) -> None:
    messages: list[str] = build["messages"]  # type: ignore[assignment]
    for step in range(1, 8):
        assert any(m.startswith(f"[{step}/7]") for m in messages), step
    assert "Static maps skipped" in " ".join(messages)
    assert re.fullmatch(r"Done in \d+\.\d s", messages[-1])  # the CLI's last line gives the count
