"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint on a build's store (standard library HTTP server).

* ``/sparql`` (also ``/query``): GET ``?query=``, POST as a form (``query=``) or ``application/sparql-query``.
  SELECT/ASK answers in SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT/DESCRIBE in Turtle (default),
  N-Triples or JSON-LD, chosen by the Accept header or by ``?format=json|xml|csv|tsv|turtle|nt|jsonld``.
* Updates (``update=``, ``application/sparql-update``, or an update sent as a query) get 403, and so does
  a SERVICE clause to a host not allowed. A syntax error is 400, a query over the timeout 503.
* ``/ask`` lists the named questions (JSON); ``/ask/NAME?key=value`` asks one.

Every query runs in its own child process (:func:`kg.bounded.run_in_process`) that is killed at the
timeout, so a runaway query neither blocks the server nor keeps eating memory after its answer is due.
"""
from __future__ import annotations

import json
import logging
import os
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .bounded import QueryTimeout, run_in_process
from .errors import KgError
from .query import execute_at
from .questions import get_question, questions
from .sparql_guard import QueryRefused, query_form
from .triplestore import open_store, store_path

log = logging.getLogger(__name__)

RESULT_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_TYPES = {"turtle": "text/turtle", "nt": "application/n-triples", "jsonld": "application/ld+json"}
ALIASES = {"application/json": "json", "text/plain": "nt", "application/xml": "xml", "text/xml": "xml"}


def negotiate(accept: str, fmt: str | None, graph: bool) -> str | None:
    """The format to answer in: ``fmt`` if given, else the best Accept match; None if nothing fits."""
    table = GRAPH_TYPES if graph else RESULT_TYPES
    if fmt:
        return fmt if fmt in table else None
    by_type = {v: k for k, v in table.items()}
    ranked = []
    for i, part in enumerate(accept.split(",") if accept else ["*/*"]):
        mime, *opts = [x.strip() for x in part.split(";")]
        quality = 1.0
        for o in opts:
            if o.startswith("q="):
                try:
                    quality = float(o[2:])
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, i, mime.lower()))
    for quality, _, mime in sorted(ranked):
        if quality == 0:
            continue
        if mime in by_type:
            return by_type[mime]
        if ALIASES.get(mime) in table:
            return ALIASES[mime]
        if mime in ("*/*", "application/*", "text/*"):
            return "turtle" if graph else "json"
    return None


def answer_at(store_dir: str, sparql: str, limit: int | None, allow_service: frozenset[str], bindings: list,
              fmt: str) -> tuple[bytes, bool]:
    """(serialised answer, truncated): run in the query's child process."""
    result = execute_at(store_dir, sparql, limit, allow_service, bindings)
    from .query import revive

    return revive(result).serialize(fmt), result.truncated


class Handler(BaseHTTPRequestHandler):
    server_version = "kg-serve"
    config: dict  # set by make_server: store_dir, timeout, limit, allow_service

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        log.info("%s %s", self.address_string(), format % args)

    def send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8", extra: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")  # YASGUI and other browser tools
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def error(self, status: int, message: str) -> None:
        self.send(status, (message + "\n").encode("utf-8"))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        self.route(url.path, params, None)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return self.error(HTTPStatus.FORBIDDEN, "updates are not allowed: this endpoint is read-only")
        if ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype in ("application/x-www-form-urlencoded", ""):
            for k, v in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
        else:
            return self.error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"cannot read a POST body of type {ctype}")
        self.route(url.path, params, body)

    def route(self, path: str, params: dict, body: str | None) -> None:
        try:
            if path in ("/sparql", "/query", "/"):
                if "update" in params:
                    return self.error(HTTPStatus.FORBIDDEN, "updates are not allowed: this endpoint is read-only")
                if not params.get("query"):
                    return self.error(HTTPStatus.BAD_REQUEST, "give a SPARQL query as ?query=...")
                return self.run(params["query"][0], [], params)
            if path.rstrip("/") == "/ask":
                listing = {n: {"description": q.description, "params": {p.name: p.help for p in q.params}}
                           for n, q in questions().items()}
                return self.send(HTTPStatus.OK, json.dumps(listing, ensure_ascii=False, indent=1).encode(),
                                 "application/json")
            if path.startswith("/ask/"):
                question = get_question(path[len("/ask/"):])
                values = {k: v[0] for k, v in params.items() if k != "format"}
                bindings = [(k.value, str(t)) for k, t in question.bind(values).items()]
                return self.run(question.sparql, bindings, params)
            return self.error(HTTPStatus.NOT_FOUND, "not found: use /sparql, /ask or /ask/NAME")
        except QueryRefused as e:
            self.error(HTTPStatus.FORBIDDEN, e.message)
        except QueryTimeout as e:
            self.error(HTTPStatus.SERVICE_UNAVAILABLE, e.message)
        except KgError as e:
            self.error(HTTPStatus.BAD_REQUEST, e.message)

    def run(self, sparql: str, bindings: list, params: dict) -> None:
        cfg = self.config
        form = query_form(sparql)
        if form == "UPDATE":
            raise QueryRefused("updates are not allowed: this endpoint is read-only")
        fmt = negotiate(self.headers.get("Accept", ""), (params.get("format") or [None])[0],
                        graph=form in ("CONSTRUCT", "DESCRIBE"))
        if fmt is None:
            return self.error(HTTPStatus.NOT_ACCEPTABLE, "no acceptable format: see GET /ask for the formats")
        args = (cfg["store_dir"], sparql, cfg["limit"], cfg["allow_service"], bindings, fmt)
        data, truncated = run_in_process(answer_at, args, cfg["timeout"])
        ctype = (GRAPH_TYPES | RESULT_TYPES)[fmt]
        if ctype.startswith("text/") or ctype.endswith("json"):
            ctype += "; charset=utf-8"
        self.send(HTTPStatus.OK, data, ctype, {"X-kg-Truncated": "true"} if truncated else None)


def make_server(graph_dir: str | Path, host: str = "127.0.0.1", port: int = 8000, *, timeout: float | None = 30,
                limit: int | None = 10000, allow_service: set[str] = frozenset()) -> ThreadingHTTPServer:
    """A server for ``graph_dir`` (not yet serving: call ``serve_forever``); port 0 picks a free one."""
    store_dir = os.path.abspath(store_path(graph_dir))  # not resolved: each query opens the current build's store
    open_store(graph_dir)  # fail now, in one line, if the store cannot be opened
    config = {"store_dir": store_dir, "timeout": timeout, "limit": limit,
              "allow_service": frozenset(h.lower() for h in allow_service)}
    handler = type("KgHandler", (Handler,), {"config": config})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as e:
        raise KgError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    server.daemon_threads = True
    return server
