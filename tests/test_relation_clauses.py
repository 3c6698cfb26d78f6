"""Clause-level relation rules (extractors/relation_clauses.py) on invented Swedish sentences:
each family with a sentence that must yield the relation and one that must not."""
from __future__ import annotations

import pytest

from test_relations import rels, triples


# ------------------------------------------------------------------ units inside one name

def test_genitive_owner_inside_an_organisation_name_is_part_of():
    t = triples("[Norrskensförbundet|O] har många medlemmar.",
                "[Norrskensförbundets arbetsutskott|O] sammanträdde i mars.")
    assert ("Norrskensförbundets arbetsutskott", "partOf", "Norrskensförbundet") in t


def test_unit_vid_whole_inside_one_name_is_part_of():
    t = triples("[Institutionen för fysik vid Mittuniversitetet|O] har ett nytt labb.",
                "[Mittuniversitetet|O] växer.")
    assert ("Institutionen för fysik vid Mittuniversitetet", "partOf", "Mittuniversitetet") in t


def test_place_genitive_that_is_also_an_authority_alias_is_no_owner():
    # 'Dalarna' names the county agency elsewhere, but 'Dalarnas museum' is no unit of the agency
    t = triples("[Dalarna|O=Länsstyrelsen Dalarna] beslutade om bidrag.",
                "[Dalarnas museum|O] visar en ny utställning.")
    assert not any(p == "partOf" for _, p, _ in t)


# ------------------------------------------------------------------ unit apposition

def test_unit_apposition_with_unit_noun_is_part_of():
    t = triples("[Luleå tekniska universitet|O], [institutionen för ekonomi|O] har gjort en analys.")
    assert ("institutionen för ekonomi", "partOf", "Luleå tekniska universitet") in t
    t = triples("[Enheten för tillväxt|O], [Region Dalarna|O] har uppdraget att samordna arbetet.")
    assert ("Enheten för tillväxt", "partOf", "Region Dalarna") in t


def test_enumeration_of_organisations_is_no_apposition():
    t = triples("Deltagare var [Region Dalarna|O], [Enheten för tillväxt|O] och [Borlänge kommun|O].")
    assert not any(p == "partOf" for _, p, _ in t)


# ------------------------------------------------------------------ drafts and possession

def test_genitive_proposal_gives_responsible_for():
    t = triples("[Trafikverkets|O=Trafikverket] förslag till [nationell plan för transportinfrastrukturen|S] "
                "remitterades i höstas.")
    assert ("Trafikverket", "responsibleFor", "nationell plan för transportinfrastrukturen") in t


def test_proposal_without_genitive_owner_gives_nothing():
    t = triples("Ett förslag till [regional kulturplan|S] diskuterades med [Kulturrådet|O].")
    assert not any(p == "responsibleFor" for _, p, _ in t)


def test_organisation_has_its_own_strategy():
    t = triples("[Malå kommun|O] har en egen [Näringslivsstrategi 2030|S].")
    assert ("Malå kommun", "responsibleFor", "Näringslivsstrategi 2030") in t


def test_having_a_role_in_a_strategy_is_not_owning_it():
    t = triples("[Malå kommun|O] har en viktig roll i [Näringslivsstrategi 2030|S].")
    assert ("Malå kommun", "responsibleFor", "Näringslivsstrategi 2030") not in t


# ------------------------------------------------------------------ implementation nouns

def test_project_with_strategy_implementation_in_focus_implements_it():
    t = triples("Projektet [Grön mat i Dalarna|P], som har [matstrategins|S=Matstrategi för Dalarna] "
                "genomförande i fokus, pågår till 2027.")
    assert ("Grön mat i Dalarna", "implements", "Matstrategi för Dalarna") in t


def test_project_named_before_the_strategys_implementation():
    t = triples("Inom projektet [Grön mat i Dalarna|P] sätts fokus på [matstrategins|S=Matstrategi för Dalarna] "
                "genomförande och uppföljning.")
    assert ("Grön mat i Dalarna", "implements", "Matstrategi för Dalarna") in t


def test_new_project_named_by_an_unknown_name_takes_no_implementation():
    t = triples("Projektet [Grön mat i Dalarna|P] startade i januari.",
                "Det andra projektet är Lokal Livsmedelskraft, som har [matstrategins|S=Matstrategi för Dalarna] "
                "genomförande i fokus.")
    assert ("Grön mat i Dalarna", "implements", "Matstrategi för Dalarna") not in t


def test_organisation_implementing_a_strategy_is_no_project():
    t = triples("[Region Dalarna|O] ansvarar för [matstrategins|S=Matstrategi för Dalarna] genomförande.")
    assert not any(p == "implements" for _, p, _ in t)


# ------------------------------------------------------------------ collaboration agents

def test_quantified_subject_is_not_the_report_author():
    t = triples("[Region Dalarna|O] skriver denna rapport. [Region Dalarna|O] ansvarar för mycket.",
                "[Region Dalarna|O] har många uppdrag och [Region Dalarna|O] leder arbetet.",
                "Ett antal kommuner har tillsammans med [Skolverket|O] genomfört ett utvecklingsarbete.")
    assert not any(p == "collaboratesWith" and "Skolverket" in (s, o) for s, p, o in t)


