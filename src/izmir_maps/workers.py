"""Worker processes that stop with the build: on failure, on Ctrl-C, and when the parent dies."""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.context import BaseContext

__all__ = ["worker_pool"]

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose queued jobs are cancelled, and running ones awaited, on any exit.

    Workers ignore Ctrl-C (the parent decides and cleans up) and, on Linux, get
    SIGTERM when the parent process dies, so none goes on writing after the
    command has ended.
    """
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, mp_context=_context())
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _context() -> BaseContext | None:
    """How workers start: the platform's default, or a fork server when forking is unsafe.

    A fork copies a process without its other threads. If the caller runs Python threads
    (a browser driver in the tests, a notebook's kernel), a lock one of them holds stays
    held in the copy; if it has typeset a PDF, Typst's thread pool exists in the copy but
    has no threads, and the report's PDF waits for it for ever. Then the workers are forks
    of a fresh fork server that imports the atlas once. Otherwise (the CLI) the default
    stays (fork on Linux): the workers share what the caller has imported, and a script
    that builds the atlas needs no ``if __name__ == "__main__"`` guard.
    """
    unsafe = threading.active_count() > 1 or "typst" in sys.modules
    if not unsafe or "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["izmir_maps.atlas"])
    return context


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):  # no prctl: the parent still awaits its workers
            pass
