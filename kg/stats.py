"""Counts per class and predicate, documents and the most connected actors of a built graph."""
from __future__ import annotations

from pathlib import Path

from .network import local_name, to_networkx
from .query import load_store, run_query

CLASS_Q = """SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES ?class { kg:Organisation kg:Project kg:Strategy kg:FundingSource kg:Document kg:Evidence kg:CoParticipation }
  ?e a ?class } GROUP BY ?class ORDER BY ?class"""
PRED_Q = """SELECT ?p (COUNT(*) AS ?n) WHERE {
  VALUES ?p { kg:participatesIn kg:leads kg:fundedBy kg:implements kg:responsibleFor kg:manages kg:partOf kg:collaboratesWith }
  ?s ?p ?o } GROUP BY ?p ORDER BY ?p"""
DOCS_Q = """SELECT ?name ?title (COUNT(DISTINCT ?e) AS ?entities) WHERE {
  ?d a kg:Document ; rdfs:label ?name ; dcterms:title ?title . OPTIONAL { ?e kg:mentionedIn ?d }
} GROUP BY ?name ?title ORDER BY ?name"""


def graph_stats(graph_dir: str | Path, top: int = 10) -> dict:
    store = load_store(graph_dir, with_ontology=False)
    classes = {local_name(c): int(n) for c, n in run_query(store, CLASS_Q)[1]}
    predicates = {local_name(p): int(n) for p, n in run_query(store, PRED_Q)[1]}
    docs = [{"name": n, "title": t, "entities": int(k)} for n, t, k in run_query(store, DOCS_Q)[1]]
    g = to_networkx(graph_dir)
    orgs = [(n, d) for n, d in g.degree() if g.nodes[n]["type"] == "Organisation"]
    orgs.sort(key=lambda x: (-x[1], g.nodes[x[0]]["label"]))
    return {"triples": len(store), "classes": classes, "predicates": predicates, "documents": docs,
            "top_actors": [{"name": g.nodes[n]["label"], "relations": d} for n, d in orgs[:top]]}


def format_stats(s: dict) -> str:
    out = [f"triples: {s['triples']}", "", "classes:"]
    out += [f"  {k:16} {v:6}" for k, v in s["classes"].items()]
    out += ["", "predicates:"] + [f"  {k:16} {v:6}" for k, v in s["predicates"].items()]
    out += ["", "documents:"] + [f"  {d['name']}  ({d['entities']} entities)  {d['title'][:60]}" for d in s["documents"]]
    out += ["", "top actors:"] + [f"  {a['relations']:4}  {a['name']}" for a in s["top_actors"]]
    return "\n".join(out)
