"""Every pattern rule of lexicons/relation_patterns.json states exactly its examples' relations."""
from dataclasses import dataclass

import pytest

from extractors.relation_patterns import compile_pattern, matches, rules, template


@dataclass
class _M:
    name: str
    type: str
    start: int
    end: int


def _mentions(text: str, entities: list[list[str]]) -> list[_M]:
    out, pos = [], 0
    for name, etype in entities:
        start = text.index(name, pos)
        out.append(_M(name, etype, start, start + len(name)))
        pos = start + len(name)
    return out


EXAMPLES = [(rule, ex) for rule in rules() for ex in rule.examples]


@pytest.mark.parametrize("rule,example", EXAMPLES, ids=[f"{r.name}-{i}" for i, (r, _) in enumerate(EXAMPLES)])
def test_rule_examples(rule, example):
    ms = _mentions(example["text"], example["entities"])
    got = {(ms[s].name, p, ms[o].name) for s, p, o, _ in matches(rule, example["text"], ms)}
    assert got == {tuple(r) for r in example["relations"]}


def test_every_rule_has_examples_that_state_something():
    for rule in rules():
        assert any(ex["relations"] for ex in rule.examples), rule.name


def test_template_and_slots():
    ms = _mentions("A och B driver P.", [["A", "Organisation"], ["B", "Organisation"], ["P", "Project"]])
    assert template("A och B driver P.", ms) == "⟦O0⟧ och ⟦O1⟧ driver ⟦P2⟧."
    rx = compile_pattern("{ORGS:s} driver {PROJ:o}")
    m = rx.search("⟦O0⟧ och ⟦O1⟧ driver ⟦P2⟧.")
    assert m.group("s") == "⟦O0⟧ och ⟦O1⟧" and m.group("o") == "⟦P2⟧"
    with pytest.raises(ValueError):
        compile_pattern("{NOPE:x}")
