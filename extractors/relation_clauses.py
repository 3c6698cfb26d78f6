"""Clause-level relation rules that use the syntax around a name rather than a trigger verb.

Rule families (triggers and word lists are data: ``lexicons/clauses.json``):

* units inside one name: an organisation whose own name starts with another organisation in the
  genitive ("Kvarkenrådets energikommission", "Umeå kommuns upphandlingsbyrå") or ends with
  "vid/inom/på <organisation>" ("Pedagogiska institutionen vid Umeå universitet") is partOf it;
* unit apposition: "Umeå universitet, institutionen för geografi", "Staben för regional utveckling,
  Region X": the organisation whose name opens with a unit noun is partOf the other;
* drafts: "Xs förslag till S", "Xs revidering av S": X is responsibleFor S;
* possession: "X har en egen S", "X har antagit en ny S": X is responsibleFor S;
* implementation nouns: "P ..., som har Ss genomförande i fokus", "genomförandet av S" in a sentence
  about project P: P implements S;
* collaboration agents (used by relations.py when a collaboration clause names no subject): a quantified
  subject ("Ett antal kommuner har tillsammans med X") is nobody we know; "Tillsammans med A och B
  arbetar X" has X as its subject (verb second); "Arbetet har skett i samverkan med B" continues the
  work of the organisation that was the agent of the previous sentence.

Every function takes a relations.Unit and the relations._Out collector; none loops over more than
the mentions of one sentence.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .enumerations import chains
from .relation_structures import echo_anaphor

LEXICON = Path(__file__).parent / "lexicons" / "clauses.json"
_W = r"[\wåäöÅÄÖ]"


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(LEXICON.read_text(encoding="utf-8"))


@lru_cache(maxsize=64)
def _words_rx(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(lexicon()[key], key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    return {
        "proposal": re.compile(r"^\s+(?:(?:nya|nytt|reviderade|slutliga|senaste|gemensamma|egna)\s+)?(?:"
                               + _words_rx("proposal_nouns") + r")\s+(?:(?:en|ett|den|det|de|nytt|ny|nya|"
                               r"reviderad|reviderat|reviderade|uppdaterad|uppdaterade)\s+){0,2}$", re.I),
        "possession": re.compile(r"^\s+(?:" + _words_rx("possession_verbs") + r")\s+((?:[\wåäö.,]+\s+){0,5})$", re.I),
        "impl_after": re.compile(r"^(?::?s)?\s+(?:" + _words_rx("implementation_nouns") + r")(?!" + _W + ")", re.I),
        "impl_before": re.compile(r"(?<!" + _W + r")(?:" + _words_rx("implementation_nouns")
                                  + r")\s+av\s+(?:(?:den|det|de|vår|länets|regionens)\s+)?$", re.I),
        "quantified_start": re.compile(r"^\s*(?:" + _words_rx("quantified_subjects") + r")(?!" + _W + ")", re.I),
        "work": re.compile(r"^\s*(?:(?:det|detta|hela)\s+)?(?:" + _words_rx("work_anaphora") + r")(?!" + _W + ")", re.I),
    }


@lru_cache(maxsize=4096)
def is_place(word: str) -> bool:
    """A plain place name of the gazetteers ('västerbotten', 'umeå'), lower case."""
    from .pipeline import _gazetteer_words  # spaCy is loaded by then in a real run; lazily for the tests
    return word.casefold() in _gazetteer_words()[0]


@lru_cache(maxsize=None)
def _cached_rx(key: str) -> re.Pattern:
    """The compiled patterns built from word lists of the lexicon (built once)."""
    lx = lexicon()

    def alt(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if key == "apposition":
        return re.compile(r"\s*[,(–]\s*(?:som\s+är\s+)?(?:en|ett)\s+(?:[a-zåäö]+\s+)?(?:" + alt(lx["apposition_part_nouns"])
                          + r")\s+(?:av|inom|i|till|vid|under|hos)\s+(?:(?:det|den)\s+)?$", re.I)
    if key == "mutual":
        return re.compile(r"\s+(?:" + alt(lx["mutual_verbs"]) + r")\s+(?:(?:även|också|nu|sedan\s+\d{4}|under\s+\d{4}|"
                          r"formellt|gemensamt)\s+)*(?:(?:ett|en|sitt|sin|sina|det|den|ett\s+nytt|en\s+ny)\s+)"
                          r"(?:[a-zåäö-]+\s+){0,2}?(?:" + alt(lx["mutual_nouns"]) + r")(?!" + _W + ")", re.I)
    if key == "roles":
        return re.compile(r"(?<!" + _W + r")(" + alt(lx["role_lists"]) + r")\s+(?:i|till|för|av)\s+", re.I)
    if key == "frames":
        return re.compile(r"(?<!" + _W + r")(?:" + alt(lx["strategy_frames"]) + r")\s+(?:(?:den|det|de|vår|länets|"
                          r"regionens|kommunens|arbetet med|arbetet med att genomföra)\s+){0,2}$", re.I)
    if key == "generic_relative":
        return re.compile(r"(?<!" + _W + r")(?:de|dessa|alla|samtliga|flera|olika|våra)\s+(?:[\wåäö-]+\s+){0,3}?[\wåäö-]*(?:"
                          + alt(lx["generic_statement"]["nouns"]) + r")\s+som\s+$", re.I)
    if key == "event":
        return re.compile(r"\s*(?:(?:Även|Också|Dessutom|Sedan|Under\s+\d{4})\s+)?(?:" + alt(lx["event_anaphora"])
                          + r")\s+(?:[a-zåäö]+\s+){0,3}$", re.I)
    if key == "role_as":
        return re.compile(r"\s+som\s+(?:huvudsaklig\s+|viktig\s+|viktiga\s+)?(" + alt(lx["role_as"]) + r")(?!" + _W + ")", re.I)
    if key == "fund_anaphora":
        return re.compile(r"\s*(?:för\s+|inom\s+|av\s+)?(?:" + alt(lx["fund_anaphora"]) + r")(?!" + _W + ")", re.I)
    if key == "programme":
        return re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*|\s+(?:är|var|blir)\s+)(?:ett|en)\s+(?:[a-zåäö-]+\s+){0,2}?(?:"
                          + alt(lx["programme_projects"]) + r")\s+(?:inom|i|från|finansierat av|finansierad av)\s+"
                          r"(?:(?:programmet|fonden)\s+)?", re.I)
    if key == "work_phrase":
        return re.compile(r"(?<!" + _W + r")(?:" + alt(lx["responsibility_phrases"]["work_nouns"]) + r")\s+(?:med|av)\s+"
                          r"(?:(?:att\s+(?:ta fram|revidera|följa upp|genomföra)\s+)?(?:en\s+ny\s+|den\s+|det\s+|ett\s+nytt\s+)?)$",
                          re.I)
    if key == "duty_phrase":
        return re.compile(r"(?<!" + _W + r")(?:" + alt(lx["responsibility_phrases"]["duty_nouns"]) + r")\s+för\s+"
                          r"(?:den\s+|det\s+|de\s+)?$", re.I)
    if key == "goal_cues":
        return re.compile(r"(?<!" + _W + r")(?:" + alt(lx["goal_sections"]["cues"]) + r")(?!" + _W + r")[^.;:]{0,30}$", re.I)
    if key == "owned_plural":
        return re.compile(r"\s+(?:(?:samtliga|alla|egna|olika|återkommande|årliga|strategiska)\s+)?(?:"
                          + alt(lx["generic_statement"]["plural_nouns"]) + r")(?!" + _W + r")(?!\s*[,:]?\s*(?:det vill säga|dvs))",
                          re.I)
    if key == "plural_definite":
        return re.compile(r"(?<!" + _W + r")(?:" + alt(lx["generic_statement"]["plural_definite"]) + r")\s+$", re.I)
    raise KeyError(key)


def _unit_head(surface: str) -> bool:
    """The name opens with a unit noun ('Institutionen för geografi', 'Pedagogiska institutionen')."""
    words = surface.lower().split()
    heads = set(lexicon()["unit_heads"])
    return bool(words) and (words[0] in heads or (len(words) >= 2 and words[1] in heads and words[0].endswith(("a", "e"))))


def _genitive_owner(words: list[str], org_surfaces: dict[str, str]) -> tuple[str | None, int]:
    """The organisation named in the genitive by the first words of a name, and how many words it takes."""
    for k in range(1, len(words)):
        head = " ".join(words[:k])
        if not head.endswith("s"):
            continue
        base = head[:-2] if head.endswith(":s") else head[:-1]
        org = org_surfaces.get(base)
        # a name ('Kvarkenrådets', 'Umeå kommuns'), not a place that also names an authority ('Norrbottens')
        if org and not (k == 1 and base != org.casefold() and is_place(base)):
            return org, k
    return None, 0


def name_internal_part_of(unit, out) -> None:
    """'Kvarkenrådets Energikommission', 'Pedagogiska institutionen vid Umeå universitet': partOf the named whole."""
    links = set(lexicon()["unit_links"])
    for m in unit.ms:
        if m.type != "Organisation":
            continue
        words = unit.text[m.start:m.end].lower().split()
        if len(words) < 2:
            continue
        owner, k = _genitive_owner(words, out.org_surfaces)
        if owner and owner != m.name and k < len(words):
            out.add(m.name, "partOf", owner, unit, m.start, "unit-in-name", 0.6)
            continue
        for i in range(1, len(words) - 1):
            if words[i] in links:
                whole = out.org_surfaces.get(" ".join(words[i + 1:]))
                if whole and whole != m.name:
                    out.add(m.name, "partOf", whole, unit, m.start, "unit-in-name", 0.65)
                break


def unit_apposition(unit, chs, out) -> None:
    """'Umeå universitet, institutionen för geografi' / 'Staben för regional utveckling, Region X' (two names only)."""
    text = unit.text
    orgs = [m for m in unit.ms if m.type == "Organisation"]
    for a, b in zip(orgs, orgs[1:]):
        if not re.fullmatch(r"\s*[,–]\s*", text[a.end:b.start]):
            continue
        ch = next((c for c in chs if a in c), [a])
        if len([m for m in ch if m.type == "Organisation"]) > 2:
            continue  # an enumeration 'A, B och C'
        if re.match(r"\s*(?:,\s*|och\s|samt\s|&)", text[b.end:]) or re.search(r"(?:,|och|samt)\s*$", text[:a.start]):
            continue
        ua, ub = _unit_head(text[a.start:a.end]), _unit_head(text[b.start:b.end])
        if ua and not ub:
            out.add(a.name, "partOf", b.name, unit, a.start, "unit-apposition", 0.6)
        elif ub and not ua:
            out.add(b.name, "partOf", a.name, unit, a.start, "unit-apposition", 0.6)


def part_apposition(unit, out) -> None:
    """'Almi Mitt, en del av Almi Företagspartner', 'X (ett helägt dotterbolag till Y)': X partOf Y."""
    text = unit.text
    rx = _cached_rx("apposition")
    orgs = [m for m in unit.ms if m.type == "Organisation"]
    for a, b in zip(orgs, orgs[1:]):
        if b.start - a.end <= 60 and rx.fullmatch(text[a.end:b.start]):
            out.add(a.name, "partOf", b.name, unit, a.start, "part-apposition", 0.65)


def _genitive_end(text: str, m, out) -> int | None:
    """Offset after the genitive ending of organisation mention ``m`` ('Region Xs', 'SKR:s'), else None."""
    surface = text[m.start:m.end]
    suffix = re.match(r":?s(?=\s)", text[m.end:m.end + 3])
    if suffix:
        return m.end + suffix.end()
    base = surface[:-1].rstrip(":")
    if surface.endswith("s") and (base.lower() in out.org_surfaces or " ".join(base.split()).casefold() in out.org_keys):
        return m.end
    return None


def drafts_and_possession(unit, out) -> None:
    """'Xs förslag till S' and 'X har (antagit) en (ny) S': X is responsibleFor S."""
    text, ms = unit.text, unit.ms
    pats = _patterns()
    fillers = set(lexicon()["possession_fillers"])
    for a, b in zip(ms, ms[1:]):
        if a.type != "Organisation" or b.type != "Strategy":
            continue
        g = _genitive_end(text, a, out)
        if g is not None and pats["proposal"].match(text[g:b.start]):
            out.add(a.name, "responsibleFor", b.name, unit, a.start, "draft-owner", 0.7)
            continue
        if g is not None:
            continue
        pm = pats["possession"].match(text[a.end:b.start])
        if not pm:
            continue
        rest = [w.strip(",").lower() for w in pm.group(1).split()]
        before = text[max(0, a.start - 12):a.start]
        if all(w in fillers for w in rest) and not re.search(r"(?<!" + _W + r")(?:i|av|med|för|från|till|och)\s+$", before):
            out.add(a.name, "responsibleFor", b.name, unit, a.start, "possession", 0.6)


def _masked(unit, a: int, b: int) -> str:
    """``unit.text[a:b]`` with the entity mentions blanked out."""
    seg = list(unit.text[a:b])
    for m in unit.ms:
        for i in range(max(m.start, a), min(m.end, b)):
            seg[i - a] = " "
    return "".join(seg)


_COORDINATED = re.compile(r",?\s+(?:och|samt)\s+(?:[a-zåäö]+\s+)?|,\s+(?:[a-zåäö]+\s+)?")


def implementation_nouns(unit, earlier: str | None, out) -> None:
    """'P, som har Ss genomförande i fokus', 'Inom projektet P ... genomförandet av S': P implements S."""
    text, ms = unit.text, unit.ms
    pats = _patterns()
    projects = [m for m in ms if m.type == "Project"]
    qualified_end = None  # where the last strategy named after an implementation noun ends
    for s in ms:
        if s.type != "Strategy":
            continue
        surface = text[s.start:s.end]
        after = pats["impl_after"].match(text[s.end:s.end + 40])
        genitive_inside = surface.endswith("s") and re.match(r"\s+(?:" + _words_rx("implementation_nouns") + r")(?!"
                                                               + _W + ")", text[s.end:s.end + 40], re.I)
        before = pats["impl_before"].search(text[max(0, s.start - 40):s.start]) or (
            qualified_end is not None and _COORDINATED.fullmatch(text[qualified_end:s.start]))  # "av S1 och länets S2"
        if not (after or genitive_inside or before):
            continue
        qualified_end = s.end if before else None
        cands = [p for p in projects if 0 <= s.start - p.end <= 200] or [p for p in projects if 0 <= p.start - s.end <= 60]
        if cands:
            p = cands[-1] if cands[-1].end <= s.start else cands[0]
            gap = _masked(unit, min(p.end, s.end), max(p.start, s.start))
            if re.search(r"(?<!" + _W + r")[A-ZÅÄÖ]", gap) or re.search(r"[.;:]\s", gap):
                continue  # another name (one we do not know) or a new sentence between the project and the strategy
            out.add(p.name, "implements", s.name, unit, s.start, "implementation-noun", 0.6)
        elif earlier and not projects and (re.match(r"(?:(?:Inom|I|Genom)\s+)?(?:projektet|satsningen|initiativet|plattformen)\s",
                                                     text, re.I) or echo_anaphor(text, earlier)) and not re.search(r"(?<!" + _W + r")[A-ZÅÄÖ]",
                                                                                  _masked(unit, 1, s.start)):
            out.add(earlier, "implements", s.name, unit, s.start, "implementation-noun", 0.5)


def clause_relations(unit, chs, earlier: str | None, out) -> None:
    """Every clause-level rule family on one unit."""
    name_internal_part_of(unit, out)
    unit_apposition(unit, chs, out)
    part_apposition(unit, out)
    drafts_and_possession(unit, out)
    implementation_nouns(unit, earlier, out)
    role_lists(unit, earlier, out)
    strategy_frames(unit, earlier, out)
    genitive_collaboration(unit, chs, out)
    split_verbs(unit, chs, out)
    mutual_collaboration(unit, chs, out)
    role_as(unit, chs, earlier, out)
    programme_projects(unit, out)
    responsibility_phrases(unit, out)


# ------------------------------------------------------------------ collaboration agents

_V2_VERB = re.compile(r"(?<=[\wåäö)])\s*,?\s+(?:har|hade|arbetar|arbetade|driver|drev|bedriver|genomför|genomförde|ska|kommer att|"
                      r"verkar|deltar|deltog|tar|tog|utvecklar|utvecklade|erbjuder|erbjöd|står|stod|ordnar|ordnade|"
                      r"anordnar|anordnade|arrangerar|arrangerade)\s+(?:(?:även|också|nu|fortsatt|gemensamt|under\s+\d{4})\s+)?$",
                      re.I)


def collaboration_subject(unit, tpos: int, tend: int, clause_start: int, out, topic_org: str | None = None):
    """Who collaborates in a clause with no subject before its trigger.

    Returns ('skip', None) when the clause has an unnamed subject of its own, ('v2', org mention) when
    a named subject follows the partner list ('Tillsammans med A och B arbetar X'), ('work', name) when
    'Arbetet/Uppdraget ...' continues the previous sentence's agent, else (None, None).
    """
    text = unit.text
    prefix = text[clause_start:tpos]
    pats = _patterns()
    if pats["quantified_start"].match(prefix) or event_anaphor(prefix) or re.match(
            r"\s*(?:projektet|satsningen|initiativet|nätverket|plattformen)\s", prefix, re.I):
        return "skip", None  # an unnamed subject of its own, or an event/project whose name we lost
    if not prefix.strip():
        # verb second: the partners, then a finite verb, then the subject
        ce = text.find(".", tend)
        ce = len(text) if ce < 0 else ce
        for m in unit.ms:
            if m.type == "Organisation" and tend <= m.start < ce and _V2_VERB.search(text[tend:m.start]):
                return "v2", m
        if re.search(r"(?<=[\wåäö)])\s*,?\s+(?:har|hade|är|var|ska|kan|kommer|arbetar|driver|genomför|genomförde)\s+"
                     r"(?:de|dessa|han|hon|den|det|båda|bägge)\s", text[tend:ce]):
            return "skip", None  # 'Tillsammans med X har de ...': a pronoun subject we cannot name
    if pats["work"].match(prefix) and getattr(out, "prev_agent", None):
        return "work", out.prev_agent
    dm = re.match(r"\s*([A-ZÅÄÖ][a-zåäö]+(?:et|en|an|na|rna|erna))\s+(?:(?:har|hade|är|även|också|nu|sedan\s+\d{4})\s+)*$",
                  prefix)
    if dm and not pats["work"].match(prefix) and dm.group(1).lower() not in lexicon()["self_reference"] \
            and not any(m.start < tpos and m.end > clause_start for m in unit.ms):
        # 'Klustret samarbetar med X': a definite noun names the section's organisation, if any
        return ("topic", topic_org) if topic_org else ("skip", None)
    return None, None


# ------------------------------------------------------------------ paragraph-level enumerations

@lru_cache(maxsize=1)
def _generic_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    g = lexicon()["generic_statement"]
    verbs = {v: p for p in ("leads", "participatesIn") for v in g[p]}
    verb_rx = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    count_rx = "|".join(re.escape(c) for c in sorted(g["counts"], key=len, reverse=True))
    noun_rx = "|".join(re.escape(n) for n in sorted(g["nouns"], key=len, reverse=True))
    statement = re.compile(r"^\s+(?:(?:har|hade)\s+)?(?:(?:även|också|aktivt|fortsatt|nu|under året|i dag|idag)\s+)*"
                           r"(" + verb_rx + r")(?:\s+och\s+[a-zåäö]+(?:\s+i)?)?\s+(?:(?:även|också|aktivt|sedan\s+\d{4})\s+)*"
                           r"(" + count_rx + r")\s+(?:[a-zåäö-]+\s+){0,2}?[\wåäö-]*(?:" + noun_rx + r")(?!" + _W + ")",
                           re.I)
    intro = re.compile(r"(?:^(?:(?:Även|Också|Dessutom|Inom|I|Genom|Via)\s+)?(?:(?:det|den)\s+)?"
                       r"(?:[\wåäö-]+\s+)?(?:" + "|".join(g["intro_nouns"]) + r")?\s*|(?<!" + _W + r")(?:"
                       + "|".join(g["intro_nouns"]) + r")\s+(?:är\s+)?)$", re.I)
    return statement, intro, re.compile(verb_rx, re.I)


class GenericEnumeration:
    """'Region X driver två projekt inom området. Det ena går under namnet P1 ... Det andra projektet är P2':
    the agent of a statement with a counted generic object leads (or takes part in) the projects the
    following sentences of the paragraph introduce."""

    def __init__(self) -> None:
        self.agents: list[str] = []
        self.pred = ""
        self.left = 0  # projects still expected (0: as many as come)
        self.counted = False
        self.units = 0
        self.unit = None
        self.seen: set[str] = set()
        self.listed: set[str] = set()  # projects of an enumeration introduced by a plural definite noun
        self.plural_only = False  # opened by 'Xs mötesplatser': only a plural definite noun continues it

    def _start(self, unit, out) -> bool:
        statement, _, _ = _generic_patterns()
        g = lexicon()["generic_statement"]
        for m in unit.ms:
            if m.type != "Organisation" or _genitive_end(unit.text, m, out) is not None:
                continue
            sm = statement.match(unit.text[m.end:])
            if not sm:
                continue
            if any(x.type == "Project" for x in unit.ms if x.start > m.end):
                return False  # the projects are named in the sentence itself: the trigger rules see them
            verb = " ".join(sm.group(1).lower().split())
            self.pred = "leads" if verb in g["leads"] else "participatesIn"
            n = g["counts"].get(" ".join(sm.group(2).lower().split()), 0)
            self.agents, self.left, self.counted, self.units, self.unit = [m.name], n, n > 0, 0, unit
            self.seen, self.listed, self.plural_only = set(), set(), False
            return True
        for m in unit.ms:  # 'Region Xs mötesplatser vänder sig till ...': X's own ones, named later
            g_end = _genitive_end(unit.text, m, out) if m.type == "Organisation" else None
            if g_end is None or not _cached_rx("owned_plural").match(unit.text[g_end:]):
                continue
            if any(x.type == "Project" for x in unit.ms if x.start > m.end):
                return False
            self.pred, self.agents, self.left, self.counted, self.units, self.unit = "leads", [m.name], 0, False, 0, unit
            self.seen, self.listed, self.plural_only = set(), set(), True
            return True
        return False

    def observe(self, unit, out) -> None:
        """Call once per unit, in document order, after the unit's other rules."""
        if self.agents and unit is not self.unit:
            self.units += 1
            if unit.heading or self.units > lexicon()["generic_statement"]["max_units"]:
                self.agents = []
            else:
                _, intro, _ = _generic_patterns()
                for m in unit.ms:
                    if m.type != "Project":
                        continue
                    before = _masked(unit, 0, m.start)[-60:] if m.start else ""
                    plural = _cached_rx("plural_definite").search(before)
                    if not plural and m.name not in self.listed and (self.plural_only or not intro.search(before)):
                        continue  # 'Xs mötesplatser ...' is continued only by 'mötesplatserna A, B och C'

                    if plural:  # 'mötesplatserna A, B samt C': the whole enumeration
                        self.listed |= {x.name for c in chains(unit.ms, unit.text) if m in c for x in c
                                        if x.type == "Project"}
                    if m.name in self.seen:
                        continue
                    self.seen.add(m.name)
                    for a in self.agents:
                        out.add(a, self.pred, m.name, unit, m.start, "generic-enumeration", 0.55)
                    if self.counted:
                        self.left -= 1
                        if self.left <= 0:
                            self.agents = []
                            break
        if not self.agents or unit.heading:
            self._start(unit, out)


