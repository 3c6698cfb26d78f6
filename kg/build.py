"""`kg build`: documents in, evidence store and RDF graph out, written atomically."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from tqdm import tqdm

from extractors.extract import extract_text
from extractors.pipeline import build_nlp
from extractors.records import DocResult

from . import store
from .atomic import atomic_path, write_bytes, write_text
from .graph import build_graph, merge_entities
from .ingest import Document, collect_paths, read_document

log = logging.getLogger(__name__)

GRAPH_FILE = "graph.ttl"
STORE_FILE = "kg.sqlite"
MANIFEST_FILE = "manifest.json"
SAMPLE = Path(__file__).parent / "data" / "sample_report.txt"


def load_documents(paths: list[str | Path]) -> list[Document]:
    """Read all inputs first, so bad input fails before anything is written."""
    return [read_document(p) for p in collect_paths(paths or [SAMPLE])]


def extract_documents(docs: list[Document], progress: bool = False, jobs: int = 1) -> list[DocResult]:
    """Extraction results for ``docs``, in order."""
    nlp = build_nlp()
    bar = tqdm(docs, desc="extracting", unit="doc", disable=not progress)
    return [extract_text(nlp, d.text, d.name) for d in bar]


def store_rows(docs: list[Document], results: list[DocResult], nodes, local) -> list:
    rows: list = [store.DocumentRow(id=d.id, name=d.name, path=d.path, title=d.title, year=d.year) for d in docs]
    for node in nodes.values():
        rows.append(store.EntityRow(iri=str(node.iri), name=node.name, type=node.type))
        rows.extend(store.AliasRow(entity_iri=str(node.iri), alias=a) for a in sorted(node.aliases))
        rows.extend(store.MentionRow(entity_iri=str(node.iri), document_id=doc_id, line=line, text=text,
                                     extractor=src) for doc_id, line, text, src in node.mentions)
    for doc, res in zip(docs, results):
        for r in res.relations:
            s, o = local.get((doc.id, r.s)), local.get((doc.id, r.o))
            if s is not None and o is not None:
                rows.append(store.RelationRow(s_iri=str(s), p=r.p, o_iri=str(o), document_id=doc.id, line=r.line,
                                              evidence=r.evidence, extractor=r.extractor, confidence=r.confidence))
    return rows


def build(paths: list[str | Path], out: str | Path, db_url: str | None = None, progress: bool = False) -> dict:
    """Build the graph of ``paths`` (the bundled sample if empty) into folder ``out``.

    Inputs are read and extracted before any output is touched; each output is
    then replaced atomically, so a failed build leaves the previous one intact.
    """
    docs = load_documents(paths)
    results = extract_documents(docs, progress=progress)
    nodes, local = merge_entities(docs, results)
    graph = build_graph(docs, results, (nodes, local))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    turtle = graph.serialize(format="turtle").encode("utf-8")
    rows = store_rows(docs, results, nodes, local)
    if db_url is None:
        with atomic_path(out / STORE_FILE) as tmp:
            store.replace_all(f"sqlite:///{tmp}", rows)
        db_url = f"sqlite:///{(out / STORE_FILE).resolve()}"
    else:
        store.replace_all(db_url, rows)
    write_bytes(out / GRAPH_FILE, turtle)
    manifest = {
        "documents": [{"id": d.id, "name": d.name, "path": d.path, "title": d.title, "year": d.year} for d in docs],
        "entities": len(nodes),
        "relations": sum(len(r.relations) for r in results),
        "triples": len(graph),
        "store": db_url if not db_url.startswith("sqlite:///") else STORE_FILE,
    }
    write_text(out / MANIFEST_FILE, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest
