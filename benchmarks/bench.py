"""Benchmark izmir-maps against ``GeoDataFrame.explore()`` on the same data.

Run from the repository root (the package installed, e.g. ``pip install -e ".[test]"``,
and Debian's ``chromium`` for the drawing times)::

    python benchmarks/bench.py              # 5 runs per timing, plus the atlas builds
    python benchmarks/bench.py --runs 3 --skip-atlas

What it measures, in one run, on one machine:

* the employees choropleth built by izmir-maps (``choropleth_spec`` + ``render_html``,
  self-contained page) and by ``district_table("detailed").explore(column="employees",
  scheme="FisherJenks", k=5)`` with explore's defaults (OpenStreetMap tiles), saved
  with ``m.save()``: file bytes, own payload bytes (izmir-maps: the page as the atlas
  writes it, ``assets="shared"``, i.e. the file less the shared Leaflet and the shared
  minified page script and stylesheet — also the atlas's own page with its links and
  download links; explore: the whole file, which inlines no library), build seconds (median), and drawing seconds in headless Chromium (median):
  from navigation start until at least 30 district paths
  (``path.leaflet-interactive``) are in the page, taken with ``performance.now()``
  inside the page. explore's page loads its libraries from CDNs: Leaflet 1.9.3 is
  served from the local ``xstatic-leaflet`` package, every other CDN file (jQuery,
  Bootstrap, awesome-markers, Font Awesome, d3 …) as an empty file of the right type,
  and tile requests are aborted, so it draws its shapes but not its legend;
* ``izmir-maps build`` (the whole atlas) with and without the static PNG/SVG maps:
  wall seconds and the peak resident memory of its largest process;
* the district reports (issue 15): one report (content, PDF, HTML page) warm, median of
  the runs; all 30 as 30 PDFs and 30 pages; all 30 in one PDF (``report --all``); and in
  the atlas, ``build --no-static`` with and without ``--no-reports``;
* a national map of a 973-row table (``izmir-maps map --province Türkiye``): wall and
  CPU seconds of the command and file bytes, beside the same table joined to the same
  shipped national web layer and drawn by ``explore(column="value", scheme="FisherJenks",
  k=5)`` + ``m.save()`` in a fresh Python process (imports included on both sides), and
  the ratios;
* visible loss: screenshots of the map with its coordinates on the 1e-4° grid it ships
  and on the web layer's own 1e-5° grid, at zooms 11 to 13 (13 is the highest the map
  allows): the share of pixels that differ by more than anti-aliasing, i.e. that match
  no pixel within one pixel of them in the other screenshot.

It prints Markdown tables (pasted into the README's "Performance" section) and writes
``benchmarks/results.json``. Timings depend on the machine and on what else runs on it;
the machine line says what it was.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from importlib.metadata import version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
PACKAGES = ("izmir-maps", "geopandas", "folium", "shapely", "mapclassify", "matplotlib")
#: Records when the page first holds ``n`` interactive paths (runs before the page's scripts).
DRAWN_SCRIPT = """(() => {
  const need = %d;
  const mark = () => {
    if (window.__drawn === undefined &&
        document.querySelectorAll("path.leaflet-interactive").length >= need) {
      window.__drawn = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, {childList: true, subtree: true});
})();"""
#: Runs a command; reports its wall time, its processes' CPU time and their peak RSS (KiB).
LAUNCHER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "dt = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(dt, u.ru_utime + u.ru_stime, u.ru_maxrss, rc)\n"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (median)")
    parser.add_argument("--skip-atlas", action="store_true", help="skip the two atlas builds")
    parser.add_argument("--json", type=Path, default=HERE / "results.json", help="results file")
    parser.add_argument("--keep", action="store_true", help="keep the maps and atlases built")
    args = parser.parse_args(argv)
    runs = max(1, args.runs)
    work = Path(tempfile.mkdtemp(prefix="izmir-bench-"))
    print(f"Working in {work}; {runs} runs per timing.", file=sys.stderr)
    try:
        return _run(args, runs, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, runs: int, work: Path) -> int:
    results: dict[str, Any] = {"machine": machine(), "runs": runs}
    files, results["izmir_maps"], results["explore"] = build_both(work, runs)
    draws = draw_times(files, runs)
    results["izmir_maps"]["draw_s"] = draws["izmir_maps"]
    results["explore"]["draw_s"] = draws["explore"]
    results["explore"]["served"] = draws["served"]
    results["national"] = national(work, runs)
    results["visible_loss"] = visible_loss(work)
    results["reports"] = reports(runs)
    results["static_print"] = static_print(runs)
    if not args.skip_atlas:
        results["atlas"] = atlas(work)
    results["chromium"] = draws["chromium"]
    results["machine"]["load_1min_end"] = round(os.getloadavg()[0], 2)
    args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(markdown(results))
    print(f"\nResults written to {args.json}", file=sys.stderr)
    return 0


# --- the machine -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": {name: version(name) for name in PACKAGES},
    }


# --- one choropleth, two ways -------------------------------------------------------------------


def build_both(work: Path, runs: int) -> tuple[dict[str, Path], dict[str, Any], dict[str, Any]]:
    from izmir_maps.data.join import district_table
    from izmir_maps.downloads import download_links
    from izmir_maps.interactive import _payload as html_payload
    from izmir_maps.interactive._assets import leaflet_css, leaflet_js
    from izmir_maps.interactive.render import AtlasLinks, render_html
    from izmir_maps.spec.map_spec import choropleth_spec

    district_table("detailed"), district_table("web")  # the data: read once for both
    ours, theirs = work / "izmir_maps.html", work / "explore.html"

    def izmir_maps() -> None:
        render_html(choropleth_spec("employees")).save(ours)

    def explore() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Numba not installed"
            m = district_table("detailed").explore(column="employees", scheme="FisherJenks", k=5)
        m.save(str(theirs))

    def cold() -> None:  # as a fresh process would: no geometry cached
        for cached in (html_payload._district_geometry, html_payload._neighbour_shapes):
            cached.cache_clear()
        izmir_maps()

    leaflet = len(leaflet_js().encode("utf-8")) + len(leaflet_css().encode("utf-8"))
    spec = choropleth_spec("employees")
    shared = render_html(spec, assets="shared").nbytes  # the file less every shared asset
    atlas_page = render_html(
        spec, assets="shared", downloads=download_links("employees"), atlas=AtlasLinks()
    ).nbytes
    ours_result = {
        "build_s": timed(cold, runs),
        "build_warm_s": timed(izmir_maps, runs),
        "bytes": ours.stat().st_size,
        "leaflet_bytes": leaflet,
        "own_bytes": shared,
        "atlas_page_bytes": atlas_page,
        "inline_less_leaflet_bytes": ours.stat().st_size - leaflet,
    }
    theirs_result = {
        "build_s": timed(explore, runs),
        "bytes": theirs.stat().st_size,
        "own_bytes": theirs.stat().st_size,
    }
    return {"izmir_maps": ours, "explore": theirs}, ours_result, theirs_result


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 3)


# --- drawing in Chromium ------------------------------------------------------------------------


def draw_times(files: dict[str, Path], runs: int, *, national: Path | None = None) -> dict:
    import xstatic.pkg.leaflet as xleaflet
    from playwright.sync_api import sync_playwright

    leaflet_dir = Path(xleaflet.BASE_DIR)
    served: dict[str, str] = {}

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith("file:"):
            request_route.continue_()
        elif url.endswith("/leaflet@1.9.3/dist/leaflet.js"):
            served[url] = "xstatic-leaflet"
            request_route.fulfill(
                body=(leaflet_dir / "leaflet.js").read_bytes(), content_type="text/javascript"
            )
        elif url.endswith("/leaflet@1.9.3/dist/leaflet.css"):
            served[url] = "xstatic-leaflet"
            request_route.fulfill(
                body=(leaflet_dir / "leaflet.css").read_bytes(), content_type="text/css"
            )
        elif url.endswith((".js", ".css")) and "tile." not in url:
            served[url] = "empty"
            kind = "text/javascript" if url.endswith(".js") else "text/css"
            request_route.fulfill(body="", content_type=kind)
        else:  # tiles, fonts, images
            served.setdefault(url.split("?")[0].rsplit("/", 3)[0] + "/…", "aborted")
            request_route.abort()

    out: dict[str, Any] = {}
    with sync_playwright() as manager:
        browser = manager.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            out["chromium"] = browser.version
            context = browser.new_context(viewport=VIEWPORT, service_workers="block")
            for name, path in files.items():
                out[name] = _draw(context, path, route, runs, need=30)
            if national is not None:
                out["national"] = _draw(context, national, route, runs, need=973)
            context.close()
        finally:
            browser.close()
    out["served"] = dict(sorted(served.items()))
    return out


def _draw(context, path: Path, route, runs: int, *, need: int) -> float:
    times = []
    for _ in range(runs):
        page = context.new_page()
        page.route("**/*", route)
        page.add_init_script(DRAWN_SCRIPT % need)
        page.goto(path.as_uri())
        page.wait_for_function("window.__drawn !== undefined", timeout=60_000)
        times.append(page.evaluate("window.__drawn") / 1000)
        page.close()
    return round(statistics.median(times), 3)


def visible_loss(work: Path) -> dict[str, Any]:
    import numpy as np
    from PIL import Image
    from playwright.sync_api import sync_playwright

    from izmir_maps.interactive import _payload as html_payload
    from izmir_maps.interactive.render import render_html
    from izmir_maps.spec.map_spec import choropleth_spec

    spec = choropleth_spec("employees")
    pages = {"shipped": work / "grid_shipped.html", "fine": work / "grid_fine.html"}
    render_html(spec, labels=False).save(pages["shipped"])
    shipped_grid = html_payload.GRID
    try:
        html_payload.GRID = 100_000  # the web layer's own precision
        html_payload._district_geometry.cache_clear()
        render_html(spec, labels=False).save(pages["fine"])
    finally:
        html_payload.GRID = shipped_grid
        html_payload._district_geometry.cache_clear()
    views = [((38.46, 27.12), 13), ((38.30, 26.30), 13), ((38.00, 27.00), 12), ((38.70, 27.0), 11)]
    worst = 0.0
    with sync_playwright() as manager:
        browser = manager.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 700})
            for (lat, lon), zoom in views:
                shots = []
                for name in ("fine", "shipped"):
                    page.goto(pages[name].as_uri())
                    page.wait_for_function("window.izmirMap !== undefined")
                    page.evaluate(
                        "([lat, lon, zoom]) => {"
                        "document.getElementById('izm-legend').style.display = 'none';"
                        "window.izmirMap.map.setView([lat, lon], zoom, {animate: false}); }",
                        [lat, lon, zoom],
                    )
                    page.wait_for_timeout(200)
                    shot = work / f"grid_{name}_{zoom}_{lat}.png"
                    page.screenshot(path=str(shot))
                    shots.append(np.asarray(Image.open(shot).convert("RGB")).astype(int))
                fine, shipped = shots
                best = np.full(fine.shape[:2], 10**9)
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        moved = np.roll(np.roll(shipped, dy, axis=0), dx, axis=1)
                        best = np.minimum(best, np.abs(fine - moved).sum(axis=2))
                unmatched = (best > 60)[2:-2, 2:-2]
                worst = max(worst, float(unmatched.mean()))
        finally:
            browser.close()
    return {"zooms": [11, 12, 13], "grid": shipped_grid, "worst_unmatched_share": worst}


# --- the national map and the atlas -------------------------------------------------------------


def national(work: Path, runs: int) -> dict[str, Any]:
    import pandas as pd

    from izmir_maps.data.provinces import NATIONAL, province_districts

    pcodes = province_districts(NATIONAL)["pcode"]
    table = work / "turkiye.csv"
    values = [(i * 7919) % 100_000 for i in range(len(pcodes))]  # deterministic, all distinct
    pd.DataFrame({"pcode": pcodes, "value": values}).to_csv(table, index=False)
    out = work / "turkiye.html"
    command = [sys.executable, "-m", "izmir_maps", "map", "--data", str(table), "--column"]
    command += ["value", "--province", "Türkiye", "--out", str(out)]
    measured = [run_measured(command) for _ in range(runs)]
    draw = draw_times({}, runs, national=out)["national"]
    # explore() on the same table and layer, in a fresh process as our command runs
    script, theirs = work / "explore_national.py", work / "turkiye_explore.html"
    script.write_text(EXPLORE_NATIONAL, encoding="utf-8")
    explore = [
        run_measured([sys.executable, str(script), str(table), str(theirs)]) for _ in range(runs)
    ]
    return {
        "districts": len(pcodes),
        "command_s": round(statistics.median(m[0] for m in measured), 3),
        "command_cpu_s": round(statistics.median(m[1] for m in measured), 3),
        "bytes": out.stat().st_size,
        "draw_s": draw,
        "explore_s": round(statistics.median(m[0] for m in explore), 3),
        "explore_cpu_s": round(statistics.median(m[1] for m in explore), 3),
        "explore_bytes": theirs.stat().st_size,
    }


#: explore() on the national table: the shipped web layer joined to the CSV by P-code.
EXPLORE_NATIONAL = """import sys, warnings
import pandas as pd
from izmir_maps.data.boundaries import load_national_districts
frame = load_national_districts().merge(pd.read_csv(sys.argv[1]), on="pcode")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # "Numba not installed"
    m = frame.explore(column="value", scheme="FisherJenks", k=5)
m.save(sys.argv[2])
"""


def atlas(work: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    variants = (
        ("without_reports", ["--no-static", "--no-reports"]),
        ("without_static", ["--no-static"]),
        ("with_static", []),
    )
    for name, extra in variants:
        folder = work / f"atlas_{name}"
        command = [sys.executable, "-m", "izmir_maps", "build", "--out", str(folder), "--quiet"]
        wall, cpu, peak_kib = run_measured(command + extra)
        maps = sorted((folder / "maps").glob("*.html"))
        pages = [p for p in maps if not p.name.endswith(".embed.html")]
        inlined = sum("Vladimir Agafonkin" in p.read_text(encoding="utf-8") for p in pages)
        out[name] = {
            "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2),
            "peak_rss_mib": round(peak_kib / 1024, 1),
            "maps": len(pages),
            "maps_bytes": sum(p.stat().st_size for p in pages),
            "maps_with_leaflet_inlined": inlined,
            "shared_assets_bytes": sum(p.stat().st_size for p in (folder / "assets").iterdir()),
        }
    with_static, without = out["with_static"], out["without_static"]
    out["static_step_s"] = round(with_static["wall_s"] - without["wall_s"], 2)
    out["static_step_cpu_s"] = round(with_static["cpu_s"] - without["cpu_s"], 2)
    bare = out["without_reports"]
    out["reports_step_s"] = round(without["wall_s"] - bare["wall_s"], 2)
    out["reports_step_cpu_s"] = round(without["cpu_s"] - bare["cpu_s"], 2)
    out["reports_bytes"] = sum(
        p.stat().st_size for p in (work / "atlas_with_static" / "reports").iterdir()
    )
    return out


def reports(runs: int) -> dict[str, Any]:
    """Seconds of the district reports, in this process (the data already loaded)."""
    from izmir_maps.data.join import district_table
    from izmir_maps.reports.content import district_report
    from izmir_maps.reports.html import report_html
    from izmir_maps.reports.pdf import report_pdf

    def one(district: str) -> tuple[float, float]:
        start = time.perf_counter()
        report = district_report(district)
        report_pdf(report)
        made = time.perf_counter()
        report_html(report)
        return made - start, time.perf_counter() - start

    one("aliaga")  # warm: tables read, fonts found
    out: dict[str, Any] = {}
    for district in ("aliaga", "kinik"):
        times = [one(district) for _ in range(runs)]
        out[district] = {
            "pdf_s": round(statistics.median(t[0] for t in times), 3),
            "pdf_and_html_s": round(statistics.median(t[1] for t in times), 3),
        }
    pcodes = list(district_table("web")["pcode"])
    start = time.perf_counter()
    made = [district_report(p) for p in pcodes]
    pdfs = [report_pdf(r) for r in made]
    pages = [report_html(r) for r in made]
    out["all_30_s"] = round(time.perf_counter() - start, 2)
    out["all_30_bytes"] = sum(map(len, pdfs)) + sum(len(p.encode("utf-8")) for p in pages)
    start = time.perf_counter()
    book = report_pdf([district_report(p) for p in pcodes])
    out["one_pdf_s"] = round(time.perf_counter() - start, 2)
    out["one_pdf_bytes"] = len(book)
    return out


def run_measured(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (KiB) of ``command``, run by a fresh launcher.

    CPU seconds count every process of the command (the static maps' workers too); unlike
    wall seconds they barely change when other work shares the machine.
    """
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command], capture_output=True, text=True, check=True
    )
    wall, cpu, peak, code = done.stdout.split()
    if code != "0":
        raise RuntimeError(f"{' '.join(command)} failed with status {code}: {done.stderr}")
    return float(wall), float(cpu), int(peak)