def test_verb_second_subject_after_the_partner_list_collaborates():
    t = triples("Tillsammans med [Visit Falun|O] och [Borlänge kommun|O] arbetar [Dalarna Turism|O] "
                "för en hållbar besöksnäring.")
    assert ("Dalarna Turism", "collaboratesWith", "Visit Falun") in t or \
        ("Visit Falun", "collaboratesWith", "Dalarna Turism") in t
    assert ("Borlänge kommun", "collaboratesWith", "Dalarna Turism") in t or \
        ("Dalarna Turism", "collaboratesWith", "Borlänge kommun") in t


def test_work_anaphor_continues_the_previous_agent():
    r = rels("[Kollektivtrafikmyndigheten i Dalarna|O] har tagit fram [Trafikförsörjningsprogram för Dalarna|S].",
             "Arbetet har skett i samverkan med [Dalatrafik|O].")
    key = tuple(sorted(("Kollektivtrafikmyndigheten i Dalarna", "Dalatrafik")))
    assert (key[0], "collaboratesWith", key[1]) in r


def test_work_anaphor_without_a_previous_agent_stays_with_the_author_rule():
    t = triples("Vädret var kallt.", "Arbetet har skett i samverkan med [Dalatrafik|O].")
    assert not any(p == "collaboratesWith" for _, p, _ in t)


# ------------------------------------------------------------------ paragraph-level enumerations

def test_counted_generic_object_then_projects_introduced_in_the_paragraph():
    t = triples("[Region Dalarna|O] driver två projekt inom skogsområdet.",
                "Det ena går under namnet [Skog i förändring|P] och pågår till 2027.",
                "Projektet [Skog i förändring|P] har besökt 80 företag.",
                "Det andra projektet är [Virkesvärde Dalarna|P], som startade i höstas.",
                "[Skogsdagen|P] lockade många besökare.")
    assert ("Region Dalarna", "leads", "Skog i förändring") in t
    assert ("Region Dalarna", "leads", "Virkesvärde Dalarna") in t
    assert ("Region Dalarna", "participatesIn", "Virkesvärde Dalarna") in t
    assert ("Region Dalarna", "leads", "Skogsdagen") not in t  # two projects were announced


def test_uncounted_participation_in_networks_named_next():
    t = triples("[Region Dalarna|O] deltar aktivt i flera nätverk för energiområdet.",
                "[Vätgas Mitt|P] är en samarbetsyta för industrin.",
                "Inom nätverket [Solel Dalarna|P] delas erfarenheter.")
    assert ("Region Dalarna", "participatesIn", "Vätgas Mitt") in t
    assert ("Region Dalarna", "participatesIn", "Solel Dalarna") in t
    assert ("Region Dalarna", "leads", "Vätgas Mitt") not in t


def test_enumeration_ends_at_a_heading():
    t = triples("[Region Dalarna|O] deltar i flera projekt inom energiområdet.",
                "Kultur och fritid",
                "[Kulturnatten|P] lockade många besökare.")
    assert ("Region Dalarna", "participatesIn", "Kulturnatten") not in t


def test_project_named_mid_sentence_is_not_introduced():
    t = triples("[Region Dalarna|O] deltar i flera projekt inom energiområdet.",
                "Företagen har även besökt mässan [Energiveckan|P] i Borlänge.")
    assert ("Region Dalarna", "participatesIn", "Energiveckan") not in t


# ------------------------------------------------------------------ co-occurrence filter

def test_compound_prefix_organisation_takes_no_part():
    t = triples("Det [EU|O=Europeiska unionen]-finansierade projektet [Fiber Dalarna|P] pågår till 2026 "
                "i samarbete med kommunerna.")
    assert ("Europeiska unionen", "participatesIn", "Fiber Dalarna") not in t


def test_genitive_of_a_non_participation_noun_takes_no_part():
    t = triples("Konferensen [Skoldagen|P] tog upp [EU:s|O=Europeiska unionen] regioner och deras samarbete.")
    assert ("Europeiska unionen", "participatesIn", "Skoldagen") not in t


def test_genitive_participation_noun_still_takes_part():
    t = triples("[Region Dalarnas|O=Region Dalarna] deltagande i projektet [Skog i förändring|P] har gett resultat.")
    assert ("Region Dalarna", "participatesIn", "Skog i förändring") in t


# ------------------------------------------------------------------ generic objects, place genitives, event anaphora

def test_generic_plural_object_names_no_project():
    t = triples("Skolnätverk",
                "[Lärarlyftet Dalarna|P] är ett forum för lärare.",
                "Samverkan vilar på en stabil grund och [Region Dalarna|O] driver och samordnar ett antal nätverk.")
    assert ("Region Dalarna", "leads", "Lärarlyftet Dalarna") not in t
    t = triples("[Lärarlyftet Dalarna|P] är ett forum för lärare.",
                "Genom de plattformar och nätverk som [Region Dalarna|O] driver ökar kapaciteten.")
    assert ("Region Dalarna", "leads", "Lärarlyftet Dalarna") not in t


def test_named_object_after_a_lead_verb_still_leads():
    t = triples("[Region Dalarna|O] driver och samordnar nätverket [Lärarlyftet Dalarna|P].")
    assert ("Region Dalarna", "leads", "Lärarlyftet Dalarna") in t


