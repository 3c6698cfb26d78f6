"""Structure-level relation rules (extractors/relation_structures.py) on invented Swedish sentences."""
from __future__ import annotations

from test_relations import triples


# ------------------------------------------------------------------ strategy tables

def test_strategy_table_responsibility_column():
    t = triples("Dokument  Beslutsfattare  År",
                "[Besöksnäringsstrategi för Gotland|S]  [Region Gotland|O]  2021",
                "[Vattenplan för Gotland|S]  [Länsstyrelsen i Gotlands län|O] och [Gotlands Hamnar AB|O]  2023")
    assert ("Region Gotland", "responsibleFor", "Besöksnäringsstrategi för Gotland") in t
    assert ("Länsstyrelsen i Gotlands län", "responsibleFor", "Vattenplan för Gotland") in t
    assert ("Gotlands Hamnar AB", "responsibleFor", "Vattenplan för Gotland") in t


def test_strategy_table_tab_separated_with_other_column_order():
    t = triples("Ansvarig\tStrategi\tStatus",
                "[Region Halland|O]\t[Hallands digitala agenda|S]\tPågår")
    assert ("Region Halland", "responsibleFor", "Hallands digitala agenda") in t


def test_strategy_table_needs_a_responsibility_column():
    t = triples("Strategi  Kontaktperson  År",
                "[Besöksnäringsstrategi för Gotland|S]  [Region Gotland|O]  2021")
    assert ("Region Gotland", "responsibleFor", "Besöksnäringsstrategi för Gotland") not in t


def test_strategy_table_ends_at_prose():
    t = triples("Strategi  Ansvarig  Antagen",
                "[Besöksnäringsstrategi för Gotland|S]  [Region Gotland|O]  2021",
                "Under året har [Almi Gotland|O] arbetat vidare med företagsrådgivning utan koppling till planerna.",
                "[Vattenplan för Gotland|S]  [Gotlands Hamnar AB|O]  2023")
    assert ("Region Gotland", "responsibleFor", "Besöksnäringsstrategi för Gotland") in t
    assert ("Gotlands Hamnar AB", "responsibleFor", "Vattenplan för Gotland") not in t


# ------------------------------------------------------------------ 'en av Ys nämnder'

def test_one_of_plural_units():
    t = triples("[Fritidsnämnden|O] är en av [Falu kommuns|O=Falu kommun] nämnder och ansvarar för idrottsanläggningarna.")
    assert ("Fritidsnämnden", "partOf", "Falu kommun") in t
    t = triples("Arbetet leds av [Dalatrafik AB|O], ett av [Region Dalarnas|O=Region Dalarna] helägda bolag.")
    assert ("Dalatrafik AB", "partOf", "Region Dalarna") in t


def test_one_of_needs_a_unit_noun():
    t = triples("[Falu kommun|O] är en av [Region Dalarnas|O=Region Dalarna] viktigaste samarbetsparter.")
    assert not any(p == "partOf" for _, p, _ in t)


# ------------------------------------------------------------------ members listed after 'där ... medlemmar'

def test_members_among_relative_clause():
    t = triples("[Dalarnas kommunförbund|O] är en ideell förening där alla femton kommuner i länet är medlemmar, "
                "bland dem [Falu kommun|O], [Borlänge kommun|O] och [Mora kommun|O].")
    for k in ("Falu kommun", "Borlänge kommun", "Mora kommun"):
        assert (k, "partOf", "Dalarnas kommunförbund") in t


def test_members_among_needs_membership():
    t = triples("[Dalarnas kommunförbund|O] anordnar en konferens där flera kommuner deltar, "
                "bland dem [Falu kommun|O] och [Mora kommun|O].")
    assert not any(p == "partOf" for _, p, _ in t)


def test_members_of_anaphoric_association():
    t = triples("[Gävleborgs kommuner|O], som är länets kommunala samverkansförbund, har drivit frågan länge.",
                "[Sandvikens kommun|O] och [Hudiksvalls kommun|O] är liksom de andra kommunerna medlemmar i förbundet.")
    assert ("Sandvikens kommun", "partOf", "Gävleborgs kommuner") in t
    assert ("Hudiksvalls kommun", "partOf", "Gävleborgs kommuner") in t


