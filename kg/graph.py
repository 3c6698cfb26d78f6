"""From per-document extraction results to one RDF graph on the kg ontology.

Entities of the same type that share a name or alias across documents become
one node with a stable IRI, derived from type and canonical name only: the same
input gives the same IRIs every run, whatever order the files come in. Each
entity carries ``rdfs:label`` (its canonical name), ``skos:altLabel`` (its other
names), ``kg:mentionedIn`` (its documents) and one ``kg:Mention`` node per
document line that names it, so that the entity, its type and its labels can be
traced to document and line. Every stated relation is a plain triple plus a
reified ``kg:Evidence`` node (document, line, quote, extractor, confidence).
Co-participation is derived and kept apart as ``kg:CoParticipation`` nodes,
``prov:wasDerivedFrom`` the evidence of the participations it rests on.
"""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from types import SimpleNamespace

import pyoxigraph as ox

from rdflib import RDF, RDFS, XSD, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from extractors import PREDICATES, SIGNATURE, TYPES
from extractors.records import DocResult, Relation

from .ingest import Document
from .vocab import DERIVED, DOC, EVIDENCE, ID, KG, MENTION, PREFIXES

log = logging.getLogger(__name__)

TYPE_CLASS = {t: KG[t] for t in TYPES}
PREDICATE = {p: KG[p] for p in PREDICATES}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


def clean(text: str, one_line: bool = True) -> str:
    """Text fit for a literal: NFC, no control characters, (by default) on one line."""
    s = unicodedata.normalize("NFC", text)
    if one_line:
        s = re.sub(r"\s+", " ", s)
    return _CONTROL.sub("", s).strip()


def slug(text: str) -> str:
    """ASCII slug for IRIs: 'Region Västerbotten' -> 'region-vasterbotten'."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s[:80].rstrip("-") or hashlib.sha1(text.encode()).hexdigest()[:12]


def short_hash(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass
class Node:
    """One entity of the whole graph, merged over documents."""

    iri: URIRef
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[str, int, str, str]] = field(default_factory=list)  # (doc id, line, text, extractor)


@dataclass
class Merged:
    """Entities merged over documents, and how each document's names map to them."""

    nodes: dict[URIRef, Node]
    local: dict[tuple[str, str], dict[str, URIRef]]  # (doc id, entity name) -> {type: IRI}

    def __iter__(self):  # (nodes, local), as older callers unpack it
        return iter((self.nodes, self.local))

    def resolve(self, doc_id: str, rel: Relation) -> tuple[URIRef, URIRef] | None:
        """IRIs of a relation's subject and object, of types that fit the predicate; None if none fit."""
        if rel.p not in SIGNATURE:
            return None
        dom, rng = SIGNATURE[rel.p]
        subj = self.local.get((doc_id, rel.s), {})
        obj = self.local.get((doc_id, rel.o), {})
        s = next((subj[t] for t in sorted(subj) if t in dom), None)
        o = next((obj[t] for t in sorted(obj) if t in rng), None)
        if s is None or o is None or s == o:
            return None
        return s, o


def merge_entities(docs: list[Document], results: list[DocResult]) -> Merged:
    """Merge per-document entities into graph nodes with stable IRIs."""
    from extractors.resolve import norm_key  # (imports spaCy: only when there is something to merge)

    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    items: list[tuple[Document, object]] = []
    owner: dict[tuple[str, str], int] = {}
    for doc, res in zip(docs, results):
        for ent in res.entities:
            if ent.type not in TYPE_CLASS or not clean(ent.name):
                log.warning("%s: skipped entity %r of unknown type %r", doc.name, ent.name, ent.type)
                continue
            i = len(items)
            items.append((doc, ent))
            parent[i] = i
            for n in (ent.name, *ent.aliases):
                k = (ent.type, norm_key(n))
                if not k[1]:
                    continue
                if k in owner:
                    parent[find(i)] = find(owner[k])
                else:
                    owner[k] = i
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)

    proto = []  # (type, name, members): IRIs are assigned in an order that depends on the content only
    for members in groups.values():
        ents = [items[i][1] for i in members]
        counts: Counter = Counter()
        for e in ents:
            counts[clean(e.name)] += max(len(e.mentions), 1)
        # A name that another document gives as an alias ("FREIA" beside its long form) is not canonical
        # if there is another candidate; then the most mentioned name wins, ties alphabetically.
        alias_keys = {norm_key(a) for e in ents for a in e.aliases}
        name = sorted(counts, key=lambda n: (norm_key(n) in alias_keys, -counts[n], n))[0]
        proto.append((ents[0].type, name, members))
    proto.sort(key=lambda x: (x[0], x[1], sorted(norm_key(items[i][1].name) for i in x[2])))

    nodes: dict[URIRef, Node] = {}
    local: dict[tuple[str, str], dict[str, URIRef]] = defaultdict(dict)
    for etype, name, members in proto:
        iri = ID[f"{etype.lower()}/{slug(name)}"]
        n = 0
        while iri in nodes:  # two entities with one slug: disambiguate by a hash of the name
            n += 1
            iri = ID[f"{etype.lower()}/{slug(name)}-{short_hash(name, str(n))[:6]}"]
        node = Node(iri, name, etype)
        for i in members:
            doc, e = items[i]
            node.aliases.update(clean(a) for a in (e.name, *e.aliases))
            node.mentions.extend((doc.id, m.line, clean(m.text), m.source) for m in e.mentions)
            local[(doc.id, e.name)][etype] = iri
        node.aliases.discard(name)
        node.aliases.discard("")
        nodes[iri] = node
    return Merged(nodes, dict(local))


