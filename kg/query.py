"""SPARQL over a built graph, with Oxigraph as the query engine."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox

from ontology import ONTOLOGY

from .errors import KgError
from .vocab import BASE

GRAPH_FILE = "graph.ttl"
PREFIXES = f"""PREFIX kg: <{BASE}ontology#>
PREFIX id: <{BASE}id/>
PREFIX doc: <{BASE}doc/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def graph_file(graph_dir: str | Path) -> Path:
    p = Path(graph_dir)
    f = p / GRAPH_FILE if p.is_dir() else p
    if not f.is_file():
        raise KgError(f"no built graph at {graph_dir}: run `kg build ... --out {graph_dir}` first")
    return f


def load_store(graph_dir: str | Path, with_ontology: bool = True) -> ox.Store:
    """An in-memory Oxigraph store holding the built graph (and the ontology)."""
    store = ox.Store()
    try:
        store.bulk_load(path=str(graph_file(graph_dir)), format=ox.RdfFormat.TURTLE)
        if with_ontology:
            store.bulk_load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE)
    except (SyntaxError, ValueError, OSError) as e:
        raise KgError(f"cannot load graph from {graph_dir}: {e}") from None
    return store


def term_text(term) -> str:
    if term is None:
        return ""
    return term.value


def run_query(store: ox.Store, sparql: str) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT (or ASK) query; the default prefixes are added. Returns (columns, rows)."""
    try:
        result = store.query(PREFIXES + sparql)
    except SyntaxError as e:
        raise KgError(f"SPARQL syntax error: {str(e).splitlines()[0]}") from None
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[str(bool(result)).lower()]]
    if isinstance(result, ox.QueryTriples):
        return ["subject", "predicate", "object"], [[term_text(t.subject), term_text(t.predicate), term_text(t.object)]
                                                    for t in result]
    cols = [v.value for v in result.variables]
    return cols, [[term_text(sol[c]) for c in cols] for sol in result]


def format_rows(cols: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        w.writerows(rows)
        return buf.getvalue().rstrip("\n")
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(cols)]
    widths = [min(w, 80) for w in widths]
    line = lambda vals: "  ".join(v[:80].ljust(w) for v, w in zip(vals, widths)).rstrip()
    out = [line(cols), line(["-" * w for w in widths])] + [line(r) for r in rows]
    return "\n".join(out)
