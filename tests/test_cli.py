import json
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli

FREIA_Q = """SELECT ?label WHERE { ?org kg:participatesIn ?p . ?p rdfs:label "FREIA"@sv .
?org rdfs:label ?label } ORDER BY ?label"""


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def test_build_sample_then_query_and_stats(tmp_path):
    out = tmp_path / "b"
    r = run("build", "--out", out)
    assert r.exit_code == 0, r.output
    assert (out / "graph.ttl").exists() and (out / "kg.sqlite").exists()
    r = run("query", FREIA_Q, "--graph", out, "--format", "json")
    labels = {row["label"] for row in json.loads(r.output)}
    assert {"Region Västerbotten", "Länsstyrelsen Västerbotten"} <= labels
    r = run("stats", "--graph", out, "--format", "json")
    s = json.loads(r.output)
    assert all(s["classes"].get(t, 0) > 0 for t in ("Organisation", "Project", "Strategy", "FundingSource"))


def test_rebuild_is_idempotent(tmp_path):
    out = tmp_path / "b"
    run("build", "--out", out)
    first = (out / "graph.ttl").read_bytes()
    run("build", "--out", out)
    assert (out / "graph.ttl").read_bytes() == first


def test_extract_json_contract():
    r = run("extract", "--format", "json")
    data = json.loads(r.output)
    doc = data["documents"][0]
    assert doc["source"] == "sample_report.txt"
    ent = next(e for e in doc["entities"] if "DVIS" in e["aliases"])
    assert ent["type"] == "Project" and ent["name"] == "Digitala Västerbotten i samverkan"
    assert all({"line", "text"} <= set(m) for m in ent["mentions"])
    assert all({"s", "p", "o", "line", "evidence"} <= set(rel) for rel in doc["relations"])


def test_extract_explain_names_rules_and_layouts():
    layout = str(Path(__file__).parent / "fixtures" / "layouts" / "grant_table_owner_first.txt")
    text = run("extract", "--explain", layout).output
    assert "Project       Smart vård i glesbygd  <- layout:grant-table-owner-first:project" in text
    assert "Umeå universitet --leads--> Smart vård i glesbygd  [line 10]  <- layout:grant-table-owner-first (0.85)" in text
    doc = json.loads(run("extract", "--format", "json", "--explain").output)["documents"][0]
    dvis = next(e for e in doc["entities"] if "DVIS" in e["aliases"])
    assert dvis["rules"] and all(r.startswith(("rule:", "pattern:", "layout:", "model", "weak")) for r in dvis["rules"])
    assert {m["rule"] for m in dvis["mentions"]} == set(dvis["rules"])
    plain = json.loads(run("extract", "--format", "json").output)["documents"][0]
    assert "rules" not in plain["entities"][0]  # the contract's shape is unchanged without --explain


def test_turtle_roundtrip_rdflib_and_oxigraph(sample_build, tmp_path):
    ttl = tmp_path / "g.ttl"
    r = run("export", "--graph", sample_build, "--format", "turtle", "-o", ttl)
    assert r.exit_code == 0
    g = Graph().parse(ttl, format="turtle")
    store = ox.Store()
    store.load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    assert len(g) == len(store) > 100


def test_viz_escapes_document_text(tmp_path):
    doc = tmp_path / "evil.txt"
    doc.write_text("Projektet <script>alert(1)</script> Region Västerbotten driver projektet DVIS.\n"
                   "Region <b>Evil</b> deltar i DVIS.\n", encoding="utf-8")
    out = tmp_path / "b"
    assert run("build", doc, "--out", out).exit_code == 0
    html_file = tmp_path / "g.html"
    assert run("viz", "--graph", out, "-o", html_file).exit_code == 0
    page = html_file.read_text(encoding="utf-8")
    assert 'id="kg-data"' in page
    assert "<script>alert(1)</script>" not in page and "<b>Evil</b>" not in page


def test_bad_input_keeps_previous_build(tmp_path):
    out = tmp_path / "b"
    run("build", "--out", out)
    before = (out / "graph.ttl").read_bytes()
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"\x00\x01\x02 not a pdf")
    r = CliRunner().invoke(cli, ["build", str(bad), "--out", str(out)])
    assert r.exit_code != 0
    assert "not a PDF" in r.output
    assert (out / "graph.ttl").read_bytes() == before
