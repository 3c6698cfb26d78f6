"""Rule-based entity finder: gazetteers, name forms, cue phrases and acronym definitions.

Names in reports are open-ended ("projektet Stärkt livsmedelsnäring i Västerbotten
har ..."), so the ``kg_entity_rules`` component runs compiled regular expressions over
each paragraph's text, a PhraseMatcher over the public-fact gazetteers in
``gazetteers/`` and the EntityRuler-format patterns in ``patterns/*.jsonl``.
Rule families, strongest first: gazetteer names; name forms ("X kommun", "Region X",
"-verket", "strategi för X", "anslag 1:1", "Interreg X"); cue phrases ("projektet X",
"X-projektet", plural cues and cue lists), acronym definitions, definitions
("X är ett nätverk ..."), quoted names, project/organisation head words
("-nätverket", "-enheten"); then typed coordinations and agent cues ("i samarbete
med X"), described headings (with one paragraph of look-ahead in ``pipe``), and
last, weak guesses: capitalised names with a typing head word.

Report and web-page forms that generalise beyond one corpus: Nordic name-final head
words ("X fylkeskommune", "Y ammattikorkeakoulu", "-keskus"), a known organisation
with a county/branch tail or "AB", owner-genitive strategies and plans ("Sveriges
strategi för ...", "Xs kulturplan 2025–2028"), grant-table rows after a "Projekt /
Projektägare / Beviljat" header (columns or one cell per line; kept as state in
``pipe``), loose items of comma lists of organisations, field labels ("Finansiär:")
cut off the name before them, laws dropped.

Every rule span carries an id (``rule:<name>``); weak guesses carry none, so
extraction and resolution weigh them like model guesses. Spans already on the doc
(the trained NER) rank below every rule span and fill only the gaps.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from . import distributive, grant_names, org_forms, project_defs
from .field_labels import all_labels, label_alternation
from .heading_names import heading_name, run_in_heading

GAZ_DIR = Path(__file__).parent / "gazetteers"
_FILE_TYPE = {"organisation": "Organisation", "project": "Project", "strategy": "Strategy",
              "fundingsource": "FundingSource"}


# ---------------------------------------------------------------- data loading
def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


def _sections(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    cur = None
    for ln in _lines(path):
        if ln.startswith("[") and ln.endswith("]"):
            cur = ln[1:-1]
            out.setdefault(cur, [])
        elif cur:
            out[cur].append(ln.lower())
    return out


def municipality_official(bare: str, override: str | None = None) -> str:
    """Official name of a municipality: 'Bjurholm' -> 'Bjurholms kommun', 'Umeå' -> 'Umeå kommun'."""
    if override:
        return override
    if bare[-1].lower() in "aeiouyåäösxz":
        return f"{bare} kommun"
    return f"{bare}s kommun"


@dataclass
class Lexicon:
    """All word lists the rules use, loaded once per gazetteer folder."""

    names: list[tuple[str, list[str], str]]  # (canonical, aliases, type)
    municipalities: dict[str, str]  # bare name -> official name
    places: set[str]
    generic: set[str]
    boundary: set[str]
    cues: dict[str, str]  # cue tail -> type
    heads: dict[str, str]  # final word -> type
    head_tails: list[tuple[str, str]]  # word ending -> type
    first_names: set[str]  # given names: "Anna Svensson" is a person
    counties: set[str]  # county and landscape names: "Film i Västerbotten" names a county-wide body
    # last word -> its head type, filled by head_type (a pure function of the word and the lists above)
    head_cache: dict[str, str | None] = field(default_factory=dict, init=False, repr=False, compare=False)


@lru_cache(maxsize=4)
def load_lexicon(gaz_dir: str | Path = GAZ_DIR) -> Lexicon:
    gaz_dir = Path(gaz_dir)
    names = []
    for f in sorted(gaz_dir.glob("*.txt")):
        etype = _FILE_TYPE.get(f.stem.split("_")[0])
        if not etype:
            continue
        for ln in _lines(f):
            parts = [p.strip() for p in ln.split("|") if p.strip()]
            names.append((parts[0], parts[1:], etype))
    munis = {}
    for ln in _lines(gaz_dir / "municipalities.txt"):
        bare, _, official = ln.partition("|")
        munis[bare.strip()] = municipality_official(bare.strip(), official.strip() or None)
    for official in munis.values():
        names.append((official, [], "Organisation"))
    places = {p.lower() for p in _lines(gaz_dir / "places.txt")} | {m.lower() for m in munis}
    cues, heads, tails = {}, {}, []
    for sec, words in _sections(gaz_dir / "cues.txt").items():
        for w in words:
            cues[w] = sec.split(":")[0]
    for sec, words in _sections(gaz_dir / "heads.txt").items():
        for w in words:
            if w.startswith("~"):
                tails.append((w[1:], sec))
            else:
                heads[w] = sec
    tails.sort(key=lambda t: -len(t[0]))
    return Lexicon(names, munis, places, {w.lower() for w in _lines(gaz_dir / "generic_words.txt")},
                   {w.lower() for w in _lines(gaz_dir / "boundary_words.txt")}, cues, heads, tails,
                   set(_lines(gaz_dir / "first_names.txt")),
                   {c.lower() for c in _lines(gaz_dir / "counties.txt")})


_FIRST_WORD_TYPE = {"mötesplats": "Project", "mötesplatsen": "Project", "nätverket": "Project", "projekt": "Project",
                    "projektet": "Project", "forum": "Project", "visit": "Organisation", "stiftelsen": "Organisation",
                    "föreningen": "Organisation", "interreg": "FundingSource", "agenda": "Strategy",
                    "akademi": "Organisation", "akademin": "Organisation"}


def _first_type(word: str) -> str | None:
    return _FIRST_WORD_TYPE.get(word.lower())


def head_type(name: str, lex: Lexicon) -> str | None:
    """Type suggested by the last word of a name ('Umeå Science Park' -> Organisation)."""
    words = name.split()
    if not words:
        return None
    last = words[-1].lower().strip(".,:;")
    cache = lex.head_cache
    if last not in cache:
        if len(cache) >= _HEAD_CACHE_SIZE:
            cache.clear()  # bounded: a long run sees many words
        cache[last] = _word_head_type(last, lex)
    return cache[last]


_HEAD_CACHE_SIZE = 50_000


def _word_head_type(last: str, lex: Lexicon) -> str | None:
    """head_type of a lower-case last word (tries every head-word ending: cached by head_type)."""
    if last.endswith(("området", "områden")):
        return None  # an area ("Kvarkenområdet"), not a council ("-rådet")
    if last in lex.heads:
        return lex.heads[last]
    for tail, t in lex.head_tails:
        if last.endswith(tail) and len(last) > len(tail) + 2:
            return t
    return None


# ---------------------------------------------------------------- regexes
# all-capital gazetteer acronyms whose capitalised form is a common word ("Life Science", "Rise"): never matched so
_ACRONYMS_ALSO_WORDS = {"LIFE", "RISE"}
_UP = "A-ZÅÄÖÉÜ"
_CAP = rf"[{_UP}][\w\-–:&'’./]*[\w+]|[{_UP}]"  # capitalised word or acronym
_CONN = r"(?:i|för|på|av|mot|till|of|for|and|the|in|on|at|de|up|to|with|by|from|into|through|across|towards|&|-|–)"
_CHAIN = rf"(?:{_CAP})(?:[ ](?:{_CONN}[ ])?(?:{_CAP}))*"
_WORD = re.compile(r"[\w][\w\-–:&'’./+]*[\w+]|[\w&+]")
_ACR = rf"[{_UP}][{_UP}a-zåäö0-9+&\-:]{{1,11}}"

# name forms -> type
_ORG_FORMS = [
    ("region", re.compile(rf"\bRegion (?:\d+\b|[{_UP}][\w\-/]*\w(?:[ /\-](?:Härjedalen|Götaland|Turism|Tourism)\b)?)")),
    ("kommun", re.compile(rf"\b[{_UP}][\w\-]*\w(?: [{_UP}]\w+)?s? [Kk]ommuns?\b")),
    ("sjukhus", re.compile(rf"\b[{_UP}]\w+ (?:sjukhus|lasarett)\b")),
    ("lansstyrelsen", re.compile(rf"\bLänsstyrelsen(?: i)? [{_UP}][\w\-]*\w(?: [{_UP}]\w+)?(?:s? län)?")),
    ("lansstyrelserna", re.compile(rf"\bLänsstyrelserna i [{_UP}]\w+")),
    ("lansstyrelserna-and", re.compile(rf"\bLänsstyrelserna i [{_UP}][a-zåäö]{{3,20}} och (?P<y>[{_UP}]\w+)")),
    ("universitet", re.compile(rf"\b(?:[{_UP}][a-z]*[A-Z]\w*\s)?[{_UP}]\w+(?: [A-ZÅÄÖa-zåäö][a-zåäöø]+[ae])? [Uu]niversitet\b")),
    # Nordic names end in their head word: "Trøndelag fylkeskommune", "Lapin ammattikorkeakoulu", "Sámi allaskuvla"
    ("nordic", re.compile(rf"\b[{_UP}][\w\-]*\w(?:\s[{_UP}][\w\-]*\w)?(?:\s(?:og|ja)\s[{_UP}][\w\-]*\w)?\s(?:fylkeskommune|kommune|ammattikorkeakoulu|"
                          rf"yliopisto|allaskuvla|liitto|høgskole|høgskule|universitetet|kunta|kaupunki)\b")),
    ("nordic-word", re.compile(rf"\b[{_UP}][a-zäöå]{{3,}}(?:keskus|yliopisto|virasto|laitos)\b")),
    # "Svenska ESF-rådet", "Europeiska turistforskningsinstitutet": an adjective + an agency compound
    ("adj-agency", re.compile(rf"\b(?:[{_UP}][a-zåäö]+(?:ska|iska|a)\s)(?:[a-zåäö]{{4,}}|[{_UP}]{{2,}}\d?-)(?:institutet|myndigheten|"
                              rf"kommittén|rådet|(?<!nät)verket|förbundet|kansliet|akademien)\b(?!\s(?:för|i|mot)\s)")),
    ("esf-radet", re.compile(rf"\b[{_UP}]{{2,}}-(?:rådet|institutet|kommittén|myndigheten)\b")),
    ("universitetssjukhus", re.compile(rf"\b[{_UP}]\w+ [Uu]niversitetssjukhus\b|\b[Uu]niversitetssjukhuset i [{_UP}]\w+")),
    ("ab", re.compile(rf"\b(?:[{_UP}][\w\-&.]*\w )(?:[{_UP}0-9][\w\-&.]*\w |och |& |i (?=[{_UP}])){{0,3}}(?:AB|Oyj?|ASA?|Ltd|GmbH)\b")),
    ("agency", re.compile(rf"\b[{_UP}][a-zåäö]{{2,}}(?:(?<![Nn]ät)verket|myndigheten|styrelsen|inspektionen|kansliet|förbundet|kammaren|institutet|kommittén|ämbetet|kassan|förmedlingen|nämnden|(?<![Oo]m)rådet(?!\s(?:för|i|mot)\s)|delegationen|beredningen|fullmäktige|förvaltningen)\b(?:\s(?!Region\b|Länsstyrelsen\b|Under\b|Inom\b|Genom\b|Det\b|Den\b)[{_UP}][a-zåäö]\w+(?:\slän)?)?")),
    ("myndigheten-for", re.compile(r"\b(?:Myndigheten|Centrum|Institutionen|Centre|Centret|Institutet|Kommittén|Utredningen|Föreningen|Rådet) (?:för|mot|for) ")),
    ("political-body", re.compile(r"\b(?:regionala |kommunala |[a-zåäö]+- och )?(?:[a-zåäö]{3,}nämnden|regionfullmäktige|regionstyrelsen|regionala utvecklingsförvaltningen|primärkommunala delegationen)\b")),
    ("statens", re.compile(r"\bStatens (?:[a-zåäö]+-? och )?(?:[a-zåäö]{4,}a\s)?[a-zåäö]{4,}(?:institut|verk|råd|museer|museum|nämnd|myndighet|kommitté)\w*"
                            r"|\bStatens [a-zåäö]{4,}a (?:institut|verk|råd|museer|museum|nämnd|myndighet|kommitté)\w*")),
    ("stiftelse", re.compile(rf"\b(?:Stiftelsen|Föreningen|Kommunalförbundet|Förbundet|Sparbanksstiftelsen) [{_UP}][\w\-]*\w(?: [{_UP}][\w\-]*\w)*"
                             rf"(?: i [{_UP}][\w\-]*\w(?![\w\-]| [{_UP}]))?")),
    ("stiftelse-suffix", re.compile(rf"\b(?:{_CHAIN}) (?:[Ss]tiftelse|[Ff]örening|sameförening|folkhögskola|museum|[Rr]iksförbund|riksorganisation|förbund)\b")),
    ("visit", re.compile(rf"\bVisit [{_UP}]\w+")),
]
_FUND_FORMS = [
    ("interreg", re.compile(rf"\bInterreg(?:[ -](?:[{_UP}](?:(?!-(?:projekt|nätverk|samarbet|satsning|finansi))[\w\-–])*\w|and|NPA))+")),
    # "anslaget 1:5 Näringslivsutveckling": the appropriation's name after its number belongs to it
    ("anslag", re.compile(r"\b[Aa]nslag(?:et)? \d:\d+(?: utgiftsområde \d+(?: [a-zåäö]+){0,2}"
                          r"| [A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]{3,})?(?= *[,.;:)]|$| och | samt | för | inom ))?|\b\d:\d+-anslaget\b")),
    # "Europeiska havs- och fiskerifonden", "Asyl- och migrationsfonden": a suspended first part belongs to the name
    ("fonden", re.compile(r"\b(?:[Ee]uropeiska\s)?(?:[a-zåäö]{3,}a\s)?(?:[A-ZÅÄÖa-zåäö][a-zåäö]+-\s(?:och|eller)\s)?"
                          r"(?:[A-ZÅÄÖ][a-zåäö]{3,}|[a-zåäö]{4,})fonde(?:n|rna)\b")),
    # "Fonden för inre säkerhet", "Fonden för en rättvis omställning"
    ("fonden-for", re.compile(r"\bFonden\sför\s(?:en\s)?[a-zåäö]{3,}(?:\s(?!och\b|att\b|som\b)[a-zåäö]{3,})?")),
    ("check", re.compile(r"\b[A-ZÅÄÖa-zåäö][a-zåäö]{3,}check(?:ar|arna|en)?\b")),
    ("stipendium", re.compile(r"\b(?:[A-ZÅÄÖa-zåäö][a-zåäö]+(?:isk|iskt|iska|t) )?[a-zåäöA-ZÅÄÖ][a-zåäö]{3,}stipendi(?:um|et|er)\b")),
    ("esf-plus", re.compile(r"\bESF\+")),
    # a programme of the funds named by its area: "det operativa programmet för Övre Norrland"
    ("operative-programme", re.compile(rf"\b[Oo]perativa\sprogram(?:met)?\sför\s(?:(?:Övre|Mellersta|Norra|Södra|Östra|Västra)\s)?"
                                       rf"[{_UP}][\w\-]*\w(?:\s(?:och\s)?[{_UP}][\w\-]*\w|\soch\söarna)?")),
    # the EU's named instruments: "instrumentet för gränsförvaltning och visering", "Instrumentet för grannskapspolitik"
    ("instrumentet-for", re.compile(r"\b[Ii]nstrumentet\sför\s(?!att\b|den\b|det\b)[a-zåäö]{4,}(?:\s(?:och|,)\s?[a-zåäö]{4,})?")),
    # a programme named by the fund it spends: "programmet för fonden för en rättvis omställning",
    # "Programmet för lokalt ledd utveckling med stöd från social- och regionalfonden"
    ("programme-of-fund", re.compile(r"\b(?:[Nn]ationell[at]?\s)?[Pp]rogram(?:met)?\s(?:för|inom)\s(?!att\b)(?:[a-zåäö\-]+\s){0,7}?"
                                     r"(?:[a-zåäö]+-\soch\s)?[a-zåäö]*fonden(?:\sför\s(?:en\s)?[a-zåäö]{4,}(?:\s(?!och\b|att\b|som\b)[a-zåäö]{4,})?)?")),
    # a programme of a fund is named in the definite ("regionalfondsprogrammet"), the plural that points at a set of
    # them, or by its area ("regionalfondsprogram för X"); the bare indefinite ("ett regionalfondsprogram") is a kind
    ("fund-programme", re.compile(rf"\b(?:[Rr]egionalfonds|[Ss]ocialfonds|[Ll]andsbygds|[Hh]avs-\soch\sfiskeri)program(?:met|men|(?=\s(?:för|i)\s[{_UP}]))"
                                  rf"(?:\s(?:för|i)\s[{_UP}][\w\-]*\w(?:\s[{_UP}][\w\-]*\w)?(?:\soch\s[{_UP}][\w\-]*\w)?)?")),
]
# Examples of the name-form rules above, (text, name the pipeline must find, type); the newer forms carry
# theirs here and tests/test_entities.py runs every one (older forms are tested by hand-written tests).
FORM_EXAMPLES = {
    "operative-programme": [
        ("Projektet ska förvalta det operativa programmet för Övre Norrland enligt planen.",
         "operativa programmet för Övre Norrland", "FundingSource"),
        ("Stödet gäller de operativa programmen och operativa programmet för Småland och öarna.",
         "operativa programmet för Småland och öarna", "FundingSource"),
    ],
    "programme-of-fund": [
        ("Stålindustrin ingår i programmet för fonden för en rättvis omställning sedan 2022.",
         "programmet för fonden för en rättvis omställning", "FundingSource"),
        ("Kommittén följer programmet för lokalt ledd utveckling med stöd från social- och regionalfonden noga.",
         "programmet för lokalt ledd utveckling med stöd från social- och regionalfonden", "FundingSource"),
        ("Tillväxtverket förbereder ett nationellt program inom fonden för en rättvis omställning.",
         "nationellt program inom fonden för en rättvis omställning", "FundingSource"),
    ],
    "fund-programme": [
        ("Tillväxtverket är förvaltande myndighet för regionalfondsprogrammet för Norra Mellansverige.",
         "regionalfondsprogrammet för Norra Mellansverige", "FundingSource"),
        ("Ansökan görs inom Landsbygdsprogrammet och hanteras av länsstyrelsen.", "Landsbygdsprogrammet", "FundingSource"),
        # the kind, not a name: no entity
        ("Varje region tar fram ett regionalfondsprogram under våren.", "regionalfondsprogram", None),
        ("Kommissionen har godkänt fyra nya regionalfondsprogram i dag.", "regionalfondsprogram", None),
    ],
    "cue-list": [
        ("Dialog har förts med branschorganisationer som Organic Sweden och Svensk Handel.", "Organic Sweden", "Organisation"),
        ("Bland deltagarna finns medlemsföretag som Norrskog Trä och Fjällmejeriet.", "Norrskog Trä", "Organisation"),
    ],
    "project-head": [
        ("Bredbandsforum samlar aktörerna. Kommunerna startar Nätverk för återbruk under 2024.",
         "Nätverk för återbruk", "Project"),
        # an activity area of the project described, listed after its lead-in: no entity
        ("Följande aktivitetsområden kommer projektet att verka i. - Nätverk för samverkan - Forskning som katalysator - "
         "Marknadsutveckling", "Nätverk för samverkan", None),
        ("Projektet har tre arbetspaket: - Forum för kunskapsspridning - Utbildning av handledare",
         "Forum för kunskapsspridning", None),
    ],
    "is-an-org": [
        ("Norrskog Trä och Fjällmejeriet är två stora företag i länet som deltar i projektet.", "Norrskog Trä", "Organisation"),
        ("Norrskog Trä och Fjällmejeriet är två stora företag i länet som deltar i projektet.", "Fjällmejeriet", "Organisation"),
        ("Kulturkraft är en ideell förening som driver unga entreprenörers idéer vidare.", "Kulturkraft", "Organisation"),
        ("Skogsgruppen Väst är ett av de största bolagen i regionen.", "Skogsgruppen Väst", "Organisation"),
        # a capitalised common noun opening the sentence: no entity
        ("Företaget är ett av de största bolagen i regionen.", "Företaget", None),
        # a project that works for companies stays a project
        ("Fjällkraft är ett projekt som stärker småföretag i fjällvärlden.", "Fjällkraft", "Project"),
    ],
    "statens": [
        ("Samråd sker med Statens geotekniska institut och länsstyrelserna.", "Statens geotekniska institut", "Organisation"),
        ("Statens energimyndighet beviljar stödet.", "Statens energimyndighet", "Organisation"),
    ],
    "instrumentet-for": [
        ("Förordningen omfattar Fonden för inre säkerhet samt instrumentet för gränsförvaltning och visering.",
         "instrumentet för gränsförvaltning och visering", "FundingSource"),
        ("Medel kommer också från Instrumentet för grannskapspolitik inom EU.",
         "Instrumentet för grannskapspolitik", "FundingSource"),
    ],
}
# Names a rule's span holds whole, besides its own: a programme named by its fund also names the fund
# ("programmet för fonden för en rättvis omställning"); the fund is a mention of its own, outside the
# sentence's mention list (relations read the outer name).
_NESTED = {"programme-of-fund": re.compile(r"\b[Ff]onden\sför\s\S.*$")}


def nested_name(rule: str, span_text: str) -> tuple[int, int] | None:
    """(start, end) inside ``span_text`` of the name a rule's span also states, or None."""
    rx = _NESTED.get(rule.removeprefix("rule:"))
    m = rx.search(span_text) if rx else None
    return m.span() if m and m.start() > 0 else None


