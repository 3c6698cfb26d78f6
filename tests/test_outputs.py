"""Outputs of a built graph: SPARQL (query), export formats, the network page, stats."""
import csv
import io
import json
import subprocess
import sys

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.cli import cli

FREIA_Q = """SELECT DISTINCT ?label WHERE {
  ?p a kg:Project ; rdfs:label|skos:altLabel "FREIA"@sv .
  ?org kg:participatesIn ?p ; rdfs:label ?label .
} ORDER BY ?label"""
MUST = {"Region Västerbotten", "Länsstyrelsen Västerbotten"}  # the acceptance


def run(*args):
    r = CliRunner().invoke(cli, [str(a) for a in args])
    return r


# ---------------------------------------------------------------- query

def test_query_formats_agree(sample_build):
    outputs = {fmt: run("query", FREIA_Q, "--graph", sample_build, "--format", fmt) for fmt in ("table", "csv", "json")}
    assert all(r.exit_code == 0 for r in outputs.values()), {k: r.output for k, r in outputs.items()}
    labels = [row["label"] for row in json.loads(outputs["json"].output)]
    assert MUST <= set(labels) and labels == sorted(labels)
    assert list(csv.reader(io.StringIO(outputs["csv"].output))) == [["label"]] + [[x] for x in labels]
    lines = outputs["table"].output.splitlines()
    assert lines[0].strip() == "label" and set(lines[1]) == {"-"}
    assert [ln.strip() for ln in lines[2:-1]] == labels and lines[-1] == f"({len(labels)} rows)"


def test_query_from_file_and_unbound_values(sample_build, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("SELECT ?p ?missing WHERE { ?p a kg:Project OPTIONAL { ?p kg:nothing ?missing } } ORDER BY ?p",
                 encoding="utf-8")
    r = run("query", "-f", q, "--graph", sample_build, "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert len(rows) >= 3 and all(row["missing"] is None for row in rows)
    r = run("query", "-f", q, "--graph", sample_build, "--format", "csv")
    assert r.output.splitlines()[1].endswith(",")


def test_query_ask_construct_and_own_prefixes(sample_build):
    r = run("query", "PREFIX kg: <https://w3id.org/regional-kg/ontology#> ASK { ?o kg:leads ?p }",
            "--graph", sample_build, "--format", "json")
    assert json.loads(r.output) == [{"ask": "true"}]
    r = run("query", "CONSTRUCT { ?o kg:leads ?p } WHERE { ?o kg:leads ?p }", "--graph", sample_build,
            "--format", "csv")
    rows = list(csv.reader(io.StringIO(r.output)))
    assert rows[0] == ["subject", "predicate", "object"] and len(rows) > 1


def test_query_errors_are_one_line(sample_build):
    r = subprocess.run([sys.executable, "-m", "kg", "query", "SELECT ?x WHERE { ?x nope:p ?y }",
                        "--graph", str(sample_build)], capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "SPARQL syntax error" in r.stderr
    r = subprocess.run([sys.executable, "-m", "kg", "query", "--graph", str(sample_build)],
                       capture_output=True, text=True)
    assert r.returncode == 2


def test_query_on_a_broken_graph_file(tmp_path):
    (tmp_path / "graph.ttl").write_text("this is not turtle .", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kg", "query", "SELECT * WHERE { ?s ?p ?o }",
                        "--graph", str(tmp_path / "graph.ttl")], capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "cannot load graph" in r.stderr
    # a build folder without a store (an older kg's) is never re-parsed: the error says what to do
    r = subprocess.run([sys.executable, "-m", "kg", "query", "SELECT * WHERE { ?s ?p ?o }",
                        "--graph", str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "has no store/" in r.stderr and "kg build" in r.stderr


# ---------------------------------------------------------------- export

OX_FORMAT = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
             "trig": ox.RdfFormat.TRIG}
RDFLIB_FORMAT = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own JSON-LD/TriG parsers use old APIs
@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "trig"])
def test_export_formats_parse_back_to_the_same_triples(sample_build, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    r = run("export", "--graph", sample_build, "--format", fmt, "-o", out)
    assert r.exit_code == 0, r.output
    ds = Dataset()
    ds.parse(out, format=RDFLIB_FORMAT[fmt])
    n_ox = sum(1 for _ in ox.parse(path=str(out), format=OX_FORMAT[fmt]))
    n_built = len(Graph().parse(sample_build / "graph.ttl", format="turtle"))
    assert len(ds) == n_ox == n_built > 100


def test_export_with_ontology_adds_its_triples(sample_build):
    plain = run("export", "--graph", sample_build, "--format", "nt").output
    full = run("export", "--graph", sample_build, "--format", "nt", "--with-ontology").output
    assert "<http://www.w3.org/ns/org#Organization>" in full and "<http://www.w3.org/ns/org#Organization>" not in plain
    assert len(full.splitlines()) > len(plain.splitlines())
    # with the ontology's blank nodes (owl:unionOf lists) too, both parsers agree on the count
    ttl = run("export", "--graph", sample_build, "--format", "turtle", "--with-ontology").output.encode("utf-8")
    assert len(Graph().parse(data=ttl, format="turtle")) == sum(1 for _ in ox.parse(ttl, format=ox.RdfFormat.TURTLE)) \
        == len(full.splitlines())


# ---------------------------------------------------------------- stats

def test_stats_counts(sample_build):
    r = run("stats", "--graph", sample_build, "--format", "json")
    assert r.exit_code == 0, r.output
    s = json.loads(r.output)
    g = Graph().parse(sample_build / "graph.ttl", format="turtle")
    assert s["triples"] == len(g)
    assert set(s["predicates"]) == {"participatesIn", "leads", "fundedBy", "implements", "responsibleFor",
                                    "manages", "partOf", "collaboratesWith"}
    for cls in ("Organisation", "Project", "Strategy", "FundingSource", "Document", "Mention", "Evidence"):
        q = f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a kg:{cls} }}"
        n = json.loads(run("query", q, "--graph", sample_build, "--format", "json").output)[0]["n"]
        assert s["classes"][cls] == int(n)
    assert s["entities"] == sum(s["classes"][t] for t in ("Organisation", "Project", "Strategy", "FundingSource"))
    top = s["top_actors"][0]
    assert top["name"] == "Region Västerbotten" and top["projects"] >= 2 and top["partners"] >= 2
    assert [d["name"] for d in s["documents"]] == ["sample_report.txt"]
    text = run("stats", "--graph", sample_build).output
    assert "top actors" in text and "Region Västerbotten" in text
    one = json.loads(run("stats", "--graph", sample_build, "--format", "json", "--top", "1").output)
    assert one["top_actors"] == s["top_actors"][:1]
    assert run("stats", "--graph", sample_build, "--top", "-1").exit_code == 2