# ------------------------------------------------------------------ co-occurrence filter

def cooccurrence_blocked(unit, m, out) -> bool:
    """An organisation mention that says nothing about taking part: the first part of a compound
    ('EU-finansierade', 'EU-kommissionens') or a genitive qualifying a noun other than a participation
    noun ('EU:s regioner', 'Vinnovas innovationsdialoger'; but 'Region Xs deltagande i P')."""
    text = unit.text
    if text[m.end:m.end + 1] == "-":
        return True
    g = _genitive_end(text, m, out)
    if g is None:
        return False
    nxt = re.match(r"\s+([\wåäö-]+)", text[g:g + 40])
    return bool(nxt) and nxt.group(1).lower() not in set(lexicon()["genitive_participation_nouns"]) \
        and not any(x.type == "Project" and x.start == g + nxt.start(1) for x in unit.ms)


def generic_object(text: str, agent_start: int, agent_end: int) -> bool:
    """The verb after the agent has a counted or generic plural object ('X driver och samordnar ett antal nätverk',
    'de plattformar och nätverk som X driver'): no particular project is meant (GenericEnumeration may find them)."""
    statement, _, _ = _generic_patterns()
    if statement.match(text[agent_end:]):
        return True
    before = text[max(0, agent_start - 80):agent_start]
    return bool(_cached_rx("generic_relative").search(before)) or bool(
        re.search(r"(?<!" + _W + r")(?:den|det|de|dessa|denna|detta)\s+(?:[a-zåäö-]+\s+){0,2}?[a-zåäö-]{4,}\s+som\s+$",
                  before, re.I))  # 'den samverkansstruktur som X samordnar': the object is that noun


