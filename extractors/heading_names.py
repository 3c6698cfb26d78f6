"""Headings that name a collaboration body: Project by the annotation conventions.

Reports list their standing networks, councils, forums and meeting places under
short headings, one paragraph each ("Suicidpreventivt nätverk", "Strategiskt råd för
samhällsbyggnad", "Nätverk bredbandssamordning", "Branschforum buss"). Swedish writes
such names in sentence case, so the capitalised-name rules miss them; a heading is the
whole paragraph, so its extent is known. Three shapes are read, all anchored on a
collaboration head word:

* head word first, then what it is about: "Nätverk X", "Samråd för X", "Forum för X"
  (not "Nätverk med X", not a plain "Samverkan ..." section title);
* a neuter adjective and an indefinite head ("Regionalt samverkansråd X", "Nationellt
  nätverk X"), or plural-form adjectives and a definite head ("Det nationella
  livsmedelsnätverket");
* one compound ending in the head plus one qualifier word ("Branschforum buss",
  "Fyrlänsmöte transportinfrastruktur").

A description after a dash ("Samråd X - samverkan mellan ...") is cut off. Generic
section titles ("Strategiska råd", "Samverkan", "Kommunala nätverk inom ...") do not fit
the shapes.
"""
from __future__ import annotations

import re

# indefinite / definite forms of collaboration heads
_HEAD = r"(?:nätverk|forum|råd|samråd|mötesplats|plattform|partnerskap|kluster|dialog|college|allians|konsortium)"
_HEAD_DEF = r"(?:nätverket|forumet|rådet|samrådet|mötesplatsen|plattformen|partnerskapet|klustret|dialogen|alliansen|konsortiet)"
_FIRST_HEADS = {"nätverk", "nätverket", "forum", "forumet", "samråd", "samrådet", "råd", "rådet", "mötesplats",
                "mötesplatsen", "plattform", "partnerskap", "kluster", "allians", "konsortium", "samrådsgrupp"}
# words that make the heading a sentence or a title about something, not a name
_NOT_AFTER_HEAD = {"med", "mellan", "inom", "i", "och", "kring", "som", "är", "har", "på", "av", "till", "från",
                   "hos", "vid", "under", "samt", "eller", "the", "and"}
_STOP_WORDS = {"antal", "andel", "mål", "delmål", "resultat", "uppföljning", "status", "exempel", "urval", "tabell",
               "figur", "bilaga", "aktiviteter", "insatser", "utveckling", "stärkt", "stärkta", "ökad", "ökat"}

_ADJ_NEUTER = re.compile(rf"^(?P<adj>[A-ZÅÄÖ][a-zåäö]{{3,}}(?:t))\s(?P<head>[a-zåäö]*{_HEAD})(?:\s(?P<rest>.+))?$")
_ADJ_DEF = re.compile(rf"^(?:(?:Det|Den)\s)?(?:[A-ZÅÄÖa-zåäö][a-zåäö]{{3,}}a\s){{1,2}}[a-zåäö]{{3,}}{_HEAD_DEF}"
                      rf"(?:\s(?:för|i)\s[\wåäö\- ]+)?$")
_COMPOUND_Q = re.compile(r"^[A-ZÅÄÖ][a-zåäö]{3,}(?:forum|möte|nätverk|råd|samråd|dialog)\s(?P<q>[a-zåäö]{3,}|[A-ZÅÄÖ][\w/]+)$")
_VERB_FORM = re.compile(r"(?:ar|er|ade|ades|as|ats|it|tt)$")  # "Rådet innefattar ...": a sentence
_DASH_DESC = re.compile(r"\s[–\-]\s.*$")
_END_PUNCT = re.compile(r"[.!?:;,]$")


def _clean(head: str) -> str:
    """The heading without a dash-introduced description or trailing parenthesis."""
    head = _DASH_DESC.sub("", head)
    head = re.sub(r"\s*\([^()]*\)\s*$", "", head)
    return head.strip()


def heading_name(text: str) -> tuple[int, int] | None:
    """(start, end) of a collaboration body's name when the paragraph ``text`` is such a heading."""
    if len(text) > 120:
        return None
    head = text.strip()
    if not head or not head[0].isupper() or _END_PUNCT.search(head) or "\n" in head:
        return None
    name = _clean(head)
    words = name.split()
    if not 2 <= len(words) <= 9 or any(c.isdigit() for c in name.replace("2030", "")):
        return None
    if words[0].lower() in _STOP_WORDS:
        return None
    ok = False
    first = words[0].lower()
    if first in _FIRST_HEADS:
        nxt = words[1].lower()
        ok = nxt not in _NOT_AFTER_HEAD and not (words[1].islower() and _VERB_FORM.search(nxt))
    if not ok:
        m = _ADJ_NEUTER.match(name)
        if m and (m.group("rest") is None or m.group("rest").split()[0].lower() not in _NOT_AFTER_HEAD):
            ok = True
    if not ok:
        cq = _COMPOUND_Q.match(name)
        ok = bool(_ADJ_DEF.match(name) or cq and not (cq.group("q").islower() and _VERB_FORM.search(cq.group("q"))
                                                        and not cq.group("q").endswith(("er", "ar"))))
    if not ok:
        return None
    start = text.index(name)
    return start, start + len(name)


# a run-in heading: PDF text lost the line break between the heading and the body's first sentence
_FINITE = {"är", "var", "har", "hade", "ska", "skulle", "kan", "kunde", "kommer", "blir", "blev", "finns", "fanns",
           "bildades", "startade", "samlar", "leds", "drivs", "syftar", "träffas", "arbetar", "ger", "gör", "the"}
_WORD = re.compile(r"\S+")


def run_in_heading(text: str) -> tuple[int, int] | None:
    """(0, end) of a heading of the shapes above that opens ``text`` and runs straight into the
    body's first sentence: the name ends before a capitalised word followed by a lower-case one
    ("Samråd för X Ett politiskt forum ...", "Nätverk X Tillväxtverket har ...")."""
    if not text[:1].isupper():
        return None
    words = list(_WORD.finditer(text[:160]))
    best = None
    for k in range(2, min(9, len(words) - 1)):
        nxt, after = words[k].group(), words[k + 1].group()
        prev = words[k - 1].group()
        if not nxt[:1].isupper() or not after[:1].islower() or not prev[-1:].isalnum() or not prev.islower() \
                or prev in _NOT_AFTER_HEAD or prev in ("för", "om", "mot"):
            continue
        if any(w.group().lower().strip(",") in _FINITE for w in words[:k]) or "." in text[:words[k - 1].end()]:
            break
        if heading_name(text[:words[k - 1].end()]) == (0, words[k - 1].end()):
            best = (0, words[k - 1].end())
    return best
