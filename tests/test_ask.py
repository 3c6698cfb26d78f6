"""Named questions (`kg ask`) and the Python façade, on the bundled sample and a hand-made graph."""
import json

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import KnowledgeGraph
from kg.bounded import QueryTimeout
from kg.cli import cli
from kg.errors import KgError
from kg.questions import questions
from kg.triplestore import store_from_rdf

from test_query_safety import RUNAWAY


def ask(*args):
    r = CliRunner().invoke(cli, ["ask", *map(str, args), "--format", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def test_every_question_is_listed_with_its_parameters():
    r = CliRunner().invoke(cli, ["ask", "--list"])
    for name, q in questions().items():
        assert f"{name}: " in r.output
        for p in q.params:
            assert f"-p {p.name}=" in r.output
    assert len(questions()) >= 8


@pytest.mark.parametrize("name, params, expected", [
    # FREIA: Umeå universitet takes part, Region and Länsstyrelsen Västerbotten own it
    ("participants", ["project=FREIA"], {("Umeå universitet", "participates"), ("Region Västerbotten", "leads"),
                                         ("Länsstyrelsen Västerbotten", "leads")}),
    ("projects", ["organisation=Storumans kommun"], {("VIGO", "leads"), ("VIGO", "participates")}),
    # ERUF is an alias of the fund
    ("funded", ["fund=ERUF"], {("MISSE", "Region Västerbotten")}),
    # DVIS is an alias (the label is the long name)
    ("strategies", ["project=DVIS"], {("Regional utvecklingsstrategi",)}),
    ("responsible", ["strategy=RUS 2020–2030"], {("Region Västerbotten",)}),
    ("collaborators", ["organisation=Storumans kommun"], {("Region Västerbotten", "1", "VIGO")}),
    ("evidence", ["subject=Umeå universitet", "object=FREIA"],
     {("sample_report.txt", "19", "Umeå universitet", "participatesIn", "FREIA",
       "Umeå universitet deltar i FREIA som kunskapspartner.")}),
    ("evidence", ["subject=Tillväxtverket", "predicate=manages"],
     {("sample_report.txt", "25", "Tillväxtverket", "manages", "Europeiska regionala utvecklingsfonden",
       "Region Västerbotten medverkar i VIGO, och Tillväxtverket är förvaltande myndighet för Europeiska regionala "
       "utvecklingsfonden.")}),
])
def test_questions_answer_on_the_sample(sample_build, name, params, expected):
    args = [x for p in params for x in ("-p", p)]
    rows = {tuple(r.values()) for r in ask(name, *args, "--graph", sample_build)}
    assert expected <= rows
    if name in ("projects", "strategies", "responsible", "collaborators"):
        assert rows == expected


def test_changes_between_years(sample_build):
    year = json.loads(CliRunner().invoke(cli, ["query", "SELECT ?y WHERE { ?d kg:year ?y }", "--graph",
                                               str(sample_build), "--format", "json"]).output)[0]["y"]
    added = ask("changes", "-p", "from=1999", "-p", f"to={year}", "--graph", sample_build)
    removed = ask("changes", "-p", f"from={year}", "-p", "to=1999", "--graph", sample_build)
    stated = json.loads(CliRunner().invoke(cli, ["query", "SELECT DISTINCT ?s ?p ?o WHERE { ?e a kg:Evidence ; "
                                                 "rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }",
                                                 "--graph", str(sample_build), "--format", "json"]).output)
    assert {r["change"] for r in added} == {"added"} and {r["change"] for r in removed} == {"removed"}
    assert len(added) == len(removed) == len(stated)
    assert ask("changes", "-p", f"from={year}", "-p", f"to={year}", "--graph", sample_build) == []


def test_bad_parameters_are_one_line_errors(sample_build):
    for args, message in ((["nope"], "no question named"), (["participants", "-p", "projekt=FREIA"], "no parameter"),
                          (["participants", "-p", "FREIA"], "key=value"),
                          (["changes", "-p", "from=20x4", "-p", "to=2025"], "four digits"),
                          (["evidence", "-p", "predicate=owns"], "unknown relation")):
        r = CliRunner().invoke(cli, ["ask", *args, "--graph", str(sample_build)])
        assert r.exit_code == 1 and message in r.output and r.output.count("\n") == 1, r.output


@pytest.fixture(scope="module")
def odd_names(tmp_path_factory):
    """A store whose names hold quotes, braces, backslashes and SPARQL: binding must find them verbatim."""
    out = tmp_path_factory.mktemp("odd")
    names = ['A "quoted" } UNION { ?x ?y ?z } #', "Back\\slash\\n and 'single'", "Ny\nrad"]
    ttl = ["@prefix kg: <https://w3id.org/regional-kg/ontology#> .",
           "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."]
    for i, n in enumerate(names):
        lit = n.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        ttl.append(f'<urn:org{i}> a kg:Organisation ; rdfs:label "Org {i}"@sv ; kg:leads <urn:p{i}> .')
        ttl.append(f'<urn:p{i}> a kg:Project ; rdfs:label "{lit}"@sv .')
    store_from_rdf(out / "store", "\n".join(ttl).encode())
    return out, names


def test_values_are_bound_as_terms_never_as_text(odd_names):
    build, names = odd_names
    g = KnowledgeGraph.open(build)
    for i, name in enumerate(names):
        assert g.ask("participants", project=name).records() == [{"organisation": f"Org {i}", "role": "leads"}]


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_value_is_one_term(odd_names, value):
    build, names = odd_names
    g = KnowledgeGraph.open(build)
    expected = [{"organisation": f"Org {names.index(value)}", "role": "leads"}] if value in names else []
    assert g.ask("participants", project=value).records() == expected


def test_facade(sample_build, tmp_path):
    g = KnowledgeGraph.open(sample_build)
    stats = g.stats()
    assert len(g) == stats["triples"]
    assert set(g.questions()) == set(questions())
    r = g.ask("participants", project="FREIA")
    assert ("Umeå universitet", "participates") in {(x["organisation"], x["role"]) for x in r.records()}
    assert "<td>Umeå universitet</td>" in r._repr_html_()
    assert g.query("ASK { ?o kg:leads ?p }").boolean is True
    nx_graph = g.to_networkx()
    assert isinstance(nx_graph, nx.MultiDiGraph) and nx_graph.number_of_nodes() == stats["entities"]
    data = g.export("nt", tmp_path / "g.nt")
    assert (tmp_path / "g.nt").read_bytes() == data and data.count(b"\n") == len(g)
    with pytest.raises(KgError, match="read-only"):
        g.query("DELETE WHERE { ?s ?p ?o }")


def test_facade_isolated_query_is_killed_at_the_timeout(sample_build):
    g = KnowledgeGraph.open(sample_build, timeout=1)
    with pytest.raises(QueryTimeout):
        g.query(RUNAWAY, isolated=True)
    # the same answers in a worker process as in this one
    assert g.ask("participants", project="FREIA", isolated=True).records() == \
        g.ask("participants", project="FREIA").records()
    assert len(g.query("CONSTRUCT WHERE { ?o kg:leads ?p }", isolated=True)) == \
        len(g.query("CONSTRUCT WHERE { ?o kg:leads ?p }"))


def test_reading_the_store_does_not_import_sqlalchemy():
    """Readers open the build's store through kg.triplestore; only a build writes SQL (cold `kg ask` stays fast)."""
    import subprocess
    import sys
    r = subprocess.run([sys.executable, "-c", "import sys, kg.triplestore; print('sqlalchemy' in sys.modules)"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "False", r.stderr
