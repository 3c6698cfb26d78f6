"""Relations stated by the structure of a passage rather than by a trigger verb.

Rule families (word lists are data: ``lexicons/structures.json``):

* strategy tables: a header row whose cells (tab or 2+ spaces) name a strategy column and a
  responsibility column ('Strategi eller plan  Ansvarig  Beslutad'); in each row below, the
  organisations of the responsibility cell are responsibleFor the strategies of the strategy cell;
* 'one of' apposition: 'X är en av Ys nämnder', 'X, ett av Ys bolag' (X partOf Y);
* members listed after a relative clause: 'Y är en förening där samtliga kommuner är medlemmar, bland dem
  A, B och C' (A, B, C partOf Y);
* members of an anaphoric whole: 'A, B och C är medlemmar i förbundet' (the organisation the previous
  sentence calls 'förbund', or the one whose name contains that noun).

Each observer sees the units in order and looks only at the mentions of the current unit (and the
previous one), so the cost is linear in the document.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .field_labels import role_labels

LEXICON = Path(__file__).parent / "lexicons" / "structures.json"
_W = r"[\wåäöÅÄÖ]"
_CELL_SEP = re.compile(r"\t|\s{2,}")
_LIST_SEP = re.compile(r"\s*(?:,|och|samt|&)\s*(?:och\s+)?(?:(?:från|av|genom)\s+)?$")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(LEXICON.read_text(encoding="utf-8"))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _rx(key: str) -> re.Pattern:
    lx = lexicon()
    if key == "one_of_gap":
        return re.compile(r"\s*(?:,\s*(?:som\s+är\s+)?|\s+(?:är|var|blev|blir)\s+(?:(?:numera|nu|sedan\s+\d{4}|också|även)\s+)?)"
                          r"(?:en|ett)\s+av\s+$", re.I)
    if key == "one_of_noun":
        return re.compile(r"\s+(?:[a-zåäö]+a\s+)?(?:" + _alt(lx["one_of_plural_nouns"]) + r")(?!" + _W + ")", re.I)
    if key == "genitive_gap":
        return re.compile(r"\s+(?:är|var|blev|blir)\s+(?:(?:numera|nu|sedan\s+\d{4}|också|även)\s+)?$", re.I)
    if key == "genitive_noun":
        return re.compile(r"\s+(?:(?:egna|eget|kommunala|gemensamma|gemensamt)\s+)?(?:" + _alt(lx["genitive_unit_nouns"])
                          + r")(?!" + _W + ")", re.I)
    if key == "among":
        return re.compile(r"(?<!" + _W + r")(?:där|i\s+vilken|i\s+vilket|vars)\s+[^.;:]{0,80}?(?:är|blivit|är\s+numera)\s+"
                          r"medlemmar(?:na)?(?!" + _W + r")[^.;:]{0,30}?,?\s*(?:" + _alt(lx["member_among"]) + r")\s*:?\s*$",
                          re.I)
    if key == "anaphor_member":
        return re.compile(r"\s+(?:är|var|blev|blir)\s+(?:[^.;:]{0,50}?\s)?medlemmar\s+i\s+(?:" + _alt(lx["member_anaphora"])
                          + r")(?!" + _W + ")", re.I)
    if key == "lead_marks":
        return re.compile(r"(?<!" + _W + r")(?:" + _alt(lx["lead_marks"]) + r")(?!" + _W + ")", re.I)
    if key == "cofinancing":
        c = lx["cofinancing"]
        return re.compile(r"\s*(?:(?:den|projektets|dess|all|hela)\s+)?(?:[a-zåäö]+(?:a|ska)\s+){0,3}(?:" + _alt(c["nouns"])
                          + r")\s+(?:(?:i\s+projektet|till\s+projektet|för\s+projektet|på\s+[\d\s]+(?:kronor|euro|kr)|"
                          r"om\s+[\d\s]+(?:kronor|euro|kr))\s+)?(?:" + _alt(c["verbs"]) + r")\s+", re.I)
    if key == "role_lists":
        nouns = lx["role_lists"]["participation"] + lx["role_lists"]["financing"]
        return re.compile(r"\s*(?:(?:projektets|de|dess)\s+)?(?P<roles>(?:" + _alt(nouns) + r")(?:\s+(?:och|samt)\s+(?:"
                          + _alt(nouns) + r"))?)(?:\s+i\s+projektet)?\s+(?:är|var|blir)\s+(?:(?:bland\s+annat|främst|"
                          r"också|även)\s+)?(?=[A-ZÅÄÖ])", re.I)
    if key == "managing_genitive":
        return re.compile(r"\s+(?:är|var|blir|blev)\s+(?:(?:även|också|numera|sedan\s+\d{4})\s+)?(" + _alt(lx["managing_anaphora"])
                          + r")\s+(?:[a-zåäö]+(?:a|ska)\s+){0,2}(?:" + _alt(lx["managing_nouns"]) + r")(?!" + _W + ")", re.I)
    if key == "table_strategy":
        return re.compile(r"^(?:" + _alt(lx["strategy_table"]["strategy_columns"]) + r")$", re.I)
    if key == "table_responsible":
        return re.compile(r"^(?:" + _alt(lx["strategy_table"]["responsible_columns"]) + r")$", re.I)
    raise KeyError(key)


def _cells(text: str) -> list[tuple[int, int]]:
    """Offsets of the cells of a table line (separated by a tab or two or more spaces)."""
    cells, pos = [], 0
    for sep in _CELL_SEP.finditer(text):
        if sep.start() > pos:
            cells.append((pos, sep.start()))
        pos = sep.end()
    if pos < len(text.rstrip()):
        cells.append((pos, len(text.rstrip())))
    return cells


class StrategyTable:
    """'Strategi  Ansvarig  Antagen' then rows 'S  X  2020': X responsibleFor S."""

    def __init__(self) -> None:
        self.cols: tuple[int, int] | None = None  # (strategy column, responsibility column)
        self.width = 0
        self.misses = 0
        self.run: list[str] = []  # header cells given one per line ('Strategi', 'Ansvarig', 'Antagen')
        self.vcols: tuple[int, int] | None = None  # columns of a table given one cell per line
        self.row: list = []  # the cells (units) of the current row of such a table

    def _vertical(self, unit, out) -> bool:
        """One cell per line: header cells, then rows of as many lines. True when the unit was consumed."""
        short = len(unit.text) <= 120 and len(unit.text.split()) <= 12
        if self.vcols is not None:
            if not short:
                self.vcols, self.row = None, []
                return False
            self.row.append(unit)
            if len(self.row) == self.width:
                (si, ri), row, self.row = self.vcols, self.row, []
                strategies = [m for m in row[si].ms if m.type == "Strategy"]
                for st in strategies[:1]:
                    for o in (m for m in row[ri].ms if m.type == "Organisation"):
                        out.add(o.name, "responsibleFor", st.name, row[ri], o.start, "strategy-table", 0.7)
            return True
        cell = unit.text.strip().rstrip(":")
        if short and not unit.ms and len(cell.split()) <= 3:
            self.run = (self.run + [cell])[-6:]
            return False
        run, self.run = self.run, []
        strat = next((i for i, c in enumerate(run) if _rx("table_strategy").match(c)), None)
        resp = next((i for i, c in enumerate(run) if _rx("table_responsible").match(c)), None)
        if strat is None or resp is None or not short or not unit.ms:
            return False
        start = min(strat, resp)  # header cells before the table's own belong to the text above
        self.vcols, self.width, self.row = (strat - start, resp - start), len(run) - start, [unit]
        return True

    def _header(self, unit) -> bool:
        if unit.ms or len(unit.text) > 160:
            return False
        cells = [unit.text[a:b].strip(" :|") for a, b in _cells(unit.text)]
        if len(cells) < 2:
            return False
        strat = next((i for i, c in enumerate(cells) if _rx("table_strategy").match(c)), None)
        resp = next((i for i, c in enumerate(cells) if _rx("table_responsible").match(c)), None)
        if strat is None or resp is None or strat == resp:
            return False
        self.cols, self.width, self.misses = (strat, resp), len(cells), 0
        return True

    def observe(self, unit, out) -> None:
        if self._vertical(unit, out):
            return
        if self._header(unit):
            return
        if self.cols is None:
            return
        cells = _cells(unit.text)
        if len(cells) < 2 or len(cells) > self.width + 1 or len(unit.text) > 300:
            self.misses += 1
            if self.misses > 1 or not unit.heading:
                self.cols = None  # prose: the table has ended
            return
        self.misses = 0
        (sa, sb), (ra, rb) = (cells[self.cols[0]] if self.cols[0] < len(cells) else (0, 0),
                              cells[self.cols[1]] if self.cols[1] < len(cells) else (0, 0))
        strategies = [m for m in unit.ms if m.type == "Strategy" and sa <= m.start and m.end <= sb]
        orgs = [m for m in unit.ms if m.type == "Organisation" and ra <= m.start and m.end <= rb]
        for s in strategies[:1]:
            for o in orgs:
                out.add(o.name, "responsibleFor", s.name, unit, o.start, "strategy-table", 0.75)


def _genitive_end(text: str, m) -> int | None:
    """Offset after the genitive of organisation mention ``m`` ('Region Xs nämnder', 'SKR:s bolag')."""
    suffix = re.match(r":?s(?=\s)", text[m.end:m.end + 3])
    if suffix:
        return m.end + suffix.end()
    if text[m.start:m.end].endswith("s"):
        return m.end
    return None


def one_of_plural(unit, out) -> None:
    """'Kulturnämnden är en av Region Xs nämnder', 'X, ett av Ys helägda bolag', 'X är Ys helägda moderbolag':
    X partOf Y."""
    text = unit.text
    orgs = [m for m in unit.ms if m.type == "Organisation"]
    for a, b in zip(orgs, orgs[1:]):
        if b.start - a.end > 60 or not _rx("one_of_gap").fullmatch(text[a.end:b.start]):
            continue
        end = _genitive_end(text, b)
        if end is not None and _rx("one_of_noun").match(text[end:end + 50]):
            out.add(a.name, "partOf", b.name, unit, a.start, "one-of-plural", 0.7)
    for a, b in zip(orgs, orgs[1:]):  # 'X är Ys helägda moderbolag'
        if b.start - a.end > 40 or not _rx("genitive_gap").fullmatch(text[a.end:b.start]):
            continue
        end = _genitive_end(text, b)
        if end is not None and _rx("genitive_noun").match(text[end:end + 50]):
            out.add(a.name, "partOf", b.name, unit, a.start, "genitive-unit", 0.65)


def _list_after(text: str, ms, pos: int, types=("Organisation",)) -> list:
    """The organisations enumerated from ``pos`` on ('A, B och C', 'A och från B')."""
    orgs = []
    for m in ms:
        if m.start < pos or m.type not in types:
            continue
        gap = text[pos:m.start]
        if orgs and not _LIST_SEP.fullmatch(gap) or not orgs and gap.strip():
            if not (orgs and re.fullmatch(r"\s*\([^()]{1,40}\)\s*(?:,|och|samt)?\s*(?:och\s+)?", gap)):
                break
        orgs.append(m)
        pos = m.end
    return orgs


def _list_before(text: str, ms, pos: int) -> list:
    """The organisations enumerated right before ``pos`` that open the clause ('A, B och C är ...')."""
    orgs = []
    for m in reversed([m for m in ms if m.end <= pos]):
        if m.type != "Organisation":
            break
        gap = text[m.end:pos]
        if orgs and not _LIST_SEP.fullmatch(gap) or not orgs and gap.strip():
            break
        orgs.insert(0, m)
        pos = m.start
    if orgs and text[:orgs[0].start].strip(" •-–*\t"):
        return []  # not the subject of the sentence
    return orgs


class Members:
    """Members listed after 'där ... är medlemmar, bland dem', and members of an anaphoric 'förbundet'."""

    def __init__(self) -> None:
        self.prev = None

    def _antecedent(self, unit, noun: str, before: int) -> str | None:
        stem = noun.lower()[:-2] if noun.lower().endswith(("et", "en")) else noun.lower()
        stem = stem.removesuffix("s")
        for u, limit in ((unit, before), (self.prev, None)):
            if u is None:
                continue
            orgs = [m for m in u.ms if m.type == "Organisation" and (limit is None or m.end <= limit)]
            named = [m for m in orgs if stem in m.name.lower()]
            if named:
                return named[-1].name
            if u is self.prev and orgs and stem in u.text.lower() \
                    and orgs[0].start <= 3:
                return orgs[0].name  # 'Y, som är kommunernas gemensamma förbund, ...'
        return None

    def observe(self, unit, out) -> None:
        text, ms = unit.text, unit.ms
        if "medlem" not in text.lower():
            self.prev = unit
            return
        for m in ms:
            if m.type != "Organisation":
                continue
            hit = _rx("among").search(text[:m.start])
            if not hit or [x for x in ms if hit.start() <= x.start < m.start]:
                continue
            wholes = [x for x in ms if x.end <= hit.start() and x.type == "Organisation"]
            if wholes and hit.start() - wholes[-1].end <= 60:
                for o in _list_after(text, ms, m.start):
                    out.add(o.name, "partOf", wholes[-1].name, unit, o.start, "members-among", 0.7)
            break
        for hit in _rx("anaphor_member").finditer(text):
            members = _list_before(text, ms, hit.start())
            if not members:
                continue
            noun = text[hit.end() - len(hit.group(0).split()[-1]):hit.end()]
            whole = self._antecedent(unit, noun, members[0].start)
            for o in members:
                if whole and whole != o.name:
                    out.add(o.name, "partOf", whole, unit, o.start, "members-anaphor", 0.65)
        self.prev = unit


# ---------------------------------------------------------------------------------------- project pages

_BULLET = re.compile(r"^\s*[•\-–*▪·]\s*")
_BULLET_SPLIT = re.compile(r"\s[•▪·]\s|^\s*[•\-–*▪·]\s*")


class LabelledList:
    """'Projektpartner' on its own line, then '• A, Finland – leadpartner • B, Sverige': A and B take part in the
    project of the page (A leads it); 'Finansiärer' then a list: the project is fundedBy them."""

    def __init__(self) -> None:
        self.pred: str | None = None

    def observe(self, unit, out, project: str | None) -> None:
        label = unit.text.strip().rstrip(":").strip().lower()
        role = role_labels().get(label) if len(label) < 40 else None
        if role and not unit.ms:
            self.pred = role
            return
        if self.pred is None:
            return
        pred, self.pred = self.pred, None
        text = unit.text
        listed = bool(_BULLET.match(text)) or (unit.heading and unit.ms and unit.ms[0].start <= 2)
        if not listed or not project:
            return
        self.pred = pred  # the list may go on in the next unit
        bullets = [b.end() for b in _BULLET_SPLIT.finditer(text)] + [len(text)]
        marks = _rx("lead_marks")
        for m in unit.ms:
            if pred == "fundedBy":
                if m.type in ("Organisation", "FundingSource"):
                    out.add(project, "fundedBy", m.name, unit, m.start, "labelled-list", 0.7)
                continue
            if m.type != "Organisation":
                continue
            stop = next((b for b in bullets if b > m.end), len(text))
            p = "leads" if pred == "leads" or marks.search(text[m.end:stop]) else "participatesIn"
            out.add(m.name, p, project, unit, m.start, "labelled-list", 0.7)


def cofinancing(unit, out, project: str | None) -> None:
    """'Den svenska medfinansieringen kommer från A och från B': the project of the section is fundedBy A and B."""
    if not project:
        return
    hit = _rx("cofinancing").match(unit.text)
    if not hit:
        return
    for m in _list_after(unit.text, [m for m in unit.ms if m.type in ("Organisation", "FundingSource")], hit.end(),
                         types=("Organisation", "FundingSource")):
        out.add(project, "fundedBy", m.name, unit, m.start, "cofinancing", 0.7)


def role_lists(unit, out, project: str | None) -> None:
    """'Deltagande kommuner och medfinansiärer är A, B samt C': the listed organisations take part in the project of
    the section (a participation noun) and finance it (a financing noun)."""
    if not project:
        return
    hit = _rx("role_lists").match(unit.text)
    if not hit:
        return
    roles = hit.group("roles").lower()
    financing, taking_part = (any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", roles) for n in lexicon()["role_lists"][kind])
                              for kind in ("financing", "participation"))
    for m in _list_after(unit.text, unit.ms, hit.end(), types=("Organisation", "FundingSource")):
        if taking_part and m.type == "Organisation":
            out.add(m.name, "participatesIn", project, unit, m.start, "role-list", 0.7)
        if financing:
            out.add(project, "fundedBy", m.name, unit, m.start, "role-list", 0.7)


# ---------------------------------------------------------------------------------------- fund anaphora

_FUND_NOUN = re.compile(r"\s*(?:för\s+|inom\s+|av\s+)?([a-zåäö]+)", re.I)


def anaphor_fund(text: str, pos: int, candidates: list[str]) -> str | None:
    """The funding source meant by the definite noun at ``pos`` ('förvaltande myndighet för programmet'):
    of ``candidates`` (most recent last), the last whose name fits the noun's head ('programmet' -> a
    programme, not the fund that finances it), else the last one."""
    if not candidates:
        return None
    word = _FUND_NOUN.match(text, pos)
    noun = word.group(1).lower() if word else ""
    for head, fits in lexicon()["fund_anaphor_heads"].items():
        if head in noun:
            for name in reversed(candidates):
                if any(f in name.lower() for f in fits):
                    return name
            break
    return candidates[-1]


def managing_genitive(unit, out, recent: list[str]) -> None:
    """'Troms fylkeskommune är programmets norska förvaltningsorgan': the subject manages the programme meant."""
    hit = _rx("managing_genitive").search(unit.text)
    if not hit:
        return
    subject = [m for m in unit.ms if m.type == "Organisation" and m.end <= hit.start()]
    if not subject or unit.text[subject[-1].end:hit.start()].strip() or unit.text[:subject[0].start].strip(" •-–"):
        return
    named = [m.name for m in unit.ms if m.type == "FundingSource" and m.end <= hit.start()]
    fund = anaphor_fund(hit.group(1), 0, [f for f in recent if f not in named] + named)
    if fund:
        out.add(subject[-1].name, "manages", fund, unit, subject[-1].start, "managing-genitive", 0.65)


# ---------------------------------------------------------------------------------------- self reference

# not 'Länsstyrelsen i X län' (a name), nor 'Länsstyrelsen och kommunerna' (a definite plural: a generic division
# of roles)
_SELF_WORD = re.compile(r"(?<![\wåäöÅÄÖ-])(Länsstyrelsen|Regionen|Kommunen)(?![\wåäöÅÄÖ:-])(?!\s+(?:i|för)\s+[A-ZÅÄÖ])"
                        r"(?!\s*(?:,|och|samt|eller)\s+(?:de\s+|alla\s+|övriga\s+)?[a-zåäö]+na(?![\wåäö]))")


def self_mentions(units, selves: dict[str, str], make) -> None:
    """'Klimatstrategin har tagits fram av Länsstyrelsen tillsammans med Region X': the capitalised kind noun
    that names the report's own body ('Länsstyrelsen' in a county board's report, resolved by ``selves``) is
    a mention of that body wherever it stands, so passive agents and lists see it. ``make`` builds a mention."""
    if not selves:
        return
    for u in units:
        added = []
        for hit in _SELF_WORD.finditer(u.text):
            name = selves.get(hit.group(1).lower())
            if not name or any(m.start < hit.end() and hit.start() < m.end for m in u.ms):
                continue
            added.append(make(name, "Organisation", hit.start(), hit.end(), u.line_at(hit.start())))
        if added:
            u.ms = sorted(u.ms + added, key=lambda m: m.start)


# ---------------------------------------------------------------------------------------- goals of a strategy

class GoalCitations:
    """'Strategin är uppbyggd kring fem mål:' + 'Mål 1 – ...', later 'P bidrar till Mål 2': P implements the
    strategy whose goals were listed (named in the lead-in, or for 'Strategin' the document's main strategy)."""

    def __init__(self, units) -> None:
        gl = lexicon()["goal_citations"]
        self.cites = re.compile(gl["cites"], re.I)
        self.owner: str | None = None
        item = re.compile(gl["goal_item"])
        anaphor = re.compile(gl["strategy_anaphora"], re.I)
        first = next((m.name for u in units for m in u.ms if m.type == "Strategy"), None)
        for i, u in enumerate(units):
            if not item.match(u.text):
                continue
            for lead in reversed(units[max(0, i - 3):i]):
                if not re.search(r"(?<![\wåäö])mål(?![\wåäö])", lead.text, re.I):
                    continue
                named = [m.name for m in lead.ms if m.type == "Strategy"]
                if named:
                    self.owner = named[-1]
                elif anaphor.search(lead.text) and first:
                    self.owner = first  # the strategy a follow-up report opens with is the one it follows up
                break
            if self.owner:
                break

    def observe(self, unit, out, project: str | None) -> None:
        if not self.owner:
            return
        hit = self.cites.search(unit.text)
        if not hit:
            return
        named = [m for m in unit.ms if m.type == "Project" and m.end <= hit.start()]
        who = named[0].name if named else project
        if who and not any(m.type == "Strategy" and m.name == self.owner for m in unit.ms):
            out.add(who, "implements", self.owner, unit, hit.start(), "goal-citation", 0.6)


# ---------------------------------------------------------------------------------------- name echoes

_ECHO = re.compile(r"(?:(?:Inom|I|Genom)\s+)?(?:(?:[Dd]en|[Dd]et|[Dd]enna|[Dd]etta)\s+(?:[a-zåäö-]+a\s+){0,2})?"
                   r"([A-ZÅÄÖa-zåäö][a-zåäö-]{3,}?)(?:en|et|n|t)\s")


def echo_anaphor(text: str, project: str | None) -> bool:
    """'Den digitala tvillingen är ...' after 'Malmfältens digitala tvilling', 'Testbädden ...' after 'Arktisk
    testbädd för vätgas': a definite noun opening the clause that echoes a word of the project named before."""
    if not project:
        return False
    m = _ECHO.match(text)
    if not m:
        return False
    stem = m.group(1).lower()
    return any(w == stem or (w.endswith(stem) and len(stem) >= 5) for w in re.findall(r"[\wåäö]+", project.lower()))
