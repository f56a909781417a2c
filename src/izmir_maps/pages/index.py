"""The atlas home page: every map, profile, comparison, statistic and download, linked."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass

from izmir_maps.pages._html import macro, render
from izmir_maps.text.numbers import Lang, format_number
from izmir_maps.text.words import text

__all__ = ["STATIC_FORMATS", "AtlasEntry", "embed_snippet", "format_size", "render_index"]

#: The print formats the home page links for each map that has them, in this order.
STATIC_FORMATS = ("png", "svg", "pdf")


@dataclass(frozen=True)
class AtlasEntry:
    """One map of the atlas as the home page lists it.

    Attributes
    ----------
    slug
        File stem: ``maps/<slug>.html``, ``static/<slug>.png``.
    title
        Map title in the atlas language.
    description
        One line: unit, year, source.
    group
        Heading the entry is listed under.
    size_bytes
        Size of the HTML map (used when ``render_index`` is given no ``sizes``).
    thumbnail
        Inline SVG thumbnail (``Markup`` from :func:`~izmir_maps.pages.svgmap.svg_map`),
        or ``""``.
    static
        Whether print versions (``static/<slug>.png``, ``.svg``) exist.
    """

    slug: str
    title: str
    description: str
    group: str
    size_bytes: int
    thumbnail: str = ""
    static: bool = True


def embed_snippet(slug: str, title: str, *, height: int = 560, prefix: str = "maps/") -> str:
    """A ready-to-paste ``<iframe>`` for the map ``slug`` (title for screen readers).

    Examples
    --------
    >>> embed_snippet("employees", "Çalışan sayısı")[:40]
    '<iframe src="maps/employees.html" title='
    """
    # Plain text, not Markup: a page that shows the snippet escapes it.
    return str(macro("embed")(prefix + slug, title, height))


def format_size(n_bytes: int, lang: Lang = "tr") -> str:
    """A file size as a reader wants it beside a download link, in ``lang``'s number format.

    Bytes under 1 KB, whole KB under 1 MB, MB with one decimal above
    (1 KB = 1,024 bytes).

    Examples
    --------
    >>> format_size(1_363_148), format_size(1_363_148, "en"), format_size(62_597)
    ('1,3 MB', '1.3 MB', '61 KB')
    >>> format_size(512), format_size(12_582_912)
    ('512 B', '12,0 MB')
    """
    if n_bytes < 1024:
        return f"{format_number(n_bytes, lang)} B"
    if n_bytes < 1024 * 1024:
        # 1,023.6 KB would round to "1.024 KB": say 1,0 MB instead.
        kb = round(n_bytes / 1024)
        if kb < 1024:
            return f"{format_number(kb, lang)} KB"
    return f"{format_number(n_bytes / 1024 / 1024, lang, 1)} MB"


def render_index(
    entries: Sequence[AtlasEntry],
    *,
    lang: Lang = "tr",
    districts: Sequence[tuple[str, str]] = (),
    comparisons: Sequence[tuple[str, str]] = (),
    extra_pages: Sequence[tuple[str, str, str]] = (),
    downloads: Sequence[tuple[str, str]] = (),
    sizes: Mapping[str, int] | None = None,
) -> str:
    """The home page.

    Parameters
    ----------
    entries
        The maps, in display order.
    lang
        Page language.
    districts
        (file, name) of each district profile.
    comparisons
        (file, title) of each comparison page.
    extra_pages
        (file, title, description) of further pages (statistics, small multiples …).
    downloads
        (file, description) of data files.
    sizes
        Bytes of each file written, by its path relative to the home page
        (``"static/employees.svg"``): every link shows the size of the file it
        opens. Without it the maps show ``size_bytes`` and the other links no size;
        a print format whose file is missing from ``sizes`` is not linked.
    """
    known = sizes if sizes is not None else {f"maps/{e.slug}.html": e.size_bytes for e in entries}

    def size(path: str) -> str | None:
        return format_size(known[path], lang) if path in known else None

    groups: dict[str, list[dict[str, object]]] = {}
    for entry in entries:
        groups.setdefault(entry.group, []).append(
            {
                **asdict(entry),
                "size": size(f"maps/{entry.slug}.html"),
                "files": _print_files(entry, sizes, size),
                "snippet": embed_snippet(entry.slug, entry.title),
            }
        )
    return render(
        "index.html",
        lang=lang,
        title=text("index_title", lang),
        home=None,
        sortable=False,
        groups=groups,
        districts=districts,
        comparisons=comparisons,
        extra_pages=extra_pages,
        downloads=[(file, about, size(file)) for file, about in downloads],
    )


def _print_files(
    entry: AtlasEntry, sizes: Mapping[str, int] | None, size: Callable[[str], str | None]
) -> list[tuple[str, str, str | None]]:
    """(label, path, size) of each print version of ``entry`` the home page links."""
    if not entry.static:
        return []
    paths = [(fmt.upper(), f"static/{entry.slug}.{fmt}") for fmt in STATIC_FORMATS]
    if sizes is None:  # sizes unknown: the PNG and SVG every atlas build writes
        return [(label, path, None) for label, path in paths[:2]]
    return [(label, path, size(path)) for label, path in paths if path in sizes]
