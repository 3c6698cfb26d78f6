"""`kg viz` pages and views, read as data (the browser tests are in test_viz_browser.py)."""
import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from viz_support import IMG, QUOTE, SCRIPT, make_evil_build

from kg.cli import cli
from kg.network import to_networkx
from kg.views import collaboration_view, find_node, make_view
from kg.viz import SHAPES, page_data

YEARS = Path(__file__).parent.parent / "notebooks" / "data"  # two reports of ours, 2023 and 2024


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def viz(graph, tmp_path, *args) -> tuple[str, dict]:
    out = tmp_path / "g.html"
    r = run("viz", "--graph", graph, "-o", out, *args)
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    return page, page_data(page)


@pytest.fixture(scope="module")
def evil_build(tmp_path_factory):
    return make_evil_build(tmp_path_factory.mktemp("evil"))


@pytest.fixture(scope="module")
def years_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("years")
    assert run("build", YEARS, "--out", out).exit_code == 0
    return out


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(attrs))))


def tags(page: str) -> list:
    p = Tags()
    p.feed(page)
    return p.tags


def test_page_is_self_contained_and_runs_only_its_own_script(sample_build, tmp_path):
    page, data = viz(sample_build, tmp_path)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert [attrs for attrs, _ in scripts] == [' type="application/json" id="kg-data"', ""]
    digest = base64.b64encode(hashlib.sha256(scripts[1][1].encode()).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
    assert len(data["nodes"]["id"]) == to_networkx(sample_build).number_of_nodes()


def test_injected_markup_stays_data(evil_build, sample_build, tmp_path):
    page, data = viz(evil_build, tmp_path)
    for bad in ("</script><script>", "<img src=x", "<b>", "<a href"):
        assert bad not in page.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert tags(page) == tags(viz(sample_build, tmp_path)[0])  # no element opened by report text
    # the text survives as plain data: labels, aliases, quotes and the title decode to the originals
    labels = set(data["nodes"]["label"])
    assert SCRIPT in labels and "Region " + IMG in labels
    assert ["A & B 'q'", "FREIA</script><b>"] in data["nodes"]["aliases"]
    assert any(q[2] == QUOTE for qs in data["edges"]["quotes"] for q in qs)
    assert data["documents"][0]["title"] == "Rapport " + IMG + " 2024"


def test_legend_types_have_their_own_colour_and_shape(sample_build, tmp_path):
    _, data = viz(sample_build, tmp_path)
    types = data["types"]
    assert [t["name"] for t in types] == ["Organisation", "Project", "Strategy", "FundingSource"]
    assert len({t["colour"] for t in types}) == len({t["shape"] for t in types}) == 4
    assert all(t["shape"] == SHAPES[t["name"]] for t in types)
    assert sum(t["count"] for t in types) == len(data["nodes"]["id"])
    assert len({p["colour"] for p in data["predicates"]}) == len(data["predicates"])
    # the most central nodes come first in the label order
    deg = data["nodes"]["degree"]
    assert [deg[i] for i in data["rank"]] == sorted(deg, reverse=True)
    only = viz(sample_build, tmp_path, "--type", "Organisation")[1]
    assert {t["name"] for t in only["types"]} == {"Organisation"}


def test_collaboration_view_joins_organisations_through_projects(sample_build, tmp_path):
    g = to_networkx(sample_build)
    collab = collaboration_view(g)
    assert {d["type"] for _, d in collab.nodes(data=True)} == {"Organisation"}
    freia = find_node(g, "FREIA")
    members = sorted(s for s, o, k in g.in_edges(freia, keys=True) if k in ("participatesIn", "leads"))
    assert len(members) >= 3
    for a in members:  # every pair of FREIA's organisations is linked, FREIA named as the way
        for b in members:
            if a < b:
                assert "FREIA" in collab[a][b]["via"] or collab[a][b]["predicate"] != "sharesProject"
    _, data = viz(sample_build, tmp_path, "--view", "collaboration")
    assert data["view"] == "collaboration" and {p["name"] for p in data["predicates"]} >= {"sharesProject"}
    assert max(data["edges"]["w"]) >= 2  # Region Västerbotten shares more than one project with someone


def test_funding_view_runs_fund_project_organisation(sample_build):
    v = make_view(to_networkx(sample_build), view="funding")
    types = {d["type"] for _, d in v.nodes(data=True)}
    assert types == {"FundingSource", "Project", "Organisation"}
    assert {k for *_, k in v.edges(keys=True)} <= {"fundedBy", "manages", "participatesIn", "leads"}


def test_focus_is_the_neighbourhood(sample_build, tmp_path):
    g = to_networkx(sample_build)
    freia = find_node(g, "freia")
    expected = {freia} | set(nx.all_neighbors(g, freia))
    _, data = viz(sample_build, tmp_path, "--focus", "FREIA")
    assert set(data["nodes"]["id"]) == expected and data["nodes"]["id"][data["focus"]] == freia
    two = viz(sample_build, tmp_path, "--focus", "FREIA", "--depth", "2")[1]
    assert set(two["nodes"]["id"]) > expected
    r = run("viz", "--graph", sample_build, "--focus", "Ingen sådan", "-o", tmp_path / "x.html")
    assert r.exit_code == 1 and "no entity named 'Ingen sådan'" in r.output and "Traceback" not in r.output
    r = run("viz", "--graph", sample_build, "--focus", "kommun", "-o", tmp_path / "x.html")
    assert r.exit_code == 1 and "give the full name" in r.output


def test_year_and_compare_views(years_build, tmp_path):
    _, y23 = viz(years_build, tmp_path, "--year", "2023")
    assert "VIGO" in y23["nodes"]["label"] and "Vätgas i norr" not in y23["nodes"]["label"]
    assert y23["years"] == [2023]
    _, cmp = viz(years_build, tmp_path, "--compare", "2023", "2024")
    status = dict(zip(cmp["nodes"]["label"], (cmp["statuses"][s]["name"] for s in cmp["nodes"]["status"])))
    assert status["VIGO"] == "gone" and status["Vätgas i norr"] == "new" and status["FREIA"] == "kept"
    assert status["Luleå tekniska universitet"] == "new" and status["Region Västerbotten"] == "kept"
    assert {s["name"]: s["count"] for s in cmp["statuses"]}["gone"] >= 4
    collab = viz(years_build, tmp_path, "--compare", "2023", "2024", "--view", "collaboration")[1]
    assert {collab["statuses"][s]["name"] for s in collab["edges"]["status"]} == {"new", "kept", "gone"}
    r = run("viz", "--graph", years_build, "--year", "1999", "-o", tmp_path / "x.html")
    assert r.exit_code == 1 and "no report of year 1999" in r.output and "2023, 2024" in r.output
    r = run("viz", "--graph", years_build, "--year", "2023", "--compare", "2023", "2024", "-o", tmp_path / "x.html")
    assert r.exit_code == 2


def test_isolated_nodes_are_placed_apart(evil_build, tmp_path):
    """Unconnected nodes sit below the network (the page hides them until asked)."""
    from kg.layout import positions

    g = nx.Graph()
    g.add_edges_from([("a", "b"), ("b", "c")])
    g.add_nodes_from(["x", "y"])
    pos = positions(g)
    assert min(pos["x"][1], pos["y"][1]) > max(pos[n][1] for n in "abc")
    assert positions(g) == pos  # the same graph gets the same picture
