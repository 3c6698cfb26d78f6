"""Beyond one machine: push a build to a SPARQL 1.1 store and query it there.

Pushing uses the SPARQL 1.1 Graph Store HTTP Protocol: an HTTP PUT of the graph as N-Triples to
``URL?graph=IRI`` replaces that named graph whole, so pushing the same build again replaces it rather
than adding a copy. Each build goes to its own named graph (by default named after the build folder),
the ontology to :data:`~kg.vocab.ONTOLOGY_GRAPH`. Querying uses the SPARQL 1.1 Protocol (POST of the
query form) with the build's graph and the ontology as the default graph, so a query sees there what
it sees locally. Only the standard library's HTTP client is used.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from .errors import KgError
from .query import QueryResult, collect
from .sparql_guard import bind_values, check_query
from .triplestore import count_data, data_quads, ontology_quads, open_store
from .vocab import BASE, ONTOLOGY_GRAPH, PREFIXES

GRAPH_BASE = BASE + "graph/"
PROLOGUE = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


def graph_iri(graph_dir: str | Path, name: str | None = None) -> str:
    """The named graph a build goes to: ``name`` if it is an IRI, else BASE/graph/<name or folder name>."""
    if name and "://" in name:
        return name
    return GRAPH_BASE + urllib.parse.quote(name or Path(graph_dir).resolve().name, safe="")


def _request(req: urllib.request.Request, timeout: float | None) -> bytes:
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.read()
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8", "replace").strip().splitlines()
        raise KgError(f"{req.get_method()} {req.full_url}: HTTP {e.code} {e.reason}"
                      f"{': ' + body[0][:200] if body else ''}") from None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise KgError(f"cannot reach {req.full_url}: {reason}") from None


def put_graph(url: str, iri: str, quads, timeout: float | None = 300) -> None:
    """Replace the named graph ``iri`` at Graph Store endpoint ``url`` with ``quads``' triples."""
    body = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES) or b""
    sep = "&" if "?" in url else "?"
    req = urllib.request.Request(f"{url}{sep}graph={urllib.parse.quote(iri, safe='')}", data=body, method="PUT",
                                 headers={"Content-Type": "application/n-triples"})
    _request(req, timeout)


def push(url: str, graph_dir: str | Path, name: str | None = None, timeout: float | None = 300) -> dict:
    """Push a build and the ontology to the Graph Store endpoint ``url``; returns what was pushed."""
    store = open_store(graph_dir)
    iri = graph_iri(graph_dir, name)
    put_graph(url, iri, data_quads(store), timeout)
    put_graph(url, ONTOLOGY_GRAPH, ontology_quads(store), timeout)
    return {"graph": iri, "triples": count_data(store), "url": url}


def remote_execute(endpoint: str, sparql: str, *, graphs: list[str] = (), timeout: float | None = 30,
                   limit: int | None = None, allow_service: set[str] | frozenset[str] = frozenset(),
                   substitutions: dict | None = None) -> QueryResult:
    """Run a query at a SPARQL 1.1 Protocol endpoint, with the same checks as a local one.

    ``graphs``: the named graphs that make the default graph (a pushed build and the ontology).
    ``substitutions`` (variable -> term) are bound as locally, by :func:`~kg.sparql_guard.bind_values`.
    """
    form = check_query(sparql, {h.lower() for h in allow_service})
    text = PROLOGUE + (bind_values(sparql, substitutions) if substitutions else sparql)
    fields = [("query", text)] + [("default-graph-uri", g) for g in graphs]
    accept = "application/n-triples" if form in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"
    req = urllib.request.Request(endpoint, data=urllib.parse.urlencode(fields).encode(), method="POST",
                                 headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
    body = _request(req, timeout)
    try:
        if form in ("CONSTRUCT", "DESCRIBE"):
            return collect((t.triple for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)), limit, "graph")
        return collect(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON), limit)
    except (SyntaxError, ValueError) as e:
        raise KgError(f"{endpoint} answered something that is not SPARQL results: {str(e)[:200]}") from None


def probe(endpoint: str, timeout: float = 5) -> bool:
    """True if ``endpoint`` answers an ASK (used to wait for a server)."""
    try:
        req = urllib.request.Request(endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"}),
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return "boolean" in json.loads(resp.read())
    except (OSError, ValueError):
        return False
