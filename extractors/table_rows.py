"""Table rows cut into cells by what each cell must look like, and the relations a row states.

A row of an owner-first grant table is "<owner> <project name> <amount>" with single spaces.
The amount is found at the end (:data:`structure.AMOUNT_END`); the owner is the start of the
row that has the shape of an organisation: a name the document or the gazetteers know, a name
ending in an organisation word ("kommun", "AB", "ekonomisk förening", "län"), or the rules'
organisation at the start of the row; the project is what lies between. Column gaps, where a
PDF kept them, cut first. The cells replace whatever the prose rules made of the row, and the
row states the layout's relations (owner leads the project, the project is funded by the fund
of the heading above the table).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .entity_rules import head_type, load_lexicon
from .normalize import Normalized
from .records import Mention, Relation
from .resolve import norm_key
from .structure import AMOUNT_END, Layout, Structure, Table

LAYOUT_RULE = "layout:"  # a layout mention's and relation's extractor: "layout:<layout name>"
_TOKEN = re.compile(r"\S+")
_CELL_START = re.compile(r"[\wÅÄÖåäö\"'”“«(]")


@lru_cache(maxsize=1)
def _known_organisations() -> frozenset[str]:
    """Gazetteer organisation names and aliases (official municipality names among them), as keys."""
    lex = load_lexicon()
    return frozenset(norm_key(n) for name, aliases, t in lex.names if t == "Organisation" for n in (name, *aliases))


@dataclass
class Row:
    """One cut row: each role's (start, end, text) in the normalised text, and its first line."""

    cells: dict[str, tuple[int, int, str]]
    line: int
    text: str


def _row_span(norm: Normalized, table_row: list[int]) -> tuple[int, int] | None:
    """The row's offsets in the normalised text: from its first line to the paragraph break."""
    start = _offset_of_line(norm, table_row[0])
    if start is None:
        return None
    end = norm.text.find("\n\n", start)
    return start, len(norm.text) if end < 0 else end


def _offset_of_line(norm: Normalized, lineno: int) -> int | None:
    lm = norm.linemap
    for off, ln in zip(lm.starts, lm.lines):
        if ln == lineno:
            return off
        if ln > lineno:
            return None
    return None


def _owner_end(words: list[re.Match], known: set[str], layout: Layout, rule_orgs: list[tuple[int, int]]) -> int | None:
    """How many words of a row make its owner cell, or None when no prefix has an organisation's shape."""
    best: tuple[int, int] | None = None  # (score, words)
    for k in range(1, len(words)):
        nxt = words[k].group()
        if not (_CELL_START.match(nxt) and (nxt[0].isupper() or nxt[0].isdigit() or not nxt[0].isalpha())):
            continue
        owner = " ".join(w.group() for w in words[:k])
        last = words[k - 1].group().casefold()
        if norm_key(owner) in known:
            score = 3
        elif last in layout.owner_end_words or head_type(owner, load_lexicon()) == "Organisation":
            score = 2
        elif any(s == words[0].start() and e == words[k - 1].end() for s, e in rule_orgs):
            score = 1
        else:
            continue
        # a known name: the longest; a name-final word: the first (the project may end in "kommun" too)
        if best is None or score > best[0] or (score == 3 and best[0] == 3):
            best = (score, k)
    return None if best is None else best[1]


