"""From per-document extraction results to one RDF graph on the kg ontology.

Entities of the same type that share a name or alias across documents become
one node with a stable IRI (derived from type and canonical name only, so the
same input gives the same IRIs every run). Every stated relation is a plain
triple plus a reified ``kg:Evidence`` node that says which document and line
state it, with the quote. Co-participation is derived and kept apart as
``kg:CoParticipation`` nodes.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from extractors.records import DocResult
from extractors.resolve import norm_key

from .ingest import Document
from .vocab import DERIVED, DOC, EVIDENCE, ID, KG

TYPE_CLASS = {"Organisation": KG.Organisation, "Project": KG.Project,
              "Strategy": KG.Strategy, "FundingSource": KG.FundingSource}
PREDICATE = {p: KG[p] for p in ("participatesIn", "leads", "fundedBy", "implements",
                                "responsibleFor", "manages", "partOf", "collaboratesWith")}


def slug(text: str) -> str:
    """ASCII slug for IRIs: 'Region Västerbotten' -> 'region-vasterbotten'."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s[:80] or hashlib.sha1(text.encode()).hexdigest()[:12]


@dataclass
class Node:
    """One entity of the whole graph, merged over documents."""

    iri: URIRef
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[str, int, str, str]] = field(default_factory=list)  # (doc id, line, text, extractor)


def merge_entities(docs: list[Document], results: list[DocResult]) -> tuple[dict[URIRef, Node], dict]:
    """Merge per-document entities into graph nodes.

    Returns (nodes by IRI, {(doc id, local entity name): IRI}).
    """
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    items = []  # (doc, entity)
    owner: dict[tuple[str, str], int] = {}
    for doc, res in zip(docs, results):
        for ent in res.entities:
            i = len(items)
            items.append((doc, ent))
            parent[i] = i
            for n in (ent.name, *ent.aliases):
                k = (ent.type, norm_key(n))
                if k in owner:
                    parent[find(i)] = find(owner[k])
                else:
                    owner[k] = i
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    nodes: dict[URIRef, Node] = {}
    local: dict[tuple[str, str], URIRef] = {}
    for members in sorted(groups.values(), key=lambda g: g[0]):
        ents = [items[i][1] for i in members]
        etype = ents[0].type
        counts = Counter()
        for e in ents:
            counts[e.name] += max(len(e.mentions), 1)
        name = sorted(counts, key=lambda n: (-counts[n], n))[0]
        iri = ID[f"{etype.lower()}/{slug(name)}"]
        while iri in nodes:  # two different entities with one slug: disambiguate stably
            iri = URIRef(iri + "-" + hashlib.sha1(name.encode()).hexdigest()[:6])
        node = Node(iri, name, etype)
        for i in members:
            doc, e = items[i]
            node.aliases.update({e.name, *e.aliases})
            node.mentions.extend((doc.id, m.line, m.text, m.source) for m in e.mentions)
            local[(doc.id, e.name)] = iri
        node.aliases.discard(name)
        nodes[iri] = node
    return nodes, local


def co_participation(triples: set[tuple[URIRef, str, URIRef]]) -> dict[tuple[URIRef, URIRef], set[URIRef]]:
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


def build_graph(docs: list[Document], results: list[DocResult], merged=None) -> Graph:
    """The RDF graph of ``docs`` and their extraction ``results`` (``merged``: from :func:`merge_entities`)."""
    g = Graph()
    for prefix, ns in (("kg", KG._NS), ("id", ID), ("doc", DOC), ("ev", EVIDENCE), ("derived", DERIVED),
                       ("prov", PROV), ("skos", SKOS), ("dcterms", DCTERMS), ("owl", OWL)):
        g.bind(prefix, ns)
    for doc in docs:
        d = DOC[doc.id]
        g.add((d, RDF.type, KG.Document))
        g.add((d, DCTERMS.title, Literal(doc.title)))
        g.add((d, RDFS.label, Literal(doc.name)))
        g.add((d, KG.sourcePath, Literal(doc.path)))
        if doc.year:
            g.add((d, KG.year, Literal(str(doc.year), datatype=XSD.gYear)))
    nodes, local = merged or merge_entities(docs, results)
    for node in nodes.values():
        g.add((node.iri, RDF.type, TYPE_CLASS[node.type]))
        g.add((node.iri, RDFS.label, Literal(node.name, lang="sv")))
        for alias in sorted(node.aliases):
            g.add((node.iri, SKOS.altLabel, Literal(alias, lang="sv")))
        for doc_id in sorted({m[0] for m in node.mentions}):
            g.add((node.iri, KG.mentionedIn, DOC[doc_id]))
    stated: set[tuple[URIRef, str, URIRef]] = set()
    for doc, res in zip(docs, results):
        for r in res.relations:
            s, o = local.get((doc.id, r.s)), local.get((doc.id, r.o))
            if s is None or o is None:
                continue
            stated.add((s, r.p, o))
            g.add((s, PREDICATE[r.p], o))
            key = f"{doc.id}|{s}|{r.p}|{o}|{r.line}"
            ev = EVIDENCE[hashlib.sha1(key.encode()).hexdigest()[:16]]
            g.add((ev, RDF.type, KG.Evidence))
            g.add((ev, RDF.subject, s))
            g.add((ev, RDF.predicate, PREDICATE[r.p]))
            g.add((ev, RDF.object, o))
            g.add((ev, PROV.wasDerivedFrom, DOC[doc.id]))
            g.add((ev, KG.line, Literal(r.line)))
            g.add((ev, KG.quote, Literal(r.evidence)))
            g.add((ev, KG.extractor, Literal(r.extractor)))
            g.add((ev, KG.confidence, Literal(round(r.confidence, 3), datatype=XSD.decimal)))
    for (a, b), projects in co_participation(stated).items():
        cp = DERIVED[hashlib.sha1(f"{a}|{b}".encode()).hexdigest()[:16]]
        g.add((cp, RDF.type, KG.CoParticipation))
        g.add((cp, KG.actor, a))
        g.add((cp, KG.actor, b))
        g.add((cp, KG.weight, Literal(len(projects))))
        for p in sorted(projects):
            g.add((cp, KG.viaProject, p))
    return g
