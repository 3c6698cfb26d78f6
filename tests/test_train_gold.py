"""Gold and real-name training sentences (extractors/train_gold.py) on small files written by the test."""
import json

import spacy

from extractors.train_gold import gold_docs, name_docs, real_names


def test_gold_sentences_label_every_gold_name_and_nothing_else(tmp_path):
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    (corpus / "r.txt").write_text("Region Norrbotten leder Fjällkraft med Luleå kommun. Resten av texten är utan namn.\n",
                                  encoding="utf-8")
    (gold / "r_a.json").write_text(json.dumps({"doc": "r.txt", "lines": [1, 1], "relations": [], "entities": [
        {"name": "Region Norrbotten", "type": "Organisation", "aliases": [], "lines": [1]},
        {"name": "Fjällkraft", "type": "Project", "aliases": [], "lines": [1]},
        {"name": "Luleå kommun", "type": "Organisation", "aliases": ["Luleå"], "lines": [1]}]}), encoding="utf-8")
    docs = list(gold_docs(spacy.blank("sv"), gold, corpus))
    first = docs[0]
    assert [(e.text, e.label_) for e in first.ents] == [("Region Norrbotten", "Organisation"), ("Fjällkraft", "Project"),
                                                        ("Luleå kommun", "Organisation")]
    assert all(t.ent_iob_ in "BIO" and t.ent_iob_ for t in first)  # fully annotated: no missing tokens
    assert len(docs) == 2 and not docs[1].ents  # the sentence without names is kept as outside


def test_name_sentences_from_the_tables(tmp_path):
    eruf = tmp_path / "tillvaxtverket_projektbanken_eruf_2014-2020"
    interreg = tmp_path / "interreg_svenska_partners_2021-2027"
    eruf.mkdir()
    interreg.mkdir()
    (eruf / "projekt_stodmottagare_fond_belopp.tsv").write_text(
        "stödmottagare\tprojektnamn\nNorrskensbolaget AB\tLokala matnät\nFjällföreningen\tDigital bygd\n", encoding="utf-8")
    (interreg / "projekt_partner_roll_program.tsv").write_text(
        "organisationsnamn\tprojektnamn\nKustverket\tBlue Arctic Growth\n", encoding="utf-8")
    orgs, projects = real_names(tmp_path)
    assert orgs == ["Fjällföreningen", "Kustverket", "Norrskensbolaget AB"]
    assert "Blue Arctic Growth" in projects
    docs = list(name_docs(spacy.blank("sv"), tmp_path, n=24))
    assert len(docs) == 24
    labels = {e.label_ for d in docs for e in d.ents}
    assert labels == {"Organisation", "Project", "FundingSource"}
    assert all(e.text in orgs + projects or e.label_ == "FundingSource" for d in docs for e in d.ents)
