"""The built graph as a networkx graph: entities as nodes, stated relations as edges."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from .query import load_store, run_query

NODES_Q = """SELECT ?e ?type ?label (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases) WHERE {
  VALUES ?type { kg:Organisation kg:Project kg:Strategy kg:FundingSource }
  ?e a ?type ; rdfs:label ?label .
  OPTIONAL { ?e skos:altLabel ?alias }
} GROUP BY ?e ?type ?label"""

EDGES_Q = """SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { kg:participatesIn kg:leads kg:fundedBy kg:implements kg:responsibleFor kg:manages kg:partOf kg:collaboratesWith }
  ?s ?p ?o .
}"""


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(graph_dir: str | Path) -> nx.MultiDiGraph:
    """Entities with attributes ``label``, ``type``, ``aliases``; edges keyed by predicate name."""
    store = load_store(graph_dir)
    g = nx.MultiDiGraph()
    _, rows = run_query(store, NODES_Q)
    for e, t, label, aliases in rows:
        g.add_node(e, label=label, type=local_name(t), aliases=[a for a in aliases.split("|") if a])
    _, rows = run_query(store, EDGES_Q)
    for s, p, o in rows:
        if s in g and o in g:
            g.add_edge(s, o, key=local_name(p), predicate=local_name(p))
    return g
