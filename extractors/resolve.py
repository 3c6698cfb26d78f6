"""Entity resolution: many surface forms, one entity.

Before keying, spans are mended (:func:`repair_mentions`, :func:`complete_cut_mentions`,
:func:`extend_names`): "Long (ACR)" split, cut names completed, fact-box labels ("Namn:") and firm cue
words ("Bolaget X AB") dropped, a strategy's owner ("... för Umeå kommun") and a trailing year or period
("... 2022–2033") joined to the name, company names begun too late completed.

Mentions are grouped by type under a normalised key (:func:`entity_key`): case
folded, hyphen/slash/line-break variants unified, Swedish genitive and definite
forms reduced ("Region Västerbottens", "regionala livsmedelsstrategin"), cue
suffixes dropped ("VIGO-projektet"), "Länsstyrelsen i X" = "Länsstyrelsen X",
bare municipality names mapped to the official name. Gazetteer aliases, acronym
definitions in the text ("Long Name (ACR)", "ACR (Long Name)") and fuzzy matching
(rapidfuzz, same type only) then join groups. A key seen under several types
keeps the type most of its mentions have. Canonical names follow the gold
conventions: official/long form, nominative, as written in the text, with the period the text gives a
strategy or fund ("Länstransportplan för X 2022–2033"; the key ignores it, so dated and undated forms
meet), without a definite cue word ("Nätverket X" -> "X"); every surface form is an alias. The text's own
acronym definition beats the gazetteer's reading of the acronym.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .field_labels import label_alternation
from .records import Entity, Mention
from .relation_patterns import unit_heads

try:  # rapidfuzz is a declared dependency; resolution still works without it
    from rapidfuzz import fuzz
except ImportError:  # pragma: no cover
    fuzz = None


def _load_stoplist() -> set[str]:
    from .entity_rules import load_lexicon

    return set(load_lexicon().generic)


# Generic words that are never an entity on their own (data: gazetteers/generic_words.txt).
STOPLIST = {
    "regionen", "region", "projektet", "projekten", "projekt", "kommunerna", "kommunen", "kommun",
    "länet", "strategin", "planen", "programmet", "nämnden", "styrelsen", "myndigheten", "agendan",
    "plattformen", "nätverket", "satsningen", "fonden", "eu", "sverige",
}
try:
    STOPLIST = (STOPLIST | _load_stoplist()) - {"eu"}
except Exception:  # pragma: no cover - data missing
    pass
STOPLIST.discard("eu")  # "EU" is an organisation in the gold conventions

# A mention without a rule id (model guess, weak capitalised-name guess) counts this much in type votes.
WEAK_VOTE = 0.3
# An entity seen only through the NER model needs this many mentions to be kept.
MODEL_MIN_MENTIONS = 2

_ACRONYM_DEF = re.compile(r"([A-ZÅÄÖ][\w\-–:&/ ]{3,120}?)\s*\(([A-ZÅÄÖ][A-Za-zÅÄÖåäö0-9+:\-&]{1,12})\)")
_ACRONYM_REV = re.compile(r"\b([A-ZÅÄÖ][A-ZÅÄÖa-zåäö0-9+:\-&]{1,11})\s\(([A-ZÅÄÖ][^()]{4,120}?)\)")
_CUE_SUFFIX = re.compile(r"-(?:projektet|projekt|nätverket|satsningen|plattformen|samarbetet|piloten|programmet|"
                         r"finansierade|finansierat|finansierad|kretsen|modellen|SM)$", re.I)
_PROJECT_CUE = re.compile(r"\w-(?:projektet|nätverket|satsningen|plattformen|samarbetet|piloten)$", re.I)
_CUE_PREFIX = re.compile(r"^(?:projektet|projekt|förstudien|plattformen|samverkansplattformen|nätverket|satsningen|"
                         r"initiativet|forskningscentret|mötesplatsen|mötesplats|den|det|de)\s+", re.I)
_ADJ = {"regionala": "regional", "regionalt": "regional", "nationella": "nationell", "nationellt": "nationell",
        "gemensamma": "gemensam", "gemensamt": "gemensam", "nya": "ny", "nytt": "ny", "svenska": "svensk",
        "europeiska": "europeisk", "norrländska": "norrländsk", "norrländskt": "norrländsk"}
_PROJECT_ADJ = {"strategiska": "strategisk", "strategiskt": "strategisk", "regionalt": "regional", "nationellt": "nationell"}
_DEFINITE = [("strategin", "strategi"), ("strategins", "strategi"), ("agendan", "agenda"), ("agendans", "agenda"),
             ("planen", "plan"), ("planens", "plan"), ("programmet", "program"), ("programmets", "program"),
             ("handboken", "handbok"), ("fonden", "fond"), ("anslaget", "anslag"), ("checkarna", "checkar"),
             ("checken", "check"), ("planerna", "plan")]


@lru_cache(maxsize=65536)
def norm_key(text: str) -> str:
    """Comparable form of a name: NFC, casefolded, dashes and spaces unified."""
    s = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = re.sub(r"\s*-\s+", "-", s)
    s = re.sub(r"\s+-\s*", "-", s) if re.search(r"\w\s+-\w", s) else s
    s = re.sub(r"[\"”“’»«]", "", s)
    s = re.sub(r"\s+", " ", s).strip(" .,:;\"'()")
    return s.casefold()


def strip_genitive(text: str) -> str:
    """'Region Västerbottens' -> 'Region Västerbotten', 'EU:s' -> 'EU'."""
    if text.endswith(":s"):
        return text[:-2]
    if len(text) > 3 and text.endswith("s") and not text.endswith("ss") and text[-2].isalpha():
        return text[:-1]
    return text


@lru_cache(maxsize=65536)  # a pure function of its arguments, asked thousands of times per document
def entity_key(text: str, etype: str) -> str:
    """Normalised key under which mentions of one entity meet."""
    s = norm_key(text)
    s = _CUE_PREFIX.sub("", s)
    s = _CUE_SUFFIX.sub("", s)
    if s.endswith(":s"):
        s = s[:-2]
    if etype == "Organisation":
        s = re.sub(r"^länsstyrelse(?:n|rna) i ", "länsstyrelsen ", s)
        s = re.sub(r"^(länsstyrelsen \w+?)s län$", r"\1", s)
        s = re.sub(r"^(länsstyrelsen \w+) län$", r"\1", s)
        if s.startswith("region"):
            s = re.sub(r"[/\-]", " ", s)
            s = re.sub(r"^region(\d)", r"region \1", s)  # "Region10"
        s = re.sub(r" kommuns$", " kommun", s)
        s = re.sub(r" (ab|aktiebolag)$", "", s)
        s = re.sub(r"^statens ", "", s) if len(s.split()) > 2 else s
    if etype in ("Project", "FundingSource"):
        s = re.sub(r"^programmet\s+(?!för |om |inom |kring )", "", s)  # "Programmet Smarta hamnar" = "Smarta hamnar"
    if etype == "Project":
        # "Strategiska rådet för X" = "Strategiskt råd för X" = "Strategirådet för X"; "X-SM" = "SM i X"
        words = []
        for w in s.split():
            w = _ADJ.get(w, _PROJECT_ADJ.get(w, w))
            w = re.sub(r"^(\w*?)(råd|forum|nätverk)(?:et)$", r"\1\2", w)
            words.extend(["strategisk", w[len("strategi"):]] if re.match(r"strategi(?:råd|forum|nätverk)$", w) else [w])
        s = " ".join(words)
        s = re.sub(r"^sm i (\w+)$", r"\1", s)  # "-SM" is dropped as a cue suffix above
    if etype == "Strategy":
        words = [_ADJ.get(w, w) for w in s.split()]
        for i, w in enumerate(words):
            for a, b in _DEFINITE:
                if w.endswith(a):
                    words[i] = w[: -len(a)] + b
                    break
        if len(words) > 1 and words[0].endswith("s") and words[1] in _ADJ.values():
            words = words[1:]  # "västerbottens regionala utvecklingsstrategi"
        s = " ".join(words)
        s = re.sub(r"\s*\(?(?:för perioden\s)?(\d{4})\s*-\s*(\d{4})\)?", "", s).strip()  # the period is not the name
        s = re.sub(r"^(.+? för \S.*?) (?:19|20)\d\d$", r"\1", s)  # "Klimatstrategi för X 2030" = "... för X"
        s = re.sub(r"\b(\w+?)s län\b", r"\1", s)  # "för Västerbottens län" = "för Västerbotten"
        # a national strategy: "Sveriges X" = "X för Sverige (2030)" = "(ny) nationell X"
        s = re.sub(r"^(?:ny |gemensam |länsgemensam )+(?=\w+ )", "", s)  # "ny/gemensam strategi för X" = "strategi för X"
        s = re.sub(r"^(?:ny )?(\w+) för sverige(?: \d{4})?$", r"nationell \1", s)
        s = re.sub(r"^sveriges (?!nationell )(?=\w+$)", "nationell ", s)
    if etype == "FundingSource":  # "Regionalfondsprogrammet för X 2021–2027" = "... för X"
        s = re.sub(r"\s*\(?(?:för perioden\s)?(?:19|20)\d\d\s*-\s*(?:19|20)\d\d\)?$", "", s).strip()
        s = re.sub(r"^(.+? för \S.*?) (?:19|20)\d\d$", r"\1", s)
    # genitive on the last word
    last = s.rsplit(" ", 1)[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is", "os", "ys", "ies")) and etype != "Strategy":
        if etype in ("Organisation", "FundingSource") or len(s) > 4:
            s = s[:-1]
    return s.strip()


# ---------------------------------------------------------------- gazetteer knowledge
_GAZ: dict[tuple[str, str], str] | None = None
_MUNI: dict[str, str] | None = None


def _gazetteer() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """(type, key of any known form) -> canonical name; bare municipality key -> official name."""
    global _GAZ, _MUNI
    if _GAZ is None:
        from .entity_rules import load_lexicon

        lex = load_lexicon()
        gaz: dict[tuple[str, str], str] = {}
        for canon, aliases, etype in lex.names:
            for form in (canon, *aliases):
                gaz.setdefault((etype, entity_key(form, etype)), canon)
        _GAZ = gaz
        _MUNI = {norm_key(b): o for b, o in lex.municipalities.items()}
    return _GAZ, _MUNI


def _places() -> set[str]:
    from .entity_rules import load_lexicon

    return load_lexicon().places


def _subsequence(letters: str, initials: str) -> bool:
    """The initials appear in ``letters`` in order ("sdt" in "skodit")."""
    it = iter(letters)
    return bool(initials) and all(c in it for c in initials)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w]+", name) if w[0].isupper() or w[0].isdigit()).lower()


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronym -> long form, from "Long Name (ACR)" and "ACR (Long Name)" in ``text``.

    The long form is trimmed to the words whose initials spell the acronym when
    that is possible, else kept up to 8 words back.
    """
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        long_form, acr = m.group(1).strip(), m.group(2)
        if sum(c.isupper() or c.isdigit() for c in acr) < 2 or acr[1:].isdigit() and len(acr) > 3:
            continue
        long_form = re.sub(r"\s+(?:19|20)\d\d(?:\s?[–-]\s?(?:19|20)\d\d)?$", "", long_form)  # "... 2022–2027 (S3)"
        words = long_form.split()
        letters = [c for c in acr if c.isalpha()]
        best = None
        for k in range(1, min(len(words), 12) + 1):
            cand = words[-k:]
            if cand[0][0].upper() == letters[0].upper() and (cand[0][0].isupper() or k > 1):
                best = cand
                if sum(1 for w in cand if w[0].isupper() or w[0].isdigit()) >= min(len(letters), 2) or k >= len(letters):
                    break
        if best:
            out.setdefault(acr, " ".join(best))
    for m in _ACRONYM_REV.finditer(text):
        acr, long_form = m.group(1), m.group(2).strip()
        if sum(c.isupper() for c in acr) >= 2 and _initials(long_form)[:1] == acr[0].lower():
            out.setdefault(acr, long_form)
    return out