# --- the report ---------------------------------------------------------------------------------


def markdown(r: dict[str, Any]) -> str:
    ours, theirs, n = r["izmir_maps"], r["explore"], r["runs"]
    m = r["machine"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, {m['os']}; "
        f"Chromium {r['chromium']}; load average {m['load_1min']} at the start and "
        f"{m.get('load_1min_end', '?')} at the end; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items())
        + ".",
        "",
        "| employees choropleth | izmir-maps | `explore()` | ratio |",
        "|---|---:|---:|---:|",
        f"| HTML file, bytes | {ours['bytes']:,} | {theirs['bytes']:,} | "
        f"1/{theirs['bytes'] / ours['bytes']:.1f} |",
        f"| own payload, bytes (file less shared Leaflet, map.min.js, map.min.css) | "
        f"{ours['own_bytes']:,} | {theirs['own_bytes']:,} | "
        f"1/{theirs['own_bytes'] / ours['own_bytes']:.1f} |",
        f"| build, s (median of {n}) | {ours['build_s']:.3f} "
        f"(warm cache {ours['build_warm_s']:.3f}) | {theirs['build_s']:.3f} | "
        f"1/{theirs['build_s'] / ours['build_s']:.1f} |",
        f"| shapes drawn in Chromium, s (median of {n}) | {ours['draw_s']:.3f} | "
        f"{theirs['draw_s']:.3f} | 1/{theirs['draw_s'] / ours['draw_s']:.1f} |",
    ]
    if "atlas_page_bytes" in ours:  # results from before issue 16 lack it
        lines.insert(
            lines.index("|---|---:|---:|---:|") + 3,
            f"| the atlas's page (with its links and download links), bytes | "
            f"{ours['atlas_page_bytes']:,} | {theirs['own_bytes']:,} | "
            f"1/{theirs['own_bytes'] / ours['atlas_page_bytes']:.1f} |",
        )
    nat = r["national"]
    if "explore_s" in nat:
        lines += [
            "",
            f"| national map, {nat['districts']} districts, fresh process (median of {n}) | "
            "izmir-maps | `explore()` | ratio |",
            "|---|---:|---:|---:|",
            f"| wall s | {nat['command_s']:.2f} | {nat['explore_s']:.2f} | "
            f"1/{nat['explore_s'] / nat['command_s']:.1f} |",
            f"| CPU s | {nat['command_cpu_s']:.2f} | {nat['explore_cpu_s']:.2f} | "
            f"1/{nat['explore_cpu_s'] / nat['command_cpu_s']:.1f} |",
            f"| HTML file, bytes | {nat['bytes']:,} | {nat['explore_bytes']:,} | "
            f"1/{nat['explore_bytes'] / nat['bytes']:.1f} |",
        ]
    lines += [
        "",
        "| other builds | wall s | CPU s | size / memory |",
        "|---|---:|---:|---:|",
        f"| national map, {nat['districts']} districts (`izmir-maps map --province Türkiye`, "
        f"median of {n}) | {nat['command_s']:.2f} | {nat['command_cpu_s']:.2f} | "
        f"{nat['bytes']:,} bytes; drawn in {nat['draw_s']:.2f} s |",
    ]
    if "atlas" in r:
        a = r["atlas"]
        labels = {
            "without_reports": "atlas, `izmir-maps build --no-static --no-reports`",
            "without_static": "atlas, `izmir-maps build --no-static`",
            "with_static": "atlas, `izmir-maps build` (with PNG + SVG maps)",
        }
        for name, label in labels.items():
            if name not in a:  # results of a benchmark from before the reports
                continue
            row = a[name]
            lines.append(
                f"| {label} | {row['wall_s']:.1f} | {row['cpu_s']:.1f} | "
                f"peak RSS {row['peak_rss_mib']:.0f} MiB; "
                f"{row['maps']} maps, {row['maps_bytes'] / 1e6:.2f} MB; Leaflet shared once "
                f"({row['shared_assets_bytes']:,} bytes), inlined in "
                f"{row['maps_with_leaflet_inlined']} maps |"
            )
        lines.append(
            f"| of which static PNG/SVG maps | {a['static_step_s']:.1f} | "
            f"{a['static_step_cpu_s']:.1f} | |"
        )
    if "reports" in r:
        lines += ["", *_report_lines(r["reports"], r.get("atlas"))]
    loss = r["visible_loss"]
    lines += [
        "",
        f"Visible loss of the 1/{loss['grid']:,}° coordinate grid against the web layer's own "
        f"1e-5° grid, zooms {loss['zooms'][0]}–{loss['zooms'][-1]}: "
        f"{100 * loss['worst_unmatched_share']:.3f} % of pixels differ beyond anti-aliasing "
        "(worst of four views).",
    ]
    if "static_print" in r:
        lines += ["", *_static_lines(r["static_print"], n)]
    served = r["explore"]["served"]
    empty = sorted(u for u, how in served.items() if how == "empty")
    lines += [
        "",
        "explore()'s CDN files were served locally: Leaflet 1.9.3 from `xstatic-leaflet`; "
        f"{len(empty)} more served as empty files "
        f"({', '.join(u.rsplit('/', 1)[-1] for u in empty)}); "
        "tile, font and image requests aborted.",
    ]
    return "\n".join(lines)


