"""The graph stage on hand-made extraction results: merging, stable IRIs, mentions, evidence."""
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import PROV, SKOS

from extractors.records import DocResult, Entity, Mention, Relation
from kg.graph import build_graph, clean, merge_entities, slug
from kg.ingest import Document
from kg.vocab import DOC, ID, KG


def doc(i: str, name: str) -> Document:
    return Document(id=i, name=name, path=f"/r/{name}", title=f"Titel {name}", year=2025, text="")


def ent(name, etype, *lines, aliases=(), texts=None):
    ms = [Mention((texts or {}).get(ln, name), etype, ln, 0, 0, "rules") for ln in lines]
    return Entity(name=name, type=etype, aliases=list(aliases), mentions=ms)


def two_docs():
    d1, d2 = doc("a" * 16, "a.txt"), doc("b" * 16, "b.txt")
    r1 = DocResult("a.txt", [
        ent("Region Västerbotten", "Organisation", 3, 7, texts={7: "Region Västerbottens"}),
        ent("Framtidens Robusta Energisystem i AC-län", "Project", 3, aliases=["FREIA"]),
        ent("Umeå universitet", "Organisation", 9),
    ], [
        Relation("Region Västerbotten", "leads", "Framtidens Robusta Energisystem i AC-län", 3, "Region X leder FREIA."),
        Relation("Region Västerbotten", "participatesIn", "Framtidens Robusta Energisystem i AC-län", 3, "q"),
        Relation("Umeå universitet", "participatesIn", "Framtidens Robusta Energisystem i AC-län", 9, "q2"),
    ])
    r2 = DocResult("b.txt", [
        ent("FREIA", "Project", 12),
        ent("Region Västerbotten", "Organisation", 12),
        ent("Agenda 2030", "Strategy", 14),
    ], [
        Relation("Region Västerbotten", "participatesIn", "FREIA", 12, "Regionen deltar i FREIA."),
        # wrong types for the predicate, and a self-loop: both must be dropped
        Relation("Agenda 2030", "participatesIn", "FREIA", 14, "nonsense"),
        Relation("Region Västerbotten", "collaboratesWith", "Region Västerbotten", 12, "self"),
    ])
    return [d1, d2], [r1, r2]


def test_slug_is_ascii_and_stable():
    assert slug("Region Västerbotten") == "region-vasterbotten"
    assert slug("Fonden för en rättvis omställning (FRO/JTF)") == "fonden-for-en-rattvis-omstallning-fro-jtf"
    assert slug("ÅÄÖ") == "aao" and slug("—") == slug("—") != ""


def test_clean_removes_control_characters():
    assert clean("Region\x0c Väster\x00botten\n  AB") == "Region Västerbotten AB"
    assert clean("a\u0308") == "ä"  # NFC


def test_entities_merge_across_documents_by_alias():
    docs, results = two_docs()
    nodes, _ = merge_entities(docs, results)
    freia = [n for n in nodes.values() if n.type == "Project"]
    assert len(freia) == 1
    assert freia[0].name == "Framtidens Robusta Energisystem i AC-län" and "FREIA" in freia[0].aliases
    assert {m[0] for m in freia[0].mentions} == {"a" * 16, "b" * 16}


def test_iris_do_not_depend_on_input_order():
    docs, results = two_docs()
    g1 = build_graph(docs, results)
    g2 = build_graph(docs[::-1], results[::-1])
    assert set(g1) == set(g2)
    assert g1.serialize(format="nt") .count("\n") == len(g1)
    assert (ID["organisation/region-vasterbotten"], RDF.type, KG.Organisation) in g1


