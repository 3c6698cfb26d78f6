"""Fully annotated training sentences for the NER beyond the rules' silver labels.

Silver labels teach the model what the rules already find. Two sources teach it names the
rules miss:

* **gold**: annotated reports (``../shared/gold`` with ``../shared/corpus``). Every occurrence of
  a gold name or alias in a sentence is labelled with its type and, since the gold lists every
  entity of its line range, all other tokens are "outside" (:func:`gold_docs`);
* **real names**: the beneficiaries and project names of the ERUF project bank and the Swedish
  Interreg partners (``../shared/realdata``): companies, associations, English titles, names
  without cue words, set into sentence templates of the genre (:data:`TEMPLATES`,
  :func:`name_docs`).

Both are built at training time from ``../shared``; nothing of it is stored in the repository.
"""
from __future__ import annotations

import csv
import json
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .extract import paragraphs
from .normalize import normalize

MAX_EMPTY_PER_ENTITY_SENTENCE = 1.0  # gold sentences without a name, per sentence with one
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")

# Sentences of the genre with slots: O (an organisation), O2 (another), P (a project), F (a fund).
TEMPLATES = [
    "{O} driver projektet {P} som finansieras av {F}.",
    "{P} drivs av {O} tillsammans med {O2}.",
    "{O} har beviljats stöd från {F} för {P}.",
    "Inom {P} samarbetar {O} och {O2} med företag i regionen.",
    "{P} är ett samarbete mellan {O} och {O2}.",
    "Projektägare för {P} är {O}.",
    "{O} leder {P}, som pågår till 2027.",
    "{P} har under året genomfört flera aktiviteter tillsammans med {O}.",
    "Med stöd från {F} startar {O} {P}.",
    "{O} deltar som partner i {P}.",
    "Resultaten från {P} presenterades av {O2} på en konferens.",
    "{O} och {O2} har tecknat ett avtal om {P}.",
]
FUNDS = ["Europeiska regionala utvecklingsfonden", "ERUF", "regionalfonden", "Interreg Aurora", "Interreg Nord",
         "Interreg Östersjöregionen", "Europeiska socialfonden+", "Fonden för en rättvis omställning"]
_SLOT = re.compile(r"\{(O2|O|P|F)\}")
_SLOT_LABEL = {"O": "Organisation", "O2": "Organisation", "P": "Project", "F": "FundingSource"}


def _mark(doc: Doc, spans: list[tuple[int, int, str]]) -> Doc | None:
    """``doc`` with ``spans`` as its entities and every other token outside; None if a span does not align."""
    ents = []
    for s, e, label in spans:
        span = doc.char_span(s, e, label=label, alignment_mode="strict")
        if span is None:
            return None
        ents.append(span)
    try:
        doc.set_ents(ents, default="outside")
    except ValueError:  # overlapping names
        return None
    return doc


def _occurrences(sentence: str, names: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping occurrences of the (name, label) pairs, longest names first, as whole words."""
    taken: list[tuple[int, int, str]] = []
    for name, label in names:
        for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", sentence):
            if not any(m.start() < e and s < m.end() for s, e, _ in taken):
                taken.append((m.start(), m.end(), label))
    return sorted(taken)


def _gold_names(gold_files: Iterable[Path]) -> dict[str, list[tuple[str, str]]]:
    """Document file name -> its gold (name, label) pairs, longest first."""
    out: dict[str, set[tuple[str, str]]] = {}
    for f in gold_files:
        g = json.loads(Path(f).read_text(encoding="utf-8"))
        names = out.setdefault(g["doc"], set())
        for e in g["entities"]:
            for n in (e["name"], *e.get("aliases", [])):
                if len(n) >= 2 and not n.islower():
                    names.add((n, e["type"]))
    return {doc: sorted(ns, key=lambda x: (-len(x[0]), x)) for doc, ns in out.items()}


def gold_docs(nlp: Language, gold_dir: Path, corpus_dir: Path, seed: int = 0) -> Iterator[Doc]:
    """Fully annotated sentences of the gold-annotated reports in ``corpus_dir``."""
    rng = random.Random(seed)
    for doc_name, names in sorted(_gold_names(sorted(Path(gold_dir).glob("*.json"))).items()):
        path = Path(corpus_dir) / doc_name
        if not path.is_file():
            continue
        with_names, empty = [], []
        for para, _ in paragraphs(normalize(path.read_text(encoding="utf-8", errors="replace"))):
            for sentence in _SENT_END.split(para):
                spans = _occurrences(sentence, names)
                doc = _mark(nlp.make_doc(sentence), spans)
                if doc is not None:
                    (with_names if spans else empty).append(doc)
        rng.shuffle(empty)
        yield from with_names
        yield from empty[:int(len(with_names) * MAX_EMPTY_PER_ENTITY_SENTENCE)]


def _read_tsv(path: Path, columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return [tuple(row[c].strip() for c in columns) for row in csv.DictReader(fh, delimiter="\t")
                if all(row.get(c, "").strip() for c in columns)]


def real_names(realdata_dir: Path) -> tuple[list[str], list[str]]:
    """(organisations, projects): the real names of the ERUF project bank and the Interreg partners."""
    root = Path(realdata_dir)
    eruf = _read_tsv(root / "tillvaxtverket_projektbanken_eruf_2014-2020" / "projekt_stodmottagare_fond_belopp.tsv",
                     ("stödmottagare", "projektnamn"))
    interreg = _read_tsv(root / "interreg_svenska_partners_2021-2027" / "projekt_partner_roll_program.tsv",
                         ("organisationsnamn", "projektnamn"))
    orgs = sorted({o for o, _ in eruf + interreg if len(o.split()) <= 8})
    projects = sorted({p for _, p in eruf + interreg if len(p.split()) <= 12})
    return orgs, projects


def name_docs(nlp: Language, realdata_dir: Path, n: int = 600, seed: int = 0) -> Iterator[Doc]:
    """``n`` template sentences filled with real names, fully annotated."""
    orgs, projects = real_names(realdata_dir)
    if len(orgs) < 2 or not projects:
        return
    rng = random.Random(seed)
    for i in range(n):
        template = TEMPLATES[i % len(TEMPLATES)]
        fill = {"O": rng.choice(orgs), "O2": rng.choice(orgs), "P": rng.choice(projects), "F": rng.choice(FUNDS)}
        text, spans, pos = "", [], 0
        for m in _SLOT.finditer(template):
            text += template[pos:m.start()]
            name = fill[m.group(1)]
            spans.append((len(text), len(text) + len(name), _SLOT_LABEL[m.group(1)]))
            text += name
            pos = m.end()
        text += template[pos:]
        doc = _mark(nlp.make_doc(text), spans)
        if doc is not None:
            yield doc