# ---------------------------------------------------------------- resolution
def _canonical(forms: Counter, key: str, etype: str, gaz_name: str | None) -> str:
    if gaz_name:
        return gaz_name

    def score(f: str):
        k = entity_key(f, etype)
        genitive = f.endswith("s") and entity_key(f[:-1], etype) == k and k != norm_key(f)
        is_acr = f.isupper() and len(f) <= 8
        cued = bool(_DEFINITE_CUE.match(f))  # "Nätverket Circular North" names "Circular North"
        no_year = etype in ("Strategy", "FundingSource") and not re.search(r"(?:19|20)\d\d$", f)
        return (is_acr, k != key, genitive, cued, not f[:1].isupper(), no_year, -forms[f], -len(f), f)

    return sorted(forms, key=score)[0]


_HEAD = re.compile(r"\w*(?:strategi|agenda|plan|program|handbok|vision|fond|fonder|anslag|policy|politik)$")
_SCOPE = {"regional", "nationell", "gemensam", "ny", "svensk", "europeisk", "länsgemensam"}


_GENERIC_PLURAL = re.compile(r"^(?:\w+a )+\w*(?:strategier|planer|agendor|program|handlingsplaner|policyer)$")
_DETERMINER = re.compile(r"(?:^|\s)(?:ett|nytt|eget|det|detta|sitt|vårt|deras|dess)\s+$", re.I)
_HEADS = ("fonder", "fond", "strategi", "agenda", "plan", "program", "anslag")
_INDEFINITE = (("fonderna", "fonder"), ("fonden", "fond"), ("strategin", "strategi"), ("agendan", "agenda"),
               ("planen", "plan"), ("programmet", "program"), ("anslaget", "anslag"))


def _indefinite(word: str) -> str:
    """'strukturfonderna' -> 'strukturfonder', 'cykelstrategin' -> 'cykelstrategi'."""
    for a, b in _INDEFINITE:
        if word.endswith(a):
            return word[: -len(a)] + b
    return word


def _indefinite_key(key: str) -> str:
    return " ".join(_indefinite(w) for w in key.split())


def _base_head(word: str) -> str | None:
    """The kind a head compound names: "värmlandsstrategi" -> "strategi"."""
    return next((h for h in ("strategi", "agenda", "plan", "program", "policy", "fond") if word.endswith(h)), None)


def _head_word(key: str) -> str | None:
    """The compound that names what a strategy is ("drivmedelsstrategi"), if it has one."""
    for w in key.split():
        if _HEAD.match(w) and len(w) > 6:
            return w
    return None


_LEVEL = {"regional": "regional", "länsgemensam": "regional", "nationell": "national", "svensk": "national",
          "europeisk": "eu"}


def _level(key: str) -> str | None:
    """The administrative level a scope adjective gives a name ("regional" / "national" / "eu")."""
    return next((_LEVEL[w] for w in key.split() if w in _LEVEL), None)


def _is_bare(key: str, head: str) -> bool:
    """A name that is only its head word and scope adjectives ("regional drivmedelsstrategi")."""
    return all(w == head or w in _SCOPE for w in key.split())


def _is_acronym(text: str) -> bool:
    """An acronym-like token: no space, at least two capitals, short ("ACE", "CH2ESS", "Re:Ind")."""
    return " " not in text and 2 <= len(text) <= 12 and text[:1].isupper() and sum(
        c.isupper() or c.isdigit() for c in text) >= 2 and not (text[1:].isdigit() and len(text) > 3)


def _spells(acr: str, name: str) -> bool:
    """The acronym's letters are the initials of the name's capitalised and long words, in order
    ("FaR" / "Fysisk aktivitet på Recept", "KCF" / "Kommunchefsforum" is not)."""
    letters = [c.lower() for c in acr if c.isalpha()]
    initials = [w[0].lower() for w in re.findall(r"\w+", name) if w[0].isupper() or len(w) > 3]
    return len(letters) >= 2 and letters[0] == (initials[:1] or [""])[0] and _subsequence("".join(initials), "".join(letters))


def _component_type(members, groups, canon_of) -> str:
    """The type of an entity whose groups may carry different types: a gazetteer decides, else a
    vote of its mentions (rule spans 1, weak/model spans WEAK_VOTE; acronyms half: their type
    comes from context, the long form's from its head word). Ties go to the root group's type."""
    types = {g[0] for g in members}
    if len(types) == 1:
        return members[0][0]
    gaz_types = {g[0] for g in members if g in canon_of}
    if len(gaz_types) == 1:
        return next(iter(gaz_types))
    votes: Counter = Counter()
    for g in members:
        for m in groups[g]:
            w = 1.0 if m.source == "rules" else WEAK_VOTE
            votes[g[0]] += w / 2 if _is_acronym(m.text) else w
    best = max(votes.values())
    return members[0][0] if votes[members[0][0]] == best else sorted(t for t in votes if votes[t] == best)[0]


_NON_DIGIT = re.compile(r"\D")
_LOWER_WORD = re.compile(r"(?<![\w\-])[a-zåäöéü][\w]*(?![\w\-])")
COMMON_NOUN_MIN = 3  # lower-case uses of a word that make its capitalised form a common noun


_NAMING_CUE = re.compile(r"(?:projektet|projekten|nätverket|satsningen|plattformen|initiativet|programmet|förstudien|"
                         r"föreningen|företaget|bolaget|konceptet|mötesplatsen)\s+[”\"]?$", re.I)


def _common_noun(forms: Counter, lower: Counter, etype: str, text: str = "", mentions=()) -> bool:
    """A name the document otherwise writes in lower case, as ordinary words, more often than it
    capitalises it: "Digitalisering har ...", "på temat Unga och ...", a heading "Strategiska råd"
    over "... i form av strategiska råd": sentence starts and title case, not names. Left alone:
    names the text also writes in lower case as a mention, and names a cue word introduces
    ("projektet Hållbar tillväxt", "nätverket ”Nära samarbete”")."""
    if any(not f[:1].isupper() or _is_acronym(f) or " " in f and f[1:] != f[1:].lower() for f in forms):
        return False
    if etype == "Organisation" and any(rx.fullmatch(f) for f in forms for _, rx in _org_forms()):
        return False
    if any(_NAMING_CUE.search(text, max(0, mm.start - 25), mm.start) for mm in mentions):
        return False
    n = sum(forms.values())

    def uses(f: str) -> int:
        low = f[0].lower() + f[1:]
        if " " not in f:
            return lower[low]
        if text.count(low) < COMMON_NOUN_MIN:  # cheap bound first: most names never occur in lower case
            return 0
        return len(re.findall(r"(?<![\w\-])" + re.escape(low) + r"(?![\w\-])", text))

    return all(uses(f) >= max(COMMON_NOUN_MIN, n + 1) for f in forms)


_ALSO_CALLED = re.compile(r"\s*[(,]\s*(?:(?:även |också |ofta |numera )?(?:kort )?(?:kallad|kallat|kallade|kallas|benämnd|"
                          r"benämnt|förkortad|förkortat)|tidigare|före detta|f\.d\.|numera)\s+[”\"]?")
