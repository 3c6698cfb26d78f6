"""Entity resolution: surface variants of one name become one entity."""
from extractors.records import Mention
from extractors.resolve import entity_key, norm_key, resolve


def m(text, etype, start=0, source="rules"):
    return Mention(text, etype, 1, start, start + len(text), source)


def names(entities):
    return {(e.type, e.name): sorted(e.aliases) for e in entities}


def test_norm_key_unifies_dashes_case_and_space():
    assert norm_key("Region  Jämtland–Härjedalen ") == norm_key("region jämtland-härjedalen")
    assert norm_key("ERUF- finansierade") == "eruf-finansierade"


def test_genitive_definite_and_cue_forms():
    assert entity_key("Region Gotlands", "Organisation") == entity_key("Region Gotland", "Organisation")
    assert entity_key("Länsstyrelsen i Kalmar län", "Organisation") == entity_key("Länsstyrelsen Kalmar", "Organisation")
    assert entity_key("regionala cykelstrategin", "Strategy") == entity_key("Regional cykelstrategi", "Strategy")
    assert entity_key("SOLBACKE-projektet", "Project") == entity_key("SOLBACKE", "Project")
    assert entity_key("EU:s", "Organisation") == "eu"


def test_resolve_merges_variants_and_keeps_official_name():
    ents = resolve([m("Region Gotlands", "Organisation", 0), m("Region Gotland", "Organisation", 30),
                    m("region Gotland", "Organisation", 60)])
    assert names(ents) == {("Organisation", "Region Gotland"): ["Region Gotlands", "region Gotland"]}


def test_acronym_and_long_form_join():
    text = "Satsningen Fjällnära Innovation Norr (FINN) startade. FINN växer."
    ms = [m("Fjällnära Innovation Norr", "Project", 11), m("FINN", "Project", 38), m("FINN", "Project", 54)]
    ents = resolve(ms, text)
    assert len(ents) == 1 and ents[0].name == "Fjällnära Innovation Norr" and ents[0].aliases == ["FINN"]


def test_gazetteer_alias_and_bare_municipality():
    ents = resolve([m("EU-kommissionen", "Organisation", 0), m("Europeiska kommissionen", "Organisation", 40),
                    m("Bjurholm", "Organisation", 80)])
    got = names(ents)
    assert got[("Organisation", "Europeiska kommissionen")] == ["EU-kommissionen"]
    assert ("Organisation", "Bjurholms kommun") in got


def test_stoplist_and_type_vote():
    ents = resolve([m("projektet", "Project", 0), m("regionen", "Organisation", 20),
                    m("Kustlänken", "Project", 40), m("Kustlänken", "Project", 60),
                    m("Kustlänken", "Organisation", 80, source="weak")])
    assert names(ents) == {("Project", "Kustlänken"): []}


def test_fuzzy_match_same_type_only():
    ents = resolve([m("Tillväxtverket", "Organisation", 0), m("Tillväxverket", "Organisation", 30)])
    assert len(ents) == 1 and ents[0].name == "Tillväxtverket"
    ents = resolve([m("Länsstyrelsen Västerbotten", "Organisation", 0),
                    m("Länsstyrelsen Norrbotten", "Organisation", 40)])
    assert len(ents) == 2


def test_dated_project_joins_its_name_but_not_a_known_organisation():
    ents = resolve([m("Mötesplats Fjäll", "Project", 0), m("Mötesplats Fjäll 2025", "Project", 30),
                    m("Europaforum Norra Sverige", "Organisation", 60), m("Europaforum 2025", "Project", 100)])
    got = names(ents)
    assert got[("Project", "Mötesplats Fjäll")] == ["Mötesplats Fjäll 2025"]
    assert ("Project", "Europaforum 2025") in got


def test_county_board_coordination():
    text = "Tillväxtverket och Länsstyrelserna i Kalmar och Gotland deltar."
    i = text.index("Gotland")
    ents = resolve([m("Gotland", "Organisation", i)], text)
    assert [e.name for e in ents] == ["Länsstyrelsen Gotland"]


def test_table_acronym_joins_the_project_cell():
    text = "Fjällnära cykelleder Malå kommun 300 000 (FJÄCY)\nFJÄCY växer."
    ms = [m("Fjällnära cykelleder", "Project", 0), m("FJÄCY", "Project", 41), m("FJÄCY", "Project", 48)]
    ents = resolve(ms, text)
    assert [(e.name, e.aliases) for e in ents] == [("Fjällnära cykelleder", ["FJÄCY"])]


def test_council_and_championship_variants_join():
    ms = [m("Strategiska rådet för fjällturism", "Project", 0), m("Strategiskt råd för fjällturism", "Project", 50),
          m("Strategirådet för fjällturism", "Project", 100), m("Smörgås-SM", "Project", 150),
          m("SM i Smörgås", "Project", 200)]
    ents = resolve(ms, "")
    assert len([e for e in ents if "fjällturism" in e.name]) == 1
    assert len([e for e in ents if "Smörgås" in e.name]) == 1


def test_bare_organisation_joins_its_qualified_form():
    ms = [m("Företagskammaren", "Organisation", 0), m("Företagskammaren Västerbotten", "Organisation", 30)]
    ents = resolve(ms, "")
    assert [e.name for e in ents] == ["Företagskammaren Västerbotten"]


