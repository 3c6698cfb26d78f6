"""Query at scale: the persisted Oxigraph store against rdflib's memory store, on graphs of our shape.

For each size (default 100 k and 1 M triples) it generates a graph shaped like a kg build (entities
with labels, aliases and mentions; stated relations, each with an evidence node; co-participation
nodes; documents of several years), then measures in one run, each part in its own process so that
peak memory is its own:

* load: rdflib ``Graph.parse`` of the Turtle vs Oxigraph bulk load into an on-disk store (what
  `kg build` writes);
* the named questions (kg/questions/*.rq, values bound as `kg ask` binds them): rdflib's memory store,
  raw pyoxigraph on the built store, and the façade (``KnowledgeGraph.ask``), medians;
* `kg ask` from a cold process, vs the old way (`kg query` on graph.ttl: parse it, then ask);
* with ``--copies N`` (needs ../shared/corpus): `kg build` of N copies of the real reports, the share of
  its time spent after extraction.

Prints a Markdown table of times and ratios. Usage::

    python bench/bench_query.py                       # 100k and 1M (about 5 minutes)
    python bench/bench_query.py --sizes 100000 --copies 16
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.questions import get_question, questions  # noqa: E402
from kg.sparql_guard import bind_values  # noqa: E402
from kg.vocab import BASE, PREFIXES  # noqa: E402

KG, ID, DOC, EV, MEN, DER = (BASE + s for s in ("ontology#", "id/", "doc/", "evidence/", "mention/", "derived/"))
RDF, RDFS, SKOS, PROV, XSD, DCT = (PREFIXES[k] for k in ("rdf", "rdfs", "skos", "prov", "xsd", "dcterms"))
YEARS = list(range(2019, 2026))


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def lit(value, lang: str | None = None, dt: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    return ox.Literal(str(value), datatype=n(dt) if dt else None)


def generate(target: int, seed: int = 0):
    """Triples of a kg-shaped graph of about ``target`` triples, and example parameter values."""
    rnd = random.Random(seed)
    entities = max(40, target // 44)  # a real build has about 44 triples per entity
    docs = [f"d{i:04d}" for i in range(max(4, target // 10000))]
    triples: list[ox.Triple] = []
    add = triples.append
    T = n(RDF + "type")
    for i, d in enumerate(docs):
        add(ox.Triple(n(DOC + d), T, n(KG + "Document")))
        add(ox.Triple(n(DOC + d), n(RDFS + "label"), lit(f"rapport_{d}.txt")))
        add(ox.Triple(n(DOC + d), n(DCT + "title"), lit(f"Rapport {d}")))
        add(ox.Triple(n(DOC + d), n(KG + "year"), lit(YEARS[i % len(YEARS)], dt=XSD + "gYear")))
    kinds = ["Organisation"] * 46 + ["Project"] * 39 + ["Strategy"] * 11 + ["FundingSource"] * 4
    by_type: dict[str, list[tuple[str, str]]] = {k: [] for k in set(kinds)}
    for e in range(entities):
        kind = kinds[e % 100]
        iri, name = f"{ID}{kind.lower()}/e{e}", f"{kind} nummer {e}"
        by_type[kind].append((iri, name))
        add(ox.Triple(n(iri), T, n(KG + kind)))
        add(ox.Triple(n(iri), n(RDFS + "label"), lit(name, "sv")))
        if rnd.random() < 0.57:
            add(ox.Triple(n(iri), n(SKOS + "altLabel"), lit(f"E{e}", "sv")))
        for d in {rnd.choice(docs) for _ in range(rnd.choice((1, 1, 1, 2)))}:
            add(ox.Triple(n(iri), n(KG + "mentionedIn"), n(DOC + d)))
            for m in range(rnd.choice((2, 3, 4, 5, 6))):
                men = n(f"{MEN}{e}-{d}-{m}")
                for p, o in ((T, n(KG + "Mention")), (n(KG + "refersTo"), n(iri)), (n(PROV + "wasDerivedFrom"), n(DOC + d)),
                             (n(KG + "line"), lit(rnd.randint(1, 3000), dt=XSD + "integer")),
                             (n(KG + "text"), lit(name)), (n(KG + "extractor"), lit("rule:gaz"))):
                    add(ox.Triple(men, p, o))
    orgs, projects = by_type["Organisation"], by_type["Project"]
    hubs = orgs[: max(5, len(orgs) // 50)]  # a few organisations take part in many projects
    members: dict[str, set[str]] = {}
    ev_count = 0

    def state(s: str, p: str, o: str) -> None:
        nonlocal ev_count
        add(ox.Triple(n(s), n(KG + p), n(o)))
        for d in {rnd.choice(docs) for _ in range(rnd.choice((1, 1, 2)))}:
            ev = n(f"{EV}{ev_count}")
            ev_count += 1
            for pp, oo in ((T, n(KG + "Evidence")), (n(RDF + "subject"), n(s)), (n(RDF + "predicate"), n(KG + p)),
                           (n(RDF + "object"), n(o)), (n(PROV + "wasDerivedFrom"), n(DOC + d)),
                           (n(KG + "line"), lit(rnd.randint(1, 3000), dt=XSD + "integer")),
                           (n(KG + "quote"), lit(f"En mening om {s.rsplit('/', 1)[1]} och {o.rsplit('/', 1)[1]}.")),
                           (n(KG + "extractor"), lit("trigger:leda")), (n(KG + "confidence"), lit("0.850", dt=XSD + "decimal"))):
                add(ox.Triple(ev, pp, oo))

    implementing: list[str] = []
    for p_iri, _ in projects:
        lead = rnd.choice(hubs if rnd.random() < 0.3 else orgs)[0]
        state(lead, "leads", p_iri)
        members[p_iri] = {lead}
        for _ in range(rnd.choice((0, 1, 1, 2, 3))):
            o = rnd.choice(hubs if rnd.random() < 0.4 else orgs)[0]
            if o not in members[p_iri]:
                state(o, "participatesIn", p_iri)
                members[p_iri].add(o)
        if rnd.random() < 0.2:
            state(p_iri, "fundedBy", rnd.choice(by_type["FundingSource"][:5])[0])
        if rnd.random() < 0.1:
            state(p_iri, "implements", rnd.choice(by_type["Strategy"])[0])
            implementing.append(p_iri)
    for s_iri, _ in by_type["Strategy"]:
        state(rnd.choice(orgs)[0], "responsibleFor", s_iri)
    for k in range(len(orgs) // 8):
        state(orgs[k][0], "collaboratesWith", rnd.choice(orgs)[0])
    pairs: dict[tuple[str, str], set[str]] = {}
    for p_iri, ms in members.items():
        ms = sorted(ms)
        for a in range(len(ms)):
            for b in range(a + 1, len(ms)):
                pairs.setdefault((ms[a], ms[b]), set()).add(p_iri)
    for c, ((a, b), ps) in enumerate(sorted(pairs.items())):
        cp = n(f"{DER}{c}")
        add(ox.Triple(cp, T, n(KG + "CoParticipation")))
        add(ox.Triple(cp, n(KG + "actor"), n(a)))
        add(ox.Triple(cp, n(KG + "actor"), n(b)))
        add(ox.Triple(cp, n(KG + "weight"), lit(len(ps), dt=XSD + "integer")))
        for p in sorted(ps):
            add(ox.Triple(cp, n(KG + "viaProject"), n(p)))
    hub = hubs[0][0]
    hub_label = next(name for iri, name in orgs if iri == hub)
    project = next(p for p in projects if len(members[p[0]]) >= 3)
    params = {
        "participants": {"project": f"E{project[0].rsplit('e', 1)[1]}"},  # an alias, as users type them
        "projects": {"organisation": hub_label},
        "funded": {"fund": by_type["FundingSource"][0][1]},
        "strategies": {"project": next(name for iri, name in projects if iri == implementing[0])},
        "responsible": {"strategy": by_type["Strategy"][0][1]},
        "collaborators": {"organisation": hub_label},
        "evidence": {"subject": hub_label},
        "changes": {"from": "2023", "to": "2024"},
    }
    alias_ok = any(t.subject.value == project[0] and t.predicate.value == SKOS + "altLabel" for t in triples)
    if not alias_ok:
        params["participants"] = {"project": project[1]}
    return triples, params


def bound_query(name: str, values: dict) -> str:
    q = get_question(name)
    return bind_values(q.sparql, q.bind(values))


def med(times: list[float]) -> float:
    return statistics.median(times)


# ---------------------------------------------------------------- workers (each in its own process)

def worker_rdflib(ttl: str, params_file: str, per_question: float) -> dict:
    """Parse the Turtle into rdflib's memory store once, then each question in a forked child, killed after
    ``per_question`` seconds (rdflib cannot be stopped from inside either)."""
    import os
    import signal

    from rdflib import Graph

    t = time.perf_counter()
    g = Graph().parse(ttl, format="turtle")
    out = {"load": time.perf_counter() - t, "questions": {}}
    params = json.loads(Path(params_file).read_text())
    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    for name, values in params.items():
        text = prologue + bound_query(name, values)
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child answers and reports (seconds, rows)
            os.close(read)
            t = time.perf_counter()
            rows = len(list(g.query(text)))
            os.write(write, json.dumps([time.perf_counter() - t, rows]).encode())
            os._exit(0)
        os.close(write)
        deadline = time.perf_counter() + per_question
        while time.perf_counter() < deadline and os.waitpid(pid, os.WNOHANG) == (0, 0):
            time.sleep(0.05)
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        data = os.read(read, 1000)
        os.close(read)
        out["questions"][name] = json.loads(data) if data else None  # None: over the time limit
    return out


def worker_oxload(ttl: str, store_dir: str) -> dict:
    from kg.triplestore import store_from_rdf

    t = time.perf_counter()
    store_from_rdf(store_dir, Path(ttl))
    return {"load": time.perf_counter() - t}


def worker_oxquery(store_dir: str, params_file: str, reps: int) -> dict:
    from kg import KnowledgeGraph
    from kg.triplestore import WITH_ONTOLOGY

    params = json.loads(Path(params_file).read_text())
    raw_store = ox.Store.read_only(store_dir)
    g = KnowledgeGraph.open(Path(store_dir).parent, timeout=600)
    out = {}
    for name, values in params.items():
        text = bound_query(name, values)
        g.ask(name, **values)  # warm: the first run of each question pays for reading its part of the store
        raw, facade = [], []
        for _ in range(reps):  # alternate, so that neither gets the warmer caches
            t = time.perf_counter()
            result = raw_store.query(text, prefixes=PREFIXES, default_graph=WITH_ONTOLOGY)
            cols = [v.value for v in result.variables]
            rows = [[s[c] for c in cols] for s in result]
            raw.append(time.perf_counter() - t)
            t = time.perf_counter()
            res = g.ask(name, **values)
            facade.append(time.perf_counter() - t)
        assert len(res) == len(rows), (name, len(res), len(rows))
        out[name] = {"raw": med(raw), "facade": med(facade), "rows": len(rows)}
    return out


def child_run(args: list[str], timeout: float | None = None) -> tuple[dict | None, float, float]:
    """(JSON printed by a worker, wall seconds, its peak RSS in MB) of ``python bench_query.py --worker ...``."""
    t = time.perf_counter()
    try:
        r = subprocess.run([sys.executable, __file__, "--worker", *args], capture_output=True, text=True,
                           timeout=timeout)
        data = json.loads(r.stdout) if r.returncode == 0 else None
        if r.returncode != 0:
            print(r.stderr[-2000:], file=sys.stderr)
    except subprocess.TimeoutExpired:
        data = None
    wall = time.perf_counter() - t
    return data, wall, (data.pop("_peak_mb") if data else float("nan"))


def peak_rss(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of a command, measured by a fresh Python parent (its own RUSAGE_CHILDREN)."""
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "r=subprocess.run(sys.argv[1:],capture_output=True);w=time.perf_counter()-t;"
            "assert r.returncode==0,r.stderr;"
            "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True).stdout
    wall, mb = out.split()
    return float(wall), float(mb)


