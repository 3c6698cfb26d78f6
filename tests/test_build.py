"""`kg build`: PDF input, atomic and idempotent outputs, the evidence store behind --db."""
import json
import sqlite3
import subprocess
import sys

import pytest
from pypdf import PdfReader
from click.testing import CliRunner
from rdflib import RDF, Graph
from rdflib.namespace import PROV

from kg import build as build_mod
from kg.cli import cli
from kg.errors import KgError
from kg.vocab import KG

from pdfgen import make_pdf

PDF_PAGES = [
    ["Uppföljning 2025", "", "Region Västerbotten leder projektet FREIA tillsammans med",
     "Umeå universitet."],
    ["Sida 2", "", "Projektet Digitala Västerbotten i samverkan (DVIS) finansieras av",
     "Europeiska regionala utvecklingsfonden (ERUF)."],
]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True)


def snapshot(folder):
    """What a reader sees in a build folder: each file through its top-level name, and every entry's name."""
    entries = sorted(p for p in folder.iterdir() if p.name != ".lock")  # the lock file stays; it holds nothing
    versions = sorted(p.name for p in (folder / ".versions").iterdir()) if (folder / ".versions").is_dir() else []
    return {p.name: p.read_bytes() for p in entries if p.is_file()}, [p.name for p in entries], versions


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory):
    f = tmp_path_factory.mktemp("pdf") / "rapport_2025.pdf"
    f.write_bytes(make_pdf(PDF_PAGES))
    return f


def test_pdf_text_goes_through_pypdf_to_entities(pdf_file, tmp_path):
    r = run("build", pdf_file, "--out", tmp_path / "b")
    assert r.exit_code == 0, r.output
    g = Graph().parse(tmp_path / "b" / "graph.ttl", format="turtle")
    labels = {str(g.value(e, KG.text)) for e in g.subjects(RDF.type, KG.Mention)}
    assert {"Region Västerbotten", "FREIA", "Umeå universitet"} <= labels
    (d,) = list(g.subjects(RDF.type, KG.Document))
    assert str(g.value(d, KG.year)) == "2025"
    # mention lines are 1-based lines of the text pypdf extracts
    text = "\f".join(p.extract_text() for p in PdfReader(pdf_file).pages)
    expected = {i for i, line in enumerate(text.splitlines(), 1) if "Umeå universitet" in line}
    lines = {int(g.value(m, KG.line)) for m in g.subjects(RDF.type, KG.Mention)
             if str(g.value(m, KG.text)) == "Umeå universitet"}
    assert lines == expected and len(expected) == 1
    assert all(g.value(m, PROV.wasDerivedFrom) == d for m in g.subjects(RDF.type, KG.Mention))


def test_binary_renamed_pdf_keeps_previous_build(pdf_file, tmp_path):
    out = tmp_path / "b"
    assert run("build", pdf_file, "--out", out).exit_code == 0
    before = snapshot(out)
    fake = tmp_path / "photo.pdf"
    fake.write_bytes(bytes(range(256)) * 8)
    r = kg("build", pdf_file, fake, "--out", out, "--strict")
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "not a PDF" in r.stderr and "photo.pdf" in r.stderr
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(make_pdf(PDF_PAGES)[:200])  # header, then truncated
    r = run("build", broken, "--out", out)
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "not a readable PDF" in r.stderr
    assert snapshot(out) == before


def test_failure_after_extraction_leaves_outputs_intact(tmp_path, monkeypatch, sample_build):
    out = tmp_path / "b"
    out.mkdir()
    for name in ("graph.ttl", "kg.sqlite", "manifest.json"):
        (out / name).write_bytes((sample_build / name).read_bytes())
    before = snapshot(out)

    def fail(*a, **k):
        raise KgError("cannot write the evidence store: simulated")

    monkeypatch.setattr(build_mod.store, "replace_all", fail)
    with pytest.raises(KgError):
        build_mod.build([], out)
    assert snapshot(out) == before  # no temporary files left, nothing replaced


def test_rebuild_in_another_process_is_byte_identical(sample_build, tmp_path):
    out = tmp_path / "b"
    assert kg("build", "--out", out).returncode == 0
    for name in ("graph.ttl", "manifest.json"):
        assert (out / name).read_bytes() == (sample_build / name).read_bytes()