_STRAT_ADJ = (r"(?:(?:[Rr]egional[at]?|[Nn]ationell[at]?|[Gg]emensamm?a?|[Ll]änsgemensamm?a?|[Nn]y|[Nn]ya|[Nn]orrländsk[at]?|"
              r"[Ss]vensk[at]?|[Ee]uropeisk[at]?|[Dd]igital[at]?|[Gg]rön[at]?|[Ss]ocial[at]?|[Cc]irkulär[at]?|[a-zåäö]{4,}isk[at]?)\s){1,2}")
# the adjectives of _STRAT_ADJ that are words, not the open "-isk" class ("strategiskt innovationsprogram för X" is a fund)
_STRAT_ADJ_KNOWN = _STRAT_ADJ.replace("|[a-zåäö]{4,}isk[at]?", "").replace("[Nn]y|[Nn]ya|", "Ny|Nya|")  # "en ny strategi för X"
_STRAT_HEAD = (r"(?:[\w]+-\s(?:och|eller)\s)?(?:[A-ZÅÄÖ0-9]{2,}-|[a-zåäöA-ZÅÄÖ][a-zåäö\-]{2,})(?:strategi|strategin|strategins|agenda|agendan|"
               r"agendans|handbok|handboken|visionen)")
_STRAT_FORMS = [
    ("x-strategi", re.compile(rf"(?:\bRegion\s[{_UP}]\w+s\s|\b[{_UP}]\w+s\s|\b[{_UP}]{{2,}}:s\s)?(?:{_STRAT_ADJ})?{_STRAT_HEAD}\b(?:\s(?:för|i)\s(?:smart\sspecialisering|Region\s\d+\b|[{_UP}][\w\-]*\w(?:\slän)?)(?:\s20[1-5]\d(?![\d\-–]))?)?(?:\s\(?\d{{4}}\s?[–-]\s?\d{{4}}\)?)?")),
    # "<Land/Region>s (adj) strategi för ...": "Sveriges strategi för den arktiska regionen", "Finlands Arktiska strategi"
    ("owner-strategi", re.compile(rf"\b(?P<owner>[{_UP}][a-zåäöø]+s)\s(?:[A-ZÅÄÖa-zåäö][a-zåäö]+(?:isk|iska|iskt|ala|a)\s){{0,2}}"
                                  rf"(?:[a-zåäö\-]*(?:strategi|agenda)|[a-zåäö\-]{{3,}}(?<!projekt)(?<!arbets)(?<!aktivitets)(?<!tids)(?<!kommunikations)(?<!verksamhets)(?<!budget)plan)\b(?P<comp>\s(?:för|i(?=\s[A-ZÅÄÖ]))\s(?:(?:den|det|de)\s)?)?"
                                  rf"(?P<period>\s\(?(?:20\d\d\s?[–-]\s?20\d\d|20[1-5]\d(?![\d\-–]))\)?)?")),
    ("x-for-y", re.compile(rf"\b(?:{_STRAT_ADJ_KNOWN})?(?:[Ss]trategi|[Aa]genda|[Aa]gendan|[Hh]andlingsplan(?:en)?|[Rr]iktlinjer|[Pp]olicy|[Pp]olicyn|[\w\-]{{3,}}(?<!projekt)(?<!arbets)(?<!aktivitets)(?<!tids)(?<!kommunikations)(?:plan|program))(?:\s\d{{4}})?\s(?:för|vid)\s")),
    # "Nationell plan för transportinfrastruktur": a bare plan word needs the adjective;
    # "den nationella strategin för hållbar regional utveckling": so does a definite one
    ("x-for-y", re.compile(r"\b(?:[Rr]egional[at]?|[Nn]ationell[at]?|[Gg]emensamm?a?|[Ll]änsgemensamm?a?)\s(?:plan|program)\s(?:för)\s|"
                           r"\b[Nn]ationella\sstrategin\sför\s")),
    ("x-plan", re.compile(rf"\b(?:[{_UP}]\w+s\s)?{_STRAT_ADJ}[a-zåäö\-]{{3,}}(?:plan|planen|program|programmet)\b(?:\s(?:för|i)\s[{_UP}][\w\-]*\w(?:\slän)?)?(?:\s\(?\d{{4}}\s?[–-]\s?\d{{4}}\)?)?")),
    ("adj-plan-year", re.compile(rf"\b[{_UP}][a-zåäö]+(?:isk|al|ell)\s(?:plan|strategi|agenda|program)\s20\d\d(?:\s?[–-]\s?20\d\d)?(?![\d])")),
    ("plan-year", re.compile(rf"\b[{_UP}][a-zåäö]+(?:plan|program|agenda|strategi)\s\d{{4}}(?:\s?[–-]\s?\d{{4}})?\b")),
    ("named-plan", re.compile(r"\b(?:[A-ZÅÄÖ][a-zåäö]*(?:plan|planen|strategi|strategin|agenda|agendan|program|programmet))\b")),
    # two adjectives and a bare plan word: "norrländskt folkhälsopolitiskt program", "det folkhälsopolitiska ramverket"
    ("adj2-plan", re.compile(r"\b(?:[A-ZÅÄÖa-zåäö][a-zåäö]{3,}(?:sk|isk|ell|al)[at]?\s){2}(?:plan|program|ramverk)\b")),
    ("adj-ramverk", re.compile(r"\b[A-ZÅÄÖa-zåäö][a-zåäö]{4,}(?:iska|ala|ella)\sramverket\b")),
    ("rus", re.compile(r"\b(?:RUS|RIS|RDS)(?:\s\d{4}\s?[–-]\s?\d{4})?\b(?![\-–:]\w)")),
]
# Rules searched only near their head words (see _matches_near): the words, and the most whitespace
# characters a match has before one ("Region Xs regionala gröna klimat- och energistrategi": 6).
_NEAR_WORDS = {"x-strategi": (("strategi", "agenda", "handbok", "visionen"), 6)}
# Substrings (lower case) a paragraph must contain for a rule to possibly match: skips most regex runs.
_NEEDS = {
    "region": ("region",), "kommun": ("kommun",), "lansstyrelsen": ("länsstyrelse",),
    "lansstyrelserna": ("länsstyrelse",), "lansstyrelserna-and": ("länsstyrelse",), "universitet": ("universitet",),
    "universitetssjukhus": ("universitetssjukhus",),
    "nordic": ("kommune", "ammattikorkeakoulu", "yliopisto", "allaskuvla", "liitto", "høgskul", "høgskol", "universitetet", "kunta", "kaupunki"),
    "nordic-word": ("keskus", "yliopisto", "virasto", "laitos"), "esf-radet": ("-rådet", "-institutet", "-kommittén", "-myndigheten"),
    "adj-agency": ("institutet", "myndigheten", "kommittén", "rådet", "verket", "förbundet", "kansliet", "akademien"), "sjukhus": ("sjukhus", "lasarett"), "ab": (" ab", " oy", " as", " ltd", " gmbh"),
    "myndigheten-for": (" för ", " mot ", " for "), "political-body": ("nämnden", "fullmäktige", "regionstyrelsen",
                                                                         "förvaltningen", "delegationen"),
    "statens": ("statens",), "stiftelse": ("stiftelse", "förening", "förbund"),
    "stiftelse-suffix": ("stiftelse", "förening", "folkhögskola", "museum", "förbund", "riksorganisation"),
    "visit": ("visit",), "interreg": ("interreg",), "anslag": ("anslag",), "fonden": ("fonde",), "fonden-for": ("fonden för",),
    "operative-programme": ("operativa program",), "instrumentet-for": ("instrumentet för",), "programme-of-fund": ("fonden",), "check": ("check",), "stipendium": ("stipendi",), "esf-plus": ("esf+",), "fund-programme": ("program",),
    "x-strategi": ("strategi", "agenda", "handbok", "vision"), "owner-strategi": ("strategi", "agenda", "plan"),
    "x-for-y": (" för ", " vid "), "x-plan": ("plan", "program"), "plan-year": ("plan", "program", "agenda", "strategi"),
    "named-plan": ("plan", "strategi", "agenda", "program"), "adj2-plan": ("plan", "program", "ramverk"),
    "adj-ramverk": ("ramverket",), "adj-plan-year": ("plan", "strategi", "agenda", "program"), "rus": ("rus", "ris", "rds"),
}


# lower-case directions before a place in a complement: "i norra Sverige", "för södra Lappland"
_DIRECTIONS = frozenset({"norra", "södra", "västra", "östra", "mellersta", "övre", "nedre", "nordvästra", "nordöstra",
                         "sydvästra", "sydöstra", "inre"})


# a title's capitalised article mid-sentence, right before a name: "genomförandet av En nationell strategi för ..."
_TITLE_ARTICLE = re.compile(r"(?<=[a-zåäö,] )(En|Ett) $")
# a file name or a URL slug: "strategi-2030.pdf", "nationell-strategi-for-hallbar-regional-utveckling/"
_FILE_OR_SLUG = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|html?|aspx)\b|/\s*$|^[a-z0-9]+(?:-[a-z0-9åäö]+){3,}/?$", re.I)
# a county named as a place: "Örebro län", "Västra Götalands län" (its bodies are "Region X", "Länsstyrelsen i X län")
_COUNTY_PLACE = re.compile(r"(?:[A-ZÅÄÖ][a-zåäö]+\s)?[A-ZÅÄÖ][a-zåäö]+s?\slän")


# capitalised prepositions that open a sentence before a name ("För X AB har året ...", "Med Y som ...")
_LEADING_PREPOSITIONS = frozenset({"För", "Med", "Av", "Till", "Genom", "Inom", "Hos", "Från", "Enligt", "Efter", "Vid",
                                   "Mellan", "Utöver", "Trots", "Bland", "Under", "Via", "Tack"})


def _has_any(text: str, needles) -> bool:
    """``text`` contains one of ``needles``: the cheap substring test that lets a regex pass be skipped."""
    return any(w in text for w in needles)


_ACR_LONG_FIRST = re.compile(rf"(?P<long>(?:{_CHAIN}|[{_UP}][\w\-]*(?:\s[\w\-:&]+){{1,12}}?))\s\((?P<acr>{_ACR}|[a-zåäö]{{1,2}}[{_UP}]{{2,}}[a-zåäö]?)\)")
_ACR_FIRST = re.compile(rf"\b(?P<acr>{_ACR})\s\((?P<long>[{_UP}][^()]{{4,120}}?)\)")
_X_CUE = re.compile(rf"(?:(?<=\s)|^)(?P<name>(?:[{_UP}][\w:+&]*\s){{0,3}}[{_UP}0-9][\w:+&]*[\w+])-(?P<cue>projektet|projekt|nätverket|satsningen|plattformen|samarbetet|piloten)\b")
_DEF_HEADS = ("projekt", "nätverk", "samarbete", "samverkan", "mötesplats", "plattform", "forum", "konferens", "satsning",
              "initiativ", "evenemang", "arena", "festival", "mässa", "träff", "kluster", "samverkansyta", "utbildning",
              "program", "förening", "myndighet", "organisation", "företag", "bolag", "stiftelse", "forskningscentrum",
              "institut", "center", "centrum", "riskkapitalbolag", "kompetenscentrum", "inkubator", "klusterorganisation",
              "teater", "museum")
_DEF_PROJECT = re.compile(
    rf"(?:^|(?<=[.!?•●▪]\s)|(?<=\n)|(?<=[a-zåäö,]\s))(?P<name>{_CHAIN}(?:\s(?:20\d\d|\d\.\d))?)(?:,?\ssom|\s[–\-])?\s(?:(?:är|var|har varit|blir)\s)?(?:ett|en|det|den|[\w\-]+s)\s(?:[\w\-]+\s){{0,4}}?"
    rf"(?P<head>[\w\-]*(?:{'|'.join(_DEF_HEADS)}))\b")
_ADJ_RE = re.compile(r"(?:isk|iska|iskt|ell|ella|ellt|al|ala|alt|ig|iga|igt|bar|bara|lig|liga|ligt|full|fulla|ande|ende|ad|ade|ny|nya|nytt|gemensam|gemensamma|större|hållbar|hållbart|strategiskt|smart)$")
_TRAILING_CUE = re.compile(r"(?i)\b([a-zåäö\-]*(?:projektet|projekten|plattformen|nätverket|satsningen|initiativet|"
                           r"samarbetet|förstudien|mötesplatsen|mötesplatserna|konferensen|forumet|konsortiet|"
                           r"grupperingen|företaget|bolaget|föreningen|organisationen|initiativ))\s*[\"”“«]?\s*$")


def _trailing_cue(tail: str) -> re.Match | None:
    """``_TRAILING_CUE.search(tail)``, searched from the last word (before a closing quote): the cue
    group has no space or quote and only spaces and one quote follow it, so no match starts earlier."""
    core = tail.rstrip()
    if core[-1:] in _CLOSING_QUOTES:
        core = core[:-1].rstrip()
    last = core.rsplit(None, 1)[-1] if core else ""
    return _TRAILING_CUE.search(tail, len(core) - len(last))


_CLOSING_QUOTES = "\"”“«"
_HEADING_END = re.compile(r"[.!?:;,]\s*$|^\d|\d\s*%|\bsid\b")
_DEF_AFTER = re.compile(r"\s*(?:,\s*)?(?:\([^()]*\)\s*)?(?:[–\-,]|(?:är|var|har|samlar|syftar|drivs|leds|arrangeras|utgör|"
                        r"handlar|adresserar|arbetar|erbjuder|består|genomförs|genomfördes|ska|fokuserar|"
                        r"riktar|innebär|omfattar|ger|stöttar|stödjer|verkar|anordnas|hölls)\b)")
