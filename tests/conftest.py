import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The bundled sample, built once for the session."""
    from kg.build import build

    out = tmp_path_factory.mktemp("sample-build")
    build([], out)
    return out
