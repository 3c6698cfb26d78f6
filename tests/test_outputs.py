"""Outputs of a built graph: SPARQL (query), export formats, the network page, stats."""
import csv
import io
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.cli import cli
from kg.triplestore import write_store
from kg.viz import page_data

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


# ---------------------------------------------------------------- viz

EVIL = [
    'Projektet </script><script>alert("x")</script> drivs av Region Västerbotten.',
    "Region <img src=x onerror=alert(1)> Västerbotten och Kommun & Co deltar.",
    "Den regionala satsningen Test-</script>-FREIA (</SCRIPT>) leds av Region Västerbotten.",
]


class TagList(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(attrs))))


def tags(page: str) -> list:
    parser = TagList()
    parser.feed(page)
    return parser.tags


def without_libraries(page: str) -> str:
    """The page without the inlined vis-network and pyvis scripts (which contain markup of their own)."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib"
    for f in ("vis-9.1.2/vis-network.min.js", "vis-9.1.2/vis-network.css", "bindings/utils.js"):
        text = (lib / f).read_text(encoding="utf-8")
        assert text in page
        page = page.replace(text, "")
    return page


def run_page(tmp_path) -> str:
    """The page of a harmless one-line build, to compare the structure with."""
    doc = tmp_path / "plain.txt"
    doc.write_text("Region Västerbotten leder projektet FREIA.\n", encoding="utf-8")
    assert run("build", doc, "--out", tmp_path / "plain").exit_code == 0
    assert run("viz", "--graph", tmp_path / "plain", "-o", tmp_path / "plain.html").exit_code == 0
    return (tmp_path / "plain.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def evil_build(tmp_path_factory):
    """A build whose entity names carry markup: aliases and labels taken from hostile text."""
    from extractors.records import DocResult, Entity, Mention
    from kg.build import build_graph, merge_entities
    from kg.ingest import Document

    d = Document("e" * 16, "evil.txt", "/evil.txt", "Evil", None, "\n".join(EVIL))
    ents = [Entity('</script><script>alert("x")</script>', "Project", ['FREIA</script><b>', "A & B 'q'"],
                   [Mention("</script><script>alert(1)</script>", "Project", 1, 0, 0)]),
            Entity("Region <img src=x onerror=alert(1)>", "Organisation", ["Kommun & Co"],
                   [Mention("Region <img src=x onerror=alert(1)>", "Organisation", 2, 0, 0)])]
    from extractors.records import Relation
    rels = [Relation("Region <img src=x onerror=alert(1)>", "leads", '</script><script>alert("x")</script>', 1,
                     "q")]
    res = [DocResult("evil.txt", ents, rels)]
    g = build_graph([d], res, merge_entities([d], res))
    out = tmp_path_factory.mktemp("evil")
    g.serialize(out / "graph.ttl", format="turtle")
    write_store(out / "store", out / "graph.ttl")
    return out


def test_viz_page_cannot_be_injected(evil_build, tmp_path):
    page_file = tmp_path / "g.html"
    r = run("viz", "--graph", evil_build, "-o", page_file)
    assert r.exit_code == 0, r.output
    page = page_file.read_text(encoding="utf-8")
    own = without_libraries(page)
    for bad in ("</script><script>", "<img src=x", "<b>", "</SCRIPT>"):
        assert bad not in own
    # the page has exactly its own elements; none was opened by document text
    clean = without_libraries(run_page(tmp_path))
    assert tags(own) == tags(clean)
    assert not [t for t, _ in tags(own) if t == "img"]
    # the text survives as plain text inside the data: labels and tooltips decode to the original names
    nodes, edges = page_data(page)
    labels = {n["label"] for n in nodes}
    assert labels == {'</script><script>alert("x")</script>', "Region <img src=x onerror=alert(1)>"}
    tip = next(n["title"] for n in nodes if n["shape"] == "diamond")
    assert tip.splitlines() == ['</script><script>alert("x")</script>', "Type: Project (projekt)",
                                "Aliases: A & B 'q', FREIA</script><b>", "Documents: 1"]
    assert [e["label"] for e in edges] == ["leads"]


def test_viz_page_works_offline_and_colours_by_type(sample_build, tmp_path):
    page_file = tmp_path / "g.html"
    assert run("viz", "--graph", sample_build, "-o", page_file).exit_code == 0
    page = page_file.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "vis.Network" in page and "new vis.DataSet" in page
    nodes, _ = page_data(page)
    colours = {n["title"].splitlines()[1].split()[1]: n["color"] for n in nodes}  # "Type: X (...)"
    assert set(colours) == {"Organisation", "Project", "Strategy", "FundingSource"}
    assert len(set(colours.values())) == 4
    assert all(colours[n["title"].splitlines()[1].split()[1]] == n["color"] for n in nodes)
    only = tmp_path / "orgs.html"
    assert run("viz", "--graph", sample_build, "-o", only, "--type", "Organisation").exit_code == 0
    assert {n["color"] for n in page_data(only.read_text(encoding="utf-8"))[0]} == {colours["Organisation"]}


JS_STUBS = """
var shown = null;
var document = { getElementById: function (id) { return {id: id, style: {}, appendChild: function () {}}; },
                 createElement: function () { return {style: {}, addEventListener: function () {}}; } };
var vis = { DataSet: function (items) { this.items = items;
                                       this.get = function () { var o = {}; items.forEach(function (x) { o[x.id] = x; });
                                                                return o; }; },
            Network: function (container, data, options) { shown = [data.nodes.items.length, data.edges.items.length];
                                                           this.on = function () {}; this.once = function () {}; } };
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_viz_page_script_runs(evil_build, tmp_path):
    """The page's own script parses and draws every node, even with hostile names (vis.js stubbed)."""
    page_file = tmp_path / "g.html"
    assert run("viz", "--graph", evil_build, "-o", page_file).exit_code == 0
    page = page_file.read_text(encoding="utf-8")
    last = page.rsplit("<script", 1)[1].split(">", 1)[1].rsplit("</script>", 1)[0]
    js = tmp_path / "page.js"
    js.write_text(JS_STUBS + last + "\nconsole.log(JSON.stringify(shown));\n", encoding="utf-8")
    r = subprocess.run(["node", str(js)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    nodes, edges = page_data(page)
    assert json.loads(r.stdout) == [len(nodes), len(edges)] == [2, 1]


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