def test_labels_aliases_documents_and_mentions():
    docs, results = two_docs()
    g = build_graph(docs, results)
    freia = ID["project/framtidens-robusta-energisystem-i-ac-lan"]
    assert g.value(freia, RDFS.label) == Literal("Framtidens Robusta Energisystem i AC-län", lang="sv")
    assert (freia, SKOS.altLabel, Literal("FREIA", lang="sv")) in g
    assert set(g.objects(freia, KG.mentionedIn)) == {DOC["a" * 16], DOC["b" * 16]}
    # one kg:Mention per (entity, document, line), with the surface forms found there
    region = ID["organisation/region-vasterbotten"]
    mentions = {(str(g.value(m, PROV.wasDerivedFrom)), int(g.value(m, KG.line))): {str(t) for t in g.objects(m, KG.text)}
                for m in g.subjects(KG.refersTo, region)}
    assert mentions == {(str(DOC["a" * 16]), 3): {"Region Västerbotten"},
                        (str(DOC["a" * 16]), 7): {"Region Västerbottens"},
                        (str(DOC["b" * 16]), 12): {"Region Västerbotten"}}


def test_relations_have_evidence_and_bad_ones_are_dropped():
    docs, results = two_docs()
    g = build_graph(docs, results)
    region, freia = ID["organisation/region-vasterbotten"], ID["project/framtidens-robusta-energisystem-i-ac-lan"]
    assert (region, KG.leads, freia) in g
    evidence = [ev for ev in g.subjects(RDF.type, KG.Evidence)
                if g.value(ev, RDF.subject) == region and g.value(ev, RDF.predicate) == KG.participatesIn]
    assert sorted(int(g.value(ev, KG.line)) for ev in evidence) == [3, 12]
    assert {g.value(ev, PROV.wasDerivedFrom) for ev in evidence} == {DOC["a" * 16], DOC["b" * 16]}
    strategy = ID["strategy/agenda-2030"]
    assert not list(g.triples((strategy, KG.participatesIn, None)))
    assert not list(g.triples((region, KG.collaboratesWith, None)))
    assert len(list(g.subjects(RDF.type, KG.Evidence))) == 4


def test_co_participation_is_derived_apart():
    docs, results = two_docs()
    g = build_graph(docs, results)
    (cp,) = list(g.subjects(RDF.type, KG.CoParticipation))
    assert {str(a).rsplit("/", 1)[-1] for a in g.objects(cp, KG.actor)} == {"region-vasterbotten", "umea-universitet"}
    assert int(g.value(cp, KG.weight)) == 1
    # derived from the evidence of each participation (Region: leads + participatesIn in a.txt, participatesIn in
    # b.txt; Umeå universitet: participatesIn in a.txt)
    sources = set(g.objects(cp, PROV.wasDerivedFrom))
    assert all((ev, RDF.type, KG.Evidence) in g for ev in sources)
    assert sorted(int(g.value(ev, KG.line)) for ev in sources) == [3, 3, 9, 12]


def test_same_name_two_types_resolves_by_predicate_signature():
    d = doc("c" * 16, "c.txt")
    res = DocResult("c.txt", [ent("Nod", "Organisation", 1), ent("Nod", "Project", 2),
                              ent("Umeå kommun", "Organisation", 2)],
                    [Relation("Umeå kommun", "participatesIn", "Nod", 2, "Umeå kommun deltar i Nod.")])
    g = build_graph([d], [res])
    assert (ID["organisation/umea-kommun"], KG.participatesIn, ID["project/nod"]) in g
    assert (ID["organisation/nod"], RDF.type, KG.Organisation) in g


# ---------------------------------------------------------------- any text survives Turtle, both parsers

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NAMES = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(names=st.lists(NAMES, min_size=1, max_size=4, unique=True), quote=NAMES)
def test_any_names_and_quotes_round_trip_through_turtle(names, quote):
    import pyoxigraph as ox
    from rdflib import Graph

    d = doc("f" * 16, 'odd "name".txt')
    ents = [ent(n, "Organisation", i + 1) for i, n in enumerate(names)] + [ent("P", "Project", 9)]
    rels = [Relation(names[0], "participatesIn", "P", 9, quote)]
    g = build_graph([d], [DocResult("x", ents, rels)])
    data = g.serialize(format="turtle").encode("utf-8")
    back = Graph().parse(data=data, format="turtle")
    assert len(back) == len(g) == sum(1 for _ in ox.parse(data, format=ox.RdfFormat.TURTLE))
    assert set(back) == set(g)
