"""A build folder changes in one step (version directory + one switched link), one build at a time."""
import os
import subprocess
import sys

import pytest

from kg import build as build_mod
from kg import buildfolder
from kg.errors import KgError

FIXTURE = "Region Västerbotten leder projektet FREIA som finansieras av Europeiska regionala utvecklingsfonden.\n"
OTHER = "Region Norrbotten leder projektet VIGO tillsammans med Luleå tekniska universitet.\n"


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True)


@pytest.fixture
def report(tmp_path):
    f = tmp_path / "in" / "rapport.txt"
    f.parent.mkdir()
    f.write_text(FIXTURE, encoding="utf-8")
    return f


def test_outputs_are_links_through_one_current_version(report, tmp_path):
    out = tmp_path / "b"
    build_mod.build([report], out)
    first = buildfolder.current_version(out)
    report.write_text(OTHER, encoding="utf-8")
    build_mod.build([report], out)
    second = buildfolder.current_version(out)
    assert first != second and not first.exists()
    assert [p.name for p in (out / ".versions").iterdir()] == [second.name]
    for name in build_mod.OUTPUTS:
        assert (out / name).is_symlink() and os.readlink(out / name) == f"current/{name}"
    assert "VIGO" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_a_second_build_on_the_same_folder_is_refused(report, tmp_path):
    out = tmp_path / "b"
    build_mod.build([report], out)
    before = (out / "graph.ttl").read_bytes()
    with buildfolder.locked(out):  # another build holds the folder
        r = kg("build", report, "--out", out)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert "another kg build is writing to" in r.stderr
    assert (out / "graph.ttl").read_bytes() == before
    assert kg("build", report, "--out", out).returncode == 0  # the lock went with its holder


def test_interrupted_switch_leaves_the_old_build_and_the_next_build_cleans_up(report, tmp_path, monkeypatch):
    out = tmp_path / "b"
    build_mod.build([report], out)
    files = [n for n in build_mod.OUTPUTS if (out / n).is_file()]  # (store/ is a database folder)
    before = {n: (out / n).read_bytes() for n in files}
    store_before = os.path.realpath(out / "store")
    real_replace = buildfolder._replace_link

    def interrupt_at_switch(link, target):
        if link.name == buildfolder.CURRENT_LINK:
            raise KeyboardInterrupt  # as if Ctrl-C arrived just before the one step
        real_replace(link, target)

    monkeypatch.setattr(buildfolder, "_replace_link", interrupt_at_switch)
    report.write_text(OTHER, encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        build_mod.build([report], out)
    assert {n: (out / n).read_bytes() for n in files} == before
    assert os.path.realpath(out / "store") == store_before
    monkeypatch.undo()
    (out / ".versions" / "left-by-a-killed-build").mkdir()
    (out / ".graph.ttl.abc123.tmp").write_text("partial")
    build_mod.build([report], out)
    assert "VIGO" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert len(list((out / ".versions").iterdir())) == 1
    assert not list(out.glob(".*.tmp"))


def test_a_failed_first_build_leaves_no_folder(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"\x00\x01 not a pdf")
    with pytest.raises(KgError):
        build_mod.build([bad], tmp_path / "new")
    assert not (tmp_path / "new").exists()


def test_a_folder_of_an_older_kg_is_taken_over(report, tmp_path, sample_build):
    out = tmp_path / "b"
    out.mkdir()
    for name in ("graph.ttl", "kg.sqlite", "manifest.json"):  # plain files, as older versions wrote them
        (out / name).write_bytes((sample_build / name).read_bytes())
    build_mod.build([report], out)
    assert all((out / n).is_symlink() for n in build_mod.OUTPUTS)
    assert "FREIA" in (out / "graph.ttl").read_text(encoding="utf-8")