def event_anaphor(prefix: str) -> bool:
    """The clause before a collaboration trigger opens with an event noun ('Arrangemangen genomförs i samverkan med'):
    it speaks of the project named last."""
    return bool(_cached_rx("event").match(prefix))


# ------------------------------------------------------------------ role lists and strategy frames

_ANAPHOR_WHOLE = re.compile(r"(?:projektet|nätverket|satsningen|initiativet|plattformen|samarbetet)(?!" + _W + ")", re.I)


def role_lists(unit, earlier: str | None, out) -> None:
    """'Medlemmar i X är A, B och C' (A partOf X), 'Parter i projektet (P) är A, B' (participatesIn P),
    'Ägare till bolaget X är A och B' (X partOf A)."""
    text, ms = unit.text, unit.ms
    roles = lexicon()["role_lists"]
    for rm in _cached_rx("roles").finditer(text):
        role = rm.group(1).lower()
        rest = text[rm.end():]
        whole = next((m for m in ms if m.start >= rm.end()), None)
        wname, wtype, after = None, None, None
        ana = re.match(r"(?:det\s+|den\s+)?(?:" + _ANAPHOR_WHOLE.pattern + r")\s*", rest, re.I)
        if whole is not None and re.fullmatch(r"(?:(?:det|den|bolaget|förbundet|föreningen|nätverket|projektet|"
                                              r"kommunalförbundet|satsningen)\s+)?", text[rm.end():whole.start], re.I):
            wname, wtype, after = whole.name, whole.type, whole.end
        elif ana and earlier:
            wname, wtype, after = earlier, "Project", rm.end() + ana.end()
        if wname is None:
            continue
        verb = re.match(r"\s*(?:\([^()]{0,40}\)\s*)?(?:är|var|blir|blev|:)\s+(?:bland annat\s+|bl\.a\.\s+|t\.ex\.\s+)?",
                        text[after:])
        if not verb:
            continue
        start = after + verb.end()
        members = next(([x for x in c if x.type == "Organisation"] for c in chains(ms, text)
                        if c[0].start == next((m.start for m in ms if m.start >= start), -1)
                        and c[0].start - start <= 3), [])
        pred = roles[role][0 if wtype == "Organisation" else 1] if wtype in ("Organisation", "Project") else ""
        for a in members:
            if not pred or a.name == wname:
                continue
            if pred == "partOf<":
                out.add(wname, "partOf", a.name, unit, rm.start(), "role-list", 0.7)
            else:
                out.add(a.name, pred, wname, unit, rm.start(), "role-list", 0.7)


