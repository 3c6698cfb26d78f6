"""More organisation name forms: associations, university units, committees, centres.

Name shapes that mark an organisation whatever its name, in Swedish reports:

* associations by legal form or kind: "Byns utveckling ekonomisk förening", "X ideell
  förening", clubs ("Skellefteå Ridklubb", "Norrby IF");
* university and hospital units named by an adjective: "Pedagogiska institutionen (vid
  Umeå universitet)", "Hälsoodontologiska avdelningen", "institutionen för geografi";
* committees of a programme or body: "Interreg Aurora styrkommitté",
  "Övervakningskommittén för ERUF", "Övervakningskommittéerna (ÖK) för ERUF och ESF";
* centres named by an adjective: "Precisionsmedicinskt centrum", "Nationellt
  kompetenscenter för social innovation";
* an owner's unit: "Umeå kommuns upphandlingsbyrå", "Barnrättsbyrån".

:func:`find` returns rule candidates (start, end, "Organisation", priority, rule) like
``EntityRules.find``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_UP = "A-ZÅÄÖÉÜ"
_CAPW = rf"[{_UP}][\w\-]*\w"

_FORMS = [
    # "Byns utveckling ekonomisk förening": capitalised word(s), at most two lower-case words, the legal form
    # also as registers abbreviate it: "The Paper Province Ekonomisk Fören", "Värmlandskooperativen Ek. För."
    ("ek-forening", re.compile(rf"\b{_CAPW}(?:\s{_CAPW}){{0,2}}(?:\s[a-zåäö]+){{0,2}},?\s(?:[Ee]konomisk|[Ii]deell|[Ee]k\.)\s"
                               rf"(?:[Ff]örening\b|[Ff]ören\b\.?|[Ff]ör\.)"),
     ("förening", "fören", "ek. för")),
    # clubs: "Skellefteå Ridklubb", "Norrby Golfklubb", "Umeå IK"
    ("klubb", re.compile(rf"\b{_CAPW}(?:\s{_CAPW})?\s(?:[{_UP}][a-zåäö]*klubb|IF|IK|BK|FF|SK|GIF|AIK)\b"), ("klubb", "if", "ik", "bk", "ff", "sk")),
    # "Pedagogiska institutionen (vid Umeå universitet)", "Hälsoodontologiska avdelningen"
    ("unit-adj", re.compile(rf"\b[{_UP}a-zåäö][a-zåäö]{{3,}}iska\s(?:institutionen|avdelningen|kliniken)\b"
                            rf"(?:\svid\s(?:[{_UP}]\w+\s){{1,2}}(?:universitet|högskola|universitetssjukhus))?"),
     ("institutionen", "avdelningen", "kliniken")),
    # "institutionen för geografi" (lower case after a comma or "vid")
    ("institutionen-for", re.compile(r"\b[Ii]nstitutionen\sför\s(?:[A-ZÅÄÖa-zåäö][a-zåäö\-]+)(?:\s(?:och|,)\s?[a-zåäö\-]+)?\b"),
     ("institutionen för",)),
    # programme committees
    ("styrkommitte", re.compile(rf"\b(?:{_CAPW}\s){{1,3}}(?:styrkommitté|styrkommittén|övervakningskommitté|övervakningskommittén|"
                                rf"programkommitté|programkommittén)\b"), ("kommitté",)),
    ("ovk-for", re.compile(rf"\bÖvervakningskommitté(?:n|erna)(?:\s\([{_UP}]+\))?\sför\s(?:[{_UP}][\w+\-]*)(?:(?:,\s|\soch\s)[{_UP}][\w+\-]*)*"),
     ("övervakningskommitt",)),
    # "Precisionsmedicinskt centrum", "Nationellt kompetenscenter för social innovation"
    ("centrum-adj", re.compile(rf"\b[{_UP}][a-zåäö]{{3,}}(?:skt|ellt|alt|igt)\s(?:[a-zåäö]*(?:centrum|center)|Centrum|Center)\b"
                               rf"(?:\sför\s[a-zåäö]+(?:\s[a-zåäö]+)?)?"), ("centrum", "center")),
    # a regional partnership of a programme area: "Strukturfondspartnerskapet för Övre Norrland"
    ("partnerskapet", re.compile(rf"\b(?:[{_UP}][a-zåäö]+a\spartnerskapet|[{_UP}][a-zåäö]{{3,}}partnerskapet)\s(?:för\s)?"
                                 rf"(?:(?:Övre|Nedre|Mellersta|Norra|Södra|Östra|Västra)\s)?[{_UP}][a-zåäö]{{3,}}\b"),
     ("partnerskapet",)),
    # university colleges named by their town, Nordic spellings too: "Högskolan i Gävle", "Högskolen i Hedmark"
    ("hogskolan-i", re.compile(rf"\b(?:Högskolan|Högskolen|Høgskolen|Høgskulen|Universitetet)\si\s[{_UP}Ø][\wøæ\-]+"),
     ("högskolan i", "högskolen i", "høgskolen i", "høgskulen i", "universitetet i")),
    # local business associations and business regions: "Eda Näringsliv", "Karlstad Business Region"
    ("naringsliv", re.compile(rf"\b{_CAPW}\s(?:Näringsliv|Business\sRegion)\b|\bBusiness\sRegion\s{_CAPW}"),
     ("näringsliv", "business region")),
    # a staff unit: "Stab för regional utveckling", "staben för digitalisering"
    ("stab-for", re.compile(r"\b[Ss]tab(?:en)?\sför\s[a-zåäö]{4,}(?:\s[a-zåäö]{4,})?\b"), ("stab",)),
    # regional cultural institutions named by kind and county: "Regionbibliotek Västerbotten", "Länsmuseet Gävleborg"
    ("culture-kind", re.compile(rf"\b(?:Regionbibliotek(?:et)?|Länsbibliotek(?:et)?|Länsmuse(?:et|um)|Regionteatern|Länsteatern|"
                                rf"Länsmusiken|Regionmusiken|Konsulenterna|Hemslöjden)\s(?:i\s)?[{_UP}][a-zåäö]+"
                                rf"(?:[\-/][{_UP}][a-zåäö]+)?\b"), ("regionbibliotek", "länsbibliotek", "länsmuse", "teatern", "musiken",
                                                                   "konsulenterna", "hemslöjden")),
    # an owner's museum with an adjective: "Hallands kulturhistoriska museum"
    ("museum-adj", re.compile(rf"\b[{_UP}][a-zåäö]{{2,}}s\s[a-zåäö]{{4,}}a\smuseum\b"), ("museum",)),
    # suspended compounds of museums: "Skogs- och samemuseet"
    ("museet-coord", re.compile(rf"\b[{_UP}][a-zåäö]{{2,}}-\soch\s[a-zåäö]{{3,}}muse(?:et|um)\b"), ("muse",)),
    # a city as a municipal body: "Vasa stad", "Stockholms stad" (not "i Umeå stad": a place)
    ("stad", re.compile(rf"(?<!\bi\s)(?<!från\s)(?<!till\s)(?<!inom\s)(?<!runt\s)\b[{_UP}][a-zåäö]{{2,}}\sstad\b"), (" stad",)),
    # ministries: "Näringsdepartementet", "Klimat- och näringslivsdepartementet"
    ("departement", re.compile(rf"\b(?:[{_UP}][a-zåäö]+-\s(?:och|eller)\s[a-zåäö]+|[{_UP}][a-zåäö]+)departementet\b"),
     ("departementet",)),
    # a report's author unit before its body: "Rapporten är skapad av Samhällsanalys, Region Dalarna"
    ("byline-unit", re.compile(rf"\b(?:skapad|skapades|framtagen|framtaget|sammanställd|sammanställt|utgiven|utgivet|producerad|"
                               rf"producerat|skriven|skrivet|författad|gjord)\sav\s(?P<name>[{_UP}][a-zåäö]{{3,}}(?:\s[a-zåäö]{{2,}}){{0,2}})"
                               rf",\s(?=Region\s[{_UP}]|Länsstyrelsen\s|{_CAPW}\s(?:kommun|universitet)\b)"),
     (" av ",)),
    # an owner's unit: "Umeå kommuns upphandlingsbyrå", "Barnrättsbyrån"
    ("byra", re.compile(rf"\b(?:{_CAPW}\s(?:kommuns|regionens)\s[a-zåäö]{{4,}}byrå(?:n)?|[{_UP}][a-zåäö]{{4,}}byrån(?=s?\b))"), ("byrå",)),
]

# complements of "centrum för" / "institutionen för" that make a sentence, not a name
_BAD_TAIL = {"att", "den", "det", "de", "en", "ett", "och", "som", "sin", "sitt", "sina"}
_CLAUSE = _BAD_TAIL | {"är", "var", "har", "hade", "blev", "blir", "ska", "kan", "i", "på", "med", "för", "till"}


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    path = Path(__file__).parent / "gazetteers" / "first_names.txt"
    return frozenset(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#"))


def _is_place(word: str) -> bool:
    """A place, county or municipality the gazetteers know: "Eda Näringsliv" is a place's business association."""
    from .entity_rules import load_lexicon  # (entity_rules imports this module)

    lex, w = load_lexicon(), word.lower()
    return w in lex.places or w in lex.counties


