"""The network page in a real browser (Debian's headless Chromium through playwright).

Each test drives the page as a person would (typing, clicking, double-clicking) and reads what is
drawn from the page's own counters (``window.kgView.stats``) and its canvas pixels. Screenshots go to
tests/artifacts/ (git-ignored) to look at.
"""
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import SHARED
from viz_support import IMG, QUOTE, SCRIPT, browser, make_evil_build, open_page, screenshot

from kg.cli import cli
from kg.network import to_networkx
from kg.views import find_node

YEARS = Path(__file__).parent.parent / "notebooks" / "data"
INK = """() => { const c = document.getElementById('kg-canvas'), d = c.getContext('2d')
                   .getImageData(0, 0, c.width, c.height).data;
                 let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""


def write_page(graph, out: Path, *args) -> Path:
    r = CliRunner().invoke(cli, ["viz", "--graph", str(graph), "-o", str(out), *map(str, args)])
    assert r.exit_code == 0, r.output
    return out


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


@pytest.fixture(scope="module")
def sample_page(sample_build, tmp_path_factory):
    return write_page(sample_build, tmp_path_factory.mktemp("page") / "sample.html")


def stats(page) -> dict:
    return page.evaluate("window.kgView.redraw()")


def test_nodes_are_drawn_and_labelled(chromium, sample_page, sample_build):
    page = open_page(chromium, sample_page)
    g = to_networkx(sample_build)
    connected = sum(1 for n in g if g.degree(n))
    s = stats(page)
    assert s["drawnNodes"] == s["visibleNodes"] == connected
    assert s["drawnEdges"] == g.number_of_edges() and s["hiddenIsolated"] == g.number_of_nodes() - connected
    assert 0 < s["drawnLabels"] <= connected
    assert page.evaluate(INK) > 5000  # the canvas holds a picture, not a blank
    assert "16 of 16 nodes" in page.text_content("#kg-caption") or str(connected) in page.text_content("#kg-caption")
    screenshot(page, "sample_full")
    assert page.kg_errors == []


LEGEND = """() => Array.from(document.querySelectorAll('#kg-types canvas, #kg-predicates canvas')).map(c => {
  const [r, g, b] = c.getContext('2d').getImageData(9, 7, 1, 1).data;
  return '#' + [r, g, b].map(x => x.toString(16).padStart(2, '0')).join(''); })"""


def test_legend_draws_the_colours_of_the_network(chromium, sample_page):
    page = open_page(chromium, sample_page)
    data = page.evaluate("window.kgView.data")
    expected = [t["colour"] for t in data["types"]] + [p["colour"] for p in data["predicates"]]
    assert page.evaluate(LEGEND) == expected
    # the shapes: the type swatch of a diamond is empty in its corner, a square's is filled
    corner = "(i) => document.querySelectorAll('#kg-types canvas')[i].getContext('2d').getImageData(5, 3, 1, 1).data[3]"
    shapes = [t["shape"] for t in data["types"]]
    assert page.evaluate(corner, shapes.index("diamond")) == 0 and page.evaluate(corner, shapes.index("square")) > 0


def test_search_finds_a_node_and_shows_its_evidence(chromium, sample_page):
    page = open_page(chromium, sample_page)
    page.fill("#kg-search", "dvis")  # an alias, any case
    results = page.locator("#kg-results li").all_text_contents()
    assert results and results[0].startswith("Digitala Västerbotten i samverkan")
    page.press("#kg-search", "Enter")
    assert page.text_content("#kg-name") == "Digitala Västerbotten i samverkan"
    assert "DVIS" in page.locator("#kg-aliases li").all_text_contents()
    edges = page.text_content("#kg-edges")
    assert "fundedBy" in edges and "sample_report.txt, line" in edges
    assert "Exempelregionens uppföljningsrapport 2025 (2025)" in page.text_content("#kg-docs")
    screenshot(page, "sample_search")


def test_filters_change_what_is_shown(chromium, sample_page, sample_build):
    page = open_page(chromium, sample_page)
    before = stats(page)
    page.uncheck("[data-kg=type-Project]")
    after = stats(page)
    shown = page.evaluate("window.kgView.visibleLabels()")
    g = to_networkx(sample_build)
    projects = {d["label"] for _, d in g.nodes(data=True) if d["type"] == "Project"}
    assert after["visibleNodes"] < before["visibleNodes"] and not projects & set(shown)
    page.check("[data-kg=type-Project]")
    page.uncheck("[data-kg=predicate-participatesIn]")
    assert stats(page)["visibleEdges"] < before["visibleEdges"]
    page.check("[data-kg=predicate-participatesIn]")
    page.select_option("#kg-fund", label="Europeiska regionala utvecklingsfonden")
    funded = set(page.evaluate("window.kgView.visibleLabels()"))
    assert {"Europeiska regionala utvecklingsfonden", "Digitala Västerbotten i samverkan"} <= funded
    assert "Storumans kommun" not in funded  # VIGO has no fund in the sample
    page.select_option("#kg-fund", value="-1")
    page.check("#kg-isolated")
    assert stats(page)["visibleNodes"] == g.number_of_nodes()


def test_double_click_focuses_on_the_neighbourhood(chromium, sample_page, sample_build):
    page = open_page(chromium, sample_page)
    i = page.evaluate("window.kgView.indexOf('FREIA')")
    x, y = page.evaluate(f"window.kgView.screenPos({i})")
    page.mouse.dblclick(x, y)
    g = to_networkx(sample_build)
    freia = find_node(g, "FREIA")
    expected = {g.nodes[n]["label"] for n in {freia} | set(nx.all_neighbors(g, freia))}
    assert set(page.evaluate("window.kgView.visibleLabels()")) == expected
    assert page.text_content("#kg-name") == "FREIA" and "focus: FREIA" in page.text_content("#kg-caption")
    screenshot(page, "sample_focus")
    page.click("#kg-reset")
    assert stats(page)["visibleNodes"] > len(expected)


def test_injected_script_does_not_run(chromium, tmp_path):
    build = make_evil_build(tmp_path / "evil")
    page = open_page(chromium, write_page(build, tmp_path / "evil.html"))
    page.check("#kg-isolated")
    page.fill("#kg-search", "region")  # results list shows the hostile name
    page.fill("#kg-search", "<")
    labels = page.evaluate("window.kgView.data.nodes.label")
    for label in labels:  # each node's side panel: name, aliases, documents, quotes
        page.evaluate(f"window.kgView.select(window.kgView.indexOf({label!r}), true)")
        assert page.text_content("#kg-name") == label
        x, y = page.evaluate(f"window.kgView.screenPos(window.kgView.indexOf({label!r}))")
        page.mouse.move(x, y)  # and its tooltip
    page.evaluate(f"window.kgView.select(window.kgView.indexOf({SCRIPT!r}), false)")
    assert "FREIA</script><b>" in page.locator("#kg-aliases li").all_text_contents()
    assert QUOTE in page.text_content("#kg-edges")
    assert "Rapport " + IMG + " 2024" in page.text_content("#kg-docs")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img, b, #kg-panel a[href^=javascript]").count() == 0
    assert page.kg_errors == []
    screenshot(page, "injection")


def test_views_in_the_browser(chromium, tmp_path):
    """Collaboration, focus and a year comparison on the real reports (or our two example years)."""
    real = SHARED / "corpus"
    out = tmp_path / "build"
    paths = [real] if real.is_dir() else [YEARS]
    assert CliRunner().invoke(cli, ["build", *map(str, paths), "--out", str(out)]).exit_code == 0
    g = to_networkx(out)
    years = sorted({d["year"] for d in g.graph["documents"].values() if d["year"]})
    pages = {"full": (), "collaboration": ("--view", "collaboration"),
             "focus": ("--focus", "Region Västerbotten", "--depth", "1"),
             "compare": ("--compare", years[0], years[-1])}
    for name, args in pages.items():
        page = open_page(chromium, write_page(out, tmp_path / f"{name}.html", *args))
        s = stats(page)
        assert s["drawnNodes"] > 5 and s["drawnEdges"] > 5 and page.evaluate(INK) > 5000, name
        screenshot(page, ("real_" if real.is_dir() else "years_") + name)
        assert page.kg_errors == []
        if name == "full":  # the year filter keeps what the first year's report names
            page.select_option("#kg-year", str(years[0]))
            shown = set(page.evaluate("window.kgView.visibleLabels()"))
            named = {d["label"] for _, d in g.nodes(data=True) if years[0] in d["years"]}
            assert shown and shown <= named and stats(page)["visibleNodes"] < s["visibleNodes"]
    statuses = page.evaluate("window.kgView.data.statuses.map(s => s.name + ':' + s.count)")
    assert all(int(s.split(":")[1]) > 0 for s in statuses if not s.startswith("kept")), statuses
