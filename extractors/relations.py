"""Relation extraction over sentences, driven by the trigger lexicon in ``lexicons/triggers.json``."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .records import Mention, Relation

LEXICON = Path(__file__).parent / "lexicons" / "triggers.json"

# Domain and range of each predicate.
SIGNATURE = {
    "participatesIn": ({"Organisation"}, {"Project"}),
    "leads": ({"Organisation"}, {"Project"}),
    "fundedBy": ({"Project"}, {"FundingSource", "Organisation"}),
    "implements": ({"Project"}, {"Strategy"}),
    "responsibleFor": ({"Organisation"}, {"Strategy"}),
    "manages": ({"Organisation"}, {"FundingSource"}),
    "partOf": ({"Organisation"}, {"Organisation"}),
    "collaboratesWith": ({"Organisation"}, {"Organisation"}),
}


@dataclass
class Sentence:
    """A sentence of the normalised text with the entity mentions inside it."""

    text: str
    start: int  # offset in the normalised text
    line: int  # original line of its first character
    mentions: list[Mention] = field(default_factory=list)


@lru_cache(maxsize=1)
def triggers() -> dict[str, re.Pattern]:
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    return {p: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")", re.I)
            for p, words in data.items() if not p.startswith("_")}


def extract_relations(sentences: list[Sentence], name_of: dict[int, str]) -> list[Relation]:
    """Relations stated in ``sentences``; ``name_of`` maps id(mention) to its entity's name."""
    out: dict[tuple, Relation] = {}
    for sent in sentences:
        ms = [m for m in sent.mentions if id(m) in name_of]
        if len(ms) < 2:
            continue
        for p, rx in triggers().items():
            hit = rx.search(sent.text)
            if not hit:
                continue
            dom, rng = SIGNATURE[p]
            for a in ms:
                for b in ms:
                    if a is b or a.type not in dom or b.type not in rng:
                        continue
                    s, o = name_of[id(a)], name_of[id(b)]
                    if s == o:
                        continue
                    if p == "collaboratesWith" and s > o:
                        s, o = o, s
                    line = a.line if p != "fundedBy" else b.line
                    rel = Relation(s, p, o, line, sent.text[:300], "trigger-sentence", 0.5)
                    out.setdefault(rel.key(), rel)
                    if p == "leads":
                        imp = Relation(s, "participatesIn", o, line, sent.text[:300], "implied-by-leads", 0.5)
                        out.setdefault(imp.key(), imp)
    return list(out.values())
