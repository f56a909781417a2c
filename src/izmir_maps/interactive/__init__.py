"""Offline Leaflet maps: the renderer, its payload and geometry, and synchronised side-by-side maps.

The page's own script and stylesheet are files in ``assets/`` (see
:mod:`izmir_maps.interactive._assets`); CI checks every ``*.js`` with ``node --check``.
"""

from izmir_maps.interactive.render import (
    InteractiveMap,
    render_html,
    write_html,
    write_shared_assets,
)
from izmir_maps.interactive.sync import render_sync_html, write_sync_html

__all__ = [
    "InteractiveMap",
    "render_html",
    "render_sync_html",
    "write_html",
    "write_shared_assets",
    "write_sync_html",
]