def _report_lines(rep: dict[str, Any], atlas: dict[str, Any] | None) -> list[str]:
    """The district reports' table: one report, all 30, and what they add to a build."""
    lines = ["| district reports (issue 15) | s | bytes |", "|---|---:|---:|"]
    for district in ("aliaga", "kinik"):
        row = rep[district]
        lines.append(
            f"| one report, {district}: content + PDF (+ HTML page) | {row['pdf_s']:.3f} "
            f"({row['pdf_and_html_s']:.3f}) | |"
        )
    lines += [
        f"| all 30: 30 PDFs + 30 HTML pages, one process | {rep['all_30_s']:.1f} | "
        f"{rep['all_30_bytes']:,} |",
        f"| all 30 in one PDF (`report --all`) | {rep['one_pdf_s']:.1f} | "
        f"{rep['one_pdf_bytes']:,} |",
    ]
    if atlas is not None and "reports_step_s" in atlas:
        lines.append(
            f"| added to `build --no-static` (wall; CPU {atlas['reports_step_cpu_s']:.1f} s) | "
            f"{atlas['reports_step_s']:.1f} | {atlas['reports_bytes']:,} |"
        )
    return lines


# --- print maps (PNG/SVG): size, visible difference, speed against a plain plot -------------------

#: Maps whose print files are measured: a plain choropleth, the busiest page, symbols, circles.
PRINT_MAPS = ("employees", "combined", "osb", "wind")
#: A pixel differs "beyond anti-aliasing" when a channel is off by more than this …
PIXEL_THRESHOLD = 24
#: … and no pixel within one pixel of it in the other image is within the threshold.


