"""Build the atlas: every output of izmir-maps into one folder.

``build_atlas`` and the CLI are the only places that chain the steps
boundaries → indicators → join → classify → render → write. The layout::

    DIR/index.html               home page linking everything
    DIR/maps/<map>.html          interactive maps (Leaflet shared from DIR/assets/)
    DIR/maps/<map>.embed.html    ready-to-paste <iframe> snippet of each map
    DIR/static/<map>.png|.svg    print-quality maps
    DIR/districts/<slug>.html    30 district profiles
    DIR/compare/*.html           comparison pages, small multiples, synchronised maps
    DIR/stats.html               Moran's I, LISA maps, ranking table
    DIR/data/*.csv|.geojson      the district table, its sources, rankings, statistics,
                                 and the source tables the legends cite (osb.csv …)
    DIR/data/maps/<map>.csv|.xlsx|.geojson   the values each map shows (its "Veriyi indir")
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from izmir_maps._checks import check_bool, check_int, check_lang, check_path, shown
from izmir_maps.data.join import district_table
from izmir_maps.data.paths import data_dir, geodata_dir
from izmir_maps.data.registry import Indicator, base_indicators, indicator, indicator_ids
from izmir_maps.downloads import download_links, write_downloads
from izmir_maps.errors import OptionError
from izmir_maps.pages.compare import render_comparison, render_small_multiples
from izmir_maps.pages.index import AtlasEntry, embed_snippet, render_index
from izmir_maps.pages.profiles import district_slug, render_profile
from izmir_maps.pages.statistics import render_stats_page
from izmir_maps.pages.svgmap import svg_map
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec, combined_spec, osb_spec, wind_spec
from izmir_maps.staging import MARKER, staged_folder
from izmir_maps.text.names import slugify
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text
from izmir_maps.workers import worker_pool
from izmir_maps.write import safe_join, write_bytes, write_csv, write_geojson, write_text

__all__ = ["COMPARISONS", "MARKER_MAPS", "build_atlas", "column_sources", "map_spec"]

Progress = Callable[[str], None]

#: The marker maps built besides one choropleth per indicator.
MARKER_MAPS = ("osb", "wind", "combined")
#: Comparison pages of the atlas: Aliağa with its neighbours, and the two OSB districts.
COMPARISONS = (("Aliağa", "Bergama", "Foça", "Menemen"), ("Aliağa", "Çiğli"))
#: Source tables of data/ that legends cite by path ("data/osb.csv"): copied into the atlas.
CITED_TABLES = ("osb.csv", "wind_farms.csv")

_OCHA = "OCHA COD-AB Türkiye ADM2"
#: Columns of the district table that are not indicators: catalogue key of the label, source.
_FIXED_COLUMNS = {
    "pcode": ("column_pcode_source", _OCHA),
    "district": ("district", _OCHA),
    "district_ascii": ("column_district_ascii", _OCHA),
    "province": ("column_province", _OCHA),
    "province_pcode": ("column_province_pcode", _OCHA),
    "population_year": ("column_population_year", "TÜİK ADNKS"),
    "wind_proposed": ("proposed_district", "İZKA Aliağa Özet Raporu (2010)"),
}


def column_sources(columns: list[str]) -> pd.DataFrame:
    """Sidecar describing each column of the district table: label, unit, year, source.

    Every text is given in Turkish and English (``label_tr``, ``label_en``,
    ``unit_tr`` … ``source_en``), as the pages show them.
    """
    rows = []
    known = set(indicator_ids())
    for col in columns:
        if col in known:
            rows.append({"column": col, **_described(indicator(col))})
        elif col.endswith("_share_report"):
            base = indicator(col.removesuffix("_report"))
            row = _described(base)
            for lang in ("tr", "en"):
                row[f"label_{lang}"] = text("column_as_printed", lang, label=base.label(lang))
                row[f"unit_{lang}"] = "%"
            rows.append({"column": col, **row})
        elif col in _FIXED_COLUMNS:
            key, source = _FIXED_COLUMNS[col]
            row = {}
            for lang in ("tr", "en"):
                row |= {f"label_{lang}": text(key, lang), f"unit_{lang}": "", f"year_{lang}": ""}
            rows.append({"column": col, **row, "source_tr": source, "source_en": source})
    order = [
        "column",
        *(f"{k}_{lang}" for k in ("label", "unit", "year", "source") for lang in ("tr", "en")),
    ]
    return pd.DataFrame(rows, columns=order)


def _described(ind: Indicator) -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in ("tr", "en"):
        out |= {
            f"label_{lang}": ind.label(lang),
            f"unit_{lang}": ind.unit(lang),
            f"year_{lang}": ind.year_label(lang),
            f"source_{lang}": ind.source_text(lang),
        }
    return out


def map_spec(slug: str, *, lang: Lang = "tr", layer: str = "web") -> MapSpec:
    """Spec of the atlas map ``slug``: an indicator id, ``osb``, ``wind`` or ``combined``."""
    if slug == "osb":
        return osb_spec(lang=lang, layer=layer)  # type: ignore[arg-type]
    if slug == "wind":
        return wind_spec(lang=lang, layer=layer)  # type: ignore[arg-type]
    if slug == "combined":
        return combined_spec(lang=lang, layer=layer)  # type: ignore[arg-type]
    return choropleth_spec(slug, lang=lang, layer=layer)  # type: ignore[arg-type]


def build_atlas(
    out: Path,
    *,
    lang: Lang = "tr",
    static: bool = True,
    progress: Progress | None = None,
    workers: int | None = None,
    replace: bool = False,
) -> list[Path]:
    """Build the whole atlas beside ``out`` and swap it in when complete; return the paths.

    The previous atlas in ``out`` stays whole until the new one is complete,
    and after a failure or an interruption (see :func:`izmir_maps.staging.staged_folder`).

    Parameters
    ----------
    out
        Output folder; created if needed.
    lang
        Language of every page and map.
    static
        Also write ``static/<map>.png`` and ``.svg`` (the slowest step).
    progress
        Called with a short message as each step starts and ends.
    workers
        Processes for the static maps (default: the machine's cores, at most 4).
    replace
        Replace ``out`` even if it is a non-empty folder that izmir-maps did not write.

    Raises
    ------
    OptionError
        If ``out`` is empty text, a file, a folder of the package's own inputs
        (or one holding them), a foreign non-empty folder without ``replace``,
        or being written by another build, or if an argument has the wrong type.
    """
    _check_atlas_args(out, lang=lang, static=static, progress=progress, workers=workers)
    check_bool("replace", replace)
    inputs = (data_dir(), geodata_dir(), Path(__file__).resolve().parent)
    with staged_folder(out, replace=replace, inputs=inputs) as stage:
        written = _write_atlas(stage, lang=lang, static=static, progress=progress, workers=workers)
    return [Path(out) / path.relative_to(stage) for path in [*written, stage / MARKER]]


def _check_atlas_args(
    out: object, *, lang: object, static: object, progress: object, workers: object
) -> None:
    """Refuse an argument of :func:`build_atlas` of the wrong type, before any folder is made."""
    check_path("out", out, "folder")
    check_lang(lang)
    check_bool("static", static)
    if progress is not None and not callable(progress):
        msg = f"progress must be a function taking a message, or None, not {shown(progress)}."
        raise OptionError(msg)
    if workers is not None:
        check_int("workers", workers, 1)


def _write_atlas(
    out: Path,
    *,
    lang: Lang,
    static: bool,
    progress: Progress | None,
    workers: int | None,
) -> list[Path]:
    """Write every output into the (empty) folder ``out``; return the paths written."""
    from izmir_maps.interactive.render import AtlasLinks, write_html, write_shared_assets
    from izmir_maps.interactive.sync import write_sync_html

    say = progress or (lambda _msg: None)
    out = Path(out)
    written: list[Path] = []
    start = time.perf_counter()

    say("[1/7] Reading boundaries and data, joining the district table")
    table = district_table("detailed")
    web = district_table("web")
    flat = pd.DataFrame(table.drop(columns="geometry"))
    written.append(write_csv(safe_join(out, "data", "districts.csv"), flat))
    written.append(write_geojson(safe_join(out, "data", "districts.geojson"), table))
    written.append(
        write_csv(
            safe_join(out, "data", "districts_sources.csv"), column_sources(list(flat.columns))
        )
    )
    for name in CITED_TABLES:  # the legends cite them; the atlas carries them
        written.append(write_bytes(safe_join(out, "data", name), (data_dir() / name).read_bytes()))

    slugs = [*indicator_ids(), *MARKER_MAPS]
    say(f"[2/7] Drawing {len(slugs)} interactive maps")
    written += write_shared_assets(safe_join(out, "assets"))
    entries: list[AtlasEntry] = []
    for i, slug in enumerate(slugs, 1):
        spec = map_spec(slug, lang=lang)
        written += write_downloads(spec, safe_join(out, "data", "maps"))
        path = write_html(
            spec,
            safe_join(out, "maps", f"{slug}.html"),
            assets="shared",
            downloads=download_links(slug),
            atlas=AtlasLinks(home="../index.html", profiles="../districts/"),
        )
        written.append(path)
        written.append(
            write_text(
                safe_join(out, "maps", f"{slug}.embed.html"),
                embed_snippet(slug, spec.title, prefix="") + "\n",
            )
        )
        entries.append(_entry(spec, path.stat().st_size, web, lang, static))
        if i % 10 == 0 or i == len(slugs):
            say(f"      {i}/{len(slugs)} maps")

    if static:
        say(f"[3/7] Drawing {len(slugs)} static maps (PNG and SVG)")
        written += _static_maps(out, slugs, lang, workers, say)
    else:
        say("[3/7] Static maps skipped")

    say("[4/7] Writing 30 district profiles")
    names = []
    for pcode, name in zip(web["pcode"], web["district"], strict=True):
        file = safe_join(out, "districts", f"{district_slug(name)}.html")
        written.append(write_text(file, render_profile(web, pcode, lang=lang)))
        names.append((f"districts/{district_slug(name)}.html", name))

    say("[5/7] Writing comparisons and small multiples")
    comparisons = []
    for group in COMPARISONS:
        pcodes = [web.loc[web["district"] == n, "pcode"].iloc[0] for n in group]
        file = "compare/" + "-".join(slugify(n) for n in group) + ".html"
        html = render_comparison(
            web, pcodes, lang=lang, home="../index.html", profiles="../districts/"
        )
        written.append(write_text(safe_join(out, *file.split("/")), html))
        comparisons.append((file, " – ".join(group)))
    multiples = render_small_multiples(
        web,
        lang=lang,
        home="../index.html",
        maps="../maps/",
        static_png="multiples.png" if static else None,
    )
    written.append(write_text(safe_join(out, "compare", "multiples.html"), multiples))
    written.append(
        write_sync_html(
            map_spec("employees", lang=lang),
            map_spec("exports_usd", lang=lang),
            safe_join(out, "compare", "sync-employees-exports.html"),
            assets="shared",
        )
    )

    say("[6/7] Computing Moran's I and LISA, writing the statistics page")
    stats_html, morans, ranking = render_stats_page(web, lang=lang)
    written.append(write_text(safe_join(out, "stats.html"), stats_html))
    written.append(write_csv(safe_join(out, "data", "ranking.csv"), ranking))
    written.append(write_csv(safe_join(out, "data", "moran.csv"), morans))

    say("[7/7] Writing the home page")
    extra = [
        (file, text(title, lang), text(about, lang))
        for file, title, about in (
            ("stats.html", "stats_title", "atlas_stats_about"),
            ("compare/multiples.html", "atlas_multiples", "atlas_multiples_about"),
            ("compare/sync-employees-exports.html", "atlas_sync", "atlas_sync_about"),
        )
    ]
    downloads = [
        (f"data/{file}", text(f"atlas_download_{key}", lang))
        for file, key in (
            ("districts.csv", "table"),
            ("districts.geojson", "geojson"),
            ("districts_sources.csv", "sources"),
            ("ranking.csv", "ranking"),
            ("moran.csv", "moran"),
        )
    ]
    index = render_index(
        entries,
        lang=lang,
        districts=names,
        comparisons=comparisons,
        extra_pages=extra,
        downloads=downloads,
        sizes=_file_sizes(out, written),
    )
    written.append(write_text(safe_join(out, "index.html"), index))
    # no count here: the caller counts the atlas's files, its marker included
    say(f"Done in {time.perf_counter() - start:.1f} s")
    return written


def _file_sizes(out: Path, written: list[Path]) -> dict[str, int]:
    """Bytes of each file written, by its path relative to ``out``: the sizes the home page shows."""
    return {path.relative_to(out).as_posix(): path.stat().st_size for path in written}


def _entry(spec: MapSpec, size: int, web, lang: Lang, static: bool) -> AtlasEntry:
    ind = spec.indicator
    thumbnail = ""
    if ind is not None and spec.kind == "choropleth":
        base = indicator(ind.base or ind.id)
        group = base.label(lang)
        year = ind.year_label(lang)
        # "yıl 2008", but "yıl belirtilmemiş (2008 varsayıldı)" / "güncel" as they are.
        year = text("atlas_year", lang, year=year) if year[:1].isdigit() else year
        source = ind.source_short_text(lang)
        parts = [ind.unit(lang), year, source] if year not in source else [ind.unit(lang), source]
        description = " · ".join(parts)
        if ind.variant is None and base in base_indicators()[:6]:
            c = spec.classification
            fills = {
                p: c.color_of(i)
                for i, p in zip(spec.districts.index, spec.districts["pcode"], strict=True)
            }
            thumbnail = svg_map(fills, width=240, label=spec.title)
    else:
        group = text("atlas_marker_maps", lang)
        description = " ".join(spec.notes[:1])
    return AtlasEntry(spec.slug, spec.title, description, group, size, thumbnail, static)


def _static_maps(
    out: Path, slugs: list[str], lang: Lang, workers: int | None, say: Progress
) -> list[Path]:
    folder = safe_join(out, "static")
    folder.mkdir(parents=True, exist_ok=True)
    multiples = safe_join(out, "compare", "multiples.png")
    multiples.parent.mkdir(parents=True, exist_ok=True)
    jobs = [(slug, lang, str(folder)) for slug in slugs]
    n = workers or min(4, os.cpu_count() or 1)
    written: list[Path] = []
    if n <= 1:
        written += [Path(p) for p in _multiples_job((lang, str(multiples)))]
        for i, job in enumerate(jobs, 1):
            written += [Path(p) for p in _static_job(job)]
            if i % 10 == 0 or i == len(jobs):
                say(f"      {i}/{len(jobs)} static maps")
        return written
    with worker_pool(n) as pool:
        grid = pool.submit(_multiples_job, (lang, str(multiples)))  # the longest job first
        futures = [pool.submit(_static_job, job) for job in jobs]
        for i, future in enumerate(futures, 1):
            written += [Path(p) for p in future.result()]
            if i % 10 == 0 or i == len(jobs):
                say(f"      {i}/{len(jobs)} static maps")
        written += [Path(p) for p in grid.result()]
    return written


def _multiples_job(job: tuple[str, str]) -> list[str]:
    from izmir_maps.pages.compare import MULTIPLES
    from izmir_maps.static.multiples import render_small_multiples_static
    from izmir_maps.static.render import write_static

    lang, path = job
    fig = render_small_multiples_static(MULTIPLES, lang=lang)  # type: ignore[arg-type]
    return [str(write_static(fig, Path(path), dpi=200))]


def _static_job(job: tuple[str, str, str]) -> list[str]:
    from matplotlib import pyplot as plt

    from izmir_maps.static.render import render_static, write_static

    slug, lang, folder = job
    spec = map_spec(slug, lang=lang, layer="detailed")  # type: ignore[arg-type]
    fig = render_static(spec, size="a4")
    try:
        return [
            str(write_static(fig, Path(folder) / f"{slug}.{fmt}", fmt=fmt))
            for fmt in ("png", "svg")
        ]
    finally:
        plt.close(fig)
