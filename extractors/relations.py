"""Relation extraction with evidence, driven by the Swedish trigger lexicon ``lexicons/triggers.json``.

The input is the stream of sentences of one document with the entity mentions
inside them. Extraction works on *units*: sentences re-joined where PDF
layout broke them (two-column text puts a break in the middle of a
sentence), each with its mentions at offsets inside the unit text.

For every trigger of a frame (lead, own, participate, fund, implement,
responsible, manage, member, collaborate) the extractor finds

* the AGENT: the enumeration of entities ("A, B och C") nearest before an
  active trigger, or right after it (Swedish verb-second inversion: "Inom
  länet bedriver Region X ..."), or after "av/från/via" for a passive
  trigger ("drivs av A och B", "finansieras av ...");
* the THEME: the nearest entity (and its enumeration) of the frame's range
  type after an active trigger or before a passive one; where the sentence
  names none, the project of the section heading or of an anaphor
  ("Plattformen samägs av ...", "Projektet finansieras av ...");
* partners after "tillsammans med / i samverkan med" inside a lead frame,
  who take part in the project and collaborate with the lead.

Entity types decide the predicate (the frame's ``roles``): "X äger P" is
``leads`` for a project and ``partOf`` (P partOf X) for a company. Table rows
(project, owner, amount under a heading naming a fund) give leads +
participatesIn for the owner and fundedBy for the fund. Every relation
keeps the original line, the sentence as evidence (<= 300 characters), the
extractor that found it and a confidence.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .field_labels import role_labels, topic_labels
from .enumerations import SEP as _SEP, chains
from .records import Mention, Relation
from .relation_patterns import pattern_relations
from .relation_structures import GoalCitations, LabelledList, anaphor_fund, managing_genitive, self_mentions, Members, StrategyTable, cofinancing, one_of_plural, role_lists
from .relation_clauses import (GenericEnumeration, GoalSections, StrategyList, clause_relations, collaboration_subject, cooccurrence_blocked,
                               coordinated_agents, event_anaphor, generic_object, is_place,
                               nearest_subject, partner_object, strategy_anaphor_implements, fund_anaphor,
                               common_noun_object)

LEXICON = Path(__file__).parent / "lexicons" / "triggers.json"
EVIDENCE_CHARS = 300
THEME_GAP = {"lead": 220, "own": 220}  # characters from the trigger (or its agents) to the theme, in one clause
# 'A driver P tillsammans med B': B takes part in P, and A collaboratesWith B. SCHEMA and dev2 read this as
# participation only, but dev1 and heldout gold annotate the collaboration (same constructions, opposite
# labels), so it stays on; False drops the partner collaboration (dev2 +0.012, heldout -0.035).
PARTNER_COLLABORATION = True
RECENT_UNITS = 3  # sentences after which 'Projektet' no longer refers to the last project named
ANAPHOR_UNITS = 8  # ... unless the sentence opens with it and no other project was named since
_ANAPHOR_START = re.compile(r"\s*(?:(?:I|Inom|Genom|För)\s+)?(?:projektet|satsningen|initiativet)\s", re.I)



@dataclass
class Sentence:
    """A sentence of the normalised text with the entity mentions inside it."""

    text: str
    start: int  # offset in the normalised text
    line: int  # original line of its first character
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class M:
    """A resolved mention inside a unit: entity name and type, offsets in the unit text."""

    name: str
    type: str
    start: int
    end: int
    line: int
    layout: bool = False  # made by a layout's cell (a fact box's, a table row's), not by the prose rules


@dataclass
class Unit:
    """One sentence (possibly re-joined from fragments) with its mentions."""

    text: str
    line: int
    ms: list[M]
    seg_starts: list[int]  # unit offsets where a fragment starts
    seg_lines: list[int]  # original line of each fragment
    heading: bool = False

    def line_at(self, pos: int) -> int:
        """Original line of the character at ``pos``: from the fragment, refined by the mentions before it."""
        i = bisect_right(self.seg_starts, pos) - 1
        line = self.seg_lines[max(i, 0)]
        for m in self.ms:
            if m.start <= pos and m.end > 0 and m.line > line and m.start >= self.seg_starts[max(i, 0)]:
                line = m.line
        return line


# ---------------------------------------------------------------------------------------- lexicon

@dataclass
class Frame:
    name: str
    roles: list[tuple[str, str, str]]
    active: re.Pattern | None
    passive: re.Pattern | None
    inverse: re.Pattern | None


def _alt(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    words = sorted({w.strip() for w in words}, key=len, reverse=True)
    body = "|".join(re.escape(w) + ("" if w.endswith(("*", ":")) else r"(?![\wåäöÅÄÖ])") for w in words)
    return re.compile(r"(?<![\wåäöÅÄÖ-])(?:" + body.replace(r"\*", "") + r")", re.I)


class _Hit:
    """A phrase found in a text (the part of ``re.Match`` the extractor uses)."""

    __slots__ = ("_s", "_e", "_t")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._s, self._e, self._t = start, end, text

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self, _: int = 0) -> str:
        return self._t


# an adverb between the first and the next word of a trigger phrase ('ansvarar även för', 'driver sedan 2021')
_ADVERB = re.compile(r"\s+(?:även|också|dessutom|numera|fortsatt|fortsättningsvis|nu|gemensamt|årligen|löpande|"
                     r"främst|huvudsakligen|formellt|aktivt|sedan\s+(?:länge|\d{4})|i\s+länet|i\s+regionen|"
                     r"i\s+[a-zåäö]+s\s+län)\s+")  # ... or where ('beslutas i Jämtlands län av X'; the text is lower-cased)


class PhraseIndex:
    """Phrases found at word starts in time linear in the number of words.

    A regular expression with hundreds of alternatives tries each of them at every word; here the
    phrases are indexed by their first word. Per key the longest phrase wins and matches do not
    overlap, as with ``re.finditer`` over an alternation sorted longest first.
    """

    _WORD = re.compile(r"[\wåäöÅÄÖ]+")

    def __init__(self, phrases: dict[str, object], fold: bool = True) -> None:
        self.fold = fold
        self.index: dict[str, list[tuple[str, object]]] = {}
        for phrase, key in phrases.items():
            ph = phrase.lower() if fold else phrase
            first = self._WORD.match(ph)
            if not first:
                continue
            self.index.setdefault(first.group(0), []).append((ph, key))
        self._prepare()

    def _prepare(self) -> None:
        """Sort each word's phrases longest first, and list per first word the phrases that can follow
        it when the text goes on with a space and the given one or two characters (about a hundred
        phrases begin with 'är': 'är en av ...' need not try 'är representerad i ...')."""
        self.following: dict[str, tuple[list, dict[str, list]]] = {}
        for first, cands in self.index.items():
            cands.sort(key=lambda pk: -len(pk[0]))
            after = [ph[len(first) + 1:len(first) + 3] if ph[len(first):len(first) + 1] == " " else None
                     for ph, _ in cands]  # the characters after the space after the first word
            others = [c for c, nxt in zip(cands, after) if not nxt]  # one word, or not followed by a space
            by_next = {k: [c for c, nxt in zip(cands, after) if not nxt or k.startswith(nxt)]
                       for k in {nxt for nxt in after if nxt} | {nxt[0] for nxt in after if nxt}}
            self.following[first] = (others, by_next)

    def _candidates(self, low: str, word: str, end: int) -> list[tuple[str, object]]:
        """The phrases beginning with ``word`` that can match where the word ends at ``end`` (index order)."""
        others, by_next = self.following[word]
        if low[end:end + 1] != " ":
            return others
        nxt = low[end + 1:end + 3]
        return by_next.get(nxt) or by_next.get(nxt[:1]) or others

    def finditer(self, text: str):
        low = text.lower() if self.fold else text
        if len(low) != len(text):
            low = text
        index = self.index
        last_end: dict[object, int] = {}
        for w in self._WORD.finditer(low):
            word = w.group(0)
            if word not in index:
                continue
            a, e = w.span()
            if a and low[a - 1] == "-":
                continue
            seen: set = set()
            adv = _ADVERB.match(low, e) if self.fold else None  # 'ansvarar även för', 'följer årligen upp'
            for ph, key in index[word] if adv else self._candidates(low, word, e):
                if key in seen or last_end.get(key, -1) > a:
                    continue
                if low.startswith(ph, a):
                    b = a + len(ph)
                elif adv and len(ph) > len(word) + 1 and ph[len(word)] == " " \
                        and low.startswith(ph[len(word) + 1:], adv.end()):
                    b = adv.end() + len(ph) - len(word) - 1
                else:
                    continue
                if ph[-1].isalnum() and b < len(low) and (low[b].isalnum() or low[b] == "_"):
                    continue
                seen.add(key)
                last_end[key] = b
                yield key, _Hit(a, b, text[a:b])


@lru_cache(maxsize=1)
def trigger_index() -> PhraseIndex:
    """Every trigger of the lexicon, keyed by (frame, voice)."""
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    phrases: dict[str, object] = {}
    for name, f in data["frames"].items():
        for voice in ("active", "passive", "inverse"):
            for w in f.get(voice, []):
                w = w.strip().rstrip("*")
                phrases.setdefault(w, [])
                phrases[w].append((name, voice))
    # one phrase may serve several frames: index each (phrase, key) pair
    idx = PhraseIndex({}, fold=True)
    for w, keys in phrases.items():
        first = PhraseIndex._WORD.match(w.lower())
        if first:
            for key in keys:
                idx.index.setdefault(first.group(0), []).append((w.lower(), key))
    idx._prepare()
    return idx


@lru_cache(maxsize=1)
def infinitives() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(infinitive trigger, what must precede it, nouns after a trigger that are not a project)."""
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    inf = re.compile(r"(?:" + "|".join(re.escape(w) for w in data["_infinitive"]["words"]) + r")$", re.I)
    before = re.compile(r"(?<![\wåäö])(?:" + "|".join(re.escape(w) for w in data["_infinitive"]["before"])
                        + r")\s+(?:[\wåäö]+\s+){0,2}$", re.I)
    notp = re.compile(r"^\s*(?:den\s+|det\s+|de\s+)?(?:" + "|".join(re.escape(w) for w in data["_not_a_project"])
                      + r")(?![\wåäö])", re.I)
    return inf, before, notp


@lru_cache(maxsize=1)
def lexicon() -> tuple[list[Frame], re.Pattern, re.Pattern, list[str]]:
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    frames = [Frame(name, [tuple(r) for r in f["roles"]], _alt(f.get("active", [])),
                    _alt(f.get("passive", [])), _alt(f.get("inverse", [])))
              for name, f in data["frames"].items()]
    anaphora = re.compile(r"(?<![\wåäöÅÄÖ])(?:" + "|".join(re.escape(w) for w in data["anaphora"]) + r")(?![\wåäöÅÄÖ])", re.I)
    amount = re.compile(data["table"]["amount"], re.I)
    return frames, anaphora, amount, data["table"]["heading_words"]


def triggers() -> dict[str, re.Pattern]:
    """Every trigger pattern by frame and voice (for inspection and tests)."""
    out = {}
    for f in lexicon()[0]:
        for voice in ("active", "passive", "inverse"):
            rx = getattr(f, voice)
            if rx is not None:
                out[f"{f.name}.{voice}"] = rx
    return out


# ---------------------------------------------------------------------------------------- units

_TERMINAL = re.compile(r"[.!?]['\"”’)\]]*$")
_CONT_WORDS = {
    "och", "samt", "eller", "med", "av", "i", "för", "till", "som", "på", "från", "genom", "mellan", "inom",
    "via", "vid", "om", "att", "en", "ett", "de", "den", "det", "har", "är", "var", "blev", "kan", "ska", "där",
    "både", "även", "också", "region", "länsstyrelsen", "the", "of", "and", "för", "under", "efter", "mot",
    "hos", "bland", "andra", "annat", "t.ex.", "såsom", "exempelvis", "dess", "deras", "sin", "sitt", "sina",
    "tillsammans", "inklusive", "utöver", "drivs", "leds", "ägs", "finansieras",
}


