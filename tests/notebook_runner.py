"""Run a notebook with nbval on a given plan (a parameterised copy in a temporary folder).

nbval itself has no parameters, so the notebook's one ``parameters``-tagged cell is
rewritten (papermill style: the values are replaced) before nbval runs the copy.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the step notebooks, then the document notebooks shipped inside the package
ALL_NOTEBOOKS = (sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
                 + sorted((ROOT / "rtplan" / "documents").glob("*.ipynb")))
# notebooks over many plans (their own parameters, run by their own test)
RESEARCH_NOTEBOOKS = [n for n in ALL_NOTEBOOKS if n.name == "10_riset.ipynb"]
# the step notebooks: each runs on one plan (PLAN, LANG)
NOTEBOOKS = [n for n in ALL_NOTEBOOKS if n not in RESEARCH_NOTEBOOKS]


def parameterised_copy(notebook: Path, dest: Path, **params: object) -> Path:
    """Copy ``notebook`` to ``dest`` with ``params`` set in its parameters cell (others kept)."""
    import nbformat

    from rtplan.documents.build import inject_parameters

    nb = nbformat.read(notebook, as_version=4)
    target = dest / notebook.name
    nbformat.write(inject_parameters(nb, params), target)
    return target


def run_nbval(notebook: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``pytest --nbval-lax`` on one notebook in this Python environment."""
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-p", "no:cacheprovider",
         "-q", str(notebook)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