def test_place_genitive_opening_a_project_name_is_no_owner():
    t = triples("[Dalarna|O=Länsstyrelsen Dalarna] har beslutat om stöd.",
                "[Dalarnas skogsprogram|P] samlar skogsnäringen.")
    assert ("Länsstyrelsen Dalarna", "leads", "Dalarnas skogsprogram") not in t


def test_organisation_genitive_opening_a_strategy_name_is_its_owner():
    t = triples("[Länstrafiken|O] kör bussar.", "[Länstrafikens hållplatshandbok|S] uppdaterades i år.")
    assert ("Länstrafiken", "responsibleFor", "Länstrafikens hållplatshandbok") in t


def test_event_anaphor_partners_take_part_in_the_project():
    t = triples("[Region Dalarna|O] skriver rapporten och [Region Dalarna|O] leder mycket. [Region Dalarna|O] igen.",
                "Kampanjen [Stoppa våldet|P] pågick i november.",
                "Arrangemangen genomförs i samverkan med [Länsstyrelsen Dalarna|O] och [Falu kommun|O].")
    assert ("Länsstyrelsen Dalarna", "participatesIn", "Stoppa våldet") in t
    assert ("Falu kommun", "participatesIn", "Stoppa våldet") in t
    assert not any(p == "collaboratesWith" for _, p, _ in t)


# ------------------------------------------------------------------ role lists, strategy frames, list gaps

def test_members_of_an_association_listed_after_its_name():
    t = triples("Medlemmar i [Dalarnas kommunförbund|O] är [Falu kommun|O], [Borlänge kommun|O] och [Malung-Sälens kommun|O].")
    for m in ("Falu kommun", "Borlänge kommun", "Malung-Sälens kommun"):
        assert (m, "partOf", "Dalarnas kommunförbund") in t


def test_parties_of_the_anaphoric_project():
    t = triples("Projektet [Grön logistik|P] startade i maj.",
                "Det pågår i tre år och har en budget på fem miljoner.",
                "Parter i projektet är [Falu kommun|O] och [Högskolan Dalarna|O].")
    assert ("Falu kommun", "participatesIn", "Grön logistik") in t
    assert ("Högskolan Dalarna", "participatesIn", "Grön logistik") in t


def test_owners_of_a_company_listed_after_its_name():
    t = triples("Ägare till [Dalarnas Hamn AB|O] är [Falu kommun|O] och [Borlänge kommun|O].")
    assert ("Dalarnas Hamn AB", "partOf", "Falu kommun") in t
    assert ("Dalarnas Hamn AB", "partOf", "Borlänge kommun") in t


def test_members_mentioned_without_a_list_verb_give_nothing():
    t = triples("Medlemmar i [Dalarnas kommunförbund|O] träffade [Falu kommun|O] i mars.")
    assert not any(p == "partOf" for _, p, _ in t)


def test_strategy_framed_before_the_project():
    t = triples("Inom ramen för [Regional utvecklingsstrategi för Dalarna|S] genomförs projektet [Grön logistik|P].")
    assert ("Grön logistik", "implements", "Regional utvecklingsstrategi för Dalarna") in t


def test_strategy_frame_without_a_project_in_the_clause():
    t = triples("[Grön logistik|P] startade i maj.",
                "Inom ramen för [Regional utvecklingsstrategi för Dalarna|S] har [Region Dalarna|O] tagit fram en plan.")
    assert not any(p == "implements" for _, p, _ in t)


def test_enumeration_does_not_run_over_a_second_passive_clause():
    t = triples("[Grön logistik|P], som drivs av [Falu kommun|O], finansieras av [Tillväxtverket|O].")
    assert ("Falu kommun", "leads", "Grön logistik") in t
    assert ("Grön logistik", "fundedBy", "Tillväxtverket") in t
    assert ("Tillväxtverket", "leads", "Grön logistik") not in t


# ------------------------------------------------------------------ apposition 'en del av', grants, 'och i'

def test_apposition_part_of():
    t = triples("[Almi Dalarna|O], en del av [Almi Företagspartner|O], ger lån till företag.")
    assert ("Almi Dalarna", "partOf", "Almi Företagspartner") in t


def test_apposition_other_noun_is_not_part_of():
    t = triples("[Falu kommun|O], en av kunderna hos [Dala Energi|O], bygger ut.")
    assert not any(p == "partOf" for _, p, _ in t)


def test_granting_organisation_funds_the_project():
    t = triples("[Region Dalarna|O] beviljade stöd till [Grön logistik|P] under våren.")
    assert ("Grön logistik", "fundedBy", "Region Dalarna") in t


def test_participation_coordinated_with_och_i():
    t = triples("[Falu kommun|O] deltar i [Grön logistik|P] och i [Solel Dalarna|P].")
    assert ("Falu kommun", "participatesIn", "Grön logistik") in t
    assert ("Falu kommun", "participatesIn", "Solel Dalarna") in t


# ------------------------------------------------------------------ collaboration subjects and partners

def test_subject_of_the_second_coordinated_clause_collaborates():
    t = triples("Under året har ett [Cancercentrum Mitt|O] bildats och [Region Dalarna|O] har tillsammans med "
                "[Region Gävleborg|O] drivit frågan.")
    assert ("Region Dalarna", "collaboratesWith", "Region Gävleborg") in t
    assert ("Cancercentrum Mitt", "collaboratesWith", "Region Gävleborg") not in t