@dataclass
class Stated:
    """A relation of one document, resolved to graph IRIs."""

    doc: Document
    s: URIRef
    p: str
    o: URIRef
    rel: Relation


def stated_relations(docs: list[Document], results: list[DocResult], merged: Merged) -> list[Stated]:
    """The relations whose subject and object resolve to entities of fitting types (others are logged)."""
    out: dict[tuple, Stated] = {}
    for doc, res in zip(docs, results):
        # the most confident statement of a triple on one line is its evidence there
        for r in sorted(res.relations, key=lambda r: (-float(r.confidence), r.extractor, r.evidence)):
            so = merged.resolve(doc.id, r)
            if so is None:
                log.info("%s:%s: dropped relation %s %s %s (no entities of fitting types)",
                         doc.name, r.line, r.s, r.p, r.o)
                continue
            out.setdefault((doc.id, so[0], r.p, so[1], r.line), Stated(doc, so[0], r.p, so[1], r))
    return list(out.values())


def co_participation(triples) -> dict[tuple[URIRef, URIRef], set[URIRef]]:
    """Pairs of organisations taking part in the same project -> the shared projects."""
    members: dict[URIRef, set[URIRef]] = defaultdict(set)
    for s, p, o in triples:
        if p in ("participatesIn", "leads"):
            members[o].add(s)
    pairs: dict[tuple[URIRef, URIRef], set[URIRef]] = defaultdict(set)
    for project, orgs in members.items():
        for a, b in combinations(sorted(orgs), 2):
            pairs[(a, b)].add(project)
    return pairs


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():  # the one prefix table (kg/vocab.py)
        g.bind(prefix, ns, override=True)
    return g


def build_graph(docs: list[Document], results: list[DocResult], merged: Merged | None = None) -> Graph:
    """The RDF graph of ``docs`` and their extraction ``results`` (``merged``: from :func:`merge_entities`)."""
    g = new_graph()
    data = ox.serialize(graph_triples(docs, results, merged), format=ox.RdfFormat.N_TRIPLES) or b""
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


def _nodes(**terms: URIRef) -> SimpleNamespace:
    """Oxigraph nodes of vocabulary terms, derived once from their rdflib namespaces (kg/vocab.py)."""
    return SimpleNamespace(**{name: ox.NamedNode(str(term)) for name, term in terms.items()})


# the terms graph_triples writes: kg: terms under their own names, the others by what they say
V = _nodes(type=RDF.type, label=RDFS.label, altLabel=SKOS.altLabel, title=DCTERMS.title,
           wasDerivedFrom=PROV.wasDerivedFrom, subject=RDF.subject, predicate=RDF.predicate, object=RDF.object,
           gYear=XSD.gYear, decimal=XSD.decimal, integer=XSD.integer,
           **{t: KG[t] for t in ("Document", "sourcePath", "year", "mentionedIn", "Mention", "refersTo", "line",
                                 "text", "extractor", "Evidence", "quote", "confidence", "CoParticipation",
                                 "actor", "weight", "viaProject")})
OX_CLASS = {t: ox.NamedNode(str(c)) for t, c in TYPE_CLASS.items()}
OX_PREDICATE = {p: ox.NamedNode(str(c)) for p, c in PREDICATE.items()}
DOC_BASE, EVIDENCE_BASE, MENTION_BASE, DERIVED_BASE = str(DOC), str(EVIDENCE), str(MENTION), str(DERIVED)


class _Terms:
    """Oxigraph terms made once each: entity and document IRIs by their string, integers by value
    (mention and evidence IRIs are used once each and not kept)."""

    def __init__(self):
        self.iris: dict[str, ox.NamedNode] = {}
        self.ints: dict[int, ox.Literal] = {}

    def iri(self, value: str) -> ox.NamedNode:
        found = self.iris.get(value)
        if found is None:
            found = self.iris[value] = ox.NamedNode(value)
        return found

    def integer(self, value: int) -> ox.Literal:
        found = self.ints.get(value)
        if found is None:
            found = self.ints[value] = ox.Literal(str(value), datatype=V.integer)
        return found