def strategy_frames(unit, earlier: str | None, out) -> None:
    """'Inom ramen för S genomförs projektet P', 'P genomförs som ett led i S': P implements S."""
    text, ms = unit.text, unit.ms
    strategies = [m for m in ms if m.type == "Strategy"]
    if not strategies:
        return
    for s in strategies:
        fm = _cached_rx("frames").search(text[max(0, s.start - 60):s.start])
        if not fm:
            continue
        a = max(0, s.start - 60) + fm.start()
        cs = max([m.end() for m in re.finditer(r"[.;!?]\s|:\s", text[:a])] or [0])
        ce = re.search(r"[.;!?](?:\s|$)", text[s.end:])
        ce = s.end + ce.start() if ce else len(text)
        projects = [m for m in ms if m.type == "Project" and cs <= m.start < ce
                    and (s.start - m.end <= 150 if m.end <= a else m.start - s.end <= 150)
                    and not re.match(r"s?\s+[a-zåäö]+(?:ande|ning|ningen|andet)(?!" + _W + ")",
                                     text[m.end - 1 if text[m.start:m.end].endswith("s") else m.end:][:30])]
        for p in projects[:3]:
            out.add(p.name, "implements", s.name, unit, a, "strategy-frame", 0.6)
        if not projects and earlier and _ANAPHOR_WHOLE.search(text[cs:ce]) and \
                re.match(r"\s*(?:(?:Inom|I|Genom)\s+)?(?:projektet|satsningen|initiativet)\s", text[cs:], re.I):
            out.add(earlier, "implements", s.name, unit, a, "strategy-frame", 0.5)


