"""`kg validate`: check a built graph against the SHACL shapes in ontology/shapes.ttl (pyshacl)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SH, SKOS

from ontology import SHAPES

from .query import load_graph  # noqa: F401 - `kg validate` loads graphs through here
from .vocab import BASE


@dataclass
class Violation:
    focus: str
    path: str
    value: str
    message: str
    severity: str

    def line(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value and self.value != self.focus else ""
        return f"{self.severity}: {self.focus}{where}{value}: {self.message}"


@dataclass
class Report:
    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)

    def summary(self) -> str:
        if self.conforms:
            return f"conforms to the shapes: {self.triples} triples checked"
        top = Counter(v.message for v in self.violations).most_common(3)
        kinds = "; ".join(f"{n} x {msg}" for msg, n in top)
        more = "; ..." if len({v.message for v in self.violations}) > 3 else ""
        return f"graph violates the shapes: {len(self.violations)} violation(s): {kinds}{more}"


def short(term) -> str:
    if term is None:
        return ""
    s = str(term)
    for prefix, ns in (("kg:", BASE + "ontology#"), ("id:", BASE + "id/"), ("doc:", BASE + "doc/"),
                       ("ev:", BASE + "evidence/"), ("mention:", BASE + "mention/"), ("derived:", BASE + "derived/"),
                       ("rdf:", str(RDF)), ("rdfs:", str(RDFS)), ("skos:", str(SKOS)), ("prov:", str(PROV)),
                       ("dcterms:", str(DCTERMS)), ("sh:", str(SH))):
        if isinstance(term, URIRef) and s.startswith(ns):
            return prefix + s[len(ns):]
    return s if isinstance(term, URIRef) else repr(s)[:80]


def validate_graph(data: Graph) -> Report:
    """Validate ``data`` against ontology/shapes.ttl."""
    from pyshacl import validate

    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, results, _ = validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                    allow_warnings=True, abort_on_first=False)
    violations = []
    for r in results.subjects(SH.resultSeverity, None):
        if (r, SH.focusNode, None) not in results:
            continue
        violations.append(Violation(
            focus=short(results.value(r, SH.focusNode)),
            path=short(results.value(r, SH.resultPath)) if isinstance(results.value(r, SH.resultPath), URIRef) else "",
            value=short(results.value(r, SH.value)),
            message=str(results.value(r, SH.resultMessage) or short(results.value(r, SH.sourceConstraintComponent))),
            severity=short(results.value(r, SH.resultSeverity)).replace("sh:", ""),
        ))
    violations.sort(key=lambda v: (v.message, v.focus, v.path, v.value))
    return Report(bool(conforms), len(data), violations)