def test_long_form_and_acronym_in_brackets_join_across_types():
    text = "Bakom står Nordic Centre of Snow Research (NCSR). Flera parter deltar i Nordic Centre of Snow Research."
    a = text.index("Nordic")
    b = text.index("NCSR")
    c = text.rindex("Nordic")
    ms = [m("Nordic Centre of Snow Research", "Project", a), m("NCSR", "Project", b),
          m("Nordic Centre of Snow Research", "Organisation", c),
          m("Nordic Centre of Snow Research", "Organisation", c + 200)]
    ents = resolve(ms, text)
    assert names(ents) == {("Organisation", "Nordic Centre of Snow Research"): ["NCSR"]}


def test_bare_strategies_of_different_levels_stay_apart():
    ents = resolve([m("regionala fiskestrategin", "Strategy", 0), m("nationella fiskestrategin", "Strategy", 40),
                    m("Regional fiskestrategi", "Strategy", 80), m("Nationell fiskestrategi", "Strategy", 120)])
    assert len(ents) == 2
    assert {e.name for e in ents} == {"Regional fiskestrategi", "Nationell fiskestrategi"}


def test_project_cue_suffix_keeps_a_network_apart_from_its_strategy():
    ents = resolve([m("RIF", "Strategy", 0), m("RIF", "Strategy", 20), m("RIF-nätverket", "Project", 40)])
    assert names(ents) == {("Strategy", "RIF"): [], ("Project", "RIF-nätverket"): []}
    # the cue suffix still joins a project to its bare name
    ents = resolve([m("SOLBACKE", "Project", 0), m("SOLBACKE-projektet", "Project", 40)])
    assert len(ents) == 1


def test_capitalised_common_noun_is_not_a_name():
    text = ("Kustfiske har länge varit viktigt. Arbetet med kustfiske fortsätter, och kustfiske och "
            "kustfiske i skärgården diskuterades på Havsdagen.")
    ms = [m("Kustfiske", "Project", 0), m("Havsdagen", "Project", text.index("Havsdagen"))]
    assert names(resolve(ms, text)) == {("Project", "Havsdagen"): []}
    # a name the text also writes in lower case as a mention of itself stays
    ms = [m("Kustfiske", "Project", 0), m("kustfiske", "Project", text.index("kustfiske"))]
    assert len(resolve(ms, text)) == 1


def test_generic_nouns_for_kinds_of_networks_are_stoplisted():
    ents = resolve([m("Resecentrum", "Organisation", 0), m("Kommunnätverk", "Project", 20),
                    m("Lärcentrum Kustbygd", "Organisation", 40)])
    assert names(ents) == {("Organisation", "Lärcentrum Kustbygd"): []}


def test_acronym_inside_a_span_becomes_an_alias():
    text = "Inom Coastal Heritage Alliance (COHERA) samarbetar flera parter."
    ms = [m("Coastal Heritage Alliance (COHERA)", "Project", text.index("Coastal"))]
    assert names(resolve(ms, text)) == {("Project", "Coastal Heritage Alliance"): ["COHERA"]}


def test_span_cut_in_a_compound_ellipsis_is_mended():
    text = "Rådet för Friskvård Jord - och skogsbruk, RFJ, möts i maj."
    ms = [m("Rådet för Friskvård Jord", "Project", text.index("Rådet"))]
    assert [e.name for e in resolve(ms, text)] == ["Rådet för Friskvård Jord- och skogsbruk"]
    text = "Kustrådet för informations- och erfarenhetsutbyte samt Syd- och Mellansverige möts."
    ms = [m("Kustrådet för informations-", "Organisation", 0), m("Syd-", "Organisation", text.index("Syd"))]
    assert [e.name for e in resolve(ms, text)] == ["Kustrådet"]
    text = "Inom den så kallade Fjäll 7- kretsen samarbetar sju kommuner."
    ms = [m("Fjäll 7-", "Organisation", text.index("Fjäll"))]
    assert [e.name for e in resolve(ms, text)] == ["Fjäll 7"]


def test_one_word_name_only_ever_after_a_locative_is_a_place():
    text = "Butiken i Hjortmyra har öppnat. Servicen i Hjortmyra och hos Hjortbolaget växer; i Hjortbolaget arbetar tio."
    ms = [m("Hjortmyra", "Organisation", text.index("Hjortmyra")),
          m("Hjortmyra", "Organisation", text.rindex("Hjortmyra")),
          m("Hjortbolaget", "Organisation", text.index("Hjortbolaget")),
          m("Hjortbolaget", "Organisation", text.rindex("Hjortbolaget"))]
    assert names(resolve(ms, text)) == {("Organisation", "Hjortbolaget"): []}