def test_members_anaphor_needs_an_antecedent():
    t = triples("[Region Gävleborg|O] har drivit frågan länge.",
                "[Sandvikens kommun|O] och [Hudiksvalls kommun|O] är medlemmar i förbundet.")
    assert not any(p == "partOf" for _, p, _ in t)


# ------------------------------------------------------------------ project pages: labelled lists, co-financing

def test_partner_heading_then_bullets():
    t = triples("[Blå Kust|P] – hållbar kustturism",
                "Projektet utvecklar nya besöksmål längs kusten.",
                "Projektparter",
                "• [Linnéuniversitetet|O], Sverige – koordinator",
                "• [Kalmar kommun|O], Sverige",
                "• [Klaipėdos universitetas|O], Litauen")
    assert ("Linnéuniversitetet", "leads", "Blå Kust") in t
    assert ("Kalmar kommun", "participatesIn", "Blå Kust") in t
    assert ("Klaipėdos universitetas", "participatesIn", "Blå Kust") in t
    assert ("Kalmar kommun", "leads", "Blå Kust") not in t


def test_partner_heading_followed_by_prose_is_not_a_list():
    t = triples("[Blå Kust|P] – hållbar kustturism",
                "Projektparter",
                "Under hösten besökte [Kalmar kommun|O] en mässa i Riga.")
    assert ("Kalmar kommun", "participatesIn", "Blå Kust") not in t


def test_cofinancing_subject_names_the_funders():
    t = triples("[Blå Kust|P] startade 2024.",
                "Den litauiska medfinansieringen beviljas av [Klaipėdos regionas|O] och [Kalmar kommun|O].")
    assert ("Blå Kust", "fundedBy", "Klaipėdos regionas") in t
    assert ("Blå Kust", "fundedBy", "Kalmar kommun") in t
    t = triples("[Blå Kust|P]",
                "Projektet utvecklar nya besöksmål längs kusten.",
                "Målet är fler besökare under vintern.",
                "Nya cykelleder ska märkas ut under 2025.",
                "Budget",
                "Den svenska medfinansieringen kommer från [Region Kalmar län|O] och från [Kalmar kommun|O].")
    assert ("Blå Kust", "fundedBy", "Region Kalmar län") in t


def test_cofinancing_needs_a_financing_subject():
    t = triples("[Blå Kust|P] startade 2024.",
                "Den största efterfrågan kommer från [Region Kalmar län|O] och från [Kalmar kommun|O].")
    assert not any(p == "fundedBy" for _, p, _ in t)


def test_role_list_names_participants_and_funders():
    t = triples("[Fiber i Fjällen|P] bygger ut bredband i länet.",
                "Deltagande kommuner och medfinansiärer är [Åre kommun|O], [Krokoms kommun|O] samt [Bergs kommun|O].")
    for org in ("Åre kommun", "Krokoms kommun", "Bergs kommun"):
        assert (org, "participatesIn", "Fiber i Fjällen") in t and ("Fiber i Fjällen", "fundedBy", org) in t
    t = triples("[Fiber i Fjällen|P] bygger ut bredband i länet.",
                "Samverkanspartner är [Mittuniversitetet|O] och [Region Jämtland Härjedalen|O].")
    assert ("Mittuniversitetet", "participatesIn", "Fiber i Fjällen") in t
    assert not any(p == "fundedBy" for _, p, _ in t)


def test_role_list_needs_a_role_subject():
    t = triples("[Fiber i Fjällen|P] bygger ut bredband i länet.",
                "Största kommuner i länet är [Östersunds kommun|O] och [Krokoms kommun|O].")
    assert not any(s == "Östersunds kommun" for s, _, _ in t)


# ------------------------------------------------------------------ managing authority of an anaphoric programme