def static_print(runs: int) -> dict[str, Any]:
    """Print files as drawn before issue 16 (10 m layer, matplotlib's writers) and now."""
    import io

    import numpy as np
    from PIL import Image

    from izmir_maps.atlas import map_spec
    from izmir_maps.static import _layers
    from izmir_maps.static.render import render_static, write_static

    out: dict[str, Any] = {"maps": {}}
    work = Path(tempfile.mkdtemp(prefix="izmir-print-"))
    try:
        for slug in PRINT_MAPS:
            row: dict[str, Any] = {}
            for how in ("before", "now"):
                _layers.PRINT_TOLERANCE_MM = None if how == "before" else 0.025
                fig = render_static(map_spec(slug, layer="detailed"), size="a4")
                png, svg = work / f"{slug}-{how}.png", work / f"{slug}-{how}.svg"
                if how == "before":  # matplotlib's own writers, as before
                    fig.savefig(png, dpi=300, facecolor="white")
                    fig.savefig(svg, facecolor="white")
                    raw = io.BytesIO()
                    fig.savefig(raw, format="raw", dpi=300, facecolor="white")
                    before = _rgb(raw.getvalue(), fig)
                else:
                    write_static(fig, png)
                    write_static(fig, svg)
                row[f"png_{how}"] = png.stat().st_size
                row[f"svg_{how}"] = svg.stat().st_size
            now = np.asarray(Image.open(work / f"{slug}-now.png").convert("RGB"))
            row["changed_share"] = float((np.abs(now.astype(int) - before).max(axis=2) > 0).mean())
            row["beyond_aa_share"] = _beyond_antialiasing(before, now)
            out["maps"][slug] = row
    finally:
        _layers.PRINT_TOLERANCE_MM = 0.025
        shutil.rmtree(work, ignore_errors=True)
    out.update(plain_plot(runs))
    return out