def test_acronym_followed_by_the_start_of_its_long_form_joins_it():
    text = "Projektet Grön kustlogistik i samverkan (GKL) fortsätter. Inom GKL Grön kustlogistik byggs laddning."
    ms = [m("Grön kustlogistik i samverkan", "Project", text.index("Grön")), m("GKL", "Project", text.index("GKL")),
          m("GKL Grön kustlogistik", "Project", text.rindex("GKL"))]
    ents = resolve(ms, text)
    assert names(ents) == {("Project", "Grön kustlogistik i samverkan"): ["GKL", "GKL Grön kustlogistik"]}
    # a regional branch named by acronym and place is its own organisation
    ents = resolve([m("SKF", "Organisation", 0), m("SKF Kalmar", "Organisation", 20)], "SKF och SKF Kalmar")
    assert len(ents) == 2


def test_national_strategy_forms_join():
    ms = [m("Sveriges cykelstrategi", "Strategy", 0), m("Ny cykelstrategi för Sverige 2030", "Strategy", 40),
          m("nya nationella cykelstrategin", "Strategy", 90), m("regionala cykelstrategin", "Strategy", 130)]
    ents = resolve(ms)
    assert sorted(len(e.mentions) for e in ents) == [1, 3]
    assert next(e for e in ents if len(e.mentions) == 1).name == "regionala cykelstrategin"


def test_home_region_genitive_strategy_joins_the_bare_name():
    text = ("Kalmar län och Region Kalmar arbetar i Kalmar. Kalmars turism växer. Öland ligger nära. "
            "Kalmars K2-strategi och K2-strategin gäller. Ölands V4-strategi och V4-strategin skiljer sig.")
    ms = [m(w, "Strategy", text.index(w)) for w in ("Kalmars K2-strategi", "K2-strategin",
                                                  "Ölands V4-strategi", "V4-strategin")]
    got = {e.name for e in resolve(ms, text)}
    assert got == {"Kalmars K2-strategi", "Ölands V4-strategi", "V4-strategin"}


def test_short_form_after_the_one_long_name_it_begins_joins_it():
    text = "Nordligt råd för kustfiske startade i år. Länet leder Nordligt råd och Havsforum i samverkan; Havsforum växer."
    ms = [m("Nordligt råd för kustfiske", "Project", 0), m("Nordligt råd", "Project", text.index("Nordligt råd och")),
          m("Havsforum i samverkan", "Project", text.index("Havsforum")), m("Havsforum", "Project", text.rindex("Havsforum"))]
    got = names(resolve(ms, text))
    assert got[("Project", "Nordligt råd för kustfiske")] == ["Nordligt råd"]
    assert ("Project", "Havsforum") in got  # "X i samverkan" is a project of its own


def test_short_form_before_its_long_name_stays_apart():
    text = "Nordligt råd startade. Senare kom Nordligt råd för kustfiske."
    ms = [m("Nordligt råd", "Project", 0), m("Nordligt råd för kustfiske", "Project", text.index("Nordligt råd för"))]
    assert len(resolve(ms, text)) == 2


def test_acronym_in_brackets_after_a_span_is_an_alias_even_without_its_own_span():
    text = "Arbetet med Trygg skola i norr (TSN)-modellen fortsätter."
    ms = [m("Trygg skola i norr", "Project", text.index("Trygg"))]
    assert names(resolve(ms, text)) == {("Project", "Trygg skola i norr"): ["TSN"]}


def test_span_cut_short_of_a_name_written_in_full_elsewhere_runs_on():
    text = ("Nordic Institute for Tidal Power Studies (NITPS) leder arbetet. "
            "Nordic Institute for Tidal Power Studies har en ny chef.")
    second = text.rindex("Nordic")
    ms = [m("NITPS", "Organisation", text.index("NITPS")), m("Nordic Institute for Tidal", "Organisation", second)]
    ents = resolve(ms, text)
    assert names(ents) == {("Organisation", "Nordic Institute for Tidal Power Studies"): ["NITPS"]}
    assert ents[0].mentions[-1].end == second + len("Nordic Institute for Tidal Power Studies")


def test_english_plural_is_not_a_genitive():
    assert entity_key("Baltic Fisheries", "Organisation") != entity_key("Baltic Fisherie", "Organisation")
    assert [e.name for e in resolve([m("Centre for Coastal Studies", "Organisation", 0)])] == ["Centre for Coastal Studies"]


def test_compound_strategy_joins_the_one_strategi_for_name_of_its_stem():
    ms = [m("strategi för skogsbrandsberedskap", "Strategy", 0), m("skogsstrategi", "Strategy", 50),
          m("Strategi för skogsbrandsberedskap", "Strategy", 80)]
    ents = resolve(ms)
    assert len(ents) == 1
    ms = [m("strategi för fiskevård", "Strategy", 0), m("strategi för fisketurism", "Strategy", 40),
          m("fiskestrategi", "Strategy", 80)]
    assert len(resolve(ms)) == 3  # two candidates: no join


def test_heading_in_sentence_case_over_a_common_phrase_is_not_a_name():
    text = ("Lokala råd\n\nKommunerna har lokala råd. Alla lokala råd möts, och lokala råd rapporterar. "
            "Almi driver projektet Grön tillväxt. Grön tillväxt ger stöd; grön tillväxt är målet, grön tillväxt ökar "
            "och grön tillväxt mäts.")
    ms = [m("Lokala råd", "Project", 0), m("Grön tillväxt", "Project", text.index("Grön"))]
    assert names(resolve(ms, text)) == {("Project", "Grön tillväxt"): []}


