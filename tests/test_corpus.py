"""The graph of the real reports in ../shared/corpus (skipped when that folder is absent)."""
import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import SHARED
from rdflib import Graph

from kg.cli import cli

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir() or not any(CORPUS.glob("*.txt")),
                                reason="../shared/corpus is not available")

FREIA_Q = """SELECT DISTINCT ?label WHERE {
  ?p a kg:Project ; rdfs:label|skos:altLabel "FREIA"@sv .
  ?org kg:participatesIn ?p ; rdfs:label ?label .
} ORDER BY ?label"""


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus-build")
    r = run("build", CORPUS, "--out", out)
    assert r.exit_code == 0, r.output
    return out


def test_turtle_parses_back_the_same_with_rdflib_and_oxigraph(corpus_build):
    ttl = corpus_build / "graph.ttl"
    g = Graph().parse(ttl, format="turtle")
    store = ox.Store()
    store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    manifest = json.loads((corpus_build / "manifest.json").read_text(encoding="utf-8"))
    assert len(g) == len(store) == manifest["triples"] > 1000


def test_stats_show_all_four_types(corpus_build):
    s = json.loads(run("stats", "--graph", corpus_build, "--format", "json").output)
    assert all(s["classes"][t] > 0 for t in ("Organisation", "Project", "Strategy", "FundingSource"))
    assert len(s["documents"]) == len(list(CORPUS.glob("*.txt")))
    assert s["classes"]["Mention"] >= s["entities"]


def test_corpus_graph_conforms_to_the_shapes(corpus_build):
    r = run("validate", "--graph", corpus_build)
    assert r.exit_code == 0, r.output


def test_freia_is_found_by_label_or_alias(corpus_build):
    r = run("query", 'SELECT ?p WHERE { ?p a kg:Project ; rdfs:label|skos:altLabel "FREIA"@sv }',
            "--graph", corpus_build, "--format", "json")
    assert len(json.loads(r.output)) == 1
    r = run("query", FREIA_Q, "--graph", corpus_build, "--format", "json")
    assert r.exit_code == 0, r.output
    labels = [row["label"] for row in json.loads(r.output)]
    orgs = {row["l"] for row in json.loads(run(
        "query", "SELECT ?l WHERE { ?o a kg:Organisation ; rdfs:label ?l }", "--graph", corpus_build,
        "--format", "json").output)}
    assert set(labels) <= orgs
