"""Safe querying: read-only, no SERVICE unless allowed, timeout, limit, the store instead of Turtle."""
import json
import shutil
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.sparql_guard import QueryRefused, check_query, query_form

# four-fold cartesian product of the sample's triples: ~10^11 solutions, never finishes
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def kg(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True, **kw)


@pytest.mark.parametrize("text, allowed, refused", [
    ("SELECT * WHERE { ?s ?p ?o }", set(), None),
    ("SELECT * WHERE { # SERVICE <http://evil.example/>\n ?s ?p ?o }", set(), None),
    ('SELECT * WHERE { ?s ?p "SERVICE <http://evil.example/> { }" }', set(), None),
    ("SELECT * WHERE { ?s kg:SERVICE ?service }", set(), None),
    ("SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }", set(), "host evil.example"),
    ("SELECT * WHERE { SERVICE # a comment between\n <http://evil.example/> { ?s ?p ?o } }", set(), "evil.example"),
    ("SELECT * WHERE { service silent <http://evil.example/> { ?s ?p ?o } }", set(), "evil.example"),
    ("SELECT * WHERE { \\u0053ERVICE <http://evil.example/> { ?s ?p ?o } }", set(), "evil.example"),
    ("PREFIX e: <http://evil.example/>\nSELECT * WHERE { SERVICE e:sparql { ?s ?p ?o } }", set(), "evil.example"),
    ("SELECT * WHERE { SERVICE ?where { ?s ?p ?o } }", {"evil.example"}, "variable endpoint"),
    ("SELECT * WHERE { { SELECT * WHERE { SERVICE <http://evil.example/> { ?s ?p ?o } } } }", set(), "evil.example"),
    ("SELECT * WHERE { SERVICE <http://LocalHost:8000/sparql> { ?s ?p ?o } }", {"localhost"}, None),
    ("SELECT * WHERE { SERVICE <http://localhost/> { ?s ?p ?o } SERVICE <http://evil.example/> {} }",
     {"localhost"}, "evil.example"),
    ("SELECT * WHERE { SERVICE <http://evil.example/> { ?s ?p ?o }", set(), "cannot be checked"),  # unparsable
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", set(), "read-only"),
    ("PREFIX x: <urn:x#> # SELECT in a comment\nDELETE WHERE { ?s ?p ?o }", set(), "read-only"),
    ("LOAD <http://evil.example/data.ttl>", set(), "read-only"),
])
def test_guard(text, allowed, refused):
    if refused is None:
        check_query(text, allowed)
    else:
        with pytest.raises(QueryRefused, match=refused):
            check_query(text, allowed)


def test_query_form_skips_prologue_comments_and_strings():
    assert query_form('PREFIX a: <urn:select#>\n# INSERT\nBASE <urn:x>\nask { ?s ?p "DELETE" }') == "ASK"
    assert query_form("CONSTRUCT WHERE { ?s ?p ?o }") == "CONSTRUCT"
    assert query_form("nonsense") is None


def test_updates_and_service_are_refused_by_the_cli(sample_build):
    r = kg("query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "--graph", sample_build)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "updates are not allowed" in r.stderr
    r = kg("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "--graph", sample_build)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "--allow-service" in r.stderr


def test_timeout_stops_a_runaway_query_with_one_line(sample_build):
    start = time.monotonic()
    r = kg("query", RUNAWAY, "--graph", sample_build, "--timeout", "1", timeout=60)
    assert time.monotonic() - start < 30  # (not a speed test: the query alone would run for hours)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "timed out after 1 s" in r.stderr


def test_ctrl_c_stops_a_running_query(sample_build):
    proc = subprocess.Popen([sys.executable, "-m", "kg", "query", RUNAWAY, "--graph", str(sample_build),
                             "--timeout", "0"], stderr=subprocess.PIPE, text=True)
    time.sleep(2)  # running the query by now
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("kg query ignored Ctrl-C")
    assert proc.returncode == 130 and err.strip() == "aborted"


def test_limit_cuts_the_results_and_says_so(sample_build):
    q = "SELECT ?l WHERE { ?p a kg:Project ; rdfs:label ?l } ORDER BY ?l"
    everything = json.loads(run("query", q, "--graph", sample_build, "--format", "json").output)
    assert len(everything) == 4
    r = kg("query", q, "--graph", sample_build, "--format", "json", "--limit", "2")
    assert r.returncode == 0 and json.loads(r.stdout) == everything[:2]
    assert "stopped at --limit 2" in r.stderr


def test_derived_prefix_is_predefined_as_in_the_graph(sample_build):
    r = run("query", "SELECT (COUNT(?c) AS ?n) WHERE { ?c a kg:CoParticipation FILTER(STRSTARTS(STR(?c), STR(derived:))) }",
            "--graph", sample_build, "--format", "json")
    assert r.exit_code == 0, r.output
    assert int(json.loads(r.output)[0]["n"]) > 0


def test_readers_use_the_store_not_the_turtle(sample_build, tmp_path):
    """With graph.ttl gone, query, stats, export, validate and viz still work: they read store/."""
    build = tmp_path / "b"
    shutil.copytree(sample_build, build)
    expected = json.loads(run("stats", "--graph", sample_build, "--format", "json").output)
    (build / "graph.ttl").unlink()
    assert json.loads(run("stats", "--graph", build, "--format", "json").output) == expected
    assert run("validate", "--graph", build).exit_code == 0
    assert run("viz", "--graph", build, "-o", tmp_path / "g.html").exit_code == 0
    nt = run("export", "--graph", build, "--format", "nt")
    assert nt.exit_code == 0 and nt.output.count("\n") == expected["triples"]
    r = run("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", build, "--format", "json")
    assert int(json.loads(r.output)[0]["n"]) > expected["triples"]  # the data and the ontology


def test_query_formats_of_sparql_results(sample_build):
    r = run("query", "SELECT ?l WHERE { ?p a kg:Project ; rdfs:label ?l } ORDER BY ?l", "--graph", sample_build,
            "--format", "sparql-json")
    data = json.loads(r.output)
    assert data["head"]["vars"] == ["l"] and data["results"]["bindings"][0]["l"]["xml:lang"] == "sv"
    r = run("query", "CONSTRUCT WHERE { ?o kg:leads ?p }", "--graph", sample_build, "--format", "nt")
    assert r.exit_code == 0 and all(line.endswith(" .") for line in r.output.splitlines())
    r = run("query", "ASK { ?o kg:leads ?p }", "--graph", sample_build, "--format", "nt")
    assert r.exit_code == 2 and "does not fit" in r.output
