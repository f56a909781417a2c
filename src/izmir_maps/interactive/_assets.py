"""The fixed parts of every HTML map, and the rules for putting them into a page.

Leaflet comes from ``xstatic-leaflet``. Its stylesheet refers to two images of
the layer-switcher button; they are inlined as ``data:`` URIs so that neither
an inline nor a shared stylesheet ever asks for a file that is not there.

The page's own script and stylesheet are real files in ``assets/`` (``map.js``,
``map.css``, and ``sync.js``, ``sync.css`` of the side-by-side page), read once
through :mod:`importlib.resources` by :func:`asset_text`. :func:`fill` is the one
place where their tokens (``var(--izm-sea)`` …, ``/* @PAGE_JS@ */``) are
replaced. Nothing here comes from data.

A self-contained page inlines them; pages of an atlas refer instead to one copy of
each in the shared assets folder, minified when the atlas is written
(:func:`page_js_min`, :func:`page_css_min`: ``rjsmin`` and ``rcssmin``, which
drop comments and spaces and rename nothing) from the readable files kept here.

Both renderers (:mod:`~izmir_maps.interactive.render`, :mod:`~izmir_maps.interactive.sync`)
also share the page plumbing at the end: :func:`check_assets`,
:func:`leaflet_tags`, :func:`own_tags`, :func:`csp` and :func:`script_json`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Literal

import xstatic.pkg.leaflet as xleaflet

from izmir_maps._script_json import script_json
from izmir_maps.errors import OptionError
from izmir_maps.interactive._style import FARM_COLOR, KIND_COLORS
from izmir_maps.spec.style import (
    BOUNDARY_CHANGE_COLOR,
    PROPOSED_WIND_COLOR,
    SEA_COLOR,
    WIND_COLOR,
)

__all__ = [
    "COLOR_TOKENS",
    "LEAFLET_VERSION",
    "SHARED_CSS",
    "SHARED_JS",
    "SVG_DEFS",
    "Assets",
    "asset_text",
    "check_assets",
    "csp",
    "fill",
    "leaflet_css",
    "leaflet_js",
    "leaflet_tags",
    "own_tags",
    "page_css",
    "page_css_min",
    "page_js",
    "page_js_min",
    "script_json",
]

#: How a page gets Leaflet: inside it, or from a shared folder next to it.
Assets = Literal["inline", "shared"]

LEAFLET_VERSION: str = xleaflet.VERSION
#: File names of the page's own script and stylesheet, minified, in a shared assets folder.
SHARED_JS = "map.min.js"
SHARED_CSS = "map.min.css"
_DATA = Path(xleaflet.BASE_DIR)

#: The colours that ``map.css`` names by token.
COLOR_TOKENS: dict[str, str] = {
    "var(--izm-sea)": SEA_COLOR,
    "var(--izm-proposed)": PROPOSED_WIND_COLOR,
    "var(--izm-changed)": BOUNDARY_CHANGE_COLOR,
    "var(--izm-wind)": WIND_COLOR,
}

# A token in an asset file; a CSS custom property of ours or a JS comment, so the file still parses.
_TOKEN = re.compile(r"var\(--izm-[a-z-]+\)|/\* @[A-Z_]+@ \*/")
# The first comment of an asset file documents the file, not the page.
_HEADER = re.compile(r"\A/\*.*?\*/\n", re.S)


@lru_cache(maxsize=1)
def leaflet_js() -> str:
    """Leaflet's minified script, without its source-map comment.

    Examples
    --------
    >>> leaflet_js().startswith("/* @preserve")
    True
    """
    js = (_DATA / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "", js)
    if "</script" in js.lower():  # pragma: no cover - guards a future Leaflet release
        msg = "leaflet.js contains '</script' and cannot be inlined."
        raise ValueError(msg)
    return js.rstrip() + "\n"


@lru_cache(maxsize=1)
def leaflet_css() -> str:
    """Leaflet's stylesheet with its comments removed and its images inlined or dropped.

    Examples
    --------
    >>> "images/" in leaflet_css()
    False
    """
    css = (_DATA / "leaflet.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    layers = base64.b64encode((_DATA / "images" / "layers.png").read_bytes()).decode("ascii")
    layers2 = base64.b64encode((_DATA / "images" / "layers-2x.png").read_bytes()).decode("ascii")
    css = css.replace("url(images/layers.png)", f"url(data:image/png;base64,{layers})")
    css = css.replace("url(images/layers-2x.png)", f"url(data:image/png;base64,{layers2})")
    css = css.replace("url(images/marker-icon.png)", "none")  # default icons are never used
    css = re.sub(r"\n\s*\n+", "\n", css)
    return css.strip() + "\n"


@cache
def asset_text(name: str) -> str:
    """The text of ``assets/<name>`` without its first comment, read once.

    Examples
    --------
    >>> asset_text("map.js").startswith("(function () {")
    True
    """
    text = (files("izmir_maps.interactive") / "assets" / name).read_text(encoding="utf-8")
    return _HEADER.sub("", text, count=1)


def fill(name: str, tokens: Mapping[str, str]) -> str:
    """The asset ``name`` with each of its tokens replaced by its value in ``tokens``.

    Parameters
    ----------
    name
        File name in ``assets/``, e.g. ``"map.css"``.
    tokens
        Token → replacement, e.g. ``{"var(--izm-sea)": "#dfe9f2"}``.

    Returns
    -------
    str
        The text; a replacement is never searched for tokens itself.

    Raises
    ------
    ValueError
        If the file has a token that ``tokens`` lacks, or ``tokens`` one that the
        file lacks: a renamed token fails here, not silently in a browser.

    Examples
    --------
    >>> fill("sync.css", {})[:10]
    '.izm-sync{'
    """
    text = asset_text(name)
    found = set(_TOKEN.findall(text))
    if found != set(tokens):
        msg = f"assets/{name} has the tokens {sorted(found)}, but {sorted(tokens)} were given."
        raise ValueError(msg)
    return _TOKEN.sub(lambda match: tokens[match.group()], text)


def _compact(script: str) -> str:
    r"""``script`` without the indentation of its lines (it has no multi-line strings).

    Examples
    --------
    >>> _compact("if (a) {\n  b();\n}\n")
    'if (a) {\nb();\n}\n'
    """
    return "".join(line.lstrip(" ") for line in script.splitlines(keepends=True))


@lru_cache(maxsize=1)
def page_js() -> str:
    """The script of every map page: ``assets/map.js`` without indentation.

    Examples
    --------
    >>> "window.izmirMap = " in page_js(), "</script" in page_js().lower()
    (True, False)
    """
    return _compact(fill("map.js", {}))


@lru_cache(maxsize=1)
def page_css() -> str:
    """The stylesheet of every map page: ``assets/map.css`` in colour, plus the OSB kinds.

    Examples
    --------
    >>> "var(--izm-" in page_css(), SEA_COLOR in page_css()
    (False, True)
    """
    return fill("map.css", COLOR_TOKENS) + _kind_css() + "\n"


@lru_cache(maxsize=1)
def page_js_min() -> str:
    """:func:`page_js` minified by ``rjsmin``: the shared ``map.min.js`` of an atlas.

    Comments, indentation and most line breaks go; no name changes, so the
    script reads (and fails) as the source does.

    Examples
    --------
    >>> len(page_js_min()) < 0.85 * len(page_js()), "window.izmirMap=" in page_js_min()
    (True, True)
    """
    import rjsmin  # only an atlas needs it

    return rjsmin.jsmin(fill("map.js", {}), keep_bang_comments=False).strip() + "\n"


@lru_cache(maxsize=1)
def page_css_min() -> str:
    """:func:`page_css` minified by ``rcssmin``: the shared ``map.min.css`` of an atlas.

    Examples
    --------
    >>> "var(--izm-" in page_css_min(), SEA_COLOR in page_css_min()
    (False, True)
    """
    import rcssmin

    return rcssmin.cssmin(page_css()).strip() + "\n"


def _kind_css() -> str:
    rules = [f".izm-k-{kind}{{--c:{color}}}" for kind, color in KIND_COLORS.items()]
    rules.append(".izm-k-grey{--c:#666}")
    rules.append(f".izm-farm,.izm-farm-sym{{--c:{FARM_COLOR}}}")
    return "\n".join(rules)


#: Hidden SVG definitions: the hatch patterns of the proposed wind districts and of the
#: districts created after the data's year.
SVG_DEFS = (
    '<svg class="izm-defs" aria-hidden="true" focusable="false"><defs>'
    '<pattern id="izm-hatch" patternUnits="userSpaceOnUse" width="7" height="7" '
    'patternTransform="rotate(45)"><rect width="7" height="7" fill="#fff" fill-opacity="0"/>'
    f'<line x1="0" y1="0" x2="0" y2="7" stroke="{PROPOSED_WIND_COLOR}" stroke-width="2" '
    'stroke-opacity=".75"/></pattern>'
    '<pattern id="izm-hatch-b" patternUnits="userSpaceOnUse" width="6" height="6" '
    'patternTransform="rotate(-45)">'
    f'<line x1="0" y1="0" x2="0" y2="6" stroke="{BOUNDARY_CHANGE_COLOR}" stroke-width="1.4" '
    'stroke-opacity=".8"/></pattern></defs></svg>'
)


# --- putting the assets into a page -------------------------------------------------------


def check_assets(assets: str, asset_prefix: str) -> None:
    """Refuse an unknown ``assets`` value, or an absolute ``asset_prefix`` for shared assets.

    Raises
    ------
    OptionError
        With the reason.

    Examples
    --------
    >>> check_assets("shared", "../assets/")
    >>> check_assets("shared", "/assets/")
    Traceback (most recent call last):
    ...
    izmir_maps.errors.OptionError: asset_prefix must be a relative path such as '../assets/', not '/assets/'.
    """
    if assets not in ("inline", "shared"):
        msg = f"assets must be 'inline' or 'shared', not {assets!r}."
        raise OptionError(msg)
    if assets == "shared" and (asset_prefix.startswith(("/", "\\")) or ":" in asset_prefix):
        msg = f"asset_prefix must be a relative path such as '../assets/', not {asset_prefix!r}."
        raise OptionError(msg)


def leaflet_tags(
    assets: Assets, asset_prefix: str, page_script: str | None = None
) -> tuple[list[str], str, str]:
    """Leaflet inlined or linked from ``asset_prefix``, and the inline scripts the CSP must allow.

    Parameters
    ----------
    assets
        ``"inline"`` or ``"shared"``.
    asset_prefix
        Relative folder of the shared ``leaflet.js`` and ``leaflet.css``.
    page_script
        The page's own inline script, which runs after Leaflet (``None``: the
        page brings its script otherwise, e.g. with :func:`own_tags`).

    Returns
    -------
    tuple
        (inline scripts in page order, ``<head>`` tag, ``<body>`` tag).
    """
    own = [] if page_script is None else [page_script]
    if assets == "inline":
        return (
            [leaflet_js(), *own],
            f"<style>{leaflet_css()}</style>",
            f"<script>{leaflet_js()}</script>",
        )
    prefix = html.escape(asset_prefix, quote=True)
    return (
        own,
        f'<link rel="stylesheet" href="{prefix}leaflet.css">',
        f'<script src="{prefix}leaflet.js"></script>',
    )


def own_tags(assets: Assets, asset_prefix: str) -> tuple[list[str], str, str]:
    """The page's own script and stylesheet, minified: inlined, or linked from ``asset_prefix``.

    Returns
    -------
    tuple
        (inline scripts the CSP must allow, ``<head>`` tag, ``<body>`` tag).

    Examples
    --------
    >>> own_tags("shared", "../assets/")
    ([], '<link rel="stylesheet" href="../assets/map.min.css">', '<script src="../assets/map.min.js"></script>')
    """
    if assets == "inline":
        script = page_js_min()
        return [script], f"<style>{page_css_min()}</style>", f"<script>{script}</script>"
    prefix = html.escape(asset_prefix, quote=True)
    return (
        [],
        f'<link rel="stylesheet" href="{prefix}{SHARED_CSS}">',
        f'<script src="{prefix}{SHARED_JS}"></script>',
    )


def csp(scripts: list[str], *, shared: bool, tiles: bool) -> str:
    """The Content-Security-Policy of a map page: only ``scripts`` may run, by their sha256.

    Parameters
    ----------
    scripts
        The exact text of every inline script of the page.
    shared
        Also allow files next to the page (shared Leaflet assets).
    tiles
        Also allow images over https (a tile basemap).

    Returns
    -------
    str
        The policy, for ``<meta http-equiv="Content-Security-Policy">``.

    Examples
    --------
    >>> policy = csp(["x()"], shared=False, tiles=True)
    >>> policy.count("'sha256-"), "img-src data: https:;" in policy, "'self'" in policy
    (1, True, False)
    """
    sources = [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    ]
    local = " 'self' file:" if shared else ""
    if shared:
        sources += ["'self'", "file:"]
    images = "data: https:" if tiles else "data:"
    return (
        f"default-src 'none'; script-src {' '.join(sources)}; style-src 'unsafe-inline'{local}; "
        f"img-src {images}; base-uri 'none'; form-action 'none'"
    )
