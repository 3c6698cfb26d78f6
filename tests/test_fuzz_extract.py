"""Bounded fuzz run over `kg extract` input: bytes and mutated report text through reading and
extraction, for a fixed time budget (KG_FUZZ_SECONDS, default 40 s). Any input either is refused
with a KgError (one line) or extracts without an exception, every mention on the line it names and
every relation between entities of the result."""
import os
import re
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractors.extract import extract_text
from extractors.pipeline import build_nlp
from kg.build import SAMPLE
from kg.errors import KgError
from kg.ingest import read_document

BUDGET = float(os.environ.get("KG_FUZZ_SECONDS", "40"))
LINE_BREAK = re.compile(r"\r\n|[\r\n\f]")
SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").splitlines()

# mutations of real report lines: drop, repeat, cut and splice lines, insert odd characters
LINE = st.one_of(st.sampled_from(SAMPLE_LINES),
                 st.tuples(st.sampled_from(SAMPLE_LINES), st.integers(0, 80), st.text(max_size=8)).map(
                     lambda t: t[0][:t[1]] + t[2] + t[0][t[1]:]),
                 st.text(max_size=40))
REPORT = st.lists(LINE, max_size=40).map("\n".join)
ENCODED = st.tuples(REPORT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])).map(
    lambda t: t[0].encode(t[1], errors="replace"))
INPUT = st.one_of(ENCODED, st.binary(max_size=2_000))


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.fixture(scope="module")
def clock():
    return {"end": time.monotonic() + BUDGET, "runs": 0}


@settings(max_examples=1_000, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=INPUT)
@example(data="Projekt   Projektägare   Beviljat\n•".encode("cp1252"))  # found by this run: a lone bullet crashed
def test_fuzz_kg_extract_input(tmp_path, nlp, clock, data):
    if time.monotonic() > clock["end"]:
        return  # the budget is spent: the remaining examples are not run
    clock["runs"] += 1
    f = tmp_path / "fuzz.txt"
    f.write_bytes(data)
    try:
        doc = read_document(f)
    except KgError as e:
        assert "\n" not in e.message and e.message
        return
    result = extract_text(nlp, doc.text, doc.name)
    lines = LINE_BREAK.split(doc.text)
    names = {e.name for e in result.entities}
    for e in result.entities:
        for m in e.mentions:
            assert 1 <= m.line <= len(lines)
            assert m.text.split()[0][:1] in lines[m.line - 1], (m, lines[m.line - 1])
    for r in result.relations:
        assert {r.s, r.o} <= names and 1 <= r.line <= len(lines)
    result.to_json(explain=True)


def test_fuzz_ran(clock):
    # runs after the fuzz test (file order): it must have tried a fair number of inputs in its budget
    print(f"\nfuzz: {clock['runs']} inputs in {BUDGET:g} s")
    assert clock["runs"] >= 20
