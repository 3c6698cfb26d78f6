"""`kg viz`: one self-contained HTML page to explore a view of the graph by eye.

The page is a template (kg/data/viz_page.*) with its script and style inlined and its data in one
``<script type="application/json">`` block; nothing is loaded from the network (a Content-Security-Policy
forbids it, and allows only the page's own script, by its hash). Positions are computed here
(kg/layout.py), so the browser runs no physics; it draws on a canvas, which stays fast at 5,000 nodes.

Safety: every string that comes from a report (names, aliases, quotes, document titles) is a JSON
string value in the data block, with ``<``, ``>`` and ``&`` written as ``\\u003c`` etc., so no report
can close the block or open a tag; the script shows them with ``textContent`` or canvas ``fillText``,
never as HTML. :func:`check_page` refuses a page that breaks this.
"""
from __future__ import annotations

import base64
import gc
import hashlib
import json
import math
import re
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

from extractors import PREDICATES, TYPES

from .atomic import write_text
from .layout import positions
from .network import to_networkx
from .views import SHARES, STATUSES, make_view

DATA = Path(__file__).parent / "data"
COLOURS = {"Organisation": "#1f77b4", "Project": "#ff7f0e", "Strategy": "#2ca02c", "FundingSource": "#d62728"}
SHAPES = {"Organisation": "dot", "Project": "diamond", "Strategy": "square", "FundingSource": "triangle"}
TYPE_SV = {"Organisation": "organisation", "Project": "projekt", "Strategy": "strategi",
           "FundingSource": "finansieringskälla"}
EDGE_COLOURS = {"participatesIn": "#8c9cad", "leads": "#2c3e50", "fundedBy": "#c0392b", "implements": "#27ae60",
                "responsibleFor": "#8e44ad", "manages": "#d35400", "partOf": "#16a085",
                "collaboratesWith": "#2980b9", SHARES: "#7f8c8d"}
STATUS_COLOURS = {"new": "#2ca02c", "kept": "#9e9e9e", "gone": "#d62728"}
LABELS_AT_START = 30  # the most central nodes are named at first sight; the rest on zoom, hover or search


def _json_for_script(value) -> str:
    """JSON that cannot end a <script> block or be read as markup: <, >, & and line separators escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _index(values) -> dict:
    return {v: i for i, v in enumerate(values)}


@contextmanager
def _no_gc():
    """Build the page's many small lists without the collector rescanning the whole graph (2x on 5,000 nodes)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def page_payload(v: nx.Graph, title: str = "kg network") -> dict:
    """Everything the page shows, in columns (compact for large graphs); node and edge order is stable."""
    with _no_gc():
        return _payload(v, title)


def _payload(v: nx.Graph, title: str) -> dict:
    nodes = sorted(v.nodes)
    ni = _index(nodes)
    attrs = [v.nodes[n] for n in nodes]
    pos = positions(v)
    docs = v.graph.get("documents", {})
    di = _index(docs)
    funds = sorted({f for a in attrs for f in a.get("funds", ())})
    fi = _index(funds)
    edges = sorted(v.edges(keys=True, data=True) if v.is_multigraph() else ((s, o, "", d) for s, o, d in v.edges(data=True)),
                   key=lambda e: (e[0], e[1], str(e[2])))
    edge_attrs = [e[3] for e in edges]
    pred_count = Counter(d["predicate"] for d in edge_attrs)
    preds = [p for p in PREDICATES + (SHARES,) if pred_count[p]]
    pi = _index(preds)
    degree = [0] * len(nodes)
    for s, o, _k, _d in edges:
        degree[ni[s]] += 1
        degree[ni[o]] += 1
    type_count = Counter(a["type"] for a in attrs)
    types = [t for t in TYPES if type_count[t]] or list(TYPES)
    ti = _index(types)
    si = _index(STATUSES)
    status_count = Counter(a.get("status") for a in attrs)
    rank = sorted(range(len(nodes)), key=lambda i: (-degree[i], attrs[i]["label"]))
    focus = v.graph.get("focus")
    return {
        "pageTitle": title, "caption": caption(v), "view": v.graph.get("view", "entities"),
        "compare": v.graph.get("compare"), "focus": ni.get(focus) if focus else None,
        "labelCount": LABELS_AT_START, "rank": rank,
        "types": [{"name": t, "sv": TYPE_SV[t], "colour": COLOURS[t], "shape": SHAPES[t], "count": type_count[t]}
                  for t in types],
        "predicates": [{"name": p, "colour": EDGE_COLOURS[p], "count": pred_count[p]} for p in preds],
        "statuses": [{"name": s, "colour": STATUS_COLOURS[s], "count": status_count[s]} for s in STATUSES],
        "funds": funds,
        "years": sorted({y for a in attrs for y in a.get("years", ())}),
        "documents": [{"name": d["name"], "title": d["title"], "year": d["year"]} for d in docs.values()],
        "nodes": {
            "id": nodes, "label": [a["label"] for a in attrs], "type": [ti[a["type"]] for a in attrs],
            "x": [round(pos[n][0], 1) for n in nodes], "y": [round(pos[n][1], 1) for n in nodes],
            "size": [round(4 + 2.2 * math.sqrt(k), 1) for k in degree], "degree": degree,
            "aliases": [a.get("aliases", []) for a in attrs],
            "docs": [[di[d] for d in a.get("docs", ()) if d in di] for a in attrs],
            "years": [a.get("years", []) for a in attrs],
            "funds": [[fi[f] for f in a.get("funds", ())] for a in attrs],
            "status": [si.get(a.get("status"), 1) for a in attrs],
        },
        "edges": {
            "s": [ni[e[0]] for e in edges], "t": [ni[e[1]] for e in edges],
            "p": [pi[d["predicate"]] for d in edge_attrs], "w": [int(d.get("weight", 1)) for d in edge_attrs],
            "years": [d.get("years", []) for d in edge_attrs], "via": [d.get("via", []) for d in edge_attrs],
            "quotes": [[[di[q[0]], q[1], q[2]] for q in d.get("quotes", ()) if q[0] in di] for d in edge_attrs],
            "status": [si.get(d.get("status"), 1) for d in edge_attrs],
        },
    }


