"""From raw document text to resolved entities and relations with evidence.

normalise -> split into paragraphs -> ``nlp.pipe`` (streaming, batched) ->
mentions with original line numbers -> resolution -> relations.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language

from .normalize import Normalized, normalize
from .records import DocResult, Mention
from .relations import Sentence, extract_relations
from .resolve import resolve

BATCH_SIZE = 256
_PARA = re.compile(r"\n\n+")


def paragraphs(norm: Normalized) -> Iterator[tuple[str, int]]:
    """(paragraph text, offset in the normalised text) for each non-empty paragraph."""
    pos = 0
    for m in _PARA.finditer(norm.text + "\n\n"):
        chunk = norm.text[pos:m.start()]
        if chunk.strip():
            yield chunk, pos
        pos = m.end()


def _collect(nlp: Language, norm: Normalized) -> tuple[list[Mention], list[Sentence]]:
    mentions: list[Mention] = []
    sentences: list[Sentence] = []
    for doc, offset in nlp.pipe(paragraphs(norm), as_tuples=True, batch_size=BATCH_SIZE):
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        ents = sorted(doc.ents, key=lambda e: e.start_char)
        k = 0
        for sent in sents:
            s_start = offset + sent.start_char
            sentence = Sentence(sent.text, s_start, norm.line_at(s_start))
            while k < len(ents) and ents[k].start_char < sent.end_char:
                e = ents[k]
                start = offset + e.start_char
                source = "rules" if e.ent_id_ else "model"  # ruler patterns carry an id
                m = Mention(e.text, e.label_, norm.line_at(start), start, offset + e.end_char, source)
                mentions.append(m)
                sentence.mentions.append(m)
                k += 1
            sentences.append(sentence)
    return mentions, sentences


def extract_text(nlp: Language, raw: str, source: str) -> DocResult:
    """Entities and relations found in one document's raw text."""
    norm = normalize(raw)
    mentions, sentences = _collect(nlp, norm)
    entities = resolve(mentions, norm.text)
    name_of = {id(m): e.name for e in entities for m in e.mentions}
    relations = extract_relations(sentences, name_of)
    relations.sort(key=lambda r: (r.line, r.p, r.s, r.o))
    return DocResult(source=source, entities=entities, relations=relations)


def extract_many(nlp: Language, docs: Iterable[tuple[str, str]]) -> Iterator[DocResult]:
    """Extract from (raw text, source name) pairs, one result per document, in order."""
    for raw, source in docs:
        yield extract_text(nlp, raw, source)
