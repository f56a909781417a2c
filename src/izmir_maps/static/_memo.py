"""Exact-input memos for the slow, pure steps of static maps (a helper of :mod:`render_static`).

An atlas draws sixty maps of the same districts on pages of the same size:
most of them place the same labels around the same obstacles, and derive
the same shapes from the same boundaries. Each slow step that is a pure
function of its inputs is remembered under a :func:`digest` of *every* input
it reads — exact bytes of numbers (never rounded) and exact geometries
(WKB) — so a remembered result is the one the step would compute again, and
a map comes out byte for byte the same whether or not it was remembered.

Memos live in the process (the atlas's worker processes each have their
own) and keep only the latest few results. Remembered values are never
changed: callers copy whatever they would modify.
"""

from __future__ import annotations

import hashlib
import struct
import threading
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

import numpy as np
import shapely

__all__ = ["Memo", "digest", "forget_all", "try_digest"]

T = TypeVar("T")


def digest(*parts: Any) -> bytes:
    """A digest of ``parts`` that tells apart every two different inputs.

    Parts may be ``None``, booleans, integers, floats (exact bits), strings,
    bytes, numpy arrays (dtype, shape and bytes), shapely geometries (WKB) and
    tuples or lists of these. Every part carries its type and length, so
    different sequences of parts never run together.

    Examples
    --------
    >>> digest(1.0, "a") == digest(1.0, "a")
    True
    >>> digest(0.1 + 0.2) == digest(0.3)
    False
    >>> digest(shapely.box(0, 0, 1, 1)) == digest(shapely.box(0, 0, 1, 2))
    False
    >>> digest(shapely.Point(1, 2, 3)) == digest(shapely.Point(1, 2, 4))
    False
    >>> digest(("ab",), "c") == digest(("a",), "bc")
    False
    """
    h = hashlib.sha256()
    _feed(h, parts)
    return h.digest()


def try_digest(*parts: Any) -> bytes | None:
    """:func:`digest` of ``parts``, or ``None`` if one of them cannot be digested.

    Examples
    --------
    >>> try_digest("a", object()) is None
    True
    """
    try:
        return digest(*parts)
    except TypeError:
        return None


def _feed(h: Any, part: Any) -> None:
    if part is None:
        _chunk(h, b"N", b"")
    elif isinstance(part, bool | np.bool_):
        _chunk(h, b"B", b"1" if part else b"0")
    elif isinstance(part, int | np.integer):
        _chunk(h, b"I", str(int(part)).encode())
    elif isinstance(part, float | np.floating):
        _chunk(h, b"F", struct.pack("<d", float(part)))
    elif isinstance(part, str):
        _chunk(h, b"S", part.encode("utf-8", "surrogatepass"))
    elif isinstance(part, bytes):
        _chunk(h, b"Y", part)
    elif isinstance(part, np.ndarray):
        if part.dtype == object:
            _feed(h, ("array", part.shape, *part.ravel().tolist()))
        else:
            data = np.ascontiguousarray(part)
            _chunk(h, b"A", f"{data.dtype.str}{data.shape}".encode() + b":" + data.tobytes())
    elif isinstance(part, shapely.Geometry):  # every coordinate, Z and M included
        wkb = shapely.to_wkb(part, output_dimension=4, flavor="iso")
        _chunk(h, b"G", str(shapely.get_srid(part)).encode() + b":" + wkb)
    elif isinstance(part, tuple | list):
        _chunk(h, b"T", str(len(part)).encode())
        for item in part:
            _feed(h, item)
    else:
        msg = f"cannot digest {type(part).__name__}"
        raise TypeError(msg)


def _chunk(h: Any, tag: bytes, data: bytes) -> None:
    h.update(tag)
    h.update(len(data).to_bytes(8, "little"))
    h.update(data)


class Memo(Generic[T]):
    """The latest ``size`` results of one step, by :func:`digest` of its inputs.

    Examples
    --------
    >>> calls = []
    >>> memo = Memo(2)
    >>> def square(x):
    ...     calls.append(x)
    ...     return x * x
    >>> [memo.get(digest(x), lambda x=x: square(x)) for x in (3, 3, 4, 5, 3)]
    [9, 9, 16, 25, 9]
    >>> calls  # 3 was forgotten once 4 and 5 came
    [3, 4, 5, 3]
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: dict[Hashable, T] = {}
        self._lock = threading.Lock()
        _MEMOS.append(self)

    def get(self, key: Hashable | None, compute: Callable[[], T]) -> T:
        """The result remembered under ``key``, else ``compute()`` (then remembered).

        Keys are digests (:func:`digest`) or tuples of exact values. A ``None``
        key (inputs that cannot be digested) computes without remembering.
        """
        if key is None:
            return compute()
        with self._lock:
            if key in self._items:
                value = self._items.pop(key)
                self._items[key] = value  # the latest used is kept longest
                return value
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                del self._items[next(iter(self._items))]
        return value

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._items.clear()


_MEMOS: list[Memo[Any]] = []


def forget_all() -> None:
    """Clear every memo of the static renderer (the next maps compute everything again)."""
    for memo in _MEMOS:
        memo.clear()
