"""Reading documents: .txt/.md as text, .pdf through pypdf; ids are content hashes."""
from __future__ import annotations

import hashlib
import logging
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .doc_meta import document_meta
from .errors import KgError

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".md", ".pdf"}


@dataclass
class Skipped:
    """An input left out of a build, and why (one line)."""

    path: str
    reason: str


@dataclass
class Document:
    id: str  # sha256 of the raw bytes, first 16 hex digits: stable across runs and paths
    name: str  # file name, as the JSON contract's "source"
    path: str
    title: str
    year: int | None
    text: str
    paths: list[str] = field(default_factory=list)  # every path with these bytes (sorted); path is the first


def _choose(a: Document, b: Document) -> Document:
    """Of two files with the same bytes, the one whose (name, path) sorts first names the document;
    it records both paths, so the result does not depend on the order the files were given in."""
    first, other = sorted((a, b), key=lambda d: (d.name, d.path))
    first.paths = sorted({*first.paths, *other.paths, first.path, other.path})
    return first


def read_all(paths: list[str | Path], strict: bool = False) -> tuple[list[Document], list[Skipped]]:
    """Every readable document under ``paths``, sorted by content id, and the files skipped with their
    reasons. ``strict``: the first unreadable file raises its :class:`KgError` instead.

    A file whose bytes equal another's (same content id) is one document with both paths.
    """
    by_id: dict[str, Document] = {}
    skipped: list[Skipped] = []
    for p in collect_paths(paths):
        try:
            d = read_document(p)
        except KgError as e:
            if strict:
                raise
            skipped.append(Skipped(str(p), e.message.removesuffix(f": {p}")))
            continue
        if d.id in by_id:
            log.warning("%s has the same content as %s; read once", d.path, by_id[d.id].path)
            d = _choose(by_id[d.id], d)
        by_id[d.id] = d
    return [by_id[k] for k in sorted(by_id)], skipped


def collect_paths(paths: list[str | Path]) -> list[Path]:
    """Files to read: the given files, and every .txt/.md/.pdf under given folders (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            raise KgError(f"no such file or folder: {p}")
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if not f.is_dir() and f.suffix.lower() in SUFFIXES)
            if not found:
                raise KgError(f"no .txt, .md or .pdf files in folder: {p}")
            out.extend(found)
        elif p.suffix.lower() not in SUFFIXES:
            raise KgError(f"unsupported file type {p.suffix or '(none)'}: {p} (use .txt, .md or .pdf)")
        else:
            out.append(p)
    return out


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def bom_encoding(data: bytes) -> str | None:
    """The UTF-16/32 encoding a byte-order mark announces (UTF-8's BOM is handled by utf-8-sig)."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def decode_text(data: bytes, name: str) -> str:
    """UTF-16/32 with a BOM, else UTF-8, else cp1252, else latin-1 (with a warning)."""
    enc = bom_encoding(data)
    if enc:
        try:
            return data[2 if "16" in enc else 4:].decode(enc)
        except UnicodeDecodeError:
            raise KgError(f"not valid {enc.upper()} although it starts with a byte-order mark: {name}") from None
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


LANGUAGE_SAMPLE = 100_000  # characters looked at


def not_language(text: str) -> str | None:
    """Why ``text`` does not look like written language (random bytes read as latin-1, base64, ...),
    or None. Reports have few control characters, spaces between words and mostly letters."""
    sample = text[:LANGUAGE_SAMPLE]
    n = len(sample)
    controls = sum(1 for c in sample if c not in "\t\n\r\f\v" and unicodedata.category(c) in ("Cc", "Co", "Cn"))
    if controls > max(2, n // 100):
        return f"{controls} control characters in {n}"
    if n >= 200 and sum(c.isspace() for c in sample) < n * 0.03:
        return "almost no spaces between words"
    if n >= 200 and sum(c.isalpha() for c in sample) < n * 0.2:
        return "too few letters"
    return None


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
            if reader.is_encrypted and not reader.decrypt(""):  # an empty user password only restricts use
                raise KgError(f"encrypted, needs a password: {path}")
            pages = [page.extract_text() or "" for page in reader.pages]
    except KgError:
        raise
    except Exception as e:  # noqa: BLE001 - pypdf raises many types on garbage input
        raise KgError(f"not a readable PDF: {path} ({type(e).__name__})") from None
    finally:
        pypdf_log.setLevel(level)
    return "\f".join(pages)


def check_regular(path: Path) -> None:
    """Only regular files are read: a FIFO or device would block or never end."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        raise KgError(f"cannot read {path}: {e.strerror}") from None
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise KgError(f"not a regular file ({kind}): {path}")


def read_document(path: str | Path) -> Document:
    """Read one file into a :class:`Document`; a clear :class:`KgError` for bad input."""
    path = Path(path)
    check_regular(path)
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
        if bom_encoding(data) is None and b"\x00" in data[:4096]:
            raise KgError(f"binary data in a text file: {path}")
        text = decode_text(data, str(path))
        why = not_language(text.replace("\x00", ""))
        if why:
            raise KgError(f"not text in a natural language ({why}): {path}")
    text = text.replace("\x00", "")  # NUL ends strings in C and PostgreSQL: never into the evidence store
    if not text.strip():
        raise KgError(f"no text could be extracted from: {path}")
    doc_id = hashlib.sha256(data).hexdigest()[:16]
    title, year = document_meta(text, path)
    return Document(doc_id, path.name, str(path), title, year, text, [str(path)])
