"""Benchmark of `kg viz` on a large network: writing the page, and opening it in headless Chromium.

A graph of 5,000 entities and ~15,000 relations shaped like kg's (preferential attachment, four types,
eight predicates, aliases, years, evidence quotes) is written three ways in the same run:

* kg: kg.viz (layout precomputed with igraph, one self-contained page);
* baseline: pyvis ``Network.from_nx`` + ``write_html`` on the same graph (directed, inlined, as kg viz used it);

then kg's page is opened in Debian's Chromium: time until its script has parsed the data and drawn
the first frame (``data-ready``), and until a click on a node has opened its side panel (interactive).
Targets (issue 11): writing >= 5x faster than pyvis; drawn and interactive within 3 s.

  .venv/bin/python bench/bench_viz.py [--nodes 5000] [--edges-per-node 3] [--repeat 5]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

TYPES = ["Organisation", "Project", "Strategy", "FundingSource"]
PREDICATES = ["participatesIn", "leads", "fundedBy", "implements", "responsibleFor", "manages", "partOf",
              "collaboratesWith"]


def synthetic(n: int, m: int, seed: int = 0) -> nx.MultiDiGraph:
    """A kg-shaped MultiDiGraph (as kg.network.to_networkx returns) of n nodes and about n*m edges."""
    rng = random.Random(seed)
    ba = nx.barabasi_albert_graph(n, m, seed=seed)
    docs = {f"doc/{y}": {"name": f"rapport_{y}.txt", "title": f"Årsrapport {y}", "year": y} for y in (2023, 2024, 2025)}
    g = nx.MultiDiGraph(documents=docs)
    for i in ba:
        t = TYPES[0] if i % 2 == 0 else rng.choices(TYPES, [1, 6, 2, 1])[0]
        d = rng.sample(sorted(docs), rng.randint(1, 2))
        g.add_node(f"id/{i}", label=f"{t} nummer {i}", type=t, aliases=[f"N{i}"] if i % 5 == 0 else [],
                   documents=len(d), docs=sorted(d), years=sorted(docs[x]["year"] for x in d))
    for a, b in ba.edges():
        p = rng.choice(PREDICATES)
        d = rng.choice(sorted(docs))
        g.add_edge(f"id/{a}", f"id/{b}", key=p, predicate=p, evidence=1, docs=[d], years=[docs[d]["year"]],
                   quotes=[(d, rng.randint(1, 900), f"Enheten {a} samverkar med {b} i projektet.")])
    return g


def write_kg(g: nx.MultiDiGraph, out: Path) -> None:
    from kg.atomic import write_text
    from kg.viz import graph_page

    write_text(out, graph_page(g))  # what `kg viz` does once the graph is read


def write_pyvis(g: nx.MultiDiGraph, out: Path) -> None:
    from pyvis.network import Network

    net = Network(height="850px", width="100%", directed=True, cdn_resources="in_line")  # as kg viz used it
    net.from_nx(g)
    net.write_html(str(out), notebook=False)


def timed(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def open_in_chromium(page_file: Path, repeat: int) -> list[tuple[float, float, dict]]:
    from viz_support import browser

    results = []
    with browser() as b:
        for _ in range(repeat):
            page = b.new_page(viewport={"width": 1400, "height": 900})
            t0 = time.perf_counter()
            page.goto(page_file.resolve().as_uri())
            page.wait_for_function("document.body.dataset.ready === 'true'", timeout=60000)
            ready = time.perf_counter() - t0
            n = page.evaluate("window.kgView.data.rank[0]")
            x, y = page.evaluate(f"window.kgView.screenPos({n})")
            page.mouse.click(x, y)
            page.wait_for_function("!document.getElementById('kg-panel').hidden", timeout=60000)
            interactive = time.perf_counter() - t0
            results.append((ready, interactive, page.evaluate("window.kgView.redraw()")))
            page.close()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges-per-node", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()
    g = synthetic(args.nodes, args.edges_per_node)
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-viz-"))
    ours, base = [], []
    for _ in range(args.repeat):  # alternating, so a busy machine slows both alike
        ours.append(timed(write_kg, g, tmp / "kg.html"))
        base.append(timed(write_pyvis, g, tmp / "pyvis.html"))
    o, b = statistics.median(ours), statistics.median(base)
    print(f"write page   kg: {o:.2f} s (median of {len(ours)}; runs {', '.join(f'{x:.2f}' for x in ours)}), "
          f"{(tmp / 'kg.html').stat().st_size / 1e6:.1f} MB")
    print(f"write page   pyvis from_nx + write_html: {b:.2f} s (runs {', '.join(f'{x:.2f}' for x in base)}), "
          f"{(tmp / 'pyvis.html').stat().st_size / 1e6:.1f} MB")
    print(f"speed-up     {b / o:.1f}x  (target >= 5x: {'met' if b / o >= 5 else 'NOT met'})")
    if args.no_browser:
        return
    runs = open_in_chromium(tmp / "kg.html", args.repeat)
    ready = statistics.median(r[0] for r in runs)
    inter = statistics.median(r[1] for r in runs)
    s = runs[-1][2]
    print(f"chromium     drawn (data parsed, first frame): {ready:.2f} s; interactive (click opened the panel): "
          f"{inter:.2f} s (median of {len(runs)}; target <= 3 s: {'met' if inter <= 3 else 'NOT met'})")
    print(f"             drawn: {s['drawnNodes']} nodes, {s['drawnEdges']} edges, {s['drawnLabels']} labels; "
          f"redraw takes ~{redraw_ms(tmp / 'kg.html'):.0f} ms")


def redraw_ms(page_file: Path) -> float:
    from viz_support import browser

    with browser() as b:
        page = b.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_file.resolve().as_uri())
        page.wait_for_function("document.body.dataset.ready === 'true'", timeout=60000)
        return page.evaluate("(() => { const t = performance.now(); for (let i = 0; i < 10; i++) window.kgView.redraw();"
                             " return (performance.now() - t) / 10; })()")


if __name__ == "__main__":
    main()
