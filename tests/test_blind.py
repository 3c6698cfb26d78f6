"""Blind generalisation check: four hand-written, hand-annotated reports never used in development.

The texts in fixtures/blind were written and annotated (following shared/gold/SCHEMA.md) without
looking at the extractor or the earlier held-out set, then scored once; the floors below sit 0.05
under those first measured micro-F1 scores. Do not tune the extractor against these files: once
they are used for development they stop being blind - write a new set instead.
"""
import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli

BLIND = Path(__file__).parent / "fixtures" / "blind"

# measured on first (blind) run: entity micro-F1 = 0.829, relation micro-F1 = 0.503
ENTITY_F1_FLOOR = 0.779
RELATION_F1_FLOOR = 0.453


def test_blind_set_micro_f1_floors():
    texts = sorted(BLIND.glob("*.txt"))
    assert len(texts) == 4
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(BLIND / "gold"), "--format", "json",
                                      *map(str, texts)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output[result.output.index("{"):])
    assert sorted(scores["documents"]) == [t.name for t in texts]
    ent_f1 = scores["entities"]["micro"]["f1"]
    rel_f1 = scores["relations"]["micro"]["f1"]
    assert ent_f1 >= ENTITY_F1_FLOOR, f"entity micro-F1 {ent_f1:.3f} < floor {ENTITY_F1_FLOOR}"
    assert rel_f1 >= RELATION_F1_FLOOR, f"relation micro-F1 {rel_f1:.3f} < floor {RELATION_F1_FLOOR}"