def test_leading_punctuation_and_glued_sentences_are_trimmed():
    text = "Havsrådet/Kustfisk Norden AB deltog. Vi besökte Storsjön.Projektet fortsätter."
    ms = [m("/Kustfisk Norden AB", "Organisation", text.index("/")),
          m("Storsjön.Projektet", "Project", text.index("Storsjön"))]
    got = resolve(ms, text)
    assert sorted(e.name for e in got) == ["Kustfisk Norden AB", "Storsjön"]
    assert all(text[mm.start:mm.end] == mm.text for e in got for mm in e.mentions)


def test_span_ending_in_a_weak_adjective_runs_on_to_its_noun():
    text = "Inom samarbetet Kaledoniska stråket och Stiftelsen Kustbo möts man."
    ms = [m("Kaledoniska", "Organisation", text.index("Kaledoniska")), m("Stiftelsen Kustbo", "Organisation", text.index("Stiftelsen"))]
    assert sorted(e.name for e in resolve(ms, text)) == ["Kaledoniska stråket", "Stiftelsen Kustbo"]


def test_meeting_place_prefix_is_a_cue_word():
    ms = [m("Mötesplats Smart Kust", "Project", 0), m("Smart Kust", "Project", 40)]
    ents = resolve(ms, "")
    assert len(ents) == 1 and sorted([ents[0].name, *ents[0].aliases]) == ["Mötesplats Smart Kust", "Smart Kust"]


def test_new_and_joint_are_not_part_of_a_strategy_name():
    ms = [m("Strategi för fjällhälsa", "Strategy", 0), m("gemensam strategi för fjällhälsa", "Strategy", 30),
          m("ny gemensamma strategin för fjällhälsa", "Strategy", 70)]
    assert len(resolve(ms)) == 1


def test_name_the_text_says_is_also_used_joins():
    text = "Region Kalmar leder Baltic Coast Mayors Forum (även kort kallat Mayors Forum med akronymen MF). Mayors Forum möts i maj."
    ms = [m("Baltic Coast Mayors Forum", "Project", text.index("Baltic")),
          m("Mayors Forum", "Project", text.index("Mayors Forum med")), m("MF", "Project", text.index("MF)")),
          m("Mayors Forum", "Project", text.rindex("Mayors Forum"))]
    assert names(resolve(ms, text)) == {("Project", "Baltic Coast Mayors Forum"): ["MF", "Mayors Forum"]}


def test_former_name_in_brackets_joins():
    text = "Kustbibliotek Kalmar (tidigare Länsbibliotek Kalmar) ansvarar för fjärrlån. Kustbibliotek Kalmar växer."
    ms = [m("Kustbibliotek Kalmar", "Organisation", 0), m("Länsbibliotek Kalmar", "Organisation", text.index("Läns")),
          m("Kustbibliotek Kalmar", "Organisation", text.rindex("Kust"))]
    assert names(resolve(ms, text)) == {("Organisation", "Kustbibliotek Kalmar"): ["Länsbibliotek Kalmar"]}


def test_first_half_of_a_compound_ellipsis_joins_its_own_name():
    ms = [m("EU:s kust- och havsfonder", "FundingSource", 0), m("kustfonderna", "FundingSource", 40),
          m("havsplanen", "Strategy", 80)]
    ents = resolve(ms)
    assert len([e for e in ents if e.type == "FundingSource"]) == 1 and len(ents) == 2


def test_lower_case_plural_strategy_is_a_kind_not_a_name():
    text = "Kunskapen sprids i regionala fiskeprogram. Nämnden tog fram ett nytt regionala fiskeprogram."
    ms = [m("regionala fiskeprogram", "Strategy", text.index("regionala")),
          m("regionala fiskestrategier", "Strategy", 200)]
    assert resolve(ms, text + " " * 300) == []
    ms = [m("regionala fiskeprogram", "Strategy", text.rindex("regionala"))]
    assert len(resolve(ms, text)) == 1  # a determiner makes it one programme


def test_one_surface_form_under_two_types_is_one_entity():
    ms = [m("Lärarlyftet", "Strategy", 0), m("Lärarlyftet", "Strategy", 30), m("Lärarlyftet", "Project", 60)]
    ms[0].text = ms[1].text = ms[2].text = "Fjällprogrammet"
    assert [(e.type, e.name) for e in resolve(ms)] == [("Strategy", "Fjällprogrammet")]
    # the gazetteer still decides over a majority of weak guesses
    ms = [m("Europeiska socialfonden", "FundingSource", 0)] + [
        m("Europeiska socialfonden", "Organisation", 40 * i, source="model") for i in range(1, 6)]
    assert {e.type for e in resolve(ms)} == {"FundingSource"}


def test_former_name_joins_even_when_only_it_has_a_span_there():
    text = ("Kustbibliotek Kalmar ansvarar för fjärrlån. Kustbibliotek Kalmar (tidigare Länsbibliotek Kalmar) "
            "har ett lagstadgat uppdrag.")
    ms = [m("Kustbibliotek Kalmar", "Organisation", 0), m("Länsbibliotek Kalmar", "Organisation", text.index("Läns"))]
    assert names(resolve(ms, text)) == {("Organisation", "Kustbibliotek Kalmar"): ["Länsbibliotek Kalmar"]}


