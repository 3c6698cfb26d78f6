"""Normalise PDF-extracted text while keeping a map back to the original lines.

PDF text arrives with hard line breaks in the middle of sentences, words split by
a line-end hyphen, page numbers and table-of-contents dot leaders. The extractors
want running prose; the evidence must still point at the line of the original
file. :func:`normalize` returns both: the cleaned text and a :class:`LineMap`
from every character offset of the cleaned text to a 1-based original line.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

# A line that is only page furniture: a page number, "Sida 3 av 40", "Sida 1 (4)", a TOC entry.
_PAGE_NUMBER = re.compile(r"^\s*(?:sida\s+)?\d{1,4}(?:\s*(?:av|/)\s*\d{1,4}|\s*\(\d{1,4}\))?\s*$", re.I)
_DOT_LEADER = re.compile(r"(?:\.\s?){5,}\s*\d{0,4}\s*$|…{2,}\s*\d{0,4}\s*$")
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
# Words that follow a kept hyphen in Swedish coordinations ("hel- och delägda").
_COORD = {"och", "eller", "samt", "till", "som", "respektive", "resp"}
# A line that does not end a sentence is a wrapped line when it is at least this share of the
# document's typical full line (90th percentile of line lengths): columns make lines short.
WRAP_SHARE = 0.65
MIN_WRAP_WIDTH = 20
# Three or more spaces (or a tab) inside a line separate table columns (layout-preserving PDF
# extraction): they become two spaces, which no name rule crosses; other runs of spaces become one.
_COLUMN_GAP = re.compile(r"[ \u00a0]{3,}|\t+")
_SPACES = re.compile(r"[ \u00a0]+")
# "Klimat-och näringslivsdepartementet": a suspended compound whose space the PDF lost
_GLUED_COORD = re.compile(r"(?<=[^\W\d_]{2})-(?=(?:och|eller|samt) [^\W\d_])")
# A line ending in an amount ("1 200 000", "350 tkr") before a capitalised line is a table row.
_AMOUNT_END = re.compile(r"\d{1,3}(?: \d{3})+(?: ?(?:kr|kronor|tkr|mnkr|sek|euro|€))?$|\d+ ?(?:kr|tkr|mnkr|€)$", re.I)
# A line ending in one of these words (or a comma) continues on the next line, whatever its length.
_OPEN_END = re.compile(r"(?:,|\b(?:och|eller|samt|i|med|av|för|till|som|på|om|från|vid|mellan|inom|"
                       r"genom|under|en|ett|den|det|de|att|är|har|the|of|and|for))$", re.I)


@dataclass
class LineMap:
    """Maps offsets in normalised text to 1-based lines of the original text."""

    starts: list[int] = field(default_factory=list)  # normalised offsets where a segment starts
    lines: list[int] = field(default_factory=list)  # original line of each segment

    def add(self, offset: int, line: int) -> None:
        if self.starts and self.starts[-1] == offset:
            self.lines[-1] = line
        else:
            self.starts.append(offset)
            self.lines.append(line)

    def line_at(self, offset: int) -> int:
        """Original 1-based line of the character at ``offset`` (clamped)."""
        if not self.starts:
            return 1
        i = bisect_right(self.starts, max(offset, 0)) - 1
        return self.lines[max(i, 0)]


@dataclass
class Normalized:
    text: str
    linemap: LineMap
    n_lines: int  # lines in the original text

    def line_at(self, offset: int) -> int:
        return self.linemap.line_at(offset)


def is_furniture(line: str) -> bool:
    """True for lines that carry no prose: page numbers and TOC dot leaders."""
    s = line.strip()
    if not s:
        return False
    return bool(_PAGE_NUMBER.match(s) or _DOT_LEADER.search(s))


def wrap_width(lines: list[str]) -> int:
    """The length from which a line without a full stop counts as wrapped, for this document's layout."""
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    if not lengths:
        return MIN_WRAP_WIDTH
    return max(MIN_WRAP_WIDTH, int(WRAP_SHARE * lengths[int(0.9 * (len(lengths) - 1))]))


def _join_kind(prev: str, nxt: str, width: int) -> str:
    """How the line ``prev`` continues into ``nxt``: 'hyphen', 'keep-hyphen', 'space' or 'break'."""
    p, n = prev.rstrip(), nxt.lstrip()
    if not p or not n:
        return "break"
    if p.endswith("-") and len(p) >= 2 and p[-2].isalpha():
        word = re.search(r"(\S+)-$", p).group(1)
        first = re.match(r"\S+", n).group(0)
        if first.lower().strip(",.") in _COORD:
            return "keep-hyphen-space"
        if word[-1].islower() and n[0].islower() and not any(c.isupper() or c.isdigit() for c in word[1:]):
            return "hyphen"
        return "keep-hyphen"
    if _SENTENCE_END.search(p):
        return "break"
    if n[0].islower() or n[0].isdigit() or n[0] in "(–-,&":
        return "space"
    if _AMOUNT_END.search(p):
        return "break"
    if len(p) >= width or _OPEN_END.search(p):
        return "space"
    return "break"


def normalize(raw: str, joins: dict[int, str] | None = None) -> Normalized:
    """Clean PDF text; sentences and paragraphs end in a blank line ("\\n\\n").

    ``joins`` maps an original line number to how it continues into the next content line
    ('space' or 'break'), overriding the guess: the structure stage knows where a table row ends."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "").replace("\f", "\n")
    src = raw.split("\n")
    # Content lines with their original 1-based numbers; blank lines and furniture dropped.
    content = [(i + 1, ln.rstrip()) for i, ln in enumerate(src) if ln.strip() and not is_furniture(ln)]
    width = wrap_width([text for _, text in content])
    out: list[str] = []
    lm = LineMap()
    pos = 0
    for k, (lineno, text) in enumerate(content):
        text = _SPACES.sub(" ", _COLUMN_GAP.sub("\t", text.strip())).replace("\t", "  ")
        text = _GLUED_COORD.sub("- ", text)
        lm.add(pos, lineno)
        if joins and lineno in joins:
            kind = joins[lineno]
        elif k + 1 < len(content):
            kind = _join_kind(text, content[k + 1][1], width)
        else:
            kind = "break"
        if kind == "hyphen":
            piece = text[:-1]
        elif kind == "keep-hyphen":
            piece = text
        elif kind in ("space", "keep-hyphen-space"):
            piece = text + " "
        else:
            piece = text + "\n\n"
        out.append(piece)
        pos += len(piece)
    return Normalized("".join(out), lm, len(src))
