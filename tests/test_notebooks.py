"""Both notebooks run top to bottom in a fresh kernel from the venv, from the repository root.

They are committed without outputs, print nothing to stderr (no "IProgress not found": nothing
draws a tqdm bar), keep their plotting in ``factcheck.charts`` and draw each chart they call for;
the ``notebooks`` extra installs what opens them. Both share one cache folder, so the second reads
the claims and vectors the first computed, as a re-run in JupyterLab would.
"""

from __future__ import annotations

import importlib.util
import tomllib

import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    """One cache for both notebooks: the first runs the pipeline cold, the second reads its cache."""
    return tmp_path_factory.mktemp("notebook-cache")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, cache_dir, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.delenv("MPLBACKEND", raising=False)   # the kernel's inline backend, as in JupyterLab: no display
    monkeypatch.setenv("FACTCHECK_CACHE", str(cache_dir))
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") and not c.get("execution_count") for c in nb.cells if c.cell_type == "code"), \
        f"{path.name} is committed with outputs; clear them"
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    charts_drawn = code.count("charts.plot_facts(") + code.count("charts.claim_map(")
    assert "charts.plot_facts(" in code
    assert "barh(" not in code and "PCA(" not in code, "plotting belongs in factcheck.charts, not in cells"
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    errors = [o for o in outputs if o.get("output_type") == "error"]
    assert not errors, errors[0].get("evalue")
    stderr = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr")
    if importlib.util.find_spec("ipywidgets") is None:
        # Without the notebooks extra (the test extra alone), tqdm warns on import that it has no
        # IProgress widget, though no bar is ever drawn; with the extra, as in JupyterLab, it must not.
        stderr = "\n".join(line for line in stderr.splitlines()
                           if "IProgress not found" not in line and "import tqdm as notebook_tqdm" not in line)
    assert not stderr.strip(), f"{path.name} printed to stderr: {stderr[:300]}"
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == charts_drawn, "each chart the notebook calls for is drawn"


def test_there_are_two_notebooks():
    assert [p.name for p in NOTEBOOKS] == ["explore.ipynb", "your-articles.ipynb"]


def test_the_notebooks_extra_installs_jupyterlab():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    names = {req.split(">")[0].split("=")[0].split("[")[0].strip().lower() for req in extras["notebooks"]}
    assert {"jupyterlab", "ipywidgets", "ipykernel", "nbconvert"} <= names
