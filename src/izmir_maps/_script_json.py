"""JSON that can sit inside a page's ``<script>`` element (maps, the two-map page, compare.html)."""

from __future__ import annotations

import json

__all__ = ["script_json"]

# What could end the element or start markup, and the two line breaks JavaScript does not allow.
_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_json(data: object) -> str:
    r"""JSON that is safe inside ``<script>``: no ``<``, ``>``, ``&``, U+2028 or U+2029.

    Keys are sorted and separators compact, so the same data give the same bytes.

    Examples
    --------
    >>> script_json({"n": "</script><b>&"})
    '{"n":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _ESCAPES:
        text = text.replace(char, escape)
    return text
