"""The rules skip a regular expression's pass when a cheap test shows it cannot match (entity_rules:
``_NEEDS`` substrings, ``_matches_near``, ``_trailing_cue``). Each shortcut must find exactly what the
full pass finds: checked on every paragraph of the fixture reports (and the corpus when present),
so a word added to a regex but not to its gate fails here instead of silently missing names."""
import re
from pathlib import Path

import pytest

from extractors import entity_rules as er
from extractors.extract import paragraphs
from extractors.normalize import normalize

from conftest import SHARED

FIXTURES = Path(__file__).parent / "fixtures"
# the single-regex passes of EntityRules.find and their gates (rule lists carry their own names)
SINGLE = {"definition": er._DEF_PROJECT, "cue-list": er._CUE_LIST, "x-cue": er._X_CUE, "cue-appos": er._CUE_APPOS,
          "gen-cue": er._GEN_CUE, "council-for": er._COUNCIL_FOR, "project-head": er._PROJECT_HEAD,
          "org-head": er._ORG_HEAD, "agent-cue": er._AGENT_CUE}


def _texts() -> list[str]:
    files = sorted(FIXTURES.rglob("*.txt")) + sorted((SHARED / "corpus").glob("*.txt"))
    return [t for f in files for t, _ in paragraphs(normalize(f.read_text(encoding="utf-8")))]


@pytest.fixture(scope="module")
def texts():
    return _texts()


def _gated():
    """(rule, regex, the substrings one of which a paragraph needs for the regex to run)"""
    for rule, rx in er._ORG_FORMS + er._STRAT_FORMS + er._FUND_FORMS:
        if rule in er._NEEDS:
            yield rule, rx, er._NEEDS[rule]
    for rule, rx in SINGLE.items():
        yield rule, rx, er._NEEDS[rule]
    yield "subject", er._SUBJECT, er._SUBJECT_NEEDS
    yield "project-subject", er._PROJECT_SUBJECT, er._PSUBJECT_NEEDS


def test_a_gate_never_hides_a_match(texts):
    assert len(texts) > 300
    missed = []
    for rule, rx, needs in _gated():
        for t in texts:
            if not er._has_any(t.lower(), needs) and rx.search(t):
                missed.append((rule, rx.search(t).group()))
    for t in texts:
        if not er._has_any(t, er._SM_EVENT_NEEDS) and er._SM_EVENT.search(t):
            missed.append(("sm-event", er._SM_EVENT.search(t).group()))
    assert missed == []


def test_a_gate_does_skip_paragraphs(texts):
    # why the gates exist: most paragraphs need few of the passes
    skipped = sum(not er._has_any(t.lower(), er._NEEDS["agent-cue"]) for t in texts)
    assert skipped > len(texts) / 2


def test_near_word_search_finds_what_a_full_search_finds(texts):
    for rule, (words, spaces) in er._NEAR_WORDS.items():
        rx = dict(er._STRAT_FORMS)[rule]
        for t in texts + ["Region Xs regionala gröna klimat- och energistrategi gäller", "ingen sådan text"]:
            assert [m.span() for m in er._matches_near(rx, t, words, spaces)] == [m.span() for m in rx.finditer(t)]


@pytest.mark.parametrize("tail", ["arbetet inom projektet", "inom ramen för nätverket ”", "det nya initiativ",
                                  "inget alls här", "", "plattformen  \""])
def test_trailing_cue_from_the_last_word_equals_the_full_search(tail, texts):
    for t in [tail] + [t[-60:] for t in texts[:400]]:
        full, fast = er._TRAILING_CUE.search(t), er._trailing_cue(t)
        assert (full.span() if full else None) == (fast.span() if fast else None)
