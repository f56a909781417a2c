"""District reports as one self-contained HTML page in the atlas's look.

:func:`report_html` lays out a :class:`~izmir_maps.reports.model.Report` with the atlas's page
shell (``pages/templates/page.html``: inline CSS, no script, nothing fetched): a contents list,
one ``<h2>`` per section, sentences with numbered footnote links to the sources list, tables
with captions and header cells in keyboard-scrollable boxes, the report's district marked in
its row by a sign and words besides the colour, and the figures as inline SVG with their
alternative text. Printing gives A4 pages without the atlas's navigation.

Maps of one size on a page share their coast, neighbours and borders: a later map draws
the earlier one's paths with ``<use>`` (each figure's own SVG, which the PDF draws, stays
whole): about 18 KB less per page.

The page never parses the report's words as markup: every text is escaped by the template,
and only the figures' SVG (drawn by :mod:`izmir_maps.reports.figures`) is inlined as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from izmir_maps._checks import check_text, check_type
from izmir_maps.pages._html import render
from izmir_maps.reports.model import Block, Bullets, Figure, Paragraph, Report, Table

__all__ = ["report_html"]

_SVG_TAG = re.compile(r"<svg\b[^>]*>")
_PATH = re.compile(r"<path ([^>]*?)/>")
_PATH_DATA = re.compile(r'<path [^>]*?\bd="([^"]*)"')
_ATTR = re.compile(r'([\w:-]+)="([^"]*)"')
#: Path data shorter than this is cheaper written again than referred to.
_SHARED_MIN = 400


@dataclass
class _Block:
    """A block as the template reads it: its kind and the block itself."""

    kind: str
    block: Block
    svg: Markup | None = None
    #: Rows of a table that are the report's district: marked by a sign and words.
    marks: tuple[int, ...] = ()


def report_html(
    report: Report,
    *,
    home: str | None = None,
    pdf: str | None = None,
    pdf_size: str | None = None,
) -> str:
    """A district report as a complete, self-contained HTML page.

    Parameters
    ----------
    report
        The report (:func:`izmir_maps.reports.content.district_report`).
    home
        Relative link to the atlas's home page; ``None`` for a page on its own
        (the page then shows no link back).
    pdf
        Relative link to the same report as PDF ("PDF olarak indir"); ``None`` for none.
    pdf_size
        The PDF's size as shown beside its link ("226 KB"), if known.

    Returns
    -------
    str
        The page, in the report's language (``<html lang=…>``); the same text for the same
        report.

    Raises
    ------
    OptionError
        If ``report`` is not a Report, or a link or size is not a text or ``None``.

    Examples
    --------
    >>> from izmir_maps.reports.content import district_report
    >>> page = report_html(district_report("aliaga", figures=False))
    >>> '<html lang="tr">' in page, "Aliağa&#x27;da 27.225 kişi çalışıyor" in page
    (True, True)
    """
    check_type("report", report, Report, "a Report (see district_report)")
    for name, value in (("home", home), ("pdf", pdf), ("pdf_size", pdf_size)):
        check_text(name, value)
    sections = [
        (section, [_prepared(block, report.district) for block in section.blocks])
        for section in report.sections
    ]
    _share_geometry([item for _, items in sections for item in items])
    return render(
        "report.html",
        lang=report.lang,
        title=report.title,
        home=home,
        sortable=False,
        report=report,
        sections=sections,
        pdf=pdf,
        pdf_size=pdf_size,
    )


def _prepared(block: Block, district: str) -> _Block:
    """``block`` tagged with its kind; a figure with its SVG ready to inline.

    A table's highlighted rows that start with ``district`` ("Aliağa", "Bayraklı †") are
    the district's own; other highlighted rows (a grand total) are only emphasised.
    """
    if isinstance(block, Table):
        marks = tuple(i for i in block.highlight if block.rows[i][0].startswith(district))
        return _Block("table", block, marks=marks)
    if isinstance(block, Figure):
        return _Block("figure", block, _inline_svg(block))
    if isinstance(block, Bullets):
        return _Block("bullets", block)
    if isinstance(block, Paragraph):
        return _Block("paragraph", block)
    msg = f"Unknown report block {type(block).__name__}."
    raise TypeError(msg)


def _inline_svg(figure: Figure) -> Markup:
    """The figure's SVG as inline markup, an image named by its alternative text.

    The figures module already writes ``role="img"`` and ``aria-label``; a figure from
    elsewhere gets them here (the caption when it has no alternative text), so a screen
    reader never meets an unnamed picture.
    """
    svg = figure.svg.strip()
    svg = re.sub(r"^<\?xml[^>]*>\s*", "", svg)  # an XML declaration is not HTML
    match = _SVG_TAG.search(svg)
    if match is None:
        msg = f"Figure {figure.caption!r} is not an SVG document."
        raise ValueError(msg)
    tag = match.group(0)
    if "aria-label=" not in tag:
        alt = figure.alt.strip() or figure.caption
        extra = f' aria-label="{escape(alt, quote=True)}"'
        if "role=" not in tag:
            extra = ' role="img"' + extra
        tag = tag[:-1] + extra + ">"
    return Markup(svg[: match.start()] + tag + svg[match.end() :])


def _share_geometry(items: list[_Block]) -> None:
    """Draw a long path that an earlier figure of the page already has with ``<use>``.

    The report's maps of one size carry the same coast, neighbours and borders; in
    one HTML document an inline SVG may refer to an element of another, so each is
    written once. A figure's own SVG stays standalone for the PDF: only the page
    shares. A path is replaced only when the earlier one has the same attributes
    (or none of them), since ``<use>`` cannot override what the original sets.
    """
    figures = [item for item in items if item.svg is not None]
    counts: Counter[str] = Counter()
    for item in figures:
        counts.update({d for d in _PATH_DATA.findall(str(item.svg)) if len(d) >= _SHARED_MIN})
    seen: dict[str, tuple[str, dict[str, str]]] = {}  # d → (its id, its other attributes)
    for item in figures:
        prefix, state = _svg_id(str(item.svg)), {"n": 0}

        def share(match: re.Match[str], prefix: str = prefix, state: dict = state) -> str:
            attrs = dict(_ATTR.findall(match.group(1)))
            d, own_id = attrs.pop("d", ""), attrs.pop("id", None)
            if counts[d] < 2:
                return match.group(0)
            earlier = seen.get(d)
            if earlier is not None and all(attrs.get(k) == v for k, v in earlier[1].items()):
                rest = "".join(f' {k}="{v}"' for k, v in attrs.items())
                ident = f' id="{own_id}"' if own_id else ""
                return f'<use{ident} href="#{earlier[0]}"{rest}/>'
            tag = match.group(0)
            if own_id is None:  # the first of its kind gets an id to be referred to
                state["n"] += 1
                own_id = f"{prefix}-g{state['n']}"
                tag = tag.replace("<path ", f'<path id="{own_id}" ', 1)
            seen.setdefault(d, (own_id, attrs))
            return tag

        item.svg = Markup(_PATH.sub(share, str(item.svg)))


def _svg_id(svg: str) -> str:
    """A prefix for new ids in ``svg`` that no other figure has: the figure's own, else "fig".

    The figures module names every id of a figure ``<figure's id>-<what>``, the map's
    clip path ``…-clip``.
    """
    match = re.search(r' id="([^"]+)-clip"', svg) or re.search(r' id="([^"]+)"', svg)
    return match.group(1) if match else "fig"
