"""Views of the entity graph for exploring by eye: who works with whom, where money goes, one actor's
neighbourhood, one report year, and what changed between two years.

Every view takes the graph of :func:`kg.network.to_networkx` and returns a networkx graph whose nodes
keep the entity attributes (``label``, ``type``, ``aliases``, ``docs``, ``years``) and whose edges
carry ``predicate`` (and ``weight``, ``quotes`` where known), so one page writer draws them all.
The compare view adds ``status`` ("new", "kept" or "gone") to nodes and edges.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from .errors import KgError

VIEWS = ("entities", "collaboration", "funding")
SHARES = "sharesProject"  # the collaboration view's edge: two organisations in one project
FUND_PREDICATES = {"fundedBy", "manages", "participatesIn", "leads"}
STATUSES = ("new", "kept", "gone")


def collaboration_view(g: nx.MultiDiGraph) -> nx.Graph:
    """Organisations joined through shared projects (``weight`` = shared projects, ``via`` = their names),
    plus direct organisation–organisation relations (partOf, collaboratesWith)."""
    orgs = {n for n, d in g.nodes(data=True) if d["type"] == "Organisation"}
    members: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))  # project -> org -> years
    out = nx.Graph()
    out.add_nodes_from((n, g.nodes[n]) for n in sorted(orgs))
    for s, o, k, data in g.edges(keys=True, data=True):
        if k in ("participatesIn", "leads") and s in orgs:
            members[o][s] |= set(data.get("years", []))
        elif s in orgs and o in orgs:
            _join(out, s, o, k, None, data)
    for project in sorted(members):
        for a, b in combinations(sorted(members[project]), 2):  # a link in the years both take part
            years = sorted(members[project][a] & members[project][b])
            _join(out, a, b, SHARES, g.nodes[project]["label"], {"years": years})
    return out


def _join(out: nx.Graph, a: str, b: str, predicate: str, via: str | None, data: dict) -> None:
    """Add one link between a and b to the weighted simple graph ``out``."""
    e = out.get_edge_data(a, b)
    if e is None:
        out.add_edge(a, b, predicate=predicate, weight=0, via=[], quotes=[], years=[])
        e = out[a][b]
    elif e["predicate"] != predicate and predicate != SHARES:
        e["predicate"] = predicate  # a stated relation names the link better than a shared project
    e["weight"] += 1
    if via:
        e["via"].append(via)
    e["quotes"] = sorted(set(e["quotes"]) | set(data.get("quotes", []) if predicate != SHARES else []))
    e["years"] = sorted(set(e["years"]) | set(data.get("years", [])))


def funding_view(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Funding sources, the projects they fund and the organisations of those projects (and managers)."""
    funds = {n for n, d in g.nodes(data=True) if d["type"] == "FundingSource"}
    projects = {s for s, o, k in g.edges(keys=True) if k == "fundedBy" and o in funds}
    keep = funds | projects
    keep |= {s for s, o, k in g.edges(keys=True) if k in ("participatesIn", "leads") and o in projects}
    keep |= {s for s, o, k in g.edges(keys=True) if k == "manages" and o in funds}
    sub = g.subgraph(keep)
    return nx.MultiDiGraph(sub.edge_subgraph([(s, o, k) for s, o, k in sub.edges(keys=True)
                                              if k in FUND_PREDICATES]).copy()) if sub.number_of_edges() else sub.copy()


def annotate_funds(g: nx.MultiDiGraph) -> None:
    """Give each entity ``funds``: the labels of the funding sources it is, is funded by, manages, or
    takes part in a project funded by (what the page's fund filter selects on)."""
    funds: dict[str, set[str]] = defaultdict(set)
    for n, d in g.nodes(data=True):
        if d["type"] == "FundingSource":
            funds[n].add(d["label"])
    for s, o, k in g.edges(keys=True):
        if k in ("fundedBy", "manages") and g.nodes[o]["type"] == "FundingSource":
            funds[s].add(g.nodes[o]["label"])
    for s, o, k in g.edges(keys=True):
        if k in ("participatesIn", "leads"):
            funds[s] |= {f for f in funds.get(o, ()) if g.nodes[o]["type"] == "Project"}
    for n, d in g.nodes(data=True):
        d["funds"] = sorted(funds.get(n, ()))


