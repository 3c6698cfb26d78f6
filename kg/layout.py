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
    linked = sorted(n for n in g if any(True for _ in nx.all_neighbors(g, n)) and not _only_self(g, n))
    index = {n: i for i, n in enumerate(linked)}
    pairs = {(min(index[a], index[b]), max(index[a], index[b])) for a, b in g.edges() if a != b}
    out: dict[str, tuple[float, float]] = {}
    if linked:
        h = ig.Graph(n=len(linked), edges=sorted(pairs))
        seed = _spiral(len(linked))
        ig.set_random_number_generator(random.Random(0))  # FR draws random numbers too: fix them
        try:
            layout = h.layout_fruchterman_reingold(seed=seed, niter=500 if len(linked) < 2000 else 300, grid="auto")
        finally:
            ig.set_random_number_generator(random)
        coords = layout.coords
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


def _only_self(g: nx.Graph, n: str) -> bool:
    return all(m == n for m in nx.all_neighbors(g, n))


def _extent(coords: list[list[float]]) -> float:
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    return max(max(xs) - min(xs), max(ys) - min(ys))
