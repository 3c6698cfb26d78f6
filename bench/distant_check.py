#!/usr/bin/env python3
"""Distant check: extraction measured on real project facts rendered into report layouts.

The hand-annotated sets are small and written by us; the ERUF project bank and the
Interreg partner table in ../shared/realdata hold hundreds of real (organisation, role,
project, fund) facts with names no rule was written for: companies, associations,
agencies, English project titles without cue words. This script renders those facts into
the layouts real Swedish reports use, runs the real extractor on them, and scores what
comes back against the facts themselves (the "distant" truth):

  grant_table    owner-first granted-projects table under a heading naming the fund (ERUF)
  grant_table_project_first  the same table with the project's column first
  press_release  press-release sentences, several templates in turn (ERUF)
  fact_box       project heading + "Projektägare:", "Partner:", "Finansiär:", "Budget:" (Interreg)
  partner_list   "Projektet P leds av X. Partner i projektet är:" + bullets + programme (Interreg)

Rendered text lives only in memory (and the truth in a temporary folder): nothing from
../shared is written into the repository. Sampling is deterministic for a given --seed.

Scores per layout: entity precision/recall (an extracted entity is right when one of its
names/aliases matches a truth name after kg.evaluate's normalisation, whatever its type;
every extracted entity counts, so table fragments and places lower precision) and, per
relation kind (owner leads project, project fundedBy fund, partner participatesIn
project), precision/recall with kg.evaluate's matching. Associated partners (AP) are not
rendered: whether they "take part" is a matter of opinion, not of the table.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
import textwrap
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.evaluate import _find, keys, load_gold, norm, prf, score  # noqa: E402

ERUF_TSV = "realdata/tillvaxtverket_projektbanken_eruf_2014-2020/projekt_stodmottagare_fond_belopp.tsv"
INTERREG_TSV = "realdata/interreg_svenska_partners_2021-2027/projekt_partner_roll_program.tsv"
KINDS = ("leads", "fundedBy", "participatesIn")

# ------------------------------------------------------------------ funds and programmes
# name = canonical Swedish name, short = acronym, informal = what press texts call it.
ERUF = {"name": "Europeiska regionala utvecklingsfonden", "short": "ERUF", "informal": "regionalfonden"}
# Interreg "program" values -> the programme as Swedish reports write it (English name as alias).
PROGRAMMES = {
    "AURORA": {"name": "Interreg Aurora", "short": "Aurora", "informal": "Interreg Aurora"},
    "Baltic Sea Region": {"name": "Interreg Östersjöregionen", "short": "Interreg Baltic Sea Region",
                          "informal": "Östersjöprogrammet"},
    "Interreg North Sea": {"name": "Interreg Nordsjöregionen", "short": "Interreg North Sea",
                           "informal": "Nordsjöprogrammet"},
    "Interreg europe": {"name": "Interreg Europe", "short": "Interreg Europe", "informal": "Interreg Europe"},
    "Northern Periphery and Arctic": {"name": "Interreg Nordliga periferin och Arktis",
                                      "short": "Interreg NPA", "informal": "Interreg Northern Periphery and Arctic"},
    "South Baltic Programme": {"name": "Interreg Södra Östersjön", "short": "Interreg South Baltic",
                               "informal": "Södra Östersjöprogrammet"},
    "URBACT IV": {"name": "URBACT IV", "short": "URBACT", "informal": "URBACT IV"},
    "Öresund-Kattegat-Skagerrak": {"name": "Interreg Öresund-Kattegat-Skagerrak", "short": "Interreg ÖKS",
                                   "informal": "ÖKS-programmet"},
}

# ------------------------------------------------------------------ rendering templates
GRANT_TABLE = {
    "intro": "Under året har följande projekt beviljats stöd. Beloppen avser beviljat stöd i kronor.",
    "heading": "Beviljade projekt {year} – {fund}, {area}",
    "header": "PROJEKTÄGARE PROJEKTNAMN BELOPP KR",
    "row": "{lead} {project} {amount}",
    "total": "TOTALT: {n} PROJEKT {amount}",
    "width": 80,
}
# Two sentences per record, one template per record in turn (round-robin).
PRESS_TEMPLATES = [
    "{lead} beviljas {amount} kronor från {fund} för projektet {project}. "
    "Beslutet fattades av övervakningskommittén.",
    "Projektet {project} drivs av {lead} och finansieras av {short}. "
    "Projektet ska pågå i tre år.",
    "{lead} får {millions} miljoner kronor för projektet {project} från {informal}. "
    "Pengarna ska användas under projektperioden.",
    "Med stöd från {fund} ({short}) startar {lead} projektet {project}. "
    "Den totala budgeten är {amount} kronor.",
    "Projektet {project} har beviljats {amount} kronor ur {fund}. "
    "Projektägare är {lead}.",
]
FACT_BOX = {
    "title": "{project}",
    "fields": [("Projektägare", "lead"), ("Partner", "partners"), ("Finansiär", "fund"), ("Budget", "budget")],
    "budget": "{amount} euro",
}
# Opening sentence by (lead known, partners listed); then bullets, then the financing sentence.
PARTNER_LIST = {
    "opening": {
        (True, True): "Projektet {project} leds av {lead}. Partner i projektet är:",
        (True, False): "Projektet {project} leds av {lead}.",
        (False, True): "Svenska partner i projektet {project} är:",
    },
    "bullets": ["- {}", "• {}"],
    "fund": "Projektet finansieras av {fund}.",
}


# Kinds of entity error by (the name is a piece of another, another is a piece of the name).
ERROR_KINDS = {
    "FP": {(True, False): "fragment of a truth name", (False, True): "run-on: holds a truth name and more",
           (False, False): "not in the truth at all"},
    "FN": {(True, False): "swallowed into a longer extracted name", (False, True): "cut short (a piece was extracted)",
           (False, False): "not found at all"},
}
# Names written "long name (ACR)", "ACR - long name", "ACR: long name" or "long name - ACR" have
# both parts as aliases, as the gold schema puts acronyms and short forms in aliases.
_ACR = r"(?=[^\s:]*[A-ZÅÄÖØ][^\s:]*[A-ZÅÄÖØ0-9])[^\s:]+"
ALIAS_PATTERNS = [re.compile(p) for p in (
    r"(?P<a>.+?)\s*\((?P<b>[^()]+)\)",
    rf"(?P<a>{_ACR})\s*(?: [-–]|:) (?P<b>.+)",
    rf"(?P<a>.+?) [-–] (?P<b>{_ACR})",
)]
# Programme areas that are names of a fund programme rather than places (a heading names them).
AREA_ENTITIES = {"Nationellt regionalfondsprogram": "FundingSource"}


@dataclass(frozen=True)
class Record:
    """One project fact as the sources state it; ``lead`` is empty when no Swedish lead partner."""

    project: str
    lead: str
    partners: tuple[str, ...]
    fund: dict
    amount: int
    area: str
    year: str


# ------------------------------------------------------------------ reading the sources
def _rows(path: Path) -> list[dict]:
    """The rows of a TSV, read with CSV quoting (a quoted cell with doubled quotes inside),
    every value with its runs of white space made single spaces (a report's row has no column gaps)."""
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: " ".join((v or "").split()) for k, v in row.items()}
                for row in csv.DictReader(f, delimiter="\t")]