# ------------------------------------------------------------------ subjects of coordinated clauses, genitive collaboration

_AUX_GAP = re.compile(r"\s+(?:(?:har|hade|är|var|ska|skall|kan|kommer att)\s+)?(?:(?:även|också|nu|gemensamt|sedan\s+\d{4}|"
                      r"under\s+(?:året|\d{4}))\s+)*$", re.I)


def nearest_subject(unit, chs, tpos: int) -> list:
    """'..., och Region X har tillsammans med Y ...': the organisation (enumeration) right before the trigger,
    separated only by an auxiliary, is the subject of the collaboration clause, not the first one of the sentence."""
    text = unit.text
    before = [m for m in unit.ms if m.end <= tpos and m.type == "Organisation"]
    if not before:
        return []
    m = before[-1]
    if re.search(r"(?<!" + _W + r")(?:vid|hos|på|i|inom|från|för|av|via|genom)\s+$", text[max(0, m.start - 8):m.start], re.I):
        return []  # 'forskare vid X tillsammans med Y': X is where the subject works, not the subject
    if not _AUX_GAP.fullmatch(text[m.end:tpos]) or re.match(r":?s\s", text[m.end - 1:m.end + 2]) and \
            text[m.start:m.end].endswith("s"):
        return []
    ch = next((c for c in chs if m in c), [m])
    return [x for x in ch if x.type == "Organisation" and x.end <= tpos]


