"""Headings that name a network, council or forum (extractors/heading_names.py); texts written for the tests."""
import pytest

from extractors.heading_names import heading_name, run_in_heading
from extractors.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(rules=True, model=False)


@pytest.mark.parametrize("head", [
    "Nätverk fjällturism", "Samråd för kust och hav", "Forum för ungas inflytande",
    "Tvärsektoriellt nätverk", "Regionalt samverkansråd Skogshögskolan", "Strategiskt råd för vattenfrågor",
    "Det regionala kustnätverket", "Nationella regionala turistnätverket", "Kustforum segling",
    "Trelänsmöte kollektivtrafik",
])
def test_collaboration_headings(head):
    assert heading_name(head) == (0, len(head))


@pytest.mark.parametrize("head", [
    "Strategiska råd", "Samverkan inom kulturområdet", "Nätverk med Länsstyrelsen", "Kommunala nätverk inom VA",
    "Dialogmöten kustkommuner", "Stärkta nätverk mellan företag", "Det regionala nätverket", "Rådet samlar kommunerna",
    "Antal nätverk per kommun", "Kommunnätverk", "Skolråd inrättas", "Kommunråd startade",
])
def test_section_titles_are_not_names(head):
    assert heading_name(head) is None


def test_description_after_a_dash_is_cut():
    assert heading_name("Samråd kust och hav - möten mellan förtroendevalda") == (0, len("Samråd kust och hav"))


def test_run_in_heading():
    text = "Nätverk fjällturism Länsstyrelsen har sedan 2021 ett nätverk för fjällkommunerna."
    assert run_in_heading(text) == (0, len("Nätverk fjällturism"))
    text = "Samråd för kust och hav Ett politiskt forum för kustkommunerna."
    assert run_in_heading(text) == (0, len("Samråd för kust och hav"))
    assert run_in_heading("Forum för Kultur i Jämtland Region Jämtland samarbetar med kommunerna.") is None
    assert run_in_heading("Rådet innefattar fem kommunchefer och Region Gävleborg deltar.") is None


def test_heading_name_repeated_in_the_body(nlp):
    paras = ["Kustforum segling", "Vi har startat Kustforum segling där klubbarna möts."]
    docs = list(nlp.pipe(paras))
    assert ("Kustforum segling", "Project") in {(e.text, e.label_) for e in docs[0].ents}
    assert ("Kustforum segling", "Project") in {(e.text, e.label_) for e in docs[1].ents}
