"""Entities the report itself calls a project.

A name typed Organisation only by a weak signal (a head word such as "Office" or
"Center") is a Project when the next sentences refer back to it as "Projektet",
"Plattformen" or "Nätverket" and it is the last name before that anaphor:
"... genom North Sweden Stockholm Office (NSSO). NSSO har kommit till ...
Projektet verkar för ...". Names a gazetteer or an organisation form vouches for
("Region X", "X kommun", "X AB") are never retyped. An acronym the entity was introduced with counts
where the text uses it without a span of its own. An organisation only the model or a weak guess
proposed is a Project when the text calls it "projektet X" / "utbildningssatsning X" or says
"X är initierat av / finansieras av / pågår". A council or forum of a place ("Kompetensrådet
Umeåregionen") is a Project; the programme a funder finances through ("finansieras av Vinnova inom
programmet X") is a FundingSource.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .entity_rules import _ORG_FORMS
from .records import Entity
from .resolve import _gazetteer, entity_key

_ANAPHOR = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Projektet|Plattformen|Nätverket|Satsningen)\s")
WINDOW = 400  # characters back from the anaphor to the name it refers to
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n)\s*$")


def _in_gazetteer(entity: Entity, etype: str, gaz) -> bool:
    """A gazetteer lists the entity's name or an alias as an ``etype``."""
    return any((etype, entity_key(n, etype)) in gaz for n in (entity.name, *entity.aliases))


def _vouched(entity: Entity, gaz) -> bool:
    """A gazetteer or an organisation form ("Region X", "X kommun", "X AB") says it is an organisation."""
    names = (entity.name, *entity.aliases)
    if any(m.rule.startswith("layout:") for m in entity.mentions):
        return True  # a layout's cell says what it is ("Stödmottagare: X")
    if _in_gazetteer(entity, "Organisation", gaz):
        return True
    return any(rx.fullmatch(n) for n in names for _, rx in _ORG_FORMS)


def retype_projects(entities: list[Entity], text: str) -> list[Entity]:
    """Retype (in place) Organisation entities that an anaphoric "Projektet ..." refers to."""
    spans = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0])
    if not spans:
        return entities
    gaz, _ = _gazetteer()
    # acronyms the text uses without a span ("NSSO har kommit till ... Projektet verkar"): their plain
    # occurrences count as mentions when finding the last name before an anaphor
    acr_of = {a: e for e in entities if e.type == "Organisation" for a in e.aliases if a.isupper() and len(a) >= 3}
    if acr_of:
        covered = {(s, e) for s, e, _ in spans}
        rx = re.compile(r"(?<![\w\-])(" + "|".join(map(re.escape, sorted(acr_of, key=len, reverse=True))) + r")(?![\w\-])")
        extra = [(h.start(), h.end(), acr_of[h.group(1)]) for h in rx.finditer(text) if (h.start(), h.end()) not in covered]
        spans = sorted(spans + extra, key=lambda x: x[0])
    starts = [s for s, _, _ in spans]
    for hit in _ANAPHOR.finditer(text):
        i = bisect_left(starts, hit.start()) - 1
        if i < 0:
            continue
        start, end, ent = spans[i]
        if hit.start() - end > WINDOW or ent.type != "Organisation" or _vouched(ent, gaz):
            continue
        introduced = any(a.isupper() and len(a) >= 2 for a in ent.aliases)
        if not (introduced or _SENTENCE_START.search(text[max(0, start - 3):start])):
            continue
        ent.retype("Project")
    _retype_named_as_project(entities, text, gaz)
    _retype_place_councils(entities, gaz)
    _retype_funding_programmes(entities, text, gaz)
    _retype_fund_programme_names(entities)
    return entities


# "nationellt regionalfondsprogram", "socialfondsprogrammet för X": a programme of a fund is a FundingSource,
# whichever plan rule found it
_FUND_PROGRAMME_NAME = re.compile(r"fonds?program", re.I)


def _retype_fund_programme_names(entities: list[Entity]) -> None:
    for ent in entities:
        if ent.type == "Strategy" and any(_FUND_PROGRAMME_NAME.search(n) for n in (ent.name, *ent.aliases)):
            ent.retype("FundingSource")