def test_strategy_apposition_is_one_strategy_but_a_list_of_levels_is_not():
    text = ("Arbetet följer Sveriges nationella fiskestrategi, Fiskestrategin 3.0, som antogs i maj. "
            "Länet har även den regionala fiskestrategin.")
    ms = [m("Sveriges nationella fiskestrategi", "Strategy", text.index("Sveriges")),
          m("Fiskestrategin 3.0", "Strategy", text.index("Fiskestrategin")),
          m("regionala fiskestrategin", "Strategy", text.index("regionala"))]
    assert sorted(len(e.mentions) for e in resolve(ms, text)) == [1, 2]
    text = "Arbetet följer nationella fiskestrategin, regionala fiskestrategin, och andra planer."
    ms = [m("nationella fiskestrategin", "Strategy", text.index("nationella")),
          m("regionala fiskestrategin", "Strategy", text.index("regionala"))]
    assert len(resolve(ms, text)) == 2


def test_compound_network_name_followed_by_for_joins_the_head_for_name():
    text = ("Nätverk för kommunala fiskevårdare\n\nRegionen driver Kalmars fiskevårdsnätverk för kommunala "
            "fiskevårdare. Kalmars fiskevårdsnätverk möts två gånger per år.")
    ms = [m("Nätverk för kommunala fiskevårdare", "Project", 0),
          m("Kalmars fiskevårdsnätverk", "Project", text.index("Kalmars")),
          m("Kalmars fiskevårdsnätverk", "Project", text.rindex("Kalmars"))]
    assert len(resolve(ms, text)) == 1


def test_acronym_apposition_after_a_comma_joins_and_loses_its_full_stop():
    text = "Vi samarbetar kring Friskt leverne på Remiss, FlR. Senare kom Kustforum, KCF, och Kustforum växte."
    ms = [m("Friskt leverne på Remiss", "Project", text.index("Friskt")), m("FlR.", "Project", text.index("FlR")),
          m("Kustforum", "Project", text.index("Kustforum")), m("KCF", "Organisation", text.index("KCF"))]
    got = names(resolve(ms, text))
    assert got[("Project", "Friskt leverne på Remiss")] == ["FlR"]
    assert ("Organisation", "KCF") in got  # letters that do not spell the name: no join


def _at(text, name, etype, nth=0, source="rules"):
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(name, etype, 1, start, start + len(name), source)


def _find(ents, etype, name):
    return next((e for e in ents if e.type == etype and (e.name == name or name in e.aliases)), None)


def test_trailing_year_range_joins_the_name_and_forms_meet():
    text = ("Kustplan för Halland 2024–2035 beslutades i våras. Enligt Kustplan för Halland ska hamnarna växa. "
            "Havsprogrammet för Västra Götaland 2021–2027 finansierar tre projekt.")
    ms = [_at(text, "Kustplan för Halland", "Strategy"), _at(text, "Kustplan för Halland", "Strategy", 1),
          _at(text, "Havsprogrammet för Västra Götaland", "FundingSource")]
    ents = resolve(ms, text)
    plan = _find(ents, "Strategy", "Kustplan för Halland 2024–2035")
    assert plan and plan.name == "Kustplan för Halland 2024–2035" and "Kustplan för Halland" in plan.aliases
    assert len([e for e in ents if e.type == "Strategy"]) == 1
    assert _find(ents, "FundingSource", "Havsprogrammet för Västra Götaland 2021–2027")


def test_year_that_starts_a_clause_or_is_an_allocation_stays_out():
    text = "Enligt Kustplan för Halland 2025 beslutade nämnden om nya mål. Ur Småföretagsanslaget 2025, som fördelas av regionen."
    ms = [_at(text, "Kustplan för Halland", "Strategy"), _at(text, "Småföretagsanslaget", "FundingSource")]
    ents = resolve(ms, text)
    assert {e.name for e in ents} == {"Kustplan för Halland", "Småföretagsanslaget"}
    assert entity_key("Fiskeprogrammet för Gotland 2021–2027", "FundingSource") == entity_key(
        "Fiskeprogrammet för Gotland", "FundingSource")
    assert entity_key("Agenda 2030", "Strategy") != entity_key("Agenda", "Strategy")


def test_strategy_head_runs_on_over_its_owner_and_year():
    text = "Arbetet följer Cykelstrategi för Ystads kommun 2030. Cykelstrategin antogs 2023."
    ms = [_at(text, "Cykelstrategi", "Strategy"), _at(text, "Ystads kommun", "Organisation"),
          _at(text, "Cykelstrategin", "Strategy")]
    ents = resolve(ms, text)
    strat = [e for e in ents if e.type == "Strategy"]
    assert len(strat) == 1 and strat[0].name == "Cykelstrategi för Ystads kommun 2030"
    assert not any(e.type == "Organisation" for e in ents)  # the owner inside the name is no mention of its own
    # lower case or no owner after "för": nothing changes
    text = "Vi har en plan för Ystads kommun och Cykelstrategi för framtiden."
    ms = [_at(text, "Cykelstrategi", "Strategy"), _at(text, "Ystads kommun", "Organisation")]
    assert {e.name for e in resolve(ms, text)} == {"Cykelstrategi", "Ystads kommun"}