# ---------------------------------------------------------------- one size

def bench_size(size: int, reps: int, rdflib_limit: float) -> list[str]:
    kg_exe = str(Path(sys.executable).parent / "kg")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        triples, params = generate(size)
        ttl = tmp / "graph.ttl"
        ox.serialize(triples, str(ttl), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        n_triples = len(triples)
        del triples
        params_file = tmp / "params.json"
        params_file.write_text(json.dumps(params))
        build = tmp / "build"
        build.mkdir()
        ox_load, _, ox_mb = child_run(["oxload", str(ttl), str(build / "store")])
        rdf, rdf_wall, rdf_mb = child_run(["rdflib", str(ttl), str(params_file), str(rdflib_limit)])
        oxq, _, oxq_mb = child_run(["oxquery", str(build / "store"), str(params_file), str(reps)])
        name, values = "participants", params["participants"]
        cmd_ask = [kg_exe, "ask", name, *[x for k, v in values.items() for x in ("-p", f"{k}={v}")], "--graph", str(build)]
        cold = [peak_rss(cmd_ask) for _ in range(reps)]
        old_q = [kg_exe, "query", "--timeout", "0", "--graph", str(ttl), bound_query(name, values)]
        old = peak_rss(old_q)
    lines = [f"### {n_triples:,} triples", "",
             "| measure | rdflib memory store | kg (Oxigraph store) | ratio |", "|---|---:|---:|---:|"]
    rl = rdf["load"] if rdf else float("nan")
    lines.append(f"| load the graph | {rl:.2f} s, {rdf_mb:.0f} MB peak | {ox_load['load']:.2f} s, {ox_mb:.0f} MB peak "
                 f"| {rl / ox_load['load']:.1f}x |")
    lines += ["", "| named question (rows) | rdflib | raw pyoxigraph | façade | rdflib / façade | façade / raw |",
              "|---|---:|---:|---:|---:|---:|"]
    for q in params:
        r = (rdf or {}).get("questions", {}).get(q)
        o = oxq[q]
        rs = f"{r[0] * 1000:.0f} ms" if r else f"> {rdflib_limit:.0f} s (stopped)"
        ratio = f"{r[0] / o['facade']:.0f}x" if r else f"> {rdflib_limit / o['facade']:.0f}x"
        lines.append(f"| {q} ({o['rows']}) | {rs} | {o['raw'] * 1000:.1f} ms | {o['facade'] * 1000:.1f} ms | {ratio} "
                     f"| {o['facade'] / o['raw']:.2f} |")
    cold_wall = med([c[0] for c in cold])
    cold_mb = max(c[1] for c in cold)
    lines += ["", f"- `kg ask {name}` from a cold process: {cold_wall:.2f} s (median of {reps}), {cold_mb:.0f} MB peak; "
              f"the old way (`kg query` parsing graph.ttl first): {old[0]:.2f} s, {old[1]:.0f} MB peak "
              f"({old[0] / cold_wall:.0f}x slower)",
              f"- peak memory: Oxigraph load {ox_mb:.0f} MB, questions {oxq_mb:.0f} MB; rdflib {rdf_mb:.0f} MB", ""]
    return lines


def bench_build(copies: int) -> list[str]:
    """`kg build` of ``copies`` copies of ../shared/corpus: time before/after extraction."""
    from kg import build as build_mod

    corpus = REPO.parent / "shared" / "corpus"
    files = sorted(corpus.glob("*.txt"))
    if not files:
        return ["(no ../shared/corpus: build benchmark skipped)"]
    spans: dict[str, float] = {}
    real_extract = build_mod.extract_documents

    def timed_extract(*a, **k):
        t = time.perf_counter()
        try:
            return real_extract(*a, **k)
        finally:
            spans["extract"] = time.perf_counter() - t

    build_mod.extract_documents = timed_extract
    with tempfile.TemporaryDirectory(prefix="kg-bench-build-") as tmp:
        tmp = Path(tmp)
        for c in range(copies):
            for f in files:  # each copy differs by its last line, so none is skipped as a duplicate
                (tmp / "in").mkdir(exist_ok=True)
                (tmp / "in" / f"{c:02d}_{f.name}").write_text(f.read_text(encoding="utf-8") + f"\nKopia {c}.\n",
                                                              encoding="utf-8")
        t = time.perf_counter()
        manifest = build_mod.build([tmp / "in"], tmp / "out")
        total = time.perf_counter() - t
    after = total - spans["extract"]
    return [f"### kg build of {copies} copies of the corpus ({manifest['triples']:,} triples)", "",
            f"- total {total:.1f} s, extraction {spans['extract']:.1f} s, after extraction {after:.1f} s "
            f"= {100 * after / total:.0f} % of the build", ""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    ap.add_argument("--reps", type=int, default=15, help="repetitions (medians) of the Oxigraph measures")
    ap.add_argument("--rdflib-limit", type=float, default=60, help="seconds an rdflib question may take")
    ap.add_argument("--copies", type=int, default=0, help="also time `kg build` of N copies of ../shared/corpus")
    ap.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        kind, *rest = a.worker
        fn = {"rdflib": lambda t, p, b: worker_rdflib(t, p, float(b)), "oxload": worker_oxload,
              "oxquery": lambda s, p, r: worker_oxquery(s, p, int(r))}[kind]
        result = fn(*rest)
        result["_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # this worker's own peak
        print(json.dumps(result))
        return
    out = []
    for size in a.sizes:
        out += bench_size(size, a.reps, a.rdflib_limit)
        print("\n".join(out[-(len(questions()) + 12):]), file=sys.stderr, flush=True)
    if a.copies:
        out += bench_build(a.copies)
    print("\n".join(out))


if __name__ == "__main__":
    main()