_PROJECT_HEADS = ("nätverk", "nätverket", "forum", "forumet", "råd", "rådet", "plattform", "plattformen")
_FOR_TAIL = re.compile(r"\s+för\s+((?:[\wåäö\-]+\s*){1,5})")
_SAID_BEFORE = re.compile(r"\s*[(,]\s*(?:(?:även |också |ofta |numera )?(?:kort )?(?:kallad|kallat|kallade|kallas|benämnd|"
                          r"benämnt|förkortad|förkortat)|tidigare|före detta|f\.d\.|numera)\s+[”\"]?$")
_ACRONYM_IS = re.compile(r"[”\"]?,?\s+(?:med )?(?:akronymen|förkortningen)\s+")
_BRACKET_ACR = re.compile(r" ?\(([A-ZÅÄÖ][\wÅÄÖåäö+:&\-]{1,11})\)")
_PREPOSITIONS = {"för", "om", "inom", "kring", "mot", "av", "på", "med", "till", "vid", "for", "of", "on"}  # not "i": "X i samverkan" is not "X"
_LOCATIVE = {"i"}  # "på/vid/från X" is as often an organisation ("anställd på X", "medel från X")


def _place_like(forms: Counter, cap_words: dict[str, list[str]]) -> bool:
    """A one-word organisation the text only ever writes as a place: after "i"
    every time it occurs, at least twice ("butiken i Åmsele ... servicen i Åmsele"). (A following
    "X, Y kommun" is no sign: lists of actors read "Företaget AB, Ystads kommun".)"""
    if any(" " in f or _is_acronym(f) or not f[:1].isupper() for f in forms):
        return False
    if any(rx.fullmatch(f) for f in forms for _, rx in _org_forms()):
        return False
    before = [b for f in forms for b in cap_words.get(f, ())]
    return len(before) >= 2 and all(b in _LOCATIVE for b in before)


# possessive \S++: a shorter run of non-spaces is never followed by the space, so backtracking is wasted
_CAP_WORD = re.compile(r"(?:(\S++) )?(?<![\w\-])([A-ZÅÄÖ][\w]*)(?![\w\-:])")


def capitalised_words(text: str) -> dict[str, list[str]]:
    """Each capitalised word of ``text`` -> the words just before its occurrences ("" after a
    line break or punctuation), in one pass."""
    out: dict[str, list[str]] = defaultdict(list)
    for hit in _CAP_WORD.finditer(text):
        out[hit.group(2)].append(hit.group(1) or "")
    return out


def _home_place(cap_words: dict[str, list[str]]) -> str | None:
    """The place (lower case) a report names most often, with its genitive: its home region."""
    places = _places()
    counts: Counter = Counter()
    for w, before in cap_words.items():
        lw = w.lower()
        base = lw if lw in places else lw[:-1] if lw.endswith("s") and lw[:-1] in places else None
        if base:
            counts[base] += len(before)
    return counts.most_common(1)[0][0] if counts else None


def _org_forms():
    from .entity_rules import _ORG_FORMS

    return _ORG_FORMS


def best_type_key(g: tuple[str, str], groups) -> tuple[str, str] | None:
    """The group a (type, key) pair ended up in after type voting."""
    if g in groups:
        return g
    return next((x for x in groups if x[1] == g[1]), None)


_ADJ_END = re.compile(r"(?:^|\s)[A-ZÅÄÖ]\w+ska$")
_DEFINITE_NOUN = re.compile(r"[ \t]*\n?[ \t]*[a-zåäö]\w{2,}(?:en|et|na)(?![\w\-])")
_GLUED_SENTENCE = re.compile(r"[a-zåäö]\.(?=[A-ZÅÄÖ][a-zåäö])")
_TRAILING_ACR = re.compile(r"^(.*\S)\s*\(([A-ZÅÄÖ][\wÅÄÖåäö+:&\-]{1,11})\)$")
_ELLIPSIS = re.compile(r"[ \t]*-\s+(?:och|eller|samt)\s+[a-zåäö][\w]*")
_CUT_TAIL = re.compile(r"\s+(?:\S+-|för|och|i|av|om|med|till|på|vid|samt|inom|the|of|for|and|in)$")


def repair_mentions(mentions: list[Mention], text: str) -> list[Mention]:
    """Spans cut or run on at a hyphen or bracket, mended before they are keyed.

    * "/Name" (a slash or bullet before the name) loses the punctuation; "Almedalen.Projektet" (two
      sentences glued by the PDF) ends at the full stop;
    * "Long Name (ACR)" in one span: the span becomes "Long Name", "ACR" a mention of its own;
    * "Hälso" + " - och sjukvård" (a compound ellipsis the span stopped in): the span runs on
      to the word after "och";
    * "Botniska" + " korridoren" (a span ending in a weak adjective, "-ska", before a definite noun):
      the span runs on to the noun;
    * "Kustrådet för informations-" + " och ..." (a span ending in the first half of a compound
      ellipsis): the fragment and the words it leaves dangling ("för") go; a one-word fragment
      ("Norr-") is no name at all; before anything else the trailing hyphen alone goes.
    """
    out: list[Mention] = []
    for m in mentions:
        lead = len(m.text) - len(m.text.lstrip("/•–-,;:.*· "))
        if lead and lead < len(m.text):  # "/WFF Production AB" from "World Forest Forum/WFF Production AB"
            m.text, m.start = m.text[lead:], m.start + lead
        if re.search(r"[^\W\d]{2}\.$", m.text) and "." not in m.text[:-1]:  # "FaR." at a sentence end
            m.text, m.end = m.text[:-1], m.end - 1
        glued = _GLUED_SENTENCE.search(m.text)
        if glued:  # "Almedalen.Projektet har ...": a full stop without its space ends the name
            m.text, m.end = m.text[:glued.start() + 1], m.start + glued.start() + 1
        t = m.text
        acr = _TRAILING_ACR.match(t)
        if acr and _is_acronym(acr.group(2)) and " " in acr.group(1):
            m.text, m.end = acr.group(1), m.start + len(acr.group(1))
            a0 = m.start + t.rindex("(") + 1
            out.append(Mention(acr.group(2), m.type, m.line, a0, a0 + len(acr.group(2)), m.source, m.rule))
        elif text and not t.endswith("-") and (ell := _ELLIPSIS.match(text, m.end)) and "\n\n" not in ell.group(0):
            m.text, m.end = t + re.sub(r"^\s*-\s+", "- ", ell.group(0)), ell.end()  # "Hälso- och sjukvård"
        elif text and _ADJ_END.search(t) and (noun := _DEFINITE_NOUN.match(text, m.end)):
            m.text, m.end = t + noun.group(0), noun.end()  # "Botniska" + " korridoren": the adjective needs its noun
        elif t.endswith("-") and not re.match(r"\s+(?:och|eller|samt)\s", text[m.end:m.end + 8]):
            m.text, m.end = t[:-1].rstrip(), m.start + len(t[:-1].rstrip())  # "Region 10-" + " kretsen"
        elif t.endswith("-"):
            cut = t
            while True:
                c2 = _CUT_TAIL.sub("", cut)
                if c2 == cut:
                    break
                cut = c2
            if cut.endswith("-") or cut == t:
                continue  # "Norr-": nothing of a name is left
            m.text, m.end = cut, m.start + len(cut)
        out.append(m)
    return out


_FUND_ITSELF = re.compile(r"(?:fonden|fond|\bFund)$")  # a fund's own name, not a programme's

_FUNCTION_WORDS = {"för", "och", "i", "av", "om", "på", "med", "till", "vid", "for", "of", "and", "the", "in", "on",
                   "&", "-", "–"}


def _title_name(text: str) -> bool:
    """Every word capitalised or a function word, no digits: "Centre for Hydrogen Energy Systems Sweden",
    not a table row "Fjällnära cykelleder Malå kommun 300 000"."""
    words = text.split()
    return len(words) >= 2 and not any(c.isdigit() for c in text) and all(
        w[:1].isupper() or w in _FUNCTION_WORDS for w in words)


_TOKEN = re.compile(r"[^\s()\[\]”“\"]+")


def drop_covered(mentions: list[Mention], grown: list[Mention]) -> list[Mention]:
    """Mentions inside a span that was grown over them ("Logistikcentrum" inside the mended "Gävle Hamn
    Logistikcentrum") go: the two spans were one name cut in two."""
    if not grown:
        return mentions
    ranges = sorted((g.start, g.end, id(g)) for g in grown)
    starts = [r[0] for r in ranges]
    out = []
    for m in mentions:
        i = bisect_right(starts, m.start) - 1
        inside = False
        while i >= 0 and ranges[i][1] >= m.end:
            if ranges[i][2] != id(m) and ranges[i][0] <= m.start and m.end <= ranges[i][1]:
                inside = True
                break
            i -= 1
            if i >= 0 and m.start - ranges[i][0] > 200:
                break
        if not inside:
            out.append(m)
    return out


