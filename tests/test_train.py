"""The NER: training through `kg train` on a tiny fixture, the silver policy, the shipped model."""
import json

import pytest
from click.testing import CliRunner

from conftest import FIXTURES

LABELS = {"Organisation", "Project", "Strategy", "FundingSource"}


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A model trained in seconds by the same code path as `kg train`."""
    from kg.cli import cli

    out = tmp_path_factory.mktemp("tiny") / "model"
    res = CliRunner().invoke(cli, ["train", "--corpus", str(FIXTURES / "ner_corpus.txt"), "--output", str(out),
                                   "--examples", str(FIXTURES / "ner_examples"), "--max-steps", "120", "--seed", "1"])
    assert res.exit_code == 0, res.output + repr(res.exception)
    # progress goes to stderr without colour codes into a pipe, and names no deleted temporary folder
    assert "\x1b[" not in res.output and "kg-train-" not in res.output and "model-best" not in res.output
    return out


def test_tiny_model_is_a_small_clean_model_folder(tiny_model):
    meta = json.loads((tiny_model / "meta.json").read_text(encoding="utf-8"))
    assert set(meta["labels"]["ner"]) == LABELS
    assert meta["kg_training"]["corpus"] == ["ner_corpus.txt"]
    assert meta["kg_training"]["silver"]["Organisation"] >= 3  # the rules labelled the corpus
    assert not (tiny_model / "model-last").exists() and not (tiny_model / "model-best").exists()
    size = sum(f.stat().st_size for f in tiny_model.rglob("*") if f.is_file())
    assert size < 8_000_000


def test_tiny_model_loads_and_predicts_the_four_labels(tiny_model):
    import spacy

    nlp = spacy.load(tiny_model)
    assert set(nlp.get_pipe("ner").labels) == LABELS
    doc = nlp("Region Norrbotten leder projektet Smart Industri Norr som finansieras av "
              "Europeiska regionala utvecklingsfonden.")
    assert doc.ents, "the tiny model should at least reproduce its training sentence"
    assert {e.label_ for e in doc.ents} <= LABELS


def test_tiny_model_in_the_pipeline(tiny_model):
    from extractors.pipeline import build_nlp

    nlp = build_nlp(rules=True, model=True, model_dir=tiny_model)
    assert nlp.pipe_names[:4] == ["kg_sentencizer", "tok2vec", "ner", "kg_model_filter"]
    doc = nlp("Region Norrbotten leder projektet Smart Industri Norr.")
    assert ("Region Norrbotten", "Organisation") in {(e.text, e.label_) for e in doc.ents}


def test_silver_marks_unknown_tokens_missing_not_outside():
    import spacy
    from spacy.tokens import Span

    from extractors.train import silver_doc

    doc = spacy.blank("sv")("Under året har Region Västerbotten och Zorbex Kvantum arbetat med frågan om bostäder i glesbygd.")
    doc.ents = [Span(doc, 3, 5, label="Organisation", span_id="rule:test")]  # the rules missed "Zorbex Kvantum"
    sdoc, n = silver_doc(doc[:])
    iob = {t.text: t.ent_iob_ for t in sdoc}
    assert n >= 1 and iob["Region"] == "B" and sdoc.ents[0].label_ == "Organisation"
    assert iob["Zorbex"] == "" and iob["Kvantum"] == ""  # unknown name: missing, not O
    assert iob["bostäder"] == "O" and iob["glesbygd"] == "O"  # far from any name-like token


def test_examples_markup():
    from extractors.train import load_examples, parse_markup

    text, spans = parse_markup("[Region Skåne](Organisation) antog [Agenda 2030](Strategy).")
    assert text == "Region Skåne antog Agenda 2030."
    assert [(text[s:e], label) for s, e, label in spans] == [("Region Skåne", "Organisation"),
                                                             ("Agenda 2030", "Strategy")]
    examples = load_examples()
    assert len(examples) >= 100
    assert {label for _, spans in examples for *_, label in spans} == LABELS


def test_shipped_model_loads_and_the_combined_pipeline_finds_entities():
    from extractors.pipeline import MODEL_DIR, build_nlp, model_available

    assert model_available(), "the trained model must ship in extractors/model"
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert set(meta["labels"]["ner"]) == LABELS
    nlp = build_nlp()
    assert "ner" in nlp.pipe_names
    doc = nlp("Under hösten har Region Gävleborg och Sandvikens kommun startat projektet Grön Industri Mitt, "
              "som finansieras av Europeiska regionala utvecklingsfonden.")
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("Region Gävleborg", "Organisation") in found
    assert ("Europeiska regionala utvecklingsfonden", "FundingSource") in found
    model_only = build_nlp(rules=False, model=True)
    doc = model_only("Samarbetet mellan Region Norrbotten och Luleå kommun fortsätter under nästa år.")
    assert {e.label_ for e in doc.ents} <= LABELS
    assert any(e.label_ == "Organisation" for e in doc.ents)


def test_jobs_give_the_same_results_as_one_process():
    from extractors.extract import extract_many
    from extractors.pipeline import build_nlp

    nlp = build_nlp()
    text = (FIXTURES / "ner_corpus.txt").read_text(encoding="utf-8")
    docs = [(text, "a.txt"), (text.replace("Östersunds kommun", "Bergs kommun"), "b.txt"), (text, "c.txt")]
    one = [r.to_json() for r in extract_many(nlp, docs, jobs=1)]
    two = [r.to_json() for r in extract_many(nlp, docs, jobs=2)]
    assert one == two
    assert [r["source"] for r in two] == ["a.txt", "b.txt", "c.txt"]


def test_cli_ner_modes_and_jobs(tmp_path):
    from kg.cli import cli

    report = tmp_path / "r.txt"
    report.write_text((FIXTURES / "ner_corpus.txt").read_text(encoding="utf-8"), encoding="utf-8")
    names = {}
    for mode in ("rules", "model", "both"):
        res = CliRunner().invoke(cli, ["extract", "--format", "json", "--ner", mode, str(report)])
        assert res.exit_code == 0, res.output
        names[mode] = {e["name"] for d in json.loads(res.output)["documents"] for e in d["entities"]}
    assert "Region Jämtland Härjedalen" in names["rules"] and "Region Jämtland Härjedalen" in names["both"]
    other = tmp_path / "s.txt"
    other.write_text(report.read_text(encoding="utf-8").replace("Östersunds kommun", "Bergs kommun"), encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", "--format", "json", "--jobs", "2", str(report), str(other)])
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.output)["documents"]) == 2
    res = CliRunner().invoke(cli, ["extract", "--ner", "nonsense", str(report)])
    assert res.exit_code == 2
