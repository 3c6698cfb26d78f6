"""The entity network for other tools: GraphML and GEXF (Gephi, networkx, yEd, Cytoscape) and node/edge
CSV files in the form Neo4j's bulk import reads (``neo4j-admin database import full``).

The graph is :func:`kg.network.to_networkx`'s. GraphML and GEXF hold only scalar attributes, so lists
are flattened: ``aliases`` and ``years`` as "; "-joined text, documents by count and names, the
evidence of an edge as its count and its first quote. Each edge keeps its predicate as ``predicate``
(and, in the Neo4j form, as the relationship type).
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import networkx as nx

from .atomic import write_bytes
from .errors import KgError
from .network import to_networkx

FORMATS = ("graphml", "gexf", "csv")
SEP = "; "  # list separator in flattened text attributes (and Neo4j's --array-delimiter)
NODES_CSV, EDGES_CSV = "nodes.csv", "relationships.csv"


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``g`` with every attribute a str, int or float (what GraphML and GEXF can store)."""
    docs = g.graph.get("documents", {})
    out = nx.MultiDiGraph(name="kg entity network")
    for n, d in g.nodes(data=True):
        out.add_node(n, label=d["label"], type=d["type"], aliases=SEP.join(d.get("aliases", [])),
                     documents=len(d.get("docs", [])) or int(d.get("documents", 0)),
                     document_names=SEP.join(docs[x]["name"] for x in d.get("docs", []) if x in docs),
                     years=SEP.join(map(str, d.get("years", []))))
    for s, o, k, d in g.edges(keys=True, data=True):
        quotes = d.get("quotes", [])
        out.add_edge(s, o, key=k, predicate=d["predicate"], evidence=int(d.get("evidence", len(quotes))),
                     years=SEP.join(map(str, d.get("years", []))),
                     quote=quotes[0][2] if quotes else "", line=int(quotes[0][1]) if quotes else 0)
    return out


def graphml_bytes(g: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(flat_graph(g), buf, encoding="utf-8", named_key_ids=True)
    return buf.getvalue()


def gexf_bytes(g: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_gexf(flat_graph(g), buf, encoding="utf-8")
    return re.sub(rb' lastmodifieddate="[^"]*"', b"", buf.getvalue(), count=1)  # same graph, same bytes, any day


def _csv(rows: list[list]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def neo4j_csv(g: nx.MultiDiGraph) -> dict[str, bytes]:
    """{file name: bytes}: nodes with ``:ID`` and ``:LABEL`` (the entity type), relationships with
    ``:START_ID``, ``:END_ID`` and ``:TYPE`` (the predicate); lists as ``string[]`` split on ";"."""
    f = flat_graph(g)
    nodes = [["iri:ID", "name", "aliases:string[]", "documents:int", "years:string[]", ":LABEL"]]
    for n, d in f.nodes(data=True):
        nodes.append([n, d["label"], d["aliases"].replace(SEP, ";"), d["documents"], d["years"].replace(SEP, ";"),
                      d["type"]])
    edges = [[":START_ID", ":END_ID", ":TYPE", "evidence:int", "years:string[]", "line:int", "quote"]]
    for s, o, d in f.edges(data=True):
        edges.append([s, o, d["predicate"], d["evidence"], d["years"].replace(SEP, ";"), d["line"], d["quote"]])
    return {NODES_CSV: _csv(nodes), EDGES_CSV: _csv(edges)}


def export_network(graph_dir: str | Path, fmt: str, output: Path | None) -> list[Path] | bytes:
    """Write the network in ``fmt``; GraphML/GEXF to ``output`` (or return the bytes for stdout),
    CSV into the folder ``output`` (required). Returns the written files, or the bytes."""
    g = to_networkx(graph_dir)
    if fmt == "csv":
        if output is None:
            raise KgError("--format csv writes two files: give a folder with --output")
        if output.exists() and not output.is_dir():
            raise KgError(f"--output must be a folder for --format csv: {output}")
        output.mkdir(parents=True, exist_ok=True)
        written = []
        for name, data in neo4j_csv(g).items():
            write_bytes(output / name, data)
            written.append(output / name)
        return written
    data = graphml_bytes(g) if fmt == "graphml" else gexf_bytes(g)
    if output is None:
        return data
    write_bytes(output, data)
    return [output]
