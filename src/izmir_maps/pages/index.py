"""The atlas home page: every map, profile, comparison, statistic and download, linked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from izmir_maps.pages._html import macro, render
from izmir_maps.spec.style import ATTRIBUTION
from izmir_maps.text.numbers import Lang, format_number
from izmir_maps.text.words import text

__all__ = ["AtlasEntry", "embed_snippet", "render_index"]


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
        Size of the HTML map.
    thumbnail
        Inline SVG thumbnail (``Markup`` from :func:`~izmir_maps.pages.svgmap.svg_map`),
        or ``""``.
    static
        Whether PNG/SVG exist.
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


def render_index(
    entries: Sequence[AtlasEntry],
    *,
    lang: Lang = "tr",
    districts: Sequence[tuple[str, str]] = (),
    comparisons: Sequence[tuple[str, str]] = (),
    extra_pages: Sequence[tuple[str, str, str]] = (),
    downloads: Sequence[tuple[str, str]] = (),
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
    """
    groups: dict[str, list[dict[str, object]]] = {}
    for entry in entries:
        groups.setdefault(entry.group, []).append(
            {
                **asdict(entry),
                "size": format_number(entry.size_bytes / 1024, lang) + " KB",
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
        downloads=downloads,
        attribution=ATTRIBUTION,
    )