def test_genitive_enumeration_with_collaboration_noun():
    t = triples("[Dalatrafik|O], [Falu kommun|O] och [Trafikverkets|O=Trafikverket] samverkan har fördjupats.")
    assert ("Dalatrafik", "collaboratesWith", "Trafikverket") in t
    assert ("Falu kommun", "collaboratesWith", "Trafikverket") in t


def test_genitive_enumeration_with_other_noun_is_no_collaboration():
    t = triples("[Dalatrafik|O] och [Trafikverkets|O=Trafikverket] budgetar har minskat.")
    assert not any(p == "collaboratesWith" for _, p, _ in t)


def test_place_after_the_partners_is_no_partner():
    t = triples("[Region Dalarna|O] har tillsammans med [Region Gävleborg|O] ökat bevakningen av vattenfrågor i [EU|O].")
    assert ("Region Dalarna", "collaboratesWith", "Region Gävleborg") in t
    assert not any(p == "collaboratesWith" and "EU" in (s, o) for s, p, o in t)


def test_representatives_from_an_organisation_are_partners():
    t = triples("[Region Dalarna|O] skriver. [Region Dalarna|O] leder. [Region Dalarna|O] igen.",
                "Arbetet har skett i samverkan med [Dalatrafik|O] men även med representanter från [Falu kommun|O].")
    assert any(p == "collaboratesWith" and "Falu kommun" in (s, o) for s, p, o in t)


# ------------------------------------------------------------------ split verbs, mutual collaboration, agreements

def test_owner_with_company_object_right_after_the_verb():
    t = triples("[Kiruna kommun|O] äger [Tekniska Verken i Kiruna AB|O] till 100 procent.")
    assert ("Tekniska Verken i Kiruna AB", "partOf", "Kiruna kommun") in t


def test_fronted_phrase_splits_verb_and_preposition():
    t = triples("Sedan 2020 ingår [Kiruna kommun|O] i [Kommunförbundet Norrbotten|O].")
    assert ("Kiruna kommun", "partOf", "Kommunförbundet Norrbotten") in t
    t = triples("Under året ansvarade [Region Norrbotten|O] för [Regional utvecklingsstrategi för Norrbotten|S].")
    assert ("Region Norrbotten", "responsibleFor", "Regional utvecklingsstrategi för Norrbotten") in t


def test_split_verb_with_another_preposition_gives_nothing():
    t = triples("Sedan 2020 ingår [Kiruna kommun|O] med [Kommunförbundet Norrbotten|O] i ett nätverk.")
    assert ("Kiruna kommun", "partOf", "Kommunförbundet Norrbotten") not in t


def test_enumeration_starting_a_collaboration():
    t = triples("[Region Örebro län|O] och [Örebro universitet|O] inleder ett samarbete kring AI.")
    key = tuple(sorted(("Region Örebro län", "Örebro universitet")))
    assert (key[0], "collaboratesWith", key[1]) in t


def test_enumeration_with_a_responsibility_is_no_collaboration():
    t = triples("[Region Örebro län|O] och [Örebro universitet|O] har ett stort ansvar för utbildningen.")
    assert not any(p == "collaboratesWith" for _, p, _ in t)


def test_letter_of_intent_with_an_organisation():
    t = triples("[Region Örebro län|O] har tecknat en avsiktsförklaring med [Örebro kommun|O].")
    key = tuple(sorted(("Region Örebro län", "Örebro kommun")))
    assert (key[0], "collaboratesWith", key[1]) in t


def test_strategy_drafted_jointly_passive():
    t = triples("[Livsmedelsstrategi för Örebro län|S] togs fram gemensamt av [Länsstyrelsen Örebro län|O] "
                "och [Region Örebro län|O].")
    assert ("Länsstyrelsen Örebro län", "responsibleFor", "Livsmedelsstrategi för Örebro län") in t
    assert ("Region Örebro län", "responsibleFor", "Livsmedelsstrategi för Örebro län") in t


# ------------------------------------------------------------------ fronted partners, coordinated agents, strategy lists

def test_fronted_partner_is_no_lead():
    t = triples("Tillsammans med [Högskolan Dalarna|O] driver [Region Dalarna|O] projektet [Kompetens Dalarna|P].")
    assert ("Region Dalarna", "leads", "Kompetens Dalarna") in t
    assert ("Högskolan Dalarna", "leads", "Kompetens Dalarna") not in t
    assert ("Högskolan Dalarna", "participatesIn", "Kompetens Dalarna") in t


def test_fronted_partner_with_regionen_as_subject():
    t = triples("[Region Dalarna|O] skriver rapporten. [Region Dalarna|O] igen.",
                "Tillsammans med [Högskolan Dalarna|O] driver regionen projektet [Kompetens Dalarna|P].")
    assert ("Region Dalarna", "leads", "Kompetens Dalarna") in t
    assert ("Högskolan Dalarna", "leads", "Kompetens Dalarna") not in t


def test_coordinated_passive_agents_with_shares():
    t = triples("[Dala Science Park AB|O] ägs till 60 procent av [Region Dalarna|O] och till 40 procent av [Falu kommun|O].")
    assert ("Dala Science Park AB", "partOf", "Region Dalarna") in t
    assert ("Dala Science Park AB", "partOf", "Falu kommun") in t


