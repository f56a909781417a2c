"""Every option of reading a user's district table, in one frozen :class:`ReadOptions`.

The reader (:func:`izmir_maps.userdata.table.read_user_table`), the validators
and :func:`izmir_maps.spec.user_spec.user_choropleth_spec` take one
``ReadOptions`` (or its fields as keywords). The command line declares the same
options once, in :func:`cli_parser` (the parent parser of ``izmir-maps map`` and
``izmir-maps validate``), and :func:`from_namespace` turns what argparse parsed
into a ``ReadOptions``. A field and its option share the name: ``allow_negative``
is ``--allow-negative``.

Examples
--------
>>> options = ReadOptions(column="Nüfus", sep=";", sheet=1)
>>> options.separator, options.decimal
(';', 'auto')
>>> ReadOptions(decimal="·")
Traceback (most recent call last):
izmir_maps.errors.OptionError: decimal must be 'auto', ',' (Turkish) or '.' (international), not '·'.
"""

from __future__ import annotations

import argparse
import codecs
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any, Literal

from izmir_maps.errors import OptionError
from izmir_maps.option_names import named_as, option_name

if TYPE_CHECKING:
    from izmir_maps.text.names import DistrictMatcher

__all__ = [
    "SEPARATORS",
    "Decimal",
    "ReadOptions",
    "cli_flags",
    "cli_parser",
    "from_namespace",
    "given_flags",
]

Decimal = Literal["auto", ",", "."]
#: The accepted spellings of ``sep`` and the character each stands for.
SEPARATORS = {",": ",", ";": ";", "\t": "\t", "\\t": "\t", "tab": "\t"}


