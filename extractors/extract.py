"""From raw document text to resolved entities and relations with evidence.

normalise -> split into paragraphs -> ``nlp.pipe`` (streaming, batched) ->
mentions with original line numbers -> resolution -> relations.
"""
from __future__ import annotations

import ctypes
import functools
import multiprocessing as mp
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait

from spacy.language import Language
from threadpoolctl import ThreadpoolController

from .distributive import member_name
from .entity_rules import nested_name
from .normalize import Normalized, normalize
from .pipeline import _LOWER_NAME_HEADS, _LOWER_TAILS, MODEL_KB_ID, _gazetteer_words
from .records import DocResult, Mention
from .relations import Sentence, extract_relations
from .resolve import resolve
from .retype import retype_projects
from .structure import Structure, analyse
from .layout_cells import apply_layouts, layout_relations

BATCH_SIZE = 1000  # paragraphs per nlp.pipe batch
_PARA = re.compile(r"\n\n+")


def paragraphs(norm: Normalized) -> Iterator[tuple[str, int]]:
    """(paragraph text, offset in the normalised text) for each non-empty paragraph."""
    pos = 0
    for m in _PARA.finditer(norm.text + "\n\n"):
        chunk = norm.text[pos:m.start()]
        if chunk.strip():
            yield chunk, pos
        pos = m.end()


# One paragraph's annotation as plain data: sentence (start, end) and entity
# (start, end, label, source, rule) character offsets. Plain tuples travel cheaply
# between processes (``jobs`` > 1) and give the same result as one process.
Annotation = tuple[list[tuple[int, int]], list[tuple[int, int, str, str, str]]]


def _source(ent) -> str:
    """'rules' (ruler patterns and rule spans carry an id), 'model' (the trained NER, marked by
    kg_model_filter) or 'weak' (other spans without an id: the rules' weak guesses)."""
    if ent.ent_id_:
        return "rules"
    return "model" if ent.kb_id_ == MODEL_KB_ID else "weak"


def _rule(ent) -> str:
    """The rule behind a span, as ``kg extract --explain`` names it: 'rule:<name>' (the rules'
    ids, ruler patterns 'pattern:<id>'), 'model' or 'weak'."""
    if ent.ent_id_:
        return ent.ent_id_ if ent.ent_id_.startswith("rule:") else f"pattern:{ent.ent_id_}"
    return _source(ent)


def annotate(nlp: Language, texts: Iterable[str]) -> Iterator[Annotation]:
    """Sentences and entities of each text, through ``nlp.pipe`` (batched)."""
    for doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
        if doc.has_annotation("SENT_START"):
            sents = [(s.start_char, s.end_char) for s in doc.sents]
        else:
            sents = [(0, len(doc.text))]
        ents = sorted((e.start_char, e.end_char, e.label_, _source(e), _rule(e)) for e in doc.ents)
        yield sents, ents


def _collect(norm: Normalized, paras: list[tuple[str, int]],
             annots: Iterable[Annotation]) -> tuple[list[Mention], list[Sentence]]:
    mentions: list[Mention] = []
    sentences: list[Sentence] = []
    for (text, offset), (sents, ents) in zip(paras, annots):
        k = 0
        for s0, s1 in sents:
            s_start = offset + s0
            sentence = Sentence(text[s0:s1], s_start, norm.line_at(s_start))
            while k < len(ents) and ents[k][0] < s1:
                e0, e1, label, source, rule = ents[k]
                start = offset + e0
                # a member of a distributed list is named in full: "Blekinge" in "landstingen i Blekinge och ..."
                name = member_name(rule, text[e0:e1]) or text[e0:e1]
                m = Mention(name, label, norm.line_at(start), start, offset + e1, source, rule)
                mentions.append(m)
                sentence.mentions.append(m)
                nested = nested_name(rule, text[e0:e1])
                if nested:  # "programmet för fonden för en rättvis omställning" also names the fund
                    n0 = e0 + nested[0]
                    mentions.append(Mention(text[n0:e0 + nested[1]], label, norm.line_at(offset + n0), offset + n0,
                                            offset + e0 + nested[1], source, rule + ":nested"))
                k += 1
            sentences.append(sentence)
    return mentions, sentences


_WORD = re.compile(r"\w+")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zåäöéü][\w]*")
# one capitalised word in a definite form: opening a sentence ("Visionen är ...", "Genomförandet sker ..."), the
# trained model takes it for a name; a name in this form ("Robotdalen") is still found where it stands mid-sentence
_DEFINITE_NOUN = re.compile(r"[A-ZÅÄÖ][a-zåäö]{3,}(?:en|et|an|na)")
_BULLETS = " \t•·*–-"