def complete_cut_mentions(mentions: list[Mention], text: str, defs: dict[str, str]) -> list[Mention]:
    """A span that stops short of a name the document writes in full elsewhere runs on to it:
    "Centre for Hydrogen" + " Energy Systems Sweden (CH2ESS)" when "Centre for Hydrogen Energy
    Systems Sweden" is a span or an acronym's long form in the same document. Up to five following
    words of the same paragraph; the longest known name wins."""
    known = {norm_key(m.text) for m in mentions} | {norm_key(v) for v in defs.values() if _title_name(v)}
    known |= {re.sub(r" (?:19|20)\d\d-(?:19|20)\d\d$", "", k) for k in known}  # "X 2024–2026" names X too
    grown: list[Mention] = []
    for m in mentions:
        if _is_acronym(m.text):
            continue
        tail = text[m.end:m.end + 120].split("\n\n", 1)[0]
        if not tail[:1].isspace():
            continue
        best = None
        for i, tok in enumerate(_TOKEN.finditer(tail)):
            if i >= 5:
                break
            end = tok.end()
            while end > tok.start() and tail[end - 1] in ".,:;!?":
                end -= 1
            cand = m.text + tail[:end]
            if norm_key(cand) in known:
                best = (cand, m.end + end)
            if end < tok.end():
                break  # punctuation ends the name
        if best:
            m.text, m.end = re.sub(r"\s+", " ", best[0]), best[1]
            grown.append(m)
    return grown


_YEAR_TAIL = re.compile(r"[ \t]+((?:19|20)\d\d)(?:[ \t]?[–-][ \t]?((?:19|20)\d\d))?(?![\w–\-:])(?! års)")
# a single year belongs to the name only where the name ends with it: punctuation, a bracket, "som"/"och"
_YEAR_CLOSES = re.compile(r"\s*(?:[.,;:)(]|$|\n|(?:som|och|samt|är|var)\b)")
_STRATEGY_HEAD_END = re.compile(r"(?:strategi|plan|program|agenda|policy|handlingsplan)$")
_FOR_OWNER = re.compile(r" för ")
_FIELD_LABEL = re.compile(rf"^(?:{label_alternation()})\s*:\s+(?=[A-ZÅÄÖ0-9])")  # "Projektnamn: X" -> "X"
_DEFINITE_CUE = re.compile(r"^(?:Nätverket|Projektet|Plattformen|Satsningen|Programmet|Förstudien|Initiativet|"
                           r"Samverkansplattformen|Forskningsprojektet|Pilotprojektet)\s+(?=[A-ZÅÄÖ0-9])")
_FIRM_CUE = re.compile(r"^(?:[Bb]olaget|[Ff]öretaget|[Åå]keriet|[Kk]oncernen|[Dd]otterbolaget)\s+(?=[A-ZÅÄÖ]\S*(?:\s\S+)*\s"
                       r"(?:AB|Ltd|Oy|Oyj|AS|ASA|GmbH|Inc|HB|KB|ApS)$)")
_PREDICATIVE = re.compile(r"(?<![\w\-])(?:är|var|utgör|blir)\s+(?:en|ett)\s+$")
_COPULA = re.compile(r" (?:är|var) (?:också |även |numera |samtidigt )?(?=[A-ZÅÄÖ])")
_ATTRIBUTIVE = {"grön", "gröna", "hållbar", "hållbara", "cirkulär", "cirkulära", "digital", "digitala", "gemensam",
                "gemensamma", "social", "sociala", "fossilfri", "fossilfria", "smart", "smarta", "ökad", "stärkt",
                "regional", "regionala", "nationell", "nationella", "grönt", "hållbart", "hållbart", "digitalt"}
_NOUN_AFTER = re.compile(r"[ \t]+([a-zåäö][\wåäö\-]{3,})(?![\w\-])")
_IN_COOPERATION = re.compile(r"^(.{6,}\S) i samverkan$")
_COMPANY_END = re.compile(r"(?:^|\s)(?:AB|Ltd|Oy|Oyj|AS|ASA|A/S|GmbH|Inc|HB|KB|ApS)$")


def _year_tail(text: str, end: int) -> re.Match | None:
    """A year or year range right after a name ("... för Norrbotten 2022–2033"), if it closes the name."""
    y = _YEAR_TAIL.match(text, end)
    if not y or "\n\n" in y.group(0):
        return None
    if y.group(2) is None and not _YEAR_CLOSES.match(text, y.end()):
        return None  # "enligt planen 2024 beslutade ...": a year that starts a new clause
    return y


def extend_names(mentions: list[Mention], text: str) -> list[Mention]:
    """Names the span stopped short of, or ran into from a label, mended before keying.

    * "Namn: X" (a fact-box field label inside the span) loses the label;
    * "Klimatstrategi" + " för <organisation or place>" (a capitalised strategy head word followed by
      whose it is) runs on over the owner; the owner's own span inside the name is dropped;
    * a Strategy / FundingSource runs on over a directly following year or year range
      ("Länstransportplan för Norrbotten" + " 2022–2033");
    * "Kompetenscentrum X i samverkan" + " med ..." ends before "i samverkan";
    * "Ports Ltd" inside "Kvarken Ports Ltd" (a name the document writes in full elsewhere) starts
      where the full name starts.
    """
    if not text:
        return mentions
    by_start: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_start[m.start].append(m)
    places = _places()
    dropped: set[int] = set()
    for m in mentions:
        firm = _FIRM_CUE.match(m.text) if m.type == "Organisation" else None
        if firm:  # "Bolaget Kalmar Energi AB": the common noun is no part of the company's name
            m.text, m.start = m.text[firm.end():], m.start + firm.end()
        lab = _FIELD_LABEL.match(m.text)
        if lab:
            m.text, m.start = m.text[lab.end():], m.start + lab.end()
        last = m.text.rsplit(" ", 1)[-1].lower()
        if m.type == "Strategy" and m.text[:1].isupper() and _STRATEGY_HEAD_END.search(last) and last not in STOPLIST \
                and _FOR_OWNER.match(text, m.end):
            pos = m.end + 5
            owner = max((o for o in by_start.get(pos, ()) if o.type == "Organisation"), key=lambda o: o.end, default=None)
            end = None
            if owner is not None and "\n\n" not in text[m.end:owner.end]:
                end = owner.end
                dropped.add(id(owner))
            else:
                w = re.match(r"([A-ZÅÄÖ][\wåäö]+?)(?:s län| län|s)?(?![\w\-])", text[pos:pos + 40])
                if w and w.group(1).lower() in places:
                    end = pos + w.end()
            if end is not None:
                m.text, m.end = m.text + re.sub(r"\s+", " ", text[m.end:end]), end
        if m.type == "Strategy" and " för " in m.text:
            # "Energiplan för Kalmar" + " kommun": the owner's span runs past the strategy's end
            cut = m.start + m.text.index(" för ") + 5
            owner = next((o for p0 in range(cut, m.end) for o in by_start.get(p0, ())
                          if o.type == "Organisation" and o.end > m.end and "\n\n" not in text[m.end:o.end]), None)
            if owner is not None:
                m.text, m.end = m.text + re.sub(r"\s+", " ", text[m.end:owner.end]), owner.end
                dropped.add(id(owner))
            elif (unit := re.match(r" (?:län|kommun|stad)(?![\w\-])", text[m.end:m.end + 8])) \
                    and m.text.rsplit(" ", 1)[-1].lower() in places:
                m.text, m.end = m.text + unit.group(0), unit.end() + m.end  # "Länstransportplan för Kalmar" + " län"
        if m.type in ("Strategy", "FundingSource", "Project") and " " in m.text \
                and m.text.rsplit(" ", 1)[-1] in _ATTRIBUTIVE and (noun := _NOUN_AFTER.match(text, m.end)):
            # "Regional handlingsplan för grön" + " infrastruktur i Jämtlands län": no name ends in an adjective
            m.text, m.end = m.text + " " + noun.group(1), noun.end(1)
            place = re.match(r" i ([A-ZÅÄÖ][\wåäö]+?)(s län| län)?(?![\w\-])", text[m.end:m.end + 40])
            if place and place.group(1).lower() in places:
                m.text, m.end = m.text + place.group(0), m.end + place.end()
        if m.type in ("Strategy", "FundingSource") and not re.search(r"(?:19|20)\d\d$", m.text):
            y = _year_tail(text, m.end)
            if y and y.group(2) is None and not (m.type == "Strategy" and " för " in m.text):
                y = None  # "1:1-anslaget 2025" is the year's allocation; "Klimatstrategi för X 2030" a name
            if y:
                m.text, m.end = m.text + " " + text[y.start(1):y.end()].strip(), y.end()
        if m.type == "Project":
            coop = _IN_COOPERATION.match(m.text)
            if coop and re.match(r"\s+med\s", text[m.end:m.end + 6]):
                m.text, m.end = coop.group(1), m.start + len(coop.group(1))
    # a company name begun too late: it starts where the capitalised words before it start when the
    # document writes that longer name elsewhere ("Ports Ltd" / "Kvarken Ports Ltd"), or when the chain
    # follows a lower-case word or a comma ("tillsammans med Kvarken Ports Ltd"), not a sentence start
    full = {norm_key(m.text) for m in mentions if " " in m.text}
    for m in mentions:
        if not _COMPANY_END.search(m.text):
            continue
        best, pos = None, m.start
        for _ in range(3):
            w = re.search(r"(?<![\w\-])([A-ZÅÄÖ][\w&\-]*) $", text[max(0, pos - 40):pos])
            if not w or norm_key(w.group(1)) in STOPLIST:
                break
            pos -= len(w.group(0))
            if norm_key(text[pos:m.end]) in full or (len(m.text.split()) == 2  # "Energi AB": a bare head
                                                     and re.search(r"(?:[a-zåäö]|,) $", text[max(0, pos - 2):pos])):
                best = pos
        if best is not None:
            m.text, m.start = text[best:m.end], best
    # "EU:s strukturfonder": the possessor of a fund or strategy name is a mention of that organisation
    extra = [Mention(m.text[:4], "Organisation", m.line, m.start, m.start + 4, m.source, m.rule) for m in mentions
             if m.type != "Organisation" and m.text.startswith("EU:s ") and id(m) not in dropped]
    return [m for m in mentions if id(m) not in dropped] + extra


