"""Build the atlas: every output of izmir-maps into one folder.

``build_atlas`` and the CLI are the only places that chain the steps
boundaries → indicators → join → classify → render → write. The layout::

    DIR/index.html               home page linking everything
    DIR/maps/<map>.html          interactive maps (Leaflet shared from DIR/assets/)
    DIR/maps/<map>.embed.html    ready-to-paste <iframe> snippet of each map
    DIR/static/<map>.png|.svg    print-quality maps
    DIR/districts/<slug>.html    30 district profiles
    DIR/reports/<slug>.html|.pdf 30 district summary reports, as a page and as A4 PDF
    DIR/compare/*.html           comparison pages, small multiples, synchronised maps
    DIR/grid/*.html              key maps on the equal-area district grid (GRID_MAPS)
    DIR/bivariate/<x>-<y>.html   3 × 3 bivariate maps of two indicators (BIVARIATE_MAPS)
    DIR/years/population.html    the districts' populations over the years, with a year slider
    DIR/stats.html               Moran's I, LISA maps, ranking table
    DIR/data/*.csv|.geojson      the district table, its sources, rankings, statistics,
                                 and the source tables the legends cite (osb.csv …);
                                 districts.geojson: the outlines, once, with every indicator
    DIR/data/izmir.gpkg          every layer, with a QGIS style per map
    DIR/data/maps/<map>.csv|.xlsx            the values each map shows (its "Veriyi indir"),
                                             joined to districts.geojson on the P-code
    DIR/data/profiles/<slug>.csv|.xlsx       each profile's key figures, as shown
    DIR/data/stats/moran|ranking.csv|.xlsx   the statistics page's tables, as shown
    DIR/thumbs/<map>.svg         the home page's small picture of each map
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from izmir_maps._checks import check_bool, check_int, check_lang, check_path, shown
from izmir_maps.data.join import district_table
from izmir_maps.data.paths import data_dir, own_inputs
from izmir_maps.data.registry import Indicator, indicator, indicator_ids
from izmir_maps.downloads import (
    ATLAS_FORMATS,
    SHAPE_DECIMALS,
    download_links,
    write_downloads,
    write_table_downloads,
)
from izmir_maps.errors import OptionError
from izmir_maps.export import write_export
from izmir_maps.pages.compare import render_comparison, render_small_multiples
from izmir_maps.pages.index import (
    THEMES,
    AtlasEntry,
    embed_snippet,
    format_size,
    render_index,
    theme_of,
)
from izmir_maps.pages.profiles import (
    district_slug,
    profile_download,
    profile_download_links,
    render_profile,
)
from izmir_maps.pages.statistics import moran_download, ranking_download, render_stats_page
from izmir_maps.pages.thumbs import THUMB_WIDTH, thumbnail_size, thumbnail_svg
from izmir_maps.spec.bivariate import bivariate_spec
from izmir_maps.spec.map_spec import MapSpec, choropleth_spec, combined_spec, osb_spec, wind_spec
from izmir_maps.spec.years import population_years_spec
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
#: Maps also drawn on the equal-area district grid (``grid/<slug>.html``).
GRID_MAPS = ("employees", "exports_usd", "izka_applications")
#: Pairs drawn as 3 × 3 bivariate maps (``bivariate/<x>-<y>.html``): jobs against exports,
#: demand for İZKA support against the business base, and jobs against exports per resident
#: (on the 2008 boundaries, as rates of the 2008 data are).
BIVARIATE_MAPS = (
    ("employees", "exports_usd"),
    ("izka_applications", "firms"),
    ("employees_per_1000", "exports_usd_per_capita"),
)
#: Source tables of data/ that legends and reports cite by path ("data/osb.csv"): copied into
#: the atlas.
CITED_TABLES = ("osb.csv", "wind_farms.csv", "boundary_history.csv", "population_years.csv")

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
    reports: bool = True,
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
    reports
        Also write ``reports/<slug>.html`` and ``.pdf``, each district's summary report,
        drawn in the worker processes while the maps are made.

    Raises
    ------
    OptionError
        If ``out`` is empty text, a file, a folder of the package's own inputs
        (or one holding them), a foreign non-empty folder without ``replace``,
        or being written by another build, or if an argument has the wrong type.
    """
    _check_atlas_args(out, lang=lang, static=static, progress=progress, workers=workers)
    check_bool("replace", replace)
    check_bool("reports", reports)
    with (
        staged_folder(out, replace=replace, inputs=own_inputs()) as stage,
        _pool(_pool_size(workers, static=static, reports=reports)) as pool,
    ):
        written = _write_atlas(
            stage, lang=lang, static=static, progress=progress, pool=pool, reports=reports
        )
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
    pool: ProcessPoolExecutor | None,
    reports: bool = True,
) -> list[Path]:
    """Write every output into the (empty) folder ``out``; return the paths written.

    With a ``pool``, the reports and the static maps are drawn in its processes while
    this one writes the interactive maps and the pages.
    """
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
    # the outlines once, for every map page: its table joins them on the P-code
    districts = safe_join(out, "data", "districts.geojson")
    written.append(write_geojson(districts, table, precision=SHAPE_DECIMALS))
    # every layer and a QGIS style per indicator, for GIS users (izmir-maps export --format gpkg)
    written.extend(write_export(safe_join(out, "data", "izmir.gpkg"), "gpkg", lang=lang))
    written.append(
        write_csv(
            safe_join(out, "data", "districts_sources.csv"), column_sources(list(flat.columns))
        )
    )
    for name in CITED_TABLES:  # the legends cite them; the atlas carries them
        written.append(write_bytes(safe_join(out, "data", name), (data_dir() / name).read_bytes()))

    # the reports start first: the worker processes draw them while the maps are made here
    pending = _start_reports(out, list(web["pcode"]), lang, pool) if reports else None

    slugs = [*indicator_ids(), *MARKER_MAPS]
    say(f"[2/7] Drawing {len(slugs)} interactive maps")
    written += write_shared_assets(safe_join(out, "assets"))
    entries: list[AtlasEntry] = []
    for i, slug in enumerate(slugs, 1):
        spec = map_spec(slug, lang=lang)
        written += write_downloads(spec, safe_join(out, "data", "maps"), ATLAS_FORMATS)
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
        thumb = write_text(safe_join(out, "thumbs", f"{slug}.svg"), thumbnail_svg(spec))
        written.append(thumb)
        entries.append(_entry(spec, path.stat().st_size, lang, static))
        if i % 10 == 0 or i == len(slugs):
            say(f"      {i}/{len(slugs)} maps")

    static_maps = None
    if static:
        say(f"[3/7] Drawing {len(slugs)} static maps (PNG and SVG)")
        # with a pool, they are drawn there while the pages below are written
        static_maps = _static_maps(out, slugs, lang, pool, say)
    else:
        say("[3/7] Static maps skipped")

    say("[4/7] Writing comparisons and small multiples")
    comparisons = []
    for group in COMPARISONS:
        pcodes = [web.loc[web["district"] == n, "pcode"].iloc[0] for n in group]
        file = "compare/" + "-".join(slugify(n) for n in group) + ".html"
        html = render_comparison(
            web,
            pcodes,
            lang=lang,
            home="../index.html",
            profiles="../districts/",
            live="../compare.html",
        )
        written.append(write_text(safe_join(out, *file.split("/")), html))
        comparisons.append((file, " – ".join(group)))
    from izmir_maps.pages.compare_live import render_live_comparison  # the page picks its districts

    live = render_live_comparison(web, lang=lang, examples=comparisons)
    written.append(write_text(safe_join(out, "compare.html"), live))
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
            atlas=AtlasLinks(home="../index.html", profiles="../districts/"),
        )
    )
    grid_pages = []  # the equal-area grid: small central districts as visible as large ones
    for slug in GRID_MAPS:
        grid_spec = choropleth_spec(slug, lang=lang, layout="grid")
        grid_page = write_html(
            grid_spec,
            safe_join(out, "grid", f"{slug}.html"),
            assets="shared",
            downloads=download_links(slug),  # the same values as the geographic map's
            atlas=AtlasLinks(home="../index.html", profiles="../districts/"),
        )
        written.append(grid_page)
        grid_pages.append((f"grid/{slug}.html", grid_spec.title, text("grid_about", lang)))

    for x_id, y_id in BIVARIATE_MAPS:  # two indicators on one map, a two-way legend
        bv_spec = bivariate_spec(x_id, y_id, lang=lang)
        written.append(
            write_html(
                bv_spec,
                safe_join(out, "bivariate", f"{bv_spec.slug}.html"),
                assets="shared",
                atlas=AtlasLinks(home="../index.html", profiles="../districts/"),
            )
        )
        grid_pages.append((f"bivariate/{bv_spec.slug}.html", bv_spec.title, text("bv_about", lang)))

    years = population_years_spec(lang=lang)  # one map over the years, classes fixed across them
    written.append(
        write_html(
            years,
            safe_join(out, "years", "population.html"),
            assets="shared",
            atlas=AtlasLinks(home="../index.html", profiles="../districts/"),
        )
    )
    assert years.years is not None
    first, last = years.years.years[0], years.years.years[-1]
    title = text("years_title", lang, title=years.years.title, year=f"{first}–{last}")
    grid_pages.append(("years/population.html", title, text("years_about", lang)))

    say("[5/7] Computing Moran's I and LISA, writing the statistics page")
    stats_html, morans, ranking = render_stats_page(web, lang=lang)
    written.append(write_text(safe_join(out, "stats.html"), stats_html))
    written.append(write_csv(safe_join(out, "data", "ranking.csv"), ranking))
    written.append(write_csv(safe_join(out, "data", "moran.csv"), morans))
    for as_shown in (moran_download(morans, lang), ranking_download(ranking, lang)):
        written += write_table_downloads(as_shown, safe_join(out, "data", "stats"))

    say("[6/7] Writing 30 district profiles" + (" and their reports" if reports else ""))
    # last of the pages: the reports have had the others' time to finish
    report_files = _finish_reports(pending, say) if pending is not None else {}
    written += [path for pair in report_files.values() for path in pair]
    names = []
    for pcode, name in zip(web["pcode"], web["district"], strict=True):
        figures = profile_download(web, pcode, lang=lang)  # "Veriyi indir" under the table
        files = write_table_downloads(figures, safe_join(out, "data", "profiles"))
        written += files
        sizes = {f.suffix[1:]: f.stat().st_size for f in files}
        file = safe_join(out, "districts", f"{district_slug(name)}.html")
        html = render_profile(
            web,
            pcode,
            lang=lang,
            downloads=profile_download_links(name),
            sizes=sizes,
            reports=_report_links(report_files.get(pcode)),
        )
        written.append(write_text(file, html))
        names.append((f"districts/{district_slug(name)}.html", name))

    if static_maps is not None:
        written += static_maps()  # the home page shows their sizes
    say("[7/7] Writing the home page")
    extra = [
        (file, text(title, lang), text(about, lang))
        for file, title, about in (
            ("stats.html", "stats_title", "atlas_stats_about"),
            ("compare/multiples.html", "atlas_multiples", "atlas_multiples_about"),
            ("compare/sync-employees-exports.html", "atlas_sync", "atlas_sync_about"),
        )
    ]
    extra += grid_pages
    if (out / "compare.html").is_file():  # the in-browser comparison, when this build has it
        about = text("home_compare_tool_about", lang)
        extra.insert(0, ("compare.html", text("home_compare_tool", lang), about))
    downloads = [
        (f"data/{file}", text(key, lang))
        for file, key in (
            ("districts.csv", "atlas_download_table"),
            ("districts.geojson", "home_download_boundaries"),
            ("izmir.gpkg", "export_download_gpkg"),
            ("districts_sources.csv", "atlas_download_sources"),
            ("ranking.csv", "atlas_download_ranking"),
            ("stats/ranking.csv", "home_download_ranking_excel"),
            ("stats/ranking.xlsx", "home_download_ranking_xlsx"),
            ("moran.csv", "atlas_download_moran"),
            ("stats/moran.csv", "home_download_moran_excel"),
            ("stats/moran.xlsx", "home_download_moran_xlsx"),
        )
    ]
    order = [key for key, _ in THEMES]
    entries.sort(key=lambda e: order.index(e.theme) if e.theme in order else len(order))
    index = render_index(
        entries,
        lang=lang,
        districts=names,
        comparisons=comparisons,
        extra_pages=extra,
        downloads=downloads,
        sizes=_file_sizes(out, written),
        thumb_size=thumbnail_size(THUMB_WIDTH),
    )
    written.append(write_text(safe_join(out, "index.html"), index))
    # no count here: the caller counts the atlas's files, its marker included
    say(f"Done in {time.perf_counter() - start:.1f} s")
    return written


