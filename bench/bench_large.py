#!/usr/bin/env python3
"""Time and peak memory of `kg build` on one large text file, against a 5 MB file in the same run.

Usage: python bench/bench_large.py [--sizes 5 50] [--jobs 1] [--source DIR_OR_FILE] [--keep DIR]

The large file is made by repeating report text to the size asked (megabytes of UTF-8): the
reports of ../shared/corpus when present (written to a temporary folder, never into the
repository), else kg's bundled sample report. Each size is built by a fresh `kg build` process;
its peak resident memory comes from the kernel's accounting of that child (wait4). The last
line is the one to quote:

  bench-large: 5 MB t1 s peak1 MB | 50 MB t2 s peak2 MB | time x(t2/t1) memory x(p2/p1)
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "corpus"


def source_texts(source: Path) -> list[str]:
    files = sorted(source.glob("*.txt")) if source.is_dir() else [source]
    texts = [f.read_text(encoding="utf-8") for f in files]
    return texts or [(REPO / "kg" / "data" / "sample_report.txt").read_text(encoding="utf-8")]


def make_file(path: Path, texts: list[str], megabytes: float) -> Path:
    """``megabytes`` of UTF-8 made of ``texts`` one after another, cut at a line end."""
    size, parts, n, i = int(megabytes * 1_000_000), [], 0, 0
    while n < size:
        t = texts[i % len(texts)] + "\n\n"
        parts.append(t)
        n += len(t.encode("utf-8"))
        i += 1
    data = "".join(parts).encode("utf-8")[:size]
    path.write_bytes(data[:data.rfind(b"\n") + 1])
    return path


def run_build(kg: list[str], text: Path, out: Path, jobs: int) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one `kg build` child."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([*kg, "-q", "build", str(text), "--out", str(out), "--jobs", str(jobs)])
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"kg build failed on {text} (exit {proc.returncode})")
    return wall, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[5, 50], help="megabytes; the first is the baseline")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--keep", type=Path, default=None, help="folder for the text files and builds (default: temporary)")
    a = ap.parse_args(argv)
    kg = [sys.executable, "-m", "kg"]
    texts = source_texts(a.source)
    with tempfile.TemporaryDirectory(prefix="bench-large-") as tmp:
        work = a.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        rows = []
        for mb in a.sizes:
            f = make_file(work / f"large_{mb:g}MB.txt", texts, mb)
            wall, peak = run_build(kg, f, work / f"build_{mb:g}MB", a.jobs)
            print(f"{mb:g} MB: {wall:.1f} s, peak {peak:.0f} MB (jobs={a.jobs})", flush=True)
            rows.append((mb, wall, peak))
    (mb0, t0, p0), *rest = rows
    line = " | ".join(f"{mb:g} MB {t:.1f} s {p:.0f} MB" for mb, t, p in rows)
    ratios = " | ".join(f"{mb:g}/{mb0:g} MB: time x{t / t0:.2f} memory x{p / p0:.2f}" for mb, t, p in rest)
    print(f"bench-large: {line} | {ratios}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
