"""An interactive network page (pyvis / vis-network) of the built graph.

Safety: everything that comes from documents (names, aliases) reaches the page
only as JSON string values inside the page's one data ``<script>``, written by
Jinja's ``tojson`` filter, which escapes ``<``, ``>``, ``&`` and ``'`` as
``\\u003c`` etc., so no text can close the script or open a tag. vis-network 9
shows string labels on the canvas and string tooltips with ``innerText``, i.e.
as plain text, so the text is not HTML-escaped as well (that would show
"&amp;"). pyvis switches to an ``innerHTML`` tooltip when a title contains
"href"; the page is rendered with that switch off. The page is self-contained:
vis-network is inlined and pyvis's CDN links (bootstrap) are removed, so it works
offline and loads nothing from elsewhere.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from pyvis.network import Network

from .atomic import write_text
from .network import TYPES, to_networkx

COLOURS = {"Organisation": "#1f77b4", "Project": "#ff7f0e", "Strategy": "#2ca02c", "FundingSource": "#d62728"}
SHAPES = {"Organisation": "dot", "Project": "diamond", "Strategy": "square", "FundingSource": "triangle"}
TYPE_SV = {"Organisation": "organisation", "Project": "projekt", "Strategy": "strategi",
           "FundingSource": "finansieringskälla"}
_CDN = re.compile(r"<(link|script)\b[^>]*\b(?:href|src)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.S)

LEGEND = "<div id=\"kg-legend\" style=\"font: 14px sans-serif; padding: 6px\">" + " &nbsp; ".join(
    f"<span style=\"color:{COLOURS[t]}\">&#9679;</span> {t}" for t in TYPES) + "</div>"


def tooltip(label: str, etype: str, aliases: list[str], documents: int = 0) -> str:
    """Plain-text tooltip: name, type and aliases (shown as text, never parsed as HTML)."""
    text = f"{label}\nType: {etype} ({TYPE_SV[etype]})"
    if aliases:
        text += "\nAliases: " + ", ".join(sorted(aliases))
    if documents:
        text += f"\nDocuments: {documents}"
    return text


def render_html(graph_dir: str | Path, types: set[str] | None = None) -> str:
    """The page as a string."""
    g = to_networkx(graph_dir)
    net = Network(height="850px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    degree = dict(g.degree())
    for n, data in g.nodes(data=True):
        if types and data["type"] not in types:
            continue
        net.add_node(n, label=data["label"], title=tooltip(data["label"], data["type"], data["aliases"],
                                                           data.get("documents", 0)),
                     color=COLOURS[data["type"]], shape=SHAPES[data["type"]], size=10 + min(degree.get(n, 0), 30))
    shown = set(net.get_nodes())
    for s, o, p in g.edges(keys=True):
        if s in shown and o in shown:
            net.add_edge(s, o, title=p, label=p, arrows="to")
    net.toggle_physics(True)
    nodes, edges, _heading, height, width, options = net.get_network_data()
    template = net.templateEnv.get_template(net.path)
    page = template.render(height=height, width=width, nodes=nodes, edges=edges, heading="", options=options,
                           physics_enabled=True, use_DOT=False, dot_lang="", widget=False, bgcolor=net.bgcolor,
                           conf=False, tooltip_link=False, neighborhood_highlight=False, select_menu=False,
                           filter_menu=False, notebook=False, cdn_resources="in_line")
    page = _CDN.sub("", page)
    page = page.replace("<head>", "<head>\n<title>kg network</title>", 1)
    page = page.replace("<body>", "<body>\n" + LEGEND, 1)
    check_page(page, nodes)
    return page


def check_page(page: str, nodes: list[dict]) -> None:
    """Refuse to write a page that could run anything but its own scripts."""
    for n in nodes:
        for value in (n.get("label", ""), n.get("title", "")):
            if "<" in value and value in page:  # raw document text with markup must never appear verbatim
                raise AssertionError("unescaped document text in the network page")
    if re.search(r"\b(?:src|href)=\"https?://", page):
        raise AssertionError("the network page would load resources from the network")


def write_viz(graph_dir: str | Path, out: str | Path, types: set[str] | None = None) -> None:
    write_text(out, render_html(graph_dir, types))


def page_data(page: str) -> tuple[list[dict], list[dict]]:
    """The nodes and edges embedded in a page made by :func:`render_html` (for tests and tools)."""
    decoder = json.JSONDecoder()
    out = []
    for name in ("nodes", "edges"):
        marker = f"{name} = new vis.DataSet("
        i = page.find(marker)
        if i < 0:
            raise ValueError("not a kg network page")
        out.append(decoder.raw_decode(page, i + len(marker))[0])
    return out[0], out[1]