# "Name, en samverkansplattform / ett nätverk / ett bolag ...": an apposition that says what a name is
_KIND_APPOSITION = {
    "Project": re.compile(r",[ \t\n]+(?:(?:en|ett)[ \t\n]+(?:\w+-?)?(?:plattform|projekt|nätverk|satsning|mötesplats|"
                          r"initiativ|forum|samverkansprojekt|förstudie)(?![\w]))"),
    "Organisation": re.compile(r",[ \t\n]+(?:en|ett)[ \t\n]+(?:\w+-?)?(?:bolag|företag|förening|myndighet|förbund|"
                               r"stiftelse|institut)(?![\w])"),
    "Strategy": re.compile(r",[ \t\n]+(?:en|ett)[ \t\n]+(?:\w+-?)?(?:strategi|handlingsplan|program|agenda)(?![\w])"),
}


def _in_list(first: Mention, second: Mention, by_start: dict, by_end: dict, text: str) -> bool:
    """"A, B, C och D": the pair is part of a list of names of its type, not a name and its apposition."""
    nxt = re.match(r"(?:,| och| samt) ", text[second.end:second.end + 6])
    after = by_start.get(second.end + nxt.end()) if nxt else None
    before = by_end.get(first.start - 2) if text[max(0, first.start - 2):first.start] == ", " else None
    return any(x is not None and x.type == first.type for x in (after, before))


_RUN_BY = re.compile(r",[ \t\n]+som[ \t\n]+(?:drivs|leds|koordineras|ägs|samordnas)[ \t\n]+av[ \t\n]")


def _text_over_gazetteer(gaz: dict, defs: dict[str, str]) -> dict:
    """The document's own acronym definition beats the gazetteer's: "Elektrifierad stadslogistik
    Värmland (ESV)" is not the agency a gazetteer knows as ESV. Voided: gazetteer acronyms the text
    defines as a long form that spells them, is no gazetteer name, and shares no word with the
    gazetteer's name for the acronym."""
    void = set()
    for acr, long_form in defs.items():
        if not _spells(acr, long_form):
            continue
        for t in ("Organisation", "Project", "Strategy", "FundingSource"):
            canon = gaz.get((t, entity_key(acr, t)))
            if not canon or any((t2, entity_key(long_form, t2)) in gaz for t2 in ("Organisation", "Project", "Strategy",
                                                                                   "FundingSource")):
                continue
            words = {w for w in re.findall(r"\w{4,}", long_form.lower())}
            if not words & set(re.findall(r"\w{4,}", canon.lower())):
                void.add((t, entity_key(acr, t)))
    return {k: v for k, v in gaz.items() if k not in void} if void else gaz


def resolve(mentions: list[Mention], text: str = "") -> list[Entity]:
    """Group ``mentions`` into entities; ``text`` (normalised) supplies acronym definitions.

    Mentions are repaired and completed, typed (one type per surface form, then per key), keyed and
    grouped by key; the joins of :data:`_JOINS` then merge groups in turn (union-find over the keys,
    :class:`_Components`), and each component becomes one entity."""
    gaz, munis = _gazetteer()
    defs = acronym_definitions(text) if text else {}  # once per document: the regex scan is not cheap
    gaz = _text_over_gazetteer(gaz, defs)
    mentions = repair_mentions(mentions, text)
    if text:
        mentions = drop_covered(mentions, complete_cut_mentions(mentions, text, defs))
        mentions = extend_names(mentions, text)
    _vote_surface_types(mentions, gaz)
    keyed = _keyed(mentions, text, gaz, munis)
    comps = _Components(_group_by_key(keyed, gaz), keyed, text, gaz, defs)
    for join in _JOINS:
        join(comps)
    return _entities(comps, munis)


def _vote_surface_types(mentions: list[Mention], gaz) -> None:
    """One type per surface form: the keys depend on the type ("Professionsprogrammet" as a Strategy
    is keyed "professionsprogram"), so a form seen under two types would never meet itself."""
    surface_votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        surface_votes[norm_key(m.text)][m.type] += 1 if m.source == "rules" else WEAK_VOTE
    for sk, c in surface_votes.items():
        if len(c) > 1:
            for t in list(c):
                if (t, entity_key(sk, t)) in gaz:
                    c[t] += 1000  # public-fact gazetteer decides
    for m in mentions:
        c = surface_votes[norm_key(m.text)]
        if len(c) > 1:
            best = max(c.values())
            if c[m.type] < best:
                m.type = sorted(t for t in c if c[t] == best)[0]


def _keyed(mentions: list[Mention], text: str, gaz, munis) -> list[tuple[str, str, Mention]]:
    """(type, key, mention) for each mention that names something; bare municipality names get the official name."""
    keyed: list[tuple[str, str, Mention]] = []
    for m in mentions:
        k0 = norm_key(m.text)
        if k0 in STOPLIST or len(k0) < 2 or not any(c.isalpha() for c in k0):
            continue
        if (m.type in ("Strategy", "FundingSource") and _PREDICATIVE.search(text, max(0, m.start - 20), m.start)
                and _HEAD.match(k0.split(" ", 1)[0].split("-")[-1])):
            continue  # "som är ett EU-program för gränsöverskridande samarbete": a description, not a name
        if re.match(r"(?:19|20)\d\d(?:[–-](?:19|20)?\d\d)? [a-zåäö]", m.text):
            continue  # "2030 års mål", "2030 antogs 2021": a year and a lower-case word start no name
        if (m.type == "Strategy" and m.text[:1].islower() and _GENERIC_PLURAL.match(k0)
                and not _DETERMINER.search(text, max(0, m.start - 12), m.start)):
            continue  # "i regionala utvecklingsprogram", "regionala livsmedelsstrategier": a kind, not a name
        etype = m.type
        if etype == "Organisation" and text and not m.rule.startswith("rule:dist-") \
                and re.search(r"Länsstyrelserna i \S+ (?:och|samt) $", text[max(0, m.start - 50):m.start]):
            k = entity_key("Länsstyrelsen " + m.text, etype)  # "Länsstyrelserna i Västerbotten och Norrbotten"
        elif etype == "Organisation" and k0 in munis:
            k = entity_key(munis[k0], etype)
        elif etype == "Organisation" and k0.endswith("s") and k0[:-1] in munis:
            k = entity_key(munis[k0[:-1]], etype)
        else:
            k = entity_key(m.text, etype)
        if etype == "Project" and re.search(r"\w (?:19|20)\d\d-(?:19|20)\d\d$", k):
            k = k[:-10]  # "Projektet X 2024–2026": the project period is not the name
        if etype == "Project" and re.search(r"\w (?:19|20)\d\d$", k):
            k2 = k[:-5]  # "Mötesplats Lycksele 2025" = "Mötesplats Lycksele" (unless that is a known organisation)
            if not any((t, k2) in gaz for t in ("Organisation", "Strategy", "FundingSource")):
                k = k2
        if not k or k in STOPLIST:
            continue
        keyed.append((etype, k, m))
    return keyed


def _group_by_key(keyed: list[tuple[str, str, Mention]], gaz) -> dict[tuple[str, str], list[Mention]]:
    """One type per key (the type most mentions have; a gazetteer's decides) and the mentions of each (type, key)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for etype, k, m in keyed:
        votes[k][etype] += 1 if m.source == "rules" else WEAK_VOTE
    for k, c in votes.items():
        for t in ("Organisation", "FundingSource", "Strategy", "Project"):
            if (t, k) in gaz:
                c[t] += 1000  # public-fact gazetteer decides
    best_type = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for i, (etype, k, m) in enumerate(keyed):
        t = best_type[k]
        if t != etype and etype == "Project" and _PROJECT_CUE.search(norm_key(m.text)):
            # "RUS-nätverket" is a network around the strategy RUS, not the strategy: it keeps its type
            t, k = etype, norm_key(m.text)
            keyed[i] = (etype, k, m)
        m.type = t
        groups[(t, k)].append(m)
    return groups


class _Components:
    """Union-find over the (type, key) groups of one document: the joins merge groups into components,
    each of which becomes one entity. A component's root is its longest key; the gazetteer name it
    carries (``root_canon``) survives the joins."""

    def __init__(self, groups: dict[tuple[str, str], list[Mention]], keyed: list[tuple[str, str, Mention]],
                 text: str, gaz: dict, defs: dict[str, str]) -> None:
        self.groups, self.keyed, self.text, self.defs = groups, keyed, text, defs
        self.parent: dict[tuple[str, str], tuple[str, str]] = {g: g for g in groups}
        self.root_canon: dict[tuple[str, str], str] = {}  # root -> the gazetteer name its component carries
        self.canon_of: dict[tuple[str, str], str] = {}
        self._cap_words: dict[str, list[str]] | None = None
        self._lower_words: Counter | None = None
        by_canon: dict[tuple[str, str], tuple[str, str]] = {}
        for g in groups:
            c = gaz.get(g)
            if c:
                cg = (g[0], entity_key(c, g[0]))
                self.root_canon[g] = c
                if cg in by_canon:
                    self.union(by_canon[cg], g)
                else:
                    by_canon[cg] = g
                self.canon_of[g] = c
        self.keys_by_type: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
        for g in groups:
            self.keys_by_type[g[0]][g[1]] = g
        self.group_of = {id(m): (etype, k) for etype, k, m in keyed}
        self.by_start = {m.start: m for _, _, m in keyed}

    def find(self, g: tuple[str, str]) -> tuple[str, str]:
        parent = self.parent
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            ca, cb = self.root_canon.get(ra), self.root_canon.get(rb)
            if len(rb[1]) > len(ra[1]):  # keep the longer (more official) key as root
                ra, rb = rb, ra
            self.parent[rb] = ra
            if ca or cb:
                self.root_canon[ra] = ca or cb

    def cap_words(self) -> dict[str, list[str]]:
        """The document's capitalised words (counted on first need)."""
        if self._cap_words is None:
            self._cap_words = capitalised_words(self.text)
        return self._cap_words

    def lower_words(self) -> Counter:
        """The document's lower-case words (counted on first need)."""
        if self._lower_words is None:
            self._lower_words = Counter(_LOWER_WORD.findall(self.text))
        return self._lower_words


