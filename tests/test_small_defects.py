"""Small defects a new user hit: output folders, -q, one-line usage errors, prefixed names in tables,
the default training corpus of an installed kg, a wheel without setuptools warnings, git-ignored outputs."""
import shutil
import subprocess
import sys
import zipfile

import click
import pytest
from click.testing import CliRunner

from conftest import REPO
from kg.cli import cli, default_corpus


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("command", [["export", "--format", "nt", "-o"], ["export", "--format", "graphml", "-o"],
                                     ["export", "--format", "csv", "-o"], ["viz", "-o"]])
def test_an_output_in_a_missing_folder_is_an_error_not_a_new_folder(sample_build, tmp_path, command):
    target = tmp_path / "missing" / "deeper" / "out.x"
    r = kg(*command, target, "--graph", sample_build)
    assert r.returncode == 1 and r.stderr == f"Error: no such folder: {target.parent} (create it first)\n"
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("args", [["-q", "build"], ["build", "-q"], ["build", "--quiet"]])
def test_quiet_before_or_after_the_command(tmp_path, args):
    r = kg(*args, "--out", tmp_path / "b")
    assert r.returncode == 0 and r.stdout == "" and r.stderr == ""
    assert (tmp_path / "b" / "manifest.json").exists()


def test_without_quiet_build_summarises(tmp_path):
    r = kg("build", "--out", tmp_path / "b")
    assert r.returncode == 0 and r.stdout.startswith(f"built {tmp_path / 'b'}/: 1 document(s)")


@pytest.mark.parametrize("args,says", [
    (["build", "--bogus"], "No such option '--bogus'"),
    (["nope"], "No such command 'nope'"),
    (["query"], "give a SPARQL query"),
    (["build", "--jobs", "0"], "Invalid value for '--jobs'"),
])
def test_usage_errors_are_one_line_exit_2(args, says):
    r = kg(*args)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and says in r.stderr, r.stderr
    assert r.stderr.startswith("Error: ") and "--help" in r.stderr


def test_query_tables_show_prefixed_names_csv_full_iris(sample_build):
    q = "SELECT ?p ?t WHERE { ?p a ?t ; rdfs:label 'FREIA'@sv }"
    table = CliRunner().invoke(cli, ["query", q, "--graph", str(sample_build)]).output
    assert "id:project/freia" in table and "kg:Project" in table and "https://" not in table
    csv = CliRunner().invoke(cli, ["query", q, "--graph", str(sample_build), "--format", "csv"]).output
    assert "https://w3id.org/regional-kg/id/project/freia" in csv


def test_train_default_corpus_outside_a_checkout_asks_for_corpus(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_SHARED", raising=False)
    installed = tmp_path / "lib" / "python3.11" / "site-packages" / "kg" / "cli.py"
    with pytest.raises(click.UsageError, match="give --corpus"):
        default_corpus(installed)
    (tmp_path / "shared" / "corpus").mkdir(parents=True)
    monkeypatch.setenv("KG_SHARED", str(tmp_path / "shared"))
    assert default_corpus(installed) == tmp_path / "shared" / "corpus"
    monkeypatch.delenv("KG_SHARED")
    assert default_corpus(REPO / "kg" / "cli.py") == REPO.parent / "shared" / "corpus" or \
        not (REPO.parent / "shared" / "corpus").is_dir()


def test_wheel_builds_without_warnings_and_holds_the_training_examples(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(tmp_path), str(REPO)], capture_output=True, text=True, timeout=300,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Warning" not in r.stderr and "deprecated" not in r.stderr, r.stderr
    (wheel,) = tmp_path.glob("kg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("extractors/training", "extractors/layouts", "extractors/model/ner", "extractors/patterns",
                   "extractors/gazetteers", "kg/data", "ontology"):
        shipped = {str(p.relative_to(REPO)) for p in (REPO / folder).iterdir()
                   if p.is_file() and p.suffix not in (".py", ".pyc")}
        assert shipped and shipped <= names, folder


@pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(), reason="needs a git checkout")
def test_readme_example_outputs_are_ignored():
    r = subprocess.run(["git", "check-ignore", "graph.html", "graph.ttl", "pred.json"], cwd=REPO,
                       capture_output=True, text=True)
    assert r.stdout.split() == ["graph.html", "graph.ttl", "pred.json"]
