"""Serialise a built graph to Turtle, N-Triples, JSON-LD or TriG."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ontology import ONTOLOGY

from .query import graph_file

FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "jsonld": "json-ld",
           "json-ld": "json-ld", "trig": "trig"}


def export_graph(graph_dir: str | Path, fmt: str, with_ontology: bool = False) -> bytes:
    g = Graph()
    g.parse(graph_file(graph_dir), format="turtle")
    if with_ontology:
        g.parse(ONTOLOGY, format="turtle")
    kwargs = {"auto_compact": True} if FORMATS[fmt] == "json-ld" else {}
    return g.serialize(format=FORMATS[fmt], **kwargs).encode("utf-8")
