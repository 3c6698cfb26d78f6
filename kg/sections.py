"""Large documents in sections: memory bounded by the section, not the document.

Extraction of one document holds its normalised text, every paragraph, sentence and
mention at once: memory grows with the document (5 MB of text: 450 MB). A document
longer than ``SECTION_CHARS`` is therefore cut into sections at a blank line after a
paragraph of prose (a sentence end: no table runs through it), each section is extracted
on its own, and the sections' results are merged into one result for the document: line
numbers shifted to the document's, entities of one type that share a name or alias
joined (as :func:`kg.graph.merge_entities` joins them across documents), relations
renamed to the joined names. Documents up to ``SECTION_CHARS`` are one section: their
results are exactly what one pass gives.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractors import SIGNATURE
from extractors.records import DocResult, Entity, Relation

SECTION_CHARS = 4_000_000  # a 4 MB section needs ~100 MB for extraction; larger ones change little
_PROSE_END = re.compile(r"[.!?»\"”]\s*$")
_BLANK = re.compile(r"\n[ \t\f\r]*\n")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\f]")  # what extractors.normalize counts as a line end


@dataclass
class Section:
    doc: int  # index of the document
    start: int  # character offsets in the document's text
    end: int
    line0: int  # lines before the section (its line 1 is the document's line0 + 1)


def _cut(text: str, start: int, size: int) -> int:
    """Where the section starting at ``start`` ends: the first blank line after ``size`` characters
    that follows a sentence end; else any blank line; else any line end (within 2 * size)."""
    lo, hi = start + size, min(len(text), start + 2 * size)
    for m in _BLANK.finditer(text, lo, hi):
        before = text[max(start, m.start() - 200):m.start()]
        if _PROSE_END.search(before):
            return m.end()
    m = _BLANK.search(text, lo, hi)
    if m:
        return m.end()
    nl = text.find("\n", lo, hi)
    return nl + 1 if nl >= 0 else hi


def sections(texts: Iterable[str], size: int | None = None) -> Iterator[Section]:
    """The sections of each text in order; a text up to 1.5 * ``size`` characters is one section."""
    size = size or SECTION_CHARS
    for d, text in enumerate(texts):
        start, line0 = 0, 0
        while start < len(text):
            end = len(text) if len(text) - start <= size * 3 // 2 else _cut(text, start, size)
            yield Section(d, start, end, line0)
            line0 += sum(1 for _ in _LINE_BREAK.finditer(text, start, end))
            start = end


def _shift(result: DocResult, line0: int) -> DocResult:
    for e in result.entities:
        for m in e.mentions:
            m.line += line0
    for r in result.relations:
        r.line += line0
    return result


def merge_sections(parts: list[DocResult], line0s: list[int]) -> DocResult:
    """One document's result from its sections' results (``line0s``: lines before each section)."""
    from extractors.resolve import norm_key

    if len(parts) == 1:
        return _shift(parts[0], line0s[0])
    parts = [_shift(p, n) for p, n in zip(parts, line0s)]
    ents = [(k, e) for k, p in enumerate(parts) for e in p.entities]
    parent = list(range(len(ents)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str], int] = {}
    for i, (_, e) in enumerate(ents):
        for key in {(e.type, norm_key(n)) for n in (e.name, *e.aliases) if norm_key(n)}:
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(ents)):
        groups.setdefault(find(i), []).append(i)
    merged: list[Entity] = []
    renamed: dict[tuple[int, str], dict[str, str]] = {}  # (section, old name) -> {type: joined name}
    for members in sorted(groups.values()):  # in order of first appearance
        counts = Counter({ents[i][1].name: 0 for i in members})
        for i in members:
            counts[ents[i][1].name] += max(len(ents[i][1].mentions), 1)
        name = sorted(counts, key=lambda n: (-counts[n], n))[0]
        etype = ents[members[0]][1].type
        aliases = list(dict.fromkeys(a for i in members for a in (ents[i][1].name, *ents[i][1].aliases)
                                     if a != name))
        merged.append(Entity(name, etype, aliases, [m for i in members for m in ents[i][1].mentions]))
        for i in members:
            k, e = ents[i]
            renamed.setdefault((k, e.name), {})[etype] = name
    return DocResult(parts[0].source, merged, _relations(parts, renamed))


def _relations(parts: list[DocResult], renamed: dict[tuple[int, str], dict[str, str]]) -> list[Relation]:
    """The sections' relations with their entities' joined names; one per (s, p, o), the first stated."""
    def new_name(k: int, name: str, fits: tuple[str, ...]) -> str:
        by_type = renamed.get((k, name), {})
        return next((by_type[t] for t in sorted(by_type) if t in fits), by_type.get(min(by_type), name)
                    if by_type else name)

    out: dict[tuple[str, str, str], Relation] = {}
    for k, p in enumerate(parts):
        for r in p.relations:
            dom, rng = SIGNATURE.get(r.p, ((), ()))
            r.s, r.o = new_name(k, r.s, tuple(dom)), new_name(k, r.o, tuple(rng))
            out.setdefault(r.key(), r)
    return sorted(out.values(), key=lambda r: (r.line, r.p, r.s, r.o))