def test_second_passive_clause_is_no_coordinated_agent():
    t = triples("[Grön logistik|P] drivs av [Falu kommun|O] och finansieras av [Tillväxtverket|O].")
    assert ("Tillväxtverket", "leads", "Grön logistik") not in t


def test_bulleted_projects_under_a_strategy_lead_in():
    t = triples("Insatser som bidrar till [Dalastrategin 2030|S]:",
                "• Projektet [Grön Industri Dalarna|P], som drivs av [Högskolan Dalarna|O].",
                "• Nätverket [Solel i Dalarna|P], som samordnas av [Energikontoret|O].",
                "Övriga projekt redovisas nedan.",
                "• [Kulturnatten|P] i Falun.")
    assert ("Grön Industri Dalarna", "implements", "Dalastrategin 2030") in t
    assert ("Solel i Dalarna", "implements", "Dalastrategin 2030") in t
    assert ("Kulturnatten", "implements", "Dalastrategin 2030") not in t


def test_bullets_under_a_lead_in_without_a_strategy_link():
    t = triples("[Dalastrategin 2030|S] beskrivs nedan:",
                "• Projektet [Grön Industri Dalarna|P] startade 2024.")
    assert ("Grön Industri Dalarna", "implements", "Dalastrategin 2030") not in t


def test_pronoun_subject_after_partners_is_not_the_author():
    t = triples("[Region Dalarna|O] skriver rapporten. [Region Dalarna|O] igen.",
                "Tillsammans med [Go Business|O] har de också främjat hållbar affärsutveckling.")
    assert not any(p == "collaboratesWith" for _, p, _ in t)


# ------------------------------------------------------------------ definite-noun subjects, long anaphora, fact-box topic

def test_definite_noun_subject_is_the_sections_organisation():
    t = triples("[Region Värmland|O] skriver rapporten. [Region Värmland|O] igen.",
                "Om [Paper Province|O]",
                "[Paper Province|O] är ett kluster för skogsindustrin.",
                "Klustret samarbetar med [RISE|O].")
    assert ("Paper Province", "collaboratesWith", "RISE") in t
    assert ("RISE", "collaboratesWith", "Region Värmland") not in t


def test_definite_noun_subject_without_a_section_organisation_is_nobody():
    t = triples("[Region Värmland|O] skriver rapporten. [Region Värmland|O] igen.",
                "Klustret samarbetar med [RISE|O].")
    assert not any(p == "collaboratesWith" for _, p, _ in t)


def test_explicit_project_anaphor_reaches_further_back():
    t = triples("[Karlstads universitet|O] startar projektet [Vätgas Värmland|P].",
                "Det finansieras med åtta miljoner kronor.",
                "Arbetet pågår till 2027.",
                "– Vi ser fram emot det, säger en forskare.",
                "Företag i länet är välkomna att delta.",
                "Projektet är en del av genomförandet av [Värmlandsstrategin|S].")
    assert ("Vätgas Värmland", "implements", "Värmlandsstrategin") in t


def test_fact_box_named_project_is_the_topic():
    t = triples("Fakta om projektet",
                "[Projektnamn|P]: [Vätgas Värmland|P]",  # the label itself mis-tagged as a name, as NER does
                "Projektägare: [Karlstads universitet|O]",
                "Finansiärer: [Europeiska regionala utvecklingsfonden|F], [Region Värmland|O]")
    assert ("Karlstads universitet", "leads", "Vätgas Värmland") in t
    assert ("Vätgas Värmland", "fundedBy", "Europeiska regionala utvecklingsfonden") in t
    assert ("Vätgas Värmland", "fundedBy", "Region Värmland") in t


# ------------------------------------------------------------------ strategy anaphora, passive co-authors

def test_strategy_anaphor_after_an_implement_trigger():
    t = triples("Den regionala [livsmedelsstrategin för Kronobergs län|S] antogs 2019.",
                "Genomförande",
                "Projektet [Smaka Kronoberg|P] drivs av [Hushållningssällskapet|O].",
                "Projektet bidrar till strategins mål om ökad förädling.")
    assert ("Smaka Kronoberg", "implements", "livsmedelsstrategin för Kronobergs län") in t


def test_strategy_anaphor_of_another_kind_is_not_the_strategy():
    t = triples("Den regionala [livsmedelsstrategin för Kronobergs län|S] antogs 2019.",
                "Projektet [Smaka Kronoberg|P] bidrar till handlingsplanens mål.")
    assert not any(p == "implements" for _, p, _ in t)


def test_passive_drafting_partners_share_the_strategy():
    t = triples("[Livsmedelsstrategin för Kronobergs län|S] har tagits fram av [Länsstyrelsen Kronoberg|O] i samverkan "
                "med [Region Kronoberg|O] och [LRF Kronoberg|O].")
    for org in ("Länsstyrelsen Kronoberg", "Region Kronoberg", "LRF Kronoberg"):
        assert (org, "responsibleFor", "Livsmedelsstrategin för Kronobergs län") in t


# ------------------------------------------------------------------ re-mentions, 'som partner', fund anaphora

def test_one_word_project_named_elsewhere_is_found_again():
    t = triples("[Vätgasdalen|P] startade 2024.",
                "Vätgasdalen, som drivs av [Luleå tekniska universitet|O], har beviljats stöd.")
    assert ("Luleå tekniska universitet", "leads", "Vätgasdalen") in t


