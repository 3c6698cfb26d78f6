"""SHACL validation: a built graph conforms; broken graphs do not, with the right complaint."""
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal

from kg.cli import cli
from kg.validate import validate_graph
from kg.vocab import ID, KG

REGION = ID["organisation/region-vasterbotten"]
FREIA = ID["project/freia"]


@pytest.fixture
def sample_graph(sample_build) -> Graph:
    return Graph().parse(sample_build / "graph.ttl", format="turtle")


def messages(g: Graph) -> set[str]:
    report = validate_graph(g)
    assert report.conforms == (not report.violations)
    return {v.message for v in report.violations}


def test_built_sample_conforms(sample_build):
    r = CliRunner().invoke(cli, ["validate", "--graph", str(sample_build)])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("conforms to the shapes:")


def test_relation_without_evidence(sample_graph):
    sample_graph.add((REGION, KG.partOf, ID["organisation/umea-kommun"]))
    assert ("stated relation id:organisation/region-vasterbotten kg:partOf id:organisation/umea-kommun "
            "has no kg:Evidence node (document, line, quote)") in messages(sample_graph)


def test_relation_outside_domain_and_range(sample_graph):
    sample_graph.add((FREIA, KG.manages, REGION))
    found = messages(sample_graph)
    assert any(m.startswith("subject of participatesIn/leads/responsibleFor/manages") for m in found)
    assert "object of manages is not a kg:FundingSource" in found


def test_entity_without_label_or_with_two(sample_graph):
    sample_graph.remove((FREIA, RDFS.label, None))
    sample_graph.add((REGION, RDFS.label, Literal("Region Västerbottens", lang="sv")))
    report = validate_graph(sample_graph)
    bad = {v.focus for v in report.violations if v.message == "entity without exactly one Swedish rdfs:label"}
    assert bad == {"id:project/freia", "id:organisation/region-vasterbotten"}


def test_entity_with_two_types_or_no_mention(sample_graph):
    sample_graph.add((FREIA, RDF.type, KG.Organisation))
    for m in list(sample_graph.subjects(KG.refersTo, REGION)):
        sample_graph.remove((m, None, None))
    found = messages(sample_graph)
    assert "entity with more than one of the four types" in found
    assert "entity without a kg:Mention (document and line)" in found
    assert "entity kg:mentionedIn a document without a kg:Mention in it" in found


def test_evidence_for_missing_triple(sample_graph):
    sample_graph.remove((REGION, KG.leads, FREIA))
    found = [m for m in messages(sample_graph) if m.endswith("which is not in the graph")]
    assert len(found) == 1 and "states id:organisation/region-vasterbotten kg:leads id:project/freia" in found[0]


def test_cli_exit_code_and_one_line_summary(sample_build, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(sample_build, broken)
    with open(broken / "graph.ttl", "a", encoding="utf-8") as f:
        f.write(f"\n<{FREIA}> <{KG.partOf}> <{REGION}> .\n")
    r = subprocess.run([sys.executable, "-m", "kg", "validate", "--graph", str(broken / "graph.ttl")],
                       capture_output=True, text=True)
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("Error: graph violates the shapes:")
    assert "id:project/freia" in r.stdout


def test_validate_without_graph_is_one_line(tmp_path):
    r = subprocess.run([sys.executable, "-m", "kg", "validate", "--graph", str(tmp_path / "none")],
                       capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "kg build" in r.stderr


def test_co_participation_must_rest_on_evidence(sample_graph):
    from rdflib.namespace import PROV

    cp = next(sample_graph.subjects(RDF.type, KG.CoParticipation))
    sample_graph.remove((cp, PROV.wasDerivedFrom, None))
    assert "co-participation not derived from the evidence of at least two participations" in messages(sample_graph)