def _model_mention_ok(m: Mention, lower_words: set[str]) -> bool:
    """A model mention made only of words the same document also writes in lower case,
    and places ("Status Uppdrag Analys", "Resultat Västerbotten": table headers), is not
    a name, unless a word is a name head."""
    places = _gazetteer_words()[0]
    words = [w.casefold() for w in _WORD.findall(m.text)]
    words = [w for w in words if w not in places and w.rstrip("s") not in places]
    heads = _LOWER_TAILS + _LOWER_NAME_HEADS.get(m.type, ())
    if any(h in w for w in words for h in heads):
        return True
    if not words:
        return True
    if all(w in lower_words or w.rstrip("s") in lower_words for w in words):
        return False
    # "HME Chefer", "Resultat Analys": a capitalised common word (written in lower case elsewhere
    # in the document) closing a name of several words is a table header, not a name
    last = _WORD.findall(m.text)[-1]
    return not (len(_WORD.findall(m.text)) > 1 and last[0].isupper() and not last.isupper()
                and last.casefold() in lower_words)


def _finish(norm: Normalized, mentions: list[Mention], sentences: list[Sentence], source: str,
            structure: Structure | None = None) -> DocResult:
    if any(m.source == "model" for m in mentions):
        lower_words = set(_LOWER_WORD.findall(norm.text))
        openings = {s.start + len(s.text) - len(s.text.lstrip(_BULLETS)) for s in sentences}
        bad = {id(m) for m in mentions if m.source == "model" and (
            not _model_mention_ok(m, lower_words) or m.start in openings and _DEFINITE_NOUN.fullmatch(m.text))}
        if bad:
            mentions = [m for m in mentions if id(m) not in bad]
            for s in sentences:
                s.mentions = [m for m in s.mentions if id(m) not in bad]
    mentions, layout_plans = apply_layouts(structure or Structure(), norm, mentions, sentences)
    entities = retype_projects(resolve(mentions, norm.text), norm.text)
    name_of = {id(m): e.name for e in entities for m in e.mentions}
    relations = _dedupe(extract_relations(sentences, name_of) + layout_relations(layout_plans, name_of))
    relations.sort(key=lambda r: (r.line, r.p, r.s, r.o))
    return DocResult(source=source, entities=entities, relations=relations)


def _dedupe(relations):
    """One relation per (s, p, o): the first stated (a table row and a sentence may state the same)."""
    seen, out = set(), []
    for r in relations:
        if r.key() not in seen:
            seen.add(r.key())
            out.append(r)
    return out


def structure_and_text(raw: str) -> tuple[Structure, Normalized]:
    """The document's structure (tables) and its normalised text, rows kept one per paragraph."""
    structure = analyse(raw)
    return structure, normalize(raw, structure.joins)


def extract_text(nlp: Language, raw: str, source: str) -> DocResult:
    """Entities and relations found in one document's raw text."""
    structure, norm = structure_and_text(raw)
    paras = list(paragraphs(norm))
    mentions, sentences = _collect(norm, paras, annotate(nlp, (t for t, _ in paras)))
    return _finish(norm, mentions, sentences, source, structure)


# ---------------------------------------------------------------- several processes
_WORKER_NLP: Language | None = None  # set before the pool forks; the workers inherit it
# The NER's matrices are small: BLAS threads only spin and, with several processes on few
# cores, steal each other's time. One thread each, for the extraction's duration.
_ONE_BLAS_THREAD = functools.partial(ThreadpoolController().limit, limits=1, user_api="blas")
CHUNK_CHARS = 40_000
# The rules carry state from paragraph to paragraph (one paragraph of context, and "inside a grant
# table", which lasts until the table ends). Chunks therefore start only after a paragraph of prose
# (a long paragraph that ends a sentence: no table runs through it), and each chunk is annotated
# together with the WARMUP_PARAS paragraphs before it, whose annotations are dropped.
WARMUP_PARAS = 3
_PROSE_END = re.compile(r"[.!?»\"”]\s*$")

# (paragraphs to annotate, how many of them at the start are warm-up whose annotations are dropped)
Chunk = tuple[list[str], int]


def _chunk(texts: list[str], start: int, end: int) -> Chunk:
    """Paragraphs ``start:end`` of a document with the warm-up paragraphs before them."""
    warm = max(0, start - WARMUP_PARAS)
    return texts[warm:end], start - warm


def _annotate_chunk(chunk: Chunk) -> list[Annotation]:
    texts, warm = chunk
    return list(annotate(_WORKER_NLP, texts))[warm:]


def _finish_doc(args: tuple[Normalized, list[tuple[str, int]], list[Annotation], str, Structure]) -> DocResult:
    norm, paras, annots, source, structure = args
    return _finish(norm, *_collect(norm, paras, annots), source, structure)