def _join_acronym_definitions(c: _Components) -> None:
    """An acronym and the long form the text defines for it (for a project, the longest name of
    its type that begins the long form and whose initials spell the acronym)."""
    text, keys_by_type, union, defs = c.text, c.keys_by_type, c.union, c.defs
    if text:
        for acr, long_form in defs.items():
            for t, kd in keys_by_type.items():
                a = kd.get(entity_key(acr, t)) or kd.get(norm_key(acr))
                lf = kd.get(entity_key(long_form, t))
                if a and not lf and t == "Project":
                    # a table row "Long name  Owner  2 400 000 (ACR)": the longest name of the type that begins
                    # the long form and whose initials spell the acronym in order
                    lk = entity_key(long_form, t)
                    starts = [k for k in kd if len(k) >= 6 and lk.startswith(k + " ")
                              and _subsequence(re.sub(r"[^a-zåäö]", "", acr.lower()), "".join(w[0] for w in k.split()))]
                    if starts:
                        lf = kd[max(starts, key=len)]
                if a and lf and a != lf:
                    union(lf, a)


def _join_side_by_side(c: _Components) -> None:
    """Mentions side by side as "Long Name (ACR)" or "ACR (Long Name)"."""
    text, keyed, groups = c.text, c.keyed, c.groups
    find, union, root_canon, group_of = c.find, c.union, c.root_canon, c.group_of
    if text:
        by_end = {m.end: m for _, _, m in keyed}
        for _, _, m in keyed:
            other = None
            if text[m.end:m.end + 1] == ")" and text[max(0, m.start - 2):m.start] == " (":
                other = by_end.get(m.start - 2)
            elif text[max(0, m.start - 3):m.start] in (" - ", " – "):  # "METRIC - Measurement of ..."
                other = by_end.get(m.start - 3)
                if other is not None and not (other.text.isupper() or sum(c.isupper() for c in other.text) >= 2
                                              and " " not in other.text):
                    other = None
            elif text[max(0, m.start - 2):m.start] == ", " and _is_acronym(m.text):
                # "Fysisk aktivitet på Recept, FaR": an acronym apposition whose letters are the name's initials
                other = by_end.get(m.start - 2)
                if other is not None and not _spells(m.text, other.text):
                    other = None
            if other is not None and text[m.end:m.end + 1] == ")" and not _is_acronym(m.text) \
                    and m.text.lower().endswith(unit_heads()):
                continue  # "Regeringskansliet (Näringsdepartementet)": a unit of the body, not another name of it
            if other is not None:
                a, b = best_type_key(group_of[id(other)], groups), best_type_key(group_of[id(m)], groups)
                ca, cb = (root_canon.get(find(a)), root_canon.get(find(b))) if a and b else (None, None)
                if ca and cb and not set(re.findall(r"\w{4,}", ca.lower())) & set(re.findall(r"\w{4,}", cb.lower())):
                    continue  # "via Interreg Aurora (ERUF)": two names a gazetteer knows apart, side by side
                # "Long Name (ACR)" is one entity even when the two spans got different types; the
                # component's type is voted below
                if a and b and (a[0] == b[0] or text[m.end:m.end + 1] in ").,; " and (_is_acronym(m.text)
                                                                                      or _is_acronym(other.text))):
                    union(a, b)


def _join_said_to_be_one(c: _Components) -> None:
    """The text says so: "A (även kort kallat B med akronymen C)", "A, även kallad B", "A (tidigare B)"."""
    text, keyed, groups, union, group_of, by_start = c.text, c.keyed, c.groups, c.union, c.group_of, c.by_start
    if text:
        for _, _, m in keyed:
            a = group_of[id(m)]
            pos = m.end
            for rx in (_ALSO_CALLED, _ACRONYM_IS):
                said = rx.match(text, pos)
                other = by_start.get(said.end()) if said else None
                if other is None:
                    break
                ga, gb = best_type_key(a, groups), best_type_key(group_of[id(other)], groups)
                if ga and gb and (ga[0] == gb[0] or _is_acronym(other.text)):
                    union(ga, gb)
                pos = other.end
        # "A (tidigare B)" where only B has a span here: A is the name of a span elsewhere that ends the
        # text before the bracket
        by_end = {m.end for _, _, m in keyed}
        surface = {norm_key(m.text): group_of[id(m)] for _, _, m in keyed}
        for _, _, m in keyed:
            said = _SAID_BEFORE.search(text, max(0, m.start - 40), m.start)
            if not said or said.start() in by_end:
                continue
            words = text[max(0, said.start() - 120):said.start()].split()
            for n in range(min(6, len(words)), 0, -1):
                g = surface.get(norm_key(" ".join(words[-n:])))
                ga, gb = (best_type_key(g, groups), best_type_key(group_of[id(m)], groups)) if g else (None, None)
                if ga and gb and ga[0] == gb[0]:
                    union(ga, gb)
                    break


def _join_strategy_apposition(c: _Components) -> None:
    """An apposition renames: "Sveriges nationella livsmedelsstrategi, Livsmedelsstrategin 2.0, som ..." (same
    head word, levels not in conflict, the second name closed by a comma or "som")"""
    text, keyed, groups, union, group_of, by_start = c.text, c.keyed, c.groups, c.union, c.group_of, c.by_start
    if text:
        mention_at_end = {m.end: m for _, _, m in keyed}
        for _, _, m in keyed:
            if m.type != "Strategy" or text[m.end:m.end + 2] != ", ":
                continue
            other = by_start.get(m.end + 2)
            if other is None or other.type != "Strategy" or not re.match(r",| som\b", text[other.end:other.end + 4]):
                continue
            ka, kb = group_of[id(m)][1], group_of[id(other)][1]
            ha, hb = _head_word(_indefinite_key(ka)), _head_word(_indefinite_key(kb))
            la, lb = _level(ka), _level(kb)
            # "Värmlandsstrategin, Region Värmlands regionala utvecklingsstrategi, ...": a one-word name
            # explained by its owner's (genitive) description of the same kind
            described = bool(ha and hb and " " not in ka and _base_head(ha) == _base_head(hb)
                             and re.match(r"(?:[A-ZÅÄÖ]\w* )*[A-ZÅÄÖ]\w+s [a-zåäö]", other.text)
                             and not _in_list(m, other, by_start, mention_at_end, text))
            if ha and (ha == hb or described) and (la is None or lb is None or la == lb):
                ga, gb = best_type_key(group_of[id(m)], groups), best_type_key(group_of[id(other)], groups)
                if ga and gb and ga[0] == gb[0]:
                    union(ga, gb)


_BARE_KIND = re.compile(r"(?:strategi|strategin|plan|planen|agenda|agendan)$")
_TITLE_DASH = re.compile(r"^(?P<title>[A-ZÅÄÖ][\w\-]+(?:\s[\w\-]+){0,2})\s[–\-]\s[A-ZÅÄÖ]")


def _join_title_and_subtitle(c: _Components) -> None:
    """"Dalastrategin – Tillsammans för ett hållbart Dalarna" and "Dalastrategin": a strategy's or project's
    title with its subtitle and the title alone are one."""
    keyed, union, group_of, kd_of = c.keyed, c.union, c.group_of, c.keys_by_type
    for t, k, m in keyed:
        if t not in ("Strategy", "Project"):
            continue
        title = _TITLE_DASH.match(m.text)
        g = kd_of.get(t, {}).get(entity_key(title.group("title"), t)) if title else None
        if g is not None:
            union(g, group_of[id(m)])


_KIND_THEN_QUOTE = re.compile(r"\s*(?:\([^()]{0,80}\))?\s*,?\s*[”\"“«]")


def _join_kind_and_quoted_name(c: _Components) -> None:
    """A kind of strategy and its name in quotes right after it are one: "antog en ny regional
    utvecklingsstrategi (reviderad 2026), ”Dalastrategin – Tillsammans för ett hållbart Dalarna”"."""
    text, keyed, groups, union, group_of, by_start = c.text, c.keyed, c.groups, c.union, c.group_of, c.by_start
    if text and any(q in text for q in '”"«'):
        for _, _, m in keyed:
            if m.type != "Strategy" or not m.text[:1].islower() or not _BARE_KIND.search(m.text):
                continue  # "en ny regional utvecklingsstrategi", not "den nationella strategin för X"
            q = _KIND_THEN_QUOTE.match(text, m.end)
            other = by_start.get(q.end()) if q else None
            if other is not None and other.type == "Strategy" and other.text[:1].isupper():
                ga, gb = best_type_key(group_of[id(m)], groups), best_type_key(group_of[id(other)], groups)
                if ga and gb and ga[0] == gb[0]:
                    union(gb, ga)


