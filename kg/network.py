"""The built graph as a networkx graph: entities as nodes, stated relations as edges."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .query import run_query
from .triplestore import open_store


NODES_Q = """SELECT ?e ?type ?label WHERE {
  VALUES ?type { kg:Organisation kg:Project kg:Strategy kg:FundingSource }
  ?e a ?type ; rdfs:label ?label .
}"""
ALIASES_Q = """SELECT ?e ?alias WHERE {
  VALUES ?type { kg:Organisation kg:Project kg:Strategy kg:FundingSource }
  ?e a ?type ; skos:altLabel ?alias .
}"""
DOCS_Q = """SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE { ?e kg:mentionedIn ?d } GROUP BY ?e"""
MENTIONED_Q = """SELECT ?e ?d WHERE { ?e kg:mentionedIn ?d }"""
DOCUMENTS_Q = """SELECT ?d ?name ?title ?year WHERE {
  ?d a kg:Document ; rdfs:label ?name . OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d kg:year ?year } }"""
QUOTES_Q = """SELECT ?s ?p ?o ?d ?line ?quote WHERE {
  ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?d .
  OPTIONAL { ?ev kg:line ?line } OPTIONAL { ?ev kg:quote ?quote }
}"""
EDGES_Q = """SELECT ?s ?p ?o (COUNT(DISTINCT ?ev) AS ?evidence) WHERE {
  VALUES ?p { kg:participatesIn kg:leads kg:fundedBy kg:implements kg:responsibleFor kg:manages kg:partOf kg:collaboratesWith }
  ?s ?p ?o .
  OPTIONAL { ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
} GROUP BY ?s ?p ?o"""


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(source: str | Path | ox.Store) -> nx.MultiDiGraph:
    """Entities (attributes ``label``, ``type``, ``aliases``, ``documents``) and stated relations
    (keyed by predicate name, attributes ``predicate`` and ``evidence`` = number of evidence nodes).

    For exploring by document and year, entities also carry ``docs`` (document IRIs) and ``years``,
    relations ``docs``, ``years`` and ``quotes`` ((document IRI, line, quote) of each evidence);
    ``g.graph["documents"]`` maps a document IRI to its ``name``, ``title`` and ``year``.

    ``source`` is a build folder, a .ttl file or an already loaded Oxigraph store.
    """
    store = source if isinstance(source, ox.Store) else open_store(source)
    aliases: dict[str, list[str]] = defaultdict(list)
    for e, alias in run_query(store, ALIASES_Q)[1]:
        aliases[e].append(alias)
    docs = {e: int(n) for e, n in run_query(store, DOCS_Q)[1]}
    g = nx.MultiDiGraph()
    for e, t, label in sorted(run_query(store, NODES_Q)[1]):
        g.add_node(e, label=label, type=local_name(t), aliases=sorted(aliases.get(e, [])), documents=docs.get(e, 0))
    for s, p, o, n in sorted(run_query(store, EDGES_Q)[1]):
        if s in g and o in g:
            g.add_edge(s, o, key=local_name(p), predicate=local_name(p), evidence=int(n))
    add_documents(g, store)
    return g


def add_documents(g: nx.MultiDiGraph, store: ox.Store) -> None:
    """The documents, years and evidence quotes of ``g``'s entities and relations (see to_networkx)."""
    documents = {d: {"name": name, "title": title or name, "year": int(year[:4]) if year else None}
                 for d, name, title, year in run_query(store, DOCUMENTS_Q)[1]}
    g.graph["documents"] = dict(sorted(documents.items()))
    docs: dict[str, set[str]] = defaultdict(set)
    for e, d in run_query(store, MENTIONED_Q)[1]:
        docs[e].add(d)
    for n, data in g.nodes(data=True):
        data["docs"] = sorted(docs.get(n, ()))
        data["years"] = sorted({documents[d]["year"] for d in data["docs"] if documents.get(d, {}).get("year")})
    quotes: dict[tuple, list] = defaultdict(list)
    for s, p, o, d, line, quote in run_query(store, QUOTES_Q)[1]:
        quotes[(s, local_name(p), o)].append((d, int(line) if line else 0, quote or ""))
    for s, o, k, data in g.edges(keys=True, data=True):
        data["quotes"] = sorted(quotes.get((s, k, o), []))
        data["docs"] = sorted({d for d, _, _ in data["quotes"]})
        data["years"] = sorted({documents[d]["year"] for d in data["docs"] if documents.get(d, {}).get("year")})


def actor_network(g: nx.MultiDiGraph) -> nx.Graph:
    """Organisations linked when they share a project or are related directly; ``weight`` = number of links."""
    orgs = {n for n, d in g.nodes(data=True) if d["type"] == "Organisation"}
    a = nx.Graph()
    a.add_nodes_from((n, g.nodes[n]) for n in orgs)
    members: dict[str, set[str]] = defaultdict(set)
    for s, o, k in g.edges(keys=True):
        if k in ("participatesIn", "leads") and s in orgs:
            members[o].add(s)
        elif k in ("partOf", "collaboratesWith") and s in orgs and o in orgs:
            a.add_edge(s, o, weight=a.get_edge_data(s, o, {"weight": 0})["weight"] + 1)
    for project, ms in members.items():
        ms = sorted(ms)
        for i, x in enumerate(ms):
            for y in ms[i + 1:]:
                a.add_edge(x, y, weight=a.get_edge_data(x, y, {"weight": 0})["weight"] + 1)
    return a
