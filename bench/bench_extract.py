#!/usr/bin/env python3
"""Extraction speed over a corpus, next to a blank-Swedish tokenizer-only pass in the same run.

Usage: python bench/bench_extract.py [CORPUS_DIR] [--jobs 1 2] [--ner both|rules|model] [--repeat N]

CORPUS_DIR defaults to ../shared/corpus relative to the repository. Tokens are
counted by the tokenizer-only pass (spacy.blank("sv") over the same normalised
paragraphs the pipeline sees); the whole pipeline is ``kg extract``'s work:
normalisation, spaCy (sentencizer, NER model, rules), resolution and relations.
Loading the pipeline is timed apart (it happens once per run). The best of
--repeat runs is reported. The last line is the one to quote:

  bench: N tokens | tokenizer-only X tok/s | pipeline jobs=1 Y tok/s (Y/X) | jobs=2 Z tok/s (Z/X) | load L

Wall-clock speed depends on what else runs on the machine: the load average is
printed with it, and for one process also tokens per CPU-second.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts to time (default: 1 2)")
    ap.add_argument("--ner", choices=["both", "rules", "model"], default="both")
    ap.add_argument("--repeat", type=int, default=2, help="runs per setting; the best is reported")
    a = ap.parse_args(argv)

    import spacy

    from extractors.extract import extract_many, paragraphs
    from extractors.normalize import normalize
    from extractors.pipeline import build_nlp
    from kg.build import NER_MODES

    files = sorted(p for p in Path(a.corpus).glob("*") if p.suffix.lower() in (".txt", ".md"))
    if not files:
        print(f"no .txt/.md files in {a.corpus}", file=sys.stderr)
        return 1
    docs = [(p.read_text(encoding="utf-8", errors="replace"), p.name) for p in files]

    blank = spacy.blank("sv")
    paras = [para for raw, _ in docs for para, _ in paragraphs(normalize(raw))]
    best_tok, n_tokens = float("inf"), 0
    for _ in range(a.repeat):
        t = time.perf_counter()
        n_tokens = sum(len(d) for d in blank.tokenizer.pipe(paras, batch_size=256))
        best_tok = min(best_tok, time.perf_counter() - t)
    tok_speed = n_tokens / best_tok

    t = time.perf_counter()
    rules, model = NER_MODES[a.ner]
    nlp = build_nlp(rules=rules, model=model)
    load = time.perf_counter() - t
    print(f"corpus: {len(files)} file(s), {n_tokens} tokens; pipeline {nlp.pipe_names} loaded in {load:.2f}s")
    print(f"tokenizer-only (spacy.blank('sv')): {best_tok:.2f}s  {tok_speed:,.0f} tok/s")
    parts = [f"bench: {n_tokens} tokens", f"tokenizer-only {tok_speed:,.0f} tok/s"]
    list(extract_many(nlp, docs[:1], jobs=1))  # warm caches (lazy gazetteers, compiled patterns)
    for jobs in a.jobs:
        best, best_cpu = float("inf"), float("inf")
        for _ in range(a.repeat):
            t, c = time.perf_counter(), time.process_time()
            n_ents = sum(len(r.entities) for r in extract_many(nlp, docs, jobs=jobs))
            best = min(best, time.perf_counter() - t)
            best_cpu = min(best_cpu, time.process_time() - c)
        speed = n_tokens / best
        cpu = f"; {n_tokens / best_cpu:,.0f} tok per CPU-second" if jobs == 1 else ""
        print(f"pipeline --ner {a.ner} --jobs {jobs}: {best:.2f}s  {speed:,.0f} tok/s  "
              f"({speed / tok_speed:.0%} of tokenizer-only{cpu}; {n_ents} entities)")
        parts.append(f"pipeline jobs={jobs} {speed:,.0f} tok/s ({speed / tok_speed:.0%})")
    share = _structure_share(nlp, docs, a.repeat)
    print(f"structure stage (tables, fact boxes, lists: finding and cutting them): {share:.1%} of one process's time")
    parts.append(f"structure stage {share:.1%}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(" | ".join(parts) + f" | load {load:.1f} on {os.cpu_count()} cores")
    return 0


def _structure_share(nlp, docs, repeat: int) -> float:
    """Share of a one-process extraction spent in the structure stage (``structure.analyse`` and
    ``layout_cells.apply_layouts``), timed inside the same run (lowest of ``repeat``)."""
    import extractors.extract as ex

    spent = [0.0]

    def timed(f):
        def run(*args, **kw):
            t = time.perf_counter()
            out = f(*args, **kw)
            spent[0] += time.perf_counter() - t
            return out
        return run

    originals = ex.analyse, ex.apply_layouts
    ex.analyse, ex.apply_layouts = map(timed, originals)
    try:
        shares = []
        for _ in range(repeat):
            spent[0] = 0.0
            t = time.perf_counter()
            list(ex.extract_many(nlp, docs, jobs=1))
            shares.append(spent[0] / (time.perf_counter() - t))
    finally:
        ex.analyse, ex.apply_layouts = originals
    return min(shares)


if __name__ == "__main__":
    sys.exit(main())