def test_programme_anaphor_prefers_the_programme_over_its_fund():
    t = triples("[Regionalfondsprogrammet för Mellersta Norrland|F] finansieras av [Europeiska regionala utvecklingsfonden|F].",
                "[Tillväxtverket|O] är förvaltande myndighet för programmet.")
    assert ("Tillväxtverket", "manages", "Regionalfondsprogrammet för Mellersta Norrland") in t
    assert ("Tillväxtverket", "manages", "Europeiska regionala utvecklingsfonden") not in t


def test_fund_anaphor_prefers_the_fund():
    t = triples("[Europeiska socialfonden+|F] används inom [Nationella ESF-programmet|F].",
                "[Svenska ESF-rådet|O] är förvaltande myndighet för fonden.")
    assert ("Svenska ESF-rådet", "manages", "Europeiska socialfonden+") in t


def test_genitive_programme_managing_body():
    t = triples("[Interreg Nord|F] finansierar samarbeten över gränsen.",
                "[Nordland fylkeskommune|O] är programmets norska förvaltningsorgan.")
    assert ("Nordland fylkeskommune", "manages", "Interreg Nord") in t


def test_genitive_programme_other_role_is_not_managing():
    t = triples("[Interreg Nord|F] finansierar samarbeten över gränsen.",
                "[Nordland fylkeskommune|O] är programmets största norska projektägare.")
    assert ("Nordland fylkeskommune", "manages", "Interreg Nord") not in t


# ------------------------------------------------------------------ stated collaboration

def test_stated_collaboration_without_a_project_still_counts():
    t = triples("[Region Kronoberg|O] och [Linnéuniversitetet|O] har sedan 2019 ett samverkansavtal om kompetensförsörjning.")
    assert ("Linnéuniversitetet", "collaboratesWith", "Region Kronoberg") in t


# ------------------------------------------------------------------ the report's own body named by its kind

def test_kind_noun_as_passive_agent_names_the_board():
    t = triples("[Länsstyrelsen i Dalarnas län|O] redovisar här sitt uppdrag.",
                "[Vattenstrategi för Dalarnas län|S] har tagits fram av Länsstyrelsen tillsammans med [Region Dalarna|O].")
    assert ("Länsstyrelsen i Dalarnas län", "responsibleFor", "Vattenstrategi för Dalarnas län") in t
    assert ("Region Dalarna", "responsibleFor", "Vattenstrategi för Dalarnas län") in t


def test_kind_noun_in_an_agent_list():
    t = triples("[Länsstyrelsen i Dalarnas län|O] redovisar här sitt uppdrag.",
                "[Viltstrategi för Dalarna|S] ägs gemensamt av Länsstyrelsen och [Jägareförbundet Dalarna|O].")
    assert ("Länsstyrelsen i Dalarnas län", "responsibleFor", "Viltstrategi för Dalarna") in t


def test_kind_noun_without_a_board_in_the_document_names_nobody():
    t = triples("[Vattenstrategi för Dalarnas län|S] har tagits fram av Länsstyrelsen tillsammans med [Region Dalarna|O].")
    assert not any(s.startswith("Länsstyrelsen") for s, _, _ in t)


# ------------------------------------------------------------------ projects citing a strategy's numbered goals

def test_project_citing_a_listed_goal_implements_the_strategy():
    t = triples("[Hallandsstrategin|S] är länets regionala utvecklingsstrategi.",
                "Strategin har fyra mål:",
                "• Mål 1 – Halland ska vara en attraktiv plats att bo på",
                "• Mål 2 – Halland ska ha ett starkt näringsliv",
                "[Digital handel Halland|P] leds av [Högskolan i Halmstad|O] och bidrar till Mål 2.")
    assert ("Digital handel Halland", "implements", "Hallandsstrategin") in t


def test_goal_citation_in_a_project_section():
    t = triples("[Hallandsstrategin|S] är länets regionala utvecklingsstrategi.",
                "Strategin har fyra mål:",
                "• Mål 1 – Halland ska vara en attraktiv plats att bo på",
                "Projekt",
                "[Kustlinjen|P]",
                "Projektet drivs av [Falkenbergs kommun|O] och är en av insatserna under Mål 1.")
    assert ("Kustlinjen", "implements", "Hallandsstrategin") in t


