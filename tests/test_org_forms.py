"""Organisation name forms of extractors/org_forms.py, on sentences written for the tests."""
import pytest

from extractors import org_forms
from extractors.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(rules=True, model=False)


def names(text):
    return {text[s:e] for s, e, _, _, _ in org_forms.find(text)}


@pytest.mark.parametrize("text, name", [
    ("Medlem är Fjällbyns framtid ekonomisk förening sedan 2019.", "Fjällbyns framtid ekonomisk förening"),
    ("Priset gick till Kalix Ridklubb i år.", "Kalix Ridklubb"),
    ("Stödet går till The Paper Province Ekonomisk Fören i år.", "The Paper Province Ekonomisk Fören"),
    ("Värmlandskooperativen Ek. För. får medel.", "Värmlandskooperativen Ek. För."),
    ("Vi samarbetar med Statistiska institutionen vid Lunds universitet om data.",
     "Statistiska institutionen vid Lunds universitet"),
    ("Vid Ortopediska kliniken finns en ny mottagning.", "Ortopediska kliniken"),
    ("Lunds universitet, institutionen för kulturgeografi, deltar.", "institutionen för kulturgeografi"),
    ("Hon är ledamot i Interreg Nord styrkommitté sedan i våras.", "Interreg Nord styrkommitté"),
    ("Övervakningskommittén (ÖK) för ERUF och JTF möts två gånger per år.", "Övervakningskommittén (ÖK) för ERUF och JTF"),
    ("Ett Nationellt kompetenscenter för digital hälsa har bildats.", "Nationellt kompetenscenter för digital hälsa"),
    ("Ansvaret ligger på Luleå kommuns upphandlingsbyrå numera.", "Luleå kommuns upphandlingsbyrå"),
    ("Ungdomar från Klimatbyråns grupp deltog.", "Klimatbyrån"),
    ("Redovisningen lämnas till Regeringskansliet (Näringsdepartementet) i mars.", "Näringsdepartementet"),
    ("Frågan bereds av Klimat- och näringslivsdepartementet under våren.", "Klimat- och näringslivsdepartementet"),
    ("Rapporten är skapad av Samhällsanalys, Region Dalarna", "Samhällsanalys"),
    ("Underlaget är sammanställt av Enheten för analys, Umeå kommun, i maj.", "Enheten för analys"),
    ("Lärosäten på norska sidan, som Høgskolen i Innlandet, deltar.", "Høgskolen i Innlandet"),
    ("Arbetet sker med Högskolan i Skövde och andra.", "Högskolan i Skövde"),
    ("Planen togs fram med föreningen Strömsunds Näringsliv i fjol.", "Strömsunds Näringsliv"),
    ("Samverkan sker med Sundsvall Business Region om etableringar.", "Sundsvall Business Region"),
    ("Testerna görs vid Materialtekniskt Centrum i Luleå.", "Materialtekniskt Centrum"),
])
def test_forms(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "Föreningen är en ideell förening med 40 medlemmar.",
    "Institutionen för att stödja barn har lagts ned.",
    "Ett gemensamt centrum för hela länet diskuteras.",
    "Kommittén lämnade sitt betänkande i maj.",
    "Boken är skriven av Anna, Region Dalarna.",
    "Planen är framtagen av regionen, Region Dalarna och kommunerna.",
    "Kontakt: Eva Ek, tf Chef Näringsliv och samhällsbyggnad, Region Dalarna.",
])
def test_not_names(text):
    assert not names(text)


def test_form_outranks_a_gazetteer_name_inside_it(nlp):
    found = {(e.text, e.label_) for e in nlp("Vi samarbetar med Pedagogiska institutionen vid Umeå universitet.").ents}
    assert ("Pedagogiska institutionen vid Umeå universitet", "Organisation") in found


@pytest.mark.parametrize("text, name", [
    ("Beslutet fattas av Strukturfondspartnerskapet för Mellersta Norrland i maj.",
     "Strukturfondspartnerskapet för Mellersta Norrland"),
    ("Det Strategiska partnerskapet Norra Mellansverige träffas två gånger.", "Strategiska partnerskapet Norra Mellansverige"),
    ("Arbetet samordnas av stab för hållbar tillväxt sedan i år.", "stab för hållbar tillväxt"),
])
def test_partnerships_and_staff_units(text, name):
    assert name in names(text)


def test_municipality_list_after_a_place(nlp):
    found = {(e.text, e.label_) for e in nlp("Nätverket består av fem kommuner i Jämtland samt Sollefteå och Kramfors.").ents}
    assert ("Sollefteå", "Organisation") in found and ("Kramfors", "Organisation") in found


@pytest.mark.parametrize("text, name", [
    ("I samarbete med Regionbibliotek Jämtland/Härjedalen ordnades kurser.", "Regionbibliotek Jämtland/Härjedalen"),
    ("Länsmuseet Gävleborg visar utställningen.", "Länsmuseet Gävleborg"),
    ("Stöd gick till Fiske- och jaktmuseet i Åsele.", "Fiske- och jaktmuseet"),
])
def test_cultural_institutions(text, name):
    assert name in names(text)


def test_theatre_head(nlp):
    found = {(e.text, e.label_) for e in nlp("Stödet gick till Bágo Samiteater och till kommunen.").ents}
    assert ("Bágo Samiteater", "Organisation") in found


def test_city_as_municipal_body():
    assert "Vasa stad" in names("Regionen samarbetar med Vasa stad och Karleby stad.")
    assert not names("Konferensen hölls i Umeå stad i maj.")


def test_company_form_and_hyphenated_county_tail(nlp):
    found = {(e.text, e.label_) for e in nlp("Partner är LTU Business AB och Hushållningssällskapet "
                                             "Norrbotten-Västerbotten samt Norrlandsoperan.").ents}
    assert ("LTU Business AB", "Organisation") in found
    assert ("Hushållningssällskapet Norrbotten-Västerbotten", "Organisation") in found
    assert ("Norrlandsoperan", "Organisation") in found
