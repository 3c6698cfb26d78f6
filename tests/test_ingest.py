import pytest

from kg.errors import KgError
from kg.ingest import collect_paths, read_document


def test_utf8_and_stable_id(tmp_path):
    f = tmp_path / "rapport_2024.txt"
    f.write_text("Årsrapport\nRegion Västerbotten driver projektet.\n", encoding="utf-8")
    a, b = read_document(f), read_document(f)
    assert a.id == b.id and len(a.id) == 16
    assert a.year == 2024 and a.title == "Årsrapport"


def test_cp1252_fallback_warns(tmp_path, caplog):
    f = tmp_path / "x.txt"
    f.write_bytes("Umeå kommun och Länsstyrelsen".encode("cp1252"))
    doc = read_document(f)
    assert "Umeå kommun" in doc.text
    assert "not UTF-8" in caplog.text


@pytest.mark.parametrize("name,data,msg", [
    ("empty.txt", b"  \n", "empty document"),
    ("fake.pdf", b"\x00\x01binary garbage" * 10, "not a PDF"),
    ("bad.pdf", b"%PDF-1.4 garbage that is no pdf", "not a readable PDF"),
])
def test_bad_input_is_a_clear_error(tmp_path, name, data, msg):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(KgError, match=msg):
        read_document(f)


def test_folder_expansion_and_missing_path(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.md").write_text("y")
    (tmp_path / "c.csv").write_text("z")
    assert [p.name for p in collect_paths([tmp_path])] == ["a.txt", "b.md"]
    with pytest.raises(KgError, match="no such file"):
        collect_paths([tmp_path / "nope"])
