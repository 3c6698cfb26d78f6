"""A report's title and reporting year, read from its first lines.

Titles: the first heading line that names a report ("Exempelregionens uppföljningsrapport 2025"),
else a report named in the opening sentence ("Denna rapport, Resultat Norrbotten 2025, ..."),
else an owner's report with its year ("Nämndens årsrapport ... för 2024" ->
"Nämndens årsrapport 2024"), else the first heading line that is not a numbered or generic
section heading ("1 Sammanfattning", "Innehållsförteckning"), else the file name.

Years: from the first reporting-period phrase of the opening ("Årsredovisning 2024",
"verksamhetsåret 2018", "uppföljningsrapport för 2024"), else a year in the title, else one
in the file name. A year that
is part of a period ("RUS 2020–2030", "2021/2022") or a target ("till 2030") never dates a report.

Each rule is data (name, regular expression, examples) tested by one parametrised test.
"""
from __future__ import annotations

import re
from pathlib import Path

HEAD_CHARS = 4000  # the opening that holds the title and the reporting period
_Y = r"(?:19[89]\d|20[0-4]\d)"
_NOT_RANGE = r"(?!\s?[–—/-]\s?(?:\d{4}|\d{2})(?![\d-]))"  # "2020–2030", "2021/22" (a date "2023-05-12" is fine)
# a lone year: not part of a range or a slash period, not a number's digits
LONE_YEAR = re.compile(rf"(?<![\d–—/-])(?<![\d–—/-]\s)\b({_Y})\b{_NOT_RANGE}")
_TARGET = re.compile(r"(?:\b(?:till|mot|fram till|år|inför|senast)\s*)$", re.I)
_REPORT_WORD = re.compile(r"(?:års(?:redovisning|rapport|berättelse|översikt)|rapport|uppföljning|"
                          r"verksamhetsberättelse|verksamhetsplan|redovisning|resultat\b)", re.I)
_GENERIC_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+\S.*|(?:sammanfattning|innehåll(?:sförteckning)?|inledning|"
                              r"förord|bakgrund|bilagor?(?:\s+\d+)?|sid(?:a|an)?\s*\d*|\d+))$", re.I)

# (rule, pattern whose group "title" is the title, examples (text, title)). Tried in order on the opening.
TITLE_RULES = [
    ("named-report", re.compile(r"\b(?:[Dd]enna|[Dd]en här|[Vv]år)\s+(?:rapport|uppföljning|redovisning),\s+"
                                r"(?P<title>[A-ZÅÄÖ][^,.\n]{3,90}?),"),
     [("Denna rapport, Resultat Norrbotten 2025, följer upp strategin RUS 2020–2030.",
       "Resultat Norrbotten 2025")]),
    ("owner-report-for-year", re.compile(r"(?P<owner>\b[A-ZÅÄÖ][\wåäö]+(?:[ ][\wåäö]+)?s)[ ]+(?P<kind>års(?:rapport|redovisning)|"
                                         r"uppföljningsrapport|delårsrapport|verksamhetsberättelse)\b[^.]{0,120}?"
                                         rf"\bför\s+(?:år\s+)?(?P<year>{_Y})\b(?![–—/-]\d)"),
     [("Kulturnämndens årsrapport är nämndens sista uppföljning för 2023.", "Kulturnämndens årsrapport 2023")]),
]

# (rule, pattern whose group "year" is the reporting year, examples (text, year))
YEAR_RULES = [
    ("report-kind-year", re.compile(rf"\b(?:[Åå]rsredovisning(?:en)?|[Åå]rsrapport(?:en)?|[Vv]erksamhetsberättelse(?:n)?|"
                                    rf"[Dd]elårsrapport(?:en)?|[Ll]ägesrapport(?:en)?|[Uu]ppföljningsrapport(?:en)?|[Åå]rsöversikt(?:en)?)"
                                    rf"(?:\s+(?:för|avseende)(?:\s+år)?)?\s+(?P<year>{_Y})\b{_NOT_RANGE}"),
     [("Årsredovisning 2024 för Exempelkommunen", 2024), ("årsrapporten för år 2021 visar", 2021),
      ("Delårsrapport 2022 per augusti", 2022), ("Lägesrapport 2025 om strategin", 2025)]),
    ("period-word-year", re.compile(rf"\b(?:[Vv]erksamhetsåret|[Rr]äkenskapsåret|[Rr]apportåret|[Bb]udgetåret|"
                                    rf"[Vv]erksamhetsår|[Rr]edovisningsåret)\s+(?P<year>{_Y})\b{_NOT_RANGE}"),
     [("Under verksamhetsåret 2018 startade tre projekt.", 2018), ("räkenskapsåret 2019 gav överskott", 2019)]),
    ("follow-up-for-year", re.compile(rf"\b(?:uppföljning(?:en)?|rapport(?:en)?|resultat(?:et)?|redovisning(?:en)?)"
                                      rf"\s+(?:för|av)\s+(?:år\s+)?(?P<year>{_Y})\b{_NOT_RANGE}", re.I),
     [("Rapporten är nämndens sista uppföljning för 2024.", 2024)]),
]


def _lines(text: str):
    """Non-empty lines of the opening, stripped of Markdown heading marks."""
    for line in text[:HEAD_CHARS].splitlines():
        s = " ".join(line.strip().lstrip("#").split())
        if s:
            yield s


def is_heading(line: str) -> bool:
    """A short line that reads as a heading, not a sentence or a table-of-contents row."""
    if not 4 <= len(line) <= 100 or not any(c.isalpha() for c in line) or len(line.split()) > 10:
        return False
    if line.endswith((".", ",", ":", ";")) or "...." in line or ", " in line:
        return False
    return line[0].isupper() or line[0].isdigit()


def guess_title(text: str, path: Path | str) -> str:
    """The report's title (see the module's doc); the file's stem if nothing fits."""
    headings = [s for s in _lines(text) if is_heading(s) and not _GENERIC_HEADING.match(s)]
    for s in headings[:6]:
        if _REPORT_WORD.search(s):
            return s[:120]
    opening = "\n".join(_lines(text))
    for _name, rx, _ex in TITLE_RULES:
        m = rx.search(opening)
        if m:
            if "year" in m.groupdict():
                return f"{m['owner']} {m['kind']} {m['year']}"
            return m["title"].strip()[:120]
    return headings[0][:120] if headings else Path(path).stem


def lone_years(text: str) -> list[int]:
    """Years in ``text`` that stand alone: not in a period ("2020–2030") and not a target ("till 2030")."""
    return [int(m.group(1)) for m in LONE_YEAR.finditer(text) if not _TARGET.search(text[:m.start()])]


def guess_year(text: str, path: Path | str, title: str | None = None) -> int | None:
    """The reporting year (see the module's doc); None if the opening names none."""
    opening = "\n".join(_lines(text))
    found = [(m.start(), int(m["year"])) for _name, rx, _ex in YEAR_RULES for m in rx.finditer(opening)]
    if found:
        return min(found)[1]
    years = lone_years(title if title is not None else guess_title(text, path)) \
        or lone_years(Path(path).stem.replace("_", " "))
    return years[0] if years else None


def document_meta(text: str, path: Path | str, year: int | None = None) -> tuple[str, int | None]:
    """(title, year) of a document; ``year`` (stated by the user) wins over what the text says."""
    title = guess_title(text, path)
    return title, year if year is not None else guess_year(text, path, title)
