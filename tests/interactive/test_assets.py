"""The map's own script and stylesheet files (``interactive/assets/``) parse, and fill in fully.

``node --check`` parses every ``*.js`` file of the package and the scripts as the
pages inline them. Without Node.js those tests skip, except under CI (``CI=true``),
where a missing ``node`` fails the run, as a missing browser does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import izmir_maps
from izmir_maps.interactive._assets import COLOR_TOKENS, fill, page_css, page_js, page_js_min
from izmir_maps.interactive.render import render_html
from izmir_maps.interactive.sync import render_sync_html, sync_css, sync_js
from izmir_maps.spec.map_spec import choropleth_spec, wind_spec

PACKAGE = Path(izmir_maps.__file__).parent
SCRIPT_FILES = sorted(PACKAGE.rglob("*.js"))
ASSETS = PACKAGE / "interactive" / "assets"


def node() -> str:
    """Path of ``node``; skips without it, fails under ``CI=true``."""
    found = shutil.which("node")
    if found is None:
        msg = "Node.js not found: install it (`apt-get install nodejs`) to parse the scripts."
        if os.environ.get("CI") == "true":
            pytest.fail(f"{msg} Under CI the script checks must run, not skip.")
        pytest.skip(msg)
    return found


def node_check(path: Path) -> None:
    """Fail with node's message unless ``path`` parses as JavaScript."""
    done = subprocess.run(
        [node(), "--check", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, f"{path}:\n{done.stderr}"


def test_the_asset_files_are_there() -> None:
    names = {path.name for path in ASSETS.iterdir()}
    assert {"map.js", "map.css", "sync.js", "sync.css"} <= names
    assert {path.name for path in SCRIPT_FILES} >= {"map.js", "sync.js"}


@pytest.mark.parametrize("path", SCRIPT_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_script_file_parses(path: Path) -> None:
    node_check(path)


@pytest.mark.parametrize(
    "script", [page_js, page_js_min, sync_js], ids=["map script", "map page", "sync page"]
)
def test_the_scripts_parse_as_the_pages_inline_them(script, tmp_path: Path) -> None:
    """map.js loses its indentation and goes inside sync.js: both must still be JavaScript."""
    path = tmp_path / "inline.js"
    path.write_text(script(), encoding="utf-8")
    node_check(path)


def test_a_syntax_error_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "broken.js"
    path.write_text(page_js().replace("function tip(", "function tip((", 1), encoding="utf-8")
    with pytest.raises(AssertionError, match="SyntaxError"):
        node_check(path)


def test_every_colour_token_is_replaced() -> None:
    css = page_css()
    assert "var(--izm-" not in css
    for token, color in COLOR_TOKENS.items():
        assert color in css, token
    assert "@PAGE_JS@" not in sync_js()


def test_a_missing_or_unknown_token_fails_loudly() -> None:
    with pytest.raises(ValueError, match=r"var\(--izm-sea\)"):
        fill("map.css", {k: v for k, v in COLOR_TOKENS.items() if k != "var(--izm-sea)"})
    with pytest.raises(ValueError, match="PAGE_JS"):
        fill("sync.js", {})
    with pytest.raises(ValueError, match="tokens"):
        fill("sync.css", {"var(--izm-sea)": "#fff"})


def test_the_file_comments_stay_out_of_the_pages() -> None:
    for path in ASSETS.iterdir():
        assert path.read_text(encoding="utf-8").startswith("/* "), path.name
    pages = {
        page_js_min(): render_html(wind_spec()).html,
        sync_js(): render_sync_html(choropleth_spec("employees"), wind_spec()).html,
    }
    for script, page in pages.items():
        assert "This first comment" not in page
        assert page.endswith(f"<script>{script}</script>\n</body>\n</html>\n")
        assert page.startswith("(function", page.rindex("<script>") + len("<script>"))


def top_level_rules(css: str) -> int:
    """Number of rules at the top of ``css`` (an ``@media`` block is one), by its braces."""
    depth, rules = 0, 0
    for char in re.sub(r'"[^"]*"', '""', css):
        depth += {"{": 1, "}": -1}.get(char, 0)
        rules += char == "}" and depth == 0
    assert depth == 0
    return rules


@pytest.mark.parametrize("css", [page_css, sync_css], ids=["map page", "sync page"])
def test_chromium_keeps_every_rule_of_the_stylesheets(browser, css) -> None:
    """A rule the browser cannot parse is dropped silently; count that none is."""
    text = css()
    page = browser.new_page()
    try:
        page.set_content(f"<style>{text}</style>")
        kept = page.evaluate("document.styleSheets[0].cssRules.length")
    finally:
        page.close()
    assert kept == top_level_rules(text) > 50