def test_acronym_with_a_digit_defined_after_a_year_range():
    text = "Arbetet utgår från Smålands strategi för grön omställning 2023–2028 (G2). Rådet följer upp G2."
    ms = [_at(text, "Smålands strategi för grön omställning", "Strategy"), _at(text, "G2", "Strategy"),
          _at(text, "G2", "Strategy", 1)]
    ents = resolve(ms, text)
    assert len(ents) == 1 and ents[0].name == "Smålands strategi för grön omställning 2023–2028"
    assert "G2" in ents[0].aliases


def test_field_label_is_not_part_of_a_name():
    text = "• Namn: Vätgasdalen Öst (VDÖ)\n\n• Projektägare: Någon"
    ms = [_at(text, "• Namn", "Project"), _at(text, "Vätgasdalen Öst", "Project"), _at(text, "VDÖ", "Project")]
    ents = resolve(ms, text)
    assert [(e.name, e.aliases) for e in ents] == [("Vätgasdalen Öst", ["VDÖ"])]
    text = "Namn: Vätgasdalen Öst startar."
    ents = resolve([_at(text, "Namn: Vätgasdalen Öst", "Project")], text)
    assert [e.name for e in ents] == ["Vätgasdalen Öst"]


def test_definite_cue_before_a_proper_name_is_an_alias():
    text = "Nätverket Blue Coast Forum\n\nMed i Blue Coast Forum är tio kommuner. Även Nätverk kustturism finns."
    ms = [_at(text, "Nätverket Blue Coast Forum", "Project"), _at(text, "Blue Coast Forum", "Project", 1),
          _at(text, "Nätverk kustturism", "Project")]
    ents = resolve(ms, text)
    got = names(ents)
    assert got[("Project", "Blue Coast Forum")] == ["Nätverket Blue Coast Forum"]
    assert ("Project", "Nätverk kustturism") in got  # indefinite: the cue word is the name's head
    ents = resolve([_at("Plattformen Grön Hamn växer.", "Plattformen Grön Hamn", "Project")], "Plattformen Grön Hamn växer.")
    assert ents[0].name == "Grön Hamn" and ents[0].aliases == ["Plattformen Grön Hamn"]


def test_company_name_cut_at_the_front_is_completed():
    text = "Hamnen drivs av Fjord Cargo Ltd sedan 2020.\n\n- Fjord Cargo Ltd ägs av kommunen. Även Ölands Buss AB deltar."
    ms = [_at(text, "Fjord Cargo Ltd", "Organisation"), _at(text, "Cargo Ltd", "Organisation", 1),
          _at(text, "Buss AB", "Organisation")]
    ents = resolve(ms, text)
    assert {e.name for e in ents} == {"Fjord Cargo Ltd", "Ölands Buss AB"}
    # a sentence start is not part of the name
    text = "Därför Buss AB. Även Buss AB."
    ents = resolve([_at(text, "Buss AB", "Organisation"), _at(text, "Buss AB", "Organisation", 1)], text)
    assert {e.name for e in ents} == {"Buss AB"}


def test_text_acronym_definition_beats_the_gazetteer():
    # "ESV" is the gazetteer's acronym for an agency; the document defines its own
    text = "Vi startar Elbussar Sydost Värend (ESV) i år. ESV leds av kommunen."
    ms = [_at(text, "Elbussar Sydost Värend", "Project"), _at(text, "ESV", "Project"), _at(text, "ESV", "Organisation", 1)]
    ents = resolve(ms, text)
    assert [(e.type, e.name, e.aliases) for e in ents] == [("Project", "Elbussar Sydost Värend", ["ESV"])]


def test_national_form_of_a_one_word_organisation():
    ents = resolve([m("Svenska Hamnrådet", "Organisation", 0), m("Hamnrådet", "Organisation", 40)])
    assert len(ents) == 1 and ents[0].name == "Svenska Hamnrådet"


def test_apposition_owner_description_renames_a_strategy():
    text = "Projektet bidrar till Hallandsstrategin, Region Hallands regionala utvecklingsstrategi, och mer."
    ms = [_at(text, "Hallandsstrategin", "Strategy"), _at(text, "Region Hallands regionala utvecklingsstrategi", "Strategy")]
    assert len(resolve(ms, text)) == 1
    text = "Projektet bidrar till Hallandsstrategin, Region Hallands klimatstrategi, Kustplanen och mer."
    ms = [_at(text, "Hallandsstrategin", "Strategy"), _at(text, "Region Hallands klimatstrategi", "Strategy"),
          _at(text, "Kustplanen", "Strategy")]
    assert len(resolve(ms, text)) == 3  # a list of strategies, not an apposition
    text = "Projektet bidrar till Hallandsstrategin, Region Hallands kulturplan, och mer."
    ms = [_at(text, "Hallandsstrategin", "Strategy"), _at(text, "Region Hallands kulturplan", "Strategy")]
    assert len(resolve(ms, text)) == 2


