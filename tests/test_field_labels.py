"""Fact-box labels come from one file (lexicons/field_labels.json): each consumer reads every label."""
import re

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
