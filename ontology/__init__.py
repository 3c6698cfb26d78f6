"""The kg ontology and SHACL shapes, shipped as Turtle next to this file, and what extraction reads from it."""
from functools import lru_cache
from pathlib import Path

ONTOLOGY = Path(__file__).parent / "kg.ttl"
SHAPES = Path(__file__).parent / "shapes.ttl"


@lru_cache(maxsize=1)
def extraction_terms() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, tuple[frozenset, frozenset]]]:
    """(entity types, stated relations, relation -> (domain types, range types)) as local names, from the
    ontology's kg:EntityTypes and kg:StatedRelations collections and the relations' domains and ranges."""
    from rdflib import RDFS, Graph
    from rdflib.collection import Collection
    from rdflib.namespace import OWL, SKOS

    from kg.vocab import KG

    g = Graph().parse(ONTOLOGY, format="turtle")

    def members(collection) -> tuple[str, ...]:
        return tuple(_local(t) for t in Collection(g, g.value(collection, SKOS.memberList)))

    def classes(node) -> frozenset:
        union = g.value(node, OWL.unionOf)
        return frozenset(_local(c) for c in Collection(g, union)) if union is not None else frozenset({_local(node)})

    relations = members(KG.StatedRelations)
    signature = {p: (classes(g.value(KG[p], RDFS.domain)), classes(g.value(KG[p], RDFS.range))) for p in relations}
    return members(KG.EntityTypes), relations, signature


def _local(term) -> str:
    return str(term).rsplit("#", 1)[-1]
