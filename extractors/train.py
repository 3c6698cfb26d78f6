"""Training kg's NER: silver labels from the rule pipeline plus hand-written examples.

``kg train`` calls :func:`train`, which

1. runs the rule pipeline (``build_nlp(rules=True, model=False)``) over the
   corpus documents, sentence by sentence, and turns what the rules find into
   *silver* training documents (:func:`silver_docs`);
2. reads the hand-written, fully annotated example sentences in
   ``extractors/training/*.txt`` (:func:`load_examples`);
3. writes both as DocBins and trains ``extractors/config/ner.cfg`` with
   ``spacy.cli.train`` (fixed seed, CPU);
4. copies only the best model (no optimizer state, no ``model-last``) to the
   output folder, with the training provenance in ``meta.json["kg_training"]``.

Silver labelling policy (the rules are precise but far from complete, so most
tokens have *unknown* labels, not "outside"):

* tokens of a rule entity (a span with a rule id; the rules' weak guesses do
  not count) get B/I/L/U of that entity's label, and so do the other
  occurrences of that name in the same report (:func:`propagate_names`);
* a token outside every entity is marked **O** when no *name-like* token is
  within ``O_WINDOW`` tokens of it in its sentence, or when it is an ordinary
  lower-case word (not a connector such as "i", "för", "och") with no name
  keyword within two tokens ("Västerbottens *utveckling*"); every other token
  is **missing** (``doc.set_ents(..., default="missing")``), so the model is
  not taught that an unknown name is "outside". Name-like: capitalised or with
  an inner capital (not a common word opening a sentence or list item), or a
  lower-case word containing a name keyword such as "strategi", "program",
  "fond", "projekt", "plan", "agenda";
* sentences with only O tokens are kept, at most ``MAX_EMPTY_RATIO`` of them
  per sentence with entities, so the model also learns what is not a name.

Hand-written examples are fully annotated: their unmarked tokens are O. Every
training sentence with entities is also shown once with its names swapped for
other names of the same type (:func:`swap_names`), so the model learns names
from context and form rather than by heart.
"""
from __future__ import annotations

import hashlib
import json
import logging
import random
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from . import TYPES
from .extract import paragraphs
from .normalize import normalize
from .train_gold import gold_docs, name_docs

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
CONFIG = HERE / "config" / "ner.cfg"
EXAMPLES_DIR = HERE / "training"
DEFAULT_OUTPUT = HERE / "model"
LABELS = TYPES  # the entity types of ontology/kg.ttl

O_WINDOW = 3
MAX_EMPTY_RATIO = 2.0
DEV_FRACTION = 0.1
# Lower-case parts of words that often belong to a strategy, fund, programme or project name.
NAME_KEYWORDS = ("strategi", "program", "fond", "projekt", "plan", "agenda", "anslag", "initiativ",
                 "nätverk", "plattform", "satsning", "samverkan", "forum", "råd", "kommun", "region",
                 "universitet", "myndighet", "verket", "styrelse", "nämnd", "förbund", "förening",
                 "bolag", "leader", "interreg", "horisont", "eu")

_MARKUP = re.compile(r"\[([^\[\]]+?)\]\((Organisation|Project|Strategy|FundingSource)\)")


# --------------------------------------------------------------------------- examples

