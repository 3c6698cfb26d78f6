"""Entity resolution: many surface forms, one entity.

Mentions are grouped by type under a normalised key: case folded, Swedish
genitive "-s" removed when the base form is also seen (or the name has an
organisational head such as "Region X"), hyphen and space variants unified.
Acronym definitions in the text ("Digitala Västerbotten i samverkan (DVIS)")
join the acronym group to the long-form group; the long form becomes canonical.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from .records import Entity, Mention

# Generic words that are never an entity on their own.
STOPLIST = {
    "regionen", "region", "projektet", "projekten", "projekt", "kommunerna", "kommunen", "kommun",
    "länet", "strategin", "planen", "programmet", "nämnden", "styrelsen", "myndigheten", "agendan",
    "plattformen", "nätverket", "satsningen", "fonden", "eu", "sverige",
}

_ACRONYM_DEF = re.compile(r"([A-ZÅÄÖ][\w\-–:&/ ]{3,120}?)\s*\(([A-ZÅÄÖ][A-Za-zÅÄÖåäö0-9+:\-]{1,12})\)")


def norm_key(text: str) -> str:
    """Comparable form of a name: NFC, casefolded, dashes and spaces unified."""
    s = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"\s+", " ", s).strip(" .,:;\"'()")
    return s.casefold()


def strip_genitive(text: str) -> str:
    """'Region Västerbottens' -> 'Region Västerbotten', 'EU:s' -> 'EU'."""
    if text.endswith(":s"):
        return text[:-2]
    if len(text) > 3 and text.endswith("s") and not text.endswith("ss") and text[-2].isalpha():
        return text[:-1]
    return text


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronym -> long form, from "Long Name (ACR)" in ``text``.

    The long form is trimmed to the words whose initials spell the acronym when
    that is possible, else kept up to 8 words back.
    """
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        long_form, acr = m.group(1).strip(), m.group(2)
        words = long_form.split()
        letters = [c for c in acr if c.isalpha()]
        best = None
        for k in range(1, min(len(words), 10) + 1):
            cand = words[-k:]
            if cand[0][0].upper() == letters[0].upper():
                best = cand
                if sum(1 for w in cand if w[0].isupper() or w[0].isdigit()) >= min(len(letters), 2) or k >= len(letters):
                    break
        if best:
            out.setdefault(acr, " ".join(best))
    return out


def resolve(mentions: list[Mention], text: str = "") -> list[Entity]:
    """Group ``mentions`` into entities; ``text`` (normalised) supplies acronym definitions."""
    by_type: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if norm_key(m.text) in STOPLIST or len(norm_key(m.text)) < 2:
            continue
        by_type[m.type].append(m)
    acronyms = acronym_definitions(text) if text else {}
    entities: list[Entity] = []
    for etype, ms in by_type.items():
        seen = {norm_key(m.text) for m in ms}
        groups: dict[str, list[Mention]] = defaultdict(list)
        for m in ms:
            k = norm_key(m.text)
            base = norm_key(strip_genitive(m.text))
            if base != k and (base in seen or etype == "Organisation"):
                k = base
            groups[k].append(m)
        # Join acronym groups to the group of their long form.
        for acr, long_form in acronyms.items():
            a, lf = norm_key(acr), norm_key(long_form)
            if a in groups and a != lf:
                groups[lf].extend(groups.pop(a))
        for k, gms in groups.items():
            forms = Counter(m.text for m in gms)
            names = sorted(forms, key=lambda f: (-(norm_key(f) == k), -forms[f], -f[:1].isupper(), f))
            name = names[0]
            if norm_key(name) != k:  # the long form only appears in the definition
                lf = next((v for a, v in acronyms.items() if norm_key(v) == k), None)
                name = lf or name
            aliases = sorted({f for f in forms if f != name})
            entities.append(Entity(name=name, type=etype, aliases=aliases,
                                   mentions=sorted(gms, key=lambda m: m.start)))
    entities.sort(key=lambda e: (e.type, e.name))
    return entities
