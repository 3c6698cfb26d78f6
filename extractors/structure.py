"""Document structure before normalisation: tables, fact boxes and lists, as the layouts describe them.

Real reports print granted-project tables as plain lines ("Lycksele kommun Besöksnäring i
fjällvärlden 1 250 000"): no column gap, the owner first, a long project name wrapping onto
the next line, a totals row. Prose rules cannot read them, and the normaliser would join a
wrapped row with the next one. This stage finds such tables from a header row whose words
name the columns (owner / project / amount / fund, in any order) as one of the layouts in
``layouts/*.json`` describes, and groups the lines below into rows (a row ends in an amount).
Fact boxes ("Projektnamn: P" / "Stödmottagare: X" / "Finansiär: F" lines) are found from their
labels (``lexicons/field_labels.json``); list blocks (names as items under a lead-in with a cue word,
"Pågående projekt", "Medlemmar i X är:") from their cue. The stage returns the blocks and the line
joins the normaliser must use, so that each row, fact line and item becomes a paragraph of its own;
:mod:`extractors.layout_cells` cuts them into cells afterwards. A new layout is a new data file.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .field_labels import all_labels, role_labels, topic_labels
from .normalize import _join_kind, is_furniture, wrap_width

LAYOUT_DIR = Path(__file__).parent / "layouts"
# An amount at the end of a row: "1 250 000", "780 000 kr", "3 100 500", "350 tkr"; not the "0" of "2.0".
AMOUNT_END = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0]\d{3})*(?:[,.]\d+)?(?:\s*(?:kr|tkr|sek|mnkr|kronor|euro|eur|€))?\s*$",
                        re.I)
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÅÄÖ]")
_WORD = re.compile(r"[\wåäöÅÄÖ:/()–-]+")
_LABEL_LINE = re.compile(r"^(?:[•▪*-]\s*)?([A-ZÅÄÖ][\wåäö-]{1,24}(?:\s[a-zåäö-]{2,15})?)\s?:(?:\s+(\S.*))?$")
_FUNCTION_WORDS = frozenset({"och", "i", "en", "ett", "som", "den", "det", "de", "att", "för", "av", "med", "till", "på",
                             "om", "är", "har", "från", "vid", "inom", "samt", "eller", "där", "genom", "under", "mellan"})
_PREPOSITIONS = frozenset({"i", "för", "inom", "av", "med", "på", "till", "från", "om", "vid"})
MAX_PENDING = 2  # lines without an amount a row may wrap over before the table is taken to have ended


@dataclass(frozen=True)
class Layout:
    """One layout, read from a data file: how its blocks are recognised and what their cells state."""

    name: str
    kind: str  # 'table', 'fact-box' or 'list'
    header_words: dict[str, frozenset[str]]
    filler_words: frozenset[str]
    first_role: str
    required_roles: tuple[str, ...]
    total_row: re.Pattern
    cell_types: dict[str, str]
    relations: tuple[tuple[str, str, str], ...]
    fund_from_heading_lines: int
    owner_end_words: frozenset[str]
    confidence: float
    owner_start_words: frozenset[str] = frozenset()
    label_roles: dict[str, str] = field(default_factory=dict)  # field-label predicate or 'topic' -> role
    min_roles: int = 2
    fund_heading_cues: tuple[str, ...] = ()
    title_line: bool = False  # a box without a name label is named by the title line above it
    generic_titles: frozenset[str] = frozenset()
    data: dict = field(default_factory=dict, compare=False, hash=False)  # the layout file, for its kind's own keys

    def label_role(self, label: str) -> str | None:
        """The role a fact-box label gives its value ('Stödmottagare' -> 'owner')."""
        low = label.lower()
        pred = "topic" if low in _topic_words() else role_labels().get(low)
        return self.label_roles.get(pred) if pred else None

    def header_roles(self, line: str, complete: bool = True) -> list[str] | None:
        """The roles a header line names, in column order, or None when the line is no header of this
        layout (with ``complete`` false: any line made only of header words, a header cut over lines)."""
        roles: list[str] = []
        words = [w.casefold().strip(":,.") for w in _WORD.findall(line)]
        if not words or len(words) > 10:
            return None
        for w in words:
            role = next((r for r, ws in self.header_words.items() if w in ws), None)
            if role is None:
                if w not in self.filler_words:
                    return None
            elif role not in roles:
                roles.append(role)
        if complete and (not roles or roles[0] != self.first_role or not set(self.required_roles) <= set(roles)):
            return None
        return roles


@lru_cache(maxsize=1)
def _topic_words() -> frozenset[str]:
    return frozenset(t.lower() for t in topic_labels())


def _layout(path: Path) -> Layout:
    d = json.loads(path.read_text(encoding="utf-8"))
    return Layout(d["name"], d["kind"], {r: frozenset(ws) for r, ws in d.get("header_words", {}).items()},
                  frozenset(d.get("filler_words", ())), d.get("first_role", ""), tuple(d.get("required_roles", ())),
                  re.compile(d.get("total_row", r"(?!)"), re.I), d.get("cell_types", {}),
                  tuple(tuple(r) for r in d.get("relations", ())), d.get("fund_from_heading_lines", 0),
                  frozenset(d.get("owner_end_words", ())), d.get("confidence", 0.8),
                  frozenset(d.get("owner_start_words", ())), d.get("label_roles", {}), d.get("min_roles", 2),
                  tuple(d.get("fund_heading_cues", ())), d.get("title_line", False),
                  frozenset(t.lower() for t in d.get("generic_titles", ())), d)


@lru_cache(maxsize=4)
def load_layouts(layout_dir: str | Path = LAYOUT_DIR) -> tuple[Layout, ...]:
    """Every layout in ``layout_dir`` (one JSON file each), by file name."""
    return tuple(_layout(p) for p in sorted(Path(layout_dir).glob("*.json")))


@dataclass
class Table:
    """A table found under a header row: its layout, column roles and rows (original line numbers)."""

    layout: Layout
    roles: list[str]
    header_line: int  # the header's last line (a header may run over several)
    rows: list[list[int]] = field(default_factory=list)
    heading_lines: list[int] = field(default_factory=list)  # heading-like lines above the header, nearest last
    first_header_line: int = 0


@dataclass
class FactBox:
    """A run of 'Label: value' lines naming a project: each role line (original line, role)."""

    layout: Layout
    fields: list[tuple[int, str]]
    first_line: int
    heading_lines: list[int] = field(default_factory=list)  # headings above with a grant cue, nearest last
    label_lines: list[int] = field(default_factory=list)  # every 'Label: value' line of the box, role or not
    title_line: int | None = None  # the title line that names the project, when no label does


@dataclass
class ListBlock:
    """Names as list items under a lead-in line whose cue word says what they are."""

    layout: Layout
    cue: dict  # the layout's cue entry: words, item_type, relations
    leadin_line: int
    items: list[int]


@dataclass
class Structure:
    """What the structure stage found in one document."""

    tables: list[Table] = field(default_factory=list)
    boxes: list[FactBox] = field(default_factory=list)
    lists: list[ListBlock] = field(default_factory=list)
    joins: dict[int, str] = field(default_factory=dict)  # original line -> 'space' | 'break' (see normalize)

    def row_lines(self) -> set[int]:
        return {ln for t in self.tables for row in t.rows for ln in row}


def _collapse(line: str) -> str:
    return " ".join(line.split())


def _heading_like(text: str) -> bool:
    """A numbered heading or a short title line (no full stop): where a table's fund is named."""
    return bool(_NUMBERED_HEADING.match(text)) or (len(text) < 140 and not text.endswith((".", ",", ";"))
                                                   and text[:1].isupper())


