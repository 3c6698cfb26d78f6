from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.normalize import is_furniture, normalize


def test_line_end_hyphen_joins_word():
    n = normalize("den regionala utveck-\nlingen fortsätter enligt plan.\n")
    assert "utvecklingen" in n.text


def test_real_hyphen_is_kept():
    n = normalize("projekten är ERUF-\nfinansierade och pågår.\n")
    assert "ERUF-finansierade" in n.text


def test_coordination_hyphen_keeps_space():
    n = normalize("uppföljning av hel-\noch delägda bolag.\n")
    assert "hel- och delägda" in n.text


def test_glued_coordination_hyphen_gets_its_space():
    n = normalize("informera Regeringskansliet (Klimat-och näringslivsdepartementet) om in-eller utflyttning.\n")
    assert "(Klimat- och näringslivsdepartementet)" in n.text and "in- eller utflyttning" in n.text
    assert "Sverige-Norge och Aurora" in normalize("Interreg Sverige-Norge och Aurora.\n").text


def test_wrapped_sentence_joined_and_lines_mapped():
    raw = ("Under året har arbetet fortsatt i nära samverkan med länets kommuner och Region\n"
           "Västerbotten har lett det.\n\nNy rubrik\n")
    n = normalize(raw)
    assert "Region Västerbotten har lett" in n.text
    assert n.line_at(n.text.index("Västerbotten har")) == 2
    assert n.line_at(n.text.index("Ny rubrik")) == 4


def test_page_furniture_dropped():
    assert is_furniture("   12 ")
    assert is_furniture("Sida 2 (7)") and is_furniture("Sida 3 av 40")
    assert is_furniture("Omvärldsanalys ........................................ 8")
    assert not is_furniture("Agenda 2030 är viktig.")
    n = normalize("Text före.\n\n 12 \n\nText efter.\n")
    assert "12" not in n.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab -.\nÅÄ12(\t")), max_size=300))
def test_linemap_always_points_inside_input(raw):
    n = normalize(raw)
    n_lines = raw.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for offset in range(0, len(n.text) + 1):
        assert 1 <= n.line_at(offset) <= n_lines


def test_narrow_columns_are_joined_but_headings_kept():
    column = [
        "Arbetet med den nya planen har fortsatt",
        "under hela året i nära dialog med flera",
        "aktörer och har letts av Region",
        "Gävleborg tillsammans med kommunerna,",
        "Högskolan i Gävle och Trafikverket.",
        "Nästa steg",
        "Under nästa år ska planen antas av",
        "regionfullmäktige efter en remissrunda.",
    ]
    n = normalize("\n".join(column) + "\n")
    assert "letts av Region Gävleborg tillsammans med kommunerna, Högskolan i Gävle" in n.text
    assert "\n\nNästa steg\n\nUnder nästa år" in n.text


def test_table_rows_ending_in_an_amount_stay_rows():
    prose = "\n".join(["Länet har under året fortsatt att arbeta med utvecklingen av besöksnäringen och"] * 4
                      + ["det arbetet fortsätter."])
    rows = ["Cykelleder i fjällen Storumans kommun 350 000",
            "Solel på gårdar i Nordmaling Solbyn Energi AB 1 200 000",
            "Lokal matkultur Vilhelmina kommun 420 tkr",
            "Summa 1 970 000 kr"]
    n = normalize(prose + "\n" + "\n".join(rows) + "\n")
    for row in rows:
        assert f"\n\n{row}\n\n" in n.text
    # an amount that wraps into a lower-case continuation is still one sentence
    n = normalize("Projektet beviljades 350 000\nkronor ur anslaget under året.\n")
    assert "350 000 kronor ur anslaget" in n.text


def test_column_gaps_survive_as_two_spaces():
    raw = ("Projekt                     Projektägare             Beviljat\n"
           "Smart vård Fjällbygd        Gränsbygd Science AB     1 300 000\n"
           "Ordinary  text with\ttab and   gaps.\n")
    n = normalize(raw)
    assert "Smart vård Fjällbygd  Gränsbygd Science AB  1 300 000" in n.text
    assert "Projekt  Projektägare  Beviljat" in n.text
    assert "Ordinary text with  tab and  gaps." in n.text
