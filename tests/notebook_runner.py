"""Run a notebook with nbval on a given plan (a parameterised copy in a temporary folder).

nbval itself has no parameters, so the notebook's one ``parameters``-tagged cell is
rewritten (papermill style: the values are replaced) before nbval runs the copy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def parameterised_copy(notebook: Path, dest: Path, **params: object) -> Path:
    """Copy ``notebook`` to ``dest`` with its parameters cell set to ``params``."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"{notebook.name}: needs exactly one parameters cell, has {len(cells)}"
    cells[0]["source"] = "\n".join(f"{k} = {v!r}" for k, v in params.items())
    target = dest / notebook.name
    target.write_text(json.dumps(nb), encoding="utf-8")
    return target


def run_nbval(notebook: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``pytest --nbval-lax`` on one notebook in this Python environment."""
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-p", "no:cacheprovider",
         "-q", str(notebook)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
