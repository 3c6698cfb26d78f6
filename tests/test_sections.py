"""Large documents go through extraction in sections (bounded memory, progress inside a document);
the merged result is the document's: same entities, names, lines and relations as one pass."""
import pytest

from kg import build as build_mod
from kg import sections as sections_mod
from kg.build import extract_documents
from kg.ingest import Document
from kg.sections import sections

from procs import report_text


def _doc(text):
    return Document("0" * 16, "lang.txt", "/lang.txt", "Lang", 2025, text, ["/lang.txt"])


def _summary(result):
    ents = {(e.type, e.name): sorted({m.line for m in e.mentions}) for e in result.entities}
    rels = sorted((r.s, r.p, r.o, r.line) for r in result.relations)
    return ents, rels


def test_sections_cover_the_text_once_and_cut_after_prose():
    text = report_text(400)
    parts = list(sections([text, "kort"], size=5_000))
    first = [p for p in parts if p.doc == 0]
    assert len(first) > 5 and [p for p in parts if p.doc == 1] == [sections_mod.Section(1, 0, 4, 0)]
    assert first[0].start == 0 and first[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(first, first[1:]))
    assert all(text[p.start - 2:p.start] == "\n\n" and text[p.start - 3] == "." for p in first[1:])
    assert all(p.line0 == text.count("\n", 0, p.start) for p in first)
    crlf = text.replace("\n", "\r\n").replace("Årsrapport", "Års\frapport")
    assert [p.line0 for p in sections([crlf], size=5_000)] == [p.line0 + 1 if p.start else 0 for p in first]


@pytest.fixture(scope="module")
def one_pass():
    doc = _doc(report_text(300))
    return doc, extract_documents([doc], ner="rules")[0]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_sectioned_document_gives_the_same_result_as_one_pass(one_pass, monkeypatch, jobs):
    doc, whole = one_pass
    monkeypatch.setattr(sections_mod, "SECTION_CHARS", 4_000)
    assert len(list(sections([doc.text]))) > 10
    parts = extract_documents([doc], ner="rules", jobs=jobs)[0]
    assert _summary(parts) == _summary(whole)
    lines = doc.text.splitlines()
    assert all(m.text in lines[m.line - 1] for e in parts.entities for m in e.mentions)
    assert all(r.evidence[:20] in "\n".join(lines[r.line - 1:r.line + 2]) for r in parts.relations)


def test_progress_moves_inside_one_large_document(monkeypatch):
    updates = []

    class Bar:
        def __init__(self, total, **kw):
            self.total = total

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def update(self, n):
            updates.append(n)

    monkeypatch.setattr(build_mod, "tqdm", Bar)
    monkeypatch.setattr(sections_mod, "SECTION_CHARS", 3_000)
    doc = _doc(report_text(100))
    extract_documents([doc], ner="rules", progress=True)
    assert len(updates) > 3 and sum(updates) == len(doc.text)
