"""The package passes its linters: ruff (rules chosen in pyproject.toml) and mypy (strict).

Both run as subprocesses of this venv's Python, from the project root, so they read the
settings in pyproject.toml exactly as a developer's ``ruff check rtplan tests`` and ``mypy`` do.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# one worker runs both: each is a whole-package pass and the CI machine has two cores
pytestmark = pytest.mark.xdist_group("tooling")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


def test_ruff_finds_nothing_in_the_package_and_its_tests() -> None:
    result = _run("ruff", "check", "--no-fix", "--output-format", "concise", "rtplan", "tests")
    assert result.returncode == 0, f"ruff check rtplan tests:\n{result.stdout}{result.stderr}"


def test_mypy_strict_finds_nothing_in_the_package() -> None:
    # the package list and strictness come from [tool.mypy]; the cache stays in .mypy_cache
    result = _run("mypy")
    assert result.returncode == 0, f"mypy:\n{result.stdout}{result.stderr}"
    assert "Success: no issues found" in result.stdout, result.stdout