def test_identical_files_are_read_once(tmp_path):
    a = tmp_path / "in" / "a.txt"
    a.parent.mkdir()
    a.write_text("Region Västerbotten leder projektet FREIA.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(a.read_bytes())
    r = run("build", tmp_path / "in", "--out", tmp_path / "b")
    assert r.exit_code == 0, r.output
    assert len(json.loads((tmp_path / "b" / "manifest.json").read_text())["documents"]) == 1


def test_db_url_elsewhere(tmp_path, sample_build):
    db = tmp_path / "store" / "ev.db"
    db.parent.mkdir()
    r = run("build", "--out", tmp_path / "b", "--db", f"sqlite:///{db}")
    assert r.exit_code == 0, r.output
    assert f"wrote the evidence store sqlite:///{db}" in r.output and "kg.sqlite" not in r.output
    assert not (tmp_path / "b" / "kg.sqlite").exists()
    with sqlite3.connect(db) as con:
        (n_rel,) = con.execute("select count(*) from relations").fetchone()
        (n_mentions,) = con.execute("select count(*) from mentions").fetchone()
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text())
    assert n_rel == manifest["relations"] > 0 and n_mentions > 0
    assert manifest["store"] == f"sqlite:///{db}"
    # a second build replaces the content, it does not add to it
    assert run("build", "--out", tmp_path / "b", "--db", f"sqlite:///{db}").exit_code == 0
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from relations").fetchone() == (n_rel,)


def test_bad_db_url_is_one_line_before_anything_is_written(tmp_path):
    out = tmp_path / "b"
    r = kg("build", "--out", out, "--db", "postgresql+nosuchdriver://u:secret@localhost/kg")
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert "database URL" in r.stderr and "secret" not in r.stderr
    for url in ("nosuchdialect://x/y", "not a url"):
        r = run("build", "--out", out, "--db", url)
        assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "database URL" in r.stderr, url
    assert not out.exists()


def test_password_is_not_written_to_the_manifest(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(build_mod.store, "check_url", lambda url: None)
    monkeypatch.setattr(build_mod.store, "replace_all", lambda url, rows: seen.append(url))
    manifest = build_mod.build([], tmp_path / "b", db_url="postgresql://kg:secret@db.example/kg")
    assert seen == ["postgresql://kg:secret@db.example/kg"]
    assert "secret" not in (tmp_path / "b" / "manifest.json").read_text()
    assert manifest["store"] == "postgresql://kg:***@db.example/kg"


def test_out_must_be_a_folder(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    r = run("build", "--out", f)
    assert r.exit_code == 1 and "folder" in r.stderr and f.read_text() == "x"


def test_input_order_does_not_change_the_graph(tmp_path):
    from kg.build import SAMPLE

    paragraphs = SAMPLE.read_text(encoding="utf-8").split("\n\n")
    half = len(paragraphs) // 2
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n\n".join(paragraphs[:half]) + "\n", encoding="utf-8")
    b.write_text("\n\n".join(paragraphs[half:]) + "\n", encoding="utf-8")
    build_mod.build([a, b], tmp_path / "ab")
    build_mod.build([b, a], tmp_path / "ba")
    assert (tmp_path / "ab" / "graph.ttl").read_bytes() == (tmp_path / "ba" / "graph.ttl").read_bytes()
    g = Graph().parse(tmp_path / "ab" / "graph.ttl", format="turtle")
    assert len(set(g.subjects(RDF.type, KG.Document))) == 2 and len(g) > 100


def test_outputs_get_ordinary_permissions(tmp_path, sample_build):
    import os

    from kg.atomic import write_text

    umask = os.umask(0o022)
    try:
        write_text(tmp_path / "new.txt", "x")
        assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644
        (tmp_path / "kept.txt").write_text("old")
        (tmp_path / "kept.txt").chmod(0o640)
        write_text(tmp_path / "kept.txt", "new")
        assert (tmp_path / "kept.txt").stat().st_mode & 0o777 == 0o640
        assert (tmp_path / "kept.txt").read_text() == "new"
    finally:
        os.umask(umask)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cyclic_gc_paused_restores_the_collector_even_on_error():
    import gc

    from kg.build import cyclic_gc_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError), cyclic_gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("a failing build")
    assert gc.isenabled()
    gc.disable()  # a caller that had it off keeps it off
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