def read_eruf(shared: Path) -> list[Record]:
    """ERUF projects: the beneficiary (stödmottagare) owns the project, the fund pays."""
    out = []
    for r in _rows(shared / ERUF_TSV):
        if r["stödmottagare"] and r["projektnamn"]:
            out.append(Record(r["projektnamn"], r["stödmottagare"], (), ERUF,
                              int(float(r["beviljat_belopp_sek"] or 0)), r["område"],
                              r["projekt_starttid"][:4]))
    return out


def read_interreg(shared: Path) -> list[Record]:
    """Interreg projects: Swedish lead partner (LP) and partners (PP), grouped per project."""
    groups: dict[tuple[str, str], dict] = defaultdict(lambda: {"LP": [], "PP": [], "budget": 0, "year": ""})
    for r in _rows(shared / INTERREG_TSV):
        g = groups[(r["program"], r["projektnamn"])]
        role, org = r["organisationsroll"], r["organisationsnamn"]
        if role in ("LP", "PP") and org and org not in g["LP"] + g["PP"]:
            g[role].append(org)
            g["budget"] += int(float(r["partnerbudget"] or 0))
        g["year"] = g["year"] or r["startdatum"][:4]
    out = []
    for (prog, project), g in sorted(groups.items()):
        if g["LP"] or g["PP"]:
            out.append(Record(project, g["LP"][0] if g["LP"] else "", tuple(g["LP"][1:] + g["PP"]),
                              PROGRAMMES[prog], g["budget"], prog, g["year"]))
    return out


