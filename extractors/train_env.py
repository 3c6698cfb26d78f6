"""Training that gives the same weights on any x86-64 CPU with AVX2: ``spacy train`` in a child
process whose numeric backend is pinned before numpy loads.

numpy's OpenBLAS picks a kernel per CPU (Haswell, SkylakeX, Zen, ...) and a thread count per core
count; different kernels and thread splits sum in different orders, and the trained weights differ
in their last bits (then everywhere). The child runs with one OpenBLAS kernel (Haswell: every
x86-64 CPU with AVX2 and FMA, Intel since 2013, AMD since Zen) and one thread of everything.
On other CPUs (no AVX2, ARM) the kernel is not pinned and the model is only reproducible on a CPU
of the same kind; ``kg train`` then says so.
"""
from __future__ import annotations

import logging
import os
import platform
import subprocess
import sys
from collections import deque
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)

KERNEL = "Haswell"
ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def cpu_flags() -> set[str]:
    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    return {f for line in info.splitlines() if line.startswith("flags") for f in line.split(":", 1)[1].split()}


def pinned_kernel() -> str | None:
    """The OpenBLAS kernel training pins, or None where this CPU cannot run it."""
    if platform.machine().lower() in ("x86_64", "amd64") and {"avx2", "fma"} <= cpu_flags():
        return KERNEL
    return None


def training_env(colour: bool) -> dict[str, str]:
    """The child's environment: pinned kernel, one thread, fixed hashing, colours only for a terminal."""
    env = {**os.environ, "PYTHONHASHSEED": "0", **{k: "1" for k in ONE_THREAD}}
    kernel = pinned_kernel()
    if kernel:
        env["OPENBLAS_CORETYPE"] = kernel
    else:
        env.pop("OPENBLAS_CORETYPE", None)
        log.warning("this CPU cannot run the pinned OpenBLAS kernel %s: the trained weights are only "
                    "reproducible on a CPU of the same kind", KERNEL)
    if not colour:
        env["ANSI_COLORS_DISABLED"] = "1"
        env["WASABI_LOG_FRIENDLY"] = "1"
    return env


def spacy_train(config: Path, output: Path, overrides: dict, hide: str,
                echo: Callable[[str], None] | None = None) -> None:
    """``python -m spacy train`` in the pinned environment; its output lines go to ``echo`` (progress),
    except those naming ``hide`` (the temporary folder, gone when training ends)."""
    args = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(output), "--gpu-id", "-1"]
    for key, value in overrides.items():
        args += [f"--{key}", str(value)]
    colour = echo is not None and sys.stderr.isatty()
    tail: deque[str] = deque(maxlen=20)
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          env=training_env(colour)) as proc:
        for line in proc.stdout:
            line = line.rstrip("\n")
            tail.append(line)
            if echo is not None and hide not in line:
                echo(line)
    if proc.returncode != 0:
        last = next((s for s in reversed(tail) if s.strip()), "")
        raise RuntimeError(f"spacy train failed (exit {proc.returncode}): {last.replace(hide, '<tmp>')}")
