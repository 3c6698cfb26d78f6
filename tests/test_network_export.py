"""`kg export --format graphml|gexf|csv`: the entity network loads back into networkx (and reads as Neo4j's
bulk-import CSV) with every node, edge and attribute."""
import csv
from collections import Counter

import networkx as nx
import pytest
from click.testing import CliRunner
from viz_support import IMG, SCRIPT, make_evil_build

from kg.cli import cli
from kg.network import to_networkx


def export(graph, fmt, out):
    r = CliRunner().invoke(cli, ["export", "--graph", str(graph), "--format", fmt, "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_load_back(sample_build, tmp_path, fmt, read):
    g = to_networkx(sample_build)
    back = read(export(sample_build, fmt, tmp_path / f"g.{fmt}"))
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    assert {n: d["label"] for n, d in back.nodes(data=True)} == {n: d["label"] for n, d in g.nodes(data=True)}
    assert Counter(d["predicate"] for *_, d in back.edges(data=True)) == Counter(k for *_, k in g.edges(keys=True))
    dvis = next(d for _, d in back.nodes(data=True) if d["label"] == "Digitala Västerbotten i samverkan")
    assert dvis["aliases"] == "DVIS" and dvis["type"] == "Project" and dvis["years"] == "2025"
    assert all(isinstance(d["evidence"], int) and d["evidence"] >= 1 for *_, d in back.edges(data=True))
    assert all(d["quote"] for *_, d in back.edges(data=True))
    assert export(sample_build, fmt, tmp_path / f"again.{fmt}").read_bytes() == (tmp_path / f"g.{fmt}").read_bytes()


def test_neo4j_csv(sample_build, tmp_path):
    g = to_networkx(sample_build)
    export(sample_build, "csv", tmp_path / "neo")
    nodes = list(csv.DictReader((tmp_path / "neo" / "nodes.csv").open(encoding="utf-8")))
    rels = list(csv.DictReader((tmp_path / "neo" / "relationships.csv").open(encoding="utf-8")))
    assert list(nodes[0])[0] == "iri:ID" and ":LABEL" in nodes[0]
    assert list(rels[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert len(nodes) == g.number_of_nodes() and len(rels) == g.number_of_edges()
    ids = {n["iri:ID"] for n in nodes}
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    assert Counter(n[":LABEL"] for n in nodes) == Counter(d["type"] for _, d in g.nodes(data=True))
    # the same graph as networkx sees it, rebuilt from the two files
    h = nx.MultiDiGraph()
    h.add_nodes_from(n["iri:ID"] for n in nodes)
    h.add_edges_from((r[":START_ID"], r[":END_ID"], r[":TYPE"]) for r in rels)
    assert sorted(h.edges(keys=True)) == sorted(g.edges(keys=True))


def test_export_of_hostile_names_round_trips(tmp_path):
    build = make_evil_build(tmp_path / "evil")
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        back = read(export(build, fmt, tmp_path / f"e.{fmt}"))
        assert {SCRIPT, "Region " + IMG} <= {d["label"] for _, d in back.nodes(data=True)}


def test_csv_needs_a_folder(sample_build, tmp_path):
    r = CliRunner().invoke(cli, ["export", "--graph", str(sample_build), "--format", "csv"])
    assert r.exit_code == 1 and "give a folder with --output" in r.output
    (tmp_path / "file").write_text("x")
    r = CliRunner().invoke(cli, ["export", "--graph", str(sample_build), "--format", "csv", "-o", str(tmp_path / "file")])
    assert r.exit_code == 1 and "must be a folder" in r.output


def test_outputs_need_an_existing_folder(sample_build, tmp_path):
    """A typo in -o's folder is a one-line error, not a tree of new folders (export and analyze --csv)."""
    for args in (["export", "--format", "graphml", "-o", str(tmp_path / "nope" / "g.graphml")],
                 ["analyze", "--no-write", "--csv", str(tmp_path / "nope" / "csv")]):
        r = CliRunner().invoke(cli, [*args, "--graph", str(sample_build)])
        assert r.exit_code == 1 and "no such folder" in r.output, r.output
    assert not (tmp_path / "nope").exists()