def genitive_collaboration(unit, chs, out) -> None:
    """'A, B och Cs samverkan/samarbete/partnerskap': every pair of the enumeration collaborates."""
    text = unit.text
    for ch in chs:
        orgs = [m for m in ch if m.type == "Organisation"]
        if len(orgs) < 2:
            continue
        last = orgs[-1]
        g = _genitive_end(text, last, out)
        g = g if g is not None else (last.end if re.match(r":?s\s", text[last.end:last.end + 3]) is None
                                     and text[last.start:last.end].endswith("s") else None)
        if g is None or not re.match(r"\s+(?:(?:nära|långa|långsiktiga|gemensamma|fördjupade|täta|goda)\s+)?"
                                     r"(?:samverkan|samarbete|samarbetet|partnerskap|partnerskapet)(?!" + _W + ")", text[g:]):
            continue
        for i, a in enumerate(orgs):
            for b in orgs[i + 1:]:
                out.add(a.name, "collaboratesWith", b.name, unit, a.start, "collaborate-genitive", 0.65)


def partner_object(text: str, m) -> bool:
    """An organisation after a collaboration trigger that is a partner, not a place or a channel
    ('... i EU', '... via FORTE', '... hos Länsstyrelsen')."""
    before = text[max(0, m.start - 40):m.start]
    if re.search(r"(?:representanter|företrädare|företrädare|experter|tjänstepersoner|medarbetare|personal)\s+"
                 r"(?:från|vid|hos|på|i)\s+$", before, re.I):
        return True  # 'representanter från X': X takes part
    return not re.search(r"(?<!" + _W + r")(?:i|inom|på|från|via|genom|hos|vid|av|för|mot|till|utanför)\s+$", before, re.I)


# ------------------------------------------------------------------ verb-second with a split prepositional verb

