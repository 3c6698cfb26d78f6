"""Reading documents: .txt/.md as text, .pdf through pypdf; ids are content hashes."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from .doc_meta import document_meta
from .errors import KgError

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".md", ".pdf"}


@dataclass
class Document:
    id: str  # sha256 of the raw bytes, first 16 hex digits: stable across runs and paths
    name: str  # file name, as the JSON contract's "source"
    path: str
    title: str
    year: int | None
    text: str


def collect_paths(paths: list[str | Path]) -> list[Path]:
    """Files to read: the given files, and every .txt/.md/.pdf under given folders (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            raise KgError(f"no such file or folder: {p}")
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                raise KgError(f"no .txt, .md or .pdf files in folder: {p}")
            out.extend(found)
        elif p.suffix.lower() not in SUFFIXES:
            raise KgError(f"unsupported file type {p.suffix or '(none)'}: {p} (use .txt, .md or .pdf)")
        else:
            out.append(p)
    return out


def decode_text(data: bytes, name: str) -> str:
    """UTF-8, else cp1252, else latin-1 (with a warning)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
            log.warning("%s is not UTF-8; read as %s", name, enc)
            return text
        except UnicodeDecodeError:
            continue
    raise KgError(f"cannot decode text file: {name}")  # pragma: no cover - latin-1 decodes anything


def pdf_text(path: Path) -> str:
    """Text of a PDF, pages separated by form feeds (dropped by normalisation).

    pypdf's own warnings about damaged files are silenced: a PDF it cannot read
    becomes one clear error line, one it can read needs no commentary.
    """
    import warnings

    from pypdf import PdfReader

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(str(path))
            if reader.is_encrypted and not reader.decrypt(""):
                raise KgError(f"encrypted PDF (needs a password): {path}")
            pages = [page.extract_text() or "" for page in reader.pages]
    except KgError:
        raise
    except Exception as e:  # noqa: BLE001 - pypdf raises many types on garbage input
        raise KgError(f"not a readable PDF: {path} ({type(e).__name__})") from None
    finally:
        pypdf_log.setLevel(level)
    return "\f".join(pages)


def read_document(path: str | Path) -> Document:
    """Read one file into a :class:`Document`; a clear :class:`KgError` for bad input."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise KgError(f"cannot read {path}: {e.strerror}") from None
    if not data.strip():
        raise KgError(f"empty document: {path}")
    if path.suffix.lower() == ".pdf":
        if not data.startswith(b"%PDF"):
            raise KgError(f"not a PDF file (no %PDF header): {path}")
        text = pdf_text(path)
    else:
        if b"\x00" in data[:4096]:
            raise KgError(f"binary data in a text file: {path}")
        text = decode_text(data, str(path))
    if not text.strip():
        raise KgError(f"no text could be extracted from: {path}")
    doc_id = hashlib.sha256(data).hexdigest()[:16]
    title, year = document_meta(text, path)
    return Document(doc_id, path.name, str(path), title, year, text)