# a fact list under a heading: "- projektägare: X", "• Leadpartner: Y", "Finansiering: F" (the heading names
# what the list is about; not when the list opens with a topic label: "Fakta om projektet" / "Namn: X")
_FACT_LINE = rf"(?:[-•–*]\s*)?(?i:{label_alternation(topic=False)})\s*:"
_DESC_START = re.compile(
    r"(?:(?:Ett|En)\s(?:[\w\-]+\s){0,2}?|(?:Gemensamt|Gemensam|Nationellt|Nationell|Regionalt|Regional|Årligt|Årlig)\s)?"
    r"[\w\-]*(?:projekt|nätverk|samarbete|samverkan|mötesplats|plattform|forum|konferens|satsning|initiativ|partnerskap|"
    r"samverkansyta|arena|festival|träff|råd|gruppering|förening|organisation|företag|myndighet|forskningscentrum)"
    r"\w*\s(?:mellan|för|som|där|med|inom|kring|om|av|i|där)\b|"
    r"(?:Syftar till att samla|Projekt som|Partnerskap mellan|Samverkan mellan|Drivs av)\b|"
    + _FACT_LINE + "|" +
    r"(?:Syftet|Målet)\smed\s(?:grupperingen|nätverket|projektet|satsningen|plattformen|samarbetet|rådet|forumet|"
    r"initiativet|mötesplatsen|förstudien)\s(?:är|har\svarit)\b|"
    r"(?:Nätverket|Rådet|Delegationen|Grupperingen|Forumet|Konferensen|Projektet|Satsningen|Plattformen|"
    r"Partnerskapet|Mötesplatsen|Initiativet|Samarbetet|Samverkansrådet)\s(?:är|har|samlar|syftar|drivs|leds|består|"
    r"arbetar|innefattar|träffas|riktar|omfattar|startade|bildades|[a-zåäö]+(?:s|ar|er|ade|de|te)\b(?!\s+[A-ZÅÄÖ]))\b|"
    r"[^.\n]{0,60}\b(?:driver|samordnar|leder|koordinerar|ansvarar\sför|håller\si|har|är\ssammankallande\sför)\s"
    r"(?:ett\s|en\s|det\s|den\s)?(?:[a-zåäö]+a\s|[a-zåäö]+t\s)?(?:nätverket|nätverk|rådet|projektet|forumet|plattformen|"
    r"samarbetet|samverkansrådet|samverkansplattformen|mötesplatsen|grupperingen|konferensen)\b")
_HEADING_LABEL = re.compile(r"(?:Fakta|Faktaruta|Om projektet|Projekt):\s+(?=[A-ZÅÄÖ0-9])")
_SUBJ_DEFINES = re.compile(r"\s(?:syftar\still|samlar\s|drivs\sav|arrangeras\sav|leds\sav)")
_IS_A_PROJECT = re.compile(r"\s(?:är|var)\s(?:ett|en)\s(?:[\w\-]+\s){0,2}?[\w\-]*(?:projekt|nätverk|samarbete|"
                           r"samverkansplattform|plattform|mötesplats|forum|konferens|satsning|festival|arena)\w*\b")
_NOT_NAME_WORDS = {"antal", "andel", "delmål", "status", "utfall", "prognos", "budget", "exempel", "urval", "insatser", "aktiviteter", "resultat", "uppföljning", "inledning", "bakgrund",
                   "sammanfattning", "analys", "mål", "indikatorer", "fasta", "samverkansytor", "förvaltningsberättelse",
                   "bilaga", "bilagor", "innehåll", "projektägare", "beviljat", "belopp", "summa", "stödmottagare", "tabell", "figur", "diagram", "källa", "kommentar", "kommentarer"}
_ORG_DESC = re.compile(r"\b(?:förening|organisation|företag|bolag|myndighet|stiftelse|[\w]*centrum|[\w]*center|institut|"
                       r"kommunalförbund|branschorganisation|intresseorganisation|inkubator|aktör|enhet|avdelning)\w*", re.I)


def _desc_type(desc: str) -> str:
    m = _ORG_DESC.search(desc[:80])
    p = re.search(r"projekt|nätverk|samarbete|samverkan|mötesplats|plattform|forum|konferens|satsning|initiativ|"
                  r"partnerskap|arena|festival|träff|råd|gruppering|program", desc[:80], re.I)
    if m and (not p or m.start() < p.start()):
        return "Organisation"
    return "Project"


_ITEM = (rf"(?:{_CHAIN})(?:\s(?:kommun|kommuns|universitet|län|högskola|sjukhus|museum|tekniska\suniversitet|fylkeskommune|kommune|"
         rf"yliopisto|ammattikorkeakoulu|allaskuvla|liitto))?")
_LIST_ITEM = re.compile(_ITEM)
_LIST_TAIL = re.compile(rf"(?:,\s(?:{_ITEM}))*,?\s(?:och|samt)\s(?:{_ITEM})")
_PLURAL_CUES = ("projekten", "mötesplatserna", "nätverken", "plattformarna", "initiativen", "satsningarna",
                "företagen", "organisationerna")
_LIST = re.compile(rf"(?<![\w\-])(?:{_ITEM})(?:,\s(?:{_ITEM}))*(?:,?\s(?:och|samt|&|eller)\s(?:{_ITEM})|"
                   rf"(?:,\s(?:{_ITEM})){{1}},?(?=\s*$))(?![\w\-])")
_BEFORE_NAME = re.compile(r"(?<![\w\-])(?P<cue>[^\W\d][\w\-]*)\s+[\"”“«']?(?=[A-ZÅÄÖÉÜ0-9])")
_SM_EVENT = re.compile(r"\b(?:SM|NM|EM|VM)\si\s[A-ZÅÄÖa-zåäö][a-zåäö]+\b")
_COUNCIL_FOR = re.compile(r"\b(?:(?:Strategiska|Strategiskt|Regionala|Regionalt|Nationella|Nationellt|Gemensamma|Gemensamt)\s"
                          r"(?:rådet|råd|forumet|forum|nätverket|nätverk|gruppen|samrådet)|Strategirådet|"
                          r"(?:[A-ZÅÄÖ]{2,}:s|[A-ZÅÄÖ][a-zåäö]{3,}s)\s(?:nätverk|forum|samråd)|"
                          r"Rådet|Samrådet|Samråd|Forumet|Forum|Nätverket|Nätverk|Delegationen|Expertgruppen|Expertgrupp|"
                          r"Gruppering|Grupperingen|Arbetsgruppen)\s(?:för|i|mot)\s(?=[a-zåäöA-ZÅÄÖ])")
_PROJECT_HEAD = re.compile(
    r"(?<![\w\-])(?P<word>[A-ZÅÄÖ][\w\-]*(?:nätverk|nätverket|forum|forumet|träff|träffen|"
    r"veckan|vecka|veckorna|dagen|dagarna|mötet|samverkan|klustret|-SM|samverkansgruppen|(?<![Oo]m)rådet|(?<![Oo]m)råd))(?![\w\-])(?P<tail>(?:\s(?!Region\b)[A-ZÅÄÖ][\w\-]+){0,2})(?P<year>\s20\d\d\b)?"
    r"(?:\s(?P<comp>för|i|mot|inom|på)\s)?")
# an item of a dash list whose lead-in announces activities ("Följande aktivitetsområden kommer projektet att verka
# i. - Nätverk för samverkan - Forskning som ..."): a line of work inside the project, not a project of its own
_ACTIVITY_ITEM = re.compile(r"\b(?:[a-zåäö]*områden(?:a)?|arbetspaket(?:en)?|aktiviteter(?:na)?|delprojekt(?:en)?|insatser(?:na)?)\b"
                            r"[^.:\n]{0,80}[.:](?:\s+-\s[^.:\n]*?)*\s+-\s$")


def activity_item(text: str, start: int) -> bool:
    """Whether ``start`` opens an item of a dash list of activities (see ``_ACTIVITY_ITEM``)."""
    return bool(_ACTIVITY_ITEM.search(text, max(0, start - 400), start))


_ORG_HEAD = re.compile(
    r"(?<![\w\-])(?P<word>(?:[A-ZÅÄÖ][a-zåäö]+(?:isk|iska|ala|ska)\s[a-zåäö]+|[A-ZÅÄÖ][\w\-]*)"
    r"(?:(?<!h)enheten|avdelningen|avdelning|centrum|institutionen|högskolan|kontoret|byrån|utredningen|"
    r"regionen|region|arkivet|jouren|-gruppen))(?:s(?![\w\-]))?(?![\w\-])(?:\s(?P<comp>för|vid|i|mot)\s)?")
_QUOTED = re.compile(r"[”\"“«](?P<name>[A-ZÅÄÖ][^”\"“»\n]{2,100}?)[”\"»]")
# a quoted title after these is a text referred to ('se ”Mer information om statistiken”', 'rapport ”X”')
_QUOTE_REFERENCE = {"se", "läs", "jfr", "rapport", "rapporter", "skrift", "publikation", "publikationen", "artikel",
                    "artikeln", "kapitel", "kapitlet", "avsnitt", "avsnittet", "sidan", "webbsidan", "rubrik", "rubriken"}
# a kind of strategy named, then its name in quotes: "en ny regional utvecklingsstrategi (beslutad 2026), ”Dalastrategin”"
_KIND_BEFORE_QUOTE = re.compile(r"\b[a-zåäö\-]*(?:strategi|strategin|plan|planen|agenda|agendan)(?:\s*\([^()]{0,80}\))?,?\s*[”\"“«]$")
_QUOTE_SKIP = ("metoden", "foldern", "tema", "temat", "årstema", "årstemat", "fokusområdet", "verktyget", "rapporten",
               "boken", "filmen", "utställningen", "skriften", "broschyren", "titeln", "rubriken", "begreppet",
               "frågan", "devisen", "parollen", "visionen,", "och")
_BULLET_NAME = re.compile(rf"(?:^|\n)\s*[•\-–]\s+(?P<name>{_CHAIN}(?:\s[a-zåäö]+)?)\s(?:som|är|var)\s"
                          rf"(?:är\s|var\s)?(?:ett|en|riktar|syftar|utbildar|samlar|erbjuder|arrangeras|drivs|genomförs)\b")
_SUBJECT = re.compile(
    rf"(?:^|(?<=[.!?•●▪]\s)|(?<=\n)|(?<=[a-zåäö,]\s))(?P<name>{_CHAIN})(?:,\s[^,]{{3,40}},)?\s(?:har\s(?:genom|under|också|även|tagit|"
    rf"beviljat|beslutat|tilldelats|anställt|investerat|etablerat|startat|utvecklat)|ansvarar|beslutade|beviljade|äger|ägs|"
    rf"erbjuder|bjöd|investerar|investerade|anställer|etablerar|etablerade|tillverkar|producerar|förvärvade|köpte|"
    rf"(?:beviljas|beviljades|får|fick|tilldelas|tilldelades)(?=\s(?:\d|närmare\s\d|drygt\s\d|ytterligare\s\d)))\b")
# names a sentence opens with and then says are companies or associations: "Communicare är en ideell förening som ...",
# "A och B är två stora företag som ...", "X är ett av de största bolagen i länet" (no legal form needed)
_IS_AN_ORG = re.compile(
    rf"(?:^|(?<=[.!?•●▪]\s)|(?<=\n))(?P<items>(?:{_CHAIN})(?:,\s(?:{_CHAIN}))*(?:,?\s(?:och|samt)\s(?:{_CHAIN}))?)"
    rf"\s(?:är|var)\s(?:en|ett|två|tre|fyra|fem|sex)\s"
    rf"(?:(?!(?:som|och|med|för|inom|i|att)\s)(?![a-zåäö]*(?:projekt|nätverk|satsning|samarbete|plattform|initiativ|program))[a-zåäö]+\s){{0,3}}?"
    rf"(?:[a-zåäö]*(?:förening|företag|bolag|organisation|stiftelse)|koncern|aktör)(?:en|et|ar|er|erna|na)?\b")
_PROJECT_SUBJECT = re.compile(
    rf"(?:^|(?<=[.!?•●▪]\s)|(?<=\n)|(?<=[a-zåäö,]\s))(?P<name>{_CHAIN})(?:\s\([^()]{{2,12}}\))?\s(?:syftar\still|pågår|pågick|"
    rf"avslutades|startade|startades|påbörjades|drevs\sav|drivs\sav|finansieras\sav|finansierades\sav|handlar\som|"
    rf"adresserar|har\spågått|löper)\b")
_X_IN_COUNTY = re.compile(r"(?<![\w\-])(?P<x>[A-ZÅÄÖ][a-zåäö]{2,})\si\s(?P<county>[A-ZÅÄÖ][a-zåäö]+)(?![\w\-])")
_CUE_PAREN = re.compile(r"\b(?P<cue>[a-zåäö][\w\-]{3,})\s\((?P<name>[A-ZÅÄÖ][^()\n]{3,80}?)\)")
_SUBJECT_NEEDS = ("har ", "ansvarar", "beslutade", "beviljade", "äger", "ägs", "erbjuder", "bjöd", "investera",
                  "anställ", "etabler", "tillverkar", "producerar", "förvärvade", "köpte", "beviljas", "beviljades",
                  "får ", "fick ", "tilldela")
_PSUBJECT_NEEDS = ("syftar", "pågå", "pågick", "avslutades", "start", "påbörjades", "drevs", "drivs", "finansier",
                   "handlar", "adresserar", "löper")
# a kind of organisation may be a compound: "branschorganisationer som A", "medlemsföretag som B och C"
_CUE_LIST = re.compile(
    rf"\b(?:[a-zåäö]{{3,}}(?=(?:organisationer|företag|aktörer|föreningar|bolag|myndigheter)\b))?(?P<cue>[Pp]rojekt|[Pp]lattformar|[Nn]ätverk|[Ii]nitiativ|[Ss]atsningar|[Mm]ötesplatser|[Ee]venemang|"
    rf"[Ff]estivaler|[Mm]ötesplatser|[Mm]ötesplatserna|[Aa]ktörer|[Oo]rganisationer|[Ff]öretag|[Pp]rojekten|[Nn]ätverken|[Ss]atsningarna|[Ii]nitiativen|"
    rf"[Ii]nkubatorer|[Ff]öreningar|[Mm]yndigheter|[Ll]ärosäten|[Bb]olag|[Mm]edfinansiärer|[Ff]inansiärer|[Ss]amarbetspartners?|"
    rf"[Pp]arter|[Mm]edlemmar|[Dd]elägare)"
    rf"(?:,)?\s(?:som|såsom|bland annat|t\.\s?ex\.|exempelvis|kan nämnas|märks|nämns|är|var|det vill säga|dvs\.?|d\.v\.s\.)\s(?:bland annat\s)?"
    rf"(?P<items>(?:{_CHAIN})(?:,\s(?:{_CHAIN}))*(?:,?\s(?:och|samt)\s(?:{_CHAIN}))?)")
_AGENT_CUE = re.compile(
    rf"\b(?:(?:[Tt]illsammans|[Ss]amarbete|[Ss]amverkan|[Dd]ialog|avtal|partnerskap|överenskommelse)\smed|"
    rf"(?:[Ss]amarbete|[Ss]amverkan)\smellan\s(?:bland\sandra|bland\sannat|bl\.a\.)|"
    rf"(?:drivs|ägs|leds|arrangeras|arrangerades|anordnas|anordnades|samordnas|koordineras|drevs|initierades|"
    rf"utförs|utfördes|beviljats|beviljades|finansieras|finansierades|stöds|stöttas|lett|ledd|ledda|framtagen|framtaget|"
    rf"framtagna|köpts\supp|köptes\supp|förvärvats|förvärvades|ägd|ägt|ägda)\s(?:gemensamt\s)?av)\s"
    rf"(?:bland\sandra\s|bland\sannat\s|bl\.a\.\s)?"
    rf"(?P<items>(?:{_CHAIN})(?:,\s(?:{_CHAIN}))*(?:,?\s(?:och|samt)\s(?:{_CHAIN}))?)")
_GENERIC = re.compile(rf"(?<![\w\-:])(?:{_CHAIN})(?![\w\-])")
_SENT_START = re.compile(r"(?:[.!?:•●▪\-–]\s*|\n\s*|\(\s*)$")
_SENT_WORDS = {"det", "den", "de", "detta", "denna", "dessa", "vi", "man", "här", "där", "inför", "även", "nya", "ny",
               "flera", "både", "andra", "alla", "genom", "under", "inom", "efter", "mellan", "sedan", "från", "vid",
               "bakom", "bland", "hos", "utöver", "förutom"}
_NAME_FIRST = re.compile(r"[A-ZÅÄÖ]{2}|\d|[a-zåäö][A-ZÅÄÖ]")
_ACR_STOP = {"ai", "it", "smf", "sip", "sfs", "lou", "gdpr", "ikt", "kpi", "ikt", "hr", "vd", "bnp", "brp", "kpi", "gis", "co2", "smf", "sme", "lss", "fou", "ok",
             "pdf", "ppt", "faq", "cv", "tv", "id", "sms", "ev", "el", "iot", "ar", "vr", "esg", "ngo", "bbi",
             "mkr", "tkr", "kr", "sek", "eur", "nr", "st", "ca", "obs", "ex", "jan", "feb", "mar", "apr", "jun",
             "jul", "aug", "sep", "okt", "nov", "dec", "ht", "vt", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii",
             "ix", "x", "a", "b", "c", "d", "e", "f", "q1", "q2", "q3", "q4", "ssk", "usk", "lex", "hbtqi", "hbtq"}
_MID_SENT = re.compile(r"(?:[a-zåäö]\w*|,)\s$")
_COMPOUND_NOUN = re.compile(r"-[a-zåäö]|:(?:er|t|en|et|n|a|or|ar|na)$")
_GENERIC_COMPLEMENT = {"perioden", "åtgärder", "implementering", "utveckling", "arbetet", "genomförande", "området",
                       "framtiden", "detta", "dessa", "denna", "regionen", "länet", "året", "åren", "verksamheten",
                       "hur", "vad", "att", "samtliga", "alla", "respektive", "varje", "nästa", "kommande"}