def caption(v: nx.Graph) -> str:
    view = v.graph.get("view", "entities")
    words = {"entities": "all entities and stated relations", "collaboration":
             "organisations linked by shared projects (line width: how many)",
             "funding": "funding sources → projects → organisations"}[view]
    if v.graph.get("compare"):
        a, b = v.graph["compare"]
        words += f"; {a} compared with {b} (ring and line colour: new in {b}, kept, gone since {a})"
    elif v.graph.get("year"):
        words += f"; reports of {v.graph['year']}"
    return words[0].upper() + words[1:]


def render_page(payload: dict) -> str:
    """The self-contained page for a payload of :func:`page_payload`."""
    script = (DATA / "viz_page.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    parts = {"__SCRIPT_HASH__": f"sha256-{digest}", "__CSS__": (DATA / "viz_page.css").read_text(encoding="utf-8"),
             "__DATA__": _json_for_script(payload), "__JS__": script}
    template = (DATA / "viz_page.html").read_text(encoding="utf-8")
    page = re.sub("|".join(parts), lambda m: parts[m.group(0)], template)  # one pass: data cannot inject a slot
    check_page(page)
    return page


def check_page(page: str) -> None:
    """Refuse to write a page that could run anything but its own script or load from the network."""
    data = page_data_text(page)
    if "<" in data or ">" in data:
        raise AssertionError("unescaped markup in the network page's data")
    if len(re.findall(r"<script\b", page, re.I)) != 2:
        raise AssertionError("the network page must hold exactly its data block and its own script")
    if re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page):
        raise AssertionError("the network page would load resources from the network")


def page_data_text(page: str) -> str:
    start_tag = '<script type="application/json" id="kg-data">'
    i = page.find(start_tag)
    if i < 0:
        raise ValueError("not a kg network page")
    i += len(start_tag)
    return page[i:page.index("</script>", i)]


def page_data(page: str) -> dict:
    """The data embedded in a page made by :func:`render_page` (for tests and tools)."""
    return json.loads(page_data_text(page))


def graph_page(g: nx.MultiDiGraph, types: set[str] | None = None, **view) -> str:
    """The page of a :func:`kg.network.to_networkx` graph; ``view``: see :func:`kg.views.make_view`."""
    kind = view.get("view") or "entities"
    with _no_gc():
        return render_page(page_payload(make_view(g, types=types, **view), title=f"kg network — {kind}"))


def render_html(graph_dir: str | Path, types: set[str] | None = None, **view) -> str:
    """The page of a build folder's graph, as a string."""
    return graph_page(to_networkx(graph_dir), types, **view)


def write_viz(graph_dir: str | Path, out: str | Path, types: set[str] | None = None, **view) -> None:
    write_text(out, render_html(graph_dir, types, **view))
