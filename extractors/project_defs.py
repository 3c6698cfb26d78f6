"""Names a sentence defines as a collaboration: Project by the annotation conventions.

Reports introduce a platform or network by saying what it is, often with a verb the
plain "X är ett nätverk" rule does not read, words between the verb and the noun, or
Swedish inverted word order after an adverbial:

* "Biofuel Region utgör för det strategiska insatsområdet en samarbetsyta ..."
* "Omställningsarena Storuman har varit en inomregional samarbetsyta ..."
* "Utöver X så är Battery region en viktig samarbetsyta ..." (verb before the subject)

:func:`find` returns (start, end, "Project", priority, rule) candidates; ``name_ok``
(the rules' place / generic-word check) vets each name.
"""
from __future__ import annotations

import re
from collections.abc import Callable

_UP = "A-ZÅÄÖÉÜ"
_CAP = rf"[{_UP}][\w\-–:&'’./]*[\w+]"
_NAME = rf"{_CAP}(?:\s(?:i|för|på|of|for|and|the|in|on|to|&)?\s?{_CAP})*"
# collaboration nouns a defining sentence ends in ("en samarbetsyta", "ett nätverk", "en mötesplats")
_HEAD = (r"[\w\-]*(?:samarbetsyta|samverkansyta|nätverk|mötesplats|plattform|samarbete|forum|arena|kraftsamling|"
         r"samverkansplattform|samarbetsplattform|partnerskap)")

# "X utgör/har varit/är <up to 60 chars without a clause break> en/ett (adj...) <head>"
_SUBJ_FIRST = re.compile(rf"(?:^|(?<=[.!?•●▪]\s)|(?<=\n)|(?<=[a-zåäö,]\s))(?P<name>{_NAME})\s(?:utgör|har\svarit|är|var)\s"
                         rf"(?:[^.,;:()]{{0,60}}?\s)?(?:en|ett)\s(?:[\w\-]+\s){{0,3}}?(?P<head>{_HEAD})\b")
# inverted order: "... så är Battery region en viktig samarbetsyta"
_VERB_FIRST = re.compile(rf"(?<=[a-zåäö]\s)(?:är|var|utgör)\s(?P<name>[{_UP}][\w\-]+(?:\s[\w\-]+){{0,2}}?)\s(?:en|ett)\s"
                         rf"(?:[\w\-]+\s){{0,3}}?(?P<head>{_HEAD})\b")
# mid-sentence, a capitalised adjective and a lower-case compound network: "i Arktiska kommunnätverket"
_ADJ_NETWORK = re.compile(rf"(?<=[\w,]\s)(?P<name>[{_UP}][a-zåäö]{{3,}}a\s[a-zåäö]{{3,}}(?:nätverket|forumet|samrådet|klustret|"
                          rf"partnerskapet|rådet))\b")
# a suspended compound network in the definite form names one network: "plan- och byggnätverket"
_COORD_NETWORK = re.compile(r"(?<![\w\-])(?P<name>[A-ZÅÄÖa-zåäö][a-zåäö]{2,}-\s(?:och|&)\s[a-zåäö]{3,}(?:nätverket|forumet))\b")
_NOT_FIRST = {"det", "den", "de", "detta", "denna", "dessa", "där", "här", "region", "regionen", "länsstyrelsen", "vi",
              "man", "som", "vilket", "sverige", "eu"}
_NEEDS = ("samarbetsyta", "samverkansyta", "nätverk", "mötesplats", "plattform", "samarbete", "forum", "arena",
          "kraftsamling", "partnerskap")


def find(text: str, name_ok: Callable[[str], bool], low: str | None = None) -> list[tuple[int, int, str, int, str]]:
    low = text.lower() if low is None else low
    if not any(n in low for n in _NEEDS):
        return []
    out = []
    if "- och " in text and ("nätverket" in low or "forumet" in low):
        for m in _COORD_NETWORK.finditer(text):
            out.append((m.start("name"), m.end("name"), "Project", 3, "coord-network"))
    if "nätverket" in low or "forumet" in low or "rådet" in low or "klustret" in low or "partnerskapet" in low:
        for m in _ADJ_NETWORK.finditer(text):
            if name_ok(m.group("name")):
                out.append((m.start("name"), m.end("name"), "Project", 3, "adj-network"))
    for rx, rule in ((_SUBJ_FIRST, "def-collab"), (_VERB_FIRST, "def-collab-inv")):
        if rx is _SUBJ_FIRST and not ("utgör" in low or "har varit" in low or " är " in low or " var " in low):
            continue
        for m in rx.finditer(text):
            name = m.group("name")
            words = name.split()
            if words[0].lower() in _NOT_FIRST or not name_ok(name):
                continue
            if rule == "def-collab-inv" and any(w[:1].islower() and w.endswith(("ar", "er", "de", "te")) for w in words[1:]):
                continue  # a verb inside: not a name
            if rule == "def-collab" and len(words) == 1 and not (re.search(r"[A-ZÅÄÖ].*[A-ZÅÄÖ]|\d", name)
                                                                  or re.search(r"(?:nätverket|arena|forum)", name, re.I)):
                continue  # one plain capitalised word opening a sentence: too weak
            out.append((m.start("name"), m.end("name"), "Project", 3, rule))
    return out
