"""The spaCy pipeline: blank Swedish, a PDF-proof sentencizer, rules and the trained NER.

Everything is a small component registered by name; which ones run is set in
``build_nlp``'s arguments, and each component's behaviour in its config.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
PATTERN_DIR = HERE / "patterns"
MODEL_DIR = HERE / "model"

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {"t.ex", "bl.a", "m.m", "m.fl", "s.k", "d.v.s", "dvs", "ca", "kl", "nr", "resp", "inkl",
           "exkl", "jfr", "osv", "o.s.v", "fr.o.m", "t.o.m", "st", "mkr", "tkr", "milj", "kr"}


@Language.component("kg_sentencizer")
def kg_sentencizer(doc: Doc) -> Doc:
    """Sentence starts after . ! ? (not after abbreviations) and after blank lines.

    Normalised PDF text keeps paragraph and heading breaks as "\\n\\n"; those are
    always sentence boundaries, whatever the punctuation says.
    """
    if len(doc) == 0:
        return doc
    doc[0].is_sent_start = True
    for i in range(1, len(doc)):
        prev, tok = doc[i - 1], doc[i]
        start = False
        if "\n" in prev.text or "\n" in prev.whitespace_:
            start = True
        elif prev.text in {".", "!", "?"} and not tok.is_punct:
            before = doc[i - 2].text.lower() if i >= 2 else ""
            start = before.rstrip(".") not in _ABBREV and (tok.is_title or tok.is_upper or tok.is_digit or not tok.is_alpha)
        elif prev.text.endswith(".") and len(prev.text) > 1 and tok.is_title:
            start = prev.text.lower().rstrip(".") not in _ABBREV and prev.text.count(".") == 1
        tok.is_sent_start = start
    return doc


def load_patterns(pattern_dir: Path = PATTERN_DIR) -> list[dict]:
    """All EntityRuler patterns kept as data: every ``*.jsonl`` file in ``pattern_dir``."""
    patterns: list[dict] = []
    for f in sorted(pattern_dir.glob("*.jsonl")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if line and not line.startswith("//"):
                try:
                    patterns.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise ValueError(f"{f.name}:{n}: bad pattern: {e}") from None
    return patterns


def model_available(model_dir: Path = MODEL_DIR) -> bool:
    return (model_dir / "meta.json").exists() or (model_dir / "model-best" / "meta.json").exists()


@lru_cache(maxsize=4)
def build_nlp(rules: bool = True, model: bool = True) -> Language:
    """Blank Swedish + sentencizer + (trained NER) + (EntityRuler on our pattern files).

    The ruler runs after the model and overwrites it where they overlap: patterns
    are precise, the model covers names no pattern knows.
    """
    if model and model_available():
        path = MODEL_DIR if (MODEL_DIR / "meta.json").exists() else MODEL_DIR / "model-best"
        nlp = spacy.load(path, exclude=[p for p in ("entity_ruler",)])
        log.debug("loaded NER model from %s", path)
    else:
        nlp = spacy.blank("sv")
    if "kg_sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("kg_sentencizer", first=True)
    if rules:
        add_rules(nlp)
    return nlp


def add_rules(nlp: Language) -> Language:
    """Rule components (owned by the entity-rules work): EntityRuler on patterns/*.jsonl, then
    ``kg_entity_rules`` (gazetteers, name forms, cue phrases, acronyms), which overwrites
    overlapping model/ruler spans and keeps the rest."""
    from . import entity_rules  # noqa: F401  (registers the kg_entity_rules factory)

    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(load_patterns())
    nlp.add_pipe("kg_entity_rules")
    return nlp
