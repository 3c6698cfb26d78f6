"""Organisations that the report itself calls a project are retyped Project."""
from extractors.records import Entity, Mention
from extractors.retype import retype_projects


def entity(text: str, name: str, etype: str = "Organisation", aliases=()) -> Entity:
    forms = [name, *aliases]
    mentions = []
    for form in forms:
        pos = text.find(form)
        while pos >= 0:
            mentions.append(Mention(form, etype, 1, pos, pos + len(form)))
            pos = text.find(form, pos + len(form))
    return Entity(name, etype, list(aliases), mentions)


def test_acronym_introduced_name_referred_to_as_projektet_becomes_project():
    text = ("Region Gävleborg samarbetar med grannregionerna genom Mellannorrland Brussels Office (MBO). "
            "Kontoret bevakar frågor om sammanhållningspolitik. Projektet finansieras av regionerna.")
    mbo = entity(text, "Mellannorrland Brussels Office", aliases=("MBO",))
    region = entity(text, "Region Gävleborg")
    retype_projects([region, mbo], text)
    assert mbo.type == "Project" and all(m.type == "Project" for m in mbo.mentions)
    assert region.type == "Organisation"


def test_partner_at_the_end_of_a_list_is_not_retyped():
    text = ("Satsningen drivs av Region Dalarna i samverkan med Siljan Turism. "
            "Projektet finansieras av Europeiska socialfonden+.")
    partner = entity(text, "Siljan Turism")
    retype_projects([partner, entity(text, "Region Dalarna")], text)
    assert partner.type == "Organisation"


def test_sentence_initial_topic_is_retyped_but_vouched_names_are_not():
    text = "Vindelälvens Innovationshus har startat i år. Projektet leds av en styrgrupp."
    house = entity(text, "Vindelälvens Innovationshus")
    retype_projects([house], text)
    assert house.type == "Project"
    text = "Region Jämtland Härjedalen har ansökt om medel. Projektet startar i höst."
    region = entity(text, "Region Jämtland Härjedalen")
    retype_projects([region], text)
    assert region.type == "Organisation"


def test_acronym_used_without_a_span_is_the_last_name_before_the_anaphor():
    text = ("Kust Norr Brussels Office (KNBO) Region Kalmar har ett kontor i Bryssel. "
            "KNBO har vuxit under året. Projektet finansieras av regionerna.")
    office = Entity("Kust Norr Brussels Office", "Organisation", ["KNBO"],
                    [Mention("Kust Norr Brussels Office", "Organisation", 1, 0, 25),
                     Mention("KNBO", "Organisation", 1, 27, 31)])
    region = entity(text, "Region Kalmar")
    retype_projects([office, region], text)
    assert office.type == "Project" and region.type == "Organisation"


def test_model_guess_named_with_a_project_noun_becomes_project():
    text = "Arbetet kring Fjällresan fortsätter. Den nationella utbildningssatsningen Fjällresan startar i höst."
    trip = entity(text, "Fjällresan")
    for mm in trip.mentions:
        mm.source = "model"
    retype_projects([trip], text)
    assert trip.type == "Project"
    text = "Samverkan med Fjällbolaget fortsätter. Projektet Fjällbolaget? Nej, bolaget."
    firm = entity(text, "Fjällbolaget")  # a rule span: not retyped by the noun test
    retype_projects([firm], text)
    assert firm.type == "Organisation"


def test_model_guess_said_to_be_initiated_or_funded_becomes_project():
    text = "Inom energiområdet märks Kalmar Green Harbour. Kalmar Green Harbour är initierat av Region Kalmar."
    park = entity(text, "Kalmar Green Harbour")
    for mm in park.mentions:
        mm.source = "weak"
    retype_projects([park, entity(text, "Region Kalmar")], text)
    assert park.type == "Project"


def test_council_or_forum_of_a_place_is_a_project():
    text = "Besöksrådet Gotland samlar näringen. Kommunen är medlem i Hamnrådet. Biosfärområdet Öland växer."
    council, assoc, area = entity(text, "Besöksrådet Gotland"), entity(text, "Hamnrådet"), entity(text, "Biosfärområdet Öland")
    retype_projects([council, assoc, area], text)
    assert council.type == "Project"
    assert assoc.type == "Organisation" and area.type == "Organisation"


def test_programme_a_funder_finances_through_is_a_funding_source():
    text = "Delprojektet finansieras av Formas inom programmet Smarta hamnar och leds av kommunen."
    prog = entity(text, "Smarta hamnar", "Project")
    retype_projects([prog, entity(text, "Formas")], text)
    assert prog.type == "FundingSource"
    text = "Regionen driver inom programmet Smarta hamnar tre delprojekt."
    prog = entity(text, "Smarta hamnar", "Project")
    retype_projects([prog], text)
    assert prog.type == "Project"


def test_funders_programme_in_the_genitive_is_a_funding_source():
    text = "Förstudien finansieras genom Formas program Smarta hamnar under två år."
    prog = entity(text, "Smarta hamnar", "Project")
    retype_projects([prog], text)
    assert prog.type == "FundingSource"


def test_plan_that_money_comes_from_is_a_funding_source():
    text = ("Sedan 2024 finansieras stöden genom Strategisk plan för kustfisket. Projektet har beviljats "
            "2 miljoner kronor inom Strategisk plan för kustfisket.")
    plan = entity(text, "Strategisk plan för kustfisket", "Strategy")
    retype_projects([plan], text)
    assert plan.type == "FundingSource"
    text = "Projektet bidrar till Strategisk plan för kustfisket."
    plan = entity(text, "Strategisk plan för kustfisket", "Strategy")
    retype_projects([plan], text)
    assert plan.type == "Strategy"