def test_one_word_name_also_written_in_lower_case_is_not_found_again():
    from extractors.relations import build_units
    from test_relations import sentences
    units = build_units(*sentences("[Framtidsresan|P] startade 2024.",
                                   "framtidsresan är ett ord här.",
                                   "Framtidsresan fortsätter."))
    assert not units[-1].ms
    units = build_units(*sentences("[Vätgasdalen|P] startade 2024.", "Vätgasdalen fortsätter."))
    assert [m.name for m in units[-1].ms] == ["Vätgasdalen"]


def test_partners_named_with_som_partner():
    t = triples("[Skellefteå kommun|O] är projektägare för [Omställningslyftet|P], med [Skellefteå Kraft|O] "
                "och [Northvolt|O] som partner.")
    assert ("Skellefteå Kraft", "participatesIn", "Omställningslyftet") in t
    assert ("Northvolt", "participatesIn", "Omställningslyftet") in t
    assert ("Northvolt", "leads", "Omställningslyftet") not in t
    t = triples("Projektet [Omställningslyftet|P] drivs av [Skellefteå kommun|O], med [Northvolt|O] som partner, "
                "och [Batterilyftet|P] startar i höst.")
    assert ("Northvolt", "participatesIn", "Omställningslyftet") in t


def test_co_funder_named_with_som_medfinansiar():
    t = triples("[Omställningslyftet|P] drivs av [Skellefteå kommun|O] med [Region Västerbotten|O] som medfinansiär.")
    assert ("Omställningslyftet", "fundedBy", "Region Västerbotten") in t


def test_managing_authority_for_the_programme_named_before():
    t = triples("[Fonden för en rättvis omställning|F] är en av EU:s fonder.",
                "[Tillväxtverket|O] är förvaltande myndighet för programmet i Sverige.")
    assert ("Tillväxtverket", "manages", "Fonden för en rättvis omställning") in t


def test_project_right_before_the_verb_is_its_subject():
    t = triples("[Region Dalarna|O] har länge efterfrågat det, och [Batterilyftet|P] startar i höst.")
    assert ("Region Dalarna", "leads", "Batterilyftet") not in t


def test_project_has_owner_as_role():
    t = triples("Projektet [Kustlab|P] har [Umeå universitet|O] som projektägare.")
    assert ("Umeå universitet", "leads", "Kustlab") in t


def test_association_as_a_collaboration_between_members():
    t = triples("[Umeåregionen|O] är ett samarbete mellan [Umeå kommun|O], [Vännäs kommun|O] och [Robertsfors kommun|O].")
    for m in ("Umeå kommun", "Vännäs kommun", "Robertsfors kommun"):
        assert (m, "partOf", "Umeåregionen") in t


def test_project_as_a_collaboration_gives_no_membership():
    t = triples("Om [Film i Dalarna|O]",
                "Projektet är ett samarbete mellan [Bibliotek Dalarna|O] och [Dans i Dalarna|O].")
    assert not any(p == "partOf" for _, p, _ in t)


def test_many_organisations_and_several_projects_give_no_co_occurrence():
    t = triples("Övriga veckor arrangerade följande arrangörer seminarier: [Region Dalarna|O] möte [DTV|P], "
                "[UNLOCK|P] & [CEI Boost|P], [Högskolan Dalarna|O], [Falu kommun|O], [Dalarnas museum|O], [RISE|O].")
    assert not any(p == "participatesIn" and x == "Falu kommun" for x, p, _ in t)


def test_many_organisations_and_one_project_still_co_occur():
    t = triples("Vid konferensen [Skoldagen|P] bidrog [Skolverket|O], [SKR|O], [Ifous|O] och [Högskolan Dalarna|O] med inslag.")
    assert ("Skolverket", "participatesIn", "Skoldagen") in t


# ------------------------------------------------------------------ negation, prepositional non-subjects

def test_negated_agreement_is_no_collaboration():
    t = triples("[Region Dalarna|O] skriver. [Region Dalarna|O] igen.",
                "Ärendet återremitterades eftersom samverkansavtal med [Trafikverket|O] inte kunnat tecknas.")
    assert not any(p == "collaboratesWith" for _, p, _ in t)


def test_negated_adoption_is_no_responsibility():
    t = triples("[Falu kommun|O] har inte antagit [Kulturplan för Dalarna|S].")
    assert ("Falu kommun", "responsibleFor", "Kulturplan för Dalarna") not in t


def test_negation_after_the_collaboration_clause_is_ignored():
    t = triples("[Region Dalarna|O] samverkar med [Trafikverket|O] och har inga planer på att sluta.")
    assert ("Region Dalarna", "collaboratesWith", "Trafikverket") in t


def test_organisation_after_a_preposition_is_no_collaboration_subject():
    t = triples("Under året har biblioteket genomfört ett läger på [Strömbäcks folkhögskola|O] i juni, i samarbete "
                "med [Regionbibliotek Gävleborg|O].")
    assert not any(p == "collaboratesWith" and "Strömbäcks folkhögskola" in (s, o) for s, p, o in t)


def test_passive_agent_is_a_collaboration_subject():
    t = triples("[Batteriregionen|P] är en samarbetsyta skapad av [Region Dalarna|O] tillsammans med [Region Gävleborg|O].")
    assert ("Region Dalarna", "collaboratesWith", "Region Gävleborg") in t


