"""Every notebooks/*.ipynb runs top to bottom in a Jupyter kernel (nbclient), on the bundled sample and,
where ../shared is here, on the real reports.

A notebook takes its reports from the environment variable KG_NOTEBOOK_PATHS (a JSON list) when it reads
it; KG_NOTEBOOK_BUILD hands it a ready build folder. Pictures it draws are saved to tests/artifacts/.
"""
import base64
import json
import os
from pathlib import Path

import nbformat
import pytest
from conftest import SHARED
from viz_support import ARTIFACTS

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))
# what each notebook must print (by file name); others only have to run without error
EXPECT = {"explore.ipynb": ["Region Västerbotten", "Länsstyrelsen Västerbotten", "partners"],
          "01_build_and_ask.ipynb": ["participants", "triples", "document"],
          "02_collaboration_network.ipynb": ["communities (leiden)", "broker:", "GraphML loads back"],
          "03_compare_years.ipynb": ["new", "gone", "page:"]}
PICTURES = {"02_collaboration_network.ipynb": 2, "03_compare_years.ipynb": 2}


def execute(path: Path, env: dict[str, str], tag: str) -> str:
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)  # the kernel inherits the environment
    try:
        NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        for k, v in old.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    text, pictures = [], 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text.append(out.get("text", "") + out.get("data", {}).get("text/plain", ""))
            if "image/png" in out.get("data", {}):
                pictures += 1
                ARTIFACTS.mkdir(exist_ok=True)
                (ARTIFACTS / f"{path.stem}_{tag}_{pictures}.png").write_bytes(base64.b64decode(out["data"]["image/png"]))
    assert pictures >= PICTURES.get(path.name, 0), f"{path.name} drew {pictures} pictures"
    return "\n".join(text)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_clean_nbformat(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for c in nb.cells:  # committed without outputs: what runs is what is read
        if c.cell_type == "code":
            assert c.outputs == [] and c.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_on_the_sample(path):
    out = execute(path, {}, "sample")
    for s in EXPECT.get(path.name, []):
        assert s in out, (path.name, s)


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is not here")
    from kg.build import build

    out = tmp_path_factory.mktemp("corpus") / "build"
    build([SHARED / "corpus"], out)
    return out


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if "KG_NOTEBOOK_PATHS" in p.read_text(encoding="utf-8")],
                         ids=lambda p: p.name)
def test_notebook_runs_on_the_real_reports(path, corpus_build):
    env = {"KG_NOTEBOOK_PATHS": json.dumps([str(SHARED / "corpus")]), "KG_NOTEBOOK_BUILD": str(corpus_build)}
    out = execute(path, env, "real")
    assert "2024" in out and "2025" in out  # both reports, each with its own year
    for s in EXPECT.get(path.name, []):
        assert s in out, (path.name, s)
