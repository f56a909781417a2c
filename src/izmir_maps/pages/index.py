"""The atlas home page: every map, profile, comparison, statistic and download, linked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from izmir_maps.pages._html import esc, page
from izmir_maps.spec.style import ATTRIBUTION
from izmir_maps.text.numbers import Lang, format_number

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
        Inline SVG thumbnail, or ``""``.
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
    return (
        f'<iframe src="{esc(prefix + slug)}.html" title="{esc(title)}" width="100%" '
        f'height="{height}" style="border:0" loading="lazy"></iframe>'
    )


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
    tr = lang == "tr"
    title = (
        "İzmir Bölge Planı 2010–2013 — harita atlası"
        if tr
        else "İzmir Regional Plan 2010–2013 — map atlas"
    )
    lead = (
        "İzmir'in 30 ilçesi için istihdam, firma, ihracat, İZKA destekleri, rüzgâr enerjisi ve "
        "organize sanayi bölgeleri haritaları. Tüm sayfalar internetsiz açılır."
        if tr
        else "Maps of employment, firms, exports, İZKA support, wind energy and organised "
        "industrial zones for İzmir's 30 districts. Every page opens offline."
    )
    body = [f"<h1>{esc(title)}</h1><p class='lead'>{esc(lead)}</p>"]
    body.append(
        "<nav><p>"
        + " · ".join(
            f"<a href='#{anchor}'>{esc(label)}</a>"
            for anchor, label in (
                ("maps", "Haritalar" if tr else "Maps"),
                ("pages", "Karşılaştırma ve istatistik" if tr else "Comparison and statistics"),
                ("districts", "İlçe profilleri" if tr else "District profiles"),
                ("downloads", "İndirmeler" if tr else "Downloads"),
            )
        )
        + "</p></nav>"
    )
    body.append("<h2 id='maps'>" + ("Haritalar" if tr else "Maps") + "</h2>")
    groups: dict[str, list[AtlasEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.group, []).append(entry)
    for group, items in groups.items():
        body.append(f"<h3>{esc(group)}</h3><div class='grid'>")
        body.extend(_card(e, lang) for e in items)
        body.append("</div>")
    body.append(
        "<h2 id='pages'>"
        + ("Karşılaştırma ve istatistik" if tr else "Comparison and statistics")
        + "</h2><ul>"
    )
    body.extend(f"<li><a href='{esc(f)}'>{esc(t)}</a> — {esc(d)}</li>" for f, t, d in extra_pages)
    body.extend(f"<li><a href='{esc(f)}'>{esc(t)}</a></li>" for f, t in comparisons)
    body.append(
        "</ul><p class='muted'>"
        + esc(
            "Başka ilçeleri karşılaştırmak için: izmir-maps compare Aliağa Bergama Dikili --out karsilastirma.html"
            if tr
            else "To compare other districts: izmir-maps compare Aliağa Bergama Dikili --out compare.html"
        )
        + "</p>"
    )
    body.append(
        "<h2 id='districts'>" + ("İlçe profilleri" if tr else "District profiles") + "</h2>"
    )
    body.append(
        "<p>" + " · ".join(f"<a href='{esc(f)}'>{esc(n)}</a>" for f, n in districts) + "</p>"
    )
    body.append("<h2 id='downloads'>" + ("İndirmeler" if tr else "Downloads") + "</h2><ul>")
    body.extend(
        f"<li><a href='{esc(f)}' download>{esc(f)}</a> — {esc(d)}</li>" for f, d in downloads
    )
    body.append("</ul>")
    body.append(
        "<div class='sources'>"
        + esc(
            "Kaynak: İZKA, 2010–2013 İzmir Bölge Planı İlçe Toplantıları Aliağa Özet Raporu (Aralık 2010); "
            "TÜİK ADNKS 2021; EWEA 2009; OSB kaynakları (data/README.md). "
            if tr
            else "Source: İZKA, İzmir Regional Plan 2010–2013 district meetings, Aliağa summary report "
            "(December 2010); TÜİK ADNKS 2021; EWEA 2009; OSB sources (data/README.md). "
        )
        + esc(ATTRIBUTION)
        + "</div>"
    )
    return page(title, "\n".join(body), lang=lang, home=None)


def _card(entry: AtlasEntry, lang: Lang) -> str:
    tr = lang == "tr"
    links = [
        f"<a href='maps/{esc(entry.slug)}.html'>"
        + ("Etkileşimli harita" if tr else "Interactive map")
        + "</a>"
    ]
    if entry.static:
        links += [
            f"<a href='static/{esc(entry.slug)}.png'>PNG</a>",
            f"<a href='static/{esc(entry.slug)}.svg'>SVG</a>",
        ]
    size = format_number(entry.size_bytes / 1024, lang) + " KB"
    snippet = embed_snippet(entry.slug, entry.title)
    thumb = (
        (
            f"<a href='maps/{esc(entry.slug)}.html' aria-hidden='true' tabindex='-1'>"
            f"{entry.thumbnail}</a>"
        )
        if entry.thumbnail
        else ""
    )
    embed_label = "Sayfaya gömmek için" if tr else "Embed in a page"
    return (
        f"<div class='card'><h3>{esc(entry.title)}</h3>{thumb}"
        f"<p class='muted'>{esc(entry.description)}</p>"
        f"<p>{' · '.join(links)} <span class='muted'>({size})</span></p>"
        f"<details><summary class='muted'>{embed_label}</summary>"
        f"<pre>{esc(snippet)}</pre></details></div>"
    )
