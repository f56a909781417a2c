"""izmir-maps: maps of İzmir's districts for regional planning.

The public API, everything the README's Python section uses::

    import izmir_maps as im

    table = im.district_table()                 # the joined district table
    spec = im.choropleth_spec("employees")      # what one map shows
    im.write_html(spec, "employees.html")       # offline interactive map
    im.render_static(spec, size="half")         # matplotlib Figure for print

Subpackages follow the data flow: ``text`` → ``data`` → ``spec`` →
``interactive`` | ``static`` | ``pages``; ``stats`` and ``userdata`` feed them
from the side; ``atlas`` and ``cli`` chain the steps.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from izmir_maps.errors import (
    DataError,
    GeometryError,
    IzmirMapsError,
    OptionError,
    UnknownDistrictError,
    UnknownIndicatorError,
)

if TYPE_CHECKING:
    from izmir_maps.atlas import build_atlas
    from izmir_maps.data.boundaries import load_districts
    from izmir_maps.data.indicators import load_indicators
    from izmir_maps.data.join import district_table
    from izmir_maps.data.provinces import province_districts, resolve_province
    from izmir_maps.export import write_export
    from izmir_maps.folium_map import save_folium
    from izmir_maps.frame_map import explore
    from izmir_maps.interactive.render import render_html, write_html
    from izmir_maps.interactive.sync import render_sync_html
    from izmir_maps.reports.content import district_report
    from izmir_maps.reports.html import report_html
    from izmir_maps.reports.pdf import report_pdf
    from izmir_maps.spec.map_spec import (
        MapSpec,
        choropleth_spec,
        combined_spec,
        osb_spec,
        wind_spec,
    )
    from izmir_maps.spec.user_spec import user_choropleth_spec, user_years_spec
    from izmir_maps.static.render import render_static, save_static
    from izmir_maps.userdata.options import ReadOptions
    from izmir_maps.userdata.table import read_user_table, validate_user_file
    from izmir_maps.userdata.years import read_user_years

try:
    __version__ = version("izmir-maps")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0+unknown"

# Public name → module. Loaded on first use, so that `izmir-maps --help` or
# `validate` do not pay for importing matplotlib and the renderers.
_LAZY = {
    "build_atlas": "izmir_maps.atlas",
    "load_districts": "izmir_maps.data.boundaries",
    "load_indicators": "izmir_maps.data.indicators",
    "district_table": "izmir_maps.data.join",
    "province_districts": "izmir_maps.data.provinces",
    "resolve_province": "izmir_maps.data.provinces",
    "explore": "izmir_maps.frame_map",
    "write_export": "izmir_maps.export",
    "save_folium": "izmir_maps.folium_map",
    "render_html": "izmir_maps.interactive.render",
    "write_html": "izmir_maps.interactive.render",
    "render_sync_html": "izmir_maps.interactive.sync",
    "district_report": "izmir_maps.reports.content",
    "report_html": "izmir_maps.reports.html",
    "report_pdf": "izmir_maps.reports.pdf",
    "MapSpec": "izmir_maps.spec.map_spec",
    "bivariate_spec": "izmir_maps.spec.bivariate",
    "choropleth_spec": "izmir_maps.spec.map_spec",
    "combined_spec": "izmir_maps.spec.map_spec",
    "osb_spec": "izmir_maps.spec.map_spec",
    "wind_spec": "izmir_maps.spec.map_spec",
    "user_choropleth_spec": "izmir_maps.spec.user_spec",
    "user_years_spec": "izmir_maps.spec.user_spec",
    "render_static": "izmir_maps.static.render",
    "save_static": "izmir_maps.static.render",
    "ReadOptions": "izmir_maps.userdata.options",
    "read_user_table": "izmir_maps.userdata.table",
    "read_user_years": "izmir_maps.userdata.years",
    "validate_user_file": "izmir_maps.userdata.table",
}

__all__ = [
    "DataError",
    "GeometryError",
    "IzmirMapsError",
    "MapSpec",
    "OptionError",
    "ReadOptions",
    "UnknownDistrictError",
    "UnknownIndicatorError",
    "__version__",
    "bivariate_spec",
    "build_atlas",
    "choropleth_spec",
    "combined_spec",
    "district_report",
    "district_table",
    "explore",
    "load_districts",
    "load_indicators",
    "osb_spec",
    "province_districts",
    "read_user_table",
    "read_user_years",
    "render_html",
    "render_static",
    "render_sync_html",
    "report_html",
    "report_pdf",
    "resolve_province",
    "save_folium",
    "save_static",
    "user_choropleth_spec",
    "user_years_spec",
    "validate_user_file",
    "wind_spec",
    "write_export",
    "write_html",
]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    msg = f"module 'izmir_maps' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
