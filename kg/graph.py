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
from dataclasses import dataclass, field
from itertools import combinations

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
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
    for t in graph_triples(docs, results, merged):
        g.add(t)
    return g


def graph_triples(docs: list[Document], results: list[DocResult], merged: Merged | None = None) -> set[tuple]:
    """The triples of :func:`build_graph`, as a set of rdflib term tuples (no Graph: `kg build` hands them
    to Oxigraph, which serialises and stores them many times faster than an rdflib Graph would)."""
    triples: set[tuple] = set()
    add = triples.add
    for doc in docs:
        d = DOC[doc.id]
        add((d, RDF.type, KG.Document))
        add((d, DCTERMS.title, Literal(clean(doc.title) or doc.name)))
        add((d, RDFS.label, Literal(clean(doc.name))))
        add((d, KG.sourcePath, Literal(clean(doc.path))))
        if doc.year:
            add((d, KG.year, Literal(str(doc.year), datatype=XSD.gYear)))
    if merged is None:
        merged = merge_entities(docs, results)
    for node in merged.nodes.values():
        add((node.iri, RDF.type, TYPE_CLASS[node.type]))
        add((node.iri, RDFS.label, Literal(node.name, lang="sv")))
        for alias in sorted(node.aliases):
            add((node.iri, SKOS.altLabel, Literal(alias, lang="sv")))
        by_line: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
        for doc_id, line, text, source in node.mentions:
            by_line[(doc_id, line)].append((text, source))
        for doc_id in sorted({doc_id for doc_id, _ in by_line}):
            add((node.iri, KG.mentionedIn, DOC[doc_id]))
        for (doc_id, line), forms in by_line.items():
            m = MENTION[short_hash(str(node.iri), doc_id, str(line))]
            add((m, RDF.type, KG.Mention))
            add((m, KG.refersTo, node.iri))
            add((m, PROV.wasDerivedFrom, DOC[doc_id]))
            add((m, KG.line, Literal(int(line))))
            for text, source in forms:
                add((m, KG.text, Literal(text or node.name)))
                add((m, KG.extractor, Literal(source or "unknown")))
    stated = stated_relations(docs, results, merged)
    evidence_of: dict[tuple[URIRef, str, URIRef], list[URIRef]] = defaultdict(list)
    for st in stated:
        r = st.rel
        add((st.s, PREDICATE[st.p], st.o))
        ev = EVIDENCE[short_hash(st.doc.id, str(st.s), st.p, str(st.o), str(r.line))]
        evidence_of[(st.s, st.p, st.o)].append(ev)
        add((ev, RDF.type, KG.Evidence))
        add((ev, RDF.subject, st.s))
        add((ev, RDF.predicate, PREDICATE[st.p]))
        add((ev, RDF.object, st.o))
        add((ev, PROV.wasDerivedFrom, DOC[st.doc.id]))
        add((ev, KG.line, Literal(int(r.line))))
        add((ev, KG.quote, Literal(clean(r.evidence))))
        add((ev, KG.extractor, Literal(r.extractor)))
        conf = min(max(float(r.confidence), 0.0), 1.0)
        add((ev, KG.confidence, Literal(f"{conf:.3f}", datatype=XSD.decimal)))
    for (a, b), projects in co_participation({(st.s, st.p, st.o) for st in stated}).items():
        cp = DERIVED[short_hash(str(a), str(b))]
        add((cp, RDF.type, KG.CoParticipation))
        add((cp, KG.actor, a))
        add((cp, KG.actor, b))
        add((cp, KG.weight, Literal(len(projects))))
        for p in sorted(projects):
            add((cp, KG.viaProject, p))
            for actor in (a, b):  # derived from the evidence that each takes part in the project
                for pred in ("participatesIn", "leads"):
                    for ev in evidence_of.get((actor, pred, p), ()):
                        add((cp, PROV.wasDerivedFrom, ev))
    return triples
