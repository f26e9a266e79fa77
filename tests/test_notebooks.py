"""nbval runs every step notebook on both example plans (on temporary copies)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, copy_example
from notebook_runner import (
    ALL_NOTEBOOKS,
    NOTEBOOKS,
    RESEARCH_NOTEBOOKS,
    parameterised_copy,
    run_nbval,
)


@pytest.mark.notebook
@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_notebook_runs_with_nbval(notebook: Path, example: str, tmp_path: Path) -> None:
    plan = copy_example(example, tmp_path)
    before = {p.name: p.read_bytes() for p in plan.iterdir() if p.is_file()}
    nb = parameterised_copy(notebook, tmp_path, PLAN=str(plan), LANG=None)
    result = run_nbval(nb, tmp_path)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
    # running a notebook top to bottom shows the plan; it never changes it
    assert {p.name: p.read_bytes() for p in plan.iterdir() if p.is_file()} == before


@pytest.mark.notebook
def test_research_notebook_runs_on_30_generated_plans(tmp_path: Path) -> None:
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("gen_plans", ROOT / "benchmarks" / "gen_plans.py")
    gen = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(gen)  # type: ignore[union-attr]
    gen.generate(30, tmp_path / "plans", seed=3)
    assert [n.name for n in RESEARCH_NOTEBOOKS] == ["10_riset.ipynb"]
    nb = parameterised_copy(RESEARCH_NOTEBOOKS[0], tmp_path, PLANS=str(tmp_path / "plans"),
                            OUT=str(tmp_path / "riset"), SECRET_FILE=str(tmp_path / "riset.key"), K=5, LANG="id")
    result = run_nbval(nb, tmp_path)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
    manifest = (tmp_path / "riset" / "manifest.json").read_text()
    assert '"plans": 28' in manifest and '"k": 5' in manifest


@pytest.mark.parametrize("notebook", ALL_NOTEBOOKS, ids=[n.stem for n in ALL_NOTEBOOKS])
def test_notebook_is_clean_and_thin(notebook: Path) -> None:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "exactly one parameters cell"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert not cell.get("outputs"), "outputs are not committed"
            assert cell.get("execution_count") is None
            source = "".join(cell["source"])
            assert len(source.splitlines()) <= 12, f"a cell grew logic: {source[:80]}"
            assert "def " not in source and "class " not in source, "logic belongs in rtplan"


@pytest.mark.notebook
def test_step1_runs_to_the_end_on_a_new_plan(make_plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A plan with no needs yet: every cell of step 1 shows (the problem tree says there is nothing yet)."""
    plan = make_plan()
    nb = parameterised_copy(NOTEBOOKS[1], tmp_path, PLAN=str(plan), LANG=None)
    assert NOTEBOOKS[1].name == "01_kebutuhan.ipynb"
    result = run_nbval(nb, tmp_path)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
