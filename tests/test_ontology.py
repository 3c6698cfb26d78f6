"""ontology/kg.ttl and shapes.ttl: parse, every term labelled in Swedish and English, in step with kg.vocab."""
import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, Graph, Literal
from rdflib.namespace import SH, SKOS

from kg.vocab import KG
from ontology import ONTOLOGY, SHAPES

KG_NS = str(KG._NS)


def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def kg_terms(g: Graph, kind) -> set:
    return {s for s in g.subjects(RDF.type, kind) if str(s).startswith(KG_NS)}


def test_both_files_parse_with_rdflib_and_oxigraph():
    for f in (ONTOLOGY, SHAPES):
        assert len(Graph().parse(f, format="turtle")) == sum(1 for _ in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE))
    assert list(Graph().parse(SHAPES, format="turtle").subjects(RDF.type, SH.NodeShape))


def test_every_term_has_swedish_and_english_label_and_comment():
    g = ontology()
    terms = kg_terms(g, OWL.Class) | kg_terms(g, OWL.ObjectProperty) | kg_terms(g, OWL.DatatypeProperty)
    assert len(terms) >= 25
    for t in terms:
        langs = {lbl.language for lbl in g.objects(t, RDFS.label) if isinstance(lbl, Literal)}
        assert {"sv", "en"} <= langs, t
        assert {c.language for c in g.objects(t, RDFS.comment)} >= {"en"}, t


def test_the_eight_relations_have_domain_and_range():
    g = ontology()
    for p in ("participatesIn", "leads", "fundedBy", "implements", "responsibleFor", "manages", "partOf",
              "collaboratesWith"):
        assert (KG[p], RDF.type, OWL.ObjectProperty) in g
        assert g.value(KG[p], RDFS.domain) is not None and g.value(KG[p], RDFS.range) is not None, p
    assert (KG.collaboratesWith, RDF.type, OWL.SymmetricProperty) in g
    assert (KG.leads, RDFS.subPropertyOf, KG.participatesIn) in g


def test_vocab_and_ontology_define_the_same_terms():
    g = ontology()
    defined = {str(t)[len(KG_NS):] for t in
               kg_terms(g, OWL.Class) | kg_terms(g, OWL.ObjectProperty) | kg_terms(g, OWL.DatatypeProperty)
               | kg_terms(g, SKOS.OrderedCollection)}
    in_vocab = {name for name in KG.__annotations__}
    assert defined == in_vocab


def test_alignments_are_to_the_intended_vocabularies():
    g = ontology()
    org, prov = "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#"
    supers = {str(o) for o in g.objects(KG.Organisation, RDFS.subClassOf)}
    assert {org + "Organization", prov + "Organization"} <= supers
    assert str(g.value(KG.mentionedIn, RDFS.subPropertyOf)) == "http://purl.org/dc/terms/isReferencedBy"


def test_extraction_reads_its_types_and_relations_from_the_ontology():
    from extractors import PREDICATES, SIGNATURE, TYPES

    g = ontology()
    assert set(TYPES) == {str(t)[len(KG_NS):] for t in kg_terms(g, OWL.Class)} - {
        "Document", "Evidence", "Mention", "CoParticipation"}
    assert TYPES == ("Organisation", "Project", "Strategy", "FundingSource")  # the order the JSON contract uses
    assert len(PREDICATES) == 8 and PREDICATES[0] == "participatesIn"
    assert SIGNATURE["fundedBy"] == ({"Project"}, {"FundingSource", "Organisation"})
    for p in PREDICATES:
        assert str(g.value(KG[p], RDFS.domain)) == KG_NS + next(iter(SIGNATURE[p][0]))
