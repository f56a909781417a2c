"""Naming an option in a message as the user gave it: a keyword or a command-line flag.

A message names an option the way the user wrote it: ``year_column`` from
Python ("the year_column option"), ``--year-column`` on the command line. The
command line says which, once, with :func:`named_as` around everything it
runs; a message asks :func:`option_name`, :func:`the_option` or
:func:`option_value`. The module sits below every layer (it imports nothing of
izmir_maps), so the province lookup of :mod:`izmir_maps.data.provinces` names
its option as well as the reader of :mod:`izmir_maps.userdata` does.

Examples
--------
>>> option_name("province")
'province'
>>> with named_as({"province": "--province"}):
...     option_name("province")
'--province'
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["named_as", "option_name", "option_value", "the_option"]

#: What a shell passes as it is: letters of any alphabet, digits and a few signs.
_BARE = re.compile(r"[\w@%+=:,./-]+")
# a context variable, not a global: a CLI run in one thread or task does not rename another's
_FLAGS: ContextVar[Mapping[str, str] | None] = ContextVar("izmir_maps_option_flags", default=None)


def _flags_now() -> Mapping[str, str]:
    return _FLAGS.get() or {}


@contextmanager
def named_as(flags: Mapping[str, str]) -> Iterator[None]:
    """Within the block, messages name the options in ``flags`` by their command-line flag.

    Parameters
    ----------
    flags
        Flag by Python name: ``{"year_column": "--year-column", "years": "--years"}``.
        Options not in it keep their Python name.

    Examples
    --------
    >>> the_option("year_column")
    'the year_column option'
    >>> with named_as({"year_column": "--year-column"}):
    ...     the_option("year_column")
    '--year-column'
    """
    token = _FLAGS.set(dict(flags))
    try:
        yield
    finally:
        _FLAGS.reset(token)


def option_name(name: str) -> str:
    """The option itself: ``year_column`` from Python, ``--year-column`` on the command line.

    Examples
    --------
    >>> option_name("district_column")
    'district_column'
    >>> with named_as({"district_column": "--district-column"}):
    ...     option_name("district_column")
    '--district-column'
    """
    return _flags_now().get(name, name)


def the_option(name: str) -> str:
    """The option in a sentence: "the sheet option" from Python, "--sheet" on the command line."""
    flag = _flags_now().get(name)
    return flag if flag is not None else f"the {name} option"


def option_value(name: str, value: object = True) -> str:
    """The option given a value, as the user would write it.

    Examples
    --------
    >>> option_value("sep", ";"), option_value("years")
    ("sep=';'", 'years=True')
    >>> with named_as({"sep": "--sep", "years": "--years", "column": "--column"}):
    ...     option_value("sep", ";"), option_value("years"), option_value("column", "Nüfus 2021")
    ("--sep ';'", '--years', "--column 'Nüfus 2021'")
    """
    flag = _flags_now().get(name)
    if flag is None:
        return f"{name}={value!r}"
    if value is True:  # a switch: the flag alone
        return flag
    return f"{flag} {_typed(str(value))}"


def _typed(value: str) -> str:
    """``value`` as typed in a shell: bare when it can be (``Nüfus``), else quoted (``';'``)."""
    if value == "\t":
        return "tab"
    if not _BARE.fullmatch(value):
        return shlex.quote(value)
    # punctuation alone ('.', ',') is quoted so that it reads apart from the sentence's own
    return value if any(c.isalnum() for c in value) else f"'{value}'"
