"""What a district report says, decided once, before any renderer draws it.

A :class:`Report` holds finished words and figures: every number is already
formatted for the report's language (``27.225``, ``%4,14`` in Turkish), every
sentence already written, every map already drawn as SVG. The HTML and PDF
renderers only lay these out, so the two can never disagree on a figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from izmir_maps.text.numbers import Lang

__all__ = [
    "Block",
    "Bullets",
    "Column",
    "Figure",
    "Paragraph",
    "Report",
    "Section",
    "Sentence",
    "Source",
    "Table",
]


@dataclass(frozen=True)
class Source:
    """A footnoted source, numbered in the order of first citation.

    Attributes
    ----------
    number
        Footnote number, from 1, unique within a report.
    text
        The full reference, in the report's language.
    """

    number: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One generated sentence, with the footnotes it cites.

    Attributes
    ----------
    text
        The sentence, finished: capitalised, numbers formatted, ending in a full stop.
    notes
        Numbers of the :class:`Source` footnotes the sentence rests on, shown after it.
    """

    text: str
    notes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """Sentences read as one paragraph."""

    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Bullets:
    """Sentences as a bulleted list, as the source report writes its findings."""

    items: tuple[Sentence, ...]


@dataclass(frozen=True)
class Column:
    """A table column: its heading and how its cells align."""

    label: str
    align: Literal["left", "right"] = "left"


@dataclass(frozen=True)
class Table:
    """A table of formatted cells.

    Attributes
    ----------
    caption
        Numbered caption as the source report gives it ("Tablo 1: …").
    columns
        The columns, left to right.
    rows
        Cells as text, one tuple per row, as long as ``columns``.
    highlight
        Indices of rows to emphasise (the report's district).
    total
        Whether the last row is a total row (drawn apart).
    notes
        Footnotes the table rests on.
    """

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    highlight: tuple[int, ...] = ()
    total: bool = False
    notes: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        # checked once here: a short row would shift every later cell in the PDF and the page
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                msg = (
                    f"Table {self.caption!r}: row {i} has {len(row)} cells "
                    f"for {len(self.columns)} columns."
                )
                raise ValueError(msg)


@dataclass(frozen=True)
class Figure:
    """A map or chart drawn as standalone SVG (vector in both HTML and PDF).

    Attributes
    ----------
    svg
        A complete ``<svg xmlns=…>`` document with a ``viewBox``, no scripts.
    alt
        What the figure shows, for screen readers and tagged PDF.
    caption
        Numbered caption ("Şekil 1: …").
    width_mm
        Width on the A4 page; the height follows the ``viewBox``.
    """

    svg: str
    alt: str
    caption: str
    width_mm: float = 120.0


Block = Paragraph | Bullets | Table | Figure


@dataclass(frozen=True)
class Section:
    """A titled part of the report (a bookmark in the PDF, an ``<h2>`` in HTML).

    Attributes
    ----------
    key
        Stable identifier (``"employment"``), used for anchors and tests.
    heading
        The section title in the report's language.
    blocks
        The content, in reading order.
    """

    key: str
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Report:
    """A district summary report, ready to render.

    Attributes
    ----------
    lang
        Language of every word and number format in it.
    district
        District name as written ("Aliağa").
    slug
        File name stem (``"aliaga"``).
    pcode
        The district's P-code.
    title
        "Aliağa — ilçe özet raporu".
    subtitle
        The plan period and the years of the data.
    disclaimer
        Who made it and from what; says it is not an İZKA publication.
    sections
        The parts, in order.
    sources
        Every footnote cited, by number.
    author
        Document author metadata.
    """

    lang: Lang
    district: str
    slug: str
    pcode: str
    title: str
    subtitle: str
    disclaimer: str
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    author: str = "izmir-maps"
    keywords: tuple[str, ...] = field(default=())