def gated_matches(forms, text: str, low: str | None = None):
    """(rule, match) of every (name, regex, gate words) form whose gate words the paragraph holds:
    a cheap substring test before each regular expression (rule families share this shape)."""
    low = text.lower() if low is None else low
    for rule, rx, needs in forms:
        if any(n in low for n in needs):
            for m in rx.finditer(text):
                yield rule, m


def find(text: str, low: str | None = None) -> list[tuple[int, int, str, int, str]]:
    """Organisation candidates of the forms above in one paragraph."""
    out = []
    for rule, m in gated_matches(_FORMS, text, low):
        s, e = m.span("name") if "name" in m.re.groupindex else m.span()
        name = text[s:e]
        words = name.split()
        if rule == "institutionen-for" and words[2] in _BAD_TAIL:
            continue  # "Institutionen för att ...": a sentence
        if rule == "ek-forening" and any(w in _CLAUSE for w in words[1:-2]):
            continue  # "Föreningen är en ideell förening": a sentence
        if words[-1] in _BAD_TAIL:
            e = s + len(name) - len(words[-1]) - 1
        if rule in ("ek-forening", "klubb", "styrkommitte") and words[0] in ("Det", "Den", "En", "Ett", "I", "Inom",
                                                                             "Under", "Genom", "Vid", "För"):
            s += len(words[0]) + 1
        if e - s < 4 or rule == "byline-unit" and name.split()[0] in _given_names():
            continue  # "skriven av Anna, Region X": a person
        if rule == "naringsliv" and not name.startswith("Business") and not (
                words[0].endswith("s") or _is_place(words[0])):
            continue  # "tf Chef Näringsliv och samhällsbyggnad": a job title, not a place's association
        out.append((s, e, "Organisation", 5, rule))  # outranks a gazetteer name inside it
    return out
