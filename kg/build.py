"""`kg build`: documents in, evidence store and RDF graph out, written atomically.

Order of work: take the folder's lock, read every input, extract, and only then
write, streaming the graph and the evidence rows into a fresh version directory that
replaces the folder's current build in one step (kg/buildfolder.py), so a failing
or killed build (bad input, extraction error, database error, a signal) leaves
the previous build as it was. Nothing in the outputs depends on time or on the order of the
inputs' processing, so rebuilding the same inputs gives byte-identical files.
"""
from __future__ import annotations

import gc
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from . import __version__, buildfolder, store, triplestore
from .errors import KgError
from .graph import Merged, Stated, build_graph, graph_triples, merge_entities, stated_relations  # noqa: F401
from .ingest import Document, Skipped, read_all

if TYPE_CHECKING:
    from extractors.records import DocResult

log = logging.getLogger(__name__)

GRAPH_FILE = triplestore.GRAPH_FILE
STORE_FILE = "kg.sqlite"
MANIFEST_FILE = "manifest.json"
# top-level names of a build folder (links into its current version); store/ is the Oxigraph store
OUTPUTS = [GRAPH_FILE, STORE_FILE, MANIFEST_FILE, triplestore.STORE_DIR]
SAMPLE = Path(__file__).parent / "data" / "sample_report.txt"


def read_inputs(paths: list[str | Path], strict: bool = False) -> tuple[list[Document], list[Skipped]]:
    """Read all inputs first, so bad input fails before anything is written: the readable documents
    (sorted by content id) and the skipped files with their reasons; ``strict``: stop at the first."""
    docs, skipped = read_all(paths or [SAMPLE], strict=strict)
    if not docs:
        reasons = "; ".join(f"{s.reason}" for s in skipped[:3]) + ("; ..." if len(skipped) > 3 else "")
        raise KgError(f"no readable document among {len(skipped)} input(s): {reasons}")
    return docs, skipped


def load_documents(paths: list[str | Path]) -> list[Document]:
    """The documents of ``paths``; the first unreadable file is an error."""
    return read_inputs(paths, strict=True)[0]


# --ner: which entity finders run (rules, trained model, or both: rules overwrite the model).
NER_MODES = {"both": (True, True), "rules": (True, False), "model": (False, True)}


def extract_documents(docs: list[Document], progress: bool = False, jobs: int = 1,
                      ner: str = "both") -> list[DocResult]:
    """Extraction results for ``docs``, in order; ``jobs`` worker processes when > 1.

    Large documents go through in sections (:mod:`.sections`), so memory stays bounded and the
    progress bar (in characters) moves inside a large document too.
    """
    from extractors.extract import extract_many  # spaCy loads only once the inputs are read
    from extractors.pipeline import build_nlp

    from .sections import merge_sections, sections

    rules, model = NER_MODES[ner]
    nlp = build_nlp(rules=rules, model=model)
    parts = list(sections(d.text for d in docs))
    texts = ((docs[s.doc].text[s.start:s.end], docs[s.doc].name) for s in parts)
    results: list[DocResult] = []
    pending: list[DocResult] = []
    with tqdm(total=sum(len(d.text) for d in docs), desc="extracting", unit="char", unit_scale=True,
              disable=not progress) as bar:
        for k, (part, res) in enumerate(zip(parts, extract_many(nlp, texts, jobs=jobs))):
            pending.append(res)
            bar.update(part.end - part.start)
            if k + 1 == len(parts) or parts[k + 1].doc != part.doc:  # the document's last section
                line0s = [s.line0 for s in parts[k + 1 - len(pending):k + 1]]
                results.append(merge_sections(pending, line0s))
                pending = []
    return results


