"""Score extraction against gold annotations (``kg evaluate``).

Same matching rules as the project's reference scorer, so users with their own
annotated reports can measure the tool: gold files of one document are merged
(entities of one type whose normalised names/aliases overlap are one entity); a
predicted entity is a true positive when one of its names or aliases matches an
unmatched gold entity of the same type (a second match of the same gold entity
is a false positive); relations match on (subject, predicate, object) after
mapping names to gold entities, ``collaboratesWith`` in either direction.
Gold schema: one JSON file per annotated slice with ``doc``, ``entities``
(``name``, ``type``, ``aliases``) and ``relations`` (``s``, ``p``, ``o``).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from extractors import PREDICATES, TYPES

from .errors import KgError

SYMMETRIC = {"collaboratesWith"}


def norm(s: str) -> str:
    """Normalised name: NFC, no soft hyphens/quotes/brackets, one dash form, casefolded."""
    s = unicodedata.normalize("NFC", s).replace("\u00ad", "")
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = re.sub(r"[\"'”“’»«()\[\]]", " ", s)
    s = re.sub(r"\s*-\s+", "-", s)
    s = re.sub(r"\s+", " ", s).strip(" .,:;").lower()
    return s


def keys(names) -> set[str]:
    """Match keys of a list of names: each normalised, plus its form without a genitive -s."""
    out = set()
    for n in names:
        k = norm(n)
        if not k:
            continue
        out.add(k)
        if k.endswith("s") and len(k) > 3:
            out.add(k[:-1])
    return out


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Gold per document file name: merged entities (type, keys, canonical) and relations."""
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise KgError(f"no gold *.json files in {gold_dir}")
    docs: dict[str, dict] = defaultdict(lambda: {"entities": [], "relations": [], "ranges": []})
    for f in files:
        try:
            g = json.loads(f.read_text(encoding="utf-8"))
            d = docs[g["doc"]]
            d["entities"].extend(g.get("entities", []))
            d["relations"].extend(g.get("relations", []))
            if g.get("lines"):
                d["ranges"].append(tuple(g["lines"]))
        except (ValueError, KeyError, TypeError) as e:
            raise KgError(f"{f}: not a gold annotation file ({e})") from None
    merged = {}
    for doc, d in docs.items():
        ents: list[dict] = []
        for e in d["entities"]:
            ks = keys([e["name"], *e.get("aliases", [])])
            for m in ents:
                if m["type"] == e["type"] and m["keys"] & ks:
                    m["keys"] |= ks
                    break
            else:
                ents.append({"type": e["type"], "keys": ks, "canon": e["name"]})
        merged[doc] = {"entities": ents, "relations": d["relations"], "ranges": d["ranges"]}
    return merged


def annotations_as_predictions(folder: Path) -> dict:
    """Annotation files (the gold schema) as a ``kg extract`` prediction, to score one annotator
    against another: each entity's lines become its mentions, slices of one document are joined."""
    docs: dict[str, dict] = defaultdict(lambda: {"entities": [], "relations": []})
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise KgError(f"no annotation *.json files in {folder}")
    for f in files:
        try:
            g = json.loads(f.read_text(encoding="utf-8"))
            d = docs[g["doc"]]
            d["entities"] += [{"name": e["name"], "type": e["type"], "aliases": e.get("aliases", []),
                               "mentions": [{"line": n, "text": e["name"]} for n in e.get("lines", [])]}
                              for e in g.get("entities", [])]
            d["relations"] += [dict(r) for r in g.get("relations", [])]
        except (ValueError, KeyError, TypeError) as e:
            raise KgError(f"{f}: not an annotation file ({e})") from None
    return {"documents": [{"source": doc, **d} for doc, d in sorted(docs.items())]}


def in_slices(pdoc: dict, ranges: list[tuple[int, int]]) -> dict:
    """The part of a predicted document that falls in the annotated line ranges (a gold file may
    annotate a slice of a long document): entities mentioned there, relations stated there."""
    if not ranges:
        return pdoc

    def inside(line) -> bool:
        return line is None or any(a <= line <= b for a, b in ranges)

    ents = [e for e in pdoc.get("entities", [])
            if not e.get("mentions") or any(inside(m.get("line")) for m in e["mentions"])]
    rels = [r for r in pdoc.get("relations", []) if inside(r.get("line"))]
    return {**pdoc, "entities": ents, "relations": rels}