def _ends_table(text: str) -> bool:
    """A heading or a line of prose closes a table."""
    return bool(_NUMBERED_HEADING.match(text)) or (text.endswith(".") and len(text) > 60)


def _rows(content: list[tuple[int, str]], start: int, layout: Layout) -> tuple[list[list[int]], int]:
    """Rows from ``content[start:]``: lines gathered until one ends in an amount; a lower-case line
    right after a row continues that row's name. Returns the rows and the index after the table."""
    rows: list[list[int]] = []
    pending: list[int] = []
    k = start
    while k < len(content):
        lineno, text = content[k]
        if layout.total_row.match(text):
            return rows, k + 1
        if AMOUNT_END.search(text) and (pending or re.search(r"[^\W\d_]", text)):
            rows.append(pending + [lineno])  # an amount alone on its line closes the wrapped row above
            pending = []
        elif not pending and rows and text[0].islower() and not _ends_table(text):
            rows[-1].append(lineno)
        elif _ends_table(text) or len(pending) >= MAX_PENDING:
            break
        else:
            pending.append(lineno)
        k += 1
    return rows, k - len(pending)


def _joins(table: Table, before: int | None, after: int | None) -> dict[int, str]:
    """Each row one paragraph: its lines joined by spaces, a break after it, the header and the
    lines around the table kept apart."""
    joins = {ln: "break" for ln in range(table.first_header_line or table.header_line, table.header_line + 1)}
    if before is not None:
        joins[before] = "break"
    for row in table.rows:
        for ln in row[:-1]:
            joins[ln] = "space"
        joins[row[-1]] = "break"
    if after is not None:
        joins[after] = "break"
    return joins