def _file_sizes(out: Path, written: list[Path]) -> dict[str, int]:
    """Bytes of each file written, by its path relative to ``out``: the sizes the home page shows."""
    return {path.relative_to(out).as_posix(): path.stat().st_size for path in written}


def _entry(spec: MapSpec, size: int, lang: Lang, static: bool) -> AtlasEntry:
    """The home page's card of the map ``spec``: title, one line about it, its theme."""
    ind = spec.indicator
    theme = theme_of(spec.slug)
    if ind is not None and spec.kind == "choropleth":
        year = ind.year_label(lang)
        source = ind.source_short_text(lang)
        parts = [ind.unit(lang), source]
        if year not in f"{spec.title} {source}":
            # "yıl 2021", but "yıl belirtilmemiş (2008 varsayıldı)" / "güncel" as they are.
            parts.insert(1, text("atlas_year", lang, year=year) if year[:1].isdigit() else year)
        # what the title already says (its unit, its year) is not repeated below it
        description = " · ".join(p for p in parts if p and p not in spec.title)
    else:
        description = " ".join(spec.notes[:1])
    group = text(f"home_theme_{theme}", lang)
    thumbnail = f"thumbs/{spec.slug}.svg"
    return AtlasEntry(
        spec.slug, spec.title, description, group, size, thumbnail, static, theme=theme
    )


