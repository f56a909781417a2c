"""The exception family: one base class, and the built-in types callers expect."""

from __future__ import annotations

import pytest

from izmir_maps.errors import (
    DataError,
    GeometryError,
    IzmirMapsError,
    OptionError,
    UnknownDistrictError,
    UnknownIndicatorError,
)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (DataError, ValueError),
        (GeometryError, ValueError),
        (OptionError, ValueError),
        (UnknownDistrictError, KeyError),
        (UnknownIndicatorError, KeyError),
    ],
)
def test_every_error_is_an_izmir_maps_error_and_its_builtin(
    error: type[Exception], builtin: type[Exception]
) -> None:
    with pytest.raises(IzmirMapsError):
        raise error("x")
    with pytest.raises(builtin):
        raise error("x")


@pytest.mark.parametrize("error", [UnknownDistrictError, UnknownIndicatorError])
def test_key_errors_print_their_message_without_quotes(error: type[Exception]) -> None:
    # KeyError's str() wraps the message in quotes; the CLI prints str(exc).
    assert str(error("'Aliğa' is not a known district.")) == "'Aliğa' is not a known district."
    assert str(error()) == ""
