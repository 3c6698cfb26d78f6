"""Names a plural head distributes over a list (extractors/distributive.py): each rule's own example, through
the whole extractor, and lists that must name nothing."""
import pytest

from extractors import distributive
from extractors.extract import extract_text
from extractors.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(rules=True, model=False)


def names(nlp, text):
    res = extract_text(nlp, text + "\n", "t.txt")
    return {(e.name, e.type) for e in res.entities} | {(a, e.type) for e in res.entities for a in e.aliases}


@pytest.mark.parametrize("rule", distributive.RULES, ids=lambda r: r.name)
def test_rule_example(nlp, rule):
    sentence, expected = rule.example
    found = names(nlp, sentence)
    assert {(n, rule.type) for n in expected} <= found


@pytest.mark.parametrize("text", [
    "Regionerna i Sverige och Norge samverkar om gränshinder.",  # countries, not counties
    "Landstingen i Blekinge och Kalmar har fått ett nytt uppdrag.",  # no "län" closing the list
    "Länsstyrelserna i Norrbottens och Västerbottens kommuner deltar.",
])
def test_lists_that_name_nothing(text):
    assert distributive.find(text) == []


def test_member_name_only_for_its_rules():
    assert distributive.member_name("rule:dist-landstingen", "Kalmar") == "Landstinget i Kalmar län"
    assert distributive.member_name("rule:gaz", "Kalmar") is None
