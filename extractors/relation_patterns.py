"""Relations stated by a pattern over a sentence's named entities: rules as data.

Each rule in ``lexicons/relation_patterns.json`` is a regular expression over the sentence with
its entity mentions replaced by placeholders, so a rule reads like the sentences it matches:

    "{ORG:o} \\({ORG:s}\\)"   with   "relation": ["s", "partOf", "o"]

``{ORG:s}`` matches one Organisation mention and names it ``s``; ``{ORGS:s}`` a list of them
("A, B och C", each maybe with a note in brackets: "A (25 procent)"); ``{PROJ}``, ``{STRAT}``, ``{FUND}`` (and ``PROJS``, ``STRATS``, ``FUNDS``) the other
types; ``{ANY}`` any mention; ``{GAP}`` up to 120 characters of the same clause without another
organisation. A rule may ask that a role's name ends in one of ``heads`` ("-departementet") or is
none of ``not_names``, and
pair two lists item by item when the sentence says "respektive". Every rule carries its own
examples (sentence with its entities marked -> the relations it states), which one parametrised
test runs. ``kg extract --explain`` names the rule behind each relation ("pattern:<name>").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).parent / "lexicons" / "relation_patterns.json"
PREFIX = "pattern:"
_CODE = {"Organisation": "O", "Project": "P", "Strategy": "S", "FundingSource": "F"}
_ONE = {"ORG": "O", "PROJ": "P", "STRAT": "S", "FUND": "F", "ANY": "[OPSF]"}
_MANY = {"ORGS": "O", "PROJS": "P", "STRATS": "S", "FUNDS": "F"}
_SLOT = re.compile(r"\{([A-Z]+)(?::(\w+))?\}")
_PLACEHOLDER = re.compile(r"⟦[OPSF](\d+)⟧")
_LIST_SEP = r"(?:,\s*|\s+och\s+|\s+samt\s+|\s+respektive\s+|,\s*och\s+)"
_ITEM_NOTE = r"(?:\s*\([^()⟦]{1,30}\))?"  # a share or note after a listed name: "Luleå kommun (25 procent)"


@dataclass(frozen=True)
class PatternRule:
    """One rule: its name, compiled pattern, the relations it states and the head words roles need."""

    name: str
    regex: re.Pattern
    relations: tuple[tuple[str, str, str], ...]
    heads: dict[str, tuple[str, ...]]
    not_names: dict[str, frozenset[str]]
    pairwise: bool
    confidence: float
    examples: tuple


def _slot(m: re.Match) -> str:
    kind, role = m.group(1), m.group(2)
    if kind == "GAP":
        return r"(?:(?!⟦O)[^.;:!?]){0,120}?"
    if kind in _ONE:
        body = f"⟦{_ONE[kind]}\\d+⟧"
    elif kind in _MANY:
        one = f"⟦{_MANY[kind]}\\d+⟧{_ITEM_NOTE}"
        body = f"{one}(?:{_LIST_SEP}{one})*"
    else:
        raise ValueError(f"unknown slot {{{kind}}}")
    return f"(?P<{role}>{body})" if role else f"(?:{body})"


def compile_pattern(pattern: str) -> re.Pattern:
    """A rule's pattern with its slots expanded into placeholder regexes."""
    return re.compile(_SLOT.sub(_slot, pattern), re.I)


@lru_cache(maxsize=1)
def rules() -> tuple[PatternRule, ...]:
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    return tuple(PatternRule(r["name"], compile_pattern(r["pattern"]), tuple(tuple(x) for x in r["relations"]),
                             {k: tuple(v) for k, v in r.get("heads", {}).items()},
                             {k: frozenset(n.lower() for n in v) for k, v in r.get("not_names", {}).items()},
                             r.get("pairwise", False),
                             r.get("confidence", 0.7), tuple(r.get("examples", ())))
                 for r in data["rules"])


def unit_heads() -> tuple[str, ...]:
    """Name endings of a body's units ("-departementet"), from the 'unit-in-parentheses' rule: a unit
    in brackets after its body is a part of it, not another name of it (resolution reads this too)."""
    return next((r.heads["s"] for r in rules() if r.name == "unit-in-parentheses"), ())


_ABBREVIATION = re.compile(r"\b(?:fr\.o\.m|t\.o\.m|bl\.a|m\.m|t\.ex|s\.k|o\.s\.v|resp|ca|jfr)\.", re.I)


def template(text: str, ms) -> str:
    """``text`` with each mention (start, end, type) replaced by a placeholder naming its index, and the
    points of abbreviations ('fr.o.m.') made '·' so that no rule takes them for a sentence's end."""
    text = _ABBREVIATION.sub(lambda m: m.group().replace(".", "·"), text)
    out, pos = [], 0
    for i, m in enumerate(ms):
        if m.start < pos:
            continue
        out.append(text[pos:m.start])
        out.append(f"⟦{_CODE.get(m.type, 'X')}{i}⟧")
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def _members(group: str | None) -> list[int]:
    return [int(i) for i in _PLACEHOLDER.findall(group or "")]


def _head_ok(rule: PatternRule, role: str, name: str) -> bool:
    heads = rule.heads.get(role)
    return (not heads or name.lower().endswith(heads)) and name.lower() not in rule.not_names.get(role, ())


def matches(rule: PatternRule, text: str, ms) -> list[tuple[int, str, int, int]]:
    """(subject index, predicate, object index, offset in the sentence) of every relation ``rule`` states."""
    templated = template(text, ms)
    out = []
    for m in rule.regex.finditer(templated):
        roles = {r: _members(g) for r, g in m.groupdict().items()}
        if any(not _head_ok(rule, r, ms[i].name) for r, idx in roles.items() for i in idx):
            continue
        for s_role, pred, o_role in rule.relations:
            subs, objs = roles.get(s_role, []), roles.get(o_role, [])
            if rule.pairwise and "respektive" in m.group().lower() and len(subs) == len(objs):
                pairs = list(zip(subs, objs))
            else:
                pairs = [(s, o) for s in subs for o in objs]
            start = ms[subs[0]].start if subs else 0
            out.extend((s, pred, o, start) for s, o in pairs if s != o)
    return out


def pattern_relations(unit, out) -> None:
    """Add to ``out`` what every pattern rule states in ``unit``."""
    if len(unit.ms) < 2:
        return
    for rule in rules():
        for s, pred, o, pos in matches(rule, unit.text, unit.ms):
            out.add(unit.ms[s].name, pred, unit.ms[o].name, unit, pos, PREFIX + rule.name, rule.confidence)