def graph_triples(docs: list[Document], results: list[DocResult], merged: Merged | None = None,
                  stated: list[Stated] | None = None) -> Iterator[ox.Triple]:
    """The triples of :func:`build_graph`, one after another as Oxigraph triples (a triple may come twice).

    A generator, so that `kg build` streams them into its Oxigraph store without holding the graph in
    Python objects (a 50 MB report makes over a million triples); ``stated``: from :func:`stated_relations`.
    """
    T = ox.Triple
    terms = _Terms()
    iri = terms.iri
    for doc in docs:
        d = iri(DOC_BASE + doc.id)
        yield T(d, V.type, V.Document)
        yield T(d, V.title, ox.Literal(clean(doc.title) or doc.name))
        yield T(d, V.label, ox.Literal(clean(doc.name)))
        yield T(d, V.sourcePath, ox.Literal(clean(doc.path)))
        if doc.year:
            yield T(d, V.year, ox.Literal(str(doc.year), datatype=V.gYear))
    if merged is None:
        merged = merge_entities(docs, results)
    for node in merged.nodes.values():
        yield from _node_triples(terms, node)
    if stated is None:
        stated = stated_relations(docs, results, merged)
    evidence_of: dict[tuple[URIRef, str, URIRef], list[ox.NamedNode]] = defaultdict(list)
    for st in stated:
        ev = ox.NamedNode(EVIDENCE_BASE + short_hash(st.doc.id, str(st.s), st.p, str(st.o), str(st.rel.line)))
        evidence_of[(st.s, st.p, st.o)].append(ev)
        yield from _evidence_triples(terms, st, ev)
    yield from _co_participation_triples(terms, stated, evidence_of)


def _evidence_triples(terms: _Terms, st: Stated, ev: ox.NamedNode) -> Iterator[ox.Triple]:
    """A stated relation as a plain triple, and its reified kg:Evidence node ``ev``."""
    T, r = ox.Triple, st.rel
    s, p, o = terms.iri(str(st.s)), OX_PREDICATE[st.p], terms.iri(str(st.o))
    yield T(s, p, o)
    yield T(ev, V.type, V.Evidence)
    yield T(ev, V.subject, s)
    yield T(ev, V.predicate, p)
    yield T(ev, V.object, o)
    yield T(ev, V.wasDerivedFrom, terms.iri(DOC_BASE + st.doc.id))
    yield T(ev, V.line, terms.integer(int(r.line)))
    yield T(ev, V.quote, ox.Literal(clean(r.evidence)))
    yield T(ev, V.extractor, ox.Literal(r.extractor))
    conf = min(max(float(r.confidence), 0.0), 1.0)
    yield T(ev, V.confidence, ox.Literal(f"{conf:.3f}", datatype=V.decimal))


def _co_participation_triples(terms: _Terms, stated: list[Stated], evidence_of: dict) -> Iterator[ox.Triple]:
    """kg:CoParticipation nodes, derived from the evidence that each actor takes part in the shared project."""
    T, iri = ox.Triple, terms.iri
    for (a, b), projects in co_participation({(st.s, st.p, st.o) for st in stated}).items():
        cp = iri(DERIVED_BASE + short_hash(str(a), str(b)))
        yield T(cp, V.type, V.CoParticipation)
        yield T(cp, V.actor, iri(str(a)))
        yield T(cp, V.actor, iri(str(b)))
        yield T(cp, V.weight, terms.integer(len(projects)))
        for p in sorted(projects):
            yield T(cp, V.viaProject, iri(str(p)))
            for actor in (a, b):
                for pred in ("participatesIn", "leads"):
                    for ev in evidence_of.get((actor, pred, p), ()):
                        yield T(cp, V.wasDerivedFrom, ev)


def _node_triples(terms: _Terms, node: Node) -> Iterator[ox.Triple]:
    """An entity's type, labels, documents and one kg:Mention per document line that names it."""
    T = ox.Triple
    e = terms.iri(str(node.iri))
    yield T(e, V.type, OX_CLASS[node.type])
    yield T(e, V.label, ox.Literal(node.name, language="sv"))
    for alias in sorted(node.aliases):
        yield T(e, V.altLabel, ox.Literal(alias, language="sv"))
    by_line: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for doc_id, line, text, source in node.mentions:
        by_line[(doc_id, line)].append((text, source))
    for doc_id in sorted({doc_id for doc_id, _ in by_line}):
        yield T(e, V.mentionedIn, terms.iri(DOC_BASE + doc_id))
    for (doc_id, line), forms in by_line.items():
        m = ox.NamedNode(MENTION_BASE + short_hash(str(node.iri), doc_id, str(line)))
        yield T(m, V.type, V.Mention)
        yield T(m, V.refersTo, e)
        yield T(m, V.wasDerivedFrom, terms.iri(DOC_BASE + doc_id))
        yield T(m, V.line, terms.integer(int(line)))
        for text, source in forms:
            yield T(m, V.text, ox.Literal(text or node.name))
            yield T(m, V.extractor, ox.Literal(source or "unknown"))
