"""environment.yml (conda) and pyproject.toml (pip) ask for the same packages."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(spec: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", spec)
    assert m, spec
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_environment_yml_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_specs = dict(_name(s) for s in project["dependencies"] + project["optional-dependencies"]["test"])
    conda: dict[str, str] = {}
    in_deps = False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        m = re.match(r"^  - ([^:]+)$", line)
        if in_deps and m:
            name, spec = _name(m.group(1))
            if name not in ("python", "pip"):
                conda[name] = spec
    assert conda == pip_specs
    python = re.search(r"- python(>=[\d.]+)", (ROOT / "environment.yml").read_text())
    assert python and python.group(1) == project["requires-python"]


def test_console_script_and_readme_commands() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["rtplan"] == "rtplan.cli:run"
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```", 2)[1]
    assert "make demo" in first_block and "make test" in first_block
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_jupyterlab_in_this_environment_asks_no_news_question() -> None:
    """JupyterLab's announcements plugin (an English "news?" question on first start) is off
    in the environment rtplan sets up, as JupyterLab reads its page configuration."""
    import os

    from jupyter_core.paths import jupyter_config_path
    from jupyter_server.services.config.manager import ConfigManager

    page = ConfigManager(read_config_path=[os.path.join(p, "labconfig") for p in jupyter_config_path()]).get(
        "page_config")
    assert page.get("disabledExtensions", {}).get("@jupyterlab/apputils-extension:announcements") is True
