"""--jobs splits documents into chunks of paragraphs; the rules' paragraph-to-paragraph state
(grant tables) must not be lost at a chunk boundary, nor leak from one document into the next."""
from concurrent.futures import ThreadPoolExecutor

import pytest

from extractors import extract
from extractors.extract import _annotate_chunk, _bounds, _chunk, _schedule, annotate, extract_many, paragraphs
from extractors.normalize import normalize
from extractors.pipeline import build_nlp

OWNERS = ("Malå kommun", "Storumans kommun", "Sorsele kommun", "Vilhelmina kommun")
ROWS = [f"Lokal satsning {w} {side} {owner} {100 + i} 000"
        for i, (w, side, owner) in enumerate(
            (w, side, OWNERS[k % 4]) for k, w in enumerate(
                ("ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"))
            for side in ("norr", "söder", "öster", "väster"))]


def _report(title: str) -> str:
    # prose wrapped like PDF text (about 70 characters a line), so that the short table rows stay rows
    prose = "\n".join(["Under året har arbetet med regional utveckling fortsatt i hela länet och"] * 5
                      + ["det fortsätter nästa år."])
    table = "\n".join(["Tabell 1 Beviljade medel ur anslaget", "Projekt Projektägare Beviljat", *ROWS])
    return "\n\n".join([title, prose, table, "Källa: egen sammanställning.", prose, prose, prose])


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def test_chunks_cover_each_paragraph_once_and_stay_inside_a_document():
    texts = [f"Stycke {i} handlar om det regionala utvecklingsarbetet i länet under året. " * 3
             for i in range(50)]
    bounds = _bounds(texts, 1_000)
    assert len(bounds) > 3
    covered = [i for a, b in bounds for i in range(a, b)]
    assert covered == list(range(50))
    # a chunk carries only its own paragraphs and the warm-up before them, not the whole document
    assert all(len(_chunk(texts, a, b)[0]) <= b - a + extract.WARMUP_PARAS for a, b in bounds)


def test_chunks_are_cut_after_prose_not_inside_a_grant_table(nlp, monkeypatch):
    texts = [t for t, _ in paragraphs(normalize(_report("Årsrapport för länet")))]
    rows = [i for i, t in enumerate(texts) if t.startswith("Lokal satsning")]
    assert len(rows) == len(ROWS)
    whole = list(annotate(nlp, texts))
    assert all(any(label == "Project" for _, _, label, _, _ in whole[i][1]) for i in rows)
    bounds = _bounds(texts, 600)
    assert len(bounds) > 1 and not any(rows[0] < start <= rows[-1] for start, _ in bounds)
    monkeypatch.setattr(extract, "_WORKER_NLP", nlp)
    assert [a for start, end in bounds for a in _annotate_chunk(_chunk(texts, start, end))] == whole
    # why: a chunk starting inside the table would lose it (the rows after the cut are not rows)
    cut = rows[len(rows) // 2]
    halves = _annotate_chunk(_chunk(texts, 0, cut)) + _annotate_chunk(_chunk(texts, cut, len(texts)))
    assert halves != whole


def test_jobs_2_gives_the_same_documents_when_chunks_cut_tables(nlp, monkeypatch):
    docs = [(_report("Årsrapport för länet"), "a.txt"), (_report("Verksamhetsberättelse för regionen"), "b.txt")]
    one = [r.to_json() for r in extract_many(nlp, docs, jobs=1)]
    monkeypatch.setattr(extract, "CHUNK_CHARS", 2_000)
    assert sum(map(len, ROWS)) > 2_000  # so a chunk boundary falls inside each table
    assert [r.to_json() for r in extract_many(nlp, docs, jobs=2)] == one


def test_the_largest_document_goes_first_and_its_finishing_jumps_the_queue(nlp, monkeypatch):
    # the largest document's resolution and relations are the longest single task: its chunks are
    # annotated first and it is finished before the other documents' chunks, results in input order
    small = "Årsrapport\n\nRegion Västerbotten driver projektet FREIA tillsammans med Umeå kommun."
    docs = [(small, "a.txt"), (_report("Årsrapport för länet"), "big.txt"), (small.replace("FREIA", "MISSE"), "c.txt")]
    tasks = []
    monkeypatch.setattr(extract, "_WORKER_NLP", nlp)
    monkeypatch.setattr(extract, "CHUNK_CHARS", 2_000)
    for name in ("_annotate_chunk", "_finish_doc"):
        real = getattr(extract, name)
        monkeypatch.setattr(extract, name, lambda arg, real=real, name=name: tasks.append(name) or real(arg))
    big_chunks = len(_bounds([t for t, _ in paragraphs(normalize(docs[1][0]))], 2_000))
    assert big_chunks > 1
    with ThreadPoolExecutor(1) as pool:  # one worker, one task in flight: the order is the schedule's
        out = [r.to_json() for r in _schedule(docs, pool, 1)]
    assert tasks[:big_chunks + 1] == ["_annotate_chunk"] * big_chunks + ["_finish_doc"]
    assert out == [r.to_json() for r in extract_many(nlp, docs, jobs=1)]