def test_in_cooperation_with_ends_a_project_name():
    text = "Regionen driver Testcentrum för batterier i samverkan med två kommuner."
    ents = resolve([_at(text, "Testcentrum för batterier i samverkan", "Project")], text)
    assert ents[0].name == "Testcentrum för batterier"
    text = "Regionen driver Hållbar hamn i samverkan."
    assert resolve([_at(text, "Hållbar hamn i samverkan", "Project")], text)[0].name == "Hållbar hamn i samverkan"


def test_owner_unit_after_a_place_and_gazetteer_name_with_period():
    text = "Kommunen följer Energiplan för Nybro kommun 2035, som antogs i fjol. Vägplan för Kalmar län 2022–2033 gäller."
    ms = [_at(text, "Energiplan för Nybro", "Strategy"), _at(text, "Vägplan för Kalmar", "Strategy")]
    got = {e.name: e.aliases for e in resolve(ms, text)}
    assert got == {"Energiplan för Nybro kommun 2035": ["Energiplan för Nybro kommun"],
                   "Vägplan för Kalmar län 2022–2033": ["Vägplan för Kalmar län"]}


def test_company_cue_word_and_years_goals_are_not_names():
    text = "Bolaget Nybro Värme AB bygger nätet. Enligt 2030 års mål ska utsläppen minska."
    ms = [_at(text, "Bolaget Nybro Värme AB", "Organisation"), _at(text, "2030 års mål", "Strategy")]
    assert [e.name for e in resolve(ms, text)] == ["Nybro Värme AB"]
    text = "Stiftelsen Nybro Arena äger hallen."
    assert [e.name for e in resolve([_at(text, "Stiftelsen Nybro Arena", "Organisation")], text)] == ["Stiftelsen Nybro Arena"]


def test_model_name_kept_once_when_an_apposition_says_what_it_is():
    text = "Regionen driver Kustkompetens Öst, en samverkansplattform för kommunerna. Vi ses på Kustdagen."
    ms = [_at(text, "Kustkompetens Öst", "Project", source="model"), _at(text, "Kustdagen", "Project", source="model")]
    assert [(e.type, e.name) for e in resolve(ms, text)] == [("Project", "Kustkompetens Öst")]


def test_org_field_labels_and_programme_cue():
    text = "Projektägare: Nybro kommun\n\nFinansiär: Formas"
    ms = [_at(text, "Projektägare: Nybro kommun", "Organisation"), _at(text, "Finansiär: Formas", "Organisation")]
    assert {e.name for e in resolve(ms, text)} == {"Nybro kommun", "Formas"}
    assert entity_key("Programmet Smarta hamnar", "FundingSource") == entity_key("Smarta hamnar", "FundingSource")
    assert entity_key("Programmet för landsbygdsutveckling", "FundingSource") != entity_key("landsbygdsutveckling",
                                                                                           "FundingSource")


def test_bare_head_word_does_not_run_on_over_an_owner():
    text = "Strategi för Nybro kommun saknas."
    ms = [_at(text, "Strategi", "Strategy"), _at(text, "Nybro kommun", "Organisation")]
    assert [e.name for e in resolve(ms, text)] == ["Nybro kommun"]


def test_project_period_and_a_name_cut_in_two():
    text = "Projektet Hamnlabb Norr Centrum 2024–2026 startar. Hamnlabb Norr Centrum finansieras av kommunen."
    ms = [_at(text, "Hamnlabb Norr Centrum 2024–2026", "Project"), _at(text, "Hamnlabb Norr", "Project", 1, "model"),
          _at(text, "Centrum", "Organisation", 1)]
    ents = resolve(ms, text)
    assert [(e.type, e.name, e.aliases) for e in ents] == [
        ("Project", "Hamnlabb Norr Centrum", ["Hamnlabb Norr Centrum 2024–2026"])]


def test_gazetteer_kind_named_in_full_by_the_text():
    text = "Arbetet följer Regional utvecklingsstrategi för Kalmar län 2030 (RUS). RUS följs upp årligen."
    ms = [_at(text, "Regional utvecklingsstrategi för Kalmar län 2030", "Strategy"), _at(text, "RUS", "Strategy"),
          _at(text, "RUS", "Strategy", 1)]
    ents = resolve(ms, text)
    assert len(ents) == 1 and ents[0].name == "Regional utvecklingsstrategi för Kalmar län 2030"
    assert "RUS" in ents[0].aliases


def test_eu_possessor_inside_a_fund_name_is_a_mention_of_eu():
    text = "3.1 EU:s havsfonder\n\nFonderna används brett."
    ents = resolve([_at(text, "EU:s havsfonder", "FundingSource")], text)
    assert sorted(e.type for e in ents) == ["FundingSource", "Organisation"]
    assert any(e.type == "Organisation" and "EU:s" in (e.name, *e.aliases) for e in ents)
    text = "Region X:s havsfonder"
    assert len(resolve([_at(text, "Region X:s havsfonder", "FundingSource")], text)) == 1


def test_whole_company_name_in_a_single_spaced_table_row_is_not_extended():
    text = "Smart hamn Norr Kalmar Hamn AB 2 400 000"
    ents = resolve([_at(text, "Kalmar Hamn AB", "Organisation")], text)
    assert [e.name for e in ents] == ["Kalmar Hamn AB"]


