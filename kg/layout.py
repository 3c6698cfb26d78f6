"""Node positions computed before the page is written (igraph's Fruchterman–Reingold, in C), so the
browser runs no physics and a 5,000-node graph opens at once. Same graph, same positions: the start
positions are a fixed spiral, not random."""
from __future__ import annotations

import math
import random

import igraph as ig
import networkx as nx

SPACING = 40.0  # pixels per node-to-neighbour distance at zoom 1


def _spiral(n: int) -> list[list[float]]:
    golden = math.pi * (3 - math.sqrt(5))
    return [[math.sqrt(i + 0.5) * math.cos(i * golden), math.sqrt(i + 0.5) * math.sin(i * golden)] for i in range(n)]


def positions(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """(x, y) of every node: connected nodes laid out by force, unconnected ones in a grid below them."""
    pairs_by_name = {(a, b) if a < b else (b, a) for a, b in g.edges() if a != b}
    linked = sorted({n for pair in pairs_by_name for n in pair})
    index = {n: i for i, n in enumerate(linked)}
    out: dict[str, tuple[float, float]] = {}
    if linked:
        h = ig.Graph(n=len(linked), edges=sorted((index[a], index[b]) for a, b in pairs_by_name))
        coords = _force_layout(h)
        scale = SPACING * math.sqrt(len(linked)) / max(_extent(coords), 1e-9)
        out = {n: (coords[i][0] * scale, coords[i][1] * scale) for n, i in index.items()}
    rest = sorted(n for n in g if n not in out)
    if rest:
        ys = [p[1] for p in out.values()] or [0.0]
        xs = [p[0] for p in out.values()] or [0.0]
        cols = max(int(math.sqrt(len(rest)) * 2), 1)
        x0, y0 = min(xs), max(ys) + 3 * SPACING
        for i, n in enumerate(rest):
            out[n] = (x0 + (i % cols) * SPACING, y0 + (i // cols) * SPACING)
    return out


def _force_layout(h: ig.Graph) -> list[list[float]]:
    """Fruchterman–Reingold from a start that is already near: nodes on a spiral in breadth-first order from
    the best-connected one, so hubs sit in the middle and neighbours start close (fewer rounds needed)."""
    n = h.vcount()
    order: list[int] = []
    seen = [False] * n
    degree = h.degree()
    for root in sorted(range(n), key=lambda i: -degree[i]):
        if not seen[root]:
            block = h.bfs(root)[0]
            for v in block:
                seen[v] = True
            order.extend(block)
    spiral = _spiral(n)
    seed = [None] * n
    for rank, v in enumerate(order):
        seed[v] = spiral[rank]
    ig.set_random_number_generator(random.Random(0))  # FR draws random numbers too: fix them
    try:
        rounds = 500 if n < 1000 else max(40, 200 * 1000 // n)  # a near start needs fewer rounds
        return h.layout_fruchterman_reingold(seed=seed, niter=rounds, grid="auto").coords
    finally:
        ig.set_random_number_generator(random)


def _extent(coords: list[list[float]]) -> float:
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    return max(max(xs) - min(xs), max(ys) - min(ys))
