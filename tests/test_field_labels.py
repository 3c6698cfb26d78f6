"""Fact-box labels come from one file (lexicons/field_labels.json): each consumer reads every label."""
import re

import pytest

from extractors.field_labels import in_place_field

from extractors import entity_rules, field_labels, relation_structures, relations, resolve


def test_every_label_is_cut_from_a_name_and_known_to_the_rules():
    labels = field_labels.all_labels()
    assert "Projektägare" in labels and "Projektnamn" in labels and "Budget" in labels
    for label in labels:
        m = resolve._FIELD_LABEL.match(f"{label}: Grön omställning i Norr")
        assert m and f"{label}: Grön omställning i Norr"[m.end():] == "Grön omställning i Norr", label
        assert label.lower() in entity_rules._FIELD_LABELS


def test_role_labels_state_their_predicate_and_topic_labels_name_the_project():
    roles = field_labels.role_labels()
    assert roles["projektägare"] == "leads" and roles["lead partner"] == "leads"
    assert roles["projektpartner"] == "participatesIn" and roles["finansiär"] == "fundedBy"
    assert relations._fact_labels()["projektnamn"] == "topic"
    assert relation_structures.role_labels is field_labels.role_labels  # bulleted lists under a role label


def test_a_fact_line_opens_with_a_role_or_fact_label_not_a_topic_label():
    # a heading over "Projektägare: X" names the project; over "Namn: X" the list names it
    assert re.match(entity_rules._FACT_LINE, "• Lead partner: Umeå universitet")
    assert re.match(entity_rules._FACT_LINE, "projektbudget: 3 miljoner")
    assert not re.match(entity_rules._FACT_LINE, "• Namn: Elektrifierad stadslogistik")


@pytest.mark.parametrize("line_before, expected", [
    ("Län: Norrbotten, ", True),
    ("Län: Västra Götaland   Kommuner: Ale, Bengtsfors, ", True),
    ("Stödmottagare: ", False),
    ("Partner: Region Norrbotten, ", False),
    ("Projektet drivs i ", False),
])
def test_place_fields(line_before, expected):
    """The value of a place label lists places, not actors: the model's names there are dropped."""
    assert in_place_field(line_before) is expected


def test_no_entities_in_a_fact_box_place_line():
    from extractors.pipeline import build_nlp
    doc = build_nlp()("Stödmottagare: Högskolan Väst\nLän: Västra Götaland   Kommuner: Ale, LillaEdet, Lysekil, ÖstraGöinge\n")
    assert [e.text for e in doc.ents] == ["Högskolan Väst"]
