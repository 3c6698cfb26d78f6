"""A report's title and reporting year (kg/doc_meta.py), on texts of our own."""
import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.doc_meta import TITLE_RULES, YEAR_RULES, document_meta, guess_title, guess_year


@pytest.mark.parametrize("rule,rx,text,expected", [
    (name, rx, text, expected) for name, rx, examples in TITLE_RULES + YEAR_RULES for text, expected in examples])
def test_each_rule_reads_its_examples(rule, rx, text, expected):
    m = rx.search(text)
    assert m, rule
    if isinstance(expected, int):
        assert int(m["year"]) == expected
    else:
        assert guess_title(text, "x.txt") == expected


@pytest.mark.parametrize("text,name,title,year", [
    # a heading line that names a report: title and year from it
    ("Exempelkommunens årsredovisning 2022\n\nInledning\nRUS 2020–2030 gäller.\n", "a.txt",
     "Exempelkommunens årsredovisning 2022", 2022),
    # numbered and generic section headings are not titles; the owner's report and its year are
    ("1 Sammanfattning\n\nKulturnämndens årsrapport är nämndens sista uppföljningsrapport för 2023. "
     "Strategin gäller 2020–2030.\n", "b.txt", "Kulturnämndens årsrapport 2023", 2023),
    # a report named in the opening sentence; the strategy's period never dates it
    ("Denna rapport, Resultat Norrbotten 2025, är en del i uppföljningen av strategin (RUS 2020–2030).\n",
     "c.txt", "Resultat Norrbotten 2025", 2025),
    # a reporting-period phrase beats a year in a strategy's name in the title
    ("Uppföljning av Det gröna länet 2030\nLägesrapport 2024 om länets strategi\n", "d.txt",
     "Uppföljning av Det gröna länet 2030", 2024),
    ("Verksamhetsberättelse\n\nUnder verksamhetsåret 2018 arbetade föreningen mot målen till 2030.\n", "e.txt",
     "Verksamhetsberättelse", 2018),
    # a target year or a period alone dates nothing; the file name may
    ("Innehållsförteckning\nMål för regionen\nVi ska nå målen till 2030 inom RUS 2021–2035.\n", "f.txt",
     "Mål för regionen", None),
    ("Innehållsförteckning\nMål för regionen\nVi ska nå målen till 2030.\n", "rapport_2019.txt", "Mål för regionen", 2019),
    # a dated press release
    ("Pressmeddelande 2023-05-12\nRegionen beviljar stöd.\n", "g.txt", "Pressmeddelande 2023-05-12", 2023),
])
def test_title_and_year(text, name, title, year):
    assert document_meta(text, name) == (title, year)


def test_a_stated_year_wins():
    assert document_meta("Årsredovisning 2024\n", "x.txt", year=2021) == ("Årsredovisning 2024", 2021)
    assert guess_year("Ingen rubrik här.", "x.txt") is None


def test_build_year_option(tmp_path):
    doc = tmp_path / "r.txt"
    doc.write_text("Årsredovisning 2024\n\nRegion Västerbotten leder projektet FREIA.\n", encoding="utf-8")
    for args, year in (((), 2024), (("--year", "2019"), 2019)):
        out = tmp_path / f"b{year}"
        r = CliRunner().invoke(cli, ["build", str(doc), "--out", str(out), *args])
        assert r.exit_code == 0, r.output
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["documents"][0]["year"] == year and manifest["documents"][0]["title"] == "Årsredovisning 2024"
    assert CliRunner().invoke(cli, ["build", str(doc), "--year", "12"]).exit_code == 2


def test_real_reports_are_dated_by_their_reporting_year():
    """The issue's case: the follow-up report was dated 2030 from its strategy's period 'RUS 2020–2030'."""
    from conftest import SHARED

    files = sorted((SHARED / "corpus").glob("*.txt"))
    if not files:
        pytest.skip("../shared/corpus is not here")
    meta = [document_meta(f.read_text(encoding="utf-8"), f) for f in files]
    assert sorted(year for _, year in meta) == [2024, 2025]
    assert all(not title[0].isdigit() and len(title) < 60 for title, _ in meta)
    assert "Resultat Västerbotten 2025" in [title for title, _ in meta]