def test_goal_citation_without_a_goal_list_says_nothing():
    t = triples("[Hallandsstrategin|S] är länets regionala utvecklingsstrategi.",
                "[Digital handel Halland|P] leds av [Högskolan i Halmstad|O] och bidrar till Mål 2.")
    assert ("Digital handel Halland", "implements", "Hallandsstrategin") not in t


def test_kind_noun_before_a_relative_clause_still_names_the_board():
    t = triples("[Länsstyrelsen i Dalarnas län|O] redovisar här sitt uppdrag.",
                "Arbetet sker i nätverket [Klimatforum Dalarna|P], som samordnas av Länsstyrelsen och där alla kommuner deltar.")
    assert ("Länsstyrelsen i Dalarnas län", "leads", "Klimatforum Dalarna") in t


def test_strategy_subject_of_a_passive_is_not_the_last_project():
    t = triples("Projektet [Fäbodliv|P] startade i mars.",
                "[Viltstrategi för Dalarna|S] ägs gemensamt av [Region Dalarna|O] och [Jägareförbundet Dalarna|O].")
    assert ("Region Dalarna", "responsibleFor", "Viltstrategi för Dalarna") in t
    assert ("Region Dalarna", "leads", "Fäbodliv") not in t


# ------------------------------------------------------------------ an adverb inside a trigger phrase

def test_adverb_between_trigger_words():
    t = triples("[Region Dalarna|O] ansvarar även för [Kollektivtrafikplan för Dalarna|S].")
    assert ("Region Dalarna", "responsibleFor", "Kollektivtrafikplan för Dalarna") in t
    t = triples("[Borlänge kommun|O] följer årligen upp [Miljöprogram för Borlänge|S].")
    assert ("Borlänge kommun", "responsibleFor", "Miljöprogram för Borlänge") in t


def test_adverb_does_not_join_unrelated_words():
    t = triples("[Region Dalarna|O] ansvarar även i år inte för något nytt, men [Kollektivtrafikplan för Dalarna|S] nämns.")
    assert ("Region Dalarna", "responsibleFor", "Kollektivtrafikplan för Dalarna") not in t


def test_owned_strategy_gives_no_ownership_between_its_owners():
    t = triples("[Viltstrategi för Dalarna|S] ägs gemensamt av [Region Dalarna|O] och [LRF Dalarna|O] "
                "([Lantbrukarnas Riksförbund Dalarna|O=LRF Dalarna]).")
    assert ("LRF Dalarna", "responsibleFor", "Viltstrategi för Dalarna") in t
    assert not any(p == "partOf" for _, p, _ in t)


def test_genitive_unit_noun():
    t = triples("[Falu Energi AB|O] är [Falu kommuns|O=Falu kommun] helägda moderbolag för koncernen.")
    assert ("Falu Energi AB", "partOf", "Falu kommun") in t


def test_genitive_other_noun_is_not_a_unit():
    t = triples("[Falu Energi AB|O] är [Falu kommuns|O=Falu kommun] största arbetsgivare.")
    assert ("Falu Energi AB", "partOf", "Falu kommun") not in t


# ------------------------------------------------------------------ a definite noun echoing the project's name

def test_definite_noun_echoing_the_project_name():
    t = triples("[Sundsvalls digitala tvilling|P] ägs av [Sundsvalls kommun|O].",
                "Den digitala tvillingen är en del av genomförandet av [Medelpadsstrategin|S].")
    assert ("Sundsvalls digitala tvilling", "implements", "Medelpadsstrategin") in t


def test_definite_noun_not_echoing_the_project_name():
    t = triples("[Sundsvalls digitala tvilling|P] ägs av [Sundsvalls kommun|O].",
                "Den nya handlingsplanen är en del av genomförandet av [Medelpadsstrategin|S].")
    assert ("Sundsvalls digitala tvilling", "implements", "Medelpadsstrategin") not in t