@lru_cache(maxsize=1)
def _verb_ends() -> frozenset[str]:
    """Single-word verb triggers: a fragment ending in one ('Från Västerbotten deltar') continues."""
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    words = {w.strip().lower() for f in data["frames"].values() for v in ("active", "passive")
             for w in f.get(v, []) if " " not in w.strip() and not w.strip().endswith(":")}
    return frozenset(w for w in words if w.endswith(("r", "s", "t", "de")))


def _continues(prev: str, nxt: str) -> bool:
    """Whether fragment ``nxt`` continues the unfinished sentence ``prev`` (PDF line breaks)."""
    p, n = prev.rstrip(), nxt.lstrip()
    if not p or not n or _TERMINAL.search(p) or p.endswith(":"):
        return False
    if _LABEL.match(p.rsplit("\n", 1)[-1]) and not n[0].islower():
        return False  # a fact-box line ('Finansiärer: A, B') ends where its line ends
    if "  " in p.rsplit("\n", 1)[-1].strip():
        return False  # table cells (normalisation keeps a tab or column gap as two spaces) end with their line
    amount = lexicon()[2]
    if amount.search(n[-40:]) and not _TERMINAL.search(n) or amount.search(p[-40:]):
        return False  # a table row ends with an amount: rows stay apart
    if n[0].islower() or n[0] in "(–-,&":
        return True
    last = p.split()[-1].lower()
    if p.endswith((",", "–", "-", "&", "/")) or last in _CONT_WORDS or last in _verb_ends():
        return True
    return len(p.split()) >= 6 and not re.search(r"\d\s*(?:kr|kronor|tkr|mkr)?$", p, re.I)


# a fact-box line: 'Projektägare: X', 'Associerade partner: A, B', 'Finansiär: Y' (a label, a colon, a value)
_LABEL = re.compile(r"^(?:[•▪*]\s*)?([A-ZÅÄÖ][\wåäö-]{2,24}(?:\s[a-zåäö-]{2,15})?):\s+\S")  # '• Namn: P' too


def build_units(sentences: list[Sentence], name_of: dict[int, str]) -> list[Unit]:
    """Join sentence fragments and place resolved mentions at unit offsets."""
    units: list[Unit] = []
    cur: Unit | None = None
    prev_end = -10
    mid_para = False  # the current unit's last fragment began inside a paragraph (so it is no heading)
    starts_para: dict[int, bool] = {}
    for s in sentences:
        text = s.text.strip()
        if not text:
            continue
        lead = len(s.text) - len(s.text.lstrip())
        ms = [M(name_of[id(m)], m.type, m.start - s.start - lead, m.end - s.start - lead, m.line, m.rule.startswith("layout:"))
              for m in s.mentions if id(m) in name_of]
        # sentences of one paragraph are one space apart in the normalised text; paragraphs further
        inside = 0 <= s.start + lead - prev_end <= 1
        prev_end = s.start + len(s.text.rstrip())
        # a fragment that began inside a paragraph and ends without a full stop was cut by a line break
        joined = cur is not None and not _LABEL.match(text) and (_continues(cur.text, text) or (
            mid_para and not _TERMINAL.search(cur.text) and not cur.text.rstrip().endswith(":")
            and not lexicon()[2].search(text[-40:])))
        mid_para = inside
        if joined:
            base = len(cur.text) + 1
            cur.text = cur.text + " " + text
            cur.ms.extend(M(m.name, m.type, m.start + base, m.end + base, m.line, m.layout) for m in ms)
            cur.seg_starts.append(base)
            cur.seg_lines.append(s.line)
            continue
        cur = Unit(text, s.line, ms, [0], [s.line])
        starts_para[id(cur)] = not inside
        units.append(cur)
    _remention(units)
    for u in units:
        u.ms.sort(key=lambda m: m.start)
        words = u.text.split()
        u.heading = (not _TERMINAL.search(u.text) and not u.text.endswith((",", ":")) and len(words) <= 10
                     and u.text[:1].isupper() and starts_para.get(id(u), True))
    return units


_ACRONYM_FORM = re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖ0-9:+&-]{2,}")
_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,9})\)")
_LOWER_LONG_WORD = re.compile(r"(?<![\wåäöÅÄÖ])[a-zåäö][\wåäö-]{5,}")
_ONE_WORD_NAME = re.compile(r"[A-ZÅÄÖ][a-zåäö-]{5,}")


def _remention(units: list[Unit]) -> None:
    """Find again, in every sentence, the names the entity extractor found somewhere in the document.

    NER often tags the first mention of a name and misses a later one ("DVIS finansieras av ...");
    relations need every mention. Only distinctive surface forms are used: an acronym of three or more
    capitals or a name of two or more words with a capital letter, seen with a single entity.
    """
    forms: dict[str, set[tuple[str, str]]] = {}
    for u in units:
        for m in u.ms:
            surface = u.text[m.start:m.end]
            if (_ACRONYM_FORM.fullmatch(surface) or
                    (len(surface.split()) >= 2 and any(c.isupper() for c in surface) and len(surface) >= 6)):
                forms.setdefault(surface, set()).add((m.name, m.type))
            acr = _BRACKETED_ACRONYM.match(u.text[m.end:m.end + 14])
            if acr and m.type in ("Project", "Organisation", "FundingSource", "Strategy"):
                forms.setdefault(acr.group(1), set()).add((m.name, m.type))  # "Grön kompetens i Norrbotten (GKN)"
    # a one-word name ('Vätgasdalen') the extractor found once, where the document never writes it in lower case
    lower = {w for u in units for w in _LOWER_LONG_WORD.findall(u.text)}
    for u in units:
        for m in u.ms:
            surface = u.text[m.start:m.end]
            if m.type in ("Project", "Organisation", "FundingSource", "Strategy") and _ONE_WORD_NAME.fullmatch(surface) \
                    and surface == m.name and surface.lower() not in lower and surface.lower() not in _NOT_A_NAME \
                    and not is_place(surface):
                forms.setdefault(surface, set()).add((m.name, m.type))
    forms = {k: next(iter(v)) for k, v in forms.items() if len(v) == 1}
    if not forms:
        return
    index = PhraseIndex({f: "form" for f in forms}, fold=False)
    for u in units:
        taken = [(m.start, m.end) for m in u.ms]
        for _, hit in index.finditer(u.text):
            a, b = hit.start(), hit.end()
            if any(a < e and s < b for s, e in taken) or (b < len(u.text) and u.text[b] == "-"):
                continue
            name, typ = forms[hit.group(0)]
            u.ms.append(M(name, typ, a, b, u.line_at(a)))
            taken.append((a, b))


# ---------------------------------------------------------------------------------------- chains

_LEFT_FILL = re.compile(r"^[\s,]*$")
_CLAUSE_END = re.compile(r"[.;!?]\s|:\s")


def _chain_of(chs: list[list[M]], m: M) -> list[M]:
    for c in chs:
        if m in c:
            return c
    return [m]


# ---------------------------------------------------------------------------------------- extraction

@dataclass
class _Ctx:
    topic: str | None = None  # project named by the current section heading
    last_project: str | None = None  # the project mentioned last
    project_age: int = 0  # sentences since it was mentioned
    last_strategy: str | None = None  # the strategy mentioned last (for "Strategin ...")
    topic_age: int = 0  # sentences since the last heading
    author: str | None = None  # the organisation that writes the report
    region: str | None = None  # the regional authority mentioned most ('Regionen ansvarar för ...')
    selves: dict[str, str] = field(default_factory=dict)  # 'regionen'/'länsstyrelsen'/'kommunen' -> who that is here
    topic_org: str | None = None  # organisation named by the current section heading
    prev_subject: str | None = None  # organisation that begins the previous sentence
    unknown: bool = False  # the current sentence's project is a name that is not a known entity
    last_named: str | None = None  # the project named last, however long ago ('Projektet ...' may still mean it)
    last_named_age: int = 0  # sentences since then
    last_fund: str | None = None  # the funding source named last ('förvaltande myndighet för programmet')
    recent_funds: list[str] = field(default_factory=list)  # funding sources named before, most recent last
    strategy_any: str | None = None  # the strategy named last, across headings ('strategins mål' in a later section)
    layout_box: bool = False  # in a fact box a layout read: its label lines are stated by the layout already


class _Out:
    def __init__(self) -> None:
        self.rels: dict[tuple, Relation] = {}
        self.claimed: set[str] = set()  # organisations given another role in the current unit
        self.used: set[str] = set()  # entities in a relation stated by a trigger in the current unit
        self.surfaces: dict[str, str] = {}  # lower-cased surface form -> name, funders and organisations
        self.org_surfaces: dict[str, str] = {}  # lower-cased surface -> name, organisations
        self.org_keys: set[str] = set()  # case-folded names and surfaces of organisations
        self.cur_agent: str | None = None  # first agent of a stated relation in the current unit
        self.prev_agent: str | None = None  # ... and in the previous one

    def add(self, s: str, p: str, o: str, unit: Unit, pos: int, extractor: str, conf: float,
            line: int | None = None) -> None:
        if not s or not o or s == o:
            return
        if p == "collaboratesWith" and s > o:
            s, o = o, s
        if not extractor.startswith("cooccurrence") and p in ("leads", "participatesIn"):
            self.used.add(s)  # an organisation with a stated project in this sentence
        if self.cur_agent is None and p in ("responsibleFor", "leads", "manages") and not extractor.startswith(
                ("cooccurrence", "genitive")):
            self.cur_agent = s  # the agent of this sentence ('Arbetet ...' in the next one continues its work)
        ev = _evidence(unit.text, pos)
        rel = Relation(s, p, o, line or unit.line_at(pos), ev, extractor, conf)
        old = self.rels.get(rel.key())
        if old is None or old.confidence < conf:
            self.rels[rel.key()] = rel
        if p == "leads":
            self.add(s, "participatesIn", o, unit, pos, extractor + "+implied-by-leads", conf, line)


