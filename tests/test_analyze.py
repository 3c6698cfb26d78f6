"""`kg analyze`: centrality, communities, brokers, the organisation projection, CSV and derived.ttl."""
import builtins
import csv

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.analyze import analyze, communities, derived_path, entity_network
from kg.cli import cli
from kg.network import to_networkx
from kg.query import load_store, run_query

KGD = "https://w3id.org/regional-kg/derived#"


@pytest.fixture()
def build_copy(tmp_path):
    out = tmp_path / "build"
    assert CliRunner().invoke(cli, ["build", "--out", str(out)]).exit_code == 0
    return out


def test_values_agree_with_networkx_and_the_graph(sample_build):
    g = to_networkx(sample_build)
    a = analyze(g)
    u = entity_network(g)
    bc = nx.betweenness_centrality(u)
    assert {r["iri"]: r["betweenness"] for r in a.rows} == pytest.approx(bc, abs=1e-6)
    assert a.rows[0]["label"] == "Region Västerbotten" and a.rows[0]["broker"]
    # communities split the connected entities: each in exactly one
    members = [m for c in a.communities for m in c["members"]]
    assert sorted(members) == sorted(u.nodes[n]["label"] for n in u if u.degree(n))
    assert a.method == "leiden" and nx.community.modularity(
        u, [{n for n in u if u.nodes[n]["label"] in set(c["members"])} for c in a.communities]) > 0.1
    # brokers reach other communities; everyone else keeps to their own
    row = {r["iri"]: r for r in a.rows}
    for r in a.rows:
        own = {row[m]["community"] for m in u[r["iri"]]} | {r["community"]}
        assert r["communities_touched"] == len(own - {0}) and r["broker"] == (len(own) > 1)


def test_projection_pairs_count_shared_projects(sample_build):
    """The organisation pairs' shared projects agree with the build's own kg:CoParticipation nodes."""
    a = analyze(to_networkx(sample_build))
    rows = run_query(load_store(sample_build, with_ontology=False), """
      SELECT ?la ?lb ?w WHERE { ?c a kg:CoParticipation ; kg:actor ?x, ?y ; kg:weight ?w .
        ?x rdfs:label ?la . ?y rdfs:label ?lb . FILTER(STR(?la) < STR(?lb)) }""")[1]
    co = {(x, y): int(w) for x, y, w in rows}
    mine = {tuple(sorted((p["a"], p["b"]))): len(p["via"]) for p in a.pairs if p["via"]}
    assert co and mine == co


def test_louvain_when_leiden_is_missing(sample_build, monkeypatch):
    real_import = builtins.__import__

    def no_leiden(name, *args, **kw):
        if name == "leidenalg":
            raise ImportError(name)
        return real_import(name, *args, **kw)

    monkeypatch.setattr(builtins, "__import__", no_leiden)
    u = entity_network(to_networkx(sample_build))
    groups, method = communities(u)
    assert method == "louvain" and set().union(*groups) == {n for n in u if u.degree(n)}


def test_cli_prints_writes_csv_and_derived_values(build_copy, tmp_path):
    r = CliRunner().invoke(cli, ["analyze", "--graph", str(build_copy), "--csv", str(tmp_path / "csv")])
    assert r.exit_code == 0, r.output
    assert "most central" in r.output and "Region Västerbotten" in r.output and "communities" in r.output
    rows = list(csv.DictReader((tmp_path / "csv" / "entities.csv").open(encoding="utf-8")))
    assert len(rows) == to_networkx(build_copy).number_of_nodes()
    assert {"communities.csv", "organisation_pairs.csv"} <= {p.name for p in (tmp_path / "csv").iterdir()}
    # the derived values load beside the graph and answer SPARQL, marked by their namespace and activity
    derived = derived_path(build_copy)
    assert derived.parent.resolve() == (build_copy / "graph.ttl").resolve().parent
    first = derived.read_bytes()
    store = load_store(build_copy)
    q = f"""PREFIX kgd: <{KGD}>
      SELECT ?b ?m WHERE {{ ?e rdfs:label "Region Västerbotten"@sv ; kgd:betweenness ?b .
                            ?run a kgd:Analysis ; kgd:method ?m }}"""
    (b, method), = run_query(store, q, with_ontology=True)[1]
    region = next(r for r in rows if r["label"] == "Region Västerbotten")
    assert float(b) == pytest.approx(float(region["betweenness"])) and method == "leiden"
    subjects = {str(t.subject.value) for t in ox.parse(path=str(derived), format=ox.RdfFormat.TURTLE)}
    assert subjects <= {r["iri"] for r in rows} | {s for s in subjects if "/derived/" in s}
    # same graph, same file; --no-write leaves the build alone
    assert CliRunner().invoke(cli, ["analyze", "--graph", str(build_copy)]).exit_code == 0
    assert derived.read_bytes() == first
    derived.unlink()
    assert CliRunner().invoke(cli, ["analyze", "--graph", str(build_copy), "--no-write"]).exit_code == 0
    assert not derived.exists()
    # a rebuild is a new version: the old derived values do not survive it
    assert CliRunner().invoke(cli, ["analyze", "--graph", str(build_copy)]).exit_code == 0
    assert CliRunner().invoke(cli, ["build", "--out", str(build_copy)]).exit_code == 0
    assert not derived_path(build_copy).exists()
    assert not run_query(load_store(build_copy), q, with_ontology=True)[1]


def test_missing_build_is_one_line(tmp_path):
    r = CliRunner().invoke(cli, ["analyze", "--graph", str(tmp_path / "nothing")])
    assert r.exit_code == 1 and "no built graph" in r.output and "Traceback" not in r.output


def test_every_derived_term_is_declared_with_swedish_and_english_labels(build_copy):
    """ontology/derived.ttl declares each kg.vocab.KGD term, and derived.ttl uses no other kgd: term."""
    from pathlib import Path

    import ontology
    from rdflib import RDF, RDFS, Graph
    from rdflib.namespace import OWL

    from kg.vocab import KGD as K

    g = Graph().parse(Path(ontology.__file__).parent / "derived.ttl", format="turtle")
    declared = {str(s)[len(KGD):] for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for s in g.subjects(RDF.type, t) if str(s).startswith(KGD)}
    assert declared == set(K.__annotations__)
    for name in declared:
        assert {lbl.language for lbl in g.objects(K[name], RDFS.label)} == {"sv", "en"}, name
    assert CliRunner().invoke(cli, ["analyze", "--graph", str(build_copy)]).exit_code == 0
    written = Graph().parse(derived_path(build_copy), format="turtle")
    used = {str(t)[len(KGD):] for triple in written for t in triple if str(t).startswith(KGD)}
    assert {"Analysis", "betweenness", "community", "broker"} <= used <= declared