def test_strategy_table_one_cell_per_line():
    t = triples("Tabell 2",
                "Strategi",
                "Ansvarig",
                "Antagen",
                "[Besöksnäringsstrategi för Gotland|S]",
                "[Region Gotland|O]",
                "2021",
                "[Vattenplan för Gotland|S]",
                "[Länsstyrelsen i Gotlands län|O]",
                "2023")
    assert ("Region Gotland", "responsibleFor", "Besöksnäringsstrategi för Gotland") in t
    assert ("Länsstyrelsen i Gotlands län", "responsibleFor", "Vattenplan för Gotland") in t
    assert ("Region Gotland", "responsibleFor", "Vattenplan för Gotland") not in t


def test_one_cell_per_line_without_a_responsibility_header():
    t = triples("Strategi",
                "Kontakt",
                "[Besöksnäringsstrategi för Gotland|S]",
                "[Region Gotland|O]")
    assert ("Region Gotland", "responsibleFor", "Besöksnäringsstrategi för Gotland") not in t


def test_agreement_with_is_collaboration():
    t = triples("[Borlänge kommun|O] har ett avtal med [Högskolan Dalarna|O] om praktikplatser för studenter.")
    assert ("Borlänge kommun", "collaboratesWith", "Högskolan Dalarna") in t


def test_agreement_without_a_counterpart_names_nobody():
    t = triples("[Borlänge kommun|O] har ett avtal om praktikplatser, och [Högskolan Dalarna|O] har fler studenter i år.")
    assert not any(p == "collaboratesWith" for _, p, _ in t)


def test_place_adverbial_inside_a_passive_trigger():
    t = triples("[Stöd till kommersiell service|F] beslutas i Dalarnas län av [Region Dalarna|O].")
    assert ("Region Dalarna", "manages", "Stöd till kommersiell service") in t


def test_place_adverbial_does_not_bridge_to_another_verb():
    t = triples("[Stöd till kommersiell service|F] beslutas i Dalarnas län, men [Region Dalarna|O] har ingen roll.")
    assert ("Region Dalarna", "manages", "Stöd till kommersiell service") not in t


def test_bulleted_fact_box():
    t = triples("Fakta om projektet",
                "• Namn: [Grön hamn Gävle|P] • Projektägare: [Gävle Hamn AB|O] • Övriga parter: [Gävle kommun|O], "
                "[Högskolan i Gävle|O] • Finansiärer: [Trafikverket|O], [Region Gävleborg|O]")
    assert ("Gävle Hamn AB", "leads", "Grön hamn Gävle") in t
    assert ("Högskolan i Gävle", "participatesIn", "Grön hamn Gävle") in t
    assert ("Grön hamn Gävle", "fundedBy", "Region Gävleborg") in t
    assert ("Region Gävleborg", "participatesIn", "Grön hamn Gävle") not in t


def test_fund_chain_through_a_named_programme():
    t = triples("[Kustlogistik|P] startar i år.",
                "Projektet finansieras av [Vinnova|O] inom programmet [Hållbar godslogistik|F].")
    assert ("Kustlogistik", "fundedBy", "Hållbar godslogistik") in t


def test_fund_chain_stops_at_an_unrelated_programme_mention():
    t = triples("[Kustlogistik|P] startar i år.",
                "Projektet finansieras av [Vinnova|O], som också driver programmet [Hållbar godslogistik|F].")
    assert ("Kustlogistik", "fundedBy", "Hållbar godslogistik") not in t


def test_fund_distributed_after_a_decision_by_a_body():
    t = triples("Medlen ur [1:1-anslaget|F] beviljas efter beslut av [Regionala utvecklingsnämnden|O].")
    assert ("Regionala utvecklingsnämnden", "manages", "1:1-anslaget") in t


def test_project_decision_is_not_fund_management():
    t = triples("[Kustlogistik|P] startade efter beslut av [Regionala utvecklingsnämnden|O].")
    assert not any(p == "manages" for _, p, _ in t)
