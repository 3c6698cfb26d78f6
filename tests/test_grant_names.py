"""Project names of grant sentences (extractors/grant_names.py), on sentences written for the tests."""
import pytest

from extractors import grant_names


def names(text):
    return {text[s:e] for s, e, _, _, _ in grant_names.find(text)}


@pytest.mark.parametrize("text, name", [
    ("Torsby kommun får 5,0 miljoner kronor för projektet Värmländska företag satsar på energi, klimat och miljö "
     "från regionalfonden.", "Värmländska företag satsar på energi, klimat och miljö"),
    ("Högskolan Väst beviljas 7 934 165 kronor från Europeiska regionala utvecklingsfonden för projektet "
     "Upphandlingsdriven innovation för regional tillväxt. Beslutet fattades i maj.",
     "Upphandlingsdriven innovation för regional tillväxt"),
    ("Med stöd från ERUF startar Almi Mitt AB projektet Energieffektiva företag genom Energikontor i samverkan. "
     "Budgeten är stor.", "Energieffektiva företag genom Energikontor i samverkan"),
    ("Stödet går till projektet Fjällmat 2.0 (FM2) som pågår till 2027.", "Fjällmat 2.0"),
    ("Projektet Digital Innovation in the Forest value chain leds av Skogforsk.",
     "Digital Innovation in the Forest value chain"),
    ("Svenska partner i projektet Smart Aging in the North är:", "Smart Aging in the North"),
])
def test_forms(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text, name", [
    ("Med stöd från fonden driver Region Norrbotten projektet Kompetenscentrum för fossilfri industri i samverkan "
     "med LTU och Bodens kommun.", "Kompetenscentrum för fossilfri industri"),
    ("Under hösten startade projektet Inflytt Norr, som ägs av Skellefteå kommun. Det pågår.", "Inflytt Norr"),
])
def test_name_stops_before_the_next_clause(text, name):
    assert names(text) == {name}


@pytest.mark.parametrize("text", [
    "Kommunen ansöker om medel för projektet i år.",
    "Pengarna räcker för projektet och mer därtill, sade hon.",
    "Styrelsen ansvarar för projektets genomförande.",
    "Projektet leds av Region Jämtland Härjedalen.",
])
def test_not_names(text):
    assert not names(text)
