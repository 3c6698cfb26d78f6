"""`kg evaluate`: the reference scorer's matching rules on small gold files written for these tests."""
import json

from click.testing import CliRunner

from kg.cli import cli
from kg.evaluate import keys, load_gold, norm, score

GOLD = {"doc": "rapport.txt", "lines": [1, 10],
        "entities": [{"name": "Region Gotland", "type": "Organisation", "aliases": ["Region Gotlands"]},
                     {"name": "Fjällnära Innovation Norr", "type": "Project", "aliases": ["FINN"]},
                     {"name": "Agenda 2030", "type": "Strategy", "aliases": []}],
        "relations": [{"s": "Region Gotland", "p": "leads", "o": "FINN", "line": 2, "evidence": "..."}]}
TEXT = ("Region Gotland leder satsningen Fjällnära Innovation Norr (FINN).\n\n"
        "Satsningen bidrar till Agenda 2030.\n")


def write_gold(tmp_path):
    g = tmp_path / "gold"
    g.mkdir()
    (g / "a.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return g


def test_norm_and_keys():
    assert norm(" ”Region  Gotland” ") == "region gotland"
    assert keys(["Region Gotlands"]) == {"region gotlands", "region gotland"}


def test_score_counts_duplicates_and_types(tmp_path):
    gold = load_gold(write_gold(tmp_path))
    preds = {"documents": [{"source": "x/rapport.txt", "entities": [
        {"name": "Region Gotland", "type": "Organisation", "aliases": []},
        {"name": "Region Gotlands", "type": "Organisation", "aliases": []},   # duplicate -> FP
        {"name": "FINN", "type": "Organisation", "aliases": []},              # wrong type -> FP + FN
        {"name": "Agenda 2030", "type": "Strategy", "aliases": []}],
        "relations": [{"s": "Region Gotland", "p": "leads", "o": "Fjällnära Innovation Norr"}]}]}
    sc = score(gold, preds)
    assert sc.entities["Organisation"] == [1, 2, 0]
    assert sc.entities["Project"] == [0, 0, 1]
    assert sc.entities["Strategy"] == [1, 0, 0]
    assert sc.relations["leads"] == [1, 0, 0]
    assert ("rapport.txt", "FP", "Organisation", "Region Gotlands (duplicate)") in sc.errors


def test_cli_evaluate_extracts_and_lists_errors(tmp_path, monkeypatch):
    monkeypatch.setattr("extractors.extract.extract_relations", lambda *a, **k: [])  # entities are scored here
    gold = write_gold(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rapport.txt").write_text(TEXT, encoding="utf-8")
    r = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), "--ner", "rules", "--errors"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].split()[:4] == ["entities", "P", "R", "F1"]
    row = {ln.split()[0]: ln.split()[1:] for ln in lines if ln and ln.split()[0] in ("Organisation", "Project")}
    assert float(row["Organisation"][2]) == 1.0 and float(row["Project"][2]) == 1.0
    assert lines[-1].startswith("entity_f1=")
    assert any("FN relation" in ln and "leads" in ln for ln in lines)  # relations were not extracted here
    r = CliRunner().invoke(cli, ["evaluate", str(corpus / "rapport.txt"), "--gold", str(gold),
                                 "--ner", "rules", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["entities"]["micro"]["f1"] == 1.0


def test_cli_evaluate_bad_gold(tmp_path):
    (tmp_path / "g").mkdir()
    r = CliRunner().invoke(cli, ["evaluate", "--gold", str(tmp_path / "g")])
    assert r.exit_code == 1


def test_against_scores_one_annotation_folder_against_another(tmp_path):
    import json as _json

    from click.testing import CliRunner as _Runner

    from kg.cli import cli as _cli

    gold, other = tmp_path / "gold", tmp_path / "other"
    gold.mkdir()
    other.mkdir()
    ents = [{"name": "Region Norrbotten", "type": "Organisation", "aliases": [], "lines": [1]},
            {"name": "Fjällkraft", "type": "Project", "aliases": [], "lines": [1]}]
    rel = [{"s": "Region Norrbotten", "p": "leads", "o": "Fjällkraft", "line": 1, "evidence": "leder"}]
    (gold / "r.json").write_text(_json.dumps({"doc": "r.txt", "lines": [1, 1], "entities": ents, "relations": rel}))
    (other / "r.json").write_text(_json.dumps({"doc": "r.txt", "lines": [1, 1], "entities": ents[:1], "relations": []}))
    out = _Runner().invoke(_cli, ["evaluate", "--gold", str(gold), "--against", str(other), "--format", "json"]).output
    scores = _json.loads(out[out.index("{"):])
    assert scores["entities"]["micro"]["p"] == 1.0 and scores["entities"]["micro"]["r"] == 0.5
    assert scores["relations"]["micro"]["r"] == 0.0
