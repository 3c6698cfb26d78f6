"""`kg serve` driven over real HTTP on loopback, and `kg push` into a real Oxigraph server."""
import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import SHARED

from kg import KnowledgeGraph
from kg.cli import cli
from kg.questions import questions
from kg.remote import probe
from kg.serve import make_server

from test_query_safety import RUNAWAY

PROJECTS_Q = "SELECT ?l WHERE { ?p a kg:Project ; rdfs:label ?l } ORDER BY ?l"


@pytest.fixture(scope="module")
def endpoint(sample_build):
    server = make_server(sample_build, "127.0.0.1", 0, timeout=2, limit=1000)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def http(url, data=None, headers=None, method=None):
    """(status, content type, body) of a request."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def get(base, query, accept=None, **params):
    qs = urllib.parse.urlencode({"query": query, **params})
    return http(f"{base}/sparql?{qs}", headers={"Accept": accept} if accept else {})


def test_select_in_every_results_format(endpoint):
    status, ctype, body = get(endpoint, PROJECTS_Q)
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    labels = [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert labels == ["Digitala Västerbotten i samverkan", "FREIA", "MISSE", "VIGO"]
    status, ctype, body = get(endpoint, PROJECTS_Q, "text/csv")
    assert ctype.startswith("text/csv") and [r[0] for r in csv.reader(io.StringIO(body.decode()))] == ["l"] + labels
    status, ctype, body = get(endpoint, PROJECTS_Q, "text/tab-separated-values")
    assert body.decode().splitlines()[1] == '"Digitala Västerbotten i samverkan"@sv'
    status, ctype, body = get(endpoint, PROJECTS_Q, "application/sparql-results+xml")
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [e.text for e in ET.fromstring(body).iter(f"{ns}literal")] == labels
    # POST as a form and as a bare query
    status, _, body = http(f"{endpoint}/sparql", urllib.parse.urlencode({"query": PROJECTS_Q}).encode(),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 4
    status, _, body = http(f"{endpoint}/sparql", PROJECTS_Q.encode(), {"Content-Type": "application/sparql-query",
                                                                       "Accept": "text/csv"})
    assert status == 200 and body.decode().splitlines()[1:] == labels
    status, _, body = get(endpoint, "ASK { ?o kg:leads ?p }")
    assert json.loads(body)["boolean"] is True


@pytest.mark.parametrize("accept, fmt", [("text/turtle", ox.RdfFormat.TURTLE),
                                         ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                                         ("application/ld+json", ox.RdfFormat.JSON_LD)])
def test_construct_by_content_negotiation(endpoint, accept, fmt):
    status, ctype, body = get(endpoint, "CONSTRUCT WHERE { ?o kg:leads ?p }", accept)
    assert status == 200 and ctype.startswith(accept)
    assert len(list(ox.parse(body, format=fmt))) == 5
    assert get(endpoint, "CONSTRUCT WHERE { ?o kg:leads ?p }", "application/sparql-results+json")[0] == 406


def test_updates_are_forbidden(endpoint):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    for data, ctype in ((urllib.parse.urlencode({"update": update}).encode(), "application/x-www-form-urlencoded"),
                        (update.encode(), "application/sparql-update"),
                        (update.encode(), "application/sparql-query")):
        status, _, body = http(f"{endpoint}/sparql", data, {"Content-Type": ctype})
        assert status == 403 and b"read-only" in body
    assert get(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }")[2].count(b"false") == 1


def test_timeout_cuts_a_query_and_the_server_goes_on(endpoint):
    status, _, body = get(endpoint, RUNAWAY)
    assert status == 503 and b"timed out after 2 s" in body
    status, _, body = get(endpoint, PROJECTS_Q)
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 4


def test_service_is_refused_and_errors_are_clear(endpoint):
    status, _, body = get(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE" in body
    status, _, body = get(endpoint, "SELECT * WHERE { ?s nope:p ?o }")
    assert status == 400 and b"syntax error" in body
    assert http(f"{endpoint}/nothing")[0] == 404


def test_named_questions_over_http(endpoint, sample_build):
    status, _, body = http(f"{endpoint}/ask")
    assert status == 200 and set(json.loads(body)) == set(questions())
    status, _, body = http(f"{endpoint}/ask/participants?project=FREIA", headers={"Accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert rows == KnowledgeGraph.open(sample_build).ask("participants", project="FREIA").records()
    assert http(f"{endpoint}/ask/participants?projekt=FREIA")[0] == 400


def test_allowed_service_reaches_the_named_host(endpoint, sample_build):
    """--allow-service 127.0.0.1 lets a query federate with an endpoint on that host (here: kg serve)."""
    q = f"SELECT ?l WHERE {{ SERVICE <{endpoint}/sparql> {{ ?p a kg:Project ; rdfs:label ?l }} }} ORDER BY ?l"
    r = CliRunner().invoke(cli, ["query", q, "--graph", str(sample_build), "--format", "json"])
    assert r.exit_code == 1 and "not allowed" in r.output
    r = CliRunner().invoke(cli, ["query", q, "--graph", str(sample_build), "--format", "json",
                                 "--allow-service", "127.0.0.1"])
    assert r.exit_code == 0, r.output
    assert [x["l"] for x in json.loads(r.output)] == ["Digitala Västerbotten i samverkan", "FREIA", "MISSE", "VIGO"]


# ---------------------------------------------------------------- push to the Oxigraph server

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    exe = shutil.which("oxigraph") or shutil.which("oxigraph", path=os.path.dirname(sys.executable))
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("the oxigraph server (PyPI package oxigraph) is not installed")
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path_factory.mktemp("ox")), "--bind",
                             f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while not probe(f"{base}/query", timeout=1):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the oxigraph server did not start")
        time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def pushed_build(sample_build, tmp_path_factory):
    """The corpus graph when ../shared/corpus is there, else the sample's."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        return sample_build
    out = tmp_path_factory.mktemp("corpus") / "corpus"
    r = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(out)])
    assert r.exit_code == 0, r.output
    return out


