"""Layout blocks cut into cells by what each cell must look like, and the relations a block states.

A row of an owner-first grant table is "<owner> <project name> <amount>" with single spaces.
The amount is found at the end (:data:`structure.AMOUNT_END`); the owner is the start of the
row that has the shape of an organisation: a name closed by a legal form ("AB"), a name the
document or the gazetteers know, a name repeated at the start of several rows, a name ending in an
organisation word ("kommun", "ekonomisk förening", "län") or opening like one ("Stift X"), or the
rules' organisation at the start of the row; the project is what lies between. Column gaps, where
a PDF kept them, cut first. A fact box's values are its cells (a list value split into items, not
inside a name the rules found); a list block's items are its cells, typed by the lead-in's cue.
The cells replace whatever the prose rules made of those lines, and each block states its layout's
relations (owner leads the project, the project is funded by the fund of the heading above ...).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .entity_rules import head_type, load_lexicon
from .normalize import Normalized
from .records import Mention, Relation
from .resolve import norm_key
from .structure import AMOUNT_END, Layout, Structure, list_item

LAYOUT_RULE = "layout:"  # a layout mention's and relation's extractor: "layout:<layout name>"
_TOKEN = re.compile(r"\S+")
MAX_OWNER_WORDS = 8
_LEGAL_FORMS = {"ab", "hb", "kb", "(publ)", "ab,"}
_JOINING_WORDS = {"i", "för", "och", "av", "på", "vid", "med", "till"}  # "Länsstyrelsen i" is half a name
_TITLE_TAIL_WORDS = _JOINING_WORDS | {"från", "mot", "om", "inom", "som", "att", "en", "ett", "the", "of", "for", "and",
                                      "in", "to"}  # a title does not end in one
_CELL_START = re.compile(r"[\wÅÄÖåäö\"'”“«(]")


@lru_cache(maxsize=1)
def _known_organisations() -> frozenset[str]:
    """Gazetteer organisation names and aliases (official municipality names among them), as keys;
    not bare places ("Örebro" starts "Örebro Läns Landsting" too)."""
    lex = load_lexicon()
    keys = {norm_key(n) for name, aliases, t in lex.names if t == "Organisation" for n in (name, *aliases)}
    return frozenset(keys - {norm_key(p) for p in lex.places})


@dataclass
class Cut:
    """A table row, fact box or list block cut into cells: each role's (start, end, text) cells in the normalised
    text, the spans whose prose-rule mentions the cells replace, the first line, the evidence text,
    and roles that mentions already fill (the fund a heading above names, a list's lead-in)."""

    layout: Layout
    cells: dict[str, list[tuple[int, int, str]]]
    spans: list[tuple[int, int]]
    line: int
    text: str
    given: dict[str, Mention] = field(default_factory=dict)  # roles filled by mentions already made
    relations: tuple[tuple[str, str, str], ...] | None = None  # the layout's, unless the cut says otherwise
    types: dict[int, str] = field(default_factory=dict)  # a cell's type by its start, over the layout's
    in_sentences: bool = False  # the cells also stand in their sentences, for the prose relation rules


class MentionIndex:
    """A document's mentions by offset and its funding sources by line, for range lookups: a layout
    asks about every row, box and list of a document, which must not cost a scan of all mentions each."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.all = mentions
        self.by_start = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.by_start]
        self.funds = sorted((m for m in mentions if m.type == "FundingSource"), key=lambda m: m.line)
        self.fund_lines = [m.line for m in self.funds]

    def starting_in(self, a: int, b: int) -> list[Mention]:
        """The mentions that start at an offset in [a, b), in text order."""
        return self.by_start[bisect_left(self.starts, a):bisect_left(self.starts, b)]

    def before(self, pos: int) -> Iterator[Mention]:
        """The mentions that start before ``pos``, nearest first."""
        return reversed(self.by_start[:bisect_left(self.starts, pos)])

    def funds_on_lines(self, first: int, end: int) -> list[Mention]:
        """The funding sources mentioned on lines [first, end)."""
        return self.funds[bisect_left(self.fund_lines, first):bisect_left(self.fund_lines, end)]


def _as_index(mentions: MentionIndex | list[Mention]) -> MentionIndex:
    return mentions if isinstance(mentions, MentionIndex) else MentionIndex(mentions)


class _Covered:
    """Membership of an offset in a set of [start, end) spans (merged and searched, not scanned)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def _row_span(norm: Normalized, table_row: list[int]) -> tuple[int, int] | None:
    """The row's offsets in the normalised text: from its first line to the paragraph break."""
    start = _offset_of_line(norm, table_row[0])
    if start is None:
        return None
    end = norm.text.find("\n\n", start)
    return start, len(norm.text) if end < 0 else end


def _offset_of_line(norm: Normalized, lineno: int) -> int | None:
    """Where original line ``lineno`` starts in the normalised text (None if it was dropped or joined)."""
    lm = norm.linemap
    i = bisect_left(lm.lines, lineno)  # the segments' lines rise with their offsets
    return lm.starts[i] if i < len(lm.lines) and lm.lines[i] == lineno else None


def _owner_score(owner: str, words: list[str], layout: Layout, known: set[str], repeated: set[str],
                 rule_org: bool) -> int:
    """How strongly the first words of a row look like its owner cell (0: not at all)."""
    key = norm_key(owner)
    last = words[-1].casefold()
    if last in _LEGAL_FORMS and len(words) > 1:
        return 5  # "ALMI Invest Stockholm AB": a legal form closes a company's name, whatever a known name inside says
    if key in known:
        return 4
    if key in repeated:
        return 3  # rows of one owner repeat its name; project names do not repeat
    if last in layout.owner_end_words or head_type(owner, load_lexicon()) == "Organisation":
        return 2
    if words[0].casefold() in layout.owner_start_words and (len(words) == 2 or len(words) == 4 and words[2] == "i"):
        return 2  # "Stift Drivhuset", "Region Gotland", "Stift Inova i Wermland"
    return 1 if rule_org else 0


def _owner_end(words: list[re.Match], known: set[str], layout: Layout, rule_orgs: list[tuple[int, int]],
               repeated: set[str] = frozenset()) -> int | None:
    """How many words of a row make its owner cell, or None when no prefix has an organisation's shape.
    The strongest evidence wins; among equals the one the rules found too, then the longest
    ("Norrbottens Energikontor AB", not "Norrbottens Energikontor")."""
    best: tuple[int, bool, int] | None = None  # (score, the rules' organisation, words)
    for k in range(1, min(len(words), MAX_OWNER_WORDS + 1)):
        nxt = words[k].group()
        if not (_CELL_START.match(nxt) and (nxt[0].isupper() or nxt[0].isdigit() or not nxt[0].isalpha())):
            continue
        prefix = [w.group() for w in words[:k]]
        rule_org = any(s == words[0].start() and e == words[k - 1].end() for s, e in rule_orgs)
        score = _owner_score(" ".join(prefix), prefix, layout, known, repeated, rule_org)
        if score and (best is None or (score, rule_org, k) > best):
            best = (score, rule_org, k)
    if best is None:
        return None
    k = best[2]
    while k + 1 < len(words) and words[k].group().casefold() in _LEGAL_FORMS:
        k += 1  # "Chalmers tekniska högskola AB": the legal form belongs to the owner
    return k


def repeated_prefixes(rows: list[str], layout_start_words: frozenset[str] = frozenset(), max_words: int = 5) -> set[str]:
    """First-word runs (as keys) that start two or more rows of one table: owners with several projects;
    not a bare place ("Örebro" starts "Örebro kommun" and "Örebro universitet") or a name's first word ("Stift")."""
    counts: dict[str, int] = {}
    for text in rows:
        words = text.split()
        for k in range(1, min(max_words, len(words) - 1) + 1):
            key = norm_key(" ".join(words[:k]))
            counts[key] = counts.get(key, 0) + 1
    places = {norm_key(p) for p in load_lexicon().places}
    return {k for k, n in counts.items() if n >= 2 and len(k) > 3 and k not in places
            and k not in layout_start_words and k.rsplit(" ", 1)[-1] not in _JOINING_WORDS}


def _owner_start(words: list[re.Match], known: set[str], layout: Layout, rule_orgs: list[tuple[int, int]],
                 repeated: set[str] = frozenset()) -> int | None:
    """Where the owner cell starts (a word index) in a project-first row, or None: the last words of the
    row that have an organisation's shape, opening with a capital. A cut that leaves the title ending in a
    preposition or a comma loses ("Fler affärer till | Norrbotten Investeringar i Norrbotten AB"); then strong
    evidence (a legal form, a known name); among weaker evidence an owner opening with a place or an owner
    word ("Göteborgs kommun", not "Shop Göteborgs kommun"; "Gävleborgs Läns Landsting", not the "Läns
    Landsting" that ends several rows); then the score, the rules' organisation, the longest
    ("Norrbottens Energikontor AB", not "Energikontor AB")."""
    best: tuple | None = None
    for k in range(1, min(len(words) - 1, MAX_OWNER_WORDS) + 1):
        first = words[-k].group()
        if not first[0].isupper() or first.casefold() in _LEGAL_FORMS:
            continue
        suffix = [w.group() for w in words[-k:]]
        rule_org = any(s == words[-k].start() and e == words[-1].end() for s, e in rule_orgs)
        score = _owner_score(" ".join(suffix), suffix, layout, known, repeated, rule_org)
        strong = score >= 4  # a legal form or a known name: a company's name may open with anything
        key = (not _dangling(words[-k - 1].group()), strong, not strong and _opens_owner(first, layout), score, rule_org, k)
        if score and (best is None or key > best):
            best = key
    return None if best is None else len(words) - best[-1]


def _dangling(word: str) -> bool:
    """Whether a title ending in ``word`` is cut short: "Fler internationella affärer till", "Subsea Brg,"."""
    return word.endswith(",") or word.casefold() in _TITLE_TAIL_WORDS


def _opens_owner(word: str, layout: Layout) -> bool:
    """Whether an owner's name may open with ``word``: a place or its genitive ("Göteborgs"), an owner word."""
    lex, w = load_lexicon(), word.casefold()
    bare = w[:-1] if w.endswith("s") else None
    return w in layout.owner_start_words or any(w in ps or bare in ps for ps in (lex.places, lex.counties))


def repeated_suffixes(rows: list[str], max_words: int = 5) -> set[str]:
    """Last-word runs (as keys, before the amount) that end two or more rows of a project-first table: owners."""
    counts: dict[str, int] = {}
    for text in rows:
        amount = AMOUNT_END.search(text)
        words = (text[:amount.start()] if amount else text).split()
        for k in range(1, min(max_words, len(words) - 1) + 1):
            key = norm_key(" ".join(words[-k:]))
            counts[key] = counts.get(key, 0) + 1
    return {k for k, n in counts.items() if n >= 2 and len(k) > 3}


def _cut_project_first(body: str, offset: int, layout: Layout, known: set[str],
                       rule_orgs: list[tuple[int, int]], repeated: set[str]) -> dict[str, tuple[int, int, str]] | None:
    words = list(_TOKEN.finditer(body))
    k = _owner_start(words, known, layout, [(s - offset, e - offset) for s, e in rule_orgs], repeated)
    if k is None or k == 0:
        return None
    p_end, o_start = words[k - 1].end(), words[k].start()
    if len(re.findall(r"[^\W\d_]{3,}", body[:p_end])) < 1:
        return None
    return {"project": (offset, offset + p_end, body[:p_end]),
            "owner": (offset + o_start, offset + len(body), body[o_start:])}


def cut_row(text: str, offset: int, layout: Layout, known: set[str],
            rule_orgs: list[tuple[int, int]], repeated: set[str] = frozenset()) -> dict[str, tuple[int, int, str]] | None:
    """Cells of one row ``text`` starting at ``offset`` (owner first, or project first when the layout's
    first role is the project); None when the row cannot be cut."""
    amount = AMOUNT_END.search(text)
    if amount is None:
        return None
    body = text[:amount.start()].rstrip()
    first, second = ("project", "owner") if layout.first_role == "project" else ("owner", "project")
    if "  " in body:  # a column gap kept by the normaliser
        parts = [p for p in re.split(r"\s{2,}", body) if p.strip()]
        if len(parts) == 2:
            return {first: (offset, offset + len(parts[0]), parts[0]),
                    second: (offset + body.rindex(parts[1]), offset + len(body), parts[1])}
    if first == "project":
        return _cut_project_first(body, offset, layout, known, rule_orgs, repeated)
    words = list(_TOKEN.finditer(body))
    k = _owner_end(words, known, layout, [(s - offset, e - offset) for s, e in rule_orgs], repeated)
    if k is None:
        return None
    o_end, p_start = words[k - 1].end(), words[k].start()
    project = body[p_start:]
    if len(re.findall(r"[^\W\d_]{3,}", project)) < 1:
        return None
    return {"owner": (offset, offset + o_end, body[:o_end]),
            "project": (offset + p_start, offset + len(body), project)}


def table_rows(structure: Structure, norm: Normalized, mentions: MentionIndex | list[Mention]) -> list[Cut]:
    """Every row of every table of ``structure`` cut into cells (rows that cannot be cut are left out)."""
    index = _as_index(mentions)
    all_rows = [[(lines, sp) for lines in t.rows if (sp := _row_span(norm, lines))] for t in structure.tables]
    in_rows = _Covered([sp for rows in all_rows for _, sp in rows])
    known = set(_known_organisations())  # and what the prose (not the rows: no cells there yet) names
    known |= {norm_key(m.text) for m in index.all if m.type == "Organisation" and m.start not in in_rows}
    out = []
    for table, rows in zip(structure.tables, all_rows):
        texts = [norm.text[s:e] for _, (s, e) in rows]
        project_first = table.layout.first_role == "project"
        repeated = repeated_suffixes(texts) if project_first else repeated_prefixes(texts, table.layout.owner_start_words)
        for lines, (s, e) in rows:
            rule_orgs = [(m.start, m.end) for m in (index.starting_in(s, e) if project_first else index.starting_in(s, s + 1))
                         if m.type == "Organisation" and m.end <= e]
            cells = cut_row(norm.text[s:e], s, table.layout, known, rule_orgs, repeated)
            if cells:
                known.add(norm_key(cells["owner"][2]))
                fund = _fund_above(index, table.header_line - table.layout.fund_from_heading_lines,
                                   table.header_line, table.heading_lines)
                out.append(Cut(table.layout, {r: [c] for r, c in cells.items()}, [(s, max(c[1] for c in cells.values()))],
                               lines[0], norm.text[s:e], {"fund": fund} if fund else {}))
    return out


_ITEM_SPLIT = re.compile(r"\s*(?:,|;|\bsamt\b|\boch\b)\s*")
_ROLE_NOTE = re.compile(r"\s*\((?:LP|PP|AP|lead partner|partner|huvudpartner)\)\s*$", re.I)


def _items(value: str, start: int, split: bool, names: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """A fact line's value as cells: the whole value (a project's name), or its list items. A separator
    inside a name the rules found (``names``: spans in the normalised text) does not split it:
    "Interreg Nordliga periferin och Arktis" is one funder."""
    pieces = [(start, value)] if not split else []
    if split:
        pos = 0
        seps = [m for m in _ITEM_SPLIT.finditer(value)
                if not any(a < start + m.start() and start + m.end() < b for a, b in names)]
        for m in seps + [None]:
            end = m.start() if m else len(value)
            pieces.append((start + pos, value[pos:end]))
            pos = m.end() if m else pos
    out = []
    for s, text in pieces:
        text = _ROLE_NOTE.sub("", text).rstrip(" .")
        if re.search(r"[^\W\d_]{2,}", text) and text[:1].isupper() or text[:1].isdigit():
            out.append((s, s + len(text), text))
    return out


def box_cuts(structure: Structure, norm: Normalized, mentions: MentionIndex | list[Mention]) -> list[Cut]:
    """Every fact box's values as cells: the project's name whole, owners, partners and funders as list items."""
    index = _as_index(mentions)
    out = []
    for box in structure.boxes:
        cells: dict[str, list[tuple[int, int, str]]] = {}
        spans = []
        title = _row_span(norm, [box.title_line]) if box.title_line else None
        if title:
            cells["project"] = _items(norm.text[title[0]:title[1]], title[0], False)
            spans.append(title)
        for lineno, role in box.fields:
            span = _row_span(norm, [lineno])
            if span is None:
                continue
            s, e = span
            colon = norm.text.index(":", s) + 1
            v0 = colon + len(norm.text[colon:e]) - len(norm.text[colon:e].lstrip())
            names = [(m.start, m.end) for m in index.starting_in(v0, e) if m.source == "rules"]
            cells.setdefault(role, []).extend(_items(norm.text[v0:e], v0, role != "project", names))
            spans.append((v0, e))
        if "project" in cells and len(cells) >= box.layout.min_roles:
            fund = _fund_above(index, 0, box.first_line, box.heading_lines, only_headings=True)
            given = {"fund": fund} if fund else {}
            given.update(_described(box, norm, index))
            out.append(Cut(box.layout, cells, spans, box.first_line, _box_text(norm, spans), given))
    return out


def _description_verbs(layout: Layout) -> list[tuple[str, str, re.Pattern]]:
    """(role, type, 'verb + article right before the name') of the layout's 'description_verbs'."""
    out = []
    for role, spec in layout.data.get("description_verbs", {}).items():
        verbs = "|".join(re.escape(v) for v in spec["verbs"])
        out.append((role, spec["type"], re.compile(rf"\b(?:{verbs})\s+(?:(?:det|den|de)\s+)?$", re.I)))
    return out


def _described(box, norm: Normalized, index: MentionIndex, max_lines: int = 6) -> dict[str, Mention]:
    """Roles the box's description fills: in the paragraph right after the label lines, a name of the
    role's type right after one of its verbs ('Projektets aktiviteter innebär att förvalta det operativa
    programmet för X': the owner manages X)."""
    verbs = _description_verbs(box.layout)
    if not verbs or not box.label_lines:
        return {}
    out: dict[str, Mention] = {}
    for lineno in range(max(box.label_lines) + 1, max(box.label_lines) + 1 + max_lines):
        start = _offset_of_line(norm, lineno)
        if start is None:
            continue
        end = norm.text.find("\n\n", start)
        end = len(norm.text) if end < 0 else end
        for m in index.starting_in(start, end):
            for role, etype, before in verbs:
                if role not in out and m.type == etype and before.search(norm.text[max(start, m.start - 40):m.start]):
                    out[role] = m
        break  # the description is the first paragraph after the box
    return out


def list_cuts(structure: Structure, norm: Normalized, mentions: MentionIndex | list[Mention]) -> list[Cut]:
    """Every list block's items as cells, typed by the lead-in's cue unless a rule named the whole item;
    the lead-in's first organisation and project fill the cue's relations."""
    index = _as_index(mentions)
    out = []
    for block in structure.lists:
        lead = _row_span(norm, [block.leadin_line])
        cells, spans, types = [], [], {}
        for lineno in block.items:
            span = _row_span(norm, [lineno])
            name = list_item(norm.text[span[0]:span[1]], block.layout) if span else None
            if not name:
                continue
            s = norm.text.index(name, span[0])
            cells.append((s, s + len(name), name))
            spans.append((s, s + len(name)))
            known = [m for m in index.starting_in(s, s + 1) if m.end == s + len(name) and m.rule == "rule:gaz"]
            types[s] = known[0].type if known else block.cue["item_type"]  # the cue types all but known names
        given = _lead_in_roles(index, lead, norm.text[lead[0]:lead[1]], block.leadin_line) if lead else {}
        if cells:
            rels = tuple(tuple(r) for r in block.cue["relations"])
            text = norm.text[lead[0]:lead[1]] if lead else ""
            out.append(Cut(block.layout, {"item": cells}, spans, block.leadin_line, text, given, rels, types, True))
    return out


_PROJECT_ANAPHOR = re.compile(r"\bprojekt(?:et|ets)\b", re.I)
ANAPHOR_LINES = 3  # how far back 'projektet' in a lead-in looks for the project it means


def _lead_in_roles(index: MentionIndex, lead: tuple[int, int], text: str, line: int) -> dict[str, Mention]:
    """The lead-in's first organisation and project; 'Partner i projektet är:' means the project
    named last in the lines just before it."""
    given = {}
    inside = index.starting_in(lead[0], lead[1])
    for role, etype in (("leadin_org", "Organisation"), ("leadin_project", "Project")):
        first = next((m for m in inside if m.type == etype), None)
        if first:
            given[role] = first
    if "leadin_project" not in given and _PROJECT_ANAPHOR.search(text):
        for m in index.before(lead[0]):
            if m.line < line - ANAPHOR_LINES:
                break
            if m.type == "Project":
                given["leadin_project"] = m
                break
    return given


def _box_text(norm: Normalized, spans: list[tuple[int, int]]) -> str:
    return " | ".join(norm.text[s:e] for s, e in spans)


def _fund_above(index: MentionIndex, first: int, line: int, headings: list[int],
                only_headings: bool = False) -> Mention | None:
    """The funding source named closest above ``line`` (from line ``first``); one named in a heading
    line before one named in prose, and only one in a heading if ``only_headings``."""
    heads = set(headings)
    near = [m for m in index.funds_on_lines(first, line) if m.line in heads or not only_headings]
    return max(near, key=lambda m: (m.line in heads, m.line, m.start)) if near else None


def _label_spans(structure: Structure, norm: Normalized) -> list[tuple[int, int]]:
    """Table headers and the labels of fact-box lines ('Ärende-id:', 'Projekttid:'): no name is made of them."""
    out = []
    for table in structure.tables:  # a header row ("PROJEKTÄGARE PROJEKTNAMN BELOPP KR") names no one
        header = _row_span(norm, [table.header_line])
        if header:
            out.append(header)
    for box in structure.boxes:
        for lineno in box.label_lines:
            s = _offset_of_line(norm, lineno)
            if s is not None:
                out.append((s, norm.text.find(":", s)))
    return out


def apply_layouts(structure: Structure, norm: Normalized, mentions: list[Mention], sentences) -> tuple[list[Mention], list]:
    """Replace what the prose rules found in table rows and fact-box values by the layouts' cells.

    Returns the new mention list and the plans ((subject mention, predicate, object mention, line,
    evidence, layout)) for :func:`layout_relations` once the mentions are resolved."""
    if not structure.tables and not structure.boxes and not structure.lists:
        return mentions, []
    index = MentionIndex(mentions)
    cuts = table_rows(structure, norm, index) + box_cuts(structure, norm, index) + list_cuts(structure, norm, index)
    covered = _Covered([sp for cut in cuts for sp in cut.spans] + _label_spans(structure, norm))
    inside = {id(m) for m in mentions if m.start in covered}
    kept = [m for m in mentions if id(m) not in inside]
    for sent in sentences:
        sent.mentions = [m for m in sent.mentions if id(m) not in inside]
    plans = []
    for cut in cuts:
        made = {role: [Mention(text, cut.types.get(s) or cut.layout.cell_types[role], norm.line_at(s), s, e, "rules",
                               f"{LAYOUT_RULE}{cut.layout.name}:{role}") for s, e, text in cells]
                for role, cells in cut.cells.items() if role in cut.layout.cell_types}
        kept.extend(m for ms in made.values() for m in ms)
        if cut.in_sentences:
            _place_in_sentences([m for ms in made.values() for m in ms], sentences)
        elif cut.layout.label_roles.get("topic") in made:  # "Projektnamn: P": the prose below the box is about P
            _place_in_sentences(made[cut.layout.label_roles["topic"]], sentences)
        for role, m in cut.given.items():
            made.setdefault(role, [m])
        for s_role, pred, o_role in cut.relations or cut.layout.relations:
            for subj in made.get(s_role, ()):
                for obj in made.get(o_role, ()):
                    line = max(m.line for m in (subj, obj) if m.rule.startswith(LAYOUT_RULE))
                    plans.append((subj, pred, obj, line, cut.text, cut.layout))
    return kept, plans


def _place_in_sentences(made: list[Mention], sentences) -> None:
    """Put each new mention into the sentence that holds it, in text order."""
    starts = [sent.start for sent in sentences]
    for m in made:
        i = bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < sentences[i].start + len(sentences[i].text):
            sentences[i].mentions.append(m)
            sentences[i].mentions.sort(key=lambda x: x.start)


def layout_relations(plans, name_of: dict[int, str]) -> list[Relation]:
    """The relations of the layout plans, named by the resolved entities."""
    out = []
    for subj, pred, obj, line, text, layout in plans:
        s, o = name_of.get(id(subj)), name_of.get(id(obj))
        if s and o and s != o:
            out.append(Relation(s, pred, o, line, text[:300], LAYOUT_RULE + layout.name, layout.confidence))
    return out
