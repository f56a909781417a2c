"""Write output files atomically and deterministically.

Every file goes to a temporary sibling first and is renamed into place, so an
interrupted run leaves the previous file intact and never a partial one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import pandas as pd

from izmir_maps.errors import OptionError

__all__ = [
    "atomic_path",
    "input_replaced_by",
    "inside_inputs",
    "safe_join",
    "write_bytes",
    "write_csv",
    "write_geojson",
    "write_text",
]


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it to ``path`` on success.

    A symbolic link at ``path`` is followed, so the file it points to is
    replaced and the link stays. The file gets the permissions that the
    user's umask gives a new file.

    Raises
    ------
    OSError
        If the file cannot be written (the disk is full, the folder is not
        writable …). The error names ``path`` as given, never the temporary
        file, which the user has not heard of; its ``errno`` is kept.
    """
    given = Path(path)
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    tmp_path: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp_path = Path(tmp)
        yield tmp_path
        tmp_path.chmod(0o666 & ~_umask())
        tmp_path.replace(target)
    except OSError as exc:
        if not _names_the_temp_file(exc, target):
            raise
        raise _naming(exc, given) from exc
    finally:
        if tmp_path is not None:
            tmp_path.unlink(missing_ok=True)


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; return ``path``."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text(path: Path, text: str) -> Path:
    """Write UTF-8 ``text`` with Unix line endings to ``path`` atomically."""
    return write_bytes(path, text.encode("utf-8"))


def write_csv(path: Path, frame: pd.DataFrame) -> Path:
    """Write ``frame`` as UTF-8 CSV (no index) atomically."""
    return write_text(path, frame.to_csv(index=False, lineterminator="\n"))


def write_geojson(path: Path, frame: gpd.GeoDataFrame, *, precision: int = 6) -> Path:
    """Write ``frame`` as GeoJSON (WGS84, rounded coordinates) atomically."""
    text = frame.to_crs(4326).to_json(drop_id=True, ensure_ascii=False, na="null")
    data = json.loads(text)
    data.pop("bbox", None)
    for feature in data["features"]:
        feature["geometry"]["coordinates"] = _round(feature["geometry"]["coordinates"], precision)
    return write_text(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")


def safe_join(folder: Path, *parts: str) -> Path:
    """``folder / parts`` if it stays inside ``folder``, else :class:`OptionError`.

    Examples
    --------
    >>> safe_join(Path("out"), "maps", "a.html").as_posix()
    'out/maps/a.html'
    """
    base = Path(folder).resolve()
    target = base.joinpath(*parts).resolve()
    if target != base and base not in target.parents:
        msg = f"Refusing to write {target}: it is outside the output folder {base}."
        raise OptionError(msg)
    return Path(folder).joinpath(*parts)


def input_replaced_by(
    path: str | os.PathLike[str], inputs: Sequence[Path], *, folder: bool = False
) -> Path | None:
    """The folder of ``inputs`` that writing ``path`` could replace, or None.

    The one rule every command follows: an output is never written onto what
    izmir-maps reads. Links are followed, as writing follows them.

    Parameters
    ----------
    path
        The output as the user gave it.
    inputs
        Folders read to make the output.
    folder
        ``path`` is a folder replaced as a whole (an atlas): it then also
        replaces an input it holds.

    Examples
    --------
    >>> input_replaced_by("/srv/data/x.csv", [Path("/srv/data")]).as_posix()
    '/srv/data'
    >>> input_replaced_by("/srv", [Path("/srv/data")]) is None
    True
    >>> input_replaced_by("/srv", [Path("/srv/data")], folder=True).as_posix()
    '/srv/data'
    """
    target = Path(os.path.realpath(path))
    for source in (Path(os.path.realpath(p)) for p in inputs):
        inside = target == source or source in target.parents
        if inside or (folder and target in source.parents):
            return source
    return None


def inside_inputs(given: str | os.PathLike[str], source: Path, example: str) -> OptionError:
    """The refusal of an ``--out`` inside ``source``, one of izmir-maps' own folders."""
    return OptionError(
        f"--out {given} is inside {source}, which holds izmir-maps's own data or code; "
        "writing there could replace an input. Choose another --out, for example "
        f"--out {example}."
    )


def _names_the_temp_file(exc: OSError, target: Path) -> bool:
    """Whether ``exc`` names no file or only a temporary file of :func:`atomic_path`."""
    if exc.filename is None:
        return True  # a failed write() or close(): the temporary file, the only one open
    if not isinstance(exc.filename, str | bytes | os.PathLike):
        return False  # a file descriptor: not ours to rename
    # mkstemp names the file absolutely; a relative --out must be compared the same way
    name = Path(os.path.abspath(os.fsdecode(exc.filename)))
    return (
        name.parent == Path(os.path.abspath(target)).parent
        and name.name.startswith(f".{target.name}.")
        and name.name.endswith(".tmp")
    )


def _naming(exc: OSError, path: Path) -> OSError:
    # OSError(errno, …) picks the subclass (PermissionError …) that fits the errno.
    return OSError(exc.errno, exc.strerror or str(exc), str(path))


def _umask() -> int:
    # The umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _round(obj: object, precision: int) -> object:
    if isinstance(obj, float):
        return round(obj, precision)
    if isinstance(obj, list):
        return [_round(x, precision) for x in obj]
    return obj