def test_name_does_not_end_in_an_adjective():
    text = "Arbetet följer Regional handlingsplan för grön infrastruktur i Kalmar län, som revideras."
    ents = resolve([_at(text, "Regional handlingsplan för grön", "Strategy")], text)
    assert [e.name for e in ents] == ["Regional handlingsplan för grön infrastruktur i Kalmar län"]


def test_copula_between_two_strategy_names_joins_them():
    text = "Ölands tillväxtstrategi är också Ölands strategi för smart specialisering (ÖS3). Den följs upp."
    ms = [_at(text, "Ölands tillväxtstrategi", "Strategy"), _at(text, "Ölands strategi för smart specialisering", "Strategy"),
          _at(text, "ÖS3", "Strategy")]
    ents = resolve(ms, text)
    assert len(ents) == 1 and "ÖS3" in ents[0].aliases
    text = "Ölands tillväxtstrategi är en del av Kalmarstrategin."
    ms = [_at(text, "Ölands tillväxtstrategi", "Strategy"), _at(text, "Kalmarstrategin", "Strategy")]
    assert len(resolve(ms, text)) == 2


def test_predicative_description_is_not_a_name():
    text = "Projektet finansieras av Kustprogrammet, som är ett EU-program för havsnära samarbete. Vi har en plan."
    ms = [_at(text, "Kustprogrammet", "FundingSource"), _at(text, "EU-program för havsnära samarbete", "FundingSource")]
    assert [e.name for e in resolve(ms, text)] == ["Kustprogrammet"]
    text = "Regionen har tagit fram en strategi för hållbar fiskevård."
    assert len(resolve([_at(text, "strategi för hållbar fiskevård", "Strategy")], text)) == 1


def test_model_name_run_by_someone_is_kept():
    text = "Hamnfisk 2030, som drivs av Nybro kommun, startade i år."
    ents = resolve([_at(text, "Hamnfisk 2030", "Project", source="model")], text)
    assert [(e.type, e.name) for e in ents] == [("Project", "Hamnfisk 2030")]


def test_two_gazetteer_names_side_by_side_stay_apart():
    text = "EU-finansiering via Interreg Aurora (ERUF): 2 000 000 euro. Europeiska regionala utvecklingsfonden bidrar."
    ms = [_at(text, "Interreg Aurora", "FundingSource"), _at(text, "ERUF", "FundingSource"),
          _at(text, "Europeiska regionala utvecklingsfonden", "FundingSource")]
    assert len(resolve(ms, text)) == 2


def test_initialism_of_the_first_words_joins_the_long_name():
    ents = resolve([m("Industriellt Utvecklings Centrum Norrbotten AB", "Organisation", 0),
                    m("IUC Norrbotten AB", "Organisation", 80), m("Norrbotten Energi AB", "Organisation", 120)])
    assert ("Organisation", "Industriellt Utvecklings Centrum Norrbotten AB") in names(ents)
    assert len(ents) == 2  # the company whose words do not spell the acronym stays apart
    ents = resolve([m("Umeå Centrum Norrbotten AB", "Organisation", 0), m("IUC Norrbotten AB", "Organisation", 80)])
    assert len(ents) == 2  # 'uc' does not spell 'IUC'


def test_common_noun_abbreviations_are_no_names():
    """'SMF' (small and medium enterprises) is a common noun: no entity, and no project joins it."""
    ents = resolve([m("SMF", "Project", 0), m("Pegin XL - Affärsutveckling för expansion i industrinära SMF", "Project", 20)])
    assert names(ents) == {("Project", "Pegin XL - Affärsutveckling för expansion i industrinära SMF"): []}


def test_a_kind_of_strategy_and_its_quoted_name_are_one():
    from extractors.extract import extract_text
    from extractors.pipeline import build_nlp
    raw = ("Inledning om länet och dess utmaningar i en hel mening här.\n\nFör att skapa en hållbar framtid antog "
           "Regionfullmäktige i juni 2021 en ny regional utvecklingsstrategi (reviderad 2026-02-16), ”Dalastrategin – "
           "Tillsammans för ett hållbart Dalarna”.\n")
    res = extract_text(build_nlp(), raw, "q.txt")
    strategies = [e for e in res.entities if e.type == "Strategy"]
    assert len(strategies) == 1
    assert "Dalastrategin – Tillsammans för ett hållbart Dalarna" in [strategies[0].name, *strategies[0].aliases]
    assert ("Regionfullmäktige", "responsibleFor", strategies[0].name) in {(r.s, r.p, r.o) for r in res.relations}


def test_title_with_subtitle_joins_the_title():
    ents = resolve([m("Dalastrategin – Tillsammans för ett hållbart Dalarna", "Strategy", 0),
                    m("Dalastrategin", "Strategy", 80), m("Kulturplan – Dalarna", "Strategy", 120)])
    assert len(ents) == 2  # 'Kulturplan – Dalarna' has no title of its own in the text
    assert any(sorted([e.name, *e.aliases]) == ["Dalastrategin", "Dalastrategin – Tillsammans för ett hållbart Dalarna"]
               for e in ents)