@dataclass(frozen=True)
class ReadOptions:
    r"""How to read a user's district table; every field has a default that suits most files.

    Every field is checked when the object is made; a bad value raises
    :class:`~izmir_maps.errors.OptionError` naming the option, the value and
    the allowed values.

    Attributes
    ----------
    column
        The column of values (exact name; case and Turkish letters may differ
        if that picks one column). Reading needs it; validating without it
        checks every column of numbers.
    district_column
        The column naming the districts; detected when ``None``.
    province
        The province the table describes (name in any spelling, P-code or
        plate number), or ``"Türkiye"`` for all 973 districts; İzmir when ``None``.
    sheet
        Excel only: a sheet name, or a number counting from 0 (also as text,
        ``"1"``, when no sheet has that name); the first visible sheet when
        ``None`` (hidden sheets are skipped).
    encoding
        ``"auto"`` or a text encoding such as ``"utf-8"`` or ``"cp1254"``.
    sep
        The column separator: ``"auto"``, ``","``, ``";"`` or a tab (``"\t"``,
        ``"\\t"`` or ``"tab"``).
    decimal
        The decimal mark: ``"auto"`` (decided per column), ``","`` (Turkish)
        or ``"."`` (international).
    allow_negative
        Accept negative values.
    max_bytes
        Refuse files larger than this many bytes.
    max_rows
        Refuse tables with more data rows than this.
    max_columns
        Refuse tables wider than this many columns (in a workbook: whose
        cells reach further right than this column).
    max_cells
        Refuse tables with more cells (rows × columns as read, counting
        empty cells inside the table) than this; in a workbook also more
        shared texts than this.
    """

    column: str | None = None
    district_column: str | None = None
    province: str | None = None
    sheet: str | int | None = None
    encoding: str = "auto"
    sep: str = "auto"
    decimal: Decimal = "auto"
    allow_negative: bool = False
    max_bytes: int = 5_000_000
    max_rows: int = 10_000
    max_columns: int = 1_000
    max_cells: int = 1_000_000

    def __post_init__(self) -> None:
        for name in ("column", "district_column"):
            _check_column_name(name, getattr(self, name))
        self._check_formats()
        for name in ("max_bytes", "max_rows", "max_columns", "max_cells"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                msg = f"{option_name(name)} must be a positive whole number, not {value!r}."
                raise OptionError(msg)

    def _check_formats(self) -> None:
        """The province, sheet, encoding, separator, decimal mark and ``allow_negative``."""
        if self.province is not None:
            from izmir_maps.data.provinces import resolve_province  # geodata: load on use

            resolve_province(self.province)  # names the option as given and the closest provinces
        _check_sheet(self.sheet)
        _check_encoding(self.encoding)
        # a type test first: a list is unhashable, an array or a DataFrame has no truth value
        if not isinstance(self.sep, str) or (self.sep not in SEPARATORS and self.sep != "auto"):
            msg = (
                f"{option_name('sep')} must be 'auto', ',', ';' or a tab ('\\t' or 'tab'), "
                f"not {self.sep!r}."
            )
            raise OptionError(msg)
        if not isinstance(self.decimal, str) or self.decimal not in ("auto", ",", "."):
            msg = (
                f"{option_name('decimal')} must be 'auto', ',' (Turkish) or '.' (international), "
                f"not {self.decimal!r}."
            )
            raise OptionError(msg)
        if not isinstance(self.allow_negative, bool):
            msg = (
                f"{option_name('allow_negative')} must be True or False, "
                f"not {self.allow_negative!r}."
            )
            raise OptionError(msg)

    @property
    def separator(self) -> str:
        r"""``"auto"`` or the separator character (``"tab"`` is ``"\t"``)."""
        return SEPARATORS.get(self.sep, "auto")

    def matcher(self) -> DistrictMatcher:
        """What resolves the table's district names: İzmir's 30 districts, or the province's."""
        from izmir_maps.data.boundaries import district_matcher
        from izmir_maps.data.provinces import is_izmir, province_matcher

        if is_izmir(self.province):
            return district_matcher()
        return province_matcher(self.province)  # type: ignore[arg-type, return-value]

    def with_fields(self, **changes: Any) -> ReadOptions:
        """A copy with some fields changed; an unknown name is a :class:`TypeError`.

        Examples
        --------
        >>> ReadOptions(column="v").with_fields(sheet="Veri").sheet
        'Veri'
        """
        unknown = sorted(set(changes) - {f.name for f in fields(self)})
        if unknown:
            names = ", ".join(f.name for f in fields(self))
            msg = (
                f"{', '.join(unknown)}: not an option of reading a table; the options are {names}."
            )
            raise TypeError(msg)
        return replace(self, **changes) if changes else self


def _check_column_name(name: str, value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        msg = f"{option_name(name)} must be a column name (a non-empty string), not {value!r}."
        raise OptionError(msg)


def _check_sheet(sheet: object) -> None:
    if sheet is not None and (isinstance(sheet, bool) or not isinstance(sheet, str | int)):
        msg = (
            f"{option_name('sheet')} must be a sheet name, a 0-based sheet number or None, "
            f"not {sheet!r}."
        )
        raise OptionError(msg)


def _check_encoding(encoding: object) -> None:
    if isinstance(encoding, str) and encoding == "auto":
        return
    try:
        # rot13, base64 … are codecs but not text encodings
        text = getattr(codecs.lookup(encoding), "_is_text_encoding", True)  # type: ignore[arg-type]
    except (LookupError, TypeError):
        text = False
    if not text:
        msg = (
            f"{option_name('encoding')} must be 'auto' or a text encoding such as 'utf-8', "
            "'utf-8-sig' or "
            f"'cp1254' (Turkish Windows), not {encoding!r}."
        )
        raise OptionError(msg)


# -- the command line ----------------------------------------------------------------------------

_DEFAULT = ReadOptions()


def cli_parser() -> argparse.ArgumentParser:
    """The parent parser of ``map`` and ``validate``: every reading option, declared once.

    An option not given is absent from the parsed namespace (``SUPPRESS``), so
    :func:`from_namespace` takes the defaults from :class:`ReadOptions` alone
    and :func:`given_flags` can tell which options the user gave.
    """
    parser = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    group = parser.add_argument_group("reading your table (--data for map)")
    add = group.add_argument
    add("--column", help="the column of values: the one to map, or the only one to check")
    add("--district-column", help="the column naming the districts (default: detected)")
    add(
        "--province",
        help="the province the table describes: any of the 81 (name, P-code or plate number), "
        "or 'Türkiye' for all 973 districts (default: İzmir)",
    )
    add("--sheet", help="sheet of an .xlsx file: its name, or its number from 0 (default: first)")
    add("--encoding", help=f"text encoding: auto, utf-8, cp1254 … (default: {_DEFAULT.encoding})")
    add("--sep", help=f"separator: auto, ',', ';' or tab (default: {_DEFAULT.sep})")
    add(
        "--decimal",
        choices=("auto", ",", "."),
        metavar="{auto|,|.}",
        help=f"decimal mark of numbers (default: {_DEFAULT.decimal}; see README: how numbers "
        "are read)",
    )
    add("--allow-negative", action="store_true", help="accept negative values")
    add(
        "--max-bytes",
        type=int,
        help=f"refuse larger files (default: {_DEFAULT.max_bytes:,} bytes)",
    )
    add("--max-rows", type=int, help=f"refuse longer tables (default: {_DEFAULT.max_rows:,} rows)")
    add(
        "--max-columns",
        type=int,
        help=f"refuse wider tables (default: {_DEFAULT.max_columns:,} columns)",
    )
    add(
        "--max-cells",
        type=int,
        help=f"refuse tables with more cells, rows × columns (default: {_DEFAULT.max_cells:,})",
    )
    return parser


def from_namespace(args: argparse.Namespace) -> ReadOptions:
    """The :class:`ReadOptions` that the command line asked for.

    A bad value raises :class:`~izmir_maps.errors.OptionError` that names the
    option as it is typed (``--max-rows``).

    Examples
    --------
    >>> args = cli_parser().parse_args(["--sheet", "Veri", "--allow-negative"])
    >>> options = from_namespace(args)
    >>> options.sheet, options.allow_negative, options.sep
    ('Veri', True, 'auto')
    >>> from_namespace(cli_parser().parse_args(["--max-rows", "0"]))
    Traceback (most recent call last):
    izmir_maps.errors.OptionError: --max-rows must be a positive whole number, not 0.
    """
    given = {f.name: getattr(args, f.name) for f in fields(ReadOptions) if hasattr(args, f.name)}
    with named_as(cli_flags()):
        return ReadOptions(**given)


def given_flags(args: argparse.Namespace) -> list[str]:
    """The reading options given on the command line, as typed (``["--sheet"]``)."""
    return [_flag(f.name) for f in fields(ReadOptions) if hasattr(args, f.name)]


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def cli_flags() -> dict[str, str]:
    """Every reading option's flag by its field name (``{"max_rows": "--max-rows", …}``).

    Examples
    --------
    >>> from izmir_maps.option_names import option_value
    >>> cli_flags()["district_column"]
    '--district-column'
    >>> with named_as(cli_flags()):
    ...     option_name("district_column"), option_value("allow_negative")
    ('--district-column', '--allow-negative')
    """
    return {f.name: _flag(f.name) for f in fields(ReadOptions)}