def store_rows(docs: list[Document], merged: Merged, stated: list[Stated]) -> dict[type, Iterator[dict]]:
    """Rows of the evidence store, per table, made as they are inserted: documents, entities, aliases,
    mentions, stated relations."""
    nodes = merged.nodes.values
    return {
        store.DocumentRow: (dict(id=d.id, name=d.name, path=d.path, title=d.title, year=d.year) for d in docs),
        store.EntityRow: (dict(iri=str(n.iri), name=n.name, type=n.type) for n in nodes()),
        store.AliasRow: (dict(entity_iri=str(n.iri), alias=a) for n in nodes() for a in sorted(n.aliases)),
        store.MentionRow: (dict(entity_iri=str(n.iri), document_id=doc_id, line=line, text=text, extractor=src)
                           for n in nodes() for doc_id, line, text, src in n.mentions),
        store.RelationRow: (dict(s_iri=str(st.s), p=st.p, o_iri=str(st.o), document_id=st.doc.id, line=st.rel.line,
                                 evidence=st.rel.evidence, extractor=st.rel.extractor,
                                 confidence=float(st.rel.confidence)) for st in stated),
    }


def build(paths: list[str | Path], out: str | Path, db_url: str | None = None, progress: bool = False,
          jobs: int = 1, ner: str = "both", strict: bool = True, year: int | None = None) -> dict:
    """Build the graph of ``paths`` (the bundled sample if empty) into folder ``out``.

    ``year``: the reporting year of every input, instead of the one read from its opening.
    Returns the manifest. Raises :class:`KgError` on bad input; then nothing in
    ``out`` (or the database) has changed. Unless ``strict``, unreadable inputs are left out and
    listed in the manifest's "skipped".
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise KgError(f"--out must be a folder, not a file: {out}")
    if db_url is not None:
        store.check_url(db_url)
    with buildfolder.locked(out):
        return _build_locked(paths, out, db_url, progress, jobs, ner, strict, year)


def _build_locked(paths, out: Path, db_url: str | None, progress: bool, jobs: int, ner: str,
                  strict: bool, year: int | None) -> dict:
    docs, skipped = read_inputs(paths, strict=strict)
    if year is not None:  # --year states every input's reporting year
        for d in docs:
            d.year = year
    results = extract_documents(docs, progress=progress, jobs=jobs, ner=ner)
    for d in docs:  # the texts are not needed any more (a 50 MB report is 100 MB of str)
        d.text = ""
    with cyclic_gc_paused():
        return _write_outputs(docs, skipped, results, out, db_url)


@contextmanager
def cyclic_gc_paused():
    """Python's cycle collector off for a while: the graph's hundreds of thousands of (acyclic) terms would
    trigger full collections over everything extraction left in memory (a quarter of the CPU after extraction)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _write_outputs(docs: list[Document], skipped: list[Skipped], results: list[DocResult], out: Path,
                   db_url: str | None) -> dict:
    """The graph, its Turtle, the Oxigraph store, the evidence store and the manifest, published together.

    The triples and rows are streamed into the stores as they are made (never all in memory), so a
    large build's memory is what extraction left, not that times the graph's size.
    """
    merged = merge_entities(docs, results)
    stated = stated_relations(docs, results, merged)
    with buildfolder.new_version(out) as version:  # removed on error; one left by a kill goes at the next build
        n_triples = triplestore.write_store(version / triplestore.STORE_DIR,
                                            graph_triples(docs, results, merged, stated), version / GRAPH_FILE)
        store.replace_all(f"sqlite:///{version / STORE_FILE}" if db_url is None else db_url,
                          store_rows(docs, merged, stated))  # one transaction
        manifest = {
            "generator": f"kg {__version__}",
            "documents": [{"id": d.id, "name": d.name, "path": d.path, "paths": d.paths, "title": d.title,
                           "year": d.year} for d in docs],
            "skipped": [{"path": s.path, "reason": s.reason} for s in sorted(skipped, key=lambda s: s.path)],
            "entities": len(merged.nodes),
            "relations": len(stated),
            "triples": n_triples,
            "store": STORE_FILE if db_url is None else store.safe_url(db_url),
        }
        (version / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                             encoding="utf-8")
        buildfolder.publish(out, version, OUTPUTS)
    return manifest