def _find(ents: list[dict], names, etype: str | None = None) -> int | None:
    ks = keys(names)
    for i, e in enumerate(ents):
        if (etype is None or e["type"] == etype) and e["keys"] & ks:
            return i
    return None


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Scores:
    """Counts [tp, fp, fn] per entity type and per predicate, with the errors behind them."""

    entities: dict[str, list[int]] = field(default_factory=lambda: {t: [0, 0, 0] for t in TYPES})
    relations: dict[str, list[int]] = field(default_factory=lambda: {p: [0, 0, 0] for p in PREDICATES})
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # (doc, FP|FN, kind, text)
    documents: list[str] = field(default_factory=list)

    @staticmethod
    def micro(counts: dict[str, list[int]]) -> tuple[float, float, float]:
        tot = [sum(c[i] for c in counts.values()) for i in range(3)]
        return prf(*tot)

    def to_json(self) -> dict:
        def block(counts):
            out = {k: dict(zip(("p", "r", "f1"), map(lambda x: round(x, 4), prf(*c))), tp=c[0], fp=c[1], fn=c[2])
                   for k, c in counts.items()}
            out["micro"] = dict(zip(("p", "r", "f1"), map(lambda x: round(x, 4), self.micro(counts))))
            return out
        return {"documents": self.documents, "entities": block(self.entities), "relations": block(self.relations)}


def score(gold: dict[str, dict], predictions: dict) -> Scores:
    """Score ``predictions`` (the ``kg extract --format json`` contract) against ``gold``."""
    sc = Scores()
    for pdoc in predictions.get("documents", []):
        name = Path(pdoc["source"]).name
        if name not in gold:
            continue
        sc.documents.append(name)
        pdoc = in_slices(pdoc, gold[name].get("ranges", []))
        gents = gold[name]["entities"]
        matched: set[int] = set()
        alias_of: dict[str, int] = {}
        for e in pdoc.get("entities", []):
            t = e.get("type")
            if t not in sc.entities:
                continue
            i = _find(gents, [e["name"], *e.get("aliases", [])], t)
            if i is not None and i not in matched:
                matched.add(i)
                sc.entities[t][0] += 1
                alias_of[norm(e["name"])] = i
            else:
                sc.entities[t][1] += 1
                if i is not None:
                    alias_of[norm(e["name"])] = i
                sc.errors.append((name, "FP", t, e["name"] + (" (duplicate)" if i is not None else "")))
        for i, ge in enumerate(gents):
            if i not in matched and ge["type"] in sc.entities:
                sc.entities[ge["type"]][2] += 1
                sc.errors.append((name, "FN", ge["type"], ge["canon"]))

        def gid(n: str) -> int | None:
            i = alias_of.get(norm(n))
            return i if i is not None else _find(gents, [n])

        gold_rel = set()
        for r in gold[name]["relations"]:
            s, o = _find(gents, [r["s"]]), _find(gents, [r["o"]])
            if s is None or o is None or r["p"] not in sc.relations:
                continue
            if r["p"] in SYMMETRIC:
                s, o = sorted((s, o))
            gold_rel.add((s, r["p"], o))
        pred_rel = set()
        for r in pdoc.get("relations", []):
            if r.get("p") not in sc.relations:
                continue
            s, o = gid(r["s"]), gid(r["o"])
            if s is None or o is None:
                key = (r["s"], r["p"], r["o"])
            else:
                if r["p"] in SYMMETRIC:
                    s, o = sorted((s, o))
                key = (s, r["p"], o)
            pred_rel.add(key)

        def show(k):
            s, p, o = k
            s = gents[s]["canon"] if isinstance(s, int) else s
            o = gents[o]["canon"] if isinstance(o, int) else o
            return f"{s} {p} {o}"

        for k in sorted(pred_rel, key=str):
            if k in gold_rel:
                sc.relations[k[1]][0] += 1
            else:
                sc.relations[k[1]][1] += 1
                sc.errors.append((name, "FP", "relation", show(k)))
        for k in sorted(gold_rel - pred_rel, key=str):
            sc.relations[k[1]][2] += 1
            sc.errors.append((name, "FN", "relation", show(k)))
    return sc


def table(title: str, counts: dict[str, list[int]]) -> str:
    lines = [f"{title:16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    tot = [0, 0, 0]
    for k, (tp, fp, fn) in counts.items():
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        p, r, f = prf(tp, fp, fn)
        lines.append(f"{k:16} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5} {fp:5} {fn:5}")
    p, r, f = prf(*tot)
    lines.append(f"{'micro':16} {p:6.3f} {r:6.3f} {f:6.3f} {tot[0]:5} {tot[1]:5} {tot[2]:5}")
    return "\n".join(lines)


def report(sc: Scores, errors: bool = False) -> str:
    """The printed report: per-type and per-predicate tables, optional error list, summary line."""
    out = [table("entities", sc.entities), table("relations", sc.relations)]
    if errors:
        out.append("errors:")
        out.extend(f"  {doc}  {kind} {what:13} {text}" for doc, kind, what, text in
                   sorted(sc.errors, key=lambda e: (e[0], e[2] == "relation", e[2], e[1], e[3])))
    out.append(f"entity_f1={Scores.micro(sc.entities)[2]:.3f} relation_f1={Scores.micro(sc.relations)[2]:.3f}")
    return "\n".join(out)
