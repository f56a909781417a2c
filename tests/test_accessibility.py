"""axe-core on every kind of atlas page, in Turkish and English, at desktop and phone widths.

One atlas per language is built once (``static=False``) into a temporary folder; each case
opens one page offline (network blocked, see ``open_page`` in ``tests/conftest.py``), runs
axe-core (bundled by ``axe-playwright-python``: nothing is fetched) with its default rules
(WCAG 2 A/AA and best practices) and fails on any *serious* or *critical* violation. The
message lists every violation found, moderate and minor ones too, with the failing elements.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

try:
    from axe_playwright_python.sync_playwright import Axe
except ImportError:  # pragma: no cover - the test extra installs it
    Axe = None

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
MAP_READY = "() => window.izmirMap !== undefined"
#: One page of each kind → what to wait for before axe looks at it.
PAGES = {
    "index.html": "load",
    "maps/employees.html": MAP_READY,
    "maps/osb.html": MAP_READY,
    "maps/wind.html": MAP_READY,
    "maps/combined.html": MAP_READY,
    "grid/employees.html": MAP_READY,
    "compare/sync-employees-exports.html": "() => window.izmirSync !== undefined",
    "districts/aliaga.html": "load",
    "compare/aliaga-cigli.html": "load",
    "compare.html": "load",
    "stats.html": "load",
    "compare/multiples.html": "load",
    "reports/aliaga.html": "load",
}
FAILING = ("serious", "critical")


@pytest.fixture(scope="session")
def atlas(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """``atlas(lang)``: the folder of an atlas in ``lang``, built on first use."""
    from izmir_maps.atlas import build_atlas

    built: dict[str, Path | str] = {}

    def get(lang: str) -> Path:
        if lang not in built:  # once per language, also when it fails
            out = tmp_path_factory.mktemp(f"axe-{lang}") / "atlas"
            try:
                build_atlas(out, lang=lang, static=False)
                built[lang] = out
            except Exception as exc:
                built[lang] = f"building the {lang} atlas failed: {exc!r}"
        if isinstance(built[lang], str):
            pytest.fail(built[lang])
        return built[lang]

    return get


@pytest.fixture(scope="session")
def axe() -> object:
    if Axe is None:
        msg = "axe-playwright-python is not installed: pip install -e '.[test]'"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return Axe()


def describe(violations: list[dict]) -> str:
    """Every violation, one block each: rule, impact, help, and each failing element."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    {target}: {node['html'][:200]}")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", ["tr", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_no_serious_or_critical_violations(atlas, axe, open_page, page, lang, viewport) -> None:
    path = atlas(lang) / page
    if not path.is_file():
        pytest.skip(f"{page} is not in this build (the atlas does not write it yet)")
    seen = open_page(path.as_uri(), viewport=VIEWPORTS[viewport], ready=PAGES[page])
    seen.page.wait_for_load_state("load")
    # preload off: axe would fetch the stylesheets again, which the maps' CSP refuses (an error)
    options = {"resultTypes": ["violations"], "preload": False}
    violations = axe.run(seen.page, options=options).response["violations"]
    failing = [v for v in violations if v["impact"] in FAILING]
    report = describe(violations)
    print(f"{page} [{lang}, {viewport}]: {len(violations)} rules violated\n{report}")
    assert failing == [], f"{page} [{lang}, {viewport}]:\n{report}"