def sample(records: list[Record], n: int, seed: int, prefer_lead: bool = False) -> list[Record]:
    """``n`` records, the same for the same seed; with ``prefer_lead`` half of them (if there are
    enough) have a lead partner, so the rare Swedish-led Interreg projects test ``leads``."""
    rng = random.Random(seed)
    if not prefer_lead:
        return rng.sample(records, min(n, len(records)))
    led = [r for r in records if r.lead]
    other = [r for r in records if not r.lead]
    k = min(len(led), (n + 1) // 2)
    picked = rng.sample(led, k) + rng.sample(other, min(n - k, len(other)))
    rng.shuffle(picked)
    return picked


# ------------------------------------------------------------------ rendering
def amount_text(n: int) -> str:
    """Swedish thousands: "3 929 285"."""
    return f"{n:,}".replace(",", " ")


GLUE = "\x00"  # a space that must not break a line (inside an amount)


def wrap_row(row: str, width: int) -> list[str]:
    """A table row broken at ``width`` as PDF text extraction breaks it; words joined by GLUE
    (the amount) stay one unbreakable unit, so the amount ends the row's last line whole."""
    lines = textwrap.wrap(row, width, break_long_words=False, break_on_hyphens=False)
    return [line.replace(GLUE, " ") for line in lines]


# the same table with the project first: "PROJEKTNAMN PROJEKTÄGARE BELOPP KR", rows "<project> <owner> <amount>"
GRANT_TABLE_PROJECT_FIRST = {**GRANT_TABLE, "header": "PROJEKTNAMN PROJEKTÄGARE BELOPP KR", "row": "{project} {lead} {amount}"}


def render_grant_table_project_first(records: list[Record]) -> str:
    """As :func:`render_grant_table`, the project's column first."""
    return render_grant_table(records, GRANT_TABLE_PROJECT_FIRST)


def render_grant_table(records: list[Record], t: dict | None = None) -> str:
    """One table per programme area: heading naming the fund, header row, rows, totals row."""
    t = t or GRANT_TABLE
    by_area: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        by_area[r.area].append(r)
    blocks = [t["intro"]]
    for area, recs in by_area.items():
        lines = [t["heading"].format(year=min(r.year for r in recs), fund=recs[0].fund["name"], area=area),
                 "", t["header"]]
        for r in recs:
            row = t["row"].format(lead=r.lead, project=r.project, amount=amount_text(r.amount).replace(" ", GLUE))
            lines += wrap_row(row, t["width"])
        lines.append(t["total"].format(n=len(recs), amount=amount_text(sum(r.amount for r in recs))))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def render_press_release(records: list[Record]) -> str:
    """One paragraph per record, the templates taken in turn."""
    paras = []
    for i, r in enumerate(records):
        millions = f"{r.amount / 1e6:.1f}".replace(".", ",")
        paras.append(PRESS_TEMPLATES[i % len(PRESS_TEMPLATES)].format(
            lead=r.lead, project=r.project, amount=amount_text(r.amount), millions=millions,
            fund=r.fund["name"], short=r.fund["short"], informal=r.fund["informal"]))
    return "\n\n".join(paras) + "\n"


def _field_value(r: Record, key: str) -> str:
    """A fact-box value; partners are separated by "; " when a name itself holds a comma."""
    if key == "partners":
        return ("; " if any("," in p for p in r.partners) else ", ").join(r.partners)
    if key == "budget":
        return FACT_BOX["budget"].format(amount=amount_text(r.amount)) if r.amount else ""
    return r.fund["name"] if key == "fund" else getattr(r, key)


def render_fact_box(records: list[Record]) -> str:
    """A box per project: its name as heading, then labelled lines (empty fields left out)."""
    boxes = []
    for r in records:
        lines = [FACT_BOX["title"].format(project=r.project)]
        for label, key in FACT_BOX["fields"]:
            value = _field_value(r, key)
            if value:
                lines.append(f"{label}: {value}")
        boxes.append("\n".join(lines))
    return "\n\n".join(boxes) + "\n"


def render_partner_list(records: list[Record]) -> str:
    """Opening sentence, a bullet per partner (bullet styles in turn), the financing sentence."""
    t = PARTNER_LIST
    blocks = []
    for i, r in enumerate(records):
        lines = [t["opening"][(bool(r.lead), bool(r.partners))].format(project=r.project, lead=r.lead)]
        bullet = t["bullets"][i % len(t["bullets"])]
        lines += [bullet.format(p) for p in r.partners]
        lines.append(t["fund"].format(fund=r.fund["name"]))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# layout -> (source of records, renderer, whether the text names the programme area)
LAYOUTS = {
    "grant_table": ("eruf", render_grant_table, True),
    "press_release": ("eruf", render_press_release, False),
    "fact_box": ("interreg", render_fact_box, False),
    "partner_list": ("interreg", render_partner_list, False),
    "grant_table_project_first": ("eruf", render_grant_table_project_first, True),  # last: the others' samples stay
}


# ------------------------------------------------------------------ truth
def name_aliases(name: str) -> list[str]:
    """The acronym and the long name of a name that writes both (ALIAS_PATTERNS)."""
    out = set()
    for pat in ALIAS_PATTERNS:
        m = pat.fullmatch(name)
        if m:
            out |= {m["a"].strip(), m["b"].strip()}
    return sorted(out - {name, ""})


def truth(records: list[Record], names_area: bool = False) -> dict:
    """Gold-schema entities and relations stated by rendered ``records`` (every layout states
    lead, partners and fund of each record it renders; ``names_area``: the layout also writes
    the programme area, which is an entity when AREA_ENTITIES says so)."""
    ents = [{"name": r.area, "type": AREA_ENTITIES[r.area], "aliases": []}
            for r in records if names_area and r.area in AREA_ENTITIES]
    rels = []
    for r in records:
        f = r.fund
        ents.append({"name": f["name"], "type": "FundingSource",
                     "aliases": sorted({f["short"], f["informal"]} - {f["name"]})})
        ents.append({"name": r.project, "type": "Project", "aliases": name_aliases(r.project)})
        rels.append({"s": r.project, "p": "fundedBy", "o": f["name"]})
        if r.lead:
            rels.append({"s": r.lead, "p": "leads", "o": r.project})
        for org in ([r.lead] if r.lead else []) + list(r.partners):
            ents.append({"name": org, "type": "Organisation", "aliases": name_aliases(org)})
            rels.append({"s": org, "p": "participatesIn", "o": r.project})
    return {"entities": ents, "relations": rels}


def build_documents(shared: Path, per_layout: int, per_doc: int, seed: int) -> list[dict]:
    """Every layout's documents: name, layout, rendered text and truth."""
    sources = {"eruf": read_eruf(shared), "interreg": read_interreg(shared)}
    docs = []
    for li, (layout, (src, render, names_area)) in enumerate(LAYOUTS.items()):
        recs = sample(sources[src], per_layout, seed * 100 + li, prefer_lead=src == "interreg")
        for k in range(0, len(recs), per_doc):
            chunk = recs[k:k + per_doc]
            docs.append({"name": f"{layout}_{k // per_doc:03d}.txt", "layout": layout,
                         "text": render(chunk), "truth": truth(chunk, names_area), "records": len(chunk)})
    return docs


# ------------------------------------------------------------------ extraction and scoring
def extract(docs: list[dict], jobs: int, ner: str) -> dict[str, dict]:
    """The real extractor (as ``kg extract --format json``) on the rendered texts, by name."""
    from extractors.extract import extract_many
    from extractors.pipeline import build_nlp
    from kg.build import NER_MODES

    nlp = build_nlp(*NER_MODES[ner])
    results = extract_many(nlp, ((d["text"], d["name"]) for d in docs), jobs=jobs)
    return {r.source: r.to_json() for r in results}


def load_truth(docs: list[dict]) -> dict[str, dict]:
    """The truth merged exactly as kg.evaluate merges gold files (written to a temporary folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            Path(tmp, d["name"] + ".json").write_text(
                json.dumps({"doc": d["name"], **d["truth"]}, ensure_ascii=False), encoding="utf-8")
        return load_gold(Path(tmp))


def entity_counts(gents: list[dict], pents: list[dict]) -> tuple[list[int], list[tuple[str, str]]]:
    """[tp, fp, fn] of entities whatever their type (a second match of one truth entity is a
    false positive), with the errors as (FP|FN, name)."""
    matched: set[int] = set()
    tp, errors = 0, []
    for e in pents:
        i = _find(gents, [e["name"], *e.get("aliases", [])])
        if i is not None and i not in matched:
            matched.add(i)
            tp += 1
        else:
            errors.append(("FP", e["name"] + (" (duplicate)" if i is not None else "")))
    errors += [("FN", g["canon"]) for i, g in enumerate(gents) if i not in matched]
    return [tp, len(pents) - tp, len(gents) - len(matched)], errors


def classify(kind: str, name: str, gents: list[dict], pnames: list[str]) -> str:
    """A coarse kind of entity error, for the --errors summary. A false positive is a piece
    of a truth name, a run-on holding one, or unrelated; a miss was cut short (a piece of it
    was extracted), swallowed into a longer extracted name, or not seen at all."""
    if name.endswith("(duplicate)"):
        return "FP duplicate of a matched entity"
    k = norm(name)
    others = {x for g in gents for x in g["keys"]} if kind == "FP" else {norm(p) for p in pnames}
    inside = any(k in o for o in others if k != o)  # the name is a piece of another
    holds = any(o in k for o in others if o != k and len(o) > 3)  # another is a piece of the name
    label = ERROR_KINDS[kind][(inside, holds) if not (inside and holds) else (True, False)]
    return f"{kind} {label}"


def score_layouts(docs: list[dict], preds: dict[str, dict]) -> dict[str, dict]:
    """Counts per layout: entities and the three relation kinds, with their errors."""
    gold = load_truth(docs)
    out: dict[str, dict] = {}
    for d in docs:
        lay = out.setdefault(d["layout"], {"docs": 0, "records": 0, "entities": [0, 0, 0],
                                           **{k: [0, 0, 0] for k in KINDS}, "errors": []})
        pdoc, gents = preds[d["name"]], gold[d["name"]]["entities"]
        counts, errs = entity_counts(gents, pdoc["entities"])
        pnames = [n for e in pdoc["entities"] for n in [e["name"], *e.get("aliases", [])]]
        lay["errors"] += [(classify(kind, n, gents, pnames), f"{kind} entity   {n}") for kind, n in errs]
        sc = score(gold, {"documents": [pdoc]})
        lay["errors"] += relation_errors(sc.errors, gents, pnames)
        for k in KINDS:
            lay[k] = [a + b for a, b in zip(lay[k], sc.relations[k])]
        lay["entities"] = [a + b for a, b in zip(lay["entities"], counts)]
        lay["docs"] += 1
        lay["records"] += d["records"]
    return out


def relation_errors(errors: list, gents: list[dict], pnames: list[str]) -> list[tuple[str, str]]:
    """(kind of error, line) for the relation errors of the three kinds: a missed relation
    whose ends were both extracted is a relation-rule miss; otherwise an entity miss."""
    found = keys(pnames)
    out = []
    for _, kind, what, text in errors:
        pred = next((p for p in KINDS if f" {p} " in text), "")
        if what != "relation" or not pred:
            continue
        s, o = text.split(f" {pred} ", 1)
        if kind == "FN":
            ends = [n for n, x in (("subject", s), ("object", o)) if not _extracted(gents, x, found)]
            why = f"{' and '.join(ends)} not extracted" if ends else "both ends extracted, relation missed"
        else:
            ends = [n for n, x in (("subject", s), ("object", o)) if _find(gents, [x]) is None]
            why = f"{' and '.join(ends)} not a truth name" if ends else "wrong pair of truth names"
        out.append((f"{kind} {pred}: {why}", f"{kind} relation {text}"))
    return out


def _extracted(gents: list[dict], name: str, found: set[str]) -> bool:
    """Whether the truth entity called ``name`` was extracted under any of its names."""
    i = _find(gents, [name])
    return i is not None and bool(gents[i]["keys"] & found)


# ------------------------------------------------------------------ reporting
def figures(counts: list[int]) -> dict:
    """P/R/F1 rounded, with the counts behind them."""
    p, r, f = prf(*counts)
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": counts[0], "fp": counts[1], "fn": counts[2]}


def summary(scored: dict[str, dict]) -> dict:
    """The JSON figures: per layout, entities and each relation kind."""
    return {lay: {"docs": s["docs"], "records": s["records"], "entities": figures(s["entities"]),
                  **{k: figures(s[k]) for k in KINDS}}
            for lay, s in scored.items()}


def table(summ: dict) -> str:
    """One line per layout: entity P/R/F1, then P/R/F1 and tp/fp/fn of each relation kind."""
    head = f"{'layout':14} {'recs':>4} | {'entities P/R/F1':>17} {'tp/fp/fn':>12}"
    head += "".join(f" | {k + ' P/R/F1':>22} {'tp/fp/fn':>11}" for k in KINDS)
    lines = [head, "-" * len(head)]
    for lay, s in summ.items():
        row = f"{lay:14} {s['records']:4} |"
        for k in ("entities", *KINDS):
            f = s[k]
            width = 17 if k == "entities" else 22
            row += f" {f['p']:.2f}/{f['r']:.2f}/{f['f1']:.2f}".rjust(width + 1)
            row += f" {f['tp']}/{f['fp']}/{f['fn']}".rjust(13 if k == "entities" else 12) + " |"
        lines.append(row.rstrip(" |"))
    return "\n".join(lines)


def error_report(scored: dict[str, dict], per_kind: int, seed: int) -> str:
    """Per layout, the kinds of error by frequency, each with a few examples (fixed sample)."""
    out = []
    for lay, s in scored.items():
        out.append(f"\n== {lay}: {len(s['errors'])} errors")
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, line in s["errors"]:
            by_kind[kind].append(line)
        for kind, n in Counter(k for k, _ in s["errors"]).most_common():
            out.append(f"  {n:4}  {kind}")
            examples = random.Random(seed).sample(by_kind[kind], min(per_kind, n))
            out.extend(f"          {e}" for e in examples)
    return "\n".join(out)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The options; --help is the user's documentation, so every option says what it changes."""
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] + " Renders real ERUF and Interreg facts from "
        "SHARED/realdata into four report layouts, runs the extractor and prints precision/recall "
        "per layout.", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared folder holding realdata/")
    ap.add_argument("--seed", type=int, default=0, help="sampling seed (same seed, same documents)")
    ap.add_argument("--per-layout", type=int, default=120, help="records rendered per layout")
    ap.add_argument("--per-doc", type=int, default=30, help="records per rendered document")
    ap.add_argument("--jobs", type=int, default=1, help="extraction worker processes")
    ap.add_argument("--ner", choices=["both", "rules", "model"], default="both", help="as kg extract --ner")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON to FILE")
    ap.add_argument("--errors", action="store_true",
                    help="print the kinds of misses and false positives per layout, with examples")
    ap.add_argument("--examples", type=int, default=4, help="examples per kind of error with --errors")
    ap.add_argument("--show", metavar="LAYOUT", choices=list(LAYOUTS),
                    help="print the first rendered document of LAYOUT and exit (nothing is written)")
    return ap.parse_args(argv)


