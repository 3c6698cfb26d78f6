"""The spaCy pipeline: blank Swedish, a PDF-proof sentencizer, rules and the trained NER.

Everything is a small component registered by name; which ones run is set in
``build_nlp``'s arguments, and each component's behaviour in its config.
"""
from __future__ import annotations

import re
import logging
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_TITLE, IS_UPPER, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from .field_labels import in_place_field
from thinc.api import use_ops

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
MODEL_DIR = HERE / "model"

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {"t.ex", "bl.a", "m.m", "m.fl", "s.k", "d.v.s", "dvs", "ca", "kl", "nr", "resp", "inkl",
           "exkl", "jfr", "osv", "o.s.v", "fr.o.m", "t.o.m", "st", "mkr", "tkr", "milj", "kr"}


@Language.component("kg_sentencizer")
def kg_sentencizer(doc: Doc) -> Doc:
    """Sentence starts after . ! ? (not after abbreviations) and after blank lines.

    Normalised PDF text keeps paragraph and heading breaks as "\\n\\n"; those are
    always sentence boundaries, whatever the punctuation says. Works on token
    attribute arrays (no Token objects): it runs on every paragraph.
    """
    n = len(doc)
    if n == 0:
        return doc
    arr = doc.to_array([ORTH, IS_PUNCT, IS_TITLE, IS_UPPER, IS_DIGIT, IS_ALPHA]).tolist()
    strings = doc.vocab.strings
    texts = [strings[row[0]] for row in arr]
    starts = [-1] * n
    starts[0] = 1
    for i in range(1, n):
        prev = texts[i - 1]
        _, punct, title, upper, digit, alpha = arr[i]
        start = False
        if "\n" in prev:
            start = True
        elif prev in {".", "!", "?"} and not punct:
            before = texts[i - 2].lower() if i >= 2 else ""
            start = before.rstrip(".") not in _ABBREV and bool(title or upper or digit or not alpha)
        elif prev.endswith(".") and len(prev) > 1 and title:
            start = prev.lower().rstrip(".") not in _ABBREV and prev.count(".") == 1
        if start:
            starts[i] = 1
    doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").astype("uint64"))
    return doc


def model_available(model_dir: Path = MODEL_DIR) -> bool:
    return (Path(model_dir) / "meta.json").exists() or (Path(model_dir) / "model-best" / "meta.json").exists()


# ---------------------------------------------------------------- the trained NER and its filter
# Lower-case word parts that a lower-case Strategy / FundingSource name must contain
# ("regional utvecklingsstrategi", "regionalfonden", "landsbygdsprogrammet").
_LOWER_NAME_HEADS = {
    "Strategy": ("strategi", "plan", "agenda", "program", "policy", "handlingsplan"),
    "FundingSource": ("fond", "program", "anslag", "stöd", "medel", "leader", "interreg", "horisont", "horizon",
                      "life", "erasmus", "checkar", "bidrag", "kliv", "lån"),
}
_ROLES = {"chef", "enhetschef", "avdelningschef", "verksamhetschef", "direktör", "regiondirektör", "ordförande",
          "handläggare", "samordnare", "strateg", "utvecklingsstrateg", "kontaktperson", "ansvarig", "projektledare"}
_TITLE_WORD = re.compile(r"(?:chef|chefen|direktör|direktören|ministern|minister|ordförande|ordföranden|"
                         r"generaldirektör|generaldirektören|landshövding|landshövdingen)$")
_TITLES_BEFORE_NAME = {"vd", "professor", "docent", "doktor", "dr", "kommunalråd", "kommunalrådet", "regionråd",
                       "regionrådet", "oppositionsråd", "statssekreterare", "riksdagsledamot", "ledamot", "talesperson",
                       "forskare", "projektledare", "handläggare", "samordnare", "utvecklingsledare", "säger", "berättar"}
_EVENT_WORD = re.compile(r"(?:pandemi|pandemin|krisen|kriget|invasionen|valet|olyckan)$")
_SECTION_NUMBER = re.compile(r"\b\d+\.\d+\b")  # "Delmål 3.1", table and section numbers
_LIST_PUNCT = re.compile(r"[,;/–—]|:(?![\w])")  # ":" inside a name ("Re:Industry", "EU:s") is fine
# Words a model span must not start or end with: determiners, pronouns, prepositions.
_BAD_EDGE = {"den", "det", "de", "denna", "detta", "dessa", "en", "ett", "som", "och", "eller", "i", "för",
             "med", "av", "till", "på", "om", "från", "under", "inom", "vid", "samt", "att", "mot", "över",
             "the", "and", "of", "for", "in"}