# "Kompetensrådet Umeåregionen", "Näringslivsforum Umeå": a council or forum compound followed by the area it
# serves is a collaboration forum (Project); one-word councils ("Kvarkenrådet") and adjective-led national
# bodies ("Europeiska innovationsrådet", "Statens kulturråd") are organisations
_PLACE_COUNCIL = re.compile(r"[A-ZÅÄÖ][\wåäö\-]{3,}(?:(?<!om)rådet|(?<!om)råd|forum|forumet)(?: [A-ZÅÄÖ][\wåäö\-]+){1,3}(?: län)?")


def _retype_place_councils(entities: list[Entity], gaz) -> None:
    for ent in entities:
        if ent.type == "Organisation" and _PLACE_COUNCIL.fullmatch(ent.name) and not _in_gazetteer(ent, "Organisation", gaz):
            ent.retype("Project")


# "finansieras av Vinnova inom programmet X": the programme a funder finances through is a FundingSource
_FUNDING_PROGRAMME = re.compile(r"(?:finansier|medfinansier|beviljat?s?|stöd|medel)\w*\s+(?:av|från|ur)\s+"
                                r"(?:[A-ZÅÄÖ][\w\-]*\s+){1,4}(?:inom|genom|via|ur|från)\s+(?:programmet|utlysningen|"
                                r"finansieringsprogrammet|satsningen)\s+[”\"]?$"
                                r"|(?:finansier|medfinansier|beviljat?s?|stöd|medel)\w*\s+(?:av|från|ur|genom|via|inom)\s+"
                                r"(?:[A-ZÅÄÖ][\w\-]*\s+){0,3}[A-ZÅÄÖ][\w\-]*s\s+(?:program|utlysning|"
                                r"finansieringsprogram)\s+[”\"]?$")


# "finansieras landsbygdsstöden genom Strategisk plan för ...", "beviljats 3,4 miljoner kronor inom X": a plan
# or programme that money comes from is a FundingSource
_MONEY_FROM = re.compile(r"(?:(?:finansieras|finansierades|finansierats|finansierad|finansierat)(?:\s+[a-zåäö]+){0,2}"
                         r"\s+(?:genom|ur|via)|(?:kronor|kr|mkr|euro|medel|stöd)\s+(?:ur|inom|från|genom))\s+$")


def _retype_funding_programmes(entities: list[Entity], text: str, gaz) -> None:
    for ent in entities:
        if ent.type == "Strategy" and not _in_gazetteer(ent, "Strategy", gaz) \
                and ent.mentions and sum(bool(_MONEY_FROM.search(text, max(0, m.start - 60), m.start))
                                         for m in ent.mentions) * 2 >= len(ent.mentions):
            ent.retype("FundingSource")
            continue
        if ent.type != "Project" or _in_gazetteer(ent, "Project", gaz):
            continue
        if any(_FUNDING_PROGRAMME.search(text, max(0, m.start - 120), m.start) for m in ent.mentions):
            ent.retype("FundingSource")


_PROJECT_NOUN = re.compile(r"(?:projektet|satsningen|utbildningssatsning(?:en)?|förstudien|pilotprojektet|"
                           r"EU-projektet|forskningsprojektet)\s+[”\"]?$", re.I)


# what is said of a project, not of an organisation: "X är initierat av Y", "X finansieras av ...", "X pågår"
_PROJECT_VERB = re.compile(r"\s+(?:är |har varit |var )?(?:initierat|initierad|initierades|finansieras|finansierades|"
                           r"medfinansieras|beviljades|pågår)\b")


def _retype_named_as_project(entities: list[Entity], text: str, gaz) -> None:
    """An Organisation only the NER model or a weak guess proposed is a Project when the text
    names it with a project noun ("Nationell utbildningssatsning Yrkesresan", "projektet X") or
    says of it what is said of projects ("X är initierat av Y", "X finansieras av")."""
    cands: dict[str, list[Entity]] = {}
    for ent in entities:
        if ent.type != "Organisation" or any(m.source == "rules" for m in ent.mentions) or _vouched(ent, gaz):
            continue
        for form in {ent.name, *ent.aliases}:
            cands.setdefault(form, []).append(ent)
    if not cands:
        return
    rx = re.compile(r"(?<![\w\-])(" + "|".join(map(re.escape, sorted(cands, key=len, reverse=True))) + r")(?![\w\-])")
    for h in rx.finditer(text):  # one pass over the text for all candidates
        if _PROJECT_NOUN.search(text, max(0, h.start() - 30), h.start()) or _PROJECT_VERB.match(text, h.end()):
            for ent in cands[h.group(1)]:
                ent.retype("Project")