def _static_maps(
    out: Path, slugs: list[str], lang: Lang, pool: ProcessPoolExecutor | None, say: Progress
) -> Callable[[], list[Path]]:
    """Draw the static maps, or queue them in ``pool``; the function returned gives the paths.

    With a pool it waits for the maps, so this process writes pages in the meantime.
    """
    folder = safe_join(out, "static")
    folder.mkdir(parents=True, exist_ok=True)
    multiples = safe_join(out, "compare", "multiples.png")
    multiples.parent.mkdir(parents=True, exist_ok=True)
    jobs = [(slug, lang, str(folder)) for slug in slugs]
    written: list[Path] = []
    if pool is None:
        written += [Path(p) for p in _multiples_job((lang, str(multiples)))]
        for i, job in enumerate(jobs, 1):
            written += [Path(p) for p in _static_job(job)]
            if i % 10 == 0 or i == len(jobs):
                say(f"      {i}/{len(jobs)} static maps")
        return lambda: written
    grid = pool.submit(_multiples_job, (lang, str(multiples)))  # the longest job first
    futures = [pool.submit(_static_job, job) for job in jobs]

    def results() -> list[Path]:
        for i, future in enumerate(futures, 1):
            written.extend(Path(p) for p in future.result())
            if i % 10 == 0 or i == len(jobs):
                say(f"      {i}/{len(jobs)} static maps")
        written.extend(Path(p) for p in grid.result())
        return written

    return results


