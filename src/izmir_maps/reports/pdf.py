"""District reports as A4 PDF, typeset by Typst (the ``typst`` wheel: nothing else to install).

The report's words never pass through Typst's markup parser: :func:`report_pdf` hands the whole
:class:`~izmir_maps.reports.model.Report` to a fixed Typst template as one JSON string in
``sys.inputs``, and the template shows every text as a string. A district called ``#set`` or a
sentence with ``*``, ``$`` or ``<`` prints as written, with no escaper to get wrong.

The PDF is tagged and PDF/UA-1: title, author, keywords and language in its metadata, one
bookmark per section heading, the fonts (DejaVu, from matplotlib's own copy; system fonts are
ignored) embedded, maps as vector SVG with their alternative text (the caption, if a figure has
none: PDF/UA refuses an image without it), and no date, so the same report gives the same
bytes wherever the same typst and matplotlib versions run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

import matplotlib as mpl
import pikepdf
import typst

from izmir_maps._checks import check_text, check_type, shown
from izmir_maps.errors import OptionError
from izmir_maps.reports._typst import TEMPLATE
from izmir_maps.reports.model import Block, Bullets, Figure, Paragraph, Report, Table
from izmir_maps.text.numbers import Lang
from izmir_maps.text.words import text

__all__ = ["report_pdf"]

#: The PDF standard every report meets: tagged, accessible PDF.
PDF_STANDARD = "ua-1"

_BLOCK_TYPES: dict[type, str] = {
    Paragraph: "paragraph",
    Bullets: "bullets",
    Table: "table",
    Figure: "figure",
}


def report_pdf(reports: Report | Sequence[Report], *, title: str | None = None) -> bytes:
    """One or more district reports as one A4 PDF document.

    Parameters
    ----------
    reports
        A report, or several (a list, a tuple or a generator of reports): then the document
        opens with a title and a table of contents, and each report starts on a new page.
        The words around the reports (contents, sources, page numbers) are in the first
        report's language.
    title
        The document title; by default the report's own title, or for several reports
        "İzmir ilçe özet raporları".

    Returns
    -------
    bytes
        The PDF, the same bytes for the same reports.

    Raises
    ------
    OptionError
        If ``reports`` is not a report or a list of reports, or is empty, or ``title`` is
        not a text or ``None``.
    typst.TypstError
        If Typst cannot lay the document out, as when a figure's SVG does not parse.
    """
    many = _checked_reports(reports)
    check_text("title", title)
    data = _document(many, title)
    return _compile(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _checked_reports(reports: object) -> list[Report]:
    """``reports`` as a list, or :class:`OptionError` saying what ``report_pdf`` takes."""
    if isinstance(reports, Report):
        return [reports]
    # a list, a tuple or a generator; a text or a table is iterable too, but never reports
    if not isinstance(reports, list | tuple | Iterator):
        msg = (
            "reports must be a Report or a list of Reports (see district_report), "
            f"not {shown(reports)}."
        )
        raise OptionError(msg)
    many = list(reports)  # type: ignore[call-overload]
    if not many:
        msg = "reports is empty: report_pdf needs at least one report (see district_report)."
        raise OptionError(msg)
    for i, item in enumerate(many):
        check_type(f"reports[{i}]", item, Report, "a Report (see district_report)")
    return many


def _document(reports: list[Report], title: str | None) -> dict[str, Any]:
    """What the template reads: the reports, the document's metadata and its words."""
    lang = reports[0].lang
    if title is None:
        title = reports[0].title if len(reports) == 1 else text("report_pdf_title_all", lang)
    return {
        "title": title,
        "subtitle": text("report_pdf_subtitle_all", lang, n=len(reports)),
        "author": _unique(r.author for r in reports),
        "keywords": _unique(k for r in reports for k in r.keywords),
        "lang": lang,
        "running": text("report_pdf_running_doc", lang, title=title),
        "words": _words(lang),
        "reports": [_report(r) for r in reports],
    }


def _unique(items: Any) -> list[str]:
    """``items`` in first-seen order, each once."""
    return list(dict.fromkeys(items))


def _words(lang: Lang) -> dict[str, str]:
    """The template's own words; ``{page}`` and ``{pages}`` are filled in by Typst."""
    return {
        "contents": text("report_pdf_contents", lang),
        "sources": text("report_pdf_sources", lang),
        "page": text("report_pdf_page", lang),
    }


def _report(report: Report) -> dict[str, Any]:
    """One report as JSON-ready data, each block tagged with its kind."""
    return {
        "lang": report.lang,
        "slug": report.slug,
        "title": report.title,
        "subtitle": report.subtitle,
        "disclaimer": report.disclaimer,
        "running": text("report_pdf_running", report.lang, district=report.district),
        "sections": [
            {"key": s.key, "heading": s.heading, "blocks": [_block(b) for b in s.blocks]}
            for s in report.sections
        ],
        "sources": [asdict(s) for s in report.sources],
    }


def _block(block: Block) -> dict[str, Any]:
    """A block's fields plus ``type``, which the template dispatches on."""
    fields = {"type": _BLOCK_TYPES[type(block)], **asdict(block)}
    if isinstance(block, Figure) and not block.alt.strip():
        # PDF/UA refuses an image without alternative text; the caption says what it shows.
        fields["alt"] = block.caption
    return fields


@cache
def _fonts() -> typst.Fonts:
    """Matplotlib's DejaVu and STIX fonts only, the same on every machine."""
    folder = Path(mpl.get_data_path()) / "fonts" / "ttf"
    return typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(folder)]
    )


def _compile(data: str) -> bytes:
    """The template typeset with ``data`` as PDF/UA-1."""
    pdf = typst.compile(
        TEMPLATE.encode("utf-8"),
        font_paths=_fonts(),
        ignore_system_fonts=True,
        sys_inputs={"data": data},
        pdf_standards=[PDF_STANDARD],
        pdf_tags=True,
        timestamp=0,  # the document has no date; this only pins anything that asks for "today"
    )
    assert isinstance(pdf, bytes)  # one PDF, not one image per page
    return _compact(pdf)


def _compact(pdf: bytes) -> bytes:
    """``pdf`` with its objects in compressed object streams, nothing else changed.

    Typst writes the tagging structure and the cross-reference table uncompressed: about a
    third of a report. qpdf (through pikepdf) packs them into object streams (PDF 1.5, allowed
    by PDF/UA-1) and derives the file identifier from the content, so the bytes stay the same
    on every build; the XMP metadata stays readable as it was.
    """
    out = BytesIO()
    with pikepdf.open(BytesIO(pdf)) as doc:
        doc.save(
            out,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
            deterministic_id=True,
        )
    return out.getvalue()
