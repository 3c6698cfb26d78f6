"""Labels of fact-box lines ("Projektägare: X", "Finansiär: Y"): the one list, ``lexicons/field_labels.json``.

Entity rules, resolution and relations all need them: a label is no part of a name next to it, a line
that starts with one belongs to a fact list, and a role label states a relation.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

FIELD_LABELS = Path(__file__).parent / "lexicons" / "field_labels.json"


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(FIELD_LABELS.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def role_labels() -> dict[str, str]:
    """Lower-case role label -> predicate ("projektpartner" -> "participatesIn")."""
    return {w.lower(): p for p, words in _data()["roles"].items() for w in words}


@lru_cache(maxsize=1)
def _place_label_re() -> re.Pattern:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in _data().get("places", ()))
    return re.compile(rf"(?:^|\s)({words}|{label_alternation()})\s*:[^:]*$")


def in_place_field(line_before: str) -> bool:
    """The text of a line before a name belongs to the value of a place label ("Län: Norrbotten,
    Kommuner: Boden, [Luleå]"): the nearest label before it on the line lists places."""
    m = _place_label_re().search(line_before)
    return bool(m) and m.group(1).lower() in {w.lower() for w in _data().get("places", ())}


def topic_labels() -> list[str]:
    """Labels naming what the fact box is about ("Projektnamn")."""
    return list(_data()["topic"])


def all_labels(topic: bool = True) -> list[str]:
    """Every label as written (capitalised), longest first; without the topic labels if not ``topic``."""
    words = [w for ws in _data()["roles"].values() for w in ws] + _data()["other"] + (_data()["topic"] if topic else [])
    return sorted(set(words), key=lambda w: (-len(w), w))


def label_alternation(topic: bool = True) -> str:
    """A regex alternation of the labels; a space in a label matches any one whitespace character."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in all_labels(topic))
