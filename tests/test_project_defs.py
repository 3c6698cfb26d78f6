"""Collaborations a sentence defines (extractors/project_defs.py); sentences written for the tests."""
from extractors import project_defs


def names(text):
    return {text[s:e] for s, e, _, _, _ in project_defs.find(text, lambda n: n.lower() not in {"umeå", "sverige"})}


def test_subject_with_utgor_and_words_between():
    text = "Kustkraft Syd utgör för insatsområdet energi en samarbetsyta för kommunerna."
    assert "Kustkraft Syd" in names(text)


def test_har_varit():
    assert "Fjällarena Tärna" in names("Fjällarena Tärna har varit en inomregional mötesplats för företag.")


def test_inverted_order():
    text = "Utöver detta så är Wood region en viktig samarbetsyta för skogsnäringen."
    assert "Wood region" in names(text)


def test_not_names():
    assert not names("Det är ett viktigt nätverk för oss.")
    assert not names("Därför är Umeå en viktig mötesplats för kulturen.")
    assert not names("Regionen utgör en samarbetsyta för kommunerna.")
    assert not names("Samverkan är en viktig plattform.")


def test_capitalised_adjective_and_compound_network():
    assert "Arktiska kommunnätverket" in names("I Arktiska kommunnätverket samverkar tre kommuner.")
    assert not names("Arktiska kommunnätverket bildades 2019.")  # sentence-initial: capitalisation says nothing


def test_suspended_compound_network():
    assert "energi- och klimatnätverket" in names("Uppstarten av energi- och klimatnätverket tog tid.")
    assert not names("Energi- och klimatfrågor diskuteras i nätverket.")
