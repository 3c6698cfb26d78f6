"""Serialise a built graph to Turtle, N-Triples, JSON-LD or TriG, the same bytes every run.

rdflib writes N-Triples and JSON-LD in the order of its hash sets and names the default graph
of a TriG file with a fresh blank node; so lines are sorted, JSON-LD nodes and values sorted,
the TriG graph named by a fixed IRI, and blank nodes (the ontology's) labelled canonically.
"""
from __future__ import annotations

import json
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Namespace
from rdflib.compare import to_canonical_graph

from .query import PREFIX_MAP, load_graph
from .vocab import BASE

FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "jsonld": "json-ld",
           "json-ld": "json-ld", "trig": "trig"}
GRAPH_NAME = Namespace(BASE)["graph"]  # the named graph of a TriG export


def _canonical(g: Graph) -> Graph:
    """``g`` with blank nodes labelled by their content (stable across runs), prefixes kept."""
    if not any(isinstance(t, BNode) for triple in g for t in triple):
        return g
    c = Graph()
    for prefix, ns in g.namespaces():
        c.bind(prefix, ns, override=True)
    c += to_canonical_graph(g)
    return c


def _sorted_json(value, key: str = ""):
    """JSON-LD with every node list and value list sorted (an "@list" keeps its order)."""
    if isinstance(value, dict):
        return {k: _sorted_json(v, k) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return items if key == "@list" else sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False,
                                                                                   sort_keys=True))
    return value


def export_graph(graph_dir: str | Path, fmt: str, with_ontology: bool = False) -> bytes:
    """The graph in ``fmt`` (a key of FORMATS); ``with_ontology`` adds the ontology's triples."""
    g = load_graph(graph_dir, with_ontology=with_ontology)
    for prefix, ns in PREFIX_MAP.items():
        g.bind(prefix, ns, override=False)
    g = _canonical(g)
    fmt = FORMATS[fmt]
    if fmt == "json-ld":
        context = {k: v for k, v in PREFIX_MAP.items() if k not in ("id", "doc", "ev", "mention")}
        doc = json.loads(g.serialize(format="json-ld", context=context, auto_compact=True))
        return (json.dumps(_sorted_json(doc), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "nt":
        lines = g.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)
        return b"".join(sorted(set(line for line in lines if line.strip())))
    if fmt == "trig":
        ds = Dataset()
        for prefix, ns in g.namespaces():
            ds.bind(prefix, ns, override=True)
        named = ds.graph(GRAPH_NAME)
        named += g
        return ds.serialize(format="trig", encoding="utf-8")
    return g.serialize(format=fmt, encoding="utf-8")
