"""`kg train` gives the same weights whatever OpenBLAS kernel and thread count the machine would pick:
training runs in a child process with a pinned backend (extractors/train_env.py)."""
import json
import os
import subprocess
import sys

import pytest

from conftest import FIXTURES
from extractors.train_env import pinned_kernel, training_env

pytestmark = pytest.mark.skipif(pinned_kernel() is None, reason="this CPU cannot run the pinned kernel")


def _train(out, **env):
    r = subprocess.run([sys.executable, "-m", "kg", "-q", "train", "--corpus", str(FIXTURES / "ner_corpus.txt"),
                        "--output", str(out), "--examples", str(FIXTURES / "ner_examples"), "--max-steps", "60",
                        "--seed", "1"], capture_output=True, text=True, timeout=600, env={**os.environ, **env})
    assert r.returncode == 0, r.stderr
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_weights_do_not_depend_on_the_kernel_or_threads_the_machine_would_pick(tmp_path):
    # unpinned, these two settings give different weights on this machine (measured: ner/model differs)
    a = _train(tmp_path / "a", OPENBLAS_CORETYPE="Prescott", OPENBLAS_NUM_THREADS="2")
    b = _train(tmp_path / "b", OPENBLAS_CORETYPE="SkylakeX", OPENBLAS_NUM_THREADS="1")
    assert a.keys() == b.keys() and a == b
    meta = json.loads(a["meta.json"])
    assert meta["kg_training"]["openblas_kernel"] == "Haswell"


def test_training_env_pins_the_backend_and_drops_colour_in_pipes(monkeypatch):
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Prescott")
    env = training_env(colour=False)
    assert env["OPENBLAS_CORETYPE"] == "Haswell" and env["OPENBLAS_NUM_THREADS"] == "1"
    assert env["ANSI_COLORS_DISABLED"] == "1" and env["PYTHONHASHSEED"] == "0"
    assert "ANSI_COLORS_DISABLED" not in training_env(colour=True) or os.environ.get("ANSI_COLORS_DISABLED")