_GENERIC_COMPLEMENT |= {"hela", "form", "syfte", "samband", "samarbete", "december", "januari", "våren", "hösten",
                        "början", "slutet", "mitten", "perioden", "tiden", "år", "året", "kombination"}
_GENERIC_COMPLEMENT -= {"länet", "regionen"}
_GENITIVE_HINT = {"kommunerna", "regionerna", "länet", "regionen"}
_X_NOT_NAME = {"eu", "fou", "yh", "esf", "eruf", "interreg", "horizont", "horisont", "europe", "arctic", "leader",
               "life", "erasmus", "s3", "it", "ai", "ikt", "va", "rus", "vinnova", "tillväxtverket"}
_CONNECTORS = {"i", "för", "på", "av", "mot", "och", "of", "for", "and", "the", "in", "on", "&", "till", "-", "–"}
_VERBISH = re.compile(r"(?:ar|er|ir|as|es|ts|ats|ade|ades|des|it|itt|tt|at|de|te|ss)$")
_VERBISH_STRONG = re.compile(r"(?:ades|ats|erats|its|tts|ts|des|dde|ddes|ckas|ras|gas|tas|vs|ats|erat|at)$")
_MUNI_ITEM = rf"[{_UP}][\w\-]+(?:\s[{_UP}]\w+)?"
_MUNI_LIST = re.compile(rf"(?:{_MUNI_ITEM},\s)*{_MUNI_ITEM},?\s(?:och|samt|&)\s{_MUNI_ITEM}(?:(?:,\s|,?\s(?:och|samt|&)\s){_MUNI_ITEM})*")


_GRANT_HEADER = re.compile(r"\b(?:Projekt|Projektnamn|Insats)\s+(?:Projektägare|Stödmottagare|Sökande|Huvudman|Ägare)\s+"
                           r"(?:Beviljat|Beviljade|Belopp|Stöd|Bidrag|Kronor|Tkr|Summa)", re.I)
_GRANT_ROW = re.compile(r"(?P<cells>[A-ZÅÄÖ][^\n]*?[\w)])\s+\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?(?:\s*(?:kr|tkr|mkr|kronor))?(?:\s|$)")
_ACR_VERB = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>[{_UP}][\w\-]+(?:\s[\w\-–]+){{0,7}}?)\s\((?P<acr>{_ACR})\)\s"
                       r"(?:drivs|drevs|startar|startade|startades|genomförs|genomfördes|pågår|pågick|syftar|finansieras|"
                       r"finansierades|leds|leddes|har\sbeviljats|beviljades|avslutades|är\sett\s(?:[\w\-]+\s)?projekt)\b")
_HEAD_DESC = re.compile(rf"(?P<name>{_CHAIN})\s(?=(?:Ett|En)\s(?:[a-zåäö\-]+\s){{0,2}}?[a-zåäö\-]*(?:projekt|nätverk|samarbete|"
                        r"samverkansplattform|plattform|mötesplats|forum|konferens|satsning|initiativ|partnerskap|arena|"
                        r"festival|förening|organisation|företag|bolag|myndighet|stiftelse|forskningscentrum|kompetenscentrum)"
                        r"\w*\s(?:mellan|för|som|där|med|inom|kring|om|av|i)\b)")
_LAW_NAME = re.compile(r"\s(?:Act|Directive|Regulation)$|^(?:Lag|Lagen|Förordning|Förordningen|Direktiv|Direktivet)\s(?:om|för)\b|"
                       r"\b(?:förordningen?|lagen|direktivet)$")
_SEG_RUN = re.compile(r"[^.;:()!?\n]+")  # a clause; its items are split by _SEG_DELIM
_SEG_DELIM = re.compile(r",\s|(?<!-)\s(?:och|samt)\s")
_NAME_END_VERBS = {"är", "var", "har", "hade", "ska", "syftar", "drivs", "drevs", "leds", "pågår", "pågick", "kommer",
                   "genomförs", "genomfördes", "startade", "sätts", "fokuserar", "samlar", "erbjuder", "finansieras"}
_CUE_APPOS = re.compile(r"\b[a-zåäö][\w\-]*(?:projekt|projektet|nätverk|nätverket|initiativ|initiativet|satsning|satsningen|"
                        r"plattform|plattformen|samarbete|samarbetet),\s(?P<name>[A-ZÅÄÖ][^,()\n.;:]{2,80}?),\s(?:som|där|vilket|vilken)\b")
_GEN_CUE = re.compile(r"\b(?P<owner>[A-ZÅÄÖ][\w\-]*(?::s|s))\s(?:satsning|projekt|nätverk|initiativ|plattform|mötesplats|samarbete)\s"
                      r"(?P<name>[A-ZÅÄÖ])")
_IN_COUNTRY = re.compile(r"\si\s(?:Finland|Norge|Danmark|Island|Spanien|Tyskland|Frankrike|Italien|Estland|Lettland|Litauen|Polen|"
                         r"Nederländerna|Belgien|Österrike|Kanada|Skottland|Irland|Portugal|Grekland|Europa|Sverige)\b")
_PROJECT_OWNER = re.compile(r"(?<![\w\-])(?:Region\s\d+|[A-ZÅÄÖ]{2,5}\d?)\s$")
_FIELD_LABELS = {w.lower() for w in all_labels()}  # "Partner: A, B Finansiär: C"
_TABLE_TITLE_WORDS = ("projekt", "projektnamn", "insats")  # a grant table's first header cell
_TABLE_TITLE = re.compile(rf"(?:^|\s)(?:{'|'.join(_TABLE_TITLE_WORDS)})$")
_CELL = re.compile(r"[A-ZÅÄÖ][^\n.!?:;]{1,80}")
_TABLE_HEADER_WORDS = {"projektägare", "beviljat", "beviljade", "belopp", "summa", "stödmottagare", "sökande", "huvudman"}
_BRANCH_WORDS = {"Mitt", "Nord", "Syd", "Öst", "Väst", "Norr", "Norra", "Södra", "Östra", "Västra", "Mellersta"}
_GAZ_TAIL = re.compile(r"(?P<tail>(?:\s[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?){1,2})?(?P<ab>\sAB\b)?"
                       r"(?!\s(?:kommun|kommuns|län|läns|universitet|region|stad)\b)(?<=\w)")
_NOT_ENTITY_CUES = tuple(ln.lower() for ln in _lines(GAZ_DIR / "not_entity_cues.txt"))
_NOT_ENTITY_HINTS = ("kallad", "system", "verktyg", "appen", "applikation", "utmärkels", "priset", "rapport", "skrift", "boken",
                     "filmen", "tidning", "tidskrift", "lagen", "förordning", "årstema")
_ADJ_BEFORE = re.compile(r"(?<![\w\-])([A-ZÅÄÖ][a-zåäö]+(?:ska|iska|ra|na))\s$")
_GENERIC_OWNERS = {"regionens", "kommunens", "länets", "landets", "nämndens", "styrelsens", "förbundets", "myndighetens",
                   "statens", "organisationens", "bolagets", "verksamhetens", "kommunernas", "regionernas"}
_PERIOD_TAIL = re.compile(r"\s\(?20\d\d\s?[–-]\s?20\d\d\)?(?![\d\-–])")
_VENUE = re.compile(r"[A-ZÅÄÖ][\wôéè\-]+(?:\s[A-ZÅÄÖ][\wôéè\-]+)+")  # "Grand Hôtel": two capitalised words
_OWNER_FUND = re.compile(r"\s(?:program|stödprogram|finansieringsprogram|utlysning|utlysningen)\s[\"”“«]?(?=[A-ZÅÄÖ])")
_OWNER_COLLAB = re.compile(r"\s(?:(?:nationella|regionala|årliga|återkommande|nya|gemensamma)\s)?"
                           r"(?:[\wåäö\-]{3,}(?:dialog|dialoger|dialogen|nätverk|nätverket|forum|forumet|kluster|klustret|samråd|"
                           r"plattform|plattformen|mötesplats)|gruppering\sför\s[A-ZÅÄÖ][\w\-]+)\b")
_LEADING_ACR = re.compile(rf"\((?P<acr>{_ACR})\)")
_LABEL_CUE = re.compile(r"(?:^|(?<=[\s•]))(?:[Ff]örstudie|[Pp]rojekt|[Pp]rojektnamn|[Pp]rojekttitel|[Pp]ilotprojekt|[Pp]ilot|[Ss]atsning|"
                        r"[Nn]ätverk|[Ii]nitiativ)\s?:\s+"
                        r"(?=[A-ZÅÄÖ])")
_HETER = re.compile(r"\b(?:(?P<cue>[A-ZÅÄÖa-zåäö][a-zåäö\-]+)\s(?:som\s)?heter|"
                    r"(?:[Ff]örsta|[Aa]ndra|[Tt]redje|[Ff]järde|[Ee]na|[Ss]ista|[Nn]ya)\s(?P<cue2>[a-zåäö\-]+)\s(?:är|var))"
                    r"\s[\"”“«]?(?=[A-ZÅÄÖ])")
_FUND_AREA = re.compile(r"\s(?:(?:i|för)\s)?(?:Övre\sNorrland|Mellersta\sNorrland|Norra\sMellansverige|Östra\sMellansverige|"
                        r"Västsverige|Sydsverige|Småland\soch\söarna)\b")
_GLUED_TAIL = re.compile(r"(?<=[a-zåäö]{4})(?:för|och|med|som|samt|inom|till)\b")
_CLAUSE_WORD = re.compile(r"\b(?:är|var|som|att|har|hade|ska|kommer|kan|blev|bli|blir|vilket|där)\b")
_ACR_DASH = re.compile(rf"(?:^|(?<=\n))(?P<acr>{_ACR})\s[–\-]\s(?P<long>{_CHAIN})")
_PAREN_ACR = re.compile(rf"\s\((?P<acr>{_ACR})\)")
_UNTIL_ACR = re.compile(rf"(?P<long>[^.()\n;:!?]{{3,110}}?)\s\((?P<acr>{_ACR})\)")
# Substrings (lower case) for the single-regex passes of EntityRules.find, as in _NEEDS: each regex
# needs one of them (its cue or head words), so a paragraph without any skips the pass.
_NEEDS.update({
    "definition": _DEF_HEADS,
    "cue-list": ("projekt", "plattformar", "nätverk", "initiativ", "satsningar", "mötesplatser", "evenemang", "festivaler",
                 "aktörer", "organisationer", "företag", "inkubatorer", "föreningar", "myndigheter", "lärosäten", "bolag",
                 "finansiärer", "samarbetspartner", "parter", "medlemmar", "delägare"),
    "x-cue": ("-projekt", "-nätverket", "-satsningen", "-plattformen", "-samarbetet", "-piloten"),
    "cue-appos": ("projekt,", "projektet,", "nätverk,", "nätverket,", "initiativ,", "initiativet,", "satsning,", "satsningen,",
                  "plattform,", "plattformen,", "samarbete,", "samarbetet,"),
    "gen-cue": ("satsning", "projekt", "nätverk", "initiativ", "plattform", "mötesplats", "samarbete"),
    "council-for": ("råd", "forum", "nätverk", "grupp", "delegationen"),
    "project-head": ("nätverk", "forum", "träff", "veck", "dag", "mötet", "samverkan", "klustret", "-sm", "råd"),
    "org-head": ("enheten", "avdelning", "centrum", "institutionen", "högskolan", "kontoret", "byrån", "utredningen", "region",
                 "arkivet", "jouren", "-gruppen"),
    "agent-cue": ("tillsammans", "samarbete", "samverkan", "dialog", "avtal", "partnerskap", "överenskommelse", "drivs", "ägs",
                  "leds", "arrangeras", "arrangerades", "anordnas", "anordnades", "samordnas", "koordineras", "drevs",
                  "initierades", "utförs", "utfördes", "beviljats", "beviljades", "finansieras", "finansierades", "stöds",
                  "stöttas", "lett", "ledd", "framtagen", "framtaget", "framtagna", "köpts", "köptes", "förvärvats",
                  "förvärvades", "ägd", "ägt"),
})
_SM_EVENT_NEEDS = ("SM", "NM", "EM", "VM")  # case-sensitive: tested on the text itself
# the plan words of the "x-for-y" forms: tested besides their _NEEDS (" för ", " vid ")
_PLAN_WORDS = ("strategi", "agenda", "riktlinjer", "policy", "plan", "program")


def _is_subsequence(letters: str, initials: str) -> bool:
    it = iter(initials)
    return all(c in it for c in letters)


def _acronym_start(words: list[str], acr: str) -> int | None:
    """Index of the first word of the long form that ``acr`` abbreviates, or None.

    Prefers a capitalised first word whose initials spell the acronym in order
    ("Framtidens Robusta Energisystem i AC-län" for FREIA); falls back to a
    lower-case start ("vinnare i den gröna omställningen" for VIGO).
    """
    letters = "".join(c for c in acr.lower() if c.isalpha())
    if not letters:
        return None
    best = None
    for k in range(len(words) - 1, max(-1, len(words) - 13), -1):
        w = words[k]
        if not w[:1].isalpha() or w[0].lower() != letters[0]:
            continue
        initials = "".join(x[0].lower() for x in words[k:] if x[:1].isalnum())
        if _is_subsequence(letters, initials) or len(letters) <= 2 and len(words) - k >= 1:
            if w[0].isupper():
                return k
            if best is None:
                best = k
    return best


_COMMA_ACR = re.compile(rf"(?P<long>[{_UP}][\w\-]*(?:\s[\w\-]+){{1,7}}),\s(?P<acr>[{_UP}][A-Za-zÅÄÖåäö]{{1,6}})(?=[\s.,;:)]|$)")
_OPEN_PAREN = re.compile(r"\s\(")
_LONG_WINDOW = 400  # characters before "(ACR)" a long form may start at (the regex is slow over a whole paragraph)


def _matches_near(rx: re.Pattern, text: str, words: tuple[str, ...], max_spaces: int):
    """``rx.finditer(text)`` for a pattern whose every (non-empty) match contains one of ``words`` with
    at most ``max_spaces`` whitespace characters before it in the match: each search starts that many
    spaces before the next such word instead of right after the last match (same matches: none can
    start further back), and the search stops after the last word."""
    pos = 0
    while True:
        word_at = min((i for i in (text.find(w, pos) for w in words) if i >= 0), default=-1)
        if word_at < 0:
            return
        start, spaces = word_at, 0
        while start > pos and not (text[start - 1].isspace() and spaces == max_spaces):
            start -= 1
            spaces += text[start].isspace()
        m = rx.search(text, start)
        if m is None:
            return
        yield m
        pos = m.end()


def _known_complement(text: str, pos: int, cands) -> int | None:
    """End of a name a rule already found right at ``pos`` (after "Rådet för "), with a place after it
    ("... i Sverige"); None if no name starts there."""
    ends = [ce for cs, ce, _, pr, _ in cands if cs == pos and pr >= 5]
    if not ends:
        return None
    m = re.match(rf"\s(?:i|för)\s[{_UP}]\w+", text[max(ends):])
    return max(ends) + (m.end() if m else 0)


def _may_define(before: str, acr: str) -> bool:
    """Whether "(ACR)" may define an acronym for the words ``before`` it: one of the last as many words as it has
    letters starts with its first letter ("regeringsformen (RF)"); otherwise it cites a source ("länet i landet (SCB)"),
    unless a number follows (a regulation: "Kommissionens beslut (EU) 2015/1478", see the caller)."""
    return any(w[:1].lower() == acr[:1].lower() for w in re.findall(r"\w+", before)[-len(acr):])


def _paren_matches(rx: re.Pattern, text: str):
    """``rx.finditer(text)`` for a pattern that ends in " (...)": searched only in a window before each
    parenthesis, in order and without overlaps (same matches unless a long form exceeds the window)."""
    last_end = 0
    for p in _OPEN_PAREN.finditer(text):
        close = text.find(")", p.end())
        if close < 0:
            break
        ws = max(last_end, p.start() - _LONG_WINDOW)
        if close + 1 <= ws:
            continue
        for m in rx.finditer(text, ws, close + 1):
            if m.start() >= last_end:
                last_end = m.end()
                yield m


def _required_word(pattern: list[dict]) -> str | None:
    """A word every match of a token pattern has (a token with a fixed LOWER that must occur), or None.
    ASCII only: then a paragraph's ``str.lower()`` contains it wherever a token's lower form is it."""
    for tok in pattern:
        word = tok.get("LOWER")
        if isinstance(word, str) and word and word.isascii() and tok.get("OP", "+") == "+":
            return word
    return None


# ---------------------------------------------------------------- the component
PATTERN_DIR = Path(__file__).parent / "patterns"
# Spans already on the doc (the trained NER) rank below every rule span, weak guesses included:
# the model fills gaps the rules leave, it does not override them.
MODEL_PRIORITY = 0