def run(shared: Path, per_layout: int = 120, per_doc: int = 30, seed: int = 0, jobs: int = 1,
        ner: str = "both") -> dict[str, dict]:
    """Render, extract and score; the scored counts and errors per layout."""
    docs = build_documents(shared, per_layout, per_doc, seed)
    return score_layouts(docs, extract(docs, jobs, ner))


def main(argv: list[str] | None = None) -> int:
    """Command line entry: 0 on success, 1 when the real data is missing."""
    a = parse_args(argv)
    if not (a.shared / ERUF_TSV).is_file() or not (a.shared / INTERREG_TSV).is_file():
        print(f"distant_check: the real data is not in {a.shared}/realdata (see --shared)", file=sys.stderr)
        return 1
    if a.show:
        doc = next(d for d in build_documents(a.shared, a.per_layout, a.per_doc, a.seed) if d["layout"] == a.show)
        print(doc["text"])
        return 0
    t0 = time.perf_counter()
    scored = run(a.shared, a.per_layout, a.per_doc, a.seed, a.jobs, a.ner)
    summ = summary(scored)
    print(table(summ))
    print(f"\n{sum(s['docs'] for s in summ.values())} documents, seed {a.seed}, ner {a.ner}, "
          f"{time.perf_counter() - t0:.1f} s")
    if a.errors:
        print(error_report(scored, a.examples, a.seed))
    if a.json:
        a.json.write_text(json.dumps(summ, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