# ------------------------------------------------------------------ objects of their own

def test_common_noun_object_takes_no_section_project():
    t = triples("[Grön logistik|P] startade i maj.",
                "Det innebär att [Falu kommun|O] ansvarar för utredningar och beslut om bistånd.")
    assert ("Falu kommun", "leads", "Grön logistik") not in t


def test_purpose_after_the_verb_takes_no_section_project():
    t = triples("[Grön logistik|P] startade i maj.",
                "Under året har [Falu kommun|O] arbetat aktivt och samordnat för att möta utvecklingen.")
    assert ("Falu kommun", "leads", "Grön logistik") not in t


def test_anaphoric_object_still_takes_the_section_project():
    t = triples("[Grön logistik|P] startade i maj.", "[Falu kommun|O] driver projektet tillsammans med [RISE|O].")
    assert ("Falu kommun", "leads", "Grön logistik") in t


def test_definite_relative_object_is_no_project():
    t = triples("[Grön logistik|P] startade i maj.",
                "Erfarenheterna har tagits tillvara i den samverkansstruktur som [Falu kommun|O] samordnar.")
    assert ("Falu kommun", "leads", "Grön logistik") not in t


def test_section_project_co_occurrence_fades_after_three_sentences():
    lines = ["Skogsdagen 2025", "[Skogsdagen|P] hölls i mars.", "Vädret var fint.", "Många kom.",
             "[Falu kommun|O] var en av aktörerna i länet."]
    assert ("Falu kommun", "participatesIn", "Skogsdagen") not in triples(*lines)
    assert ("Falu kommun", "participatesIn", "Skogsdagen") in triples(*lines[:3], lines[-1])


def test_project_within_a_funding_programme():
    t = triples("[Arctic Tourism Lab|P] är ett gränsöverskridande projekt inom [Interreg Aurora|F].")
    assert ("Arctic Tourism Lab", "fundedBy", "Interreg Aurora") in t


def test_project_mentioned_near_a_programme_without_the_frame():
    t = triples("[Arctic Tourism Lab|P] presenterades på en konferens om [Interreg Aurora|F].")
    assert ("Arctic Tourism Lab", "fundedBy", "Interreg Aurora") not in t


def test_share_of_the_budget_from_a_fund():
    t = triples("[Arctic Tourism Lab|P] har en budget på 2 miljoner euro, varav 65 procent från "
                "[Europeiska regionala utvecklingsfonden|F].")
    assert ("Arctic Tourism Lab", "fundedBy", "Europeiska regionala utvecklingsfonden") in t


def test_headline_enumeration_in_a_new_collaboration():
    t = triples("[Region Örebro län|O] och [Örebro universitet|O] i nytt samarbete om AI")
    key = tuple(sorted(("Region Örebro län", "Örebro universitet")))
    assert (key[0], "collaboratesWith", key[1]) in t
    assert not triples("[Region Örebro län|O] och [Örebro universitet|O] i Örebro.")


def test_co_funder_copula_and_joint_funding_passive():
    assert ("Grön logistik", "fundedBy", "Falu kommun") in triples(
        "[Falu kommun|O] är medfinansiär i [Grön logistik|P].")
    t = triples("[Grön logistik|P] samfinansieras av [Falu kommun|O] och [Region Dalarna|O].")
    assert ("Grön logistik", "fundedBy", "Region Dalarna") in t


def test_parent_company():
    assert ("Falu Elnät AB", "partOf", "Falu Energi AB") in triples(
        "[Falu Energi AB|O] är moderbolag till [Falu Elnät AB|O].")


@pytest.mark.parametrize("line,triple", [
    ("[Grön logistik|P] har fått 3 miljoner kronor av [Tillväxtverket|O].", ("Grön logistik", "fundedBy", "Tillväxtverket")),
    ("[Falu kommun|O] har tagit initiativ till [Grön logistik|P].", ("Falu kommun", "leads", "Grön logistik")),
    ("[Falu kommun|O] är värdorganisation för [Grön logistik|P].", ("Falu kommun", "leads", "Grön logistik")),
    ("[Region Dalarna|O] och [Länsstyrelsen Dalarna|O] har gemensamt ansvar för [Livsmedelsstrategin|S].",
     ("Länsstyrelsen Dalarna", "responsibleFor", "Livsmedelsstrategin")),
    ("[Jordbruksverket|O] är förvaltningsmyndighet för [Landsbygdsprogrammet|F].",
     ("Jordbruksverket", "manages", "Landsbygdsprogrammet")),
    ("[Grön logistik|P] har sin utgångspunkt i [Regional utvecklingsstrategi|S].",
     ("Grön logistik", "implements", "Regional utvecklingsstrategi")),
    ("[Falu kommun|O] har gått med i [Dalarnas kommunförbund|O].", ("Falu kommun", "partOf", "Dalarnas kommunförbund")),
    ("[Kulturförvaltningen|O] är en förvaltning inom [Region Dalarna|O].", ("Kulturförvaltningen", "partOf", "Region Dalarna")),
    ("[Falu kommun|O] och [Borlänge kommun|O] samarbetar kring räddningstjänst.",
     ("Borlänge kommun", "collaboratesWith", "Falu kommun")),
    ("[Falu kommun|O] fungerar som projektledare för [Grön logistik|P].", ("Falu kommun", "leads", "Grön logistik")),
    ("Projektledare för [Grön logistik|P] är [Falu kommun|O].", ("Falu kommun", "leads", "Grön logistik")),
    ("Arrangörer av [Skogsdagen|P] var [Falu kommun|O] och [Skogsstyrelsen|O].", ("Skogsstyrelsen", "leads", "Skogsdagen")),
    ("[Falu kommun|O] representeras i styrgruppen för [Grön logistik|P].",
     ("Falu kommun", "participatesIn", "Grön logistik")),
    ("[Region Dalarna|O] har påbörjat revideringen av [Regional utvecklingsstrategi|S].",
     ("Region Dalarna", "responsibleFor", "Regional utvecklingsstrategi")),
    ("Arbetet med att ta fram en ny [Regional utvecklingsstrategi|S] samordnas av [Region Dalarna|O].",
     ("Region Dalarna", "responsibleFor", "Regional utvecklingsstrategi")),
    ("Ansvaret för [1:1-anslaget|F] ligger hos [Region Dalarna|O].", ("Region Dalarna", "manages", "1:1-anslaget")),
])

