"""SPARQL over a built graph: the persisted Oxigraph store, the one prefix table, safe execution.

:func:`execute` is what users' queries go through (CLI, façade, server): it refuses updates and
SERVICE calls (see :mod:`kg.sparql_guard`), stops at ``timeout`` seconds (see :mod:`kg.bounded`),
keeps at most ``limit`` results and binds parameters as RDF terms (``substitutions``, see
:func:`~kg.sparql_guard.bind_values`).
:func:`run_query` is for kg's own, fixed queries (stats, network).
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .bounded import run_in_thread
from .errors import KgError
from .sparql_guard import bind_values, check_query
from .triplestore import WITH_ONTOLOGY, data_quads, ontology_quads, open_store
from .vocab import PREFIXES

PREFIX_MAP = PREFIXES  # (older name)
DEFAULT_TIMEOUT = 30.0
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


def load_store(graph_dir: str | Path, with_ontology: bool = True) -> ox.Store:
    """The build's store, read-only (``with_ontology`` is kept for older callers: the store has both)."""
    return open_store(graph_dir)


def load_graph(graph_dir: str | Path, with_ontology: bool = False):
    """The built graph as an rdflib Graph, read from the store (for pyshacl and rdflib serialisers)."""
    from rdflib import Graph

    store = open_store(graph_dir)
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    add = g.add
    for q in data_quads(store):
        add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    if with_ontology:
        for q in ontology_quads(store):
            add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return g


def to_rdflib(term):
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == "http://www.w3.org/2001/XMLSchema#string" else URIRef(dt))
    raise KgError(f"cannot convert {term!r} to rdflib")


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


@dataclass(repr=False)
class QueryResult:
    """A query's answer: solutions (``columns``/``rows`` of terms), a boolean, or ``triples``."""

    form: str  # "select", "ask" or "graph"
    columns: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    boolean: bool | None = None
    triples: list = field(default_factory=list)
    truncated: bool = False  # more results than the limit

    def table(self) -> tuple[list[str], list[list[str | None]]]:
        """(columns, rows of plain values), as the CLI prints them."""
        if self.form == "ask":
            return ["ask"], [[str(self.boolean).lower()]]
        if self.form == "graph":
            return ["subject", "predicate", "object"], [
                [term_text(t.subject), term_text(t.predicate), term_text(t.object)] for t in self.triples]
        return self.columns, [[term_text(v) for v in r] for r in self.rows]

    def __len__(self) -> int:
        return len(self.triples) if self.form == "graph" else 1 if self.form == "ask" else len(self.rows)

    def __str__(self) -> str:
        return format_rows(*self.table(), "table")

    __repr__ = __str__  # a notebook or the REPL shows the table

    def _repr_html_(self) -> str:
        """A notebook shows the result as a table (values escaped)."""
        from html import escape

        cols, rows = self.table()
        head = "".join(f"<th>{escape(c)}</th>" for c in cols)
        body = "".join("<tr>" + "".join(f"<td>{escape(v or '')}</td>" for v in r) + "</tr>" for r in rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def records(self) -> list[dict[str, str | None]]:
        cols, rows = self.table()
        return [dict(zip(cols, r)) for r in rows]

    def sparql_json(self) -> bytes:
        """SPARQL 1.1 Query Results JSON of a SELECT or ASK."""
        if self.form == "ask":
            return json.dumps({"head": {}, "boolean": self.boolean}).encode()
        bindings = [{c: json_term(v) for c, v in zip(self.columns, r) if v is not None} for r in self.rows]
        return json.dumps({"head": {"vars": self.columns}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")

    def serialize(self, fmt: str) -> bytes:
        """``fmt``: json, xml, csv, tsv (SELECT, ASK) or turtle, nt, jsonld (CONSTRUCT, DESCRIBE)."""
        if self.form == "graph":
            return ox.serialize(self.triples, format=GRAPH_FORMATS[fmt],
                                prefixes=PREFIXES if fmt == "turtle" else None) or b""
        data = self.sparql_json()
        if fmt == "json":
            return data
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=RESULT_FORMATS[fmt])


def json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {k: json_term(getattr(term, k)) for k in ("subject", "predicate", "object")}}


def collect(result, limit: int | None, kind: str | None = None) -> QueryResult:
    """Materialise at most ``limit`` results of a pyoxigraph result (the evaluation stops there).

    ``kind="graph"`` for a plain iterator of triples (parsed from a remote answer)."""
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    items = []
    truncated = False
    for item in result:
        if limit is not None and len(items) >= limit:
            truncated = True
            break
        items.append(item)
    if kind == "graph" or isinstance(result, ox.QueryTriples):
        return QueryResult("graph", triples=items, truncated=truncated)
    cols = [v.value for v in result.variables]
    return QueryResult("select", columns=cols, rows=[[sol[c] for c in cols] for sol in items], truncated=truncated)


def _evaluate(store: ox.Store, sparql: str, default_graph, substitutions, limit):
    try:
        result = store.query(bind_values(sparql, substitutions), prefixes=PREFIXES, default_graph=default_graph)
        return collect(result, limit)
    except SyntaxError as e:
        raise KgError(f"SPARQL syntax error: {str(e).splitlines()[0][:300]}") from None
    except (OSError, ValueError, RuntimeError, TypeError) as e:
        raise KgError(f"query failed: {str(e).splitlines()[0][:300] if str(e) else type(e).__name__}") from None


def execute(store: ox.Store, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT, limit: int | None = None,
            allow_service: set[str] | frozenset[str] = frozenset(), substitutions: dict | None = None,
            default_graph=WITH_ONTOLOGY) -> QueryResult:
    """Run a user's query on ``store`` (the graph and the ontology), safely; see the module's docstring."""
    check_query(sparql, {h.lower() for h in allow_service})
    return run_in_thread(lambda: _evaluate(store, sparql, default_graph, substitutions, limit), timeout)


def execute_at(store_dir: str, sparql: str, limit: int | None, allow_service: frozenset[str],
               substitutions: list | None) -> QueryResult:
    """:func:`execute` in a worker process (see :func:`kg.bounded.run_in_process`): opens the store itself.

    ``substitutions`` travel as (variable, N-Triples term) pairs, since pyoxigraph terms do not pickle.
    """
    subs = {ox.Variable(k): parse_term(v) for k, v in substitutions or []}
    result = execute(open_store(store_dir), sparql, timeout=None, limit=limit, allow_service=allow_service,
                     substitutions=subs)
    result.rows = [[None if v is None else str(v) for v in r] for r in result.rows]  # picklable
    result.triples = [str(t) for t in result.triples]
    return result


def parse_term(nt: str):
    """An RDF term from its N-Triples form (as ``str(term)`` gives it)."""
    t = next(iter(ox.parse(f"<urn:s> <urn:p> {nt} .", format=ox.RdfFormat.N_TRIPLES)))
    return t.object


def revive(result: QueryResult) -> QueryResult:
    """Turn the N-Triples strings of a result from a worker process back into terms."""
    result.rows = [[None if v is None else parse_term(v) for v in r] for r in result.rows]
    result.triples = [t.triple for t in ox.parse("\n".join(t + " ." for t in result.triples),
                                                 format=ox.RdfFormat.N_TRIPLES)] if result.triples else []
    return result


def run_query(store: ox.Store, sparql: str, with_ontology: bool = False) -> tuple[list[str], list[list[str | None]]]:
    """kg's own fixed queries: (columns, rows of plain values), the default graph (and the ontology)."""
    return _evaluate(store, sparql, WITH_ONTOLOGY if with_ontology else ox.DefaultGraph(), None, None).table()


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
