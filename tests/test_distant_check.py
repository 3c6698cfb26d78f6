"""bench/distant_check.py: its renderers and truth on invented records, its scoring on made-up
predictions, and one small run of the whole check on the real data (skipped without ../shared)."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
REALDATA = REPO.parent / "shared" / "realdata"


def _load():
    spec = importlib.util.spec_from_file_location("distant_check", REPO / "bench" / "distant_check.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


dc = _load()
AURORA = dc.PROGRAMMES["AURORA"]
LONG_PROJECT = "Utveckling av regionala affärspotentialer för små och medelstora företag i glesbygd"
ERUF_RECS = [
    dc.Record("Testprojekt Alfa", "Exempelbolaget AB", (), dc.ERUF, 3929285, "Övre Norrland", "2016"),
    dc.Record(LONG_PROJECT, "Stiftelsen Påhittad Utveckling", (), dc.ERUF, 9328064, "Övre Norrland", "2017"),
]
INTERREG_RECS = [
    dc.Record("NORDLAB - Nordic Test Laboratory", "Påhittade kommun", ("Exempel AB", "Testbolaget, Umeå"),
              AURORA, 250000, "AURORA", "2023"),
    dc.Record("Green Sample", "", ("Region Exempel",), AURORA, 0, "AURORA", "2024"),
]


def triples(records):
    return {(r["s"], r["p"], r["o"]) for r in dc.truth(records)["relations"]}


def test_grant_table_rows_single_spaced_amount_last_and_totals():
    text = dc.render_grant_table(ERUF_RECS)
    lines = text.splitlines()
    assert "Beviljade projekt 2016 – Europeiska regionala utvecklingsfonden, Övre Norrland" in lines
    assert "PROJEKTÄGARE PROJEKTNAMN BELOPP KR" in lines
    assert "Exempelbolaget AB Testprojekt Alfa 3 929 285" in lines
    assert "TOTALT: 2 PROJEKT 13 257 349" in lines
    assert all("  " not in line and "\t" not in line for line in lines)


def test_grant_table_long_row_wraps_with_the_amount_whole_at_the_end():
    row = f"Stiftelsen Påhittad Utveckling {LONG_PROJECT} 9 328 064"
    lines = dc.render_grant_table(ERUF_RECS).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Stiftelsen Påhittad"))
    wrapped = lines[start:start + 2]
    assert len(row) > 80 and all(len(line) <= 80 for line in wrapped)
    assert " ".join(wrapped) == row
    assert wrapped[1].endswith("9 328 064")
    glued = "1 234 567".replace(" ", dc.GLUE)
    assert dc.wrap_row("Ägare " + "ord " * 18 + "slut " + glued, 40)[-1].endswith("1 234 567")


def test_grant_table_and_press_truth():
    expected = set()
    for r in ERUF_RECS:
        expected |= {(r.lead, "leads", r.project), (r.lead, "participatesIn", r.project),
                     (r.project, "fundedBy", "Europeiska regionala utvecklingsfonden")}
    assert triples(ERUF_RECS) == expected
    fund = [e for e in dc.truth(ERUF_RECS)["entities"] if e["type"] == "FundingSource"][0]
    assert "ERUF" in fund["aliases"]


def test_press_release_uses_every_template_in_turn():
    recs = [dc.Record(f"Projekt {c}", f"Bolag {c} AB", (), dc.ERUF, 2_600_000, "Stockholm", "2016")
            for c in "ABCDEFG"][:len(dc.PRESS_TEMPLATES)]
    paras = dc.render_press_release(recs).strip().split("\n\n")
    assert len(paras) == len(recs)
    for r, para in zip(recs, paras):
        assert r.lead in para and r.project in para
        assert any(f in para for f in ("Europeiska regionala utvecklingsfonden", "ERUF", "regionalfonden"))
    firsts = {p.split(" ", 2)[1] for p in paras}  # the templates open differently
    assert len(firsts) > 2


def test_fact_box_lines_and_truth():
    text = dc.render_fact_box(INTERREG_RECS)
    box, box2 = text.strip().split("\n\n")
    assert box.splitlines() == ["NORDLAB - Nordic Test Laboratory", "Projektägare: Påhittade kommun",
                                "Partner: Exempel AB; Testbolaget, Umeå", "Finansiär: Interreg Aurora",
                                "Budget: 250 000 euro"]
    assert "Projektägare" not in box2 and "Budget" not in box2  # unknown lead, no budget
    p = "NORDLAB - Nordic Test Laboratory"
    assert triples(INTERREG_RECS[:1]) == {
        ("Påhittade kommun", "leads", p), ("Påhittade kommun", "participatesIn", p),
        ("Exempel AB", "participatesIn", p), ("Testbolaget, Umeå", "participatesIn", p),
        (p, "fundedBy", "Interreg Aurora")}
    project = [e for e in dc.truth(INTERREG_RECS[:1])["entities"] if e["type"] == "Project"][0]
    assert set(project["aliases"]) == {"NORDLAB", "Nordic Test Laboratory"}


def test_partner_list_opening_bullets_and_programme():
    first, second = dc.render_partner_list(INTERREG_RECS).strip().split("\n\n")
    assert first.splitlines() == [
        "Projektet NORDLAB - Nordic Test Laboratory leds av Påhittade kommun. Partner i projektet är:",
        "- Exempel AB", "- Testbolaget, Umeå", "Projektet finansieras av Interreg Aurora."]
    assert second.splitlines()[:2] == ["Svenska partner i projektet Green Sample är:", "• Region Exempel"]
    assert ("Region Exempel", "leads", "Green Sample") not in triples(INTERREG_RECS)


def _docs(records, layout="fact_box"):
    return [{"name": "d.txt", "layout": layout, "text": "", "truth": dc.truth(records), "records": len(records)}]


def test_scoring_perfect_empty_and_fragment_predictions():
    docs = _docs(INTERREG_RECS)
    t = docs[0]["truth"]
    names = {e["name"] for e in t["entities"]}
    perfect = {"source": "d.txt", "entities": [{"name": n, "aliases": []} for n in sorted(names)],
               "relations": t["relations"]}
    s = dc.summary(dc.score_layouts(docs, {"d.txt": perfect}))["fact_box"]
    assert all(s[k]["p"] == s[k]["r"] == 1.0 for k in ("entities", *dc.KINDS))
    s = dc.summary(dc.score_layouts(docs, {"d.txt": {"source": "d.txt", "entities": [], "relations": []}}))
    assert all(s["fact_box"][k]["r"] == 0.0 and s["fact_box"][k]["fn"] > 0 for k in ("entities", *dc.KINDS))
    frag = {"source": "d.txt", "entities": [{"name": "Nordic Test", "aliases": []},
                                             {"name": "Exempel AB", "aliases": []}],
            "relations": [{"s": "Exempel AB", "p": "leads", "o": "Green Sample"}]}
    scored = dc.score_layouts(docs, {"d.txt": frag})["fact_box"]
    assert scored["entities"][:2] == [1, 1] and scored["leads"][:2] == [0, 1]
    assert ("FP fragment of a truth name", "FP entity   Nordic Test") in scored["errors"]


@pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is not beside the repository")
def test_whole_check_on_a_small_sample(tmp_path):
    out = tmp_path / "figures.json"
    assert dc.main(["--shared", str(REALDATA.parent), "--per-layout", "10", "--json", str(out)]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(figures) == set(dc.LAYOUTS)
    for layout, f in figures.items():
        assert f["records"] == 10
        for kind in ("entities", *dc.KINDS):
            assert all(0.0 <= f[kind][m] <= 1.0 for m in ("p", "r", "f1")), (layout, kind)
            assert f[kind]["tp"] + f[kind]["fn"] > 0, (layout, kind)  # the truth is not empty
