"""A real `izmir-maps build` in a subprocess: interrupted, killed, or run twice at once.

Nothing is mixed or lost: the previous atlas stays whole until a new one is complete,
no staging folder or worker process outlives the command, and a second build into the
same folder is refused.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from stat import S_IMODE

import pytest

from izmir_maps.staging import MARKER

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="signals and /proc are Linux's")


def _build(out: Path, *extra: str) -> subprocess.Popen[str]:
    # A test run started in the background (`pytest &`) ignores SIGINT, and an ignored signal
    # stays ignored across exec: the build would never see Ctrl-C. Handled here, it is reset.
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "izmir_maps", "build", "--out", str(out), *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, so its workers can be found
        )
    finally:
        signal.signal(signal.SIGINT, previous)


def _previous_atlas(out: Path) -> dict[str, bytes]:
    out.mkdir()
    (out / MARKER).write_text("made by izmir-maps build\n", encoding="utf-8")
    (out / "index.html").write_text("<p>previous Turkish atlas</p>\n", encoding="utf-8")
    (out / "maps").mkdir()
    (out / "maps" / "employees.html").write_text("previous map\n", encoding="utf-8")
    return _snapshot(out)


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def _wait_for(condition, timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def _static_started(parent: Path) -> bool:
    return any(parent.glob(".atlas.building-*/static/*.png"))


def _group_alive(pgid: int) -> list[int]:
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


@pytest.mark.parametrize(
    ("sig", "status", "group"),
    [
        (signal.SIGINT, 130, False),
        (signal.SIGTERM, 143, False),
        # a terminal's Ctrl-C signals every process of the group, the workers too
        (signal.SIGINT, 130, True),
    ],
    ids=["SIGINT", "SIGTERM", "ctrl-c-to-the-group"],
)
def test_an_interrupted_build_leaves_the_previous_atlas_whole(
    tmp_path: Path, sig: signal.Signals, status: int, group: bool
) -> None:
    out = tmp_path / "atlas"
    before = _previous_atlas(out)
    proc = _build(out, "--lang", "en")
    _wait_for(lambda: _static_started(tmp_path))  # workers are drawing static maps now
    if group:
        os.killpg(proc.pid, sig)  # start_new_session: the group's id is the build's pid
    else:
        proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == status, err
    assert err.endswith(
        "izmir-maps: interrupted; nothing was half written: files and folders that were "
        "there before are as they were.\n"
    )
    assert "Traceback" not in err
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas"]
    _wait_for(lambda: not _group_alive(proc.pid), timeout=10)


def test_a_whole_build_honours_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "atlas"
    done = subprocess.run(
        [sys.executable, "-m", "izmir_maps", "build", "--out", str(out), "--no-static", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        preexec_fn=lambda: os.umask(0o027),  # a group-readable, private umask
    )
    assert done.returncode == 0, done.stderr
    modes = {
        p.relative_to(tmp_path).as_posix(): S_IMODE(p.stat().st_mode)
        for p in [out, *out.rglob("*")]
    }
    wrong = {
        name: oct(mode)
        for name, mode in modes.items()
        if mode != (0o750 if (tmp_path / name).is_dir() else 0o640)
    }
    assert wrong == {}
    assert len(modes) > 400  # the whole atlas was looked at


def test_workers_die_with_a_killed_build_and_the_next_build_cleans_up(tmp_path: Path) -> None:
    out = tmp_path / "atlas"
    before = _previous_atlas(out)
    proc = _build(out)
    _wait_for(lambda: _static_started(tmp_path))
    proc.kill()  # no clean-up can run in the parent
    proc.communicate(timeout=30)
    _wait_for(lambda: not _group_alive(proc.pid), timeout=15)
    assert _snapshot(out) == before
    done = subprocess.run(
        [sys.executable, "-m", "izmir_maps", "build", "--out", str(out), "--no-static", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas"]
    assert (out / "index.html").read_bytes() != before["index.html"]
    assert (out / "stats.html").is_file()


def test_a_second_build_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "atlas"
    first = _build(out, "--no-static")
    _wait_for(lambda: any(tmp_path.glob(".atlas.building-*")))
    second = subprocess.run(
        [sys.executable, "-m", "izmir_maps", "build", "--out", str(out), "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert second.returncode == 2
    assert "Another izmir-maps build is writing" in second.stderr
    assert 'lang="tr"' in (out / "index.html").read_text(encoding="utf-8")


def test_build_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "index.html").write_text("my own page\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "izmir_maps", "build", "--out", str(out), "--no-static"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert "--replace" in done.stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "my own page\n"