def load_patterns(pattern_dir: str | Path = PATTERN_DIR) -> list[dict]:
    """EntityRuler-style patterns kept as data: every ``*.jsonl`` in ``pattern_dir`` ("//" comments)."""
    import json

    out = []
    for f in sorted(Path(pattern_dir).glob("*.jsonl")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if line and not line.startswith("//"):
                try:
                    out.append(json.loads(line))
                except ValueError as e:
                    raise ValueError(f"{f.name}:{n}: bad pattern: {e}") from None
    return out


@Language.factory("kg_entity_rules", default_config={"gazetteer_dir": None, "pattern_dir": None,
                                                     "generic_names": True})
def make_entity_rules(nlp: Language, name: str, gazetteer_dir: str | None, pattern_dir: str | None,
                      generic_names: bool):
    return EntityRules(nlp, gazetteer_dir or str(GAZ_DIR), generic_names, pattern_dir or str(PATTERN_DIR))


@dataclass
class _Scan:
    """One paragraph under the rule families: its doc and text, the candidates found so far, and the
    memoised substring gates (a rule whose gate words are absent cannot match: its pass is skipped)."""

    doc: Doc
    text: str
    lex: Lexicon
    low: str = ""
    cands: list[tuple[int, int, str, int, str]] = field(default_factory=list)
    gates: dict[tuple, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.low = self.text.lower()

    def needed(self, rule: str) -> bool:
        """The paragraph contains one of the rule's substrings (memoised: rules share their lists)."""
        needs = _NEEDS.get(rule)
        if needs is None:
            return True
        hit = self.gates.get(needs)
        if hit is None:
            hit = self.gates[needs] = _has_any(self.low, needs)
        return hit


class EntityRules:
    """Sets doc.ents from gazetteers and name rules; rule spans overwrite model spans."""

    def __init__(self, nlp: Language, gazetteer_dir: str, generic_names: bool = True, pattern_dir: str | None = None):
        self.lex = load_lexicon(gazetteer_dir)
        # EntityRuler-style patterns (patterns/*.jsonl): run here, without a separate ruler pass
        self.pat_phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.pat_tokens = Matcher(nlp.vocab)
        self.pat_label: dict[str, str] = {}
        token_words = []  # a word each token pattern needs; None for a pattern without one
        for i, pat in enumerate(load_patterns(pattern_dir or PATTERN_DIR)):
            key = f"{pat.get('id', 'pattern')}#{i}"
            self.pat_label[key] = pat["label"]
            if isinstance(pat["pattern"], str):
                self.pat_phrases.add(key, [nlp.make_doc(pat["pattern"])])
            else:
                self.pat_tokens.add(key, [pat["pattern"]])
                token_words.append(_required_word(pat["pattern"]))
        # the token Matcher runs only on paragraphs with one of these words (None: on every paragraph)
        self.pat_token_words = None if None in token_words else tuple(token_words)
        self.generic_names = generic_names
        self.default_type = None  # type for a multi-word name with no typing word; None: skip it
        self.default_single = None  # a lone capitalised word mid-sentence with no typing word: skip it
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab)
        self.gaz_forms = {f for canon, aliases, _ in self.lex.names for f in (canon, *aliases)}
        lower_pats: dict[str, list] = {}
        exact_pats: dict[str, list] = {}
        for canon, aliases, etype in self.lex.names:
            for form in sorted({canon, *aliases}):
                variants = {form, form + ":s" if form.isupper() else form + ("" if form.endswith("s") else "s")}
                if form.isupper() and form.isalpha() and len(form) >= 4 and form not in _ACRONYMS_ALSO_WORDS:
                    variants |= {form.capitalize(), form.capitalize() + "s"}  # "Ejflu", "Erufs": a pronounceable acronym
                for v in variants:
                    single = " " not in v
                    short = single and (v.isupper() or len(v) < 9 or "-" in v)
                    key = f"{etype}"
                    (exact_pats if short else lower_pats).setdefault(key, []).append(v)
        for key, forms in lower_pats.items():
            self.lower.add(key, [nlp.make_doc(f) for f in sorted(set(forms))])
        for key, forms in exact_pats.items():
            self.exact.add(key, [nlp.make_doc(f) for f in sorted(set(forms))])
        cues = sorted(self.lex.cues, key=len, reverse=True)
        self.cue_tails = tuple(cues)  # longest first
        self.county_names = tuple(self.lex.counties)
        self.cue_re = _BEFORE_NAME

    # -- helpers
    def _scan_name(self, text: str, pos: int, lower_ok: bool, max_words: int = 9, max_lower: int = 2) -> int:
        """End offset of a name starting at ``pos``; 0 if none.

        Capitalised words and acronyms continue a name; connectors ("i", "för", "och")
        only when a further name word follows; lower-case words (Swedish sentence-case
        names) at most two, not after an acronym, and not verb-looking ones.
        """
        end = 0
        last_end = pos
        n = lower = 0
        after_conn_cap = False  # "... i Västerbotten": the name ends at the next plain word
        first_acr = False
        conn = False
        for m in _WORD.finditer(text, pos):
            gap = text[last_end:m.start()]
            if n and (gap.strip(" ") or "\n" in gap):
                break
            w = m.group()
            wl = w.lower()
            if n == 0:
                if not (w[0].isupper() or w[0].isdigit()):
                    return 0
                first_acr = len(w) > 1 and sum(c.isupper() for c in w) >= 2  # "SISME", "ViiBIC"
            elif w[0].isupper() or w[0].isdigit():
                if wl in self.lex.boundary and not w.isupper():
                    break
                after_conn_cap = after_conn_cap or conn
            elif wl in _CONNECTORS:
                if conn:
                    break  # "X och i Y": two connectors in a row join clauses, not a name
                conn = wl  # the connector itself, until the next word
                last_end = m.end()
                n += 1
                continue
            else:
                if conn and lower == 0 and n >= 3:
                    break  # "Focus Asia för gemensamma ...": a capitalised name ends before "för" + plain words
                if (not lower_ok or (first_acr and n == 1) or after_conn_cap or lower >= max_lower or wl in self.lex.boundary
                        or conn in ("och", "and", "&")
                        or (lower >= 1 or n >= 2) and _VERBISH.search(wl) or _VERBISH_STRONG.search(wl)):
                    break
                lower += 1
            conn = False
            end = m.end()
            last_end = m.end()
            n += 1
            if n >= max_words:
                break
        return end

    def _after_not_entity_cue(self, sp) -> bool:
        """The span follows a word that introduces a non-entity ("journalsystemet Cosmic", "utmärkelsen X",
        "vårdinformationssystem, Cosmic"); gazetteer names are kept."""
        if sp.id_ == "rule:gaz" or sp.start == 0 or re.search(r"-(?:projektet|samarbetet|nätverket|satsningen|plattformen)$",
                                                               sp.text):
            return False  # a known name, or one that says what it is ("det så kallade SUSSA-samarbetet")
        prev = sp.doc[sp.start - 1]
        if prev.text == "," and sp.start >= 2:
            prev = sp.doc[sp.start - 2]
        elif prev.text in ("”", '"', "«") and sp.start >= 2:
            prev = sp.doc[sp.start - 2]
        return prev.lower_.endswith(_NOT_ENTITY_CUES) and prev.is_lower

    def _glued(self, word: str) -> bool:
        """A place name with a function word glued on ("Härjedalenför"): the token cannot be split."""
        m = _GLUED_TAIL.search(word)
        if not m or m.end() != len(word):
            return False
        stem = word[:m.start()].lower().replace("-", " ").split()
        return bool(stem) and (stem[-1] in self.lex.places or stem[-1] in self.lex.counties)

    def _name_ok(self, name: str) -> bool:
        """A cue's name is not a place, a generic word, a year or a lone genitive."""
        nl = name.lower()
        if nl in self.lex.generic or nl in self.lex.places or nl.rstrip("s") in self.lex.places:
            return False
        if not any(c.isalpha() for c in name) or nl in _ACR_STOP:
            return False
        if " " not in nl and (nl in self.lex.boundary or nl in _SENT_WORDS or nl in _CONNECTORS):
            return False  # "Inom", "Det", "Efter": a function word opening the next sentence
        if nl.split()[0] in _TABLE_HEADER_WORDS:
            return False  # a table's header row ("Projektägare  Beviljat belopp")
        if _COUNTY_PLACE.fullmatch(name):
            return False  # "Dalarnas län": a county as a place (its bodies are "Region X", "Länsstyrelsen i X län")
        return True

    def _classify(self, name: str, default: str | None = None) -> str | None:
        return head_type(name, self.lex) or default

    # -- main
    # The rule families in the order they run; a family may read, grow or trim the candidates of those before.
    FAMILIES = ("_gazetteer_names", "_known_name_extensions", "_patterns_and_org_forms", "_head_words",
                "_fund_and_plan_forms", "_cue_phrases", "_definitions", "_listed_and_quoted",
                "_subjects_and_appositions", "_lists_and_weak_names", "_trims")

    def find(self, doc: Doc, text: str | None = None) -> list[tuple[int, int, str, int, str]]:
        """(start_char, end_char, label, priority, rule) candidates in ``doc``: every family of
        :data:`FAMILIES` in turn over one :class:`_Scan` of the paragraph."""
        scan = _Scan(doc, doc.text if text is None else text, self.lex)
        for family in self.FAMILIES:
            getattr(self, family)(scan)
        return scan.cands

    def _gazetteer_names(self, scan: _Scan) -> None:
        """Gazetteer names (PhraseMatchers over the public-fact lists), without the acronym a text defines for a term."""
        doc, text, cands = scan.doc, scan.text, scan.cands
        for matcher, rule in ((self.lower, "gaz"), (self.exact, "gaz")):
            for key, s, e in matcher(doc):
                span = doc[s:e]
                cands.append((span.start_char, span.end_char, doc.vocab.strings[key], 5, rule))
        if "(" in text:  # "regeringsformen (RF)": the text defines the acronym for a term, not the gazetteer's name
            ends = {ce for cs, ce, _, _, _ in cands}
            kept = []
            for c in cands:
                cs, ce = c[0], c[1]
                if c[2] == "Organisation" and text[cs - 1:cs] == "(" and text[ce:ce + 1] == ")" and text[cs:ce].isupper() and cs >= 2 \
                        and text[cs - 2] == " " and (cs - 2) not in ends and re.search(r"[a-zåäö]\s\($", text[max(0, cs - 4):cs]) \
                        and (_may_define(text[max(0, cs - 80):cs - 2], text[cs:ce]) or re.match(r"\)\s\d", text[ce:ce + 3])):
                    continue
                kept.append(c)
            cands[:] = kept

    def _known_name_extensions(self, scan: _Scan) -> None:
        """Known names grown by what the reports write around them: a county or branch tail, an adjective,
        an owner's collaboration or programme, a fund's programme area."""
        text, lex, cands = scan.text, scan.lex, scan.cands
        # a known organisation + a county/branch tail or "AB": "Ung Företagsamhet Västernorrland", "Almi X Mitt AB"
        for cs, ce, lab, _, _ in list(cands):
            if lab != "Organisation" or text[cs:ce].split()[0] in ("Region", "Länsstyrelsen"):
                continue
            m = _GAZ_TAIL.match(text, ce)
            if not m or text[ce - 1:ce] == "s" and not m.group("ab"):
                continue
            ws = m.group("tail").split() if m.group("tail") else []
            ws = [p for w in ws for p in w.split("-")]  # "Norrbotten-Västerbotten"
            if any(w.lower() not in lex.counties and w.lower() not in lex.places and w not in _BRANCH_WORDS for w in ws):
                continue
            if ws and text[cs:ce].split()[-1].lower() in lex.places:
                continue
            cands.append((cs, m.end(), "Organisation", 5, "gaz-tail"))
        # a capitalised adjective before a known name is part of it: "Sydsvenska Handelskammaren", "Norra Skogsägarna"
        for cs, ce, lab, pr, rule in list(cands):
            if rule != "gaz":
                continue
            if lab == "Organisation" and cs > 2:
                pm = _ADJ_BEFORE.search(text, max(0, cs - 30), cs)
                if pm and not _SENT_START.search(text[max(0, pm.start() - 3):pm.start()] or "\n") \
                        and pm.group(1).lower() not in lex.boundary and text[cs:ce].split()[0] not in ("Region", "Länsstyrelsen"):
                    cands.append((pm.start(), ce, lab, 6, "gaz-adj"))
        # an agency's or company's own collaboration: "Vinnovas regionala innovationsdialoger", "Almis hållbarhetsdialog",
        # "Business Swedens gruppering för X" (the owner is part of the name as the reports write it)
        if any(h in text for h in ("dialog", "nätverk", "forum", "kluster", "samråd", "plattform", "mötesplats", "gruppering")):
            for cs, ce, lab, pr, rule in list(cands):
                if lab != "Organisation" or rule != "gaz" or text[ce - 1:ce] != "s" or text[cs:ce].startswith("Region "):
                    continue
                m = _OWNER_COLLAB.match(text, ce)
                if m:
                    cands.append((cs, m.end(), "Project", 6, "owner-collab"))
        # an agency's own funding programme: "Vinnovas program Innovativa Startups", "Energimyndighetens utlysning X"
        if "program" in text or "utlysning" in text:
            for cs, ce, lab, pr, rule in list(cands):
                if lab != "Organisation" or rule != "gaz" or text[ce - 1:ce] != "s":
                    continue
                m = _OWNER_FUND.match(text, ce)
                if m:
                    e = self._scan_name(text, m.end(), lower_ok=True)
                    if e and " och " in text[m.end():e]:
                        e = m.end() + text[m.end():e].index(" och ")  # "X och Energimyndighetens ...": a list
                    if e and self._name_ok(text[m.end():e]):
                        cands.append((m.end(), e, "FundingSource", 4, "owner-fund"))
        # a fund + its programme area: "Europeiska regionala utvecklingsfonden i Övre Norrland"
        if "norrland" in text.lower() or "sverige" in text.lower() or "småland" in text.lower():
            for cs, ce, lab, _, _ in list(cands):
                if lab == "FundingSource":
                    m = _FUND_AREA.match(text, ce)
                    if m:
                        cands.append((cs, m.end(), "FundingSource", 6, "gaz-area"))

    def _patterns_and_org_forms(self, scan: _Scan) -> None:
        """EntityRuler-format patterns, organisation name forms ('X kommun', 'X AB', 'Region X'),
        the forms of org_forms.py and the grant names of grant_names.py."""
        doc, text, low, lex, cands = scan.doc, scan.text, scan.low, scan.lex, scan.cands
        run_tokens = len(self.pat_tokens) and (self.pat_token_words is None or _has_any(low, self.pat_token_words))
        for matcher in (self.pat_phrases, self.pat_tokens) if run_tokens else (self.pat_phrases,):
            for key, s, e in matcher(doc):
                k = doc.vocab.strings[key]
                span = doc[s:e]
                cands.append((span.start_char, span.end_char, self.pat_label[k], 3, k.split("#")[0]))
        for rule, rx in _ORG_FORMS:
            if not scan.needed(rule):
                continue  # cheap substring test before the regular expression
            for m in rx.finditer(text):
                s, e = m.span("y") if "y" in rx.groupindex else m.span()  # the named part only
                if rule == "kommun" and text[s:e].split()[0] in ("Varje", "Den", "Denna", "En", "Ett", "Alla", "Vilken"):
                    continue
                if rule == "ab" and " och " in text[s:e]:
                    s = s + text[s:e].rindex(" och ") + 5  # "Stiftelsen X och Dalarnas Turism AB": a list, the company is last
                if rule in ("ab", "nordic", "adj-agency") and " " in text[s:e]:
                    first = text[s:e].split()[0]
                    if rule == "ab" and first.lower() in lex.places and text[max(0, s - 2):s] == "i " or \
                            first.lower() in lex.boundary or first.lower() in _SENT_WORDS:
                        s += len(first) + 1  # "material i Örnsköldsvik Processum AB", "Både X fylkeskommune"
                known = None
                if rule == "myndigheten-for":
                    known = _known_complement(text, e, cands)  # "Rådet för Europeiska socialfonden i Sverige"
                    e = known or self._scan_lower(text, e)
                    if not e:
                        continue
                prio = 6 if rule == "region" and " " in text[s:e].strip()[7:] or known else 5 if rule == "ab" else 4
                cands.append((s, e, "Organisation", prio, rule))  # "X AB": the legal form outranks a known name inside
        cands.extend(org_forms.find(text, low))  # associations, university units, committees, centres
        cands.extend(distributive.find(text, low))  # "landstingen i Blekinge och Kalmar län": one body per county
        cands.extend(grant_names.find(text, low))  # "får N kronor för projektet <long name> från regionalfonden"

    def _head_words(self, scan: _Scan) -> None:
        """Named networks, forums, councils and meetings (Project) and units, centres and regional
        associations (Organisation), by their head word."""
        text, lex, cands = scan.text, scan.lex, scan.cands
        # named networks, forums, councils, meetings: Project by the annotation conventions
        for m in (_SM_EVENT.finditer(text) if _has_any(text, _SM_EVENT_NEEDS) else ()):  # "SM i mathantverk": a championship
            cands.append((m.start(), m.end(), "Project", 3, "project-head"))
        for m in (_COUNCIL_FOR.finditer(text) if scan.needed("council-for") else ()):  # "Rådet för levande städer"
            e = self._scan_lower(text, m.end())
            if e and activity_item(text, m.start()):
                continue
            if e:  # an owner's genitive ("SKR:s nätverk för X") must outrank the owner's own name
                owner = re.match(r"\S+(?::s|s)\s(?:nätverk|forum|samråd)\b", m.group())
                cands.append((m.start(), e, "Project", 5 if owner else 3, "project-head"))
        for m in (_PROJECT_HEAD.finditer(text) if scan.needed("project-head") else ()):
            s, e = m.span()
            word = m.group("word")
            qualified = bool(m.group("comp") or m.group("tail") or m.group("year"))
            if (word.lower() in lex.generic and not qualified) or len(word) < 7 or (word in self.gaz_forms
                                                                                    and not m.group("year")):
                continue  # a known organisation ("Europaforum"), unless dated: "Europaforum 2025" is the event
            if word.endswith(("råd", "rådet")) and not qualified:
                continue  # a bare "-rådet" is an organisation (agency forms); "Strategirådet för X" is a council
            nxt_word = text[m.end("comp"):].split(None, 1)[0].strip(".,;:") if m.group("comp") else ""
            venue = _VENUE.match(text, m.end()) if m.group("comp") == "på" else None
            if m.group("comp") == "på" and not venue:
                if not word[0].isupper():
                    continue
                e = max(m.end("word"), m.end("tail"), m.end("year"))  # "på" + a lower-case word: not part of the name
            elif venue:
                e = venue.end()  # "Västerbottensveckorna på Grand Hôtel": the venue names the series
            elif m.group("comp") == "i" and nxt_word.lower() in lex.counties and not m.group("year"):
                e = m.end("comp") + len(nxt_word)  # "Innovationsnätverket i Västerbotten": a county-wide network
            elif m.group("comp") == "i" and nxt_word.lower() in lex.places:
                e = max(m.end("word"), m.end("tail"), m.end("year"))  # "Landsbygdsriksdagen i Skellefteå"
            elif m.group("comp"):
                e2 = self._scan_lower(text, m.end("comp"))
                if e2:
                    e = e2
                elif not word[0].isupper():
                    continue
                else:
                    e = m.end("word")
            elif not word[0].isupper():
                continue
            if activity_item(text, s):
                continue
            pre = _PROJECT_OWNER.search(text, max(0, s - 16), s)
            if pre and word[0].isupper():  # "Region 10 Rektorsnätverk": the owner is part of the name, and outranks it
                cands.append((pre.start(), e, "Project", 6, "project-head"))
                continue
            if m.group("tail") and not m.group("comp") and re.search(r"(?:nätverket|forumet|rådet)$", word) \
                    and e == m.end("tail"):
                s = m.start("tail") + 1  # "Företagsnätverket Hallandsföretagen": a definite cue, then the name
            cands.append((s, e, "Project", 5 if m.group("year") else 3, "project-head"))
        # units, centres, inquiries, regional associations: Organisation by their head word
        for m in (_ORG_HEAD.finditer(text) if scan.needed("org-head") else ()):
            s, e = m.span("word")
            word = m.group("word")
            if word.split()[-1].lower() in lex.generic or len(word) < 7 or word in self.gaz_forms:
                continue
            if word.endswith(("regionen", "region")) and not any(
                    word[:-len(t)].lower().rstrip("s") in lex.places for t in ("regionen", "region")):
                continue  # "Umeåregionen" yes, "Östersjöregionen"-like places are listed, others skipped
            if m.group("comp") and (m.group("comp") != "i" or text[m.end("comp"):m.end("comp") + 1].isupper()) \
                    and not word.endswith(("regionen", "region")):  # "Umeåregionen för informationsutbyte": a purpose
                e2 = self._scan_lower(text, m.end("comp"))
                if e2 and not text[s:e2].endswith("-") and text[e2:e2 + 1] != "-":
                    e = e2
            cands.append((s, e, "Organisation", 3, "org-head"))

    def _fund_and_plan_forms(self, scan: _Scan) -> None:
        """Funding sources and strategies by name form ('Interreg X', 'anslaget 1:1', 'strategi för X')."""
        text, low, lex, cands = scan.text, scan.low, scan.lex, scan.cands
        for rule, rx in _FUND_FORMS:
            if not scan.needed(rule):
                continue
            for m in rx.finditer(text):
                cands.append((*m.span(), "FundingSource", 4, rule))
        for rule, rx in _STRAT_FORMS:
            if not scan.needed(rule) or rule == "x-for-y" and not _has_any(low, _PLAN_WORDS):
                continue
            for m in _matches_near(rx, text, *_NEAR_WORDS[rule]) if rule in _NEAR_WORDS else rx.finditer(text):
                s, e = m.span()
                if rule == "x-for-y":
                    head = m.group().split()[0]
                    if head[0].islower() and re.search(r"(?:plan|program)$", head) and \
                            not re.match(r"(?:regional|nationell|gemensam|länsgemensam|handlingsplan|krisberedskapsplan|"
                                         r"nämndplan|regionplan|länsplan)", head, re.I):
                        continue  # "verksamhetsplan för 2024", "ramprogram för forskning": generic documents
                    e2 = self._scan_lower(text, e)
                    if not e2:
                        continue
                    e = e2
                    yr = _PERIOD_TAIL.match(text, e)
                    if yr:
                        e = yr.end()  # "Kulturplan för Värmland 2025–2028"
                if rule in ("x-strategi", "x-plan") and text[s:e].split()[0].lower() in _GENERIC_OWNERS:
                    s += len(text[s:e].split()[0]) + 1  # "Regionens klimatstrategi": the owner is an anaphor
                if rule == "x-for-y":
                    pass
                elif rule == "x-strategi" and not text[s:e].endswith(("n", "s", ")")) and not re.search(r"\d$", text[s:e]):
                    y = re.match(r"\s20[1-5]\d(?![\d\-–])(?!\s?[–-]\s?\d)", text[e:])
                    if y:
                        e += y.end()  # "Gävleborgs regionala utvecklingsstrategi 2030"
                elif rule == "owner-strategi":
                    owner = m.group("owner")[:-1].lower()
                    if owner not in lex.places and owner not in lex.counties:
                        continue
                    if m.group("comp"):
                        e2 = self._scan_lower(text, m.start("comp") + len(m.group("comp")))
                        e = e2 if e2 else m.start("comp")
                        y = re.match(r"\s20[1-5]\d(?![\d\-–])", text[e:])
                        if e2 and y:
                            e += y.end()
                elif rule == "named-plan":
                    word = m.group()
                    if s == 0 or text[s - 2:s].strip() in (".", "") or len(word) < 9 or word.lower() in lex.generic:
                        continue
                elif rule == "x-plan" and re.match(r"[a-zåäö]+a\s[a-zåäö\-]+(?:plan|program)$", text[s:e]) and \
                        not re.search(r"(?:\b(?:den|det|de|dess|sin|sitt|sina)|s)\s$", text[max(0, s - 6):s]):
                    continue  # "regionala utvecklingsprogram" without a determiner: a plural, not one named plan
                elif rule == "x-plan" and not re.search(r"(?:för|i) [A-ZÅÄÖ]|\d{4}|[Rr]egional|[Nn]ationell|[Nn]orrländsk", text[s:e]):
                    continue
                if rule in ("x-plan", "x-for-y") and re.search(r"\b(?:för|vid|i)\s[A-ZÅÄÖ]{2,}\d?\b(?![\w\-])", text[s:e]):
                    continue  # "handlingsplan för RUS": an action plan of a strategy, not a strategy of its own
                cands.append((s, e, "Strategy", {"named-plan": 3, "rus": 5}.get(rule, 4), rule))

    def _cue_phrases(self, scan: _Scan) -> None:
        """Names after a cue word that types them ('projektet X', 'Satsningen heter X', 'Förstudie: X')."""
        text, low, lex, cands = scan.text, scan.low, scan.lex, scan.cands
        # cue phrases: "projektet X"
        for m in (self.cue_re.finditer(text) if _has_any(low, self.cue_tails) else ()):  # a cue ends in a cue tail
            cue = m.group("cue").lower()
            if not cue.endswith(self.cue_tails):
                continue
            if cue.endswith(_NOT_ENTITY_CUES):
                continue  # "årstemat X", "rapporten X": not an initiative
            tail = next(c for c in self.cue_tails if cue.endswith(c))
            etype = lex.cues[tail]
            s = m.end()
            e = self._scan_name(text, s, lower_ok=etype in ("Project", "Strategy"))
            if etype == "Project":  # a long sentence-case name, if it ends cleanly
                e_long = self._scan_name(text, s, lower_ok=True, max_words=12, max_lower=6)
                after = text[e_long:e_long + 12]
                if e_long > e and (not after.strip() or after.lstrip()[:1] in ",.;:()–" or
                                   after.split()[0].lower() in lex.boundary or after.split()[0] in _NAME_END_VERBS):
                    e = e_long
            defined = _UNTIL_ACR.match(text, s)
            if defined and _CLAUSE_WORD.search(defined.group("long")):
                defined = None  # "SISME är ett projekt för små företag (SME)": a clause, not a name
            if defined and etype in ("Project", "Strategy", "Organisation") and e:
                e = max(e, defined.end("long"))  # "projektet R10 – en vinnare i ... (VIGO)"
            if e and etype == "Strategy" and m.group("cue")[:1].isupper() and \
                    text[s:e].split()[0].lower().rstrip("s") in lex.places | lex.counties:
                last = list(re.finditer(r"[A-ZÅÄÖ0-9][\w\-–]*", text[s:e]))[-1]
                cands.append((m.start("cue"), s + last.end(), etype, 4, "cue"))  # "Besöksnäringsstrategin Värmland 2030"
            elif e and cue.endswith(_PLURAL_CUES) and re.search(r"\s(?:och|samt|&)\s", text[s:e]):
                pos = s  # "projekten Smart Kust och Grön Logistik Norr": two names
                for part in re.split(r"(\s(?:och|samt|&)\s)", text[s:e]):
                    if not re.fullmatch(r"\s(?:och|samt|&)\s", part) and self._name_ok(part):
                        cands.append((pos, pos + len(part), etype, 3, "cue"))
                    pos += len(part)
            elif e and self._name_ok(text[s:e]):
                cands.append((s, e, etype, 3, "cue"))
                if cue.endswith(_PLURAL_CUES):  # "mötesplatserna A, B och C": every listed name
                    more = _LIST_TAIL.match(text, e)
                    if more:
                        for x in _LIST_ITEM.finditer(more.group()):
                            a = e + x.start()
                            if self._name_ok(x.group()):
                                cands.append((a, a + len(x.group()), etype, 3, "cue"))
        if " heter " in text or " är " in text or " var " in text:
            # "Satsningen heter Jämtland Connect", "Det andra projektet är Hållbar X": the cue word types the name
            for m in _HETER.finditer(text):
                cue = (m.group("cue") or m.group("cue2")).lower()
                tail = next((c for c in self.cue_tails if cue.endswith(c)), None)
                if not tail:
                    continue
                e = self._scan_name(text, m.end(), lower_ok=lex.cues[tail] in ("Project", "Strategy"))
                e_long = self._scan_name(text, m.end(), lower_ok=True, max_words=12, max_lower=6)
                if e_long > e and text[e_long:e_long + 1] in (",", ".", ";", ""):
                    e = e_long  # a sentence-case name up to the comma: "... är Regional strategisk utveckling av X, som"
                if e and self._name_ok(text[m.end():e]) and not (_COMPOUND_NOUN.search(text[m.end():e])
                                                               and head_type(text[m.end():e], lex) is None):
                    cands.append((m.end(), e, lex.cues[tail], 3, "cue-heter"))
        if ":" in text:
            for m in _LABEL_CUE.finditer(text):  # "Förstudie: Systemdemonstrator för grön omställning"
                e = self._scan_name(text, m.end(), lower_ok=True)
                if e and self._name_ok(text[m.end():e]) and text[m.end():e].split()[0].lower() not in _TABLE_HEADER_WORDS:
                    cands.append((m.end(), e, "Project", 3, "label-cue"))
        if "(" in text:
            for m in _CUE_PAREN.finditer(text):  # "bioekonominätverket (Bioekonomi - Regioner i samverkan)"
                cue = m.group("cue").lower()
                if cue.endswith(self.cue_tails) and self._name_ok(m.group("name")) and not m.group("name").isupper():
                    tail = next(c for c in self.cue_tails if cue.endswith(c))
                    cands.append((m.start("name"), m.end("name"), lex.cues[tail], 3, "cue-paren"))

    def _definitions(self, scan: _Scan) -> None:
        """Names a sentence defines ('X är ett nätverk ...', 'X-projektet') or a heading runs into its description."""
        text, low, lex, cands = scan.text, scan.low, scan.lex, scan.cands
        for m in (_X_CUE.finditer(text) if scan.needed("x-cue") else ()):
            x = m.group("name").split()[-1]
            if x.lower() in _ACR_STOP or x.lower() in _X_NOT_NAME or x.lower() in lex.places or x in self.gaz_forms:
                continue
            if len(m.group("name").split()) > 1 and _SENT_START.search(text[max(0, m.start() - 3):m.start()] or "\n"):
                continue
            cands.append((m.start(), m.end(), "Project", 3, "x-cue"))
        for m in (_DEF_PROJECT.finditer(text) if scan.needed("definition") else ()):
            name = m.group("name")
            ns = m.start("name")
            first = name.split(" ", 1)[0]
            if " " in name and (first.lower() in lex.boundary or first.lower() in _SENT_WORDS):
                ns += len(first) + 1
                name = name[len(first) + 1:]
            if name.lower() in lex.places or name.lower() in lex.generic or len(name) < 3 or _COMPOUND_NOUN.search(name):
                continue
            if name.lower() in lex.boundary or name.lower() in _SENT_WORDS:
                continue  # "... är stark Det finns ...": a run-in heading before a function word
            if re.match(r"[A-ZÅÄÖ][\w]*\s[–\-]\s", name):
                continue  # "ACR - Long Name är ett projekt": the acronym rules name both forms
            at_start = ns == 0 or bool(_SENT_START.search(text[max(0, ns - 3):ns]))
            plain_word = not re.search(r"(?:en|et|na|an|ning|het|else|ande|ende|tion|samverkan|arbete)$", name.lower()) \
                and name.lower() not in lex.boundary and name.lower() not in _SENT_WORDS \
                and re.search(r"(?:projekt|nätverk|initiativ|festival|mötesplats|satsning|plattform)$", m.group("head")) \
                and re.match(r"\s(?:är|var)\s", text[m.end("name"):])
            if at_start and " " not in name and not (name.isupper() or head_type(name, lex) or _NAME_FIRST.search(name)
                                                     or plain_word):
                continue  # "Studien är ett ...", "Det är en ..."
            if re.match(r"\s[A-ZÅÄÖ]", text[m.end("name"):m.end("name") + 2]):
                continue  # "Svensk Kollektivtrafiks nätverk": the name is cut before a genitive
            head = m.group("head")
            etype = "Organisation" if re.search(r"(förening|myndighet|organisation|företag|bolag|stiftelse|centrum|institut|center|inkubator|teater|museum)$", head) else "Project"
            cands.append((ns, m.end("name"), etype, 3, "definition"))
        cands.extend(project_defs.find(text, self._name_ok, low))  # "X utgör ... en samarbetsyta", "är X ett nätverk"
        # a heading run into its description: "Kustnätet Ett nätverk mellan ..." (PDF text loses the line break)
        hm = _HEAD_DESC.match(text)
        if hm:
            name = hm.group("name")
            ws = name.split()
            if ws[0].lower() not in lex.boundary and ws[0].lower() not in _SENT_WORDS and self._name_ok(name) \
                    and not any(w.lower() in _NOT_NAME_WORDS for w in ws) and not _COMPOUND_NOUN.search(name):
                cands.append((0, len(name), _desc_type(text[hm.end("name"):hm.end("name") + 100]), 4, "heading-desc"))

    def _listed_and_quoted(self, scan: _Scan) -> None:
        """Municipality lists, quoted names, the actors after agent cues, bulleted initiatives."""
        text, lex, cands = scan.text, scan.lex, scan.cands
        # municipality lists: "Bjurholm, Dorotea och Malå kommuner"
        if "kommun" in text:
            for m in _MUNI_LIST.finditer(text):
                names = [(mm.group(), mm.start()) for mm in re.finditer(rf"[{_UP}][\w\-]+(?:\s[{_UP}]\w+)?", m.group())]
                found = [(n, o) for n, o in names if n in lex.municipalities or n.rstrip("s") in lex.municipalities]
                if found and found[0][1] > 0 and len(found) >= 2 and len(found) == len(names) - 1:
                    names = names[1:]  # "i Västerbotten samt A och B": the list proper starts after a place
                first = m.start() + (names[0][1] if names else 0)
                before = text[max(0, first - 60):first]
                after = text[m.end():m.end() + 12]
                near = re.search(r"kommun", after) or (re.search(r"kommun|deltar|medlem", before)
                                                       and not re.search(r"\b(?:i|från|till|mellan)\s$", before))
                if near and len(found) >= 2 and len(found) >= len(names) - 1:
                    for n, o in found:
                        cands.append((m.start() + o, m.start() + o + len(n), "Organisation", 4, "muni-list"))
        # quoted names: ”Här finns jobben och möjligheterna”; the word before types them
        if any(q in text for q in '”"«'):
            for m in _QUOTED.finditer(text):
                before = text[max(0, m.start() - 30):m.start()].split()
                cue = before[-1].lower() if before else ""
                if re.fullmatch(r"\d+(?:\.\d+)*,?", cue) and len(before) > 1:
                    cue = before[-2].strip("(").lower()  # 'se avsnitt 1, ”Det allmänna läget”': the section's title
                if cue.endswith(_QUOTE_SKIP) or cue in _QUOTE_REFERENCE or m.group("name").rstrip().endswith("?"):
                    continue
                tail = next((c for c in self.cue_tails if cue.endswith(c)), None)
                kind = _KIND_BEFORE_QUOTE.search(text, max(0, m.start() - 160), m.start() + 1)
                etype = lex.cues[tail] if tail else ("Strategy" if cue.endswith(("reformen", "visionen")) or kind
                                                     else "Project")
                tail = tail or (kind and kind.group())
                name = m.group("name").strip()
                if self._name_ok(name) and len(name.split()) <= 12:
                    cands.append((m.start("name"), m.start("name") + len(name), etype, 4 if kind else 3 if tail else 2,
                                  "quoted"))  # a quoted name after its kind outranks a shorter name inside it
        for m in (_AGENT_CUE.finditer(text) if scan.needed("agent-cue") else ()):  # "i samarbete med X", "drivs av X och Y": X is an actor
            for x in _LIST_ITEM.finditer(m.group("items")):
                name = x.group()
                words = name.split()
                if not self._name_ok(name) or words[0].lower() in lex.boundary or words[0] in lex.first_names:
                    continue
                if all(w.lower().rstrip("s") in lex.places or w.lower() in _CONNECTORS for w in words):
                    continue
                a = m.start("items") + x.start()
                if len(words) == 1 and (text[a + len(name):a + len(name) + 2] == "\n\n" or _ADJ_RE.search(name.lower())
                                        or name.endswith("s") and not name.isupper() or name in self.gaz_forms):
                    continue  # a name cut by a line break, an adjective, a plural or another known thing
                etype = head_type(name, lex) or "Organisation"
                cands.append((a, a + len(name), etype, 2, "agent-cue"))
        if "•" in text or "- " in text[:3]:
            for m in _BULLET_NAME.finditer(text):  # "• Norrland brinner som är ett ...": a listed initiative
                name = m.group("name")
                if self._name_ok(name) and name.split()[0].lower() not in lex.boundary | _SENT_WORDS:
                    cands.append((m.start("name"), m.end("name"), head_type(name, lex) or "Project", 2, "bullet"))

    def _subjects_and_appositions(self, scan: _Scan) -> None:
        """Subjects of typical verbs, cue lists, acronyms before a verb, cue appositions and genitive cues."""
        text, low, lex, cands = scan.text, scan.low, scan.lex, scan.cands
        for rx, default, needs in ((_SUBJECT, "Organisation", _SUBJECT_NEEDS), (_PROJECT_SUBJECT, "Project", _PSUBJECT_NEEDS)):
            if _has_any(low, needs):
                self._subjects(text, rx, default, cands)
        for m in (_CUE_LIST.finditer(text) if scan.needed("cue-list") else ()):  # "projekt som A, B och C", "nätverk som A och B"
            etype = "Organisation" if m.group("cue").lower().startswith(("aktör", "organisation", "företag", "inkubator",
                                                                          "förening", "myndighet", "lärosäte", "bolag",
                                                                          "medfinansiär", "finansiär", "samarbetspartner",
                                                                          "parter", "medlemmar", "delägare")) else "Project"
            for x in _LIST_ITEM.finditer(m.group("items")):
                name = x.group()
                if self._name_ok(name) and name.split()[0].lower() not in lex.boundary and not (
                        _COMPOUND_NOUN.search(name) and head_type(name, lex) is None):
                    a = m.start("items") + x.start()  # not "RUS-prioritering 5": a compound common noun
                    cands.append((a, a + len(name), etype, 3, "cue-list"))
        if " är " in text or " var " in text:
            self._said_organisations(text, cands)
        if "(" in text:
            for m in _ACR_VERB.finditer(text):  # "Kompetenslyft besöksnäring X (KOBE) drivs av ...": a project
                name = m.group("name")
                words = name.split()
                if words[0].lower() in lex.boundary or words[0].lower() in _SENT_WORDS or not self._name_ok(name) \
                        or words[0].lower().endswith(self.cue_tails):
                    continue
                if head_type(name, lex) not in (None, "Project") or words[0] in ("Region", "Länsstyrelsen"):
                    continue
                if _CLAUSE_WORD.search(name) or any(w[:1].isdigit() for w in words):
                    continue
                cands.append((*m.span("name"), "Project", 3, "acr-verb"))
                cands.append((*m.span("acr"), "Project", 3, "acr-verb"))
        # "vätgasprojekt, Kunskap för X, som ...", "Almis satsning Team Y"
        for rx, gate in ((_CUE_APPOS, "cue-appos"), (_GEN_CUE, "gen-cue")):
            if not scan.needed(gate):
                continue
            for m in rx.finditer(text):
                s0 = m.start("name")
                if rx is _GEN_CUE:
                    if m.group("owner").lower() in lex.boundary or m.group("owner").lower() in _SENT_WORDS:
                        continue
                    e = self._scan_name(text, s0, lower_ok=True)
                else:
                    e = m.end("name")
                name = text[s0:e]
                if e and self._name_ok(name) and name.split()[0].lower() not in lex.boundary | _SENT_WORDS \
                        and not _CLAUSE_WORD.search(name) and head_type(name, lex) in (None, "Project"):
                    cands.append((s0, e, "Project", 3, "cue-appos"))

    def _lists_and_weak_names(self, scan: _Scan) -> None:
        """Acronym definitions, loose list items, 'X i <county>' and the weak capitalised-name guesses."""
        text, low, lex, cands = scan.text, scan.low, scan.lex, scan.cands
        cands.extend(self._acronyms(text, cands))
        cands.extend(self._lists(text, cands))
        if text.count(",") >= 2:
            cands.extend(self._segment_lists(text, cands))
        for m in (_X_IN_COUNTY.finditer(text) if _has_any(low, self.county_names) else ()):  # "Film i Västerbotten"
            word, county = m.group("x"), m.group("county")
            before = text[max(0, m.start() - 25):m.start()]
            mid = bool(_MID_SENT.search(before)) and not re.search(r"(?<![\w\-])[A-ZÅÄÖ][\w\-]*\s$", before)
            if word.lower().endswith(("fond", "fonden")):
                continue  # "en Filmfond i Västerbotten": a fund, not a body
            if mid and county.lower() in lex.counties and word.lower() not in lex.boundary | _SENT_WORDS \
                    and word.lower() not in lex.places and not word.lower().startswith(county.lower()[:5]):
                etype = head_type(m.group(), lex) or "Organisation"
                cands.append((m.start(), m.end(), etype, 2, "x-in-county"))
        if self.generic_names:
            cands.extend(self._generic(text, cands))

    def _trims(self, scan: _Scan) -> None:
        """Cut what is no part of a name from the candidates: a country after 'i', a field label before ':';
        and grow a strategy's name by the capitalised article of its title ('av En nationell strategi för X')."""
        text, cands = scan.text, scan.cands
        if "En " in text or "Ett " in text:
            cands[:] = [(cs - len(m.group(1)) - 1, ce, lab, pr, rule)
                        if lab == "Strategy" and (m := _TITLE_ARTICLE.search(text, max(0, cs - 8), cs)) else
                        (cs, ce, lab, pr, rule) for cs, ce, lab, pr, rule in cands]
        if " i " in text:  # "Savonia University of Applied Sciences i Finland": the country is where, not who
            cut = []
            for cs, ce, lab, pr, rule in cands:
                # (not in "Rådet för Europeiska socialfonden i Sverige": the country completes the council's remit)
                m = _IN_COUNTRY.search(text, cs, ce) if lab == "Organisation" and rule not in ("gaz", "myndigheten-for") else None
                if m and m.end() == ce and m.start() > cs:
                    ce = m.start()
                cut.append((cs, ce, lab, pr, rule))
            cands[:] = cut
        if ":" in text:  # "Partner: A, B Finansiär: C": a field label is no part of the name before it
            fixed = []
            for cs, ce, lab, pr, rule in cands:
                if text[ce:ce + 1] == ":" and " " in text[cs:ce] and text[cs:ce].rsplit(" ", 1)[1].lower() in _FIELD_LABELS:
                    ce = cs + text[cs:ce].rindex(" ")
                fixed.append((cs, ce, lab, pr, rule))
            cands[:] = fixed

    def _said_organisations(self, text: str, cands: list) -> None:
        """Names the sentence opens with and calls companies or associations ("A och B är två stora företag")."""
        lex = self.lex
        for m in _IS_AN_ORG.finditer(text):
            for x in _LIST_ITEM.finditer(m.group("items")):
                name = x.group()
                first = name.split()[0]
                if first.lower() in lex.boundary or first.lower() in _SENT_WORDS or first in lex.first_names \
                        or not self._name_ok(name) or _COMPOUND_NOUN.search(name):
                    continue
                if re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]+(?:et|en|na|erna)", name):
                    continue  # "Företaget är ett av ...", "Bolagen är ...": a capitalised common noun
                a = m.start("items") + x.start()
                cands.append((a, a + len(name), head_type(name, lex) or "Organisation", 3, "is-an-org"))

    def _subjects(self, text: str, rx: re.Pattern, default: str, cands: list) -> None:
        """Name-like subjects of typical verbs: actors ("X har beviljat") or projects ("X syftar till")."""
        lex = self.lex
        for m in rx.finditer(text):
            name = m.group("name")
            words = name.split()
            first = words[0]
            if first.lower() in lex.boundary or first.lower() in _SENT_WORDS or first in lex.first_names:
                continue
            mid = bool(_MID_SENT.search(text[max(0, m.start("name") - 25):m.start("name")]))
            name_like = (len(words) >= 2 and words[1][:1].isupper()) or _NAME_FIRST.search(first) or mid
            if not name_like or not self._name_ok(name) or name in self.gaz_forms or _COMPOUND_NOUN.search(name):
                continue
            if all(w.lower().rstrip("s") in lex.places or w.lower() in _CONNECTORS for w in words):
                continue
            cands.append((m.start("name"), m.end("name"), head_type(name, lex) or default, 2, "subject"))

    def _scan_lower(self, text: str, pos: int) -> int:
        """End of a complement after 'för' ('strategi för hållbar regional finansiering').

        Adjectives, then one noun; then optionally "och" + another noun phrase or a
        preposition + one word ("i näringslivet", "för Västerbotten").
        """
        words = []
        for m in _WORD.finditer(text, pos):
            gap = text[(words[-1].end() if words else pos):m.start()]
            if gap.strip(" ") or "\n" in gap or len(words) >= 8:
                break
            words.append(m)
        end, i, phase = 0, 0, 0
        while i < len(words):
            w = words[i].group()
            wl = w.lower()
            if wl in self.lex.boundary and wl not in ("och", "i", "för", "på", "inom", "vid", "mot"):
                break
            if wl == "och" and phase == 1 and i + 1 < len(words):
                phase = 0
                i += 1
                continue
            if wl in ("i", "för", "på", "inom", "vid", "mot") and phase == 1 and i + 1 < len(words):
                nxt = words[i + 1].group()
                if nxt.lower() in self.lex.boundary or nxt.lower() in _GENERIC_COMPLEMENT:
                    break
                end = words[i + 1].end()
                if nxt[:1].isupper() and nxt.endswith("s") and i + 2 < len(words) and words[i + 2].group() == "län":
                    end = words[i + 2].end()  # "i Jämtlands län"
                    break
                if (nxt in _BRANCH_WORDS | {"Övre", "Nedre"} or nxt in _DIRECTIONS) and i + 2 < len(words) \
                        and words[i + 2].group()[:1].isupper():
                    end = words[i + 2].end()  # "i Södra Lappland", "i Övre Norrland"
                    break
                if _ADJ_RE.search(nxt.lower()) and i + 2 < len(words) and words[i + 2].group()[:1].islower() \
                        and words[i + 2].group().lower() not in self.lex.boundary:
                    end = words[i + 2].end()  # "för strategiskt lärande"
                break
            if phase == 1:
                break
            if i == 0 and wl in _GENERIC_COMPLEMENT:
                return 0
            if i > 0 and w[:1].isupper() and words[i - 1].group() in _DIRECTIONS:
                end = words[i].end()  # "strategi för norra Sverige"
                break
            if i > 0 and w[:1].isupper() and words[i - 1].group()[:1].islower():
                break  # "råd för samhällsbyggnad Region Västerbotten samordnar": the next sentence's subject
            if _VERBISH_STRONG.search(wl) and not w[0].isupper():
                break
            end = words[i].end()
            if not ((_ADJ_RE.search(wl) or wl in _DIRECTIONS) and i + 1 < len(words)
                    and words[i + 1].group().lower() not in self.lex.boundary):
                phase = 1
            i += 1
        if end and text[end - 1] == "s" and words and text[pos:end].split()[-1].lower().endswith(("s",)) and \
                text[pos:end].split()[-1].lower() not in ("resurs", "hälsans") and text[end:end + 1] == " ":
            last = text[pos:end].split()[-1]
            if last[:-1].lower() in _GENITIVE_HINT or last.lower().endswith(("ernas", "arnas", "ornas", "ens", "ets")) \
                    or last[:1].isupper() and re.match(r"\s[a-zåäö]", text[end:end + 2]):
                return 0  # "handlingsplan för kommunernas ...", "Utredningen för Sveriges ...": cut in the middle
        return end

    def _acronyms(self, text: str, cands):
        """Acronym definitions: both forms get the type of whichever side a rule typed."""
        out = []
        def typed(s, e):
            best = None
            for cs, ce, lab, pr, _ in cands:
                if cs <= s and ce >= e or (s <= cs and e >= ce and ce - cs >= (e - s) * 0.6):
                    if best is None or pr > best[1]:
                        best = (lab, pr)
            return best[0] if best else None
        if "(" not in text:
            pairs = ()
        else:
            pairs = ((_paren_matches(_ACR_LONG_FIRST, text), "long"), (_ACR_FIRST.finditer(text), "acr"))
        for matches, first in pairs:
            for m in matches:
                acr, long_ = m.group("acr"), m.group("long")
                if sum(c.isupper() for c in acr) < 2 or acr.isdigit():
                    continue
                ls, le = m.span("long")
                if first == "long":
                    # trim the long form to the words whose initials spell the acronym
                    words = list(re.finditer(r"\S+", long_))
                    start = _acronym_start([w.group() for w in words], acr)
                    if start is None:
                        continue
                    ls = ls + words[start].start()
                    long_ = text[ls:le]
                if long_.lower() in self.lex.places or not long_[:1].isupper() and typed(ls, le) is None:
                    continue  # "artificiell intelligens (AI)": a term, not a name
                if re.match(r"(?:Lag|Förordning|Förordningen|Lagen|Direktiv|Direktivet)\b", long_) or acr.lower() in _ACR_STOP:
                    continue  # laws are not entities
                etype = typed(ls, le) or typed(*m.span("acr")) or self._classify(long_)
                if etype is None:
                    ctx = text[max(0, m.start() - 40):m.start()].lower().split()
                    last = ctx[-1] if ctx else ""
                    tail = next((c for c in self.lex.cues if last.endswith(c)), None)
                    etype = self.lex.cues.get(tail or "") or "Project"
                out.append((ls, le, etype, 3, "acr-long"))
                out.append((*m.span("acr"), etype, 3, "acr"))
        # "METRIC - Measurement of Regional Innovation Capacity": an acronym, a dash, the long name
        for m in _ACR_DASH.finditer(text):
            acr, long_ = m.group("acr"), m.group("long")
            words = long_.split()
            ls, le = m.span("long")
            rest = text[ls:].rstrip()
            if m.start() == 0 and len(rest.split()) <= 14 and not re.search(r"[.!?;:]", rest) and len(rest) > len(long_):
                # a heading "ASTRIC - Attract skills and talent through Regional ...": the long name is the whole rest,
                # in sentence case, if the acronym's letters run through its initials
                letters = "".join(c for c in acr.lower() if c.isalpha())
                if _is_subsequence(letters, "".join(w[0].lower() for w in rest.split() if w[:1].isalpha())):
                    long_, le = rest, ls + len(rest)
                    words = long_.split()
            if sum(c.isupper() for c in acr) < 2 or acr.lower() in _ACR_STOP or len(words) < 2:
                continue
            initials = "".join(w[0].lower() for w in words)
            if initials[:1] != acr[:1].lower():
                continue  # the long name starts like the acronym (METRIC - Measurement of ...)
            etype = typed(*m.span("acr")) or typed(ls, le) or self._classify(long_) or "Project"
            out.append((*m.span("acr"), etype, 3, "acr"))
            out.append((ls, le, etype, 3, "acr-long"))
        # "Fysisk aktivitet på Recept, FaR", "Mötesplats Digitala Västerbotten, MDV": the acronym after a comma
        if ", " in text:
            for m in _COMMA_ACR.finditer(text):
                acr = m.group("acr")
                letters = "".join(c for c in acr.lower() if c.isalpha())
                words = m.group("long").split()
                k = _acronym_start(words, acr)
                if k is None or sum(c.isupper() for c in acr) < 2 or acr.lower() in _ACR_STOP:
                    continue
                initials = [w[0].lower() for w in words[k:] if w[:1].isalpha()]
                if not initials or initials[-1] != letters[-1] or len(letters) > len(initials):
                    continue
                ls = m.start("long") + len(" ".join(words[:k])) + (1 if k else 0)
                le = m.end("long")
                etype = typed(ls, le)
                etype = etype or typed(*m.span("acr"))
                if etype is None and not text[ls:ls + 1].isupper():
                    continue
                etype = etype or self._classify(text[ls:le]) or "Project"
                out.append((ls, le, etype, 3, "acr-long"))
                out.append((*m.span("acr"), etype, 3, "acr"))
        # "(ACR)" right after any typed span
        ends = {}
        for cs, ce, lab, pr, _ in cands:
            if pr >= 3 and (ce not in ends or pr > ends[ce][1]):
                ends[ce] = (lab, pr)
        for m in _PAREN_ACR.finditer(text):
            hit = ends.get(m.start())
            if hit:
                out.append((*m.span("acr"), hit[0], 3, "acr"))
        return out

    def _grant_row(self, text: str, cands):
        """One row of a grant table, or None when ``text`` is no row: the project cell (Project)
        is what comes before the owner cell (an Organisation a rule found) and the granted sum."""
        m = _GRANT_ROW.match(text)
        if not m:
            return None
        cells = m.group("cells").rstrip()
        owners = [(cs, ce, pr) for cs, ce, lab, pr, _ in cands if lab == "Organisation" and pr >= 3 and ce == len(cells)
                  and cs > 0]
        if not owners:
            return []
        o_start = min(owners, key=lambda o: (-o[2], o[0]))[0]
        proj = cells[:o_start].rstrip()
        out = []
        acr = re.search(rf"\s\((?P<acr>{_ACR})\)$", proj)
        if acr:
            out.append((*(acr.span("acr")), "Project", 5, "grant-table"))
            proj = proj[:acr.start()]
        if len(proj) >= 3 and proj[:1].isupper() and proj.lower() not in self.lex.generic and \
                not any(w.lower() in _NOT_NAME_WORDS for w in proj.split()) and self._name_ok(proj):
            out.append((0, len(proj), "Project", 5, "grant-table"))
        tail = re.search(rf"\((?P<acr>{_ACR})\)\s*$", text[m.end("cells"):])
        if tail and not acr:  # the project's acronym wrapped under the row: "... 2 400 000 (ACR)"
            a = m.end("cells") + tail.start("acr")
            out.append((a, a + len(tail.group("acr")), "Project", 5, "grant-table"))
        return out

    def _lists(self, text: str, cands):
        """Coordinations "A, B och C": names listed with a typed name share its type."""
        out = []
        if " och " not in text and " samt " not in text and "," not in text:
            return out
        strong = {}
        for cs, ce, lab, pr, _ in cands:
            if pr >= 3:
                strong[(cs, ce)] = lab
        starts = {}
        for (cs, ce), lab in strong.items():
            starts.setdefault(cs, []).append((ce, lab))
        if not starts:
            return out  # no typed name a list could share
        for m in _LIST.finditer(text):
            items = [(x.start() + m.start(), x.end() + m.start()) for x in _LIST_ITEM.finditer(m.group())]
            if len(items) < 2:
                continue
            types = Counter()
            for a, b in items:
                for ce, lab in starts.get(a, []):
                    if ce >= b - 2 or ce == b:
                        types[lab] += 1
            if not types:
                continue
            etype, n = types.most_common(1)[0]
            if len(types) > 1 or n == len(items):
                continue
            for a, b in items:
                while " " in text[a:b]:
                    first = text[a:b].split(" ", 1)[0]
                    if not (first.lower() in self.lex.boundary or first.lower() in _SENT_WORDS or first.lower() in _CONNECTORS):
                        break
                    a += len(first) + 1  # "Att Miljödata, ...", "Drivs av Reglab"
                name = text[a:b]
                nl = name.lower()
                if " " not in name and not name.isupper() and not text[b:].strip():
                    continue  # a lone word at the paragraph's end may be half a name cut by a line break
                if nl in self.lex.places or nl in self.lex.generic or nl in _ACR_STOP or len(name) < 2:
                    continue
                if name.split()[0] in self.lex.first_names or _COMPOUND_NOUN.search(name):
                    continue
                if head_type(name, self.lex) not in (None, etype):
                    continue
                if all(w.lower().rstrip("s") in self.lex.places or w.lower() in _CONNECTORS for w in name.split()):
                    continue
                if _COUNTY_PLACE.fullmatch(name):
                    continue  # "Degerfors kommun i Örebro län": the county is where, not who
                ws = name.split()
                if len(ws) >= 3 and ws[0].lower() in self.lex.places and ws[1] in ("i", "på"):
                    out.append((a, b, "Project", 2, "list"))  # "Västerbotten i Almedalen": an event
                    continue
                out.append((a, b, etype, 2, "list"))
        return out

    def _segment_lists(self, text: str, cands):
        """Comma lists of actors with looser items: in "A, B, Cde fgh och D" where at least two
        items are organisations a rule found (and none is of another type), the other capitalised
        items of at most four words are organisations too ("Skogstekniska klustret", "Norra Skog")."""
        out = []
        lex = self.lex
        strong = {}
        for cs, ce, lab, pr, _ in cands:
            if pr >= 3:
                strong.setdefault((cs, ce), set()).add(lab)
        if sum("Organisation" in labs for labs in strong.values()) < 2:
            return out  # no list can have two typed organisations
        for run in _SEG_RUN.finditer(text):
            if run.group().count(",") < 2:
                continue
            segs = []
            pos = run.start()
            for d in _SEG_DELIM.finditer(run.group()):
                segs.append((pos, run.start() + d.start()))
                pos = run.start() + d.end()
            segs.append((pos, run.end()))
            if len(segs) < 4:
                continue
            inner = segs[1:]  # the first item's start is unknown (the clause before it)
            typed = [strong.get((a, b), set()) for a, b in inner]
            if sum("Organisation" in t for t in typed) < 2 or any(t - {"Organisation"} for t in typed):
                continue
            for (a, b), t in zip(inner, typed):
                if t:
                    continue
                name = text[a:b].strip()
                words = name.split()
                if not words or not name[:1].isupper() or len(words) > 4 or any(c.isdigit() for c in name):
                    continue
                if words[0].lower() in lex.boundary or words[0].lower() in _SENT_WORDS or words[0] in lex.first_names:
                    continue
                nl = name.lower()
                if nl in lex.places or nl in lex.generic or not self._name_ok(name) or _COMPOUND_NOUN.search(name):
                    continue
                if all(w.lower().rstrip("s") in lex.places or w.lower() in _CONNECTORS for w in words):
                    continue
                if any(_VERBISH_STRONG.search(w) and w[:1].islower() for w in words):
                    continue
                if head_type(name, lex) not in (None, "Organisation"):
                    continue
                out.append((a, a + len(name), "Organisation", 2, "list-seg"))
        return out

    def _generic(self, text: str, cands):
        """Weak guesses: other capitalised names (Swedish capitalises little but proper nouns).

        A chain of two or more capitalised words, or one capitalised word right after a
        lower-case word or comma (so not at a sentence start), is a name unless it is a
        place, a person or a generic word; its type comes from its head word, else a
        default. These spans carry no rule id, so resolution weighs them like model guesses.
        """
        out = []
        lex = self.lex
        for m in _GENERIC.finditer(text):
            s = m.start()
            words = m.group().split(" ")
            prev = text[max(0, s - 25):s]
            mid = bool(_MID_SENT.search(prev))
            while words and (words[0].lower() in lex.boundary or words[0].lower() in _SENT_WORDS
                             or words[0].lower() in _CONNECTORS):
                s += len(words[0]) + 1
                words = words[1:]
                mid = False
            # "X i Finland": a trailing country or municipality is where, not who
            if len(words) >= 3 and words[-2] == "i" and (words[-1].lower() in lex.places):
                words = words[:-2]
            while words and words[-1].lower() in _CONNECTORS:
                words = words[:-1]
            if not words:
                continue
            if any(_COMPOUND_NOUN.search(w) for w in words) or any(w.lower() in _TABLE_HEADER_WORDS for w in words):
                continue
            name = " ".join(words)
            nl = name.lower()
            if nl in lex.places or nl in lex.generic or nl in _ACR_STOP or len(name) < 2:
                continue
            if all(w.lower().rstrip("s") in lex.places or w.lower() in lex.places or w.lower() in _CONNECTORS
                   for w in words):
                continue
            if words[0] in lex.first_names and len(words) >= 2:
                continue  # a person
            if len(words) == 2 and words[1].lower() in lex.heads and words[0][1:].islower() and \
                    words[0].lower().endswith(("a", "t", "ade", "iga")):
                continue  # adjective + a head word ("Aktuella Agenda"): a phrase, not a name
            if len(words) == 1:
                w = words[0]
                if not (mid or w.isupper()) or len(w) < 3 or w.lower().rstrip("s") in lex.places:
                    continue
                if w.endswith("s") and not w.isupper() or w.endswith(":s") or _VERBISH_STRONG.search(w):
                    continue
            etype = head_type(name, lex) or _first_type(words[0]) or (
                self.default_type if len(words) > 1 else self.default_single)
            if etype is None:
                continue
            out.append((s, s + len(name), etype, 1, "weak"))
        return out

    def _context(self, text: str, prev: str, nxt: str):
        """Names that need the neighbouring paragraphs (PDF text breaks lines into paragraphs).

        A cue ending the previous paragraph ("... inom projektet") names the start of
        this one; a short heading followed by a paragraph that repeats or describes it
        ("Ett nätverk mellan ...", "X är ett projekt ...") is a Project or Organisation.
        """
        out = []
        lex = self.lex
        cue = _trailing_cue(prev[-60:]) if prev else None
        if cue:
            tail = next((c for c in sorted(lex.cues, key=len, reverse=True) if cue.group(1).lower().endswith(c)), None)
            etype = lex.cues.get(tail or "")
            start = len(text) - len(text.lstrip(" \"”“«'"))
            first = (text[start:].split(None, 1) or [""])[0].lower()
            if etype and first not in lex.boundary and first not in _NOT_NAME_WORDS and first not in _SENT_WORDS:
                e = self._scan_name(text, start, lower_ok=etype in ("Project", "Strategy"))
                if e and self._name_ok(text[start:e]):
                    out.append((start, e, etype, 3, "cue-prev"))
        head = text.strip()
        words = head.split()
        if nxt and 1 <= len(words) <= 8 and head[:1].isupper() and not _HEADING_END.search(head) \
                and words[0].lower() not in lex.boundary and words[0].lower() not in _SENT_WORDS \
                and head.lower() not in lex.generic and head.lower() not in lex.places \
                and not any(w.lower() in _NOT_NAME_WORDS for w in words):
            nl = nxt.lstrip()
            etype = None
            name_like = (any(w[:1].isupper() for w in words[1:]) or any(_NAME_FIRST.search(w) for w in words)
                         or head_type(head, lex) is not None)
            defined = nl.lower().startswith(head.lower()) and _IS_A_PROJECT.match(nl[len(head):])
            if (name_like or defined) and nl.lower().startswith(head.lower()) and _DEF_AFTER.match(nl[len(head):]):
                desc = nl[len(head):len(head) + 120]
                etype = _desc_type(desc)
            elif _DESC_START.match(nl):
                etype = _desc_type(nl[:100])
            start, end = text.index(head), text.index(head) + len(head)
            label = _HEADING_LABEL.match(head)
            if label:  # "Fakta: Projektnamn" over a fact list: the name is after the label
                start += label.end()
            elif ":" in head and re.match(_FACT_LINE, nl):
                etype = None  # "Delområde: X" is itself a line of the fact list, not its heading
            acr_next = _LEADING_ACR.match(nl)
            if not etype and acr_next and len(words) >= 2:
                # "Innovationsekosystem i Omställning i Västerbotten" / "(iiOV) ...": the acronym opens the next paragraph
                if _acronym_start(words, acr_next.group("acr")) == 0:
                    etype = head_type(head, lex) or "Project"
            if not etype:
                # the heading named again in the next paragraph's first sentence as the subject of a defining
                # verb: "Gröna kluster" / "Jordbruksverkets nationella Gröna kluster syftar till ...",
                # "Change the Game 2025" / "Change the game är en mötesplats ..."
                core = re.sub(r"\s(?:20\d\d)$", "", head)
                i = nl.lower().find(core.lower(), 0, 80)
                if len(core) >= 6 and i >= 0 and "." not in nl[:i] and (
                        i == 0 or core[:1].isupper() and nl[i:i + 1].isupper() or len(words) >= 2) \
                        and (_IS_A_PROJECT.match(nl[i + len(core):]) or _SUBJ_DEFINES.match(nl[i + len(core):])):
                    etype = "Project"
                    end = start + len(core)
            if etype and _ACR_DASH.match(head):
                etype = None  # "ACR - Long Name": the acronym rules name both forms
            if etype:
                paren = re.search(r"\s*\([^()]*\)\s*$", head)
                if paren:
                    end = start + paren.start()
                # described by an indefinite noun phrase ("En samverkansplattform mellan ..."): outranks a head-word guess
                pr = 4 if re.match(r"(?:Ett|En)\s", nl) and _DESC_START.match(nl) else 2
                out.append((start, end, etype, pr, "heading"))
        return out

    def pipe(self, stream, batch_size: int = 128):
        """Like __call__, with one paragraph of look-behind and look-ahead (for :meth:`_context`)."""
        prev_text = ""
        buf = None
        self._in_table = False
        self._recent_heads = []
        for doc in stream:
            text = doc.text  # Doc.text joins every token: compute it once
            if buf is not None:
                yield self._apply(buf[0], prev_text, text, buf[1])
                prev_text = buf[1]
            buf = (doc, text)
        if buf is not None:
            yield self._apply(buf[0], prev_text, "", buf[1])
        self._in_table = False
        self._recent_heads = []

    def __call__(self, doc: Doc) -> Doc:
        return self._apply(doc, "", "")

    def _apply(self, doc: Doc, prev: str, nxt: str, text: str | None = None) -> Doc:
        """Set ``doc.ents`` from the candidates of every family, the paragraph's heading and table state
        and its neighbours (``prev``, ``nxt``)."""
        text = doc.text if text is None else text
        cands = self.find(doc, text)
        self._heading_names(text, cands)
        if prev or nxt:
            cands.extend(self._context(text, prev, nxt))
        self._grant_table_rows(text, cands)
        doc.ents = self._choose(doc, text, cands)
        return doc

    def _heading_names(self, text: str, cands: list) -> None:
        """A heading naming a network, council or forum, and that name again in the paragraphs under it."""
        # a heading naming a network, council, forum (the whole paragraph); the body text under it
        # repeats the name in running text, where sentence case hides its end: look for it there
        recent = [(n, k - 1) for n, k in getattr(self, "_recent_heads", []) if k > 0]
        if recent:
            low = text.lower()
            for n, _ in recent:
                i = low.find(n.lower())
                while i >= 0:
                    j = i + len(n)
                    if (i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum()):
                        cands.append((i, j, "Project", 6, "heading-collab"))
                    i = low.find(n.lower(), j)
        if text[:1].isupper():
            hn = heading_name(text) if len(text) <= 120 else None
            hn = hn or run_in_heading(text)
            if hn:
                cands.append((*hn, "Project", 6, "heading-collab"))
                recent.append((text[hn[0]:hn[1]], 3))
        self._recent_heads = recent

    def _grant_table_rows(self, text: str, cands: list) -> None:
        """Rows of a project-first grant table, kept as state from paragraph to paragraph."""
        # grant tables: after a header row "Projekt  Projektägare  Beviljat", each row is project cell, owner cell, sum
        state = getattr(self, "_in_table", False)
        head = text.strip().lower()
        if state and state != "cells" and state is not True:
            # a header written one cell per line: "Projekt" / "Projektägare" / "Beviljat"
            state = "cells" if head.split()[0] in _TABLE_HEADER_WORDS and head.split()[0] not in (
                "projektägare", "stödmottagare", "sökande", "huvudman") else (
                "header2" if head in ("projektägare", "stödmottagare", "sökande", "huvudman") else False)
            self._in_table = state
        elif state:
            row = self._grant_row(text, cands)
            if row is None and state == "cells" and _CELL.fullmatch(text.strip()):
                s0 = len(text) - len(text.lstrip())
                cell = text.strip()
                if not any(cs <= s0 and ce >= s0 + len(cell) and lab == "Organisation" and pr >= 3
                           for cs, ce, lab, pr, _ in cands) and self._name_ok(cell) \
                        and cell.split()[0].lower() not in _TABLE_HEADER_WORDS | {"summa", "totalt"}:
                    cands.append((s0, s0 + len(cell), "Project", 4, "grant-table"))
            elif row is None:
                self._in_table = False
            else:
                cands.extend(row)
        if _GRANT_HEADER.search(text):
            self._in_table = True
        elif head.endswith(_TABLE_TITLE_WORDS) and _TABLE_TITLE.search(head) and (" " not in head or "beviljade" in head
                                                                            or "medel" in head or "tabell" in head):
            self._in_table = "header1"

    def _choose(self, doc: Doc, text: str, cands: list) -> list:
        """The spans of the candidates: higher priority first, then longer, greedy and non-overlapping."""
        spans = [(MODEL_PRIORITY, len(e), e) for e in doc.ents]
        # a name form that extends a gazetteer name of its type ("Regional kulturplan för X") wins over it
        # and so does one that starts with an owner's genitive ("EU:s innovationsstrategi")
        gaz = [(s, e, lab) for s, e, lab, p, r in cands if r == "gaz"]

        def extends(s, e, lab):
            return any(gs >= s and ge <= e and (gs, ge) != (s, e) and (
                gl == lab and lab in ("Strategy", "FundingSource") or gs == s and text[ge - 1:ge] == "s")
                for gs, ge, gl in gaz)

        cands = [(s, e, lab, 5 if p == 4 and lab in ("Strategy", "FundingSource") and extends(s, e, lab) else p, r)
                 for s, e, lab, p, r in cands]
        for s, e, label, prio, rule in cands:
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is None:
                continue
            span_text = span.text  # Span.text joins the span's tokens: once per candidate
            if not span_text.strip():
                continue
            if span_text.lower() in self.lex.generic or "http" in span_text or "www." in span_text \
                    or _FILE_OR_SLUG.search(span_text):
                continue  # a web address, a file name or a URL slug ("dalastrategin-2030-...-dec.pdf") names no one
            if _LAW_NAME.search(span_text):
                continue  # laws are not entities ("Net Zero Industry Act", "Förordning om ...")
            if span_text.count("(") != span_text.count(")"):
                continue  # "(HLT)-modellen": the token runs past the acronym into a compound
            if self._glued(span[-1].text):
                continue  # "Region Jämtland-Härjedalenför": PDF text glued the next word on
            if len(span) > 1 and span[0].text in _LEADING_PREPOSITIONS and rule != "gaz":
                span = doc[span.start + 1:span.end]  # "För Norrskensbolaget AB har ...": the sentence's preposition
                span.label_ = label
            if rule != "weak":
                span.id_ = f"rule:{rule}"
            spans.append((prio, len(span), span))
        # higher priority first, then longer; greedy non-overlapping
        spans.sort(key=lambda t: (-t[0], -t[1], t[2].start, t[2].label_))  # deterministic
        taken = [False] * len(doc)
        chosen = []
        for _, _, sp in spans:
            if any(taken[sp.start:sp.end]):
                continue
            for i in range(sp.start, sp.end):
                taken[i] = True
            chosen.append(sp)
        if any(c in text for c in _NOT_ENTITY_HINTS):
            chosen = [sp for sp in chosen if not self._after_not_entity_cue(sp)]
        return filter_spans(chosen)