def analyse(raw: str, layouts: tuple[Layout, ...] | None = None) -> Structure:
    """The tables, fact boxes and lists of ``raw`` (a document's original text) and the joins they need."""
    layouts = load_layouts() if layouts is None else layouts
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    content = [(i + 1, _collapse(ln)) for i, ln in enumerate(lines) if ln.strip() and not is_furniture(ln)]
    out = Structure()
    tables = tuple(lay for lay in layouts if lay.kind == "table")
    gapped = frozenset(i + 1 for i, ln in enumerate(lines) if _COLUMN_GAP.search(ln.strip()))  # lines with column gaps
    k = 0
    while k < len(content):
        table, k = _table_at(content, k, tables, gapped)
        if table is not None:
            out.tables.append(table)
            end_line = content[k - 1][0] if k - 1 < len(content) else None
            out.joins.update(_joins(table, _before(content, table.first_header_line), end_line))
    # a line with tabs holds table cells: never run on into the next line (however long it is)
    out.joins.update({i + 1: "break" for i, ln in enumerate(lines) if "\t" in ln.strip() and i + 1 not in out.joins})
    taken = out.row_lines() | {ln for t in out.tables for ln in range(t.first_header_line, t.header_line + 1)}
    for layout in (lay for lay in layouts if lay.kind == "fact-box"):
        for box in _fact_boxes([(ln, t) for ln, t in content if ln not in taken], layout):
            out.boxes.append(box)
            _keep_apart(out.joins, content, box.title_line or box.first_line, box.label_lines)
    taken |= {ln for b in out.boxes for ln in b.label_lines + [b.title_line or b.first_line]}
    for layout in (lay for lay in layouts if lay.kind == "list"):
        for block in _list_blocks([(ln, t) for ln, t in content if ln not in taken], layout):
            out.lists.append(block)
            _keep_apart(out.joins, content, block.leadin_line, block.items)
    return out


def _keep_apart(joins: dict[int, str], content: list[tuple[int, str]], first: int, lines: list[int]) -> None:
    """A fact box's or list's lines each a paragraph of its own: a break after the line before the block,
    after its first line and after each of ``lines``."""
    joins.update({ln: "break" for ln in [first, *lines]})
    before = _before(content, first)
    if before is not None:
        joins[before] = "break"


def _cue(text: str, layout: Layout) -> dict | None:
    """The layout's cue entry whose word the lead-in holds (the line's last sentence: "Projektet X leds av Y.
    Partner i projektet är:"), if it is a lead-in at all."""
    lead = re.split(r"[.!?]\s+", text)[-1]
    if len(lead) > layout.data["max_leadin_chars"] or not (text.endswith(":") or _heading_like(text)):
        return None
    words = [w.casefold().strip(":,.") for w in lead.split()]
    cues = [(w, c) for w in words for c in layout.data["cues"] if w in c["words"]]
    # the head noun: 'Partner i projektet' lists partners, 'Projektets partner' too
    heads = [c for w, c in cues if not w.endswith("s")
             and not (words.index(w) > 0 and words[words.index(w) - 1] in _PREPOSITIONS)]
    by_verb = [c for w in words for c in layout.data["cues"] if w in c.get("verbs", ())]  # "I projektet medverkar:"
    return (heads or by_verb or [c for _, c in cues] or [None])[0]