# Lower-case word parts that may end an Organisation / Project name ("Luleå tekniska universitet").
_LOWER_TAILS = ("kommun", "universitet", "högskola", "verket", "myndighet", "styrelse", "nämnd", "förbund",
                "förening", "råd", "institut", "centrum", "bolag", "kammare", "stiftelse", "region",
                "projekt", "nätverk", "plattform", "forum", "satsning", "samverkan", "initiativ", "program",
                "kluster", "lab", "arena", "akademi", "hub", "partnerskap")


@lru_cache(maxsize=1)
def _gazetteer_words() -> tuple[frozenset, frozenset]:
    """(plain place names, given names), lower case, from the rules' lexicon (the one gazetteer loader,
    entity_rules.load_lexicon) and the Nordic counties and provinces below."""
    from .entity_rules import load_lexicon

    lex = load_lexicon()
    places = {p.casefold() for p in lex.places}
    for county in ("Norrbotten", "Västerbotten", "Jämtland", "Härjedalen", "Västernorrland", "Gävleborg", "Dalarna",
                   "Värmland", "Örebro", "Västmanland", "Uppland", "Sörmland", "Östergötland", "Småland", "Skåne",
                   "Blekinge", "Halland", "Bohuslän", "Dalsland", "Gotland", "Lappland", "Ångermanland", "Medelpad",
                   "Hälsingland", "Gästrikland", "Nordland", "Troms", "Finnmark", "Trøndelag", "Österbotten",
                   "Lappi", "Sábmie", "Sápmi"):
        places.add(county.casefold())
    return frozenset(places), frozenset(n.casefold() for n in lex.first_names)


@lru_cache(maxsize=32)
def _head_end_re(heads: tuple[str, ...]) -> re.Pattern:
    return re.compile("(?:" + "|".join(map(re.escape, heads)) + r")(?:en|et|n|er|erna|ar|arna|na|s|e)?$")


def _ends_with_head(word: str, heads: tuple[str, ...]) -> bool:
    """``word`` ends in one of ``heads``, maybe inflected: "strategin", "kommuner", "fonden"."""
    return bool(heads) and _head_end_re(heads).search(word) is not None


_ACRONYM_COMPOUND = re.compile(r"^[A-ZÅÄÖ0-9/]{2,}-[a-zåäö]")