def _bounds(texts: list[str], size: int) -> list[tuple[int, int]]:
    """Split one document's paragraphs into runs of at least ``size`` characters, cut only
    after a paragraph of prose. Chunks never span documents: one pass starts each afresh."""
    out: list[tuple[int, int]] = []
    start, n = 0, 0
    for i, t in enumerate(texts):
        if n >= size and len(texts[i - 1]) >= 80 and _PROSE_END.search(texts[i - 1]):
            out.append((start, i))
            start, n = i, 0
        n += len(t)
    if start < len(texts):
        out.append((start, len(texts)))
    return out


PR_SET_PDEATHSIG = 1  # prctl(2) option: a signal for this process when its parent dies


def _watch_parent(parent: int) -> None:
    """Exit as soon as ``parent`` is gone: polled where the kernel cannot tell us."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _die_with_parent(parent: int) -> None:
    """Worker initialiser: a worker must not outlive a killed ``kg`` (SIGKILL or SIGTERM of the
    parent runs no cleanup). Linux kills it through PR_SET_PDEATHSIG; elsewhere a thread polls."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    else:  # pragma: no cover - Linux only in CI
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def extract_many(nlp: Language, docs: Iterable[tuple[str, str]], jobs: int = 1) -> Iterator[DocResult]:
    """Extract from (raw text, source name) pairs, one result per document, in order.

    With ``jobs`` > 1 (and the ``fork`` start method, i.e. Linux), each document's paragraphs
    are annotated in chunks by ``jobs`` worker processes that share the already loaded
    pipeline, and each document's resolution and relations run in a worker as soon as all
    its chunks are in (see :func:`_schedule`). The results are the same as with one process.
    """
    with _ONE_BLAS_THREAD():
        if jobs <= 1 or "fork" not in mp.get_all_start_methods():
            for raw, source in docs:
                yield extract_text(nlp, raw, source)
            return
        global _WORKER_NLP
        _WORKER_NLP = nlp
        try:
            with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork"), initializer=_die_with_parent,
                                     initargs=(os.getpid(),)) as pool:
                for group in _groups(docs, GROUP_CHARS):
                    yield from _schedule(group, pool, jobs)
        finally:
            _WORKER_NLP = None


GROUP_CHARS = 4_000_000  # documents scheduled together: memory holds one group's texts and annotations


def _groups(docs: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    """Consecutive runs of documents of about ``size`` characters (at least one document each)."""
    group: list[tuple[str, str]] = []
    n = 0
    for doc in docs:
        group.append(doc)
        n += len(doc[0])
        if n >= size:
            yield group
            group, n = [], 0
    if group:
        yield group


def _schedule(docs: list[tuple[str, str]], pool: Executor, jobs: int) -> Iterator[DocResult]:
    """Run chunk annotation and per-document finishing in ``pool`` (``jobs`` workers), finishing first.

    A document's resolution and relations (one task, not divisible) wait for all its chunks;
    the largest document's are the longest task. So the largest documents' chunks go first,
    a ready finishing task jumps the queue of chunks, and only ``jobs`` tasks are in flight at
    a time (a pool's own queue would make a finishing task wait behind every queued chunk).
    """
    structures, norms = zip(*(structure_and_text(raw) for raw, _ in docs)) if docs else ((), ())
    paras = [list(paragraphs(n)) for n in norms]
    texts = [[t for t, _ in ps] for ps in paras]
    total = sum(len(t) for ts in texts for t in ts)
    size = max(2_000, min(CHUNK_CHARS, total // (jobs * 4) + 1))
    bounds = [_bounds(ts, size) for ts in texts]
    by_size = sorted(range(len(docs)), key=lambda d: -sum(map(len, texts[d])))
    chunks = deque((d, k) for d in by_size for k in range(len(bounds[d])))
    annots: list[dict[int, list[Annotation]]] = [{} for _ in docs]
    finishing: deque[int] = deque()
    results: dict[int, DocResult] = {}
    next_out = 0
    running: dict[Future, tuple[int, int | None]] = {}  # task -> (document, chunk or None: finishing)
    while chunks or finishing or running:
        while len(running) < jobs and (finishing or chunks):
            if finishing:
                d = finishing.popleft()
                got = [a for k in range(len(bounds[d])) for a in annots[d].pop(k)]
                running[pool.submit(_finish_doc, (norms[d], paras[d], got, docs[d][1], structures[d]))] = (d, None)
            else:
                d, k = chunks.popleft()
                running[pool.submit(_annotate_chunk, _chunk(texts[d], *bounds[d][k]))] = (d, k)
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for fut in done:
            d, k = running.pop(fut)
            if k is None:
                results[d] = fut.result()
            else:
                annots[d][k] = fut.result()
                if len(annots[d]) == len(bounds[d]):
                    finishing.append(d)
        while next_out in results:  # in input order
            yield results.pop(next_out)
            next_out += 1