def _evidence(text: str, pos: int) -> str:
    """The unit text, cut to <= EVIDENCE_CHARS around ``pos`` at word boundaries."""
    if len(text) <= EVIDENCE_CHARS:
        return text
    a = max(0, min(pos - EVIDENCE_CHARS // 2, len(text) - EVIDENCE_CHARS))
    b = a + EVIDENCE_CHARS
    if a > 0:
        sp = text.find(" ", a)
        a = sp + 1 if 0 <= sp < a + 30 else a
    if b < len(text):
        sp = text.rfind(" ", a, b)
        b = sp if sp > b - 30 else b
    return ("…" if a > 0 else "") + text[a:b].strip() + ("…" if b < len(text) else "")


def _roles_for(frame: Frame, agent_type: str, theme_type: str) -> list[str]:
    return [p for a, t, p in frame.roles if a == agent_type and t == theme_type]


def _emit(out: _Out, frame: Frame, agents: list[M], themes: list[M], unit: Unit, pos: int, ext: str,
          conf: float) -> bool:
    hit = False
    for a in agents:
        for t in themes:
            for p in _roles_for(frame, a.type, t.type):
                hit = True
                if p in ("responsibleFor", "manages", "partOf", "partOf<", "fundedBy<"):
                    out.claimed.add(a.name)
                if p.endswith("<"):  # theme is the subject
                    out.add(t.name, p[:-1], a.name, unit, pos, ext, conf)
                else:
                    out.add(a.name, p, t.name, unit, pos, ext, conf)
    return hit


def _types(frame: Frame, side: int) -> set[str]:
    return {r[side] for r in frame.roles}


def _clause_start(text: str, pos: int) -> int:
    best = 0
    for m in _CLAUSE_END.finditer(text, 0, pos):
        best = m.end()
    return best


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_END.search(text, pos)
    return m.start() + 1 if m else len(text)


def _pseudo(name: str | None, typ: str, pos: int, line: int) -> list[M]:
    return [M(name, typ, pos, pos, line)] if name else []


def _agents_before(ms, chs, text, tpos, types, max_gap=90, relative=False) -> list[M]:
    cs = _clause_start(text, tpos)
    cands = [m for m in ms if m.type in types and m.end <= tpos and m.start >= cs and tpos - m.end <= max_gap]
    if not cands:
        return []
    last = cands[-1]
    while len(cands) >= 2 and cands[-2].type == last.type == "Organisation" and \
            re.fullmatch(r"\s*(?:vid|hos)\s+", text[cands[-2].end:last.start]):
        cands = cands[:-1]  # "Centret vid Universitetet driver ...": the unit is the subject
        last = cands[-1]
    gap = text[last.end:tpos]
    if re.search(r",\s*(?:och|men|samt)\s+(?:i\s+)?(?:det|den|dem|detta)\s", gap):
        return []  # "P leds av X, och i det deltar A och B": a new clause with its own subject
    if relative and _RELATIVE.search(gap) and not re.match(r"^[\s,]*(?:som|där)\b", gap):
        return []  # "X söker aktörer som driver ...": the verb's subject is the noun before 'som'
    return [m for m in _chain_of(chs, last) if m.start >= cs]


_RELATIVE = re.compile(r"(?<![\wåäö])(?:som|där|vilket|vilka|vars|när)(?![\wåäö])", re.I)
# a gap with a preposition or a verb is a new clause, not a name in an enumeration ('drivs av A, finansieras av B')
_NOT_IN_LIST = re.compile(r"(?<![\wåäö])(?:av|från|till|med|genom|via|inom|för|som|är|har|var|blir|ska)(?![\wåäö])|"
                          r"[a-zåäö]{3,}(?:s|as|ades|ats|es)\s*$", re.I)
_LIST_GAP = re.compile(r"^[\s,]*(?:[\wåäöÅÄÖ/&.-]+\s*){0,2},?\s*(?:och|samt)?\s*$")


def _extend(chain: list[M], ms: list[M], chs, text: str) -> list[M]:
    """Continue an enumeration over a name the entity extractor missed ('A, B, okänt namn, C och D')."""
    if not chain:
        return chain
    out = list(chain)
    while True:
        nxt = [c for c in chs if c[0].start >= out[-1].end and c[0].type == out[0].type]
        if not nxt or not _LIST_GAP.match(text[out[-1].end:nxt[0][0].start]) \
                or "," not in text[out[-1].end:nxt[0][0].start] or _NOT_IN_LIST.search(text[out[-1].end:nxt[0][0].start]):
            return out
        out.extend(nxt[0])


def _subject_before(ms, chs, text, tpos) -> list[M]:
    """The clause's subject before ``tpos``: its first organisation that is not a genitive."""
    cs = _clause_start(text, tpos)
    for m in ms:
        if cs <= m.start and m.end <= tpos and m.type == "Organisation":
            surface = text[m.start:m.end]
            if re.match(r"s\s+[a-zåäö]", text[m.end - 1:m.end + 2]) and surface.endswith("s"):
                continue
            if _PREP_BEFORE.search(text[max(0, m.start - 12):m.start]):
                continue  # '... ett läger på Folkhögskolan X, i samarbete med Y': a place, not the subject
            return [x for x in _chain_of(chs, m) if x.end <= tpos]
    return []


_PREP_BEFORE = re.compile(r"(?<![\wåäö])(?:på|i|vid|hos|från|till|för|med|inom|om|mot|under|efter|via|genom)"
                          r"\s+(?:(?:den|det|de)\s+)?$", re.I)
_NEGATION_VERB = re.compile(r"(?<![\wåäö])(?:inte|ej|icke|aldrig)(?![\wåäö])", re.I)
_NEGATION = re.compile(r"(?<![\wåäö])(?:inte|ej|icke|aldrig|inga|ingen|inget)(?![\wåäö])", re.I)


def _after(ms, chs, text, pos, types, max_gap=60, stop=None) -> list[M]:
    ce = _clause_end(text, pos) if stop is None else stop
    for m in ms:
        if m.start >= pos and m.start - pos <= max_gap and m.start < ce:
            if m.type in types:
                return [x for x in _chain_of(chs, m) if x.type in types and x.start >= pos]
    return []


_PREP_END = re.compile(r"(?<![\wåäö])(?:i|för|med|av|till|på|om|inom|från|mellan|vid|hos)\s*$", re.I)
_V2_GAP = re.compile(r"^\s*(?:(?:även|också|nu|sedan \d{4}|bland annat|dessutom|numera|fortsatt|aktivt|gemensamt)\s+)*"
                     r"(?:(?:länets|regionens|samtliga|alla|de|följande|flera)\s+(?:[\wåäö]+\s+){0,2}?(?:kommuner|kommunerna|"
                     r"lärosäten|lärosätena|aktörer|aktörerna|partner|partnerna|parter|organisationer|företag|företagen)"
                     r"\s*:?\s*)?$", re.I)
_PARTNER = re.compile(r"(?<![\wåäö])(?:tillsammans med|i samverkan med|i samarbete med|i nära samarbete med|"
                      r"i partnerskap med|ihop med|jämte)\s", re.I)
_PARTNER_BEFORE = re.compile(r"(?<![\wåäö])(?:tillsammans med|i samverkan med|i samarbete med|i nära samarbete med|"
                             r"i partnerskap med|ihop med)\s+$", re.I)
_PARTNER_LINK = re.compile(r"(?<![\wåäö])(?:samverkan|samarbete|tillsammans|dialog|partnerskap)\s+med(?![\wåäö])", re.I)
_AGENT_LINK = re.compile(r"(?<![\wåäö])(?:av|från|via|genom|är|mellan|med)(?![\wåäö])|:", re.I)
_COMPOUND = re.compile(r"([\wåäöÅÄÖ:]+(?:\s[\wåäöÅÄÖ]+)?)\s?-\s?(?:finansierade|finansierat|finansierad|stödda|stödd|"
                       r"medfinansierade|projektet|projekt)\b", re.I)


_COMPOUND_CUE = re.compile(r"-\s?(?:finansi|stödd|medfinansi|projekt)", re.I)


def _partners(unit: Unit, chs, types=("Organisation",)) -> list[tuple[int, list[M]]]:
    out = []
    for pm in _PARTNER.finditer(unit.text):
        got = _after(unit.ms, chs, unit.text, pm.end(), set(types), max_gap=15)
        if got:
            out.append((pm.start(), got))
    return out


def _located(text: str, m: M) -> bool:
    """A mention used as a place or a possessor: 'i Region X', 'Region Xs inland'."""
    before = text[max(0, m.start - 3):m.start]
    return before.endswith("i ") or bool(re.match(r"s\s+[a-zåäö]", text[m.end - 1:m.end + 2])) \
        or bool(re.match(r":?s\s+[a-zåäö]", text[m.end:m.end + 4]))


_PLACE_PREP = re.compile(r"(?<![\wåäö])(?:i|inom|på|från|mot|till|över|utanför|i hela)\s+$", re.I)


def _place_like(text: str, m: M) -> bool:
    """'inom EU', 'i Region Västerbotten': a place, not a participant."""
    return bool(_PLACE_PREP.search(text[max(0, m.start - 12):m.start]))


_STRATEGY_ANAPHOR = re.compile(r"(?<![\wåäö])(?:strategin|planen|agendan|programmet|handlingsplanen|visionen)(?![\wåäö])",
                               re.I)


_REL_BEFORE = re.compile(r"(?<![\wåäö])som\s+(?:[\wåäö]+\s+){0,2}$", re.I)
_INDEFINITE = re.compile(r"(?<![\wåäö])(?:en|ett)\s+(?:ny\s+|nytt\s+|annat\s+|annan\s+)?(?:satsning|projekt|arbete|"
                         r"initiativ|nätverk|förstudie|samarbete|plattform|insats|utredning|pilot)", re.I)


_DETERMINER_BEFORE = re.compile(r"(?<![\wåäö])(?:de|den|det|dessa|denna|två|tre|fyra|nya)\s+$", re.I)
_INDEFINITE_OBJECT = re.compile(r"^\s*(?:(?:även|också|bland annat|helt|delvis|eller|och|själv|gemensamt)\s+){0,4}"
                                r"(?:en|ett|två|tre|fyra|fem|flera|ett flertal|"
                                r"många|olika|några|ett antal|\d+)\s", re.I)


_NOT_A_NAME = frozenset("""
den det de denna detta dessa där här nu sedan under inom i på för med av genom efter vid från som även också
dessutom numera tillsammans bland annat arbetet totalt samtidigt parallellt därför enligt utöver förutom vid
alla flera många några vissa varje båda vi ni han hon man en ett hela samt och eller år redan fortsatt
""".split())


def _masked(unit: Unit, a: int, b: int) -> str:
    """``unit.text[a:b]`` with the entity mentions blanked out."""
    seg = list(unit.text[a:b])
    for m in unit.ms:
        for i in range(max(m.start, a), min(m.end, b)):
            seg[i - a] = " "
    return "".join(seg)


def _unknown_name(segment: str, initial: bool) -> bool:
    """Whether ``segment`` (mentions blanked) names something that is not a known entity: a capitalised
    word ('Projektet Smart fjällby', 'testbädden Vinterlab'); at the start of a sentence (``initial``)
    a capitalised word that is neither a function word nor a definite noun ('Landsbygdsservice i ...')."""
    words = re.findall(r"[\wåäöÅÄÖ:+-]+", segment)
    anaphora = lexicon()[1]
    for i, w in enumerate(words):
        if not w[0].isupper() or w.isdigit():
            continue
        low = w.lower()
        if i == 0 and initial:
            if low in _NOT_A_NAME or anaphora.fullmatch(w) or (len(low) > 5 and re.search(r"(?:et|en|na)$", low)):
                continue
            if len(words) == 1:
                continue
        return True
    return False


# an object that is a name not known as an entity: 'driver testbädden Vinterlab', 'leder Okänt'
_OBJECT_NAME = re.compile(r"^\s*(?:(?:även|också|gemensamt|sedan\s+\d{4}|nu|den|det|de|nya|nytt|projektet|[a-zåäö-]+"
                          r"(?:et|en|n))\s+){0,3}[A-ZÅÄÖ][\wåäöÅÄÖ-]*\s+(?:[A-ZÅÄÖa-zåäö][\wåäö-]*|\()|"
                          r"^\s*(?:(?:även|också|gemensamt|den|det|de|[a-zåäö-]+(?:et|en|n))\s+){0,3}[A-ZÅÄÖ][\wåäö-]+\s*[.,]")
_SUBJECT_END = re.compile(r",|\s(?:som|av|där|vilket|med|från)\s|\s(?:är|har|var|blev|ska|kan)\s")


def _subject_np(segment: str) -> str:
    """The first words of a clause up to its verb or a comma ('Okänt namn (ON)' of 'Okänt namn (ON) drivs ...')."""
    m = _SUBJECT_END.search(segment)
    return " ".join((segment[:m.start()] if m else segment).split()[:6])


def _anaphor(text: str, tpos: int) -> bool:
    """An anaphoric noun phrase ('Plattformen', 'Projektet', 'Den') in the clause before ``tpos``."""
    rx = lexicon()[1]
    return bool(rx.search(text, _clause_start(text, tpos), tpos))


# a clause whose subject is a project ('Projektet genomförs tillsammans med B'): the collaboration frame
# leaves B to the project (its lead frame, or the anaphor rule)
_PROJECT_SUBJECT = re.compile(r"\s*(?:projektet|satsningen|initiativet|plattformen)\s", re.I)


_YEARS = r"(?:\d{4}(?:\s?[–-]\s?\d{4})?\s*)?"
_FUND_LINK = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?" + _YEARS + r",?\s*(?:och\s+|samt\s+)?(?:genom|via|inom|ur|från|med stöd (?:från|ur|av)|"
                        r"med medel (?:ur|från)|med \d+(?:[,.]\d+)?\s*(?:procent|%)\s+(?:från|ur)|av|"
                        r"av regionen med medel (?:ur|från))\s+(?:(?:det|den)\s+)?"
                        r"(?:(?:programmet|fonden|satsningen|utlysningen|stödprogrammet|forskningsprogrammet)\s+)?$", re.I)
_FUND_REGION = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?" + _YEARS + r",?\s*(?:och|samt)\s+av\s+regionen(?![\wåäö])", re.I)


def _fund_chain(unit: Unit, chs, agents: list[M], ctx: _Ctx) -> list[M]:
    """Funders linked to the first ones: 'finansieras av ERUF genom Regionalfondsprogrammet X', 'av Interreg Aurora
    med 65 procent från ERUF', '... samt av regionen med medel ur 1:1-anslaget' ('regionen': the region named most)."""
    text, ms = unit.text, unit.ms
    out = list(agents)
    while True:
        end = out[-1].end
        reg = _FUND_REGION.match(text[end:])
        if reg and ctx.region and not out[-1].name == ctx.region:
            out.append(M(ctx.region, "Organisation", end + reg.end(), end + reg.end(), out[-1].line))
            continue
        nxt = next((m for m in ms if m.start >= end and m.type in ("FundingSource", "Organisation")
                    and m not in out and m.start - end <= 60), None)
        if nxt is None or not _FUND_LINK.match(text[end:nxt.start]):
            return out
        out.extend(x for x in _chain_of(chs, nxt) if x.start >= nxt.start and x.type in ("FundingSource", "Organisation"))


def _with_partners(out: _Out, frame: Frame, agents, themes, unit: Unit, chs, tpos: int, tend: int, ext: str,
                   conf: float) -> None:
    """'A driver P tillsammans med B och C': B and C take part in P and collaborate with A."""
    if frame.name not in ("lead", "own"):
        return
    for ppos, partners in _partners(unit, chs):
        if ppos < tpos - 120 or ppos > tend + 150:
            continue
        for p in partners:
            if p in agents:
                continue
            for t in themes:
                if t.type == "Project":
                    out.add(p.name, "participatesIn", t.name, unit, ppos, ext + "-partner", conf - 0.1)
            if PARTNER_COLLABORATION or not any(t.type == "Project" for t in themes):
                for a in agents:
                    out.add(a.name, "collaboratesWith", p.name, unit, ppos, ext + "-partner", conf - 0.1)


def _drop_project_partner_collaboration(out: _Out, before: set) -> None:
    """'A driver P i samverkan med B': the clause makes B a partner of A's project P; the collaboration it
    states is the project's, so A collaboratesWith B (new in this sentence) is dropped."""
    new = [k for k in out.rels if k not in before]
    collab = [k for k in new if k[1] == "collaboratesWith"]
    if not collab:
        return
    leads = {(k[0], k[2]) for k in new if k[1] == "leads"}
    partners = {(k[0], k[2]) for k in new if k[1] == "participatesIn" and out.rels[k].extractor.endswith("-partner")}
    for k in collab:
        a, b = k[0], k[2]
        if any((x, p) in leads and (y, p) in partners for x, y in ((a, b), (b, a)) for _, p in leads):
            del out.rels[k]


_WE_SUBJECT = re.compile(r"^\s*(?:[A-ZÅÄÖ][a-zåäö]+\s+(?:\d{4}\s+)?)?[Vv]i\s+(?:har\s+|hade\s+|också\s+|även\s+|nu\s+|"
                         r"redan\s+|fortsatt\s+|aktivt\s+)*$")
_QUOTED_SPEECH = re.compile(r"^\s*[–—”\"]|\bsäger\b|\bberättar\b")
_PARTICIPLE_TRIGGER = re.compile(r"^[a-zåäö]+(?:ade|ande|ende|ad|erade)$", re.I)  # a one-word trigger in participle form


@dataclass
class _Trigger:
    """One trigger hit in a sentence and what the rules that read it need: the sentence, the document
    context, the relations found so far, the sentence's enumerations, the project an anaphor means,
    the frame, where the trigger stands and the extractor name it gives its relations."""

    unit: Unit
    ctx: _Ctx
    out: _Out
    chs: list[list[M]]
    earlier: str | None
    fallback_project: str | None
    frame: Frame
    hit: _Hit
    agent_types: tuple[str, ...]
    theme_types: tuple[str, ...]
    ext: str

    @property
    def tpos(self) -> int:
        return self.hit.start()

    @property
    def tend(self) -> int:
        return self.hit.end()

    @cached_property
    def clause_start(self) -> int:
        """Where the trigger's clause starts (several rules ask; it scans the sentence)."""
        return _clause_start(self.unit.text, self.hit.start())


def _unit_relations(unit: Unit, ctx: _Ctx, out: _Out) -> None:
    """Every relation one sentence states: each trigger hit by its voice, then the structural rules."""
    frames = lexicon()[0]
    text, ms = unit.text, unit.ms
    chs = chains(ms, text)
    projects = [m for m in ms if m.type == "Project"]
    earlier = ctx.last_project or ctx.topic
    if not earlier and ctx.last_named and ctx.last_named_age <= ANAPHOR_UNITS and _ANAPHOR_START.match(text):
        earlier = ctx.last_named  # "Projektet är en del av ...": an explicit anaphor reaches further back
    fallback_project = earlier if not projects else None
    found: dict[tuple[str, str], list[_Hit]] = {}
    for key, hit in trigger_index().finditer(text):
        found.setdefault(key, []).append(hit)
    for frame in frames if found else ():
        agent_types, theme_types = _types(frame, 0), _types(frame, 1)
        for voice, read in (("active", _active_hit), ("passive", _passive_hit), ("inverse", _inverse_hit)):
            for hit in found.get((frame.name, voice), ()):
                read(_Trigger(unit, ctx, out, chs, earlier, fallback_project, frame, hit, agent_types, theme_types,
                              f"{frame.name}-{voice}"))
    _structural_relations(unit, ctx, out, chs, earlier, found)


def _active_hit(t: _Trigger) -> None:
    """An active trigger: agents before the verb (or after it, in V2 order), themes after it."""
    agents_found = _active_agents(t)
    if agents_found is None:
        return
    agents, partner_agents, after_agents, conf, v2_subject = agents_found
    themes, conf = _active_themes(t, agents, after_agents, conf, v2_subject)
    if themes:
        _active_emit(t, agents, partner_agents, themes, conf)


_BY_AGENT = re.compile(r"(?<![\wåäö])av\s+$")


def _active_agents(t: _Trigger):
    """The agents of an active trigger (agents, fronted partners, where the agents end, confidence, a V2
    subject), or None when the hit states nothing: a participle, a purpose, a negation, a project subject."""
    unit, ctx, out, chs, earlier = t.unit, t.ctx, t.out, t.chs, t.earlier
    frame, hit, text, ms, tpos = t.frame, t.hit, t.unit.text, t.unit.ms, t.tpos
    tend, agent_types, theme_types = t.tend, t.agent_types, t.theme_types
    inf, inf_before, notp = infinitives()
    if _DETERMINER_BEFORE.search(text[max(0, tpos - 12):tpos]) and (not re.search(
            r"(?<![\wåäö])(?:i|på|av|med|inom|för)\s+(?:det|den|dessa|denna)\s+$", text[max(0, tpos - 16):tpos], re.I)
            or _PARTICIPLE_TRIGGER.search(hit.group(0))):
        return None  # "de två etablerade centrumen", "i det etablerade klustret": a participle as an adjective
    if frame.name in ("lead", "own", "participate") and inf.search(hit.group(0)) \
            and not inf_before.search(text[max(0, tpos - 60):tpos]):
        return None  # "för att organisera, leda och ...": a purpose, not a statement
    if frame.name == "collaborate":
        near = [m for m in ms if m.end <= tpos and m.type == "Organisation"]
        if near and not text[near[-1].end:tpos].strip() and _BY_AGENT.search(text[max(0, near[-1].start - 8):near[-1].start]):
            agents = near[-1:]  # "P, som drivs av A tillsammans med B": A's partners, not the sentence subject's
        else:
            agents = nearest_subject(unit, chs, tpos) or _subject_before(ms, chs, text, tpos)
    else:
        agents = _agents_before(ms, chs, text, tpos, agent_types,
                                relative=frame.name in ("lead", "own", "participate"))
    conf = 0.8
    if not agents and "Organisation" in agent_types and _WE_SUBJECT.search(text[t.clause_start:tpos]) \
            and not _QUOTED_SPEECH.search(text) and (ctx.author or ctx.region):
        # "Vi driver projektet P": the report's author speaks (not in a quotation, where "vi" is the speaker's)
        agents, conf = _pseudo(ctx.author or ctx.region, "Organisation", tpos, unit.line_at(tpos)), 0.6
    if agents and agents[-1].end <= tpos and _NEGATION.search(text, agents[-1].end, tpos):
        return None  # "X har inte antagit S", "X deltar inte längre i P"
    if agents and frame.name in ("lead", "own", "participate"):
        last = [m for m in ms if m.end <= tpos]
        if last and last[-1].type == "Project" and last[-1].start > agents[-1].end and \
                re.fullmatch(r"\s+(?:(?:har|hade|även|också|nu|redan)\s+)*", text[last[-1].end:tpos]):
            return None  # "..., med X som partner, och P startar i höst": the project is the subject
    partner_agents: list[M] = []
    if agents and frame.name in ("lead", "own", "participate") and \
            _PARTNER_BEFORE.search(text[max(0, agents[0].start - 30):agents[0].start]):
        # "Tillsammans med A driver Region X projektet P": A is a partner; the subject follows the verb
        partner_agents, agents = agents, []
    # V2 inversion: "Inom länet bedriver Region X ...", "Utöver X deltar A, B och C"
    v2 = [] if _PREP_END.search(hit.group(0)) else \
        _after(ms, chs, text, tend, agent_types, max_gap=4 if agents else 25)
    if v2 and not _V2_GAP.match(text[tend:v2[0].start]):
        v2 = []
    if v2 and agents and "Organisation" in theme_types:
        v2 = []  # "Kommunen äger Bolaget AB": with a subject before the verb, the name after it is the object
    if v2 and frame.name != "collaborate":
        agents = agents + v2
        conf = 0.7
        after_agents = v2[-1].end
    else:
        after_agents = tend
    if partner_agents and not agents and ctx.region:
        reg = re.match(r"\s+regionen(?![\wåäö])", text[tend:])
        if reg:  # "Tillsammans med A driver regionen P": the region named most in the document
            agents, after_agents = _pseudo(ctx.region, "Organisation", tend, unit.line_at(tend)), tend + reg.end()
    if not agents and frame.name == "collaborate" and earlier and \
            (_ANAPHOR_PROJECT.search(text, t.clause_start, tpos)
             or event_anaphor(text[t.clause_start:tpos])):
        # "Projektet genomförs tillsammans med A och B": partners of that project, no collaboration
        ce = _clause_end(text, tend)
        for m in ms:
            if m.type == "Organisation" and tend <= m.start < ce and not _place_like(text, m):
                out.add(m.name, "participatesIn", earlier, unit, tpos, "partner-anaphor", 0.6)
        return None
    v2_subject = None
    if not agents and frame.name == "collaborate":
        # "Samverkan sker med X", "I samverkan med X har ...": the report's author, unless the
        # clause has a subject of its own (relation_clauses.collaboration_subject)
        kind, who = collaboration_subject(unit, tpos, tend, t.clause_start, out, ctx.topic_org)
        if kind == "skip":
            return None
        if kind == "v2":
            agents, conf, v2_subject = [who], 0.7, who
        elif kind in ("work", "topic"):
            agents, conf = _pseudo(who, "Organisation", tpos, unit.line_at(tpos)), 0.6
        elif len(text[t.clause_start:tpos].split()) <= 7:
            agents, conf = _pseudo(ctx.author or ctx.region, "Organisation", tpos, unit.line_at(tpos)), 0.5
    if not agents:
        return None
    if frame.name == "collaborate" and _PARTNER.match(text, tpos) and \
            _PROJECT_SUBJECT.match(text, t.clause_start):
        return None  # "Projektet drivs av A tillsammans med B": B is a partner of the project (lead frame)
    return agents, partner_agents, after_agents, conf, v2_subject


def _active_themes(t: _Trigger, agents: list[M], after_agents: int, conf: float, v2_subject) -> tuple[list[M], float]:
    """The themes of an active trigger after its agents: names of the frame's types, a relative clause's
    head, a strategy or fund anaphor, the project named before; none when the object is a name we do not know."""
    unit, ctx, chs, earlier, frame = t.unit, t.ctx, t.chs, t.earlier, t.frame
    text, ms, tpos, tend, theme_types = t.unit.text, t.unit.ms, t.tpos, t.tend, t.theme_types
    fallback_project = t.fallback_project
    notp = infinitives()[2]
    if frame.name == "collaborate":  # every organisation after the trigger in the clause
        ce = _clause_end(text, tend)
        themes = [m for m in ms if m.type == "Organisation" and tend <= m.start < ce
                  and (m.start - tend <= 3 or partner_object(text, m))]
        if themes and re.search(r"(?<![\wåäö])(?:säger|som|att|där)\s", text[tend:themes[0].start]):
            themes = []  # "tillsammans med lärosätet och kommunerna ..., säger X, ordförande i Y"
        if themes and _NEGATION_VERB.search(text, tend, min(ce, themes[-1].end + 25)):
            themes = []  # "samverkansavtal med X har inte kunnat tecknas": no collaboration
        if v2_subject is not None:  # "Tillsammans med A och B arbetar X ...": A and B, not what follows X
            themes = [m for m in themes if m.start < v2_subject.start]
    else:
        themes = _after(ms, chs, text, after_agents, theme_types, max_gap=THEME_GAP.get(frame.name, 120))
        if themes and frame.name in ("member", "own", "participate"):
            # "X ingår i nätverket P, som samordnas av Y": the first name after the verb is its object
            first = next((m for m in ms if m.start >= after_agents and m not in agents), None)
            if first is not None and first.type not in theme_types:
                themes = []
    if not themes and agents and agents[0].end > 0:
        rel_som = re.search(r",?\s*som\s+$", text[max(0, agents[0].start - 8):agents[0].start])
        before = [m for m in ms if m.end <= agents[0].start - (len(rel_som.group(0)) if rel_som else 0)]
        if rel_som and len(before) >= 2 and re.fullmatch(r"\s*\(", text[before[-2].end:before[-1].start]) \
                and before[-2].type == before[-1].type:
            before = before[:-1]  # the name, not its acronym in parentheses
        if rel_som and before and before[-1].type in theme_types and before[-1].type != "Project" and \
                re.fullmatch(r"[\s)]*(?:\([^()]{1,40}\)\s*)?", text[before[-1].end:agents[0].start
                                                                     - len(rel_som.group(0))]):
            themes = [before[-1]]  # "Regional utvecklingsstrategi (RUS), som Region X antog 2020"
    if not themes and "Strategy" in theme_types and ctx.last_strategy and \
            re.match(r"\s*(?:strategin|planen|agendan|handlingsplanen|den)(?![\wåäö])", text[after_agents:]):
        themes = _pseudo(ctx.last_strategy, "Strategy", after_agents, unit.line_at(tpos))  # "ansvarar för strategin"
    if not themes and "FundingSource" in theme_types and fund_anaphor(text, after_agents):
        named = [m.name for m in ms if m.type == "FundingSource" and m.end <= tpos]  # "... för programmet"
        fund = anaphor_fund(text, after_agents, [f for f in ctx.recent_funds if f not in named] + named)
        themes = _pseudo(fund, "FundingSource", after_agents, unit.line_at(tpos)) if fund else []
    themes = [m for m in themes if m not in agents]
    blocked = any(tend <= m.start <= after_agents + 40 and m not in agents
                  and (m.type in ("Strategy", "FundingSource") or frame.name in ("participate", "member"))
                  and m.type not in theme_types for m in ms) or bool(notp.match(text[tend:])) \
        or bool(_INDEFINITE_OBJECT.match(text[after_agents:after_agents + 30])) \
        or (frame.name in ("lead", "participate") and generic_object(text, agents[0].start, agents[-1].end))
    if not themes and not blocked and "Project" in theme_types and frame.name != "collaborate" \
            and not (ctx.topic and ctx.topic_age <= 1) \
            and _OBJECT_NAME.match(_masked(unit, after_agents, min(_clause_end(text, after_agents),
                                                                   after_agents + 60))):
        ctx.unknown = True  # 'X driver testbädden Okänt': the object is a name we do not know
        return [], conf
    if not themes and not blocked and "Project" in theme_types and frame.name != "collaborate":
        prev = [m for m in ms if m.type == "Project" and m.end <= agents[0].start]
        if prev:
            themes = [prev[-1]]
        elif (fallback_project or (earlier and _anaphor(text, tpos))) and \
                not common_noun_object(text[after_agents if after_agents > tend else tend:]):
            themes, conf = _pseudo(earlier, "Project", tpos, unit.line_at(tpos)), conf - 0.2
    return themes, conf


def _active_emit(t: _Trigger, agents: list[M], partner_agents: list[M], themes: list[M], conf: float) -> None:
    """The relations of an active trigger, with its partners ('tillsammans med'), shared tasks and coordinated wholes."""
    unit, out, chs, frame, text = t.unit, t.out, t.chs, t.frame, t.unit.text
    ms, tpos, tend, ext, theme_types = t.unit.ms, t.tpos, t.tend, t.ext, t.theme_types
    _emit(out, frame, agents, themes, unit, tpos, ext, conf)
    _with_partners(out, frame, agents, themes, unit, chs, tpos, tend, ext, conf)
    for p in partner_agents:  # the fronted partners take part and collaborate with the subject
        for theme in themes:
            if theme.type == "Project":
                out.add(p.name, "participatesIn", theme.name, unit, p.start, ext + "-partner", conf - 0.1)
        if PARTNER_COLLABORATION or not any(theme.type == "Project" for theme in themes):
            for a in agents:
                out.add(a.name, "collaboratesWith", p.name, unit, p.start, ext + "-partner", conf - 0.1)
    if frame.name == "responsible":  # "följer upp den tillsammans med X": X shares the task
        ce = _clause_end(text, tend)
        for ppos, partners in _partners(unit, chs):
            if tend <= ppos < ce and ppos - tend <= 120:
                _emit(out, frame, [p for p in partners if p not in agents], themes, unit, ppos,
                      ext + "-partner", conf - 0.1)
    if frame.name in ("member", "participate") and themes[-1].end > 0:
        # "medlem i X, som ..., och i Y": the coordinated 'och i' names another whole
        stop = min(_clause_end(text, themes[-1].end), themes[-1].end + 200)
        more = [m for m in ms if themes[-1].end < m.start < stop and m.type in theme_types
                and _AND_IN.search(text[max(0, m.start - 20):m.start])]
        _emit(out, frame, agents, more, unit, tpos, ext, conf - 0.1)


def _passive_hit(t: _Trigger) -> None:
    """A passive trigger ('drivs av', 'finansieras av'): agents after it, the theme before it or the project meant."""
    unit, ctx, out, chs, earlier = t.unit, t.ctx, t.out, t.chs, t.earlier
    frame, hit, text, ms, tpos = t.frame, t.hit, t.unit.text, t.unit.ms, t.tpos
    tend, ext, agent_types, theme_types, fallback_project = t.tend, t.ext, t.agent_types, t.theme_types, t.fallback_project
    agents = [a for a in _extend(_after(ms, chs, text, tend, agent_types, max_gap=50), ms, chs, text)
              if not _located(text, a)]
    if not agents:
        return
    agents = coordinated_agents(unit, chs, agents, agent_types)  # "... av A och till 40 procent av B"
    if frame.name == "fund":  # "av ERUF genom Regionalfondsprogrammet ... samt av regionen med medel ur X"
        agents = _fund_chain(unit, chs, agents, ctx)
    link = text[tpos:agents[0].start]
    if not _AGENT_LINK.search(link) and not hit.group(0).rstrip().endswith((":", "är", "av", "till", "inom", " i")):
        return
    partners_only = bool(_PARTNER_LINK.search(link))  # "drivs i samverkan med X": X takes part
    conf = 0.8
    themes = [m for m in ms if m.type in theme_types and m.end <= tpos
              and m.end > t.clause_start]  # a name may hold the clause mark ("DOKS: Dans i X")
    rel = _REL_BEFORE.search(text[max(0, tpos - 30):tpos])
    if rel:  # "..., som leds av X": the theme is the name right before 'som'
        before = [m for m in ms if m.end <= tpos - (len(rel.group(0)) - 1)]
        if before and before[-1].type not in theme_types:
            return
    if not themes and "Strategy" in theme_types and ctx.last_strategy and \
            _STRATEGY_ANAPHOR.search(text, t.clause_start, tpos):
        themes = _pseudo(ctx.last_strategy, "Strategy", tpos, unit.line_at(tpos))  # "Strategin, som antogs av X"
    anaphor = _anaphor(text, tpos)
    indefinite = bool(_INDEFINITE.search(text, t.clause_start, tpos))
    if not themes and "Project" in theme_types:
        cs = t.clause_start
        if not anaphor and not (ctx.topic and ctx.topic_age <= 1) \
                and _unknown_name(_subject_np(_masked(unit, cs, tpos)), cs == 0):
            ctx.unknown = True  # 'Okänt namn drivs av X': no other project's relation
            return
    if themes:
        themes = [m for m in _chain_of(chs, themes[-1]) if m.type in theme_types]
    elif "Project" in theme_types and earlier and not indefinite and (
            anaphor or (fallback_project and min(ctx.topic_age, ctx.project_age + 1) <= RECENT_UNITS)) \
            and not any(m.type in ("Strategy", "FundingSource") and t.clause_start <= m.start
                        and m.end <= tpos for m in ms):
        # ('S ägs gemensamt av A och B': the subject is a strategy, not the project named before)
        themes, conf = _pseudo(earlier, "Project", tpos, unit.line_at(tpos)), 0.6
    if not themes and not anaphor and not indefinite and "Project" in theme_types:
        # "Den arrangeras av X": theme after the agents is rare; try the first project in the unit
        later = [m for m in ms if m.type == "Project" and m.start > agents[-1].end]
        if later:
            themes, conf = [later[0]], 0.5
    if not themes:
        return
    if partners_only:
        if frame.name in ("lead", "own"):
            for a in agents:
                for theme in themes:
                    if a.type == "Organisation" and theme.type == "Project":
                        out.add(a.name, "participatesIn", theme.name, unit, tpos, ext + "-partner", conf - 0.1)
        return
    _emit(out, frame, agents, themes, unit, tpos, ext, conf)
    _with_partners(out, frame, agents, themes, unit, chs, tpos, tend, ext, conf)
    if frame.name == "responsible":  # "har tagits fram av A i samverkan med B och C": B and C share it
        for ppos, partners in _partners(unit, chs):
            if agents[-1].end <= ppos <= agents[-1].end + 40:
                _emit(out, frame, [p for p in partners if p not in agents], themes, unit, ppos,
                      ext + "-partner", conf - 0.1)


def _inverse_hit(t: _Trigger) -> None:
    """An inverse trigger: THEME <trigger> member, member och member ('utgörs av A, B och C')."""
    unit, ctx, out, chs, earlier = t.unit, t.ctx, t.out, t.chs, t.earlier
    frame, text, ms, tpos, tend = t.frame, t.unit.text, t.unit.ms, t.tpos, t.tend
    ext, agent_types, theme_types, fallback_project = t.ext, t.agent_types, t.theme_types, t.fallback_project
    members = _after(ms, chs, text, tend, agent_types, max_gap=15)
    if frame.name == "participate":  # "utgörs av A i länet samt B och C": every organisation in the clause
        stop = min(_clause_end(text, tend), tend + 160)
        in_clause = [m for m in ms if m.type == "Organisation" and tend <= m.start < stop and not _place_like(text, m)]
        members = (in_clause or members) if members else in_clause[:12]
    if frame.name == "member":  # "(bestående av åtta kommuner samt A och B)": all members to ')'
        stop = text.find(")", tend)
        stop = stop if stop >= 0 else _clause_end(text, tend)
        members = [m for m in ms if m.type == "Organisation" and tend <= m.start < stop
                   and not _located(text, m)] or members
    if not members:
        return
    before = [m for m in ms if m.end <= tpos and m.start >= t.clause_start]
    # the whole is the name right before the trigger ("nätverket P som utgörs av ...")
    themes = before[-1:] if before and before[-1].type in theme_types else []
    conf = 0.7
    if frame.name == "member" and not themes and \
            _ANAPHOR_PROJECT.search(text, t.clause_start, tpos):
        return  # "Projektet är ett samarbete mellan A och B": a project, no organisation with members
    if not themes and frame.name == "member" and ctx.topic_org:
        themes, conf = _pseudo(ctx.topic_org, "Organisation", tpos, unit.line_at(tpos)), 0.55
    elif not themes and frame.name == "member" and ctx.prev_subject and \
            len(text[t.clause_start:tpos].split()) <= 1:
        # "Kommunalförbundet X är ... Medlemskommuner är A, B och C": the previous sentence's subject
        themes, conf = _pseudo(ctx.prev_subject, "Organisation", tpos, unit.line_at(tpos)), 0.55
    if frame.name == "collaborate":
        # "samverkan mellan A, B och C": the first collaborates with the others
        first, rest = members[0], members[1:]
        _emit(out, frame, [first], rest, unit, tpos, ext, 0.6)
        return
    if themes:
        themes = [themes[-1]]
    elif "Project" in theme_types and earlier and (
            (fallback_project and min(ctx.topic_age, ctx.project_age + 1) <= RECENT_UNITS)
            or _anaphor(text, tpos)):
        themes, conf = _pseudo(earlier, "Project", tpos, unit.line_at(tpos)), 0.55
    if not themes:
        return
    # roles are (agent=member, theme=whole)
    _emit(out, frame, members, themes, unit, tpos, ext, conf)


def _structural_relations(unit: Unit, ctx: _Ctx, out: _Out, chs: list[list[M]], earlier: str | None,
                          found: dict[tuple[str, str], list[_Hit]]) -> None:
    """The relations a sentence states by its structure rather than a trigger, and co-occurrence."""
    ms = unit.ms
    _v2_collaboration(unit, chs, out)
    _mutual_collaboration(unit, chs, out)
    _behind_and_roles(unit, chs, earlier, out)
    _ownership_shares(unit, out)
    _compounds(unit, chs, out)
    _adjacency(unit, out)
    _role_phrases(unit, chs, earlier, out)
    _relative_membership(unit, chs, out)
    _strategy_owner(unit, out)
    _implements(unit, found.get(("implement", "active"), []), earlier, out)
    if found.get(("implement", "active")) and ctx.strategy_any and not any(m.type == "Strategy" for m in ms):
        strategy_anaphor_implements(unit, found[("implement", "active")], earlier, ctx.strategy_any, out)
    clause_relations(unit, chs, earlier, out)
    _cooccurrence(unit, chs, ctx, out)


_ANAPHOR_PROJECT = re.compile(r"(?<![\wåäö])(?:projektet|satsningen|plattformen|nätverket|initiativet|samarbetet)"
                              r"(?![\wåäö])", re.I)
_CUE = re.compile(r"(?<![\wåäö])(?:delta|deltar|deltagit|deltog|deltagande|medverk|samverk|samarbet|tillsammans|partner|"
                  r"part |parter|aktör|arrangör|ingår|ingick|bidr[ao]g|bidrar|engagera|involvera|representera|"
                  r"inom projektet|i projektet|genom projektet|i nätverket|inom nätverket|i arbetet|medlem|samla|samlar|"
                  r"turas om|anordna|arrangera|genomför|står bakom|ansvar)", re.I)


def _cooccurrence(unit: Unit, chs, ctx: _Ctx, out: _Out) -> None:
    """Organisations named with a project and a participation cue take part in it (low confidence)."""
    text, ms = unit.text, unit.ms
    cue = _CUE.search(text)
    orgs = [m for m in ms if m.type == "Organisation"]
    if not orgs:
        return
    # a "project" listed among organisations ("A, B, P och C") is more likely a mistyped organisation
    in_list = set()
    for a, b in zip(ms, ms[1:]):
        if a.type != b.type and _SEP.match(text[a.end:b.start]) and text[a.end:b.start].strip():
            in_list.add(id(a) if a.type == "Project" else id(b))
    projects = [m for m in ms if m.type == "Project" and id(m) not in in_list]
    if len({p.name for p in projects}) >= 2 and len({o.name for o in orgs}) >= 4:
        return  # many organisations and several projects in one sentence: who takes part in what is not said
    for o in orgs:
        if o.name in out.claimed or o.name in out.used or _place_like(text, o) or cooccurrence_blocked(unit, o, out):
            continue
        if projects:
            nearest = min(projects, key=lambda q: abs(q.start - o.start))
            for p in _chain_of(chs, nearest):  # "mötesplatserna A, B och C": all of them
                if p.type == "Project" and id(p) not in in_list:
                    out.add(o.name, "participatesIn", p.name, unit, min(o.start, p.start), "cooccurrence",
                            0.45 if cue else 0.35)
        elif not [m for m in ms if m.type == "Project"] and ctx.last_project and ctx.project_age == 0 \
                and _ANAPHOR_PROJECT.search(text):
            # "Inom ramen för projektet samverkar A med B": the project of the previous sentence
            out.add(o.name, "participatesIn", ctx.last_project, unit, o.start, "cooccurrence-anaphor", 0.4)
        elif ctx.topic and (cue and ctx.topic_age <= RECENT_UNITS or ctx.topic_age <= 1) \
                and not [m for m in ms if m.type == "Project"]:
            out.add(o.name, "participatesIn", ctx.topic, unit, o.start, "cooccurrence-topic", 0.3)


_ROLE_AFTER = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?som\s+(?:huvudsaklig\s+|ensam\s+)?(?:sammankallande|projektägare|"
                         r"samordnare|koordinator|ordförande|värd|huvudman|ansvarig|arrangör|ägare|projektledare|"
                         r"lead partner|leadpartner|huvudsökande)", re.I)
_ROLE_BEFORE = re.compile(r"(?:med|och|har|hade|får|fick)\s+(?:bland annat\s+|även\s+|också\s+)?$", re.I)


_DAR = re.compile(r",?\s*där\s+$", re.I)
_DAR_VERB = re.compile(r"^\s*(?:också\s+|även\s+)?(?:ingår|är medlem(?:mar)?|deltar|är representerad|medverkar)", re.I)
_SOM_AR = re.compile(r"^,?\s*som\s+är\s+(?:ett|en)\s+(?:[\wåäö-]+\s+){0,4}(?:vid|inom|på|under)\s+$", re.I)


def _relative_membership(unit: Unit, chs, out: _Out) -> None:
    """'nätverket X, där Region Y ingår' (Y partOf / participatesIn X);
    'Taiga som är ett centrum vid Umeå universitet' (Taiga partOf Umeå universitet)."""
    text, ms = unit.text, unit.ms
    for ch in chs:
        head = ch[0]
        if head.type != "Organisation":
            continue
        prev = [m for m in ms if m.end <= head.start]
        if prev and _DAR.search(text[prev[-1].end:head.start]) and _DAR_VERB.match(text[ch[-1].end:]):
            whole = prev[-1]
            p = "partOf" if whole.type == "Organisation" else "participatesIn" if whole.type == "Project" else None
            for o in ch:
                if p:
                    out.add(o.name, p, whole.name, unit, head.start, "relative-member", 0.7)
    for a, b in zip(ms, ms[1:]):
        if a.type == b.type == "Organisation" and _SOM_AR.match(text[a.end:b.start]):
            out.add(a.name, "partOf", b.name, unit, a.start, "unit-of", 0.6)


def _strategy_owner(unit: Unit, out: _Out) -> None:
    """'Region Västerbottens energiagenda', 'Tillväxtverkets S3-nätverk': a name that starts with an
    organisation in the genitive is that organisation's strategy (responsibleFor) or project (leads)."""
    text, ms = unit.text, unit.ms
    for m in ms:
        if m.type not in ("Project", "Strategy"):
            continue
        words = text[m.start:m.end].lower().split()
        if m.type == "Strategy" and words[-1].endswith(("politik", "politiken")):
            continue  # 'EU:s sammanhållningspolitik': a policy area the owner pursues, not a document it is responsible for
        for k in range(1, len(words)):
            head = " ".join(words[:k])
            base = head[:-2] if head.endswith(":s") else head[:-1]
            org = out.org_surfaces.get(base) if head.endswith("s") else None
            if org and k == 1 and base != org.casefold() and is_place(base):
                org = None  # 'Västerbottens skogsprogram': a place that also names an authority, not its owner
            if org:
                if m.type == "Project":
                    out.add(org, "leads", m.name, unit, m.start, "genitive", 0.6)
                else:
                    out.add(org, "responsibleFor", m.name, unit, m.start, "genitive", 0.7)
                break


def _implements(unit: Unit, hits: list[_Hit], earlier: str | None, out: _Out) -> None:
    """A project named with a strategy and an 'implement' trigger implements it (or the section's project does)."""
    text, ms = unit.text, unit.ms
    strategies = [m for m in ms if m.type == "Strategy"]
    if not strategies:
        return
    if not hits:
        return
    projects = [m for m in ms if m.type == "Project"]
    for h in hits:
        st = min(strategies, key=lambda m: abs(m.start - h.start()))
        if projects:
            for p in projects:
                lo, hi = sorted((p.start, st.start))
                if lo <= h.start() <= hi and hi - lo <= 160:  # "P ... bidrar till ... S", close together
                    out.add(p.name, "implements", st.name, unit, h.start(), "implement-cooccurrence", 0.5)
        elif earlier and _anaphor(text, h.start()) and re.match(r"\s*(?:projektet|satsningen|initiativet|plattformen)\b",
                                                                 text, re.I):
            out.add(earlier, "implements", st.name, unit, h.start(), "implement-anaphor", 0.4)
            prev = st  # "bidrar till S1 och till S2": every strategy coordinated after the first
            for m in strategies:
                if m.start > prev.end and re.fullmatch(r"\s*(?:\([^()]{0,30}\)\s*)?,?\s*(?:och|samt)\s+(?:även\s+)?(?:till|i|med)\s+",
                                                      text[prev.end:m.start]):
                    out.add(earlier, "implements", m.name, unit, h.start(), "implement-anaphor", 0.4)
                    prev = m


_POSSESSIVE = re.compile(r"(?<![\wåäö])(?:sitt|sina|dess|deras|sin)\s+(?:[\wåäö-]+\s+){0,2}(?:projekt|initiativ|"
                         r"satsning|nätverk|program|plattform|samarbete)(?:et|en|ets)?\s*[\"”'«]?$", re.I)
_UNDER_LEAD = re.compile(r"^:?s?\s+(?:ledning|samordning|regi|ledarskap)(?![\wåäö])", re.I)


def _role_phrases(unit: Unit, chs, earlier: str | None, out: _Out) -> None:
    """'... med Region X som sammankallande / projektägare': X leads the project of the sentence or section.
    'X har genom sitt projekt P ...': X leads P. 'under Xs ledning/samordning': X leads the project."""
    text = unit.text
    for m in unit.ms:
        if m.type == "Project" and _POSSESSIVE.search(text[max(0, m.start - 60):m.start]):
            subj = _subject_before(unit.ms, chs, text, m.start)
            for o in subj[:1]:
                out.add(o.name, "leads", m.name, unit, o.start, "possessive", 0.6)
        if m.type == "Organisation" and re.search(r"(?<![\wåäö])(?:under|i)\s+$", text[max(0, m.start - 7):m.start]) \
                and _UNDER_LEAD.match(text[m.end:m.end + 20]):
            projects = [p for p in unit.ms if p.type == "Project"]
            target = projects[0].name if projects else earlier
            if target:
                out.add(m.name, "leads", target, unit, m.start, "role-phrase", 0.6)
    for ch in chs:
        if ch[0].type != "Organisation" or not _ROLE_AFTER.match(text[ch[-1].end:]):
            continue
        if not _ROLE_BEFORE.search(text[:ch[0].start]) and ch[0].start > 0:
            continue
        projects = [m for m in unit.ms if m.type == "Project"]
        target = projects[-1].name if projects else earlier
        if target:
            for o in ch:
                out.add(o.name, "leads", target, unit, ch[0].start, "role-phrase", 0.7)


_V2_COLLAB = re.compile(r"(?<![\wåäö])(?:samverkar|samarbetar|samverkade|samarbetade|har samverkat|har samarbetat)\s+$", re.I)


_AND_IN = re.compile(r"(?:,\s*|\s)(?:och|samt)\s+(?:även\s+|också\s+)?(?:i|av)\s+$", re.I)
_SHARE = re.compile(r"^\s*\d{1,3}(?:[,.]\d+)?\s*(?:%|procent)", re.I)


def _ownership_shares(unit: Unit, out: _Out) -> None:
    """Ownership tables: 'Norrtåg AB   Region A 25 %, Region B 25 %' - the company is partOf each owner.

    Rows run together in one unit ('Bolag A  Ägare 50 %, Ägare 50 % Bolag B  Ägare 60 %'): each owner
    belongs to the last organisation before it that has no share."""
    text, ms = unit.text, unit.ms
    if "%" not in text and "procent" not in text:
        return
    company: M | None = None
    last_end = -1
    for m in ms:
        if m.type != "Organisation":
            continue
        if not _SHARE.match(text[m.end:m.end + 20]):
            company, last_end = m, m.end
            continue
        if company is None or m.start - last_end > 60:
            continue
        out.add(company.name, "partOf", m.name, unit, company.start, "ownership-share", 0.8)
        last_end = m.end


_MUTUAL = re.compile(r"^\s*(?:har|hade|tecknade|tecknat|har tecknat|ingick|har ingått|har sedan \d{4})\s+(?:även\s+|också\s+|sedan \d{4}\s+)?"
                     r"(?:ett|en)\s+(?:[\wåäö-]+\s+){0,2}?(?:partnerskap|samverkansavtal|samarbetsavtal|samarbete|"
                     r"avsiktsförklaring|överenskommelse|samverkan|partnerskapsavtal)(?![\wåäö])", re.I)
_MUTUAL_V2 = re.compile(r"(?<![\wåäö])(?:har|hade|tecknade)\s+$", re.I)


def _mutual_collaboration(unit: Unit, chs, out: _Out) -> None:
    """'A, B och C har ett mångårigt partnerskap', 'Sedan 2019 har A och B ett samverkansavtal': every pair of
    the enumeration collaborates."""
    text = unit.text
    for ch in chs:
        orgs = [m for m in ch if m.type == "Organisation"]
        if len(orgs) < 2:
            continue
        rest = text[ch[-1].end:]
        v1 = _MUTUAL.match(rest)
        v2 = _MUTUAL_V2.search(text[max(0, ch[0].start - 12):ch[0].start]) and \
            re.match(r"^\s*(?:även\s+|också\s+)?(?:ett|en)\s+(?:[\wåäö-]+\s+){0,2}?(?:partnerskap|samverkansavtal|"
                     r"samarbetsavtal|avsiktsförklaring|partnerskapsavtal)(?![\wåäö])", rest, re.I)
        if not (v1 or v2):
            continue
        for i, a in enumerate(orgs):
            for b in orgs[i + 1:]:
                out.add(a.name, "collaboratesWith", b.name, unit, ch[0].start, "collaborate-mutual", 0.7)


_BEHIND = re.compile(r"(?<![\wåäö])Bakom\s+(?:(?:projektet|satsningen|initiativet|nätverket|plattformen|arenan|"
                     r"testbädden|samarbetet)\s+)?$")
_STANDS = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?står\s+(?:bland annat\s+|bl\.a\.\s+|även\s+|också\s+)?", re.I)
_VAR_ROLE = re.compile(r"^\s*(?:projektägare|huvudsökande|huvudman|koordinator|samordnare|lead partner|leadpartner)(?![\wåäö])", re.I)
_PLURAL_OWNED = re.compile(r"^:?s?\s+(?:(?:samtliga|alla|egna|olika|två|tre|fyra|fem)\s+)?(?:mötesplatser|projekt|nätverk|satsningar|"
                           r"plattformar|forum|initiativ)\s*[,:]?\s*(?:det vill säga|dvs\.?|nämligen|bland annat|såsom|:)?\s*$", re.I)


def _behind_and_roles(unit: Unit, chs, earlier: str | None, out: _Out) -> None:
    """'Bakom P står A, B och C' (participatesIn); 'i X är Länsstyrelsen projektägare' (leads the sentence's
    or section's project); 'Region Xs samtliga mötesplatser, det vill säga A, B och C' (leads each)."""
    text, ms = unit.text, unit.ms
    for m in ms:
        if m.type == "Project" and _BEHIND.search(text[max(0, m.start - 30):m.start]):
            st = _STANDS.match(text[m.end:])
            if st:
                for o in _after(ms, chs, text, m.end + st.end(), {"Organisation"}, max_gap=3):
                    out.add(o.name, "participatesIn", m.name, unit, m.start, "behind", 0.7)
        if m.type == "Organisation" and re.search(r"(?<![\wåäö])(?:är|var|blir|blev)\s+$", text[max(0, m.start - 6):m.start]) \
                and _VAR_ROLE.match(text[m.end:]):
            projects = [p for p in ms if p.type == "Project"]
            target = projects[0].name if len(projects) == 1 else (earlier if not projects else None)
            if target:
                out.add(m.name, "leads", target, unit, m.start, "role-v2", 0.6)
    for a, b in zip(ms, ms[1:]):
        if a.type == "Organisation" and b.type == "Project" and text[a.end - 1:a.end + 2].startswith(("s ", "s:")) \
                and _PLURAL_OWNED.match(text[a.end - 1:b.start] if text[a.end - 1] == "s" else text[a.end:b.start]) \
                and norm_name(text[a.start:a.end - 1]) in ({norm_name(a.name)} | out.org_keys):
            for p in _extend(_chain_of(chs, b), ms, chs, text):
                if p.type == "Project":
                    out.add(a.name, "leads", p.name, unit, a.start, "genitive-list", 0.6)


def _v2_collaboration(unit: Unit, chs, out: _Out) -> None:
    """'Inom ramen för P samverkar X med Y och Z' (verb before its subject): X collaborates with Y and Z."""
    text = unit.text
    for ch in chs:
        head = ch[0]
        if head.type != "Organisation" or not _V2_COLLAB.search(text[max(0, head.start - 25):head.start]):
            continue
        rest = re.match(r"\s+(?:även\s+|också\s+|bland annat\s+)?med\s+", text[ch[-1].end:])
        if not rest:
            continue
        pos = ch[-1].end + rest.end()
        partners = _after(unit.ms, chs, text, pos, {"Organisation"}, max_gap=25)
        for a in ch:
            for b in partners:
                out.add(a.name, "collaboratesWith", b.name, unit, head.start, "collaborate-v2", 0.7)


def _compounds(unit: Unit, chs, out: _Out) -> None:
    """'ERUF-finansierade projektet MISSE', 'Interreg Europe-projektet X', 'EU-finansierat projekt'."""
    text, ms = unit.text, unit.ms
    if "-" not in text or not _COMPOUND_CUE.search(text):
        return
    for cm in _COMPOUND.finditer(text):
        funders = [m.name for m in ms if m.type in ("FundingSource", "Organisation")
                   and m.start < cm.end(1) and m.end >= cm.start(1) - 1]
        if not funders:  # the prefix of a compound is often not tagged: names seen elsewhere in the document
            words = cm.group(1).split()
            for k in range(len(words)):
                name = out.surfaces.get(" ".join(words[k:]).lower())
                if name:
                    funders = [name]
                    break
        if not funders:
            continue
        proj = _after(ms, chs, text, cm.end(), {"Project"}, max_gap=40)
        if not proj:  # "CEI Boost är ett EU-finansierat projekt"
            before = [m for m in ms if m.type == "Project" and m.end <= cm.start() and
                      re.fullmatch(r"\s*(?:är|var|blir)\s+(?:(?:ett|en|det)\s+)?(?:[\wåäö]+\s+)?",
                                   text[m.end:cm.start()])]
            proj = before[-1:]
        for p in proj[:1]:
            out.add(p.name, "fundedBy", funders[-1], unit, cm.start(), "compound", 0.8)


@lru_cache(maxsize=1)
def _OWNER_GAP() -> re.Pattern:
    words = json.loads(LEXICON.read_text(encoding="utf-8"))["genitive_owner_words"]
    return re.compile(r"^\s(?:(?:" + "|".join(re.escape(w) for w in words) + r")\s+){0,3}$", re.I)


_PARTICIPLE = re.compile(r"^\s+(?:beslutade|fastställda|antagna|framtagna|reviderade|utarbetade|godkända|ägda|"
                         r"uppdaterade|initierade)\s+(?:[\wåäö-]+\s+){0,2}$", re.I)
_VID = re.compile(r"^\)?\s*(?:\([^()]{1,20}\)\s*)?(?:vid|inom|på|hos)\s+$", re.I)
_BODY_IN = re.compile(r"(?:nämnden|nämnd|styrelsen|fullmäktige|förvaltningen|beredningen|utskottet)$", re.I)


def _adjacency(unit: Unit, out: _Out) -> None:
    """'Cerum vid Umeå universitet', 'Region Västerbottens folkhälsoenhet', 'Region Västerbottens flygstrategi'."""
    text, ms = unit.text, unit.ms
    for a, b in zip(ms, ms[1:]):
        gap = text[a.end:b.start]
        if a.type == "Organisation" and b.type == "Strategy" and _PARTICIPLE.match(gap) \
                and re.search(r"(?<![\wåäö])av\s+$", text[max(0, a.start - 4):a.start]):
            out.add(a.name, "responsibleFor", b.name, unit, a.start, "participle", 0.7)  # "den av X antagna S"
        if a.type == b.type == "Organisation" and _BODY_IN.search(a.name) and re.fullmatch(r"\s+i\s+", gap) \
                and re.match(r"(?:Region|Landstinget)\s|.*\skommun$", b.name):
            out.add(a.name, "partOf", b.name, unit, a.start, "unit-of", 0.7)  # "regionala utvecklingsnämnden i Region X"
            out.claimed.add(b.name)
        if a.type == "Organisation" and b.type == "Organisation" and _VID.match(gap):
            out.add(a.name, "partOf", b.name, unit, a.start, "unit-of", 0.7)
            out.claimed.add(b.name)  # "X vid Mittuniversitetet": the university is where X is, not a participant
        surface = text[a.start:a.end]
        suffix = re.match(r":?s(?=\s)", gap)  # genitive outside the mention: "[Vinnova]s initiativ"
        ggap = gap[suffix.end():] if suffix else gap
        # a genitive: the name with -s / :s added ("Region Västerbottens"), not a name that ends in s
        genitive = bool(suffix) or (surface.endswith("s") and norm_name(surface[:-1].rstrip(":")) in
                                    {norm_name(a.name), *out.org_keys})
        if a.type == "Organisation" and b.type == "Project" and genitive and _OWNER_GAP().match(ggap):
            out.add(a.name, "leads", b.name, unit, a.start, "genitive", 0.6)  # "Vinnovas initiativ Keystone"
        if a.type == "Organisation" and b.type == "Strategy" and genitive and not suffix and gap != " " \
                and len(surface.split()) >= 2 \
                and re.fullmatch(r" (?:[a-zåäö-]+ ){1,2}", gap) and not re.search(r"(?<![\wåäö])(?:och|i|för|med|av|som)\s", gap):
            out.add(a.name, "responsibleFor", b.name, unit, a.start, "genitive", 0.55)  # "Region Xs nya regionala S"
        if a.type == "Organisation" and gap == " " and genitive and not suffix:
            if b.type == "Strategy":
                out.add(a.name, "responsibleFor", b.name, unit, a.start, "genitive", 0.6)
            elif b.type == "Organisation":
                out.add(b.name, "partOf", a.name, unit, a.start, "genitive", 0.5)


def norm_name(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


# ---------------------------------------------------------------------------------------- tables

def _row_unit(seg: list[tuple[Unit, M]], last: Unit) -> Unit:
    """One evidence unit for a row given one cell per line: the cells joined by ' | '."""
    cells: list[Unit] = []
    for cu, _ in seg:
        if cu not in cells:
            cells.append(cu)
    cells.append(last)
    return Unit(" | ".join(c.text for c in cells), cells[0].line, [], [0], [cells[0].line])


def _table_rows(units: list[Unit], out: _Out) -> None:
    """Rows of project name, owner and amount under a heading naming a fund.

    PDF text gives a row per line ("Vätgas Nord  Luleå tekniska universitet  4 500 000"), several rows
    run together when the normaliser joins long lines, or one cell per line; a row is the stretch of
    text that ends with an amount. Prose (a sentence with a full stop and one amount) is not a table.
    """
    _, _, amount, heading_words = lexicon()
    fund: str | None = None
    fund_age = 0
    pending: list[tuple[Unit, M]] = []  # mentions of the short lines since the last row (one cell per line)
    for u in units:
        funds = [m for m in u.ms if m.type == "FundingSource"]
        low = u.text.lower()
        amounts = list(amount.finditer(u.text))
        prose = bool(_TERMINAL.search(u.text)) and len(amounts) < 2
        if funds and (not amounts or prose) and (u.heading or any(w in low for w in heading_words)) \
                and len(u.text) < 200:
            fund, fund_age, pending = funds[0].name, 0, []
            continue
        fund_age += 1
        if not amounts or prose:
            if u.heading and len(u.text) < 120:
                pending = (pending + [(u, m) for m in u.ms])[-6:]
            else:
                pending = []
            if fund_age > 12 and not u.heading:
                fund = None
            continue
        fund_age = 0
        first_project = next((m.start for m in u.ms if m.type == "Project"), len(u.text))
        heading_funds = [m for m in funds if m.end <= first_project and m.end <= amounts[0].start()]
        if heading_funds and any(w in low[:heading_funds[0].start] for w in heading_words):
            fund = heading_funds[0].name  # "Beviljade projekt inom <fond> 2025 Projekt Projektägare ... <rows>"
        start = 0
        for k, am in enumerate(amounts):
            seg = [(u, m) for m in u.ms if start <= m.start and m.end <= am.start()]
            if k == 0 and not u.text[:am.start()].strip(" :-–"):
                seg = pending + seg  # the amount is alone on its line: the cells above are the row
            start = am.end()
            projects = [(cu, m) for cu, m in seg if m.type == "Project"]
            orgs = [(cu, m) for cu, m in seg if m.type == "Organisation"]
            if projects and orgs:
                (pu, p), (ou, o) = projects[0], orgs[0]
                conf = 0.8 if pu is not ou or p.start <= o.start else 0.6
                ev_unit = u if pu is u else _row_unit(seg, u)
                out.add(o.name, "leads", p.name, ev_unit, 0, "table-row", conf, p.line)
                if fund:
                    out.add(p.name, "fundedBy", fund, ev_unit, 0, "table-row", conf, p.line)
        pending = []


# ---------------------------------------------------------------------------------------- driver

@lru_cache(maxsize=1)
def _fact_labels() -> dict[str, str]:
    """Lower-case fact-box label -> its predicate, or "topic" for a label naming the project."""
    return {**role_labels(), **{w.lower(): "topic" for w in topic_labels()}}


@lru_cache(maxsize=1)
def _generic_box_titles() -> frozenset[str]:
    """Fact-box titles that name no project ("Om projektet", "Projektfakta"), from the layouts' data."""
    from .structure import load_layouts
    return frozenset(t for layout in load_layouts() for t in layout.generic_titles)


def _fact_line(unit: Unit, ctx: _Ctx, out: _Out) -> None:
    """Fact-box lines under a heading naming a project: 'Projektägare: X' (leads), 'Partner: A, B och C',
    'Associerade partner: ...' (participatesIn), 'Finansiär: Y' (fundedBy)."""
    if not ctx.topic or ctx.topic_age > 12:
        return
    labels = list(_LABEL_ANY.finditer(unit.text))
    for k, lm in enumerate(labels):
        pred = _fact_labels().get(lm.group(1).lower())
        if not pred:
            continue
        stop = labels[k + 1].start() if k + 1 < len(labels) else len(unit.text)
        prev_end = lm.end()
        for m in unit.ms:
            if not (lm.end() <= m.start < stop):
                continue
            if m.start > prev_end and not _SEP.match(unit.text[prev_end:m.start]):
                break  # the list of the value ended ('Finansiär: X Om fonden ...')
            prev_end = max(prev_end, m.end)
            if pred == "fundedBy" and m.type in ("FundingSource", "Organisation"):
                out.add(ctx.topic, "fundedBy", m.name, unit, m.start, "fact-box", 0.75)
            elif pred in ("leads", "participatesIn") and m.type == "Organisation":
                out.add(m.name, pred, ctx.topic, unit, m.start, "fact-box", 0.75)


_LABEL_ANY = re.compile(r"(?:^|(?<=\s))([A-ZÅÄÖ][\wåäö-]{2,24}(?:\s[a-zåäö-]{2,15})?):\s")


def _selves(units: list[Unit], ctx: _Ctx) -> dict[str, str]:
    """The body each self-reference names in this document: the region (``ctx.region``) and the
    county administrative board mentioned most; the municipality only in a municipality's own report
    (elsewhere 'kommunen' is any of several)."""
    boards = Counter(m.name for u in units for m in u.ms
                     if m.type == "Organisation" and m.name.startswith("Länsstyrelsen"))
    out = {"regionen": ctx.region, "länsstyrelsen": boards.most_common(1)[0][0] if boards else None,
           "kommunen": ctx.author if ctx.author and re.search(r" (?:kommun|stad)$", ctx.author) else None}
    return {k: v for k, v in out.items() if v}


def _author(units: list[Unit]) -> str | None:
    """The organisation that writes the report: by far the most mentioned one."""
    c = Counter(m.name for u in units for m in u.ms if m.type == "Organisation")
    if not c:
        return None
    (name, n), *rest = c.most_common(2) + [("", 0)]
    total = sum(c.values())
    second = rest[0][1] if rest else 0
    return name if n >= 5 and n >= 0.12 * total and n >= 1.5 * second else None


def extract_relations(sentences: list[Sentence], name_of: dict[int, str]) -> list[Relation]:
    """Relations stated in ``sentences``; ``name_of`` maps id(mention) to its entity's name."""
    units = build_units(sentences, name_of)
    ctx, out = _document_context(units)
    observers = _Observers(units)
    for u in units:
        projects, fact_box = _enter_unit(u, ctx, out)
        before = set(out.rels) if fact_box or not PARTNER_COLLABORATION else None
        _unit_relations(u, ctx, out)
        if before is not None and not PARTNER_COLLABORATION:
            _drop_project_partner_collaboration(out, before)
        if fact_box:  # a fact box states each role by its label: no roles guessed from co-occurrence
            for k in [k for k in out.rels if k not in before and out.rels[k].extractor.startswith("cooccurrence")]:
                del out.rels[k]
        observers.observe(u, ctx, out)
        _remember(u, ctx, projects)
    _table_rows(units, out)
    return list(out.rels.values())


def _document_context(units: list[Unit]) -> tuple[_Ctx, _Out]:
    """The document's author, region and self-references, and the surface forms relations look names up by."""
    out = _Out()
    ctx = _Ctx(author=_author(units))
    regions = Counter(m.name for u in units for m in u.ms if m.type == "Organisation" and m.name.startswith("Region "))
    ctx.region = regions.most_common(1)[0][0] if regions else None
    ctx.selves = _selves(units, ctx)
    self_mentions(units, ctx.selves, M)  # 'Länsstyrelsen ansvarar för S': the report's own body named by its kind
    out.surfaces = {u.text[m.start:m.end].lower(): m.name for u in units for m in u.ms
                    if m.type in ("FundingSource", "Organisation")}
    orgs = {u.text[m.start:m.end].lower(): m.name for u in units for m in u.ms if m.type == "Organisation"}
    out.org_surfaces = {k.removesuffix(":s"): v for k, v in orgs.items() if len(k) > 2}
    out.org_keys = {norm_name(k) for k in orgs} | {norm_name(v) for v in orgs.values()}
    return ctx, out


class _Observers:
    """The rules that read a passage over several sentences, each seeing the sentences in order."""

    def __init__(self, units: list[Unit]) -> None:
        self.enumeration = GenericEnumeration()  # 'X driver två projekt. Det ena ... P1 ... Det andra projektet är P2'
        self.strategy_list = StrategyList()  # 'Insatser som bidrar till S:' and bulleted projects
        self.goals = GoalSections(GoalSections.framework_of(units))  # 'Mål 8: ...' sections of an Agenda 2030 account
        self.strategy_table = StrategyTable()  # 'Strategi  Ansvarig  Antagen' and its rows
        self.members = Members()  # 'där samtliga kommuner är medlemmar, bland dem A, B och C'; 'medlemmar i förbundet'
        self.labelled = LabelledList()  # 'Projektpartner' on its own line and the bulleted partners below
        self.goal_citations = GoalCitations(units)  # 'Strategin har fem mål: Mål 1 – ...' and 'P bidrar till Mål 2'

    def observe(self, u: Unit, ctx: _Ctx, out: _Out) -> None:
        self.enumeration.observe(u, out)
        self.strategy_list.observe(u, out)
        self.goals.observe(u, out)
        self.strategy_table.observe(u, out)
        self.members.observe(u, out)
        one_of_plural(u, out)
        pattern_relations(u, out)
        page_project = ctx.topic or ctx.last_project or ctx.last_named
        self.labelled.observe(u, out, page_project)
        cofinancing(u, out, page_project)
        role_lists(u, out, page_project)  # 'Deltagande kommuner och medfinansiärer är A, B samt C'
        managing_genitive(u, out, ctx.recent_funds)
        self.goal_citations.observe(u, out, ctx.topic)


def _enter_unit(u: Unit, ctx: _Ctx, out: _Out) -> tuple[list[M], bool]:
    """The sentence's projects (none when a fact-box name label took them as the topic) and whether it is
    a fact-box line; a heading sets the section's topic, a fact line states its label's relation."""
    projects = [m for m in u.ms if m.type == "Project"]
    label = _LABEL.match(u.text)
    generic = not projects and u.text.lower().strip(" #:") in _generic_box_titles()
    if generic:  # "Om projektet", "Fakta": a box title that names no project is about the one the page has named
        ctx.topic = ctx.last_project = ctx.topic or ctx.last_project or ctx.last_named
    if label and _fact_labels().get(label.group(1).lower()) == "topic":
        named = [m for m in projects if m.start >= label.end(1)]
        if named:  # 'Projektnamn: P': the fact box below is about P
            ctx.topic, ctx.topic_age, ctx.last_project = named[0].name, 0, named[0].name
            ctx.layout_box = named[0].layout
            projects = []
    if not label:
        ctx.layout_box = False
    if label and not projects and not ctx.layout_box:
        _fact_line(u, ctx, out)
    if u.heading and not generic and not (label and not projects):  # a fact-box line keeps the section's project
        ctx.topic = projects[0].name if projects else None
        orgs = [m for m in u.ms if m.type == "Organisation"]
        ctx.topic_org = orgs[0].name if orgs and not projects else None
        ctx.last_project = ctx.topic
    out.claimed, out.used = set(), set()
    out.prev_agent, out.cur_agent = out.cur_agent, None
    ctx.topic_age = 0 if u.heading or generic else ctx.topic_age + 1
    return projects, bool(label and not projects)


def _remember(u: Unit, ctx: _Ctx, projects: list[M]) -> None:
    """What the next sentences may refer back to: the strategy, funds, subject and project named last."""
    strategies = [m for m in u.ms if m.type == "Strategy"]
    if strategies:
        ctx.last_strategy = strategies[-1].name
        ctx.strategy_any = strategies[-1].name
    funds = [m for m in u.ms if m.type == "FundingSource"]
    if funds:
        ctx.last_fund = funds[-1].name
        for f in funds:
            if f.name in ctx.recent_funds:
                ctx.recent_funds.remove(f.name)
            ctx.recent_funds.append(f.name)
        del ctx.recent_funds[:-8]
    elif u.heading:
        ctx.last_strategy = None
    if ctx.unknown and not projects:  # 'Projektet ...' next refers to the unknown one
        ctx.last_project, ctx.project_age, ctx.unknown = None, RECENT_UNITS + 1, False
        ctx.last_named = None
        if not u.heading:
            ctx.topic = None
    ctx.unknown = False
    first_org = next((m for m in u.ms if m.type == "Organisation"), None)
    ctx.prev_subject = first_org.name if first_org and first_org.start <= 20 and not \
        _located(u.text, first_org) else None
    if projects:
        ctx.last_named, ctx.last_named_age = projects[0].name, 0
        # the subject at the start of the sentence is what 'Projektet' next refers to, else the last one named
        first = projects[0] if re.match(r"(?:(?:Projektet|Satsningen|Initiativet|Plattformen|Nätverket)\s+)?$",
                                        u.text[:projects[0].start]) else projects[-1]
        ctx.last_project, ctx.project_age = first.name, 0
    else:
        ctx.last_named_age += 1
        ctx.project_age += 1
        if ctx.project_age > RECENT_UNITS:  # an anaphor refers to a recent project, else to the section's
            ctx.last_project = ctx.topic
