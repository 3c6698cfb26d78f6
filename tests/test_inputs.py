"""Bad inputs in a folder of real-world files: each is left out with its reason in one summary (exit 1),
--strict stops at the first; encodings, encrypted PDFs, non-language bytes, NUL bytes, FIFOs;
the outputs do not depend on the order or the names the inputs are given in."""
import io
import json
import os
import random
import sqlite3
import subprocess
import sys

import pytest
from pypdf import PdfReader, PdfWriter

from kg.errors import KgError
from kg.ingest import read_document

from pdfgen import make_pdf
from test_build import snapshot

REPORT = ("Årsrapport 2025\n\nRegion Västerbotten leder projektet FREIA tillsammans med Umeå universitet.\n\n"
          "Projektet finansieras av Europeiska regionala utvecklingsfonden.\n")


def kg(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          timeout=kw.pop("timeout", 300), **kw)


def encrypted_pdf(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([REPORT.splitlines()]))))
    writer.encrypt(user_password=user_password, owner_password="ägaren", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.fixture
def mixed_folder(tmp_path):
    """Two good reports and four bad files of different kinds."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.md").write_text(REPORT.replace("FREIA", "MISSE"), encoding="utf-8")
    (folder / "empty.txt").write_text("  \n")
    (folder / "photo.pdf").write_bytes(bytes(range(256)) * 8)
    (folder / "locked.pdf").write_bytes(encrypted_pdf("hemligt"))
    (folder / "noise.txt").write_bytes(bytes(random.Random(1).randrange(1, 256) for _ in range(4000)))
    return folder


def test_a_folder_with_bad_files_builds_the_good_ones_and_lists_every_skipped_file(mixed_folder, tmp_path):
    out = tmp_path / "b"
    r = kg("build", mixed_folder, "--out", out)
    assert r.returncode == 1, r.stderr
    lines = r.stderr.splitlines()
    reasons = {line.split(": ", 1)[0].rsplit("/", 1)[-1]: line for line in lines[:-1]}
    assert set(reasons) == {"empty.txt", "photo.pdf", "locked.pdf", "noise.txt"}, r.stderr
    assert all(line.startswith("skipped ") for line in lines[:-1])
    assert "empty document" in reasons["empty.txt"] and "no %PDF header" in reasons["photo.pdf"]
    assert "encrypted, needs a password" in reasons["locked.pdf"]
    assert "not text in a natural language" in reasons["noise.txt"]
    assert lines[-1] == "Error: 4 input(s) skipped (listed above); the others were used"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(d["name"] for d in manifest["documents"]) == ["a.txt", "b.md"]
    assert [s["path"].rsplit("/", 1)[-1] for s in manifest["skipped"]] == sorted(reasons)
    # --strict: today's stop at the first bad file, nothing written
    r = kg("build", mixed_folder, "--out", tmp_path / "strict", "--strict")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and not (tmp_path / "strict").exists()


def test_only_bad_files_is_an_error_and_keeps_the_previous_build(mixed_folder, tmp_path):
    out = tmp_path / "b"
    assert kg("build", mixed_folder / "a.txt", "--out", out).returncode == 0
    before = snapshot(out)
    r = kg("build", mixed_folder / "empty.txt", mixed_folder / "photo.pdf", "--out", out)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "no readable document among 2" in r.stderr
    assert snapshot(out) == before


def test_extract_skips_too(mixed_folder):
    r = kg("extract", mixed_folder, "--format", "json", "--ner", "rules")
    assert r.returncode == 1 and sum(line.startswith("skipped ") for line in r.stderr.splitlines()) == 4
    assert sorted(d["source"] for d in json.loads(r.stdout)["documents"]) == ["a.txt", "b.md"]


def test_encrypted_pdf_with_an_empty_user_password_is_read(tmp_path):
    f = tmp_path / "restricted.pdf"
    f.write_bytes(encrypted_pdf(""))
    assert PdfReader(f).is_encrypted
    assert "Region Västerbotten leder projektet FREIA" in read_document(f).text


def test_encrypted_pdf_needing_a_password_says_so(tmp_path):
    f = tmp_path / "locked.pdf"
    f.write_bytes(encrypted_pdf("hemligt"))
    with pytest.raises(KgError, match="encrypted, needs a password"):
        read_document(f)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read(tmp_path, encoding):
    f = tmp_path / "r.txt"
    data = REPORT.encode(encoding)
    if not encoding.endswith(("16", "32")):
        data = "\ufeff".encode(encoding) + data
    f.write_bytes(data)
    assert b"\x00" in data[:20]
    assert read_document(f).text == REPORT


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_without_nul_are_not_language(tmp_path, seed):
    rng = random.Random(seed)
    f = tmp_path / "r.txt"
    f.write_bytes(bytes(rng.randrange(1, 256) for _ in range(rng.randrange(300, 20_000))))
    with pytest.raises(KgError, match="not text in a natural language"):
        read_document(f)


def test_printable_noise_is_not_language_but_a_table_of_words_is(tmp_path):
    rng = random.Random(0)
    f = tmp_path / "r.txt"
    f.write_bytes(bytes(rng.randrange(33, 127) for _ in range(3000)))  # base64-like: no spaces
    with pytest.raises(KgError, match="no spaces"):
        read_document(f)
    f.write_text("Projekt\tÄgare\tBelopp\n" + "Lokal satsning\tMalå kommun\t100 000\n" * 40, encoding="utf-8")
    assert "Malå kommun" in read_document(f).text


def test_nul_bytes_never_reach_the_evidence_store(tmp_path):
    f = tmp_path / "r.txt"
    # NULs after the first 4 KiB (where the binary check looks), one inside a name
    f.write_bytes(("Inledning om året.\n\n" * 300 + REPORT.replace("FREIA", "FRE\x00IA")).encode("utf-8"))
    doc = read_document(f)
    assert "\x00" not in doc.text and "FREIA" in doc.text
    out = tmp_path / "b"
    assert kg("build", f, "--out", out).returncode == 0
    con = sqlite3.connect(out / "kg.sqlite")
    tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for t in tables:
        for row in con.execute(f"SELECT * FROM {t}"):
            assert not any(isinstance(v, str) and "\x00" in v for v in row), (t, row)
    assert "\x00" not in (out / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    r = kg("build", fifo, "--out", tmp_path / "b", "--strict", timeout=120)
    assert r.returncode == 1 and "not a regular file (a FIFO)" in r.stderr and r.stderr.count("\n") == 1
    r = kg("build", tmp_path, "--out", tmp_path / "c", timeout=300)  # in a folder: skipped, listed
    assert r.returncode == 1 and "skipped" in r.stderr and "pipe.txt" in r.stderr
    assert (tmp_path / "c" / "manifest.json").exists()
