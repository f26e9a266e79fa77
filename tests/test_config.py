"""The configuration module: every setting listed once, read only there, documented in the README."""

from __future__ import annotations

import ast
import re
from dataclasses import fields
from pathlib import Path

import pytest

from rtplan import config

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "rtplan"
VARIABLE = re.compile(r"^RTPLAN_[A-Z_]+$")


def _variable_literals() -> dict[str, list[str]]:
    """Each string constant of rtplan's code that is exactly an ``RTPLAN_*`` name: where it is."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and VARIABLE.match(node.value):
                found.setdefault(node.value, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_variable_is_named_only_in_the_config_module() -> None:
    literals = _variable_literals()
    outside = {name: [w for w in where if not w.startswith("rtplan/config.py")] for name, where in literals.items()}
    assert {name: where for name, where in outside.items() if where} == {}
    assert set(literals) == {f.metadata["env"] for f in fields(config.Settings)}


def test_no_module_reads_an_rtplan_variable_by_hand() -> None:
    # os.environ.get / os.getenv / environ[...] with an RTPLAN_ text anywhere in the call
    pattern = re.compile(r"(environ|getenv|env)(\.get)?[\[(]\s*f?[\"']RTPLAN_")
    hits = [f"{p.relative_to(ROOT)}:{n}" for p in PACKAGE.rglob("*.py")
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert hits == []


def test_every_setting_has_a_default_and_a_meaning() -> None:
    names = [f.metadata["env"] for f in fields(config.Settings)]
    assert len(names) == len(set(names)) == 20
    for f in fields(config.Settings):
        assert f.metadata["default"], f.name
        assert f.metadata["meaning"], f.name
        assert f.metadata["by"] in (config.USER, config.INTERNAL)
        assert config.env_name(f.name) == f.metadata["env"]


def test_the_readme_table_is_the_generated_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert config.markdown_table() in readme
    # and the README names no variable the module does not know
    mentioned = set(re.findall(r"RTPLAN_[A-Z_]+", readme))
    assert mentioned <= {f.metadata["env"] for f in fields(config.Settings)}


def test_values_are_read_as_before() -> None:
    empty = config.from_env({})
    assert empty.lang is None
    assert empty.debug is False
    assert empty.workshop is False
    settings = config.from_env({"RTPLAN_LANG": "en", "RTPLAN_DEBUG": "yes", "RTPLAN_WORKSHOP": "1",
                                "RTPLAN_PDF_ENGINE_PROCESS": "0", "RTPLAN_CACHE_DIR": ""})
    assert settings.lang == "en"
    assert settings.debug is True  # any value
    assert settings.workshop is True
    assert settings.pdf_engine_process is False  # "1" only
    assert settings.cache_dir is None  # empty = unset


def test_read_afresh_at_each_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RTPLAN_PLANS_DIR", "/tmp/a")
    assert config.from_env().plans_dir == "/tmp/a"
    monkeypatch.setenv("RTPLAN_PLANS_DIR", "/tmp/b")
    assert config.from_env().plans_dir == "/tmp/b"


def test_settings_are_frozen() -> None:
    with pytest.raises(AttributeError):
        config.from_env({}).lang = "en"  # type: ignore[misc]
