"""Worker processes that stop with the build: on failure, on Ctrl-C, and when the parent dies."""

from __future__ import annotations

import ctypes
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

__all__ = ["worker_pool"]

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose queued jobs are cancelled, and running ones awaited, on any exit.

    Workers ignore Ctrl-C (the parent decides and cleans up) and, on Linux, get
    SIGTERM when the parent process dies, so none goes on writing after the
    command has ended.
    """
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):  # no prctl: the parent still awaits its workers
            pass
