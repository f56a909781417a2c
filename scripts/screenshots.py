"""Regenerate the README screenshots in docs/screenshots/ from real izmir-maps output.

Usage:
    python scripts/screenshots.py [--out DIR] [--chromium PATH]

The script builds each page into a temporary folder (the employees choropleth on a desktop, on a
phone and as a table, the OSB, wind and combined maps, Aliağa's profile, the in-browser
comparison, the statistics page and the synchronised employees/exports maps, all in Turkish), opens it in headless Chromium with every network request blocked and
writes one PNG per page (same Chromium and fonts, same bytes). A page that asks for anything
outside itself or logs an error gets no PNG, and the run ends with exit status 1, as it does
when a PNG reaches 250 kB. Needs Debian's Chromium (`apt-get install chromium`) and Playwright for Python; never
`playwright install`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from izmir_maps.data.join import district_table
from izmir_maps.interactive.render import render_html
from izmir_maps.interactive.sync import render_sync_html
from izmir_maps.pages.compare_live import render_live_comparison
from izmir_maps.pages.profiles import render_profile
from izmir_maps.pages.statistics import render_stats_page
from izmir_maps.spec.map_spec import choropleth_spec, combined_spec, osb_spec, wind_spec
from izmir_maps.write import write_bytes, write_text

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
ALIAGA = "TUR035001"
MAP_VIEWPORT = {"width": 1200, "height": 800}  # narrower, the combined map's legend hides Çeşme
COMBINED_VIEWPORT = {"width": 1120, "height": 800}  # three layers: fewer pixels, PNG under 250 kB
PAGE_VIEWPORT = {"width": 1100, "height": 800}
PHONE_VIEWPORT = {"width": 390, "height": 844}
STATS_VIEWPORT = {"width": 1000, "height": 900}  # Moran's I table and the first LISA maps
SIZE_LIMIT = 250_000  # bytes per PNG
# Fonts loaded, then two frames drawn and a pause: the label layout has settled.
_SETTLED = """() => document.fonts.ready
    .then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    .then(() => new Promise((r) => setTimeout(r, 250)))"""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--font-render-hinting=none",
]


@dataclass(frozen=True)
class Shot:
    """One screenshot: output name, how to build the page, viewport, what to do before."""

    name: str
    build: Callable[[], str]
    viewport: dict[str, int]
    ready: str | None = None  # JavaScript condition to wait for
    hover: str | None = None  # P-code to hover on the single map
    scroll_to: str | None = None  # text of the <h2> to put at the top of the view
    fragment: str = ""  # the address's #hash (a permalink's choice)
    click: str | None = None  # CSS selector of a button to press before the picture


def shots() -> list[Shot]:
    web = district_table("web")
    map_ready = "() => window.izmirMap !== undefined"
    return [
        Shot(
            "employees-choropleth",
            lambda: render_html(choropleth_spec("employees")).html,
            MAP_VIEWPORT,
            map_ready,
            hover=ALIAGA,
        ),
        Shot(
            "employees-phone",
            lambda: render_html(choropleth_spec("employees")).html,
            PHONE_VIEWPORT,
            map_ready,
        ),
        Shot(
            "employees-table",
            lambda: render_html(choropleth_spec("employees")).html,
            PAGE_VIEWPORT,
            map_ready,
            click=".izm-tbl",
        ),
        Shot("osb-map", lambda: render_html(osb_spec()).html, MAP_VIEWPORT, map_ready),
        Shot("wind-map", lambda: render_html(wind_spec()).html, MAP_VIEWPORT, map_ready),
        Shot(
            "combined-map", lambda: render_html(combined_spec()).html, COMBINED_VIEWPORT, map_ready
        ),
        Shot(
            "aliaga-profile",
            lambda: render_profile(web, ALIAGA),
            PAGE_VIEWPORT,
        ),
        Shot(
            "compare-live",
            lambda: render_live_comparison(web),
            PAGE_VIEWPORT,
            fragment="#aliaga,bornova,foca",
            scroll_to="Çubuklar",
        ),
        Shot(
            "statistics-page",
            lambda: render_stats_page(web)[0],
            STATS_VIEWPORT,
            scroll_to="Moran",
        ),
        Shot(
            "sync-employees-exports",
            lambda: (
                render_sync_html(choropleth_spec("employees"), choropleth_spec("exports_usd")).html
            ),
            MAP_VIEWPORT,
            "() => window.izmirSync !== undefined",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT})")
    parser.add_argument("--chromium", default=_chromium(), help="Chromium executable")
    args = parser.parse_args(argv)
    if not args.chromium:
        print("Chromium not found: `apt-get install chromium` or pass --chromium.", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as manager:
        browser = manager.chromium.launch(
            executable_path=args.chromium, args=CHROMIUM_ARGS, headless=True
        )
        try:
            for shot in shots():
                html_path = write_text(Path(tmp) / f"{shot.name}.html", shot.build())
                png = _capture(browser, html_path, shot, problems)
                if png is None:
                    continue
                path = write_bytes(args.out / f"{shot.name}.png", png)
                size = len(png)
                flag = "" if size < SIZE_LIMIT else f"  (over {SIZE_LIMIT:,} bytes)"
                print(
                    f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
                    f"{size:,} bytes{flag}"
                )
                if size >= SIZE_LIMIT:
                    problems.append(f"{shot.name}: {size:,} bytes is over {SIZE_LIMIT:,}")
        finally:
            browser.close()
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _capture(browser, path: Path, shot: Shot, problems: list[str]) -> bytes | None:
    context = browser.new_context(
        viewport=shot.viewport, device_scale_factor=1, service_workers="block", locale="tr-TR"
    )
    errors: list[str] = []
    try:
        page = context.new_page()

        def route(request_route) -> None:
            url = request_route.request.url
            if url.startswith(("file:", "data:")):
                request_route.continue_()
            else:
                errors.append(f"request left the page: {url}")
                request_route.abort()

        page.route("**/*", route)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri() + shot.fragment, wait_until="load")
        if shot.ready:
            page.wait_for_function(shot.ready)
        if shot.click:
            page.locator(shot.click).click()
        if shot.hover:
            page.mouse.move(*_district_point(page, shot.hover))
            page.locator(".leaflet-tooltip").wait_for()
        if shot.scroll_to:
            heading = page.locator("h2", has_text=shot.scroll_to).first
            heading.evaluate("(e) => window.scrollTo(0, e.offsetTop - 12)")
        page.evaluate(_SETTLED)
        png = page.screenshot(animations="disabled", caret="hide")
    finally:
        context.close()
    if errors:
        problems += [f"{shot.name}: {e}" for e in errors]
        return None
    return png


def _district_point(page, pcode: str) -> tuple[float, float]:
    """Screen position of a district's label point on a single map."""
    return page.evaluate(
        """(pcode) => {
            const data = JSON.parse(document.getElementById("izm-data").textContent);
            const d = data.d.find((x) => x.id === pcode);
            const p = window.izmirMap.map.latLngToContainerPoint(d.l);
            const box = document.getElementById("izm-map").getBoundingClientRect();
            return [p.x + box.left, p.y + box.top];
        }""",
        pcode,
    )


def _chromium() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


if __name__ == "__main__":
    sys.exit(main())