def count(base, graph):
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    body = http(f"{base}/query?" + urllib.parse.urlencode({"query": q}),
                headers={"Accept": "application/sparql-results+json"})[2]
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_push_then_ask_remote_equals_local(oxigraph_server, pushed_build):
    local = KnowledgeGraph.open(pushed_build)
    for _ in range(2):  # a second push replaces the graph, it does not add a copy
        r = CliRunner().invoke(cli, ["push", f"{oxigraph_server}/store", "--graph", str(pushed_build)])
        assert r.exit_code == 0, r.output
    graph = r.output.split("<", 1)[1].split(">", 1)[0]
    assert count(oxigraph_server, graph) == len(local)
    # every named question, with the example values of its help, gives the same rows there as here
    asked = 0
    for name, q in questions().items():
        params = {p.name: p.example for p in q.params if p.example}
        args = [x for k, v in params.items() for x in ("-p", f"{k}={v}")]
        here = CliRunner().invoke(cli, ["ask", name, *args, "--graph", str(pushed_build), "--format", "json"])
        there = CliRunner().invoke(cli, ["ask", name, *args, "--graph", str(pushed_build), "--format", "json",
                                         "--endpoint", f"{oxigraph_server}/query"])
        assert here.exit_code == 0 and there.exit_code == 0, there.output
        assert json.loads(there.output) == json.loads(here.output), name
        asked += bool(json.loads(here.output))
    assert asked >= 4  # most examples find something, so the comparison is not of empty answers
    r = CliRunner().invoke(cli, ["query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "--endpoint",
                                 f"{oxigraph_server}/query"])
    assert r.exit_code == 1 and "read-only" in r.output


def test_build_push_and_a_rebuild_replaces_the_graph(oxigraph_server, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Region Västerbotten leder projektet FREIA.\n", encoding="utf-8")
    url = f"{oxigraph_server}/store"
    r = CliRunner().invoke(cli, ["build", str(report), "--out", str(tmp_path / "b"), "--push", url])
    assert r.exit_code == 0, r.output
    graph = r.output.split("graph <", 1)[1].split(">", 1)[0]
    first = count(oxigraph_server, graph)
    assert first == len(KnowledgeGraph.open(tmp_path / "b"))
    report.write_text("Region Västerbotten leder projektet FREIA. Umeå kommun deltar i FREIA.\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["build", str(report), "--out", str(tmp_path / "b"), "--push", url])
    assert r.exit_code == 0, r.output
    assert count(oxigraph_server, graph) == len(KnowledgeGraph.open(tmp_path / "b")) > first


def test_server_answers_from_the_current_build_after_a_rebuild(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Region Västerbotten leder projektet FREIA.\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["build", str(report), "--out", str(tmp_path / "b")]).exit_code == 0
    server = make_server(tmp_path / "b", "127.0.0.1", 0, timeout=30)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert json.loads(get(base, PROJECTS_Q)[2])["results"]["bindings"][0]["l"]["value"] == "FREIA"
        report.write_text("Region Västerbotten leder projektet VIGO.\n", encoding="utf-8")
        assert CliRunner().invoke(cli, ["build", str(report), "--out", str(tmp_path / "b")]).exit_code == 0
        status, _, body = get(base, PROJECTS_Q)
        assert status == 200 and [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["VIGO"]
    finally:
        server.shutdown()
        server.server_close()
