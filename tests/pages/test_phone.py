"""The atlas pages on a phone (390×844) in headless Chromium, network blocked.

Issue 14, "Phone": no page scrolls sideways (wide tables scroll inside their own
box) and chart labels are at least 11 px as shown. The Turkish atlas is built as
the CLI builds it (without static maps); English pages are rendered beside it.
Same browser set-up as ``test_browser.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from izmir_maps.atlas import build_atlas
from izmir_maps.data.join import district_table
from izmir_maps.pages.compare import render_comparison
from izmir_maps.pages.profiles import render_profile
from izmir_maps.pages.statistics import render_stats_page
from izmir_maps.write import write_text

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
FOUR = ["Aliağa", "Bergama", "Foça", "Menemen"]
PAGES = {
    "home": "index.html",
    "profile": "districts/aliaga.html",  # the longest: Aliağa's report, SWOT table, OSB, farms
    "profile-centre": "districts/konak.html",
    "compare-two": "compare/aliaga-cigli.html",
    "compare-four": "compare/aliaga-bergama-foca-menemen.html",
    "multiples": "compare/multiples.html",
    "stats": "stats.html",
    "profile-en": "en/districts/aliaga.html",
    "compare-en": "en/compare/aliaga-bergama-foca-menemen.html",
    "stats-en": "en/stats.html",
}

# Elements sticking out of the viewport that no scrolling box of their own clips.
_OVERFLOWING = """() => {
  const width = window.innerWidth, out = [];
  const clipped = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 0.5) {
        return true;
      }
    }
    return false;
  };
  for (const el of document.querySelectorAll('main *, header *')) {
    const r = el.getBoundingClientRect();
    if ((r.right > width + 0.5 || r.left < -0.5) && !clipped(el)) {
      out.push(el.tagName.toLowerCase() + ': ' + (el.textContent || '').trim().slice(0, 40));
    }
  }
  return out.slice(0, 5);
}"""

# Every bar-chart text: its font size as drawn (computed size × the SVG's scale).
_CHART_TEXT = """() => Array.from(document.querySelectorAll('svg.bars text')).map((t) => {
  const svg = t.ownerSVGElement, box = svg.getBoundingClientRect(), r = t.getBoundingClientRect();
  return {
    text: t.textContent,
    px: parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a,
    inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5,
  };
})"""


@pytest.fixture(scope="module")
def atlas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Turkish atlas without static maps, plus English pages under ``en/``."""
    out = tmp_path_factory.mktemp("phone") / "atlas"
    build_atlas(out, static=False)
    web = district_table("web")
    en = out / "en"
    pcodes = [web.loc[web["district"] == name, "pcode"].iloc[0] for name in FOUR]
    write_text(en / "districts" / "aliaga.html", render_profile(web, pcodes[0], lang="en"))
    write_text(
        en / "compare" / "aliaga-bergama-foca-menemen.html",
        render_comparison(web, pcodes, lang="en"),
    )
    write_text(en / "stats.html", render_stats_page(web, lang="en")[0])
    return out


@pytest.fixture
def phone(open_page):
    """Open a page at 390×844; afterwards, assert it stayed offline and error-free."""

    def open_(path: Path) -> object:
        return open_page(path.as_uri(), viewport=PHONE, ready="load").page

    return open_


def test_the_pages_are_the_ones_the_atlas_builds(atlas) -> None:
    missing = [file for file in PAGES.values() if not (atlas / file).is_file()]
    assert missing == []


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_page_scrolls_sideways_on_a_phone(kind: str, atlas, phone) -> None:
    page = phone(atlas / PAGES[kind])
    assert page.evaluate("window.innerWidth") == 390
    assert page.evaluate(_OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.mouse.wheel(300, 0)  # a sideways swipe moves nothing
    assert page.evaluate("window.scrollX") == 0


@pytest.mark.parametrize("kind", ["profile", "profile-centre", "stats"])
def test_wide_tables_scroll_inside_their_own_box(kind: str, atlas, phone) -> None:
    page = phone(atlas / PAGES[kind])
    wide = page.evaluate(
        """() => Array.from(document.querySelectorAll('main table'))
          .filter((t) => t.scrollWidth > 390)
          .map((t) => { const box = t.closest('.scroll') || t;
                        return {scrolls: getComputedStyle(box).overflowX === 'auto',
                                right: box.getBoundingClientRect().right}; })"""
    )
    assert wide, "the page has no table wider than the phone: nothing to check"
    assert all(box["scrolls"] and box["right"] <= 390 for box in wide), wide


@pytest.mark.parametrize("kind", ["profile", "profile-centre", "profile-en"])
def test_chart_labels_are_at_least_11_px_on_a_phone(kind: str, atlas, phone) -> None:
    page = phone(atlas / PAGES[kind])
    texts = page.evaluate(_CHART_TEXT)
    assert len(texts) == 5 * 30 * 2  # five charts of 30 districts, label and value each
    small = [(t["text"], round(t["px"], 2)) for t in texts if t["px"] < 11]
    assert small == []
    assert [t["text"] for t in texts if not t["inside"]] == []  # no label cut off
    konak = next(t for t in texts if t["text"] == "Konak")
    assert konak["px"] == pytest.approx(12, abs=0.01)  # drawn at its own size: not shrunk


def test_chart_labels_stay_readable_on_a_desktop(atlas, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto((atlas / PAGES["profile"]).as_uri())
    sizes = [t["px"] for t in page.evaluate(_CHART_TEXT)]
    context.close()
    assert min(sizes) == pytest.approx(12, abs=0.01)
    assert max(sizes) == pytest.approx(12, abs=0.01)  # not blown up in a wide column
