"""`kg validate`: check a built graph against the SHACL shapes in ontology/shapes.ttl (pyshacl)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from ontology import SHAPES

from .query import load_graph  # noqa: F401 - `kg validate` loads graphs through here
from .vocab import PREFIXES

NAMESPACES = tuple((f"{prefix}:", ns) for prefix, ns in PREFIXES.items())  # the one prefix table
_IRI_IN_TEXT = re.compile(r"<?(https?://[^\s<>\"{}|\\^`,]+)>?")


@dataclass
class Violation:
    focus: str
    path: str
    value: str
    message: str
    severity: str
    kind: str = ""  # the shape constraint that failed; violations of one kind are counted together

    def line(self) -> str:
        if self.value and self.value in self.message:  # the message names the offending nodes itself
            return f"{self.severity}: {self.message}"
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value and self.value != self.focus else ""
        return f"{self.severity}: {self.focus}{where}{value}: {self.message}"


@dataclass
class Report:
    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)

    def summary(self) -> str:
        """One line: conforms, or how many violations of which kinds (with one example message each)."""
        if self.conforms:
            return f"conforms to the shapes: {self.triples} triples checked"
        counts = Counter(v.kind for v in self.violations)
        example = {}
        for v in self.violations:
            example.setdefault(v.kind, v.message)
        kinds = "; ".join(f"{n} x {example[k]}" for k, n in counts.most_common(3))
        more = f"; and {len(counts) - 3} more kind(s)" if len(counts) > 3 else ""
        return f"graph violates the shapes: {len(self.violations)} violation(s): {kinds}{more}"


def short(term) -> str:
    """A term for people: IRIs in the project's namespaces as prefixed names, literals quoted."""
    if term is None:
        return ""
    s = str(term)
    if not isinstance(term, URIRef):
        return repr(s)[:80]
    for prefix, ns in NAMESPACES:
        if s.startswith(ns):
            return prefix + s[len(ns):]
    return s


def shorten_text(text: str) -> str:
    return _IRI_IN_TEXT.sub(lambda m: short(URIRef(m.group(1))), text)


def validate_graph(data: Graph) -> Report:
    """Validate ``data`` against ontology/shapes.ttl."""
    from pyshacl import validate

    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, results, _ = validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                    allow_warnings=True, abort_on_first=False)
    if not isinstance(results, Graph):  # pyshacl could not use the shapes: a bug of ours, say so
        raise RuntimeError(f"SHACL validation failed to run: {results}")
    violations = []
    for r in results.subjects(SH.resultSeverity, None):
        path = results.value(r, SH.resultPath)
        component = results.value(r, SH.sourceConstraintComponent)
        kind = f"{results.value(r, SH.sourceShape)}|{component}|{results.value(r, SH.sourceConstraint)}"
        violations.append(Violation(
            focus=short(results.value(r, SH.focusNode)),
            path=short(path) if isinstance(path, URIRef) else "",
            value=short(results.value(r, SH.value)),
            message=shorten_text(str(results.value(r, SH.resultMessage) or short(component))),
            severity=short(results.value(r, SH.resultSeverity)).replace("sh:", ""),
            kind=kind,
        ))
    violations.sort(key=lambda v: (v.kind, v.focus, v.path, v.value, v.message))
    return Report(bool(conforms), len(data), violations)