_CELL_GAP = re.compile(r"\S(?:\t|\s{2,})\S")  # a tab or two spaces between words: table cells


def list_item(text: str, layout: Layout) -> str | None:
    """The name an item line gives ('• Luleå kommun,' -> 'Luleå kommun'; a description after a dash
    or colon dropped), or None when the line is no name item (prose, a sentence, an amount)."""
    if text.endswith(":") or _LABEL_LINE.match(text) or "|" in text:
        return None  # the next list's lead-in, a fact line, a menu
    if _CELL_GAP.search(text.strip()):
        return None  # "Smart Energi Kalmar<tab>Region Kalmar län<tab>ERUF": a table row's cells, not one name
    bullet = text[:1] in layout.data["bullets"]
    name = text.lstrip(layout.data["bullets"] + " ").strip()
    name = re.split(r"\s[–-]\s|:\s", name, maxsplit=1)[0].rstrip(" ,;.")
    name = _strip_qualifiers(name, layout)
    if not name.split():  # a bullet alone on its line
        return None
    if name.split()[0] in layout.data.get("noise_starts", ()):
        return None  # an indicator label ('Antal anslutna företag'), not a name
    words = {w.casefold() for w in name.split()}
    if name.casefold() in _label_words() or any(words & set(c["words"]) for c in layout.data["cues"]):
        return None  # a table header cell or a sub-heading ('Associerade partner'), not a name
    amount = AMOUNT_END.search(name)
    if not name or not (name[0].isupper() or name[0].isdigit()) or amount and name[amount.start() - 1:amount.start()] == " ":
        return None  # "Sanitation360" is a name, "Fjällmat 250 000" a table row
    if (text.endswith(".") and not bullet) or len(name.split()) > layout.data["max_item_words"]:
        return None
    if re.search(r"[a-zåäö]{2}\. ", name) or name.split()[-1].lower() in _FUNCTION_WORDS:
        return None  # a sentence, or a line cut in the middle of one
    return name


def _wrapped(content: list[tuple[int, str]], j: int, layout: Layout, width: int) -> bool:
    """Whether line ``j`` runs on into the next one as prose does (then it is no list item)."""
    if j + 1 >= len(content):
        return False
    strip = layout.data["bullets"] + " "
    line = content[j][1]
    if line[:1] in layout.data["bullets"]:
        line = line.rstrip(",;")  # a bullet item may end in list punctuation ('• Luleå kommun,')
    return _join_kind(line.lstrip(strip), content[j + 1][1].lstrip(strip), width) != "break"


def _strip_qualifiers(name: str, layout: Layout) -> str:
    """'Umeå universitet, Sverige' -> 'Umeå universitet'; 'Lapplands förbund (Lapin liitto)' -> 'Lapplands förbund'."""
    tails = "|".join(map(re.escape, layout.data.get("qualifier_tails", ())))
    if tails:
        name = re.sub(rf",\s*(?:{tails})$", "", name)
    return re.sub(r"\s*\([^()]*\)$", "", name).strip() or name


@lru_cache(maxsize=1)
def _label_words() -> frozenset[str]:
    return frozenset(w.lower() for w in all_labels())


def _list_blocks(content: list[tuple[int, str]], layout: Layout) -> list[ListBlock]:
    """Lead-in lines with a cue word followed by at least ``min_items`` name items; a line that the
    normaliser would join with the next (a wrapped line of prose) is neither lead-in nor item."""
    blocks: list[ListBlock] = []
    width = wrap_width([t for _, t in content])
    k = 0
    while k < len(content):
        cue = _cue(content[k][1], layout) if not _wrapped(content, k, layout, width) else None
        items = []
        j = k + 1
        while cue and j < len(content) and list_item(content[j][1], layout) and not _wrapped(content, j, layout, width):
            items.append(content[j][0])
            j += 1
        bulleted = bool(items) and content[k][1].endswith(":") and content[k + 1][1][:1] in layout.data["bullets"]
        if cue and len(items) >= (layout.data["min_items_bulleted"] if bulleted else layout.data["min_items"]):
            blocks.append(ListBlock(layout, cue, content[k][0], items))
            k = j
        else:
            k += 1
    return blocks


