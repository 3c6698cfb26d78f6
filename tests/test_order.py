"""Outputs do not depend on the order (or the names) inputs come in, nor on the run: manifest
documents sorted, one document under two names recorded with both paths, exports byte-stable."""
import json
import os
import shutil
import subprocess
import sys

import pytest
from rdflib import Dataset

from kg.build import build
from kg.export import GRAPH_NAME

from test_build import snapshot
from test_inputs import REPORT

OTHER = REPORT.replace("FREIA", "MISSE").replace("Umeå universitet", "Luleå tekniska universitet")


def test_manifest_and_graph_are_the_same_whatever_the_input_order_and_names(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "z.txt").write_text(REPORT, encoding="utf-8")
    (a / "y.txt").write_text(OTHER, encoding="utf-8")
    (b / "c.txt").write_text(REPORT, encoding="utf-8")  # the same bytes as a/z.txt under another name
    outs = []
    for i, order in enumerate(([a / "z.txt", a / "y.txt", b / "c.txt"], [b / "c.txt", a / "y.txt", a / "z.txt"])):
        out = tmp_path / f"out{i}"
        build(order, out)
        outs.append(out)
    first, second = (snapshot(o)[0] for o in outs)
    assert first == second and {"graph.ttl", "kg.sqlite", "manifest.json"} <= set(first)
    docs = json.loads(first["manifest.json"])["documents"]
    assert [d["id"] for d in docs] == sorted(d["id"] for d in docs) and len(docs) == 2
    twin = next(d for d in docs if len(d["paths"]) == 2)
    assert twin["name"] == "c.txt" and twin["paths"] == sorted([str(b / "c.txt"), str(a / "z.txt")])


def _export(graph, fmt, seed):
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    r = subprocess.run([sys.executable, "-m", "kg", "export", "--graph", str(graph), "--format", fmt,
                        "--with-ontology"], capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize("fmt", ["nt", "jsonld", "trig", "turtle"])
def test_exports_are_byte_identical_across_runs(sample_build, fmt):
    assert _export(sample_build, fmt, 1) == _export(sample_build, fmt, 2)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_trig_puts_the_graph_in_a_fixed_named_graph(sample_build):
    ds = Dataset()
    ds.parse(data=_export(sample_build, "trig", 0), format="trig")
    named = [g for g in ds.graphs() if len(g)]
    assert [g.identifier for g in named] == [GRAPH_NAME]


def test_nt_lines_are_sorted(sample_build):
    lines = _export(sample_build, "nt", 3).splitlines()
    assert lines == sorted(lines) and len(lines) > 100


def test_build_outputs_are_byte_identical_across_processes(tmp_path):
    """Two `kg build` processes (different hash seeds: Python's set order differs) write the same bytes."""
    digests = []
    for seed in (1, 2):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        r = subprocess.run([sys.executable, "-m", "kg", "-q", "build", "--out", str(out)], capture_output=True,
                           env=env, timeout=300)
        assert r.returncode == 0, r.stderr
        digests.append({name: (out / name).read_bytes() for name in ("graph.ttl", "kg.sqlite", "manifest.json")})
    assert digests[0] == digests[1]
