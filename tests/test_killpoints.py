"""Fault test: `kg build` killed at many points (SIGINT, SIGTERM, SIGKILL; --jobs 1 and 2).

After each kill the build folder is the old build or the new one, complete and loadable (graph.ttl,
kg.sqlite and manifest.json all of one build, byte for byte), and no worker is left running; after
the next build no temporary file, journal or stale version remains. Kill points are spread over the
whole build and packed into the writing phase (from the moment the new version directory appears).
KG_KILLPOINTS=N sets how many points of each kind per signal and --jobs (default 1; the closing
note's run used more); the outcomes are printed (-s) as one summary line.
"""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from procs import alive, children, wait_for
from test_inputs import REPORT

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

POINTS = int(os.environ.get("KG_KILLPOINTS", "1"))
FILES = ("graph.ttl", "kg.sqlite", "manifest.json")
OUTCOMES: Counter = Counter()


def _cmd(src, out, jobs):
    return [sys.executable, "-m", "kg", "-q", "build", str(src), "--out", str(out), "--jobs", str(jobs)]


def _state(out: Path) -> dict:
    """The folder's files as a reader sees them; the store by its content (what a reader gets from it)."""
    state = {name: (out / name).read_bytes() for name in FILES if (out / name).exists()}
    if "kg.sqlite" in state:
        con = sqlite3.connect(f"file:{out / 'kg.sqlite'}?mode=ro", uri=True)
        try:
            state["kg.sqlite"] = "\n".join(sorted(con.iterdump()))
        finally:
            con.close()
    return state


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Two inputs and the bytes of a complete build of each (the only states a folder may be in)."""
    base = tmp_path_factory.mktemp("killpoints")
    srcs = {"a": base / "a.txt", "b": base / "b.txt"}
    srcs["a"].write_text(REPORT, encoding="utf-8")
    srcs["b"].write_text(REPORT.replace("FREIA", "MISSE") * 3, encoding="utf-8")
    refs = {}
    for k, src in srcs.items():
        subprocess.run(_cmd(src, base / f"ref_{k}", 1), check=True, timeout=300)
        refs[k] = _state(base / f"ref_{k}")
    assert refs["a"] != refs["b"] and all(len(r) == 3 for r in refs.values())
    # how long a build runs, and how long its writing phase (new version directory to exit) lasts
    timing = base / "timing"
    shutil.copytree(base / "ref_a", timing, symlinks=True)
    t0 = time.monotonic()
    _, _, write_start = _kill_at(_cmd(srcs["b"], timing, 1), timing, None, 0.0, True)
    total = time.monotonic() - t0
    return srcs, refs, base, total, total - (write_start - t0)


def _check_consistent(out: Path, refs: dict) -> str:
    state = _state(out)
    which = [k for k, ref in refs.items() if state == ref]
    assert which, f"mixed or incomplete build folder: {sorted(state)}"
    n = sum(1 for _ in ox.parse(state["graph.ttl"], format=ox.RdfFormat.TURTLE))
    assert n > 0
    con = sqlite3.connect(f"file:{out / 'kg.sqlite'}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    finally:
        con.close()
    return which[0]


def _kill_at(cmd, out: Path, sig, delay: float, in_write: bool) -> tuple[int, list[int], float]:
    """Run ``cmd``; send ``sig`` (None: none) after ``delay`` s (or, ``in_write``, ``delay`` s after a
    new version directory appears). Returns (exit code, the worker pids seen, when writing began)."""
    before = set(os.listdir(out / ".versions")) if (out / ".versions").is_dir() else set()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    writing = float("nan")
    try:
        start = time.monotonic()
        while proc.poll() is None:
            workers.update(children(proc.pid))
            if in_write:
                now = set(os.listdir(out / ".versions")) if (out / ".versions").is_dir() else set()
                if now - before:
                    writing = time.monotonic()
                    time.sleep(delay)
                    break
            elif time.monotonic() - start >= delay:
                break
            time.sleep(0.001 if in_write else 0.02)
        if proc.poll() is None and sig is not None:
            proc.send_signal(sig)
        code = proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return code, sorted(workers), writing


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["INT", "TERM", "KILL"])
def test_killed_builds_leave_the_old_or_the_new_build(inputs, tmp_path, sig, jobs):
    srcs, refs, base, duration, write_time = inputs
    out = tmp_path / "out"
    shutil.copytree(base / "ref_a", out, symlinks=True)  # the old build
    points = [(duration * (i + 1) / (POINTS + 2), False) for i in range(POINTS)]  # spread over the build
    points += [(write_time * 1.2 * i / POINTS, True) for i in range(POINTS + 1)]  # and over its writing
    for delay, in_write in points:
        current = _check_consistent(out, refs)
        target = "a" if current == "b" else "b"
        code, workers, _ = _kill_at(_cmd(srcs[target], out, jobs), out, sig, delay, in_write)
        after = _check_consistent(out, refs)
        assert after in (current, target)
        assert wait_for(lambda: not any(alive(w) for w in workers), timeout=30), "a worker outlived the build"
        OUTCOMES[(signal.Signals(sig).name, jobs, "old" if after == current else "new",
                  "killed" if code != 0 else "finished")] += 1
    # the next build leaves no temporary file, journal or stale version behind
    subprocess.run(_cmd(srcs["a"], out, jobs), check=True, timeout=300)
    assert _check_consistent(out, refs) == "a"
    names = [p.relative_to(out).as_posix() for p in out.rglob("*")]
    current = os.readlink(out / "current")
    assert sorted(n for n in names if n.startswith(".versions/") and n.count("/") == 1) == [current]
    assert not [n for n in names if n.endswith((".tmp", "-journal", "-wal", "-shm"))], names
    print(f"\nkill points {signal.Signals(sig).name} jobs={jobs}: "
          + ", ".join(f"{k[2]}/{k[3]}: {v}" for k, v in sorted(OUTCOMES.items()) if k[:2] == (signal.Signals(sig).name, jobs)))