def _model_span_ok(span) -> bool:
    """A span the NER proposes is kept only if it looks like a name of its type.

    The model learned from silver labels and over-generalises "capitalised word
    = name"; these checks keep its spans to name shapes: no function word or
    list punctuation at an edge, no section numbers, no lone acronym (the rules
    read acronym definitions) or capitalised common word opening a sentence,
    a lower-case last word only when it is a name head ("... kommun",
    "... universitet", "... strategin"), Strategy/FundingSource names only with
    a strategy or fund word, no plain places or persons (the rules' gazetteers).
    """
    from .resolve import STOPLIST, norm_key  # resolve's stoplist is the one shared list of generic words
    from .entity_rules import activity_item

    text = span.text.strip()
    key = norm_key(text)
    if len(key) < 2 or key in STOPLIST or not any(c.isalpha() for c in text):
        return False
    first, last = span[0], span[-1]
    if first.lower_ in _BAD_EDGE or last.lower_ in _BAD_EDGE or first.is_punct:
        return False
    if last.is_punct and last.text not in {")", "+"}:
        return False
    if "\n" in text or _SECTION_NUMBER.search(text) or _LIST_PUNCT.search(text):
        return False  # line breaks, section numbers, lists, headings ("Västerbotten – En region")
    if sum(c.isalpha() for c in text) <= 2:
        return False  # "AI", "EU": too short to tell
    line_start = span.doc.text.rfind("\n", 0, span.start_char) + 1
    if in_place_field(span.doc.text[line_start:span.start_char]):
        return False  # "Län: Västra Götaland   Kommuner: Ale, LillaEdet": a fact box's places
    if activity_item(span.doc.text, span.start_char):
        return False  # "Följande aktivitetsområden ... - Nätverk för samverkan - ...": a line of work, not a name
    places, given = _gazetteer_words()
    prev = span.doc[span.start - 1] if span.start > 0 else None
    after_cue = prev is not None and any(h in prev.lower_ for h in _LOWER_TAILS)  # "projektet X"
    if prev is not None and (prev.is_title or prev.is_upper) and prev.is_alpha and not after_cue and not (
            prev.is_sent_start and prev.is_stop) and prev.lower_ not in places:
        return False  # cut off from a longer name: "Digitala [Västerbotten i samverkan]"
    heads = _LOWER_NAME_HEADS.get(span.label_, ())
    tails = heads + _LOWER_TAILS
    if heads and not any(h in key for h in heads):
        return False  # a Strategy / FundingSource name names its kind ("...strategi", "...fonden", "Interreg ...")
    if not (text[0].isupper() or text[0].isdigit()):
        # lower-case names: "regional utvecklingsstrategi", "regionalfonden", "regionala utvecklingsnämnden"
        definite_org = (span.label_ == "Organisation" and len(span) > 1 and last.lower_.endswith(("en", "et", "na"))
                        and _ends_with_head(last.lower_, _LOWER_TAILS)
                        and not any(t.lower_ in {"och", "eller"} for t in span))
        if not (_ends_with_head(last.lower_, heads) or definite_org):
            return False
    if (last.is_lower and span.label_ in ("Strategy", "FundingSource") and not _ends_with_head(last.lower_, heads)
            and not any(t.lower_ in {"för", "om", "inom", "mot"} for t in span[1:-1])):
        return False  # "Agenda 2030:s globala"; but "Fonden för en rättvis omställning"
    if last.is_lower and span.label_ in ("Organisation", "Project") and not _ends_with_head(last.lower_, tails):
        if not (last.lower_ == "län" and first.lower_ in {"länsstyrelsen", "region"}) and not (
                span.label_ == "Project" and after_cue):
            return False  # "Västerbottens utveckling", "AI förmåga"; but "projektet Smart fjällby"
    if _ACRONYM_COMPOUND.match(last.text) and not re.search(r"-(projektet|nätverket|plattformen|rådet)$", last.text):
        return False  # "EU-program", "AI-området": a compound common noun
    if len(span) == 1 and first.is_upper:
        return False  # a lone unexplained acronym: the rules read acronym definitions
    if _place_phrase(span, key, places):
        return False
    if _ACRONYM_COMPOUND.match(first.text) and not re.search(r"-(?:projektet|nätverket|plattformen|rådet)$", first.text) \
            and (len(span) == 1 or last.like_num):
        return False  # "RUS-prioritering 5", "EU-program": a compound common noun
    if len(span) > 1 and last.lower_.endswith("s") and last.lower_[:-1] in places:
        return False  # cut before the noun of a genitive: "Digital omställning i Västerbottens [industrier]"
    if _person_or_role(span, prev, given):
        return False
    if sum(t.is_alpha for t in span) >= 2 and all(t.is_upper for t in span if t.is_alpha and len(t) > 1):
        return False  # an all-caps heading or table header ("BEVILJADE PROJEKT"), not a name the model knows
    if _EVENT_WORD.search(last.lower_):
        return False  # an event ("Corona-pandemin", "finanskrisen"), not an actor or a project
    if last.is_lower and last.lower_.endswith(("område", "området", "områden", "områdena")):
        return False  # "regionala styrkeområden": an area ("-råd" + "en" is not a council here)
    if span.label_ == "Organisation" and len(span) > 1 and last.lower_ in ("region", "regioner") and last.is_lower:
        return False  # "Sammanhållen region", "Lärande region": a vision phrase, not the authority ("Region X")
    if len(span) == 1 and span.end < len(span.doc) and span.doc[span.end].text == ":" and (
            prev is None or prev.is_punct or prev.is_space or "\n" in prev.text_with_ws):
        return False  # a field label opening a line ("Finansiär: ...", "Projektägare: ...")
    if len(span) == 1 and len(text) <= 5 and sum(c.isupper() for c in text) >= 2:
        return False  # a short mixed-case abbreviation ("FoU", "SMFs")
    if len(span) == 1 and first.is_title:
        item_start = first.is_sent_start or prev is None or prev.is_punct or prev.is_space or prev.like_num
        if item_start and (first.is_stop or len(first) < 5):
            return False  # a capitalised function word opening a sentence, heading or list item
        # (other capitalised common words opening a sentence are dropped per document in
        # extract._model_mention_ok: the document also writes them in lower case)
    return True



