"""Build a whole output folder beside its target and swap it in only when complete.

An atlas is hundreds of files that belong together. Writing them one by one
into the target leaves a mix when the build is interrupted or when two builds
run at once. :func:`staged_folder` instead

- takes a lock beside the target, so a second build into the same folder is
  refused with a clear message (the lock dies with its process);
- refuses a non-empty folder that it did not make (no marker file) unless told
  to replace it;
- yields a fresh staging folder beside the target, on the same file system;
- swaps it in with two renames once the body has finished, so the previous
  atlas stays whole until then, and after any failure or interruption;
- removes the staging folder when the body fails or is interrupted, and the
  leftovers of builds that were killed outright.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from izmir_maps.errors import OptionError
from izmir_maps.write import input_replaced_by, inside_inputs

__all__ = ["MARKER", "staged_folder"]

#: File that marks a folder as an atlas written by izmir-maps.
MARKER = ".izmir-maps-atlas"
_MARKER_TEXT = "This folder was written by `izmir-maps build`; the next build may replace it.\n"


@contextmanager
def staged_folder(
    target: str | Path, *, replace: bool = False, inputs: Sequence[Path] = ()
) -> Iterator[Path]:
    """Yield an empty folder to fill; it becomes ``target`` when the body returns.

    Parameters
    ----------
    target
        The folder the finished output should be. A symbolic link to a folder
        is followed: the folder it points to is replaced, the link stays.
    replace
        Replace ``target`` even when it is a non-empty folder that izmir-maps
        did not write.
    inputs
        Folders the output is built from: ``target`` may be neither one of them
        nor a folder holding one, ``replace`` or not.

    Raises
    ------
    OptionError
        When ``target`` is empty text, is a file, is or holds one of ``inputs``, is a non-empty folder of
        something else (and ``replace`` is false), or another build holds
        its lock.
    OSError
        When a file cannot be written (the disk is full …). It names the
        file as it would be in ``target``, never the staging folder or the
        lock, and a note says that ``target`` is as it was.
    """
    given, target = target, _resolve(target)
    _refuse_inputs(given, target, inputs)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _named_for_the_user(given, target), _lock(target):
        _check_target(target, replace=replace)
        _remove_stale(target)
        staging = _staging_path(target)
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        try:
            (staging / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
            yield staging
            _swap(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _resolve(target: str | Path) -> Path:
    if isinstance(target, str) and not target.strip():  # Path("") would be the current folder
        msg = (
            "The output folder is empty text. Name a folder, for example --out output "
            "(it is created if needed)."
        )
        raise OptionError(msg)
    return Path(os.path.realpath(Path(target).expanduser()))


def _refuse_inputs(given: str | Path, target: Path, inputs: Sequence[Path]) -> None:
    source = input_replaced_by(target, inputs, folder=True)
    if source is None:
        return
    if source in target.parents:  # the same words as the commands that write one file
        raise inside_inputs(given, source, "output")
    msg = (
        f"--out {given} would replace {source}, which the atlas is built from. "
        "Choose a folder outside it, for example --out output."
    )
    raise OptionError(msg)


@contextmanager
def _named_for_the_user(given: str | Path, target: Path) -> Iterator[None]:
    """Let an OSError name the file as it would be in ``given``, and say ``given`` is unharmed.

    The staging folder and the lock are gone when the user reads the message.
    """
    try:
        yield
    except OSError as exc:
        name = _user_name(exc.filename, Path(given), target)
        error = exc if name is None else OSError(exc.errno, exc.strerror or str(exc), str(name))
        error.add_note(_unharmed(Path(given), target))
        if error is exc:
            raise
        raise error from exc


def _user_name(filename: object, given: Path, target: Path) -> Path | None:
    """``filename`` inside the staging folder (or the lock) as it would be in ``given``."""
    if not isinstance(filename, str | bytes | os.PathLike):
        return None
    path = Path(os.path.abspath(os.fsdecode(filename)))
    if path == _lock_path(target):
        return given
    # Not the .old- folder: if putting it back failed, it holds the previous atlas, so name it.
    staging = _staging_path(target)
    if path == staging or staging in path.parents:
        return given / path.relative_to(staging)
    return None


def _staging_path(target: Path) -> Path:
    """The folder this process builds ``target`` in, beside it."""
    return target.parent / f".{target.name}.building-{os.getpid()}"


def _lock_path(target: Path) -> Path:
    """The file whose lock keeps a second build out of ``target``."""
    return target.parent / f".{target.name}.lock"


def _unharmed(given: Path, target: Path) -> str:
    if (target / MARKER).is_file():
        return f"The previous atlas in {given} is untouched."
    if target.exists():
        return f"{given} is as it was before the build."
    return f"Nothing was written to {given}."


def _check_target(target: Path, *, replace: bool) -> None:
    if target.exists() and not target.is_dir():
        msg = f"{target} is a file, not a folder. Choose another --out for the atlas."
        raise OptionError(msg)
    foreign = target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir())
    if foreign and not replace:
        msg = (
            f"{target} is not empty and was not written by izmir-maps build (it has no "
            f"{MARKER} file), so building there could overwrite your files. Choose a new "
            "or empty folder, or add --replace to replace this folder and everything in it."
        )
        raise OptionError(msg)


@contextmanager
def _lock(target: Path) -> Iterator[None]:
    path = _lock_path(target)
    fd = _acquire(path, target)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)  # while still held, so no one locks a file about to go
        os.close(fd)


def _acquire(path: Path, target: Path) -> int:
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            os.close(fd)
            if err.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            msg = (
                f"Another izmir-maps build is writing {target} right now (it holds {path}). "
                "Wait for it to finish, or build into another folder."
            )
            raise OptionError(msg) from None
        try:
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)  # the holder removed this file as we locked it: lock the new one


def _swap(staging: Path, target: Path) -> None:
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        if old.exists() and not target.exists():
            old.rename(target)  # put the previous atlas back
        raise
    shutil.rmtree(old, ignore_errors=True)


def _remove_stale(target: Path) -> None:
    """Clear what killed builds left (we hold the lock), restoring an atlas caught mid-swap."""
    olds = sorted(p for p in target.parent.glob(f".{target.name}.old-*") if p.is_dir())
    if olds and not target.exists():
        olds.pop().rename(target)
    for path in [*olds, *target.parent.glob(f".{target.name}.building-*")]:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