def _join_copula(c: _Components) -> None:
    """"Skånes innovationsstrategi för hållbar tillväxt är också Skånes strategi för smart specialisering (S3)":
    a copula between two names of one kind (strategy, fund) says they are one"""
    text, keyed, groups, union, group_of, by_start = c.text, c.keyed, c.groups, c.union, c.group_of, c.by_start
    if text:
        for _, _, m in keyed:
            if m.type not in ("Strategy", "FundingSource"):
                continue
            cop = _COPULA.match(text, m.end)
            other = by_start.get(cop.end()) if cop else None
            if other is None or other.type != m.type or not re.match(r"\s*(?:[.,;(]|$)", text[other.end:other.end + 3]):
                continue
            ga, gb = best_type_key(group_of[id(m)], groups), best_type_key(group_of[id(other)], groups)
            if ga and gb and ga[0] == gb[0]:
                union(ga, gb)


def _join_head_for_tail(c: _Components) -> None:
    """"Västerbottens planeringsnätverk för kommunala samhällsplanerare" = "Nätverk för kommunala
    samhällsplanerare": a compound name followed by "för ..." joins the name made of its head and that "för ..."."""
    text, keyed, groups = c.text, c.keyed, c.groups
    keys_by_type, union, group_of = c.keys_by_type, c.union, c.group_of
    if text:
        kd = keys_by_type.get("Project", {})
        for _, _, m in keyed:
            if m.type != "Project":
                continue
            last = norm_key(m.text).rsplit(" ", 1)[-1]
            head = next((h for h in _PROJECT_HEADS if last.endswith(h) and len(last) > len(h) + 3), None)
            tail = _FOR_TAIL.match(text, m.end) if head else None
            if not tail:
                continue
            words = tail.group(1).split()
            for n in range(len(words), 0, -1):
                g2 = kd.get(f"{head} för " + norm_key(" ".join(words[:n])))
                ga = best_type_key(group_of[id(m)], groups)
                if g2 and ga and ga[0] == "Project":
                    union(g2, ga)
                    break


def _join_bare_heads(c: _Components) -> None:
    """"regional drivmedelsstrategi" = "Drivmedelsstrategi för kollektivtrafik ...": one head word,
    merged when the longer names with that head are not ambiguous"""
    keys_by_type, find, union = c.keys_by_type, c.find, c.union
    for t in ("Strategy", "FundingSource"):
        by_head: dict[str, list[str]] = defaultdict(list)
        for k in keys_by_type.get(t, {}):
            head = _head_word(k)
            if head:
                by_head[head].append(k)
        for head, ks in by_head.items():
            if len(ks) < 2:
                continue
            bare = [k for k in ks if _is_bare(k, head)]
            full = [k for k in ks if k not in bare]
            roots = {find(keys_by_type[t][k]) for k in full}
            # "regional livsmedelsstrategi" and "nationell livsmedelsstrategi" are two strategies: with
            # bare names of different levels only the names of one level join each other
            levels = {_level(k) for k in bare} - {None}
            if len(levels) > 1:
                for lv in levels:
                    same = [k for k in bare if _level(k) == lv]
                    for k in same[1:]:
                        union(keys_by_type[t][same[0]], keys_by_type[t][k])
                continue
            if bare and len(roots) <= 1:
                for k in bare + full:
                    union(keys_by_type[t][bare[0]], keys_by_type[t][k])


def _join_qualified_organisation(c: _Components) -> None:
    """"Handelskammaren" = "Handelskammaren Västerbotten", "Kollektivtrafikmyndigheten" = "Regionala
    kollektivtrafikmyndigheten": a one-word organisation joins the one qualified form of it in the document"""
    keys_by_type, union = c.keys_by_type, c.union
    kd = keys_by_type.get("Organisation", {})
    two_words: dict[str, list[str]] = defaultdict(list)  # first word -> two-word keys (no scan of all keys per key)
    for k2 in kd:
        w = k2.split(" ")
        if len(w) == 2:
            two_words[w[0]].append(k2)
    for k, g in list(kd.items()):
        if " " in k or len(k) < 8 or not re.search(r"(?:en|et|na)$", k):
            continue
        longer = [k2 for k2 in two_words.get(k, ()) if re.fullmatch(r"\w+", k2.split(" ")[1]) and k2.split(" ")[1] in _places()]
        longer += [k2 for k2 in ("regionala " + k, "regional " + k) if k2 in kd]
        if len(longer) == 1:
            union(kd[longer[0]], g)


def _join_national_form(c: _Components) -> None:
    """"ESF-rådet" = "Svenska ESF-rådet": a one-word organisation and its national form"""
    keys_by_type, union = c.keys_by_type, c.union
    kd = keys_by_type.get("Organisation", {})
    for k, g in list(kd.items()):
        if " " not in k and len(k) >= 5:
            for k2 in ("svenska " + k, "sveriges " + k):
                if k2 in kd:
                    union(kd[k2], g)
                    break


def _join_acronym_prefix(c: _Components) -> None:
    """"OSN Hållbart bredband" = "Hållbart bredband i samverkan (OSN)": an acronym of an entity of the same
    type followed by the start of that entity's long form ("LRF Västerbotten", a regional branch, is not "LRF")"""
    groups, keys_by_type, find, union = c.groups, c.keys_by_type, c.find, c.union
    for t, kd in keys_by_type.items():
        for k, g in list(kd.items()):
            first, _, rest = k.partition(" ")
            if not rest or first not in kd or not any(_is_acronym(mm.text.split()[0]) for mm in groups[g]):
                continue
            ra = find(kd[first])
            longs = [k2 for k2, g2 in kd.items() if find(g2) == ra and k2 != first and " " in k2]
            if any(k2.startswith(rest + " ") or k2 == rest for k2 in longs):
                union(kd[first], g)


def _join_initialism(c: _Components) -> None:
    """"IUC Norrbotten AB" = "Industriellt Utvecklings Centrum Norrbotten AB": an acronym that spells the
    first words of a name of the same type, the rest of the two names alike"""
    groups, keys_by_type, find, union = c.groups, c.keys_by_type, c.find, c.union
    for t, kd in keys_by_type.items():
        by_rest: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for k in kd:
            words = k.split()
            for n in range(2, min(len(words), 7)):
                by_rest[" ".join(words[n:])].append(("".join(w[0] for w in words[:n]), k))
        for k, g in list(kd.items()):
            first, _, rest = k.partition(" ")
            if not rest or rest not in by_rest or not any(_is_acronym(mm.text.split()[0]) for mm in groups[g]):
                continue
            for initials, other in by_rest[rest]:
                if initials == first and find(kd[other]) != find(g):
                    union(kd[other], g)


def _join_compound_and_for(c: _Components) -> None:
    """"vattenstrategi" = "strategi för vattenresiliens": a one-word compound and the one "<head> för <stem>..."
    name of its type with the same head and stem"""
    keys_by_type, find, union = c.keys_by_type, c.find, c.union
    for t in ("Strategy", "FundingSource"):
        kd = keys_by_type.get(t, {})
        for k, g in list(kd.items()):
            head = _head_word(k)
            if " " in k or not head or head != k:
                continue
            for h in ("strategi", "agenda", "plan", "program", "handbok", "fond", "policy"):
                if k.endswith(h) and len(k) > len(h) + 3:
                    stem = k[: -len(h)]
                    stem = stem[:-1] if stem.endswith("s") and len(stem) > 4 else stem
                    break
            else:
                continue
            pref = f"{h} för {stem}"
            hits = {find(g2) for k2, g2 in kd.items() if k2 != k and (k2.startswith(pref) or f" {pref}" in k2)}
            if len(hits) == 1:
                union(next(iter(hits)), g)


def _join_ellipsis(c: _Components) -> None:
    """"strukturfonderna" = "struktur- och investeringsfonder": the first half of a compound ellipsis is a
    name of its own with the second half's head ("strukturfonder")"""
    keys_by_type, union = c.keys_by_type, c.union
    for t in ("FundingSource", "Strategy"):
        kd = keys_by_type.get(t, {})
        single = defaultdict(list)
        for k in kd:
            if " " not in k:
                single[_indefinite(k)].append(k)
        for k, g in list(kd.items()):
            ell = re.search(r"(?:^| )(\w+)-och (\w+)$", k) or re.search(r"(?:^| )(\w+)- och (\w+)$", k)
            if not ell:
                continue
            head = next((h for h in _HEADS if _indefinite(ell.group(2)).endswith(h)), None)
            if head:
                for k2 in single.get(ell.group(1) + head, ()):
                    union(g, kd[k2])


def _join_home_region(c: _Components) -> None:
    """"Västerbottens S3-strategi" = "S3-strategin" in a report whose home region is Västerbotten"""
    text, keys_by_type, union, cap_words = c.text, c.keys_by_type, c.union, c.cap_words
    kd = keys_by_type.get("Strategy", {})
    if text and kd:
        home = _home_place(cap_words())
        for k, g in list(kd.items()):
            first, _, rest = k.partition(" ")
            if home and first == home + "s" and rest in kd:
                union(kd[rest], g)


def _join_genitive(c: _Components) -> None:
    """Genitive forms the key rules left alone ("Almis", "Natos"): join the base form of the same type"""
    keys_by_type, union = c.keys_by_type, c.union
    for t, kd in keys_by_type.items():
        for k, g in list(kd.items()):
            if k.endswith("s") and len(k) > 3 and k[:-1] in kd:
                union(kd[k[:-1]], g)