@lru_cache(maxsize=1)
def _split_verbs() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(verb, preposition) -> frame roles, from the active triggers of triggers.json that end in a preposition
    ('deltar i', 'ingår i', 'ansvarar för')."""
    data = json.loads((Path(__file__).parent / "lexicons" / "triggers.json").read_text(encoding="utf-8"))
    out: dict[tuple[str, str], list] = {}
    for name, f in data["frames"].items():
        for phrase in f.get("active", []):
            words = phrase.strip().lower().split()
            if len(words) == 2 and words[1] in ("i", "för", "av", "till", "inom", "med"):
                out.setdefault((words[0], words[1]), [])
                out[(words[0], words[1])].extend(tuple(r) for r in f["roles"] if tuple(r) not in out[(words[0], words[1])])
    return out


def split_verbs(unit, chs, out) -> None:
    """'Sedan 2020 deltar Region X i projektet P', 'I år ingår Kommunen i förbundet Y': a fronted phrase puts the
    subject between the verb and its preposition (Swedish verb second)."""
    text, ms = unit.text, unit.ms
    verbs = _split_verbs()
    for ch in chs:
        orgs = [m for m in ch if m.type == "Organisation"]
        if not orgs or orgs[0] is not ch[0]:
            continue
        vm = re.search(r"(?<=[\wåäö,]\s)([a-zåäö]+)\s+(?:(?:även|också|nu|aktivt|fortsatt)\s+)?$", text[max(0, ch[0].start - 30):ch[0].start])
        if not vm or vm.start() == 0 and ch[0].start >= 30:
            continue
        verb = vm.group(1).lower()
        pm = re.match(r"\s+(?:(?:även|också|aktivt|fortsatt|sedan\s+\d{4}|numera)\s+)*(i|för|av|till|inom|med)\s+"
                      r"(?:(?:det|den|de)\s+)?(?:[a-zåäö-]+(?:et|en|na|t)\s+)?", text[ch[-1].end:])
        if not pm or (verb, pm.group(1)) not in verbs:
            continue
        start = ch[-1].end + pm.end()
        theme = next((m for m in ms if m.start >= start), None)
        if theme is None or theme.start - start > 2:
            continue
        for agent_type, theme_type, pred in verbs[(verb, pm.group(1))]:
            if theme.type != theme_type:
                continue
            for a in orgs:
                if a.type != agent_type or a.name == theme.name:
                    continue
                if pred.endswith("<"):
                    out.add(theme.name, pred[:-1], a.name, unit, a.start, "split-verb", 0.7)
                else:
                    out.add(a.name, pred, theme.name, unit, a.start, "split-verb", 0.7)


_INTRANSITIVE_COLLAB = re.compile(r"\s+(?:har\s+|hade\s+)?(?:även\s+|också\s+|länge\s+|sedan\s+\d{4}\s+)*"
                                  r"(?:samarbetar|samverkar|samarbetade|samverkade|samarbetat|samverkat)"
                                  r"(?:\s+(?:även|också|nära|tätt|sedan\s+\d{4}))*\s+(?!med(?![\wåäö]))[a-zåäö]", re.I)
_HEADLINE_COLLAB = re.compile(r"\s+i\s+(?:ett\s+)?(?:nytt\s+|fördjupat\s+|utökat\s+|unikt\s+|gemensamt\s+|långsiktigt\s+)?"
                              r"(?:samarbete|partnerskap|samverkan)(?!" + _W + ")", re.I)


def mutual_collaboration(unit, chs, out) -> None:
    """'A och B inleder ett samarbete kring ...', 'A, B och C fördjupar sitt partnerskap': every pair collaborates."""
    text = unit.text
    rx = _cached_rx("mutual")
    for ch in chs:
        orgs = [m for m in ch if m.type == "Organisation"]
        rest = text[ch[-1].end:]
        if len(orgs) < 2 or not (rx.match(rest) or _HEADLINE_COLLAB.match(rest) or _INTRANSITIVE_COLLAB.match(rest)):
            continue
        if re.search(r"(?<!" + _W + r")(?:med|av|från|för|mellan|i|inom|hos|vid)\s+$", text[max(0, ch[0].start - 10):ch[0].start], re.I):
            continue  # the enumeration is an object ('samverkan med A och B har ...')
        for i, a in enumerate(orgs):
            for b in orgs[i + 1:]:
                out.add(a.name, "collaboratesWith", b.name, unit, a.start, "collaborate-mutual", 0.7)


_AND_AGENT = re.compile(r"\)?\s*,?\s*(?:och|samt)\s+(?:(?:till\s+)?\d+(?:[,.]\d+)?\s*(?:%|procent)\s+|även\s+|också\s+|delvis\s+|"
                        r"till\s+(?:resterande|övriga)\s+del(?:en)?\s+|till\s+(?:hälften|en\s+tredjedel|två\s+tredjedelar|"
                        r"en\s+fjärdedel|tre\s+fjärdedelar|största\s+delen|mindre\s+del|viss\s+del|lika\s+delar)\s+)*"
                        r"(?:av|från)\s+(?:(?:det|den)\s+)?", re.I)


def coordinated_agents(unit, chs, agents: list, types: set) -> list:
    """'ägs till 60 procent av A och till 40 procent av B', 'drivs av A och av B': every coordinated agent."""
    text, ms = unit.text, unit.ms
    out = list(agents)
    end = out[-1].end if out else 0
    while out:
        nxt = next((m for m in ms if m.start >= end and m not in out), None)
        if nxt is not None and re.fullmatch(r"\s*\(", text[end:nxt.start]) and text[nxt.end:nxt.end + 1] == ")":
            end = nxt.end  # 'av A (AF) och till hälften av B': the parenthesised short form is an aside
            continue
        if nxt is None or nxt.type not in types or not _AND_AGENT.fullmatch(text[end:nxt.start]):
            return out
        out.extend(x for x in next((c for c in chs if nxt in c), [nxt]) if x.start >= nxt.start and x.type in types)
        end = out[-1].end
    return out


# ------------------------------------------------------------------ bulleted projects under a strategy lead-in

class StrategyList:
    """'Insatser som bidrar till S:' followed by bullets ('• Projektet P1 ...', '• Nätverket P2 ...'): each
    bulleted project implements S. The list ends at the first sentence that is not a bullet."""

    def __init__(self) -> None:
        self.strategy: str | None = None

    @staticmethod
    @lru_cache(maxsize=1)
    def _patterns() -> tuple[re.Pattern, str]:
        sl = lexicon()["strategy_list"]
        nouns = "|".join(re.escape(n) for n in sorted(sl["lead_nouns"], key=len, reverse=True))
        links = "|".join(re.escape(w) for w in sorted(sl["links"], key=len, reverse=True))
        lead = re.compile(r"^\s*(?:(?:[A-ZÅÄÖa-zåäö]+\s+){0,2})?(?:" + nouns + r")\s+(?:" + links
                          + r")\s+(?:(?:den|det|de|vår|länets|regionens|kommunens)\s+)?$", re.I)
        return lead, sl["bullets"]

    def observe(self, unit, out) -> None:
        lead, bullets = self._patterns()
        text = unit.text.lstrip()
        if self.strategy and text[:1] in bullets:
            # each bullet segment of the unit: its first project
            for bm in re.finditer(r"(?:^|\s)[" + re.escape(bullets) + r"]\s+", unit.text):
                nxt = re.search(r"\s[" + re.escape(bullets) + r"]\s", unit.text[bm.end():])
                stop = bm.end() + nxt.start() if nxt else len(unit.text)
                p = next((m for m in unit.ms if bm.end() <= m.start < stop and m.type == "Project"), None)
                if p is not None and p.start - bm.end() <= 40:
                    out.add(p.name, "implements", self.strategy, unit, p.start, "strategy-list", 0.55)
            return
        self.strategy = None
        if not unit.text.rstrip().endswith(":"):
            return
        strategies = [m for m in unit.ms if m.type == "Strategy"]
        if strategies and lead.match(unit.text[:strategies[0].start]):
            self.strategy = strategies[0].name


# ------------------------------------------------------------------ strategy anaphora

_STRATEGY_HEADS = re.compile(r"(?<!" + _W + r")(strategi|handlingsplan|plan|agenda|program)(?:n|ns|en|ens|s|et|ets)?(?!" + _W + ")",
                             re.I)


def strategy_anaphor_implements(unit, hits, earlier: str | None, last_strategy: str, out) -> None:
    """'Projektet bidrar till strategins mål', 'P är ett viktigt bidrag till strategins genomförande': a definite
    strategy noun right after an implement trigger refers to the strategy named last, if its name has that noun."""
    text, ms = unit.text, unit.ms
    projects = [m for m in ms if m.type == "Project"]
    for h in hits:
        am = re.match(r"\s*(?:(?:den|det|de|vår|hela)\s+)?(?:[a-zåäö]+a\s+)?(strategin|strategins|handlingsplanen|"
                      r"handlingsplanens|planen|planens|agendan|agendans|programmet|programmets)(?!" + _W + ")",
                      text[h.end():h.end() + 40], re.I)
        if not am:
            continue
        head = _STRATEGY_HEADS.match(am.group(1))
        if not head or head.group(1).lower() not in last_strategy.lower():
            continue
        before = [p for p in projects if p.end <= h.start() and h.start() - p.end <= 120]
        if before:
            gap = _masked(unit, before[-1].end, h.start())
            if not re.search(r"[.;:]\s", gap):
                out.add(before[-1].name, "implements", last_strategy, unit, h.start(), "implement-strategy-anaphor", 0.55)
        elif earlier and not projects and re.match(r"\s*(?:(?:Även|Också)\s+)?(?:projektet|satsningen|initiativet)\s",
                                                   text, re.I):
            out.add(earlier, "implements", last_strategy, unit, h.start(), "implement-strategy-anaphor", 0.5)


# ------------------------------------------------------------------ 'med A och B som partner', fund anaphora

def role_as(unit, chs, earlier: str | None, out) -> None:
    """'P, med A och B som partner', 'Skellefteå kommun leder P med A som medfinansiär': A and B's role in the
    sentence's project (the last one named before them), or in the section's."""
    text, ms = unit.text, unit.ms
    roles = lexicon()["role_as"]
    rx = _cached_rx("role_as")
    for ch in chs:
        orgs = [m for m in ch if m.type in ("Organisation", "FundingSource")]
        if not orgs or not re.search(r"(?<!" + _W + r")med\s+(?:bland annat\s+|bl\.a\.\s+)?$", text[max(0, ch[0].start - 20):ch[0].start], re.I):
            continue
        rm = rx.match(text[ch[-1].end:])
        if not rm:
            continue
        pred = roles[" ".join(rm.group(1).lower().split())]
        before = [m for m in ms if m.type == "Project" and m.end <= ch[0].start]
        target = before[-1].name if before else (earlier if not any(m.type == "Project" for m in ms) else None)
        if not target:
            continue
        for o in orgs:
            if pred == "fundedBy":
                out.add(target, "fundedBy", o.name, unit, o.start, "role-as", 0.65)
            elif o.type == "Organisation":
                out.add(o.name, pred, target, unit, o.start, "role-as", 0.65)


def fund_anaphor(text: str, pos: int) -> bool:
    """'... förvaltande myndighet för programmet': a definite fund noun right at ``pos``."""
    return bool(_cached_rx("fund_anaphora").match(text[pos:pos + 40]))


_OBJ_SKIP = re.compile(r"\s*(?:(?:även|också|bland annat|bl\.a\.|aktivt|fortsatt|nu|gemensamt|tillsammans|under året|"
                       r"sedan\s+\d{4}|och\s+[a-zåäö]+(?:at|it|ar|er|de)|och)\s+)*", re.I)


def common_noun_object(after: str) -> bool:
    """The words after a lead verb are an object of its own that names no project: a purpose ('samordnat för att
    möta ...'), or a common noun ('ansvarar för utredningar och beslut'). 'driver projektet', 'leder det',
    'arrangerar konferensen' (anaphora) are not."""
    rest = after[_OBJ_SKIP.match(after).end():]
    m = re.match(r"([a-zåäö][\wåäö-]*)(?:\s+([a-zåäö][\wåäö-]*))?", rest)
    if not m:
        return False
    w1, w2 = m.group(1).lower(), (m.group(2) or "").lower()
    if w1 in ("för", "i", "med", "kring", "inom") and w2 in ("att", "hur"):
        return True  # a purpose or a topic, not an object
    if w1 in ("för", "i", "med", "kring", "inom", "om", "av"):
        w1 = w2
    if not w1 or w1 in _ANAPHOR_OK or w1 in ("det", "den", "de", "dessa", "detta", "denna", "sin", "sitt", "sina", "en",
                                             "ett", "flera", "två", "tre", "arbetet", "arbete"):
        return False
    return bool(re.fullmatch(r"[a-zåäö-]{4,}(?:ar|er|or|na|ningar|ioner|frågor|frågorna|beslut|insatser)", w1))


_ANAPHOR_OK = frozenset("""projektet satsningen initiativet nätverket plattformen forumet konferensen arrangemanget
mötesplatsen samarbetet programmet rådet klustret arenan testbädden""".split())


def programme_projects(unit, out) -> None:
    """'P är ett gränsöverskridande projekt inom Interreg Aurora', 'P, ett projekt inom F': P is fundedBy F."""
    text, ms = unit.text, unit.ms
    rx = _cached_rx("programme")
    for p, f in zip(ms, ms[1:]):
        if p.type == "Project" and f.type == "FundingSource" and f.start - p.end <= 80 and rx.fullmatch(text[p.end:f.start]):
            out.add(p.name, "fundedBy", f.name, unit, p.start, "programme-project", 0.7)


def responsibility_phrases(unit, out) -> None:
    """'Arbetet med (att ta fram) S leds av X' (responsibleFor); 'Ansvaret för S/F/P ligger hos X'
    (responsibleFor / manages / leads)."""
    text, ms = unit.text, unit.ms
    work, duty = _cached_rx("work_phrase"), _cached_rx("duty_phrase")
    pred_of = {"Strategy": "responsibleFor", "FundingSource": "manages", "Project": "leads"}
    for a, b in zip(ms, ms[1:]):
        if b.type != "Organisation" or a.type not in pred_of:
            continue
        before = text[max(0, a.start - 60):a.start]
        between = text[a.end:b.start]
        if a.type == "Strategy" and work.search(before) and re.fullmatch(
                r"\s*(?:\([^()]{1,20}\)\s*)?(?:har\s+)?(?:" + _words_rx_nested("responsibility_phrases", "work_verbs")
                + r")\s+(?:(?:gemensamt|främst|huvudsakligen)\s+)?av\s+", between, re.I):
            out.add(b.name, "responsibleFor", a.name, unit, a.start, "responsibility-phrase", 0.7)
        elif duty.search(before) and re.fullmatch(r"\s*(?:\([^()]{1,20}\)\s*)?(?:" + _words_rx_nested(
                "responsibility_phrases", "duty_verbs") + r")\s+(?:(?:sedan\s+\d{4}|numera|nu)\s+)?(?:hos|på)\s+", between, re.I):
            out.add(b.name, pred_of[a.type], a.name, unit, a.start, "responsibility-phrase", 0.7)


@lru_cache(maxsize=16)
def _words_rx_nested(key: str, sub: str) -> str:
    return "|".join(re.escape(w) for w in sorted(lexicon()[key][sub], key=len, reverse=True))


# ------------------------------------------------------------------ numbered goal sections of a goal framework

class GoalSections:
    """'Mål 8: Anständiga arbetsvillkor ...' then 'Region Xs arbete skapar, genom projekt som P1 och P2, ...': the
    projects named under a numbered goal heading implement the goal framework (Agenda 2030) the document names."""

    def __init__(self, framework: str | None) -> None:
        self.framework = framework
        self.left = 0
        gs = lexicon()["goal_sections"]
        self.heading = re.compile(gs["heading"], re.I)
        self.max_units = gs["max_units"]

    @staticmethod
    def framework_of(units) -> str | None:
        """The strategy mention of the document that names a goal framework, if any."""
        pats = [p.lower() for p in lexicon()["goal_sections"]["name_patterns"]]
        for u in units:
            for m in u.ms:
                if m.type == "Strategy" and any(p in m.name.lower() for p in pats):
                    return m.name
        return None

    def observe(self, unit, out) -> None:
        if not self.framework:
            return
        if self.heading.match(unit.text):
            self.left = self.max_units
        elif unit.heading:
            self.left = 0
        if self.left <= 0:
            return
        self.left -= 1
        cues = _cached_rx("goal_cues")
        for m in unit.ms:
            if m.type == "Project" and cues.search(unit.text[max(0, m.start - 40):m.start]):
                out.add(m.name, "implements", self.framework, unit, m.start, "goal-section", 0.5)
