"""What a SPARQL text may do before it runs: read-only, and no SERVICE calls unless the host is allowed.

Two independent readings of the text must agree before a query that mentions SERVICE runs:

* a lexer that knows SPARQL's comments, strings and IRIs (so ``# SERVICE`` in a comment, ``"SERVICE"``
  in a string or ``ex:SERVICE`` as a name are not calls, and a call cannot hide behind a comment);
* rdflib's SPARQL parser, whose parse tree names every ``ServiceGraphPattern`` with its endpoint.

A query whose text, after \\u escapes are decoded, does not contain "service" at all cannot call one and
is not parsed twice (the common case costs one substring test). Otherwise every SERVICE the lexer sees
must be one the parser found, with a literal IRI whose host is in the allowed set; anything else is
refused, including a query the parser cannot read.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from .errors import KgError
from .vocab import PREFIXES

UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(r"""
    (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<comment>\#[^\n\r]*)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<pname>[\w.-]*:[\w.:%\\-]*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<other>\S)
""", re.X | re.S)


class QueryRefused(KgError):
    """A query asks for something `kg` does not do for it (update, SERVICE to a host not allowed)."""


def decode_escapes(text: str) -> str:
    """SPARQL's \\uXXXX and \\UXXXXXXXX escapes, which may stand anywhere in a query, decoded."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def words(text: str) -> list[str]:
    """The keywords of a query, upper-cased, in order: no comments, strings, IRIs, names or variables."""
    return [m.group("word").upper() for m in _TOKEN.finditer(decode_escapes(text)) if m.lastgroup == "word"]


@lru_cache(maxsize=256)  # named questions and repeated queries are checked once
def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT, DESCRIBE, or UPDATE for an update; None if the text starts with neither."""
    for w in words(text):
        if w in ("PREFIX", "BASE"):
            continue
        if w in QUERY_FORMS:
            return w
        return "UPDATE" if w in UPDATE_WORDS else None
    return None


def check_query(text: str, allow_service: set[str] | frozenset[str] = frozenset()) -> str | None:
    """Refuse updates and SERVICE calls to hosts not in ``allow_service``; returns the query form."""
    form = query_form(text)
    if form == "UPDATE":
        raise QueryRefused("updates are not allowed: the graph is read-only (rebuild it with `kg build` instead)")
    check_service(text, allow_service)
    return form


def check_service(text: str, allowed: set[str] | frozenset[str]) -> None:
    _check_service(text, frozenset(allowed))


@lru_cache(maxsize=256)
def _check_service(text: str, allowed: frozenset[str]) -> None:
    decoded = decode_escapes(text)
    if "service" not in decoded.casefold():
        return
    seen = words(decoded).count("SERVICE")
    if not seen:
        return
    hint = "; allow a host with --allow-service HOST" if not allowed else ""
    try:
        endpoints = service_endpoints(decoded)
    except Exception as e:  # noqa: BLE001 - any parser failure means: cannot check, so refuse
        raise QueryRefused(f"SERVICE is not allowed in a query that cannot be checked ({type(e).__name__})") from None
    if len(endpoints) < seen:
        raise QueryRefused("SERVICE is not allowed here: a SERVICE clause could not be checked")
    for iri in endpoints:
        if iri is None:
            raise QueryRefused("SERVICE with a variable endpoint is not allowed")
        host = urlsplit(iri).hostname or ""
        if host not in allowed:
            raise QueryRefused(f"SERVICE <{iri}> is not allowed: host {host or '?'} is not allowed{hint}")


def service_endpoints(text: str) -> list[str | None]:
    """The endpoint IRI of every SERVICE clause (None for a variable), read by rdflib's SPARQL parser."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import URIRef

    tree = parseQuery(text)
    declared = dict(PREFIXES)
    for decl in tree[0]:
        if isinstance(decl, CompValue) and decl.name == "PrefixDecl":
            declared[decl.get("prefix") or ""] = str(decl.iri)
    found: list[str | None] = []

    def walk(node) -> None:
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                term = node.get("term")
                if isinstance(term, URIRef):
                    found.append(str(term))
                elif isinstance(term, CompValue) and term.name == "pname":
                    ns = declared.get(term.get("prefix") or "")
                    found.append(None if ns is None else ns + (term.get("localname") or ""))
                else:
                    found.append(None)
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple, ParseResults)):
            for item in node:
                walk(item)

    walk(tree)
    return found


@lru_cache(maxsize=256)
def where_brace(text: str) -> int:
    """Offset of the ``{`` that opens a SELECT/ASK query's WHERE group (outside comments, strings, IRIs)."""
    seen_form = False
    for m in _TOKEN.finditer(text):
        kind, tok = m.lastgroup, m.group()
        if kind == "word" and tok.upper() in ("WHERE", "SELECT", "ASK"):
            seen_form = True
        elif kind == "other" and tok == "{" and seen_form:
            return m.start()
    raise KgError("cannot bind parameters: the query has no WHERE group")


def bind_values(sparql: str, bindings: dict) -> str:
    """The query with ``VALUES (?a ?b) { (t1 t2) }`` first in its WHERE group: SPARQL's own way to bind.

    ``bindings`` maps pyoxigraph Variables to terms. Each term is written by Oxigraph in N-Triples
    syntax (quotes, backslashes and line breaks escaped), so a value is always exactly one term and can
    never change the query around it. (Oxigraph's own ``substitutions`` would need every bound
    variable in the SELECT clause, which would repeat the parameters in every row and, for a name
    matched against labels and aliases, give one row per alias.)
    """
    if not bindings:
        return sparql
    names = " ".join(f"?{v.value}" for v in bindings)
    terms = " ".join(str(t) for t in bindings.values())
    at = where_brace(sparql) + 1
    return f"{sparql[:at]}\n  VALUES ({names}) {{ ({terms}) }}\n{sparql[at:]}"
