"""Properties on any text (hypothesis): normalisation never fails and its line map stays inside the
input and points at the line a word came from; minted IRIs are valid and stable; the Turtle written
for any names, quotes and evidence always parses back to the same triples."""
import re

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDFS

from extractors.extract import paragraphs, structure_and_text
from extractors.records import DocResult, Entity, Mention, Relation
from kg.graph import build_graph, merge_entities, slug
from kg.ingest import Document

# report-like text: Swedish letters, digits, punctuation, hyphens at line ends, blank lines, tabs,
# page furniture, and a share of any Unicode at all
REPORTISH = st.text(alphabet=st.sampled_from(list("abcdeåäöÅÄÖRVU 0123456789.,;:-–()»\"'\n\n\t\f\u00ad\u00a0")),
                    max_size=400)
ANY_TEXT = st.one_of(REPORTISH, st.text(max_size=300))
NAME = st.text(min_size=1, max_size=60).filter(lambda s: s.strip())
LINE_BREAK = re.compile(r"\r\n|[\r\n\f]")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(ANY_TEXT)
def test_normalisation_never_fails_and_its_line_map_points_at_the_word(raw):
    _, norm = structure_and_text(raw)
    raw_lines = LINE_BREAK.split(raw)  # the lines kg numbers (as normalize splits them)
    assert norm.n_lines >= 1
    for m in re.finditer(r"\w", norm.text):
        line = norm.line_at(m.start())
        assert 1 <= line <= len(raw_lines)
    for m in re.finditer(r"\b\w", norm.text):  # the first letter of each word is on the line it maps to
        assert m.group() in raw_lines[norm.line_at(m.start()) - 1]
    for text, offset in paragraphs(norm):
        assert norm.text[offset:offset + len(text)] == text


@SETTINGS
@given(NAME, st.sampled_from(["Organisation", "Project", "Strategy", "FundingSource"]))
def test_minted_iris_are_valid_and_stable(name, etype):
    s = slug(name)
    assert s == slug(name) and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*|[0-9a-f]{12}", s) and len(s) <= 80
    docs = [Document("d" * 16, "r.txt", "/r.txt", "R", None, "")]
    ent = Entity(name, etype, [], [Mention(name, etype, 1, 0, len(name))])
    merged = merge_entities(docs, [DocResult("r.txt", [ent], [])])
    again = merge_entities(docs, [DocResult("r.txt", [ent], [])])
    assert list(merged.nodes) == list(again.nodes)
    for iri in merged.nodes:
        ox.NamedNode(str(iri))  # raises on an invalid IRI


@SETTINGS
@given(st.lists(st.tuples(NAME, NAME, ANY_TEXT, st.integers(1, 10_000)), min_size=1, max_size=6),
       st.text(max_size=80), st.text(max_size=40))
def test_turtle_of_any_names_and_evidence_parses_back(rows, title, path):
    docs = [Document("e" * 16, "r.txt", path or "/r.txt", title, None, "")]
    ents, rels = [], []
    for org, project, evidence, line in rows:
        ents.append(Entity(org, "Organisation", [org + " AB"], [Mention(org, "Organisation", line, 0, 1)]))
        ents.append(Entity(project, "Project", [], [Mention(project, "Project", line, 0, 1)]))
        rels.append(Relation(org, "participatesIn", project, line, evidence))
    g = build_graph(docs, [DocResult("r.txt", ents, rels)])
    data = g.serialize(format="turtle").encode("utf-8")
    parsed = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    assert len(parsed) == len(g)
    labels = {t.object.value for t in parsed if t.predicate.value == str(RDFS.label)}
    assert labels == {str(o) for o in g.objects(None, RDFS.label)}
