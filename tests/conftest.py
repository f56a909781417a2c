"""Shared fixtures for the izmir-maps test suite."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import settings

from izmir_maps.data.paths import data_dir


def _clear_izmir_maps_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("izmir_maps.") and module is not None:
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and getattr(value, "__module__", None) == name:
                    clear()


@pytest.fixture(autouse=True)
def _fresh_caches_under_mutation_testing() -> None:
    """Under mutmut, compute every cached table again in each test.

    mutmut's runner imports and collects the tests once and forks for each mutant: a table
    cached before the fork (or by an earlier test) would hide the mutant under test, which
    then "survives" without any test having run its code. Outside mutmut this does nothing.
    """
    if os.environ.get("MUTANT_UNDER_TEST"):
        _clear_izmir_maps_caches()


# No example database: the suite must not depend on (or leave behind) earlier runs' examples.
settings.register_profile("izmir-maps", database=None, deadline=None, max_examples=200)
settings.load_profile("izmir-maps")

FIXTURES = Path(__file__).parent / "fixtures"

Edit = Callable[[pd.DataFrame], pd.DataFrame]


@pytest.fixture(scope="session")
def pdf_text() -> Callable[[Path], str]:
    """Read a PDF's text as a reader copies it: ``pdftotext`` (poppler), else pypdf."""

    def read(path: Path) -> str:
        if shutil.which("pdftotext"):
            return subprocess.run(
                ["pdftotext", "-enc", "UTF-8", str(path), "-"],
                capture_output=True,
                check=True,
                text=True,
                encoding="utf-8",
            ).stdout
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(path).pages)

    return read


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """Folder of the small hand-made CSV files (see tests/fixtures/README.md)."""
    return FIXTURES


@pytest.fixture(scope="session")
def table() -> gpd.GeoDataFrame:
    """The district table as ``izmir_maps.data.join.district_table()`` builds it (do not mutate)."""
    from izmir_maps.data.join import district_table

    return district_table()


@pytest.fixture(scope="session")
def by_district(table: gpd.GeoDataFrame) -> pd.DataFrame:
    """The district table indexed by Turkish district name."""
    return pd.DataFrame(table.drop(columns="geometry")).set_index("district")


@pytest.fixture(scope="session")
def raw_data() -> Callable[[str], pd.DataFrame]:
    """Read a shipped CSV of ``data/`` with plain pandas, independently of the package."""

    def read(name: str) -> pd.DataFrame:
        return pd.read_csv(data_dir() / name, encoding="utf-8")

    return read


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private, writable copy of the shipped ``data/`` folder."""
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    return folder


@pytest.fixture
def edit_csv(data_copy: Path) -> Callable[[str, Edit], Path]:
    """Rewrite one CSV of ``data_copy``: ``edit_csv(name, fn)`` with ``fn(frame) -> frame``.

    The frame holds the cells as text, exactly as in the file.
    """

    def edit(name: str, fn: Edit) -> Path:
        path = data_copy / name
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        frame = fn(frame.copy())
        path.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
        return data_copy

    return edit


# --- headless Chromium, shared by the browser tests ---------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _browser_unavailable(reason: str) -> None:
    msg = (
        "Chromium not found: install it with `apt-get install chromium` (Debian) and "
        f"`pip install playwright` ({reason})."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"{msg} Under CI the browser tests must run, not skip.")
    pytest.skip(msg)


def _chromium_path() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; skips without it, fails under CI=true."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_unavailable("the Python package playwright is not installed")
    executable = _chromium_path()
    if executable is None:
        _browser_unavailable("no `chromium` on PATH and no /usr/bin/chromium")
    manager = sync_playwright().start()
    try:
        chromium = manager.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
    except Exception as exc:
        manager.stop()
        _browser_unavailable(f"launching {executable} failed: {exc}")
    yield chromium
    chromium.close()
    manager.stop()


@dataclass
class Visit:
    """An open page and what it tried to do."""

    page: object
    blocked: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@functools.cache
def _visit_class(helpers: type) -> type[Visit]:
    """``Visit`` with a test module's helper methods (a plain class that uses ``self.page``)."""
    return type(helpers.__name__, (helpers, Visit), {})


@pytest.fixture(scope="session")
def watch() -> Callable[..., object]:
    """Attach to a page: block every request but ``file:``/``data:`` and record what it tried.

    ``seen`` is any object with list attributes ``blocked``, ``requests``,
    ``errors`` and ``dialogs`` (a new ``Visit`` if left out); it is returned for chaining.
    """

    def attach(page, seen=None):
        if seen is None:
            seen = Visit(page)

        def route(request_route) -> None:
            url = request_route.request.url
            if url.startswith(("file:", "data:")):
                request_route.continue_()
            else:
                seen.blocked.append(url)
                request_route.abort()

        page.route("**/*", route)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on(
            "console",
            lambda message: seen.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: seen.errors.append(str(error)))
        page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))
        return seen

    return attach


@pytest.fixture
def open_page(browser, watch) -> Iterator[Callable[..., Visit]]:
    """Open a page offline and watched; afterwards, assert every page stayed offline and error-free.

    ``open_page(url, viewport=..., ready=None, helpers=None, own_context=False, failed=False)``:
    pages of one viewport share a browser context unless ``own_context``; ``ready`` is
    ``"load"`` (wait for the load event) or a script to wait for; ``helpers`` is a class of
    methods mixed into the returned ``Visit``; ``failed`` records failed requests as errors.
    """
    contexts: list[object] = []
    shared: dict[tuple, object] = {}
    opened: list[Visit] = []

    def context_for(viewport: dict, own_context: bool) -> object:
        key = tuple(sorted(viewport.items()))
        if own_context or key not in shared:
            context = browser.new_context(viewport=viewport, service_workers="block")
            contexts.append(context)
            if not own_context:
                shared[key] = context
            return context
        return shared[key]

    def open_(
        url: str,
        *,
        viewport: dict,
        ready: str | None = None,
        helpers: type | None = None,
        own_context: bool = False,
        failed: bool = False,
    ) -> Visit:
        page = context_for(viewport, own_context).new_page()
        seen = watch(page, (_visit_class(helpers) if helpers else Visit)(page))
        if failed:
            page.on("requestfailed", lambda request: seen.errors.append(f"failed: {request.url}"))
        page.goto(url)
        if ready == "load":
            page.wait_for_load_state("load")
        elif ready:
            page.wait_for_function(ready)
        opened.append(seen)
        return seen

    yield open_
    for seen in opened:
        assert seen.blocked == [], f"requests left the page: {seen.blocked}"
        assert seen.errors == [], f"console or page errors: {seen.errors}"
    for context in contexts:
        context.close()


# -- the command line, run in this process ---------------------------------------------------------

#: ``run_cli(argv)``: the exit status and what the command printed to stdout and stderr.
RunCli = Callable[[list[str]], tuple[int, str, str]]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run ``izmir-maps`` with ``argv`` in this process; return (status, stdout, stderr)."""
    from izmir_maps.cli import main

    def run(argv: list[str]) -> tuple[int, str, str]:
        code = main(argv)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture(scope="session")
def html_title() -> Callable[[str], str]:
    """The text of an HTML page's ``<title>``; the page must have one."""
    import re

    def title(html: str) -> str:
        found = re.search(r"<title>([^<]*)</title>", html)
        assert found
        return found.group(1)

    return title