def test_lexicon_phrases(line, triple):
    assert triple in triples(line)


def test_passive_lead_of_a_project_gives_no_responsibility_for_its_strategy():
    t = triples("[Grön logistik|P], som bidrar till [Regional utvecklingsstrategi|S], leds av [Falu kommun|O].")
    assert ("Falu kommun", "responsibleFor", "Regional utvecklingsstrategi") not in t


# ------------------------------------------------------------------ numbered goal sections

def test_projects_under_a_numbered_goal_implement_the_framework():
    t = triples("Så bidrar regionen till [Agenda 2030|S]",
                "Mål 8: Anständiga arbetsvillkor och ekonomisk tillväxt",
                "Regionens arbete skapar, genom projekt som [Grön logistik|P] och [Skog i förändring|P], nya jobb.",
                "Mål 9: Hållbar industri",
                "Genom insatser som [Vätgas Dalarna|P] stärks industrin.")
    for p in ("Grön logistik", "Skog i förändring", "Vätgas Dalarna"):
        assert (p, "implements", "Agenda 2030") in t


def test_goal_section_without_framework_or_cue_gives_nothing():
    t = triples("Mål 8: Anständiga arbetsvillkor och ekonomisk tillväxt",
                "Regionens arbete skapar, genom projekt som [Grön logistik|P], nya jobb.")
    assert not any(p == "implements" for _, p, _ in t)
    t = triples("Så bidrar regionen till [Agenda 2030|S]",
                "Mål 8: Anständiga arbetsvillkor och ekonomisk tillväxt",
                "Deltagandet i [Expertgrupp för innovation|P] har gett kunskap.")
    assert ("Expertgrupp för innovation", "implements", "Agenda 2030") not in t


def test_owned_plural_continued_by_a_plural_definite_enumeration():
    t = triples("[Region Dalarna|O]s mötesplatser vänder sig till beslutsfattare.",
                "Syftet är att skapa dialog.",
                "Under året har mötesplatserna [Dalarna i Almedalen|P], [Mötesplats Falun|P] samt [Digitala Dalarna|P] "
                "genomförts.",
                "[Skogsdagen|P] lockade många besökare.")
    for p in ("Dalarna i Almedalen", "Mötesplats Falun", "Digitala Dalarna"):
        assert ("Region Dalarna", "leads", p) in t
    assert ("Region Dalarna", "leads", "Skogsdagen") not in t


def test_event_anaphor_without_a_known_project_is_not_the_author():
    t = triples("[Region Dalarna|O] skriver rapporten. [Region Dalarna|O] igen.",
                "Arrangemangen genomförs i samverkan med [Länsstyrelsen Dalarna|O] och [Falu kommun|O].")
    assert not any(p == "collaboratesWith" for _, p, _ in t)


def test_coordinated_funders_with_shares_and_a_parenthesised_short_form():
    from test_relations import triples
    t = triples("Projektet [Fäbodliv|P] startade i mars.",
                "Projektet finansieras till hälften av [Europeiska socialfonden+|F] ([ESF+|F=Europeiska socialfonden+]) "
                "och till hälften av [Region Dalarna|O].")
    assert ("Fäbodliv", "fundedBy", "Region Dalarna") in t


def test_parenthesised_aside_does_not_coordinate_a_relative_clause():
    from test_relations import triples
    t = triples("Projektet [Fäbodliv|P] finansieras av [Europeiska socialfonden+|F] ([ESF+|F=Europeiska socialfonden+]), "
                "som förvaltas av [Svenska ESF-rådet|O].")
    assert ("Fäbodliv", "fundedBy", "Svenska ESF-rådet") not in t


def test_implementation_of_coordinated_strategies():
    t = triples("[Unga i Skogen|P] startar i år.",
                "Projektet är en del av genomförandet av [den regionala utvecklingsstrategin|S] och länets "
                "[besöksnäringsstrategi|S].")
    assert ("Unga i Skogen", "implements", "den regionala utvecklingsstrategin") in t
    assert ("Unga i Skogen", "implements", "besöksnäringsstrategi") in t