def _box(run: list[tuple[int, str | None]], layout: Layout, title: tuple[int, str] | None,
         cued: list[int]) -> FactBox | None:
    """The fact box a run of label lines makes, named by its label or by the title line above it."""
    roles = [(ln, r) for ln, r in run if r]
    named = {r for _, r in roles}
    title_line = None
    if "project" not in named and layout.title_line and title and _is_title(title[1], layout):
        title_line = title[0]
        named.add("project")
    if set(layout.required_roles) <= named and len(named) >= layout.min_roles:
        return FactBox(layout, roles, run[0][0], list(cued), [ln for ln, _ in run], title_line)
    return None


def _is_title(text: str, layout: Layout) -> bool:
    return _heading_like(text) and not _LABEL_LINE.match(text) and text.lower().strip(" :") not in layout.generic_titles


def _fact_boxes(content: list[tuple[int, str]], layout: Layout) -> list[FactBox]:
    """Runs of consecutive label lines with the project's label and at least ``min_roles`` roles."""
    boxes: list[FactBox] = []
    run: list[tuple[int, str | None]] = []
    cued: list[int] = []  # heading lines with a grant cue so far
    title: tuple[int, str] | None = None  # the last line before the current run
    for lineno, text in content + [(0, "")]:
        m = _LABEL_LINE.match(text)
        if m:
            run.append((lineno, layout.label_role(m.group(1)) if m.group(2) else None))
            continue
        if run:
            box = _box(run, layout, title, cued)
            if box:
                boxes.append(box)
        run = []
        title = (lineno, text)
        if _heading_like(text) and any(c in text.lower() for c in layout.fund_heading_cues):
            cued.append(lineno)
    return boxes


def _before(content: list[tuple[int, str]], lineno: int) -> int | None:
    """The content line just before ``lineno`` (content is in line order: a binary search)."""
    i = bisect_left(content, (lineno,))
    return content[i - 1][0] if i > 0 else None


def _table_at(content: list[tuple[int, str]], k: int, layouts, gapped: frozenset[int] = frozenset()) -> tuple[Table | None, int]:
    """The table whose header starts at ``content[k]``, and the index after it; (None, k + 1) when there
    is none. A header may run over up to MAX_HEADER_LINES lines ("PROJEKTÄGARE" / "PROJEKTNAMN" / "BELOPP KR")."""
    if len(content[k][1]) > 120:
        return None, k + 1
    for layout in layouts:
        if layout.data.get("single_spaced_only") and content[k][0] in gapped:
            continue  # a table with column gaps is read by the prose rules' column cuts
        header, n = _header(content, k, layout)
        if header is None:
            continue
        rows, end = _rows(content, k + n, layout)
        if rows:
            above = content[max(0, k - layout.fund_from_heading_lines):k]
            return Table(layout, header, content[k + n - 1][0], rows, [ln for ln, t in above if _heading_like(t)],
                         content[k][0]), end
    return None, k + 1


MAX_HEADER_LINES = 3
_COLUMN_GAP = re.compile(r"\S\s{3,}\S")


def _header(content: list[tuple[int, str]], k: int, layout: Layout) -> tuple[list[str] | None, int]:
    """The roles of the header starting at ``content[k]`` and how many lines it takes."""
    text = ""
    for n in range(1, MAX_HEADER_LINES + 1):
        if k + n > len(content) or layout.header_roles(content[k + n - 1][1], complete=False) is None:
            return None, 0
        text = f"{text} {content[k + n - 1][1]}".strip()
        roles = layout.header_roles(text)
        if roles is not None:
            return roles, n
    return None, 0
