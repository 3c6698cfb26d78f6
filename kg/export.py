"""Serialise a built graph to Turtle, N-Triples, JSON-LD or TriG."""
from __future__ import annotations

from pathlib import Path

from .query import PREFIX_MAP, load_graph

FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "jsonld": "json-ld",
           "json-ld": "json-ld", "trig": "trig"}


def export_graph(graph_dir: str | Path, fmt: str, with_ontology: bool = False) -> bytes:
    """The graph in ``fmt`` (a key of FORMATS); ``with_ontology`` adds the ontology's triples."""
    g = load_graph(graph_dir, with_ontology=with_ontology)
    for prefix, ns in PREFIX_MAP.items():
        g.bind(prefix, ns, override=False)
    fmt = FORMATS[fmt]
    if fmt == "json-ld":
        context = {k: v for k, v in PREFIX_MAP.items() if k not in ("id", "doc", "ev", "mention")}
        return g.serialize(format="json-ld", context=context, auto_compact=True).encode("utf-8")
    return g.serialize(format=fmt, encoding="utf-8")