def _join_place_tail(c: _Components) -> None:
    """"OSN Hållbart bredband i Västerbotten" = "OSN Hållbart bredband": a trailing "i <place>"."""
    keys_by_type, union = c.keys_by_type, c.union
    for t, kd in keys_by_type.items():
        for k, g in list(kd.items()):
            m = re.match(r"(.{4,}) i (\w+?)(?:s län| län)?$", k)
            if not m or m.group(1) not in kd or m.group(2) not in _places():
                continue
            if t == "Organisation" and m.group(1).startswith(("länsstyrelse", "region ")):
                continue
            union(g, kd[m.group(1)])


def _extensions(sorted_keys: list[str], k: str) -> list[str]:
    """The keys that continue ``k`` by more words ("k ..."), in sorted order: a binary search, not a scan."""
    return sorted_keys[bisect_left(sorted_keys, k + " "):bisect_left(sorted_keys, k + "!")]


def _join_short_form(c: _Components) -> None:
    """"Regionalt forum för regional strategisk planering ... nätverket Regionalt forum": a short form the
    text uses after the one longer name of its type that it begins, before a preposition"""
    groups, keys_by_type, find, union = c.groups, c.keys_by_type, c.find, c.union
    for t in ("Project", "Strategy", "FundingSource"):
        kd = keys_by_type.get(t, {})
        ks = sorted(kd)
        for k, g in list(kd.items()):
            if " " not in k or len(k) < 8:
                continue
            extended = _extensions(ks, k)
            longer = [k2 for k2 in extended if k2[len(k) + 1:].split(" ", 1)[0] in _PREPOSITIONS]
            if len(longer) != 1 or len({find(kd[k2]) for k2 in extended}) != 1:
                continue
            lg = kd[longer[0]]
            if min(mm.start for mm in groups[lg]) < min(mm.start for mm in groups[g]):
                union(lg, g)


def _join_paragraph_cut(c: _Components) -> None:
    """A name cut by a PDF paragraph break ("Stärkt livsmedelsnäring" + "\n\n" + "i Västerbotten")
    joins the one longer name of its type that it begins"""
    text, groups, keys_by_type, find, union = c.text, c.groups, c.keys_by_type, c.find, c.union
    if text:
        for t in ("Project", "Strategy", "FundingSource", "Organisation"):
            kd = keys_by_type.get(t, {})
            ks = sorted(kd)
            for k in ks:
                g = kd[k]
                if len(k) < 6 or not all(text[m.end:m.end + 2] == "\n\n" for m in groups[g]):
                    continue
                longer = _extensions(ks, k)
                if len({find(kd[k2]) for k2 in longer}) == 1:
                    union(kd[longer[0]], g)


def _join_appropriation(c: _Components) -> None:
    """"anslaget 1:1 Regionala tillväxtåtgärder" = "1:1-anslaget": one appropriation number, one fund."""
    by_number: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k, g in sorted(c.keys_by_type.get("FundingSource", {}).items()):
        m = _APPROPRIATION.search(k)
        if m:
            by_number[m.group()].append(g)
    for groups in by_number.values():
        for g in groups[1:]:
            c.union(groups[0], g)


_APPROPRIATION = re.compile(r"(?<![\d:])\d{1,2}:\d{1,2}(?![\d:])")


def _join_fuzzy(c: _Components) -> None:
    """Near-identical keys (rapidfuzz ratio >= 93) of the same digits, word count and word starts."""
    keys_by_type, union = c.keys_by_type, c.union
    if fuzz is not None:
        for t, kd in keys_by_type.items():
            # only keys with the same digits, word count and first two letters of each word are compared:
            # bucket them by that signature instead of trying every pair
            ks = sorted(k for k in kd if len(k) >= 8)
            signature = {k: (_NON_DIGIT.sub("", k), tuple(w[:2] for w in k.split())) for k in ks}
            later: dict[tuple, list[str]] = defaultdict(list)  # signature -> its keys not visited yet, sorted
            for k in ks:
                later[signature[k]].append(k)
            for k in ks:  # pairs in sorted order, as union-find's choice of root depends on the order
                same = later[signature[k]]
                del same[0]  # k itself
                for k2 in same:
                    if abs(len(k2) - len(k)) <= 2 and fuzz.ratio(k, k2) >= 93:
                        union(kd[k], kd[k2])


# The joins in the order they run (union-find's choice of root depends on the order).
_JOINS = (_join_acronym_definitions,
          _join_side_by_side,
          _join_said_to_be_one,
          _join_strategy_apposition,
          _join_kind_and_quoted_name,
          _join_title_and_subtitle,
          _join_copula,
          _join_head_for_tail,
          _join_bare_heads,
          _join_qualified_organisation,
          _join_national_form,
          _join_acronym_prefix,
          _join_initialism,
          _join_compound_and_for,
          _join_ellipsis,
          _join_home_region,
          _join_genitive,
          _join_place_tail,
          _join_short_form,
          _join_paragraph_cut,
          _join_appropriation,
          _join_fuzzy)


def _entities(c: _Components, munis) -> list[Entity]:
    """One entity per component, named, typed and with its aliases; fragments and common nouns dropped."""
    text, groups, find, canon_of, defs = c.text, c.groups, c.find, c.canon_of, c.defs
    lower_words, cap_words = c.lower_words, c.cap_words
    merged: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for g in groups:
        merged[find(g)].append(g)
    entities: list[Entity] = []
    for root, members in merged.items():
        members.sort(key=lambda g: g != root)
        etype = _component_type(members, groups, canon_of)
        gms = [m for g in members for m in groups[g]]
        forms = Counter(m.text.strip() for m in gms)
        gaz_name = next((canon_of[g] for g in members if g in canon_of), None)
        if not gaz_name:
            # the long form of an acronym, if the text defines one
            long_forms = [f for f in forms if not (f.isupper() and len(f) <= 8)]
            if not long_forms and text:
                lf = next((defs[f] for f in forms if f in defs), None)
                if lf:
                    forms[lf] += 0
        if text:  # "Long Name (ACR)" where no span covers the acronym: the acronym is still a form of the name
            for mm in gms:
                acr = _BRACKET_ACR.match(text, mm.end)
                if acr and _is_acronym(acr.group(1)) and " " in mm.text and acr.group(1) not in forms:
                    forms[acr.group(1)] += 0
        for f in list(forms):
            if etype in ("Strategy", "FundingSource"):
                undated = re.sub(r" (?:19|20)\d\d(?:\s?[–-]\s?(?:19|20)\d\d)?$", "", f)
                if undated != f and " " in undated:
                    forms[undated] += 0  # "Kustplan för X 2024–2035" is also written without its period
            cue = _DEFINITE_CUE.match(f)
            if cue and norm_key(f[cue.end():]) not in STOPLIST:
                forms[f[cue.end():]] += 0
        if not gaz_name and all(m.source == "model" for m in gms) and len(gms) < MODEL_MIN_MENTIONS:
            kind = next((t for mm in gms for t in _KIND_APPOSITION
                         if text and _KIND_APPOSITION[t].match(text, mm.end)), None)
            if kind is None and not (etype == "Project" and text and any(_RUN_BY.match(text, mm.end) for mm in gms)):
                continue  # a name only the NER model proposes, once, is too often a fragment
            # "X, en samverkansplattform där ...": the text says what kind of thing the name is; "X, som
            # drivs av Y" keeps a name the model took for a project
            etype = kind or etype
        name = _canonical(forms, root[1], etype, gaz_name)
        if gaz_name and etype in ("Strategy", "FundingSource"):
            # "Regional utvecklingsstrategi" (a kind the gazetteer knows) is named in full by the text:
            # "Regional utvecklingsstrategi för Norrbottens län 2030"
            fuller = [f for f in forms if f.lower().startswith(name.lower() + " för ") and f[:1].isupper()]
            if fuller:
                forms[name] += 0
                name = max(fuller, key=lambda f: (forms[f] > 0, bool(re.search(r"(?:19|20)\d\d$", f)), len(f)))
        if gaz_name and etype in ("Strategy", "FundingSource") and not re.search(r"(?:19|20)\d\d$", name) \
                and not _FUND_ITSELF.search(name):  # a fund outlives its periods: "ERUF 2014–2020" is ERUF
            dated = sorted(f for f in forms if re.fullmatch(re.escape(name) + r" (?:19|20)\d\d(?:\s?[–-]\s?(?:19|20)\d\d)?", f))
            if dated:
                forms[name] += 0
                name = dated[0]  # the gazetteer's name with the period the text gives it
        if not gaz_name and text and _common_noun(forms, lower_words(), etype, text, gms):
            continue
        if not gaz_name and text and etype == "Organisation" and _place_like(forms, cap_words()):
            continue
        if etype == "Organisation" and root[1].startswith("länsstyrelsen ") and not name.lower().startswith("länsstyrelse"):
            name = "Länsstyrelsen " + name  # named through "Länsstyrelserna i X och <name>"
        if etype == "Organisation":
            name = strip_genitive(name) if entity_key(strip_genitive(name), etype) == entity_key(name, etype) and name.endswith(("s", ":s")) and not gaz_name and root[1] == norm_key(strip_genitive(name)) else name
        aliases = sorted({f for f in forms if f != name and not (etype == "Organisation" and f.lower() in _places()
                                                                  and f.lower() not in munis)})
        for m in gms:
            m.type = etype
        entities.append(Entity(name=name, type=etype, aliases=aliases,
                               mentions=sorted(gms, key=lambda m: m.start)))
    entities.sort(key=lambda e: (e.type, e.name))
    return entities
