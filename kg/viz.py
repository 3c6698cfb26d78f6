"""An interactive network page (pyvis) of the built graph.

All text from documents is HTML-escaped before it reaches the page, and the
vis.js library is inlined so the page works offline.
"""
from __future__ import annotations

import html
from pathlib import Path

from pyvis.network import Network

from .atomic import write_text
from .network import to_networkx

COLOURS = {"Organisation": "#1f77b4", "Project": "#ff7f0e", "Strategy": "#2ca02c", "FundingSource": "#d62728"}
SHAPES = {"Organisation": "dot", "Project": "diamond", "Strategy": "square", "FundingSource": "triangle"}


def tooltip(label: str, etype: str, aliases: list[str]) -> str:
    """Plain text tooltip (escaped: vis.js may render it as HTML)."""
    text = f"{label}\nType: {etype}"
    if aliases:
        text += "\nAliases: " + ", ".join(sorted(aliases))
    return html.escape(text)


def render_html(graph_dir: str | Path, types: set[str] | None = None) -> str:
    g = to_networkx(graph_dir)
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    degree = dict(g.degree())
    for n, data in g.nodes(data=True):
        if types and data["type"] not in types:
            continue
        net.add_node(n, label=html.escape(data["label"]), title=tooltip(data["label"], data["type"], data["aliases"]),
                     color=COLOURS[data["type"]], shape=SHAPES[data["type"]], size=10 + min(degree.get(n, 0), 30),
                     group=data["type"])
    shown = set(net.get_nodes())
    for s, o, p in g.edges(keys=True):
        if s in shown and o in shown:
            net.add_edge(s, o, title=p, label=p, arrows="to")
    net.toggle_physics(True)
    return net.generate_html(notebook=False)


def write_viz(graph_dir: str | Path, out: str | Path, types: set[str] | None = None) -> None:
    write_text(out, render_html(graph_dir, types))
