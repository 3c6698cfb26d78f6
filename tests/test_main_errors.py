"""The installed `kg` command: one line on stderr and a non-zero exit for bad input."""
import subprocess
import sys


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True)


def test_missing_path_one_line(tmp_path):
    r = kg("extract", tmp_path / "missing.txt")
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and "no such file" in r.stderr


def test_empty_file_one_line(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    r = kg("build", f, "--out", tmp_path / "out")
    assert r.returncode == 1 and "empty document" in r.stderr and "Traceback" not in r.stderr


def test_query_without_build(tmp_path):
    r = kg("query", "SELECT * WHERE { ?s ?p ?o }", "--graph", tmp_path / "nothing")
    assert r.returncode == 1 and "kg build" in r.stderr


def test_bad_sparql(sample_build):
    r = kg("query", "SELEKT nonsense", "--graph", sample_build)
    assert r.returncode == 1 and "SPARQL syntax error" in r.stderr