def _rgb(raw: bytes, fig: Any) -> Any:
    import numpy as np

    width = int(fig.get_size_inches()[0] * 300)
    return np.frombuffer(raw, np.uint8).reshape(-1, width, 4)[:, :, :3]


def _beyond_antialiasing(a: Any, b: Any) -> float:
    """Share of pixels of ``a`` or ``b`` with no pixel within 1 px in the other image close enough."""
    import numpy as np

    def unmatched(x: Any, y: Any) -> Any:
        miss = np.ones(x.shape[:2], dtype=bool)
        padded = np.pad(y.astype(np.int16), ((1, 1), (1, 1), (0, 0)), mode="edge")
        h, w = x.shape[:2]
        for dy in (0, 1, 2):
            for dx in (0, 1, 2):
                near = padded[dy : dy + h, dx : dx + w]
                miss &= np.abs(near - x).max(axis=2) > PIXEL_THRESHOLD
        return miss

    return float((unmatched(a, b) | unmatched(b, a)).mean())


def plain_plot(runs: int) -> dict[str, Any]:
    """One A4 300-dpi map: izmir-maps against the plain geopandas plot, same process and data."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    from izmir_maps import district_table
    from izmir_maps.atlas import map_spec
    from izmir_maps.static._look import SIZES
    from izmir_maps.static.render import render_static, write_static

    table = district_table("detailed")
    out = Path(tempfile.mkdtemp(prefix="izmir-plain-"))

    def plain() -> None:
        fig, ax = plt.subplots(figsize=SIZES["a4"])
        table.plot(column="employees", scheme="FisherJenks", legend=True, ax=ax)
        fig.savefig(io.BytesIO(), dpi=300)
        plt.close(fig)

    def ours() -> None:
        fig = render_static(map_spec("employees", layer="detailed"), size="a4")
        write_static(fig, out / "employees.png")
        plt.close(fig)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # mapclassify: "Numba not installed"
        plain()
        ours()  # both warm: imports, fonts, and our memos of the district layer
        times: dict[str, list[tuple[float, float]]] = {"plain": [], "ours": []}
        for _ in range(max(runs, 5)):
            for name, fn in (("plain", plain), ("ours", ours)):
                wall, cpu = time.perf_counter(), time.process_time()
                fn()
                times[name].append((time.perf_counter() - wall, time.process_time() - cpu))
    shutil.rmtree(out, ignore_errors=True)
    med = {
        f"{name}_{kind}_s": round(statistics.median(t[i] for t in rows), 3)
        for name, rows in times.items()
        for i, kind in enumerate(("wall", "cpu"))
    }
    return {"plain_runs": max(runs, 5), **med}


def _static_lines(r: dict[str, Any], runs: int) -> list[str]:
    lines = [
        "| print map (A4, 300 dpi) | PNG before | PNG now | SVG before | SVG now | "
        "pixels changed | beyond anti-aliasing |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for slug, row in r["maps"].items():
        lines.append(
            f"| {slug} | {row['png_before']:,} | {row['png_now']:,} | {row['svg_before']:,} | "
            f"{row['svg_now']:,} | {100 * row['changed_share']:.2f} % | "
            f"{100 * row['beyond_aa_share']:.3f} % |"
        )
    lines += [
        "",
        f"Beyond anti-aliasing: a pixel of either 300-dpi raster (before: the 10 m layer drawn "
        f"by matplotlib; now: the PNG as written) with no pixel within one pixel of it in the "
        f"other whose channels are all within {PIXEL_THRESHOLD}/255.",
        "",
        f"| one A4 300-dpi map, same process (median of {r['plain_runs']}) | wall s | CPU s |",
        "|---|---:|---:|",
        f'| `gdf.plot(column="employees", scheme="FisherJenks", legend=True)` + '
        f"`savefig(dpi=300)` | {r['plain_wall_s']:.3f} | {r['plain_cpu_s']:.3f} |",
        f"| izmir-maps `render_static` + `write_static` (PNG) | {r['ours_wall_s']:.3f} | "
        f"{r['ours_cpu_s']:.3f} |",
        f"| ratio | 1/{r['plain_wall_s'] / r['ours_wall_s']:.2f} | "
        f"1/{r['plain_cpu_s'] / r['ours_cpu_s']:.2f} |",
    ]
    return lines


if __name__ == "__main__":
    sys.exit(main())
