"""Counts per class and predicate, documents and the most connected actors of a built graph."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from extractors import PREDICATES, TYPES

from .network import actor_network, local_name, to_networkx
from .query import run_query
from .triplestore import open_store
from .triplestore import count_data

CLASSES = TYPES + ("Document", "Mention", "Evidence", "CoParticipation")
CLASS_Q = """SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES ?class { kg:Organisation kg:Project kg:Strategy kg:FundingSource kg:Document kg:Mention kg:Evidence
                  kg:CoParticipation }
  ?e a ?class } GROUP BY ?class"""
PRED_Q = """SELECT ?p (COUNT(*) AS ?n) WHERE {
  VALUES ?p { kg:participatesIn kg:leads kg:fundedBy kg:implements kg:responsibleFor kg:manages kg:partOf kg:collaboratesWith }
  ?s ?p ?o } GROUP BY ?p"""
DOCS_Q = """SELECT ?d ?name ?title ?year
  (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?ev) AS ?evidence) WHERE {
  ?d a kg:Document ; rdfs:label ?name ; dcterms:title ?title .
  OPTIONAL { ?d kg:year ?year }
  OPTIONAL { ?e kg:mentionedIn ?d }
  OPTIONAL { ?ev a kg:Evidence ; prov:wasDerivedFrom ?d }
} GROUP BY ?d ?name ?title ?year ORDER BY ?name"""


def graph_stats(graph_dir: str | Path, top: int = 10) -> dict:
    """Everything `kg stats` shows, as a JSON-ready dict."""
    store = open_store(graph_dir)  # its queries read the default graph only
    found = {local_name(c): int(n) for c, n in run_query(store, CLASS_Q)[1]}
    classes = {c: found.get(c, 0) for c in CLASSES}
    found = {local_name(p): int(n) for p, n in run_query(store, PRED_Q)[1]}
    predicates = {p: found.get(p, 0) for p in PREDICATES}
    docs = [{"name": n, "title": t, "year": int(y) if y else None, "entities": int(k), "evidence": int(ev)}
            for _, n, t, y, k, ev in run_query(store, DOCS_Q)[1]]
    g = to_networkx(store)
    actors = actor_network(g)
    centrality = nx.betweenness_centrality(actors) if actors.number_of_edges() else {}
    rows = []
    for n, data in g.nodes(data=True):
        if data["type"] != "Organisation":
            continue
        projects = {o for _, o, k in g.out_edges(n, keys=True) if k in ("participatesIn", "leads")}
        rows.append({"name": data["label"], "relations": g.degree(n), "projects": len(projects),
                     "partners": actors.degree(n), "betweenness": round(centrality.get(n, 0.0), 4),
                     "documents": data["documents"]})
    rows.sort(key=lambda r: (-r["relations"], -r["partners"], r["name"]))
    return {"triples": count_data(store), "entities": sum(classes[t] for t in TYPES), "classes": classes,
            "predicates": predicates, "documents": docs, "top_actors": rows[:top]}


def format_stats(s: dict) -> str:
    out = [f"triples: {s['triples']}", f"entities: {s['entities']}", "", "classes:"]
    out += [f"  {k:16} {v:7}" for k, v in s["classes"].items()]
    out += ["", "predicates:"] + [f"  {k:16} {v:7}" for k, v in s["predicates"].items()]
    out += ["", f"documents ({len(s['documents'])}):"]
    out += [f"  {d['name']}  ({d['entities']} entities, {d['evidence']} evidence)  {d['title'][:60]}"
            for d in s["documents"]]
    out += ["", "top actors (relations, projects, partners, betweenness):"]
    out += [f"  {a['relations']:5} {a['projects']:4} {a['partners']:4}  {a['betweenness']:.3f}  {a['name']}"
            for a in s["top_actors"]]
    return "\n".join(out)