def _pool_size(workers: int | None, *, static: bool, reports: bool) -> int:
    """Worker processes of the build; 0 to do everything in this process.

    ``workers`` given: that many, if more than one. By default the static maps get the
    machine's cores (at most 4); the reports alone get one core less, which this process
    keeps for the pages it writes meanwhile.
    """
    cores = os.cpu_count() or 1
    if not (static or reports):
        return 0
    if workers is not None:
        return workers if workers > 1 else 0
    n = min(4, cores) if static else min(4, cores - 1)
    return n if cores > 1 else 0


@contextmanager
def _pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """``workers`` worker processes, or ``None`` (everything in this process) for 0."""
    if workers < 1:
        yield None
        return
    with worker_pool(workers) as pool:
        yield pool


#: A report being drawn: its P-code and the future of its files, or the job to run here.
_PendingReports = list[tuple[str, "Future[list[str]] | tuple[str, str, str]"]]


def _start_reports(
    out: Path, pcodes: list[str], lang: Lang, pool: ProcessPoolExecutor | None
) -> _PendingReports:
    """Queue each district's report in ``pool``; without one, keep the jobs for later."""
    folder = safe_join(out, "reports")
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(pcode, lang, str(folder)) for pcode in pcodes]
    if pool is None:
        return [(job[0], job) for job in jobs]
    return [(job[0], pool.submit(_report_job, job)) for job in jobs]


def _finish_reports(pending: _PendingReports, say: Progress) -> dict[str, tuple[Path, Path]]:
    """P-code → (HTML, PDF) of each report, waiting for (or drawing) each in turn."""
    files: dict[str, tuple[Path, Path]] = {}
    for i, (pcode, handle) in enumerate(pending, 1):
        paths = handle.result() if isinstance(handle, Future) else _report_job(handle)
        files[pcode] = (Path(paths[0]), Path(paths[1]))
        if i % 10 == 0 or i == len(pending):
            say(f"      {i}/{len(pending)} reports")
    return files


def _report_links(files: tuple[Path, Path] | None) -> dict[str, tuple[str, int]] | None:
    """A profile's links to its district's report, with their sizes."""
    if files is None:
        return None
    html, pdf = files
    return {
        "html": (f"../reports/{html.name}", html.stat().st_size),
        "pdf": (f"../reports/{pdf.name}", pdf.stat().st_size),
    }


def _report_job(job: tuple[str, str, str]) -> list[str]:
    """Write one district's report as ``<slug>.pdf`` and ``<slug>.html``; return the paths."""
    from izmir_maps.reports.content import district_report
    from izmir_maps.reports.html import report_html
    from izmir_maps.reports.pdf import report_pdf

    pcode, lang, folder = job
    report = district_report(pcode, lang)  # type: ignore[arg-type]
    pdf = report_pdf(report)
    pdf_path = write_bytes(Path(folder) / f"{report.slug}.pdf", pdf)
    page = report_html(
        report,
        home="../index.html",
        pdf=pdf_path.name,
        pdf_size=format_size(len(pdf), report.lang),
    )
    return [str(write_text(Path(folder) / f"{report.slug}.html", page)), str(pdf_path)]


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
