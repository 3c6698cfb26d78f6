"""The held-out real set (tests/fixtures/real2): gold on real slices of ../shared/realdata that no rule
was tuned on: other ERUF programme areas' fact boxes, Region Dalarna's economic-situation report (a
precision test) and the Dalarna follow-up beyond the part in tests/fixtures/real. Annotated before the
extractor was run on them; README.md there says how. The texts stay in ../shared: tests skip without it.
"""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors import SIGNATURE, TYPES
from kg.cli import cli

from conftest import SHARED

REAL2 = Path(__file__).parent / "fixtures" / "real2"
REALDATA = SHARED / "realdata"
GOLD_FILES = sorted((REAL2 / "gold").glob("*.json"))
# measured 2026-12-07 before any change of this round: 0.788 / 0.851
ENTITY_FLOOR, RELATION_FLOOR = 0.77, 0.83
needs_shared = pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is not beside the repository")


def _source(doc: str) -> Path:
    found = sorted(REALDATA.rglob(doc))
    assert found, f"{doc} is not in {REALDATA}"
    return found[0]


def test_set_is_not_the_tuning_set():
    """No slice of the held-out set overlaps a slice of the tuning set (tests/fixtures/real)."""
    tuned = {}
    for f in (REAL2.parent / "real" / "gold").glob("*.json"):
        g = json.loads(f.read_text(encoding="utf-8"))
        tuned.setdefault(g["doc"], []).append(g["lines"])
    assert GOLD_FILES
    for f in GOLD_FILES:
        g = json.loads(f.read_text(encoding="utf-8"))
        for a, b in tuned.get(g["doc"], []):
            assert g["lines"][1] < a or g["lines"][0] > b, f.name


@needs_shared
@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem[:50])
def test_gold_follows_schema(gold_file):
    g = json.loads(gold_file.read_text(encoding="utf-8"))
    lines = _source(g["doc"]).read_text(encoding="utf-8").splitlines()
    first, last = g["lines"]
    assert 1 <= first <= last <= len(lines)
    types = {e["name"]: e["type"] for e in g["entities"]}
    assert set(types.values()) <= set(TYPES)
    for e in g["entities"]:
        assert all(first <= n <= last for n in e["lines"]), e
    for r in g["relations"]:
        subj, obj = SIGNATURE[r["p"]]
        assert types.get(r["s"]) in subj and types.get(r["o"]) in obj, r
        assert first <= r["line"] <= last
        assert len(r["evidence"].split()) <= 8, "no sentence of ../shared is copied into the repository"


@needs_shared
def test_heldout_set_floors():
    docs = sorted({json.loads(f.read_text(encoding="utf-8"))["doc"] for f in GOLD_FILES})
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(REAL2 / "gold"), "--format", "json",
                                      *(str(_source(d)) for d in docs)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output[result.output.index("{"):])
    assert sorted(scores["documents"]) == docs
    assert scores["entities"]["micro"]["f1"] >= ENTITY_FLOOR
    assert scores["relations"]["micro"]["f1"] >= RELATION_FLOOR
