"""The atlas home page: every map, profile, comparison, statistic and download, linked."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass

from izmir_maps.data.registry import indicator
from izmir_maps.errors import UnknownIndicatorError
from izmir_maps.pages._html import macro, render
from izmir_maps.text.numbers import Lang, format_number
from izmir_maps.text.words import text

__all__ = [
    "STATIC_FORMATS",
    "THEMES",
    "AtlasEntry",
    "embed_snippet",
    "format_size",
    "render_index",
    "theme_of",
]

#: The print formats the home page links for each map that has them, in this order.
STATIC_FORMATS = ("png", "svg", "pdf")

#: The themes of the home page, in order: key (its heading is the catalogue word
#: ``home_theme_<key>``) and the base indicators or marker maps it holds. Every
#: variant of a base indicator (share, rank, per 1,000, per km²) joins its base's
#: theme, and every ``izka_*`` indicator (the support programmes) joins "izka".
#: The one place that decides which theme a map belongs to (:func:`theme_of`).
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("employment", ("employees",)),
    ("firms", ("firms",)),
    ("exports", ("exports_usd",)),
    ("izka", ("izka_applications", "izka_successful", "izka_success_rate")),
    ("population", ("population", "area_km2")),
    ("osb_wind", ("wind_capacity_mw", "osb_count", "osb", "wind", "combined")),
)
#: Theme of a map that none of :data:`THEMES` holds (a map not in the atlas).
OTHER_THEME = "other"


def theme_of(slug: str) -> str:
    """The home-page theme of the atlas map ``slug`` (a key of :data:`THEMES`).

    Examples
    --------
    >>> theme_of("employees_per_km2"), theme_of("izka_sosyal_2008_successful_rank"), theme_of("wind")
    ('employment', 'izka', 'osb_wind')
    """
    try:
        base = indicator(slug).base or slug
    except UnknownIndicatorError:  # a marker map: osb, wind, combined
        base = slug
    for key, members in THEMES:
        if base in members:
            return key
    return "izka" if base.startswith("izka_") else OTHER_THEME


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
        Heading the entry is listed under (its theme's name).
    size_bytes
        Size of the HTML map (used when ``render_index`` is given no ``sizes``).
    thumbnail
        Path of the map's thumbnail image relative to the home page
        (``thumbs/<slug>.svg``, see :mod:`izmir_maps.pages.thumbs`), or ``""``.
    static
        Whether print versions (``static/<slug>.png``, ``.svg``) exist.
    theme
        Key of the entry's theme (:func:`theme_of`): the section's anchor
        ``#theme-<key>``; ``""`` gives an anchor made from the group's position.
    """

    slug: str
    title: str
    description: str
    group: str
    size_bytes: int
    thumbnail: str = ""
    static: bool = True
    theme: str = ""


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
    thumb_size: tuple[int, int] = (96, 85),
) -> str:
    """The home page: the maps in sections by theme, then pages, profiles and downloads.

    Parameters
    ----------
    entries
        The maps, in display order; consecutive or not, the entries of one
        ``group`` form one section (in the order the groups first appear),
        each map a compact card with its thumbnail and its links.
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
        a print format whose file is missing from ``sizes`` is not linked. The
        districts whose summary report is among them (``reports/<slug>.html`` and
        ``.pdf``) are listed again under "İlçe raporları".
    thumb_size
        Width and height of the thumbnail images in px (their ``width`` and
        ``height``, so the page does not jump as they load).
    """
    known = sizes if sizes is not None else {f"maps/{e.slug}.html": e.size_bytes for e in entries}

    def size(path: str) -> str | None:
        return format_size(known[path], lang) if path in known else None

    sections: dict[str, dict[str, object]] = {}
    for entry in entries:
        section = sections.setdefault(
            entry.group,
            {
                "id": f"theme-{entry.theme or len(sections) + 1}",
                "heading": entry.group,
                "cards": [],
            },
        )
        section["cards"].append(  # type: ignore[attr-defined]
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
        sections=list(sections.values()),
        thumb_size=thumb_size,
        districts=districts,
        comparisons=comparisons,
        extra_pages=extra_pages,
        downloads=[(file, about, size(file)) for file, about in downloads],
        **_reports(districts, sizes or {}, lang),
    )


def _reports(
    districts: Sequence[tuple[str, str]], sizes: Mapping[str, int], lang: Lang
) -> dict[str, object]:
    """The home page's list of district reports: the districts whose report files were written.

    ``reports`` pairs each name with its (label, path) links; ``report_sizes`` is the
    largest file of each format, said once above the list (per link, the list would
    not fit a phone's screen as compactly).
    """
    reports, largest = [], {"html": 0, "pdf": 0}
    for file, name in districts:
        stem = file.rsplit("/", 1)[-1].removesuffix(".html")
        paths = {fmt: f"reports/{stem}.{fmt}" for fmt in largest}
        if all(path in sizes for path in paths.values()):
            reports.append((name, [(fmt.upper(), path) for fmt, path in paths.items()]))
            largest = {fmt: max(n, sizes[paths[fmt]]) for fmt, n in largest.items()}
    shown = {fmt: format_size(n, lang) for fmt, n in largest.items()}
    return {"reports": reports, "report_sizes": shown}


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
