"""``izmir-maps export``: the district table and the marker layers in standard formats.

- ``gpkg``: one GeoPackage, layers ``districts``, ``osb``, ``wind_2009``,
  ``wind_farms`` and QGIS's ``layer_styles`` (a style per indicator, see
  :mod:`izmir_maps.export.gpkg`);
- ``geojson`` and ``parquet`` (GeoParquet): one file per layer, as both
  formats hold one table: ``FILE`` the districts, ``<stem>.<layer><suffix>``
  beside it the marker layers (``izmir.osb.geojson`` …);
- ``xlsx``: a sheet per layer, without geometry, headers in the chosen
  language, and a sheet of every column's label, unit, year and source.

Every file is written to a temporary sibling and renamed into place, so an
existing file stays whole until the new one is complete; equal data give
equal bytes.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from izmir_maps._checks import check_lang, check_path, check_type
from izmir_maps.errors import OptionError
from izmir_maps.text.numbers import Lang
from izmir_maps.write import atomic_path, write_bytes, write_geojson

__all__ = ["EXPORT_FORMATS", "export_format", "export_paths", "write_export"]

#: Format → the suffixes it is told from.
EXPORT_FORMATS = {
    "gpkg": (".gpkg",),
    "geojson": (".geojson", ".json"),
    "parquet": (".parquet", ".geoparquet"),
    "xlsx": (".xlsx",),
}


def export_format(path: Path, fmt: str | None = None) -> str:
    """``fmt``, or the format named by ``path``'s suffix; an unknown one is refused."""
    check_type("fmt", fmt, (str, type(None)), "'gpkg', 'geojson', 'parquet', 'xlsx' or None")
    if fmt is None:
        suffix = Path(path).suffix.lower()
        fmt = next((f for f, suffixes in EXPORT_FORMATS.items() if suffix in suffixes), None)
        if fmt is None:
            msg = (
                f"Cannot tell the format of {str(path)!r}; give --out a suffix "
                f"({', '.join(s for v in EXPORT_FORMATS.values() for s in v)}) or use --format."
            )
            raise OptionError(msg)
    if fmt not in EXPORT_FORMATS:
        msg = f"Unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}."
        raise OptionError(msg)
    return fmt


def export_paths(path: Path, fmt: str) -> dict[str, Path]:
    """Layer → the file it goes to (one file for gpkg and xlsx, one per layer otherwise).

    Examples
    --------
    >>> {k: v.name for k, v in export_paths(Path("out/izmir.geojson"), "geojson").items()}
    {'districts': 'izmir.geojson', 'osb': 'izmir.osb.geojson', 'wind_2009': 'izmir.wind_2009.geojson', 'wind_farms': 'izmir.wind_farms.geojson'}
    """
    from izmir_maps.export.tables import LAYERS

    path = Path(path)
    if fmt in ("gpkg", "xlsx"):
        return dict.fromkeys(LAYERS, path)
    return {
        name: path if name == "districts" else path.with_name(f"{path.stem}.{name}{path.suffix}")
        for name in LAYERS
    }


def write_export(path: Path | str, fmt: str | None = None, *, lang: Lang = "tr") -> list[Path]:
    """Write the district table with every indicator and the marker layers to ``path``.

    Parameters
    ----------
    path
        The output file; see the module's description for the files each
        format writes.
    fmt
        ``"gpkg"``, ``"geojson"``, ``"parquet"`` or ``"xlsx"``; by default
        from ``path``'s suffix.
    lang
        Language of the XLSX headers, the marker layers' texts and the style labels.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    check_path("path", path)
    check_lang(lang)
    path = Path(path)
    if not str(path).strip() or path.name in ("", ".", ".."):
        msg = f"{str(path)!r} is not a file name; name the file to write, e.g. izmir.gpkg."
        raise OptionError(msg)
    if path.is_dir():
        msg = f"{path} is a folder; name the file to write in it, e.g. {path / 'izmir.gpkg'}."
        raise OptionError(msg)
    fmt = export_format(path, fmt)
    from izmir_maps.export.tables import export_layers

    layers = export_layers(lang)
    if fmt == "gpkg":
        return [_write_gpkg(path, layers, lang)]
    if fmt == "xlsx":
        from izmir_maps.export.tables import xlsx_bytes

        return [write_bytes(path, xlsx_bytes(layers, lang))]
    targets = export_paths(path, fmt)
    if fmt == "geojson":
        return [write_geojson(targets[name], frame) for name, frame in layers.items()]
    return [_write_parquet(targets[name], frame) for name, frame in layers.items()]


#: Free space a GeoPackage write needs: the file (1.6 MB for İzmir's layers) and as much
#: again for SQLite's journal and VACUUM, rounded up.
GPKG_ROOM = 4 * 1024 * 1024


def _write_gpkg(path: Path, layers: dict, lang: Lang) -> Path:
    import sqlite3

    from pyogrio.errors import DataLayerError, DataSourceError

    from izmir_maps.export.gpkg import write_gpkg

    with atomic_path(path) as tmp:
        # GDAL creates the file itself, and wants the .gpkg suffix on it
        work = tmp.with_name(tmp.name + ".gpkg")
        try:
            write_gpkg(work, layers, lang=lang)
            work.replace(tmp)
        except (DataSourceError, DataLayerError, sqlite3.Error, OSError) as exc:
            # GDAL and SQLite name no file, or the temporary one: name the file asked for
            raise _gpkg_write_error(exc, path) from exc
        finally:
            work.unlink(missing_ok=True)
    return path


def _gpkg_write_error(exc: Exception, path: Path) -> OSError:
    """The OSError a failed GeoPackage write is reported as, naming ``path``.

    The command line turns it into "cannot write PATH: the disk is full …"; its ``errno``
    is ENOSPC when the error says so or the disk has less than :data:`GPKG_ROOM` free.

    Examples
    --------
    >>> _gpkg_write_error(OSError(13, "Permission denied", "/x/.izmir.gpkg.1.tmp"), Path("a.gpkg"))
    PermissionError(13, 'Permission denied')
    """
    if isinstance(exc, OSError) and exc.errno is not None:
        return OSError(exc.errno, exc.strerror or str(exc), str(path))
    if _disk_full(exc, path):
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
    return OSError(errno.EIO, f"the GeoPackage could not be written ({exc})", str(path))


def _disk_full(exc: Exception, path: Path) -> bool:
    said = str(exc).lower()
    if "disk is full" in said or "no space left" in said:
        return True
    try:
        free = shutil.disk_usage(Path(path).absolute().parent).free
    except OSError:
        return False
    return free < GPKG_ROOM


def _write_parquet(path: Path, frame: object) -> Path:
    """GeoParquet (geopandas' writer: WKB geometry, the ``geo`` metadata, zstd-free snappy)."""
    with atomic_path(path) as tmp:
        frame.to_parquet(tmp, index=False, compression="snappy")
    return path