def parse_markup(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``"[Region Gävleborg](Organisation) leder ..."`` -> (plain text, [(start, end, label)])."""
    text, spans, pos = [], [], 0
    out_len = 0
    for m in _MARKUP.finditer(line):
        before = line[pos:m.start()]
        text.append(before)
        out_len += len(before)
        name = m.group(1)
        spans.append((out_len, out_len + len(name), m.group(2)))
        text.append(name)
        out_len += len(name)
        pos = m.end()
    text.append(line[pos:])
    plain = "".join(text)
    if "[" in plain and "](" in plain:
        raise ValueError(f"unparsed markup in: {line[:80]}")
    return plain, spans


def load_examples(examples_dir: Path = EXAMPLES_DIR) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """All hand-written examples: one sentence a line in ``*.txt``; ``#`` starts a comment line."""
    out = []
    for f in sorted(Path(examples_dir).glob("*.txt")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                out.append(parse_markup(line))
            except ValueError as e:
                raise ValueError(f"{f.name}:{n}: {e}") from None
    return out


def example_docs(nlp: Language, examples: Iterable[tuple[str, list[tuple[int, int, str]]]]) -> Iterator[Doc]:
    """Fully annotated docs (unmarked tokens are O) from parsed examples."""
    for text, spans in examples:
        doc = nlp.make_doc(text)
        ents = []
        for s, e, label in spans:
            span = doc.char_span(s, e, label=label, alignment_mode="strict")
            if span is None:
                raise ValueError(f"entity {text[s:e]!r} does not align with tokens in: {text[:80]}")
            ents.append(span)
        doc.set_ents(ents, default="outside")
        yield doc


# --------------------------------------------------------------------------- silver

# Lower-case words that join the parts of a name ("Länsstyrelsen i X", "strategi för X").
CONNECTORS = {"i", "för", "och", "av", "på", "till", "mot", "med", "om", "inom", "vid", "en", "ett", "det", "den",
              "de", "&", "-", "–", "+", "över", "under", "från", "samt", "som"}
_SENT_PUNCT = {",", ".", ";", "!", "?", "•"}


def _has_keyword(tok) -> bool:
    low = tok.lower_
    return any(k in low for k in NAME_KEYWORDS)


def swedish_lexicon() -> set[str]:
    """Lower-case Swedish word forms (spacy-lookups-data's lemma table, keys and lemmas)."""
    import gzip

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "sv_lemma_lookup.json.gz"
    try:
        table = json.loads(gzip.open(path).read())
    except OSError:  # pragma: no cover - lookups data is a dependency
        return set()
    return set(table) | set(table.values())


def _item_start(tok, sent_start: int) -> bool:
    """First word of a sentence, heading or list item."""
    if tok.i == sent_start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_punct or prev.is_space or prev.like_num or prev.text in {"•", "–", "-", "*"}


def _name_like(tok, sent_start: int, common: set[str] | frozenset = frozenset()) -> bool:
    t = tok.text
    if not any(c.isalpha() for c in t):
        return False
    if tok.is_title and _item_start(tok, sent_start) and (tok.lower_ in STOP_WORDS or tok.lower_ in common):
        return False
    if t[0].isupper() or any(c.isupper() for c in t[1:]):
        return True
    low = tok.lower_
    return any(k in low for k in NAME_KEYWORDS)


def _usable_rule_ents(doc: Doc) -> list[Span]:
    from .resolve import STOPLIST, norm_key  # late: resolve belongs to the rules side
    # only spans with a rule id: the rules' weak guesses (no id) stay unlabelled
    return [e for e in doc.ents if e.ent_id_ and e.label_ in LABELS and norm_key(e.text) not in STOPLIST
            and len(norm_key(e.text)) >= 2]


def silver_doc(sent: Span, common: set[str] | frozenset = frozenset()) -> tuple[Doc, int]:
    """One sentence as a training doc with the silver policy above; returns (doc, number of entities)."""
    doc = Doc(sent.doc.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent])
    ents = [Span(doc, e.start - sent.start, e.end - sent.start, label=e.label_)
            for e in _usable_rule_ents(sent.doc) if e.start >= sent.start and e.end <= sent.end]
    in_ent = set()
    for e in ents:
        in_ent.update(range(e.start, e.end))
    suspicious = [i for i, t in enumerate(doc) if i not in in_ent and _name_like(t, 0, common)]
    keyword = [i for i, t in enumerate(doc) if _has_keyword(t)]
    outside = []
    for i, t in enumerate(doc):
        if i in in_ent:
            continue
        if t.is_space or t.text in _SENT_PUNCT or not any(abs(i - j) <= O_WINDOW for j in suspicious):
            outside.append(doc[i:i + 1])
        elif (t.is_lower and t.is_alpha and t.lower_ not in CONNECTORS and not _has_keyword(t)
              and not any(abs(i - j) <= 2 for j in keyword)):
            # an ordinary lower-case word near a name but not next to a name keyword
            # ("Västerbottens utveckling"): not part of a name
            outside.append(doc[i:i + 1])
    doc.set_ents(ents, outside=outside, default="missing")
    return doc, len(ents)


def propagate_names(docs: list[Doc], make_doc, common: set[str] | frozenset = frozenset()) -> int:
    """Label the other occurrences of names the rules found in the same document.

    A name a rule recognised once ("Norrtåg AB", "Analysportal Norr") is a name
    wherever it recurs in that report, also where no rule fires; labelling those
    occurrences shows the model the name in more contexts. Only distinctive names
    are propagated: several words, or one word that is not a common word. Returns
    how many spans were added.
    """
    from spacy.matcher import PhraseMatcher

    if not docs:
        return 0
    votes: dict[str, Counter] = {}
    for doc in docs:
        for e in _usable_rule_ents(doc):
            if len(e) > 1 or (e.text.lower() not in common and len(e.text) >= 3):
                votes.setdefault(e.text, Counter())[e.label_] += 1
    if not votes:
        return 0
    vocab = docs[0].vocab
    matcher = PhraseMatcher(vocab, attr="ORTH")
    label_of = {}
    for name, c in votes.items():
        label_of[name] = c.most_common(1)[0][0]
        matcher.add(name, [make_doc(name)])
    added = 0
    for doc in docs:
        taken = set()
        for e in doc.ents:
            if e.ent_id_:
                taken.update(range(e.start, e.end))
        new = []
        for match_id, start, end in sorted(matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if any(i in taken for i in range(start, end)):
                continue
            name = vocab.strings[match_id]
            new.append(Span(doc, start, end, label=label_of[name], span_id="propagated"))
            taken.update(range(start, end))
        if new:
            keep = [e for e in doc.ents if e.ent_id_]
            doc.ents = sorted(keep + new, key=lambda e: e.start)
            added += len(new)
    return added


def silver_docs(texts: Iterable[str], nlp: Language | None = None, seed: int = 0) -> Iterator[Doc]:
    """Silver training docs (one per sentence) from raw document texts, labelled by the rules."""
    if nlp is None:
        from .pipeline import build_nlp
        nlp = build_nlp(rules=True, model=False)
    rng = random.Random(seed)
    texts = list(texts)
    # Capitalised at the start of a sentence or item but a common word: not a name.
    common = swedish_lexicon()
    for raw in texts:
        common.update(w for w in re.findall(r"\b[a-zåäöé][\wåäöé-]+", raw))
    for raw in texts:
        norm = normalize(raw)
        with_ents, empty = [], []
        docs = list(nlp.pipe((p for p, _ in paragraphs(norm)), batch_size=256))
        propagate_names(docs, nlp.make_doc, common)
        for doc in docs:
            for sent in doc.sents:
                if not sent.text.strip():
                    continue
                d, n = silver_doc(sent, common)
                (with_ents if n else empty).append(d)
        keep = int(len(with_ents) * MAX_EMPTY_RATIO) + 10
        if len(empty) > keep:
            empty = rng.sample(empty, keep)
        # Only fully-O sentences are informative among the empty ones.
        yield from with_ents
        yield from (d for d in empty if any(t.ent_iob_ == "O" for t in d))


def label_stats(docs: Iterable[Doc]) -> dict:
    c: Counter = Counter()
    for d in docs:
        c["docs"] += 1
        for t in d:
            c["tok_" + (t.ent_iob_ or "missing")] += 1
        for e in d.ents:
            c[e.label_] += 1
    return dict(c)


AUGMENT_COPIES = 1


def swap_names(docs: list[Doc], rng: random.Random, copies: int = 1) -> Iterator[Doc]:
    """Copies of ``docs`` whose entities are replaced by other names of the same label
    (drawn from all entities of ``docs``); every other token keeps its label (O or missing)."""
    pool: dict[str, list[list[str]]] = {}
    for d in docs:
        for e in d.ents:
            pool.setdefault(e.label_, []).append([t.text for t in e])
    for label in pool:
        pool[label] = sorted({tuple(w) for w in pool[label]})
    for _ in range(copies):
        for d in docs:
            words, spaces, tags = [], [], []
            ent_at = {e.start: e for e in d.ents}
            i = 0
            while i < len(d):
                e = ent_at.get(i)
                if e is not None:
                    new = list(rng.choice(pool[e.label_]))
                    words += new
                    spaces += [True] * (len(new) - 1) + [bool(d[e.end - 1].whitespace_)]
                    tags += ["B-" + e.label_] + ["I-" + e.label_] * (len(new) - 1)
                    i = e.end
                else:
                    t = d[i]
                    words.append(t.text)
                    spaces.append(bool(t.whitespace_))
                    tags.append("O" if t.ent_iob_ == "O" else None)
                    i += 1
            yield Doc(d.vocab, words=words, spaces=spaces, ents=tags)


def make_docbins(corpus: list[Path], examples_dir: Path = EXAMPLES_DIR, seed: int = 0,
                 dev_fraction: float = DEV_FRACTION, gold_dir: Path | None = None,
                 realdata_dir: Path | None = None) -> tuple[DocBin, DocBin, dict]:
    """(train, dev, stats): silver sentences of ``corpus``, the examples, and where given the gold
    sentences of ``gold_dir`` (reports found beside the corpus) and template sentences with the real
    names of ``realdata_dir`` (:mod:`extractors.train_gold`), each group split reproducibly."""
    blank = spacy.blank("sv")
    texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in corpus]  # .txt / .md
    silver = list(silver_docs(texts, seed=seed))
    examples = list(example_docs(blank, load_examples(examples_dir)))
    corpus_dir = Path(corpus[0]).parent if corpus else Path(".")
    gold = list(gold_docs(blank, gold_dir, corpus_dir, seed)) if gold_dir else []
    names = list(name_docs(blank, realdata_dir, seed=seed)) if realdata_dir else []
    rng = random.Random(seed)
    train_docs, dev_docs = [], []
    for group in (silver, examples, gold, names):
        idx = list(range(len(group)))
        rng.shuffle(idx)
        n_dev = int(len(group) * dev_fraction)
        dev_docs += [group[i] for i in idx[:n_dev]]
        train_docs += [group[i] for i in idx[n_dev:]]
    # The examples are few and precise: show them twice in training.
    train_docs += [examples[i] for i in range(len(examples))]
    # Name swapping: the same sentences with other names of the same type, so the model
    # learns names from their context and form, not the corpus's own names by heart.
    swapped = list(swap_names([d for d in train_docs if d.ents], rng, AUGMENT_COPIES))
    train_docs += swapped
    stats = {"silver": label_stats(silver), "examples": label_stats(examples), "gold": label_stats(gold),
             "real_names": label_stats(names),
             "swapped": len(swapped), "train_docs": len(train_docs), "dev_docs": len(dev_docs)}
    return (DocBin(docs=train_docs, store_user_data=False), DocBin(docs=dev_docs, store_user_data=False), stats)


# --------------------------------------------------------------------------- training

def _digest(paths: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(Path(p) for p in paths if Path(p).is_file()):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def train(corpus: list[Path], output: Path = DEFAULT_OUTPUT, max_steps: int | None = None, seed: int = 0,
          config: Path = CONFIG, examples_dir: Path = EXAMPLES_DIR, eval_frequency: int | None = None,
          workdir: Path | None = None, gold_dir: Path | None = None, realdata_dir: Path | None = None,
          echo=None) -> dict:
    """Train the NER on silver labels of ``corpus``, the examples and (where given) gold sentences and
    real names; write the best model to ``output``.

    Training runs in a child process with a pinned numeric backend (:mod:`.train_env`); its
    progress lines go to ``echo``. Returns the provenance dict also stored in
    ``output/meta.json["kg_training"]``.
    """
    from .entity_rules import PATTERN_DIR
    from .train_env import pinned_kernel, spacy_train

    corpus = sorted(Path(p) for p in corpus)
    output = Path(output)
    train_db, dev_db, stats = make_docbins(corpus, examples_dir, seed, gold_dir=gold_dir, realdata_dir=realdata_dir)
    overrides: dict = {"system.seed": seed}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
        if eval_frequency is None:
            eval_frequency = max(1, min(200, max_steps // 4 or 1))
    if eval_frequency is not None:
        overrides["training.eval_frequency"] = eval_frequency
    tmp = Path(tempfile.mkdtemp(prefix="kg-train-", dir=workdir))
    try:
        train_db.to_disk(tmp / "train.spacy")
        dev_db.to_disk(tmp / "dev.spacy")
        overrides["paths.train"] = str(tmp / "train.spacy")
        overrides["paths.dev"] = str(tmp / "dev.spacy")
        spacy_train(config, tmp / "out", overrides, hide=str(tmp), echo=echo)
        best = tmp / "out" / "model-best"
        if not (best / "meta.json").exists():
            best = tmp / "out" / "model-last"
        provenance = {
            "config": config.name,
            "seed": seed,
            "max_steps": max_steps,
            "openblas_kernel": pinned_kernel(),  # and one thread: see extractors/train_env.py
            "corpus": [p.name for p in corpus],
            "corpus_sha256": _digest(corpus),
            # what the silver labels depend on: the rules' code and data
            "rules_sha256": _digest([*PATTERN_DIR.glob("*.jsonl"), *(HERE / "gazetteers").glob("*"),
                                     *(HERE / n for n in ("entity_rules.py", "heading_names.py", "org_forms.py", "grant_names.py",
                                                          "project_defs.py", "distributive.py", "resolve.py", "pipeline.py",
                                                          "normalize.py", "extract.py", "field_labels.py",
                                                          "lexicons/field_labels.json"))]),
            "examples_sha256": _digest(Path(examples_dir).glob("*.txt")),
            "gold_sha256": _digest(Path(gold_dir).glob("*.json")) if gold_dir else None,
            "realdata_sha256": _digest(Path(realdata_dir).glob("*/*.tsv")) if realdata_dir else None,
            **stats,
        }
        cfg = spacy.util.load_config(best / "config.cfg", interpolate=False)
        cfg["paths"]["train"] = cfg["paths"]["dev"] = None  # temporary files; `kg train` rebuilds them
        cfg.to_disk(best / "config.cfg")
        meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
        meta["name"] = "kg_ner"
        meta["kg_training"] = provenance
        (best / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if output.exists():
            if any(output.iterdir()) and not (output / "meta.json").exists():
                raise FileExistsError(f"{output} exists and is not a spaCy model folder; not replacing it")
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(best, output)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return provenance