def _place_phrase(span, key: str, places: frozenset[str]) -> bool:
    """A place, or a phrase about a place's things, rather than a name ("Jämtland Härjedalen",
    "Västerbottens kommuner")."""
    first, last = span[0], span[-1]
    words = [t.lower_ for t in span if t.is_alpha and t.lower_ not in _BAD_EDGE]
    if key in places or key.rstrip("s") in places or (
            words and all(w in places or (w.endswith("s") and w[:-1] in places) for w in words)):
        return True  # a place ("Norra Sverige", "Jämtland Härjedalen")
    if (len(span) == 2 and first.lower_.endswith("s") and first.lower_[:-1] in places and last.is_lower
            and last.lower_.endswith(("er", "ar", "or"))):
        return True  # a place's plural things: "Västerbottens kommuner", "Norrbottens aktörer"
    if (len(span) > 2 and first.lower_.endswith("s") and first.lower_[:-1] in places and span[1].is_lower
            and span[1].lower_.endswith(("er", "ar", "or"))):
        return True  # "Västerbottens kommuner för utveckling och samverkan": a phrase about them
    return False


def _person_or_role(span, prev, given: frozenset[str]) -> bool:
    """A person's name or title, or a role, rather than an organisation or a project."""
    first = span[0]
    if len(span) >= 2 and first.lower_ in given and span[1].is_title:
        return True  # a person ("Maria Nilsson")
    if first.lower_ in _ROLES or _TITLE_WORD.search(first.lower_):
        return True  # a role in a signature or table ("Chef Näringsliv"), a person's title ("Riksbankschefen ...")
    if any(t.lower_ in given and nxt.is_title for t, nxt in zip(span, span[1:])):
        return True  # a person inside ("Riksbankschefen Erik Thedéen")
    if prev is not None and (_TITLE_WORD.search(prev.lower_) or prev.lower_ in _TITLES_BEFORE_NAME):
        return True  # a person after a title ("näringsminister Ebba Busch", "professor X Y")
    return False


MODEL_KB_ID = "kg_ner"  # marks the trained NER's spans (rule spans carry an id instead)


@Language.component("kg_model_filter")
def kg_model_filter(doc: Doc) -> Doc:
    """Drop NER spans that fail :func:`_model_span_ok` and mark the rest as the model's
    (``kb_id_ == MODEL_KB_ID``); runs right after ``ner``, before the rules."""
    if doc.ents:
        doc.ents = [Span(doc, e.start, e.end, label=e.label, kb_id=MODEL_KB_ID) for e in doc.ents
                    if _model_span_ok(e)]
    return doc


def _load_model(model_dir: Path) -> Language:
    path = model_dir if (model_dir / "meta.json").exists() else model_dir / "model-best"
    # Inference multiplies through numpy's BLAS, not thinc's bundled BLIS: the BLIS wheels run a
    # generic reference kernel on this hardware, at about a third of the speed. (Training keeps
    # thinc's default, so that `kg train` stays reproducible.)
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(path, exclude=["entity_ruler"])
    log.debug("loaded NER model from %s", path)
    if "ner" in nlp.pipe_names and "kg_model_filter" not in nlp.pipe_names:
        nlp.add_pipe("kg_model_filter", after="ner")
    return nlp


@lru_cache(maxsize=4)
def build_nlp(rules: bool = True, model: bool = True, model_dir: Path | None = None) -> Language:
    """Blank Swedish + sentencizer + (trained NER + its filter) + (EntityRuler on our pattern files).

    The ruler runs after the model and overwrites it where they overlap: patterns
    are precise, the model covers names no pattern knows. Without a shipped model
    (``extractors/model``) ``model=True`` quietly falls back to rules only.
    """
    model_dir = Path(model_dir) if model_dir else MODEL_DIR
    if model and model_available(model_dir):
        nlp = _load_model(model_dir)
    else:
        if model and not rules:
            raise FileNotFoundError(f"no trained NER model in {model_dir} (run `kg train`)")
        nlp = spacy.blank("sv")
    if "kg_sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("kg_sentencizer", first=True)
    if rules:
        add_rules(nlp)
    return nlp


def add_rules(nlp: Language) -> Language:
    """Rule component (owned by the entity-rules work): ``kg_entity_rules`` runs the patterns in
    patterns/*.jsonl, gazetteers, name forms, cue phrases and acronyms; it overwrites overlapping
    model spans and keeps the rest."""
    from . import entity_rules  # noqa: F401  (registers the kg_entity_rules factory)

    nlp.add_pipe("kg_entity_rules")  # also runs the patterns/*.jsonl (EntityRuler format)
    return nlp
