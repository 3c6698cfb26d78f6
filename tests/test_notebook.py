"""notebooks/explore.ipynb: valid nbformat 4 JSON whose code runs (build -> SPARQL -> networkx)."""
import json
import subprocess
import sys
from pathlib import Path

NOTEBOOK = Path(__file__).parent.parent / "notebooks" / "explore.ipynb"


def test_notebook_is_valid_nbformat_4():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4 and isinstance(nb["metadata"], dict)
    ids = [c["id"] for c in nb["cells"]]
    assert len(set(ids)) == len(ids)
    for c in nb["cells"]:
        assert c["cell_type"] in ("markdown", "code") and isinstance(c["metadata"], dict)
        assert isinstance(c["source"], list) and all(isinstance(s, str) for s in c["source"])
        if c["cell_type"] == "code":
            assert c["outputs"] == [] and c["execution_count"] is None


def test_notebook_code_runs(tmp_path):
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    script = tmp_path / "explore.py"
    script.write_text(code, encoding="utf-8")
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "Region Västerbotten" in r.stdout and "Länsstyrelsen Västerbotten" in r.stdout
    assert "partners" in r.stdout
