"""`kg build --jobs 2`: killing the parent (SIGKILL, SIGTERM) leaves no worker running."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from procs import alive, children, report_text, wait_for

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


@pytest.fixture(scope="module")
def long_report(tmp_path_factory):
    f = tmp_path_factory.mktemp("long") / "lang.txt"
    f.write_text(report_text(6000), encoding="utf-8")  # about 1.5 MB: a minute of extraction
    return f


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_the_parent(long_report, tmp_path, sig):
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(long_report), "--jobs", "2",
                             "--out", str(tmp_path / "b")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers = []
    try:
        workers = wait_for(lambda: len(children(proc.pid)) >= 2 and children(proc.pid), timeout=120)
        assert workers and len(workers) == 2, "the workers never started"
        proc.send_signal(sig)
        proc.wait(timeout=30)
        assert wait_for(lambda: not any(alive(w) for w in workers), timeout=10), \
            f"workers {[w for w in workers if alive(w)]} outlived the parent"
    finally:
        proc.kill()
        proc.wait()
        for w in workers or ():  # never leave them behind, even when the test fails
            if alive(w):
                os.kill(w, signal.SIGKILL)
    assert not (tmp_path / "b" / "graph.ttl").exists()