def find_node(g: nx.Graph, name: str) -> str:
    """The node whose label or alias is ``name`` (any case), else the one whose label contains it."""
    key = name.casefold().strip()
    exact = [n for n, d in g.nodes(data=True)
             if key == d["label"].casefold() or key in (a.casefold() for a in d.get("aliases", []))]
    found = exact or [n for n, d in g.nodes(data=True) if key in d["label"].casefold()]
    if len(found) == 1:
        return found[0]
    if not found:
        raise KgError(f"no entity named {name!r} in the graph")
    names = sorted(g.nodes[n]["label"] for n in found)
    raise KgError(f"{name!r} names {len(found)} entities ({'; '.join(names[:5])}{' …' if len(names) > 5 else ''}): "
                  "give the full name")


def focus_view(g: nx.Graph, name: str, depth: int = 1) -> nx.Graph:
    """The neighbourhood of the entity ``name``: everything within ``depth`` links, either direction."""
    centre = find_node(g, name)
    near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), centre, cutoff=depth)
    sub = g.subgraph(near).copy()
    sub.graph["focus"] = centre
    return sub


def doc_years(g: nx.Graph) -> list[int]:
    return sorted({d["year"] for d in g.graph.get("documents", {}).values() if d.get("year")})


def _check_year(g: nx.Graph, year: int) -> None:
    years = doc_years(g)
    if year not in years:
        raise KgError(f"no report of year {year} in the graph (years: {', '.join(map(str, years)) or 'none'}; "
                      "set one with `kg build --year`)")


def year_view(g: nx.Graph, year: int) -> nx.Graph:
    """What the reports of ``year`` say: entities they mention, relations they state."""
    _check_year(g, year)
    sub = g.subgraph([n for n, d in g.nodes(data=True) if year in d.get("years", [])]).copy()
    drop = [e for e in sub.edges(keys=True, data=True) if year not in e[-1].get("years", [year])] \
        if sub.is_multigraph() else [e for e in sub.edges(data=True) if year not in e[-1].get("years", [year])]
    sub.remove_edges_from([e[:-1] for e in drop])
    for _n, data in sub.nodes(data=True):
        data["years"] = [year]  # what this view shows of it
    return sub


def year_status(years: list[int], before: int, after: int) -> str | None:
    a, b = before in years, after in years
    return "kept" if a and b else "new" if b else "gone" if a else None


def compare_view(g: nx.Graph, before: int, after: int) -> nx.Graph:
    """Both years in one graph; ``status`` says whether a node or edge is new in ``after``, kept, or gone."""
    for y in (before, after):
        _check_year(g, y)

    def status(years: list[int]) -> str | None:
        return year_status(years, before, after)

    keep = {n: status(d.get("years", [])) for n, d in g.nodes(data=True)}
    sub = g.subgraph([n for n, s in keep.items() if s]).copy()
    for n, data in sub.nodes(data=True):
        data["status"] = keep[n]
    for *_e, data in (sub.edges(keys=True, data=True) if sub.is_multigraph() else sub.edges(data=True)):
        data["status"] = status(data.get("years", [])) or "kept"
    sub.graph["compare"] = [before, after]
    return sub


def make_view(g: nx.MultiDiGraph, view: str = "entities", types: set[str] | None = None, focus: str | None = None,
              depth: int = 1, year: int | None = None, compare: tuple[int, int] | None = None) -> nx.Graph:
    """The view `kg viz` draws: a year (or two compared) first, then the kind of view, types, focus."""
    annotate_funds(g)
    if compare:
        g = compare_view(g, *compare)
    elif year is not None:
        g = year_view(g, year)
    documents = g.graph.get("documents", {})
    if view == "collaboration":
        g = collaboration_view(g)
    elif view == "funding":
        g = funding_view(g)
    if types:
        g = g.subgraph([n for n, d in g.nodes(data=True) if d["type"] in types]).copy()
    if focus:
        g = focus_view(g, focus, depth)
    g.graph.setdefault("documents", documents)
    g.graph["view"] = view
    if compare:
        g.graph["compare"] = list(compare)
        for *_e, data in (g.edges(keys=True, data=True) if g.is_multigraph() else g.edges(data=True)):
            data.setdefault("status", year_status(data.get("years", []), *compare) or "kept")
    if year is not None:
        g.graph["year"] = year
    return g
