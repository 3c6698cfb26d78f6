"""Enumerations of named entities in a sentence: the lists every relation rule reads as one agent or theme.

"Region Västerbotten, Umeå kommun och Skellefteå kommun driver ..." names three agents; "finansieras av
Interreg Aurora och Region X" two funders. Organisations and funds are one kind here.
"""
from __future__ import annotations

import re

# what may stand between two items of one enumeration
SEP = re.compile(r"^\s*(?:\([^()]{0,80}\)\s*)?(?:,|och|samt|&|/|,\s*och|,\s*samt|och även|samt även|liksom|"
                 r"respektive|eller)?\s*(?:även\s+|också\s+)?$", re.I)
_GROUP = {"Organisation": "actor", "FundingSource": "actor", "Project": "project", "Strategy": "strategy"}


def chains(ms: list, text: str) -> list[list]:
    """Enumerations: runs of mentions of one kind separated only by ',', 'och', 'samt', '/' ...

    Organisations and funds are one kind ("finansieras av Interreg Aurora och Region X").
    """
    out: list[list] = []
    for m in ms:
        if out and _GROUP.get(out[-1][-1].type) == _GROUP.get(m.type) and SEP.match(text[out[-1][-1].end:m.start]) \
                and m.start >= out[-1][-1].end:
            out[-1].append(m)
        elif out and m.start < out[-1][-1].end:  # overlapping mention: keep the first
            continue
        else:
            out.append([m])
    return out
