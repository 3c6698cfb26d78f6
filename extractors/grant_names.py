"""Long project names delimited by a cue on the left and a strong boundary on the right.

Press releases, decisions and project pages name projects with long titles that hold lower-case
words, verbs and English: "X får 2,6 miljoner kronor för projektet Värmländska företag satsar på
energi, klimat och miljö från regionalfonden", "Projektet Digital Innovation in the Forest value
chain leds av Y", "Svenska partner i projektet SmartAging är:". The cue rule stops such a name at
its first verb or after two lower-case words; here the cue ("projektet") and a strong right
boundary (the money's source, the end of the sentence, the passive verb that says who runs it,
the colon of a lead-in) delimit it instead.

:func:`find` returns (start, end, "Project", priority, rule) candidates like ``EntityRules.find``.
Each form keeps its name, pattern and the substring that gates it together, with examples in
``tests/test_grant_names.py``.
"""
from __future__ import annotations

import re

from .org_forms import gated_matches

_UP = "A-ZÅÄÖÉÜ"
# A name is a capital or digit first, then up to 18 words. A word holds no sentence punctuation (a point or
# comma only between digits: "2.0", "1,5"); words are separated by a space or a comma and a space, so the
# name stops before ", som ..." at the first chance.
_WORD = r"(?:[^\s.,!?;]|(?<=\d)[.,](?=\d))+"
# words that open the clause after a name, never a word of it
_CLAUSE = (r"(?:från|ur|via|inom|som|där|vilket|för\satt|tillsammans\smed|i\ssamverkan\smed|i\ssamarbete\smed|med\sstöd|projektet|"
           r"och\s(?:finansieras|drivs|leds|genomförs|ska|har|är))\b")
_NAME = rf"(?P<name>[{_UP}0-9]{_WORD}(?:,?\s(?!{_CLAUSE}){_WORD}){{0,18}}?)"
# what closes a granted project's name: the fund it is granted from, or the end of the sentence
_SOURCE = (r"(?:\s(?:från|ur|via|inom)\s(?:[A-ZÅÄÖ]|EU|regionalfonden|socialfonden|fonden|landsbygdsprogrammet|"
           r"regionalfondsprogrammet|programmet))")
_END = (r"(?:\.\s|\.$|\s\(|,\s(?:som|vilket|där|och\s(?:beslutet|pengarna|medlen))\b|\s(?:i\ssamverkan|i\ssamarbete|tillsammans)\smed\b"
        r"|\sför\satt\s)")  # "... projektet Unga i Fjällen för att locka unga": the purpose is no part of the name

# the passive verb after a project's name that says who runs or funds it
_RUN_BY = (r"(?=\s(?:leds|drivs|ägs|samordnas|koordineras|finansieras|medfinansieras|genomförs|har\sbeviljats|"
           r"beviljas|beviljades)\s)")

FORMS = [
    # "... för projektet Värmländska företag satsar på energi, klimat och miljö från regionalfonden."
    ("grant-project", re.compile(rf"\b(?:för|till)\s(?:projektet|förstudien|satsningen|insatsen)\s{_NAME}(?={_SOURCE}|{_END})"),
     ("för projektet", "till projektet", "för förstudien", "för satsningen", "för insatsen", "till satsningen")),
    # "Med stöd från ERUF startar X projektet Energieffektiva företag genom Energikontor i samverkan."
    ("started-project", re.compile(rf"\b(?:startar|startade|inleder|driver|genomför)\s(?:[^.]{{2,80}}?\s)?projektet\s{_NAME}(?={_END})"),
     ("projektet",)),
    # "Projektet Digital Innovation in the Forest value chain leds av Skogforsk."
    ("project-run-by", re.compile(rf"\b[Pp]rojektet\s{_NAME}{_RUN_BY}"), ("projektet",)),
    # "Svenska partner i projektet SmartAging är:" (the lead-in of a partner list)
    ("project-lead-in", re.compile(rf"\b(?:i|för|inom)\sprojektet\s{_NAME}(?=\s(?:är|var)\s?:|:\s*$|:\n)"),
     ("i projektet", "för projektet", "inom projektet")),
]
MAX_WORDS = 18


def find(text: str, low: str | None = None) -> list[tuple[int, int, str, int, str]]:
    """Project candidates of the grant forms above in one paragraph."""
    out = []
    for rule, m in gated_matches(FORMS, text, low):
        name = m.group("name").rstrip(",")
        if len(name.split()) <= MAX_WORDS and len(name) >= 3:
            out.append((m.start("name"), m.start("name") + len(name), "Project", 5, rule))
    return out
