"""SPARQL over a built graph, with Oxigraph as the query engine."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox

from ontology import ONTOLOGY

from .errors import KgError
from .vocab import BASE

GRAPH_FILE = "graph.ttl"
PREFIX_MAP = {
    "kg": f"{BASE}ontology#",
    "id": f"{BASE}id/",
    "doc": f"{BASE}doc/",
    "ev": f"{BASE}evidence/",
    "mention": f"{BASE}mention/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "org": "http://www.w3.org/ns/org#",
}
PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIX_MAP.items())


def graph_file(graph_dir: str | Path) -> Path:
    p = Path(graph_dir)
    f = p / GRAPH_FILE if p.is_dir() else p
    if not f.is_file():
        raise KgError(f"no built graph at {graph_dir}: run `kg build ... --out {graph_dir}` first")
    return f


def load_graph(graph_dir: str | Path, with_ontology: bool = False):
    """The built graph as an rdflib Graph (and the ontology's triples, if asked)."""
    from rdflib import Graph

    g = Graph()
    try:
        g.parse(graph_file(graph_dir), format="turtle")
        if with_ontology:
            g.parse(ONTOLOGY, format="turtle")
    except KgError:
        raise
    except Exception as e:  # noqa: BLE001 - rdflib raises many types on bad Turtle
        raise KgError(f"cannot parse the graph in {graph_dir}: {type(e).__name__}: {str(e).splitlines()[0]}") from None
    return g


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


class Iri(str):
    """An IRI among query results: shown as a prefixed name in tables, in full in CSV and JSON."""

    def prefixed(self) -> str:
        for prefix, ns in PREFIX_MAP.items():
            local = self[len(ns):]
            if self.startswith(ns) and _LOCAL.fullmatch(local):
                return f"{prefix}:{local}"
        return f"<{self}>"


_LOCAL = re.compile(r"[\w./-]*[\w-]|")  # readable as a prefixed name (slashes as in id:project/x)


def term_text(term) -> str | None:
    """The plain value of an RDF term (IRI, literal without tag or datatype); None if unbound."""
    if term is None:
        return None
    if isinstance(term, ox.Triple):
        return f"<< {term_text(term.subject)} {term_text(term.predicate)} {term_text(term.object)} >>"
    return Iri(term.value) if isinstance(term, ox.NamedNode) else term.value


def _execute(store: ox.Store, sparql: str):
    try:
        return store.query(sparql, prefixes=PREFIX_MAP)
    except TypeError:  # pyoxigraph < 0.5 has no prefixes= argument
        return store.query(PREFIXES + sparql)


def run_query(store: ox.Store, sparql: str) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query with the default prefixes. Returns (columns, rows)."""
    try:
        result = _execute(store, sparql)
        if isinstance(result, ox.QueryBoolean):
            return ["ask"], [[str(bool(result)).lower()]]
        if isinstance(result, ox.QueryTriples):
            return ["subject", "predicate", "object"], [
                [term_text(t.subject), term_text(t.predicate), term_text(t.object)] for t in result]
        cols = [v.value for v in result.variables]
        return cols, [[term_text(sol[c]) for c in cols] for sol in result]
    except SyntaxError as e:
        raise KgError(f"SPARQL syntax error: {str(e).splitlines()[0][:300]}") from None
    except (OSError, ValueError, RuntimeError) as e:
        raise KgError(f"query failed: {str(e).splitlines()[0][:300] if str(e) else type(e).__name__}") from None


def format_rows(cols: list[str], rows: list[list[str | None]], fmt: str) -> str:
    """Rows as an aligned text table, CSV (unbound = empty) or JSON (unbound = null)."""
    if fmt == "json":
        return json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, indent=2)
    rows = [["" if v is None else v for v in r] for r in rows]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        w.writerows(rows)
        return buf.getvalue().rstrip("\n")
    shown = [[v.prefixed() if isinstance(v, Iri) else " ".join(v.split()) for v in r] for r in rows]  # one line each
    widths = [min(max([len(c)] + [len(r[i]) for r in shown]), 80) for i, c in enumerate(cols)]

    def line(vals: list[str]) -> str:
        return "  ".join((v if len(v) <= w else v[:w - 1] + "…").ljust(w) for v, w in zip(vals, widths)).rstrip()

    out = [line(cols), line(["-" * w for w in widths])] + [line(r) for r in shown]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