def cut_row(text: str, offset: int, layout: Layout, roles: list[str], known: set[str],
            rule_orgs: list[tuple[int, int]]) -> dict[str, tuple[int, int, str]] | None:
    """Cells of one owner-first row ``text`` starting at ``offset``; None when the row cannot be cut."""
    amount = AMOUNT_END.search(text)
    if amount is None:
        return None
    body = text[:amount.start()].rstrip()
    if "  " in body:  # a column gap kept by the normaliser
        parts = [p for p in re.split(r"\s{2,}", body) if p.strip()]
        if len(parts) == 2:
            return {"owner": (offset, offset + len(parts[0]), parts[0]),
                    "project": (offset + body.rindex(parts[1]), offset + len(body), parts[1])}
    words = list(_TOKEN.finditer(body))
    k = _owner_end(words, known, layout, [(s - offset, e - offset) for s, e in rule_orgs])
    if k is None:
        return None
    o_end, p_start = words[k - 1].end(), words[k].start()
    project = body[p_start:]
    if len(re.findall(r"[^\W\d_]{3,}", project)) < 1:
        return None
    return {"owner": (offset, offset + o_end, body[:o_end]),
            "project": (offset + p_start, offset + len(body), project)}


def table_rows(structure: Structure, norm: Normalized, mentions: list[Mention]) -> list[tuple[Table, Row]]:
    """Every row of every table of ``structure`` cut into cells (rows that cannot be cut are left out)."""
    known = set(_known_organisations())
    known |= {norm_key(m.text) for m in mentions if m.type == "Organisation"}
    out = []
    for table in structure.tables:
        for lines in table.rows:
            span = _row_span(norm, lines)
            if span is None:
                continue
            s, e = span
            rule_orgs = [(m.start, m.end) for m in mentions
                         if m.type == "Organisation" and m.start == s and m.end <= e]
            cells = cut_row(norm.text[s:e], s, table.layout, table.roles, known, rule_orgs)
            if cells:
                known.add(norm_key(cells["owner"][2]))
                out.append((table, Row(cells, lines[0], norm.text[s:e])))
    return out


def _fund_of(table: Table, mentions: list[Mention]) -> Mention | None:
    """The funding source named closest above the table's header, within the layout's reach;
    one named in a heading line before one named in prose."""
    reach = table.layout.fund_from_heading_lines
    near = [m for m in mentions if m.type == "FundingSource"
            and table.header_line - reach <= m.line < table.header_line]
    headings = set(table.heading_lines)
    return max(near, key=lambda m: (m.line in headings, m.line, m.start)) if near else None


def apply_tables(structure: Structure, norm: Normalized, mentions: list[Mention], sentences) -> tuple[list[Mention], list]:
    """Replace what the prose rules found in table rows by the rows' cells.

    Returns the new mention list and the row plans ((subject mention, predicate, object mention,
    line, evidence, layout)) for :func:`row_relations` once the mentions are resolved."""
    if not structure.tables:
        return mentions, []
    rows = table_rows(structure, norm, mentions)
    spans = [(norm.text.find(row.text, row.cells["owner"][0]), row.cells["project"][1]) for _, row in rows]
    inside = {id(m) for m in mentions if any(s <= m.start < e for s, e in spans)}
    kept = [m for m in mentions if id(m) not in inside]
    for sent in sentences:
        sent.mentions = [m for m in sent.mentions if id(m) not in inside]
    plans = []
    for table, row in rows:
        made = {role: Mention(text, table.layout.cell_types[role], norm.line_at(s), s, e, "rules")
                for role, (s, e, text) in row.cells.items() if role in table.layout.cell_types}
        fund = _fund_of(table, kept)
        if fund is not None and "fund" not in made:
            made["fund"] = fund
        kept.extend(m for role, m in made.items() if m is not fund)
        for s_role, pred, o_role in table.layout.relations:
            if s_role in made and o_role in made:
                plans.append((made[s_role], pred, made[o_role], row.line, row.text, table.layout))
    return kept, plans


def row_relations(plans, name_of: dict[int, str]) -> list[Relation]:
    """The relations of the row plans, named by the resolved entities."""
    out = []
    for subj, pred, obj, line, text, layout in plans:
        s, o = name_of.get(id(subj)), name_of.get(id(obj))
        if s and o and s != o:
            out.append(Relation(s, pred, o, line, text[:300], LAYOUT_RULE + layout.name, layout.confidence))
    return out
