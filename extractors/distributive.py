"""Names a plural head distributes over a list: one entity per listed place.

Government texts name several bodies of one kind at once: "landstingen i Blekinge, Dalarnas
och Kalmar län" are three organisations ("Landstinget i Blekinge län", ...), "länsstyrelserna i
Norrbottens och Västerbottens län" two, "regionalfondsprogrammen för Övre Norrland och
Mellersta Norrland" two programmes. Each rule is data: its name, the plural head, what must
close the list ("län"), the singular name each member gets, the type, the words a paragraph
must hold for the rule to run, the gazetteer its members come from, and an example. A member is a
capitalised place the gazetteer knows (a county, a programme area), so "regionerna i Sverige och
Norge" names nothing.

:func:`find` gives one candidate per member (its span, the type, the rule id ``dist-<name>``);
:func:`member_name` turns a member's text back into the singular name for the rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_UP = "A-ZÅÄÖ"
# a member: one or two capitalised words ("Blekinge", "Övre Norrland", "Västra Götalands"), or the programme
# area whose own name holds an "och" ("Småland och öarna")
_MEMBER = rf"[{_UP}][\w\-]+(?:\s[{_UP}][\w\-]+)?(?:\soch\söarna)?"
_LIST = rf"(?P<list>{_MEMBER}(?:,\s{_MEMBER})*,?\s(?:och|samt|respektive)\s{_MEMBER})"


@dataclass(frozen=True)
class Rule:
    name: str
    head: str  # regex of the plural head, up to the list
    tail: str  # regex that must follow the list ("" for none)
    template: str  # the singular name; {} is the member as written
    type: str
    needs: tuple[str, ...]  # lower-case words a paragraph must hold
    members: tuple[str, ...]  # the gazetteers (extractors/gazetteers/<name>.txt) a member must be in
    example: tuple[str, list[str]]  # a sentence and the names it makes


RULES = [
    Rule("landstingen", r"\b[Ll]andstingen\si\s", r"\slän\b", "Landstinget i {} län", "Organisation", ("landstingen",), ("counties",),
         ("Ansvaret övergår till landstingen i Blekinge, Dalarnas och Kalmar län den 1 januari.",
          ["Landstinget i Blekinge län", "Landstinget i Dalarnas län", "Landstinget i Kalmar län"])),
    Rule("lansstyrelserna", r"\b[Ll]änsstyrelserna\si\s", r"\slän\b", "Länsstyrelsen i {} län", "Organisation",
         ("länsstyrelserna",), ("counties",),
         ("Uppdraget ges till länsstyrelserna i Norrbottens och Västerbottens län.",
          ["Länsstyrelsen i Norrbottens län", "Länsstyrelsen i Västerbottens län"])),
    Rule("regionerna", r"\b[Rr]egionerna\s(?:i\s)?", r"(?!\s(?:län|kommun))", "Region {}", "Organisation", ("regionerna",), ("counties",),
         ("Medlen går till regionerna Norrbotten och Västerbotten.", ["Region Norrbotten", "Region Västerbotten"])),
    Rule("regionalfondsprogrammen", r"\b[Rr]egionalfondsprogrammen\sför\s", "", "Regionalfondsprogrammet för {}",
         "FundingSource", ("regionalfondsprogrammen",), ("counties", "places"),
         ("Stödet ges via regionalfondsprogrammen för Övre Norrland, Småland och öarna samt Stockholm.",
          ["Regionalfondsprogrammet för Övre Norrland", "Regionalfondsprogrammet för Småland och öarna",
           "Regionalfondsprogrammet för Stockholm"])),
]
_BY_ID = {f"dist-{r.name}": r for r in RULES}
_COMPILED = [(r, re.compile(r.head + _LIST + r.tail)) for r in RULES]
_MEMBER_RX = re.compile(_MEMBER)


@lru_cache(maxsize=None)
def _places(gazetteers: tuple[str, ...]) -> frozenset[str]:
    """The names (lower case) in gazetteers of places: the members a list may hold."""
    gaz = Path(__file__).parent / "gazetteers"
    return frozenset(ln.strip().lower() for g in gazetteers for ln in (gaz / f"{g}.txt").read_text(encoding="utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#"))


def _is_place(member: str, gazetteers: tuple[str, ...]) -> bool:
    """"Blekinge", "Dalarnas" (a genitive before "län"), "Småland och öarna" (a programme area)."""
    m, places = member.lower(), _places(gazetteers)
    return m in places or m.endswith("s") and m[:-1] in places or m.removesuffix(" och öarna") in places


def find(text: str, low: str | None = None) -> list[tuple[int, int, str, int, str]]:
    """One candidate (start, end, type, priority, rule id) per listed member, in a paragraph."""
    low = text.lower() if low is None else low
    out = []
    for rule, rx in _COMPILED:
        if not any(n in low for n in rule.needs):
            continue
        for m in rx.finditer(text):
            members = [(mm.start() + m.start("list"), mm.end() + m.start("list"))
                       for mm in _MEMBER_RX.finditer(m.group("list"))]
            if all(_is_place(text[s:e], rule.members) for s, e in members):
                out.extend((s, e, rule.type, 6, f"dist-{rule.name}") for s, e in members)
    return out


def member_name(rule: str, member: str) -> str | None:
    """The singular name of a listed ``member`` for ``rule`` ("rule:dist-landstingen"), or None for other rules."""
    r = _BY_ID.get(rule.removeprefix("rule:"))
    return r.template.format(member) if r else None
