"""A wheel of rtplan, installed into a fresh venv, makes a handout from another folder.

The document notebooks and templates are package data: nothing may be read from the
source checkout. The fresh venv gets rtplan's dependencies without a download (a
``.pth`` file pointing at this environment's site-packages); the editable rtplan of
this environment must not shadow the wheel, which the test checks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

from conftest import ROOT, copy_example
from test_handout import flat, pdf_text

from rtplan import storage


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, " ".join(cmd) + "\n" + result.stdout[-3000:] + result.stderr[-3000:]
    return result


def test_wheel_in_a_fresh_venv_makes_a_handout_from_another_folder(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy: the build leaves nothing in the checkout
    shutil.copytree(ROOT / "rtplan", source / "rtplan", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    # data files the wheel installs beside the package (JupyterLab's page config)
    shutil.copytree(ROOT / "jupyter-config", source / "jupyter-config")
    wheels = tmp_path / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels),
         str(source)], tmp_path)
    (wheel,) = wheels.glob("rtplan-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                    tmp_path).stdout.strip())
    # the dependencies from this environment, after the new venv's own site-packages
    deps = Path(sysconfig.get_paths()["purelib"])
    (site / "zz_rtplan_deps.pth").write_text(f"{deps}\n", encoding="utf-8")
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q",
         str(wheel)], tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # nbconvert's base templates are data files under its environment's share/jupyter: a real
    # install puts them in the new venv; here they stay with the borrowed dependencies
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    located = run([str(python), "-c", "import rtplan; print(rtplan.__file__)"], elsewhere, env).stdout.strip()
    assert Path(located).is_relative_to(env_dir), located  # the wheel, not the editable checkout
    plan = copy_example("contoh-rt05-rw03", elsewhere)
    out = elsewhere / "handout.pdf"
    run([str(env_dir / "bin" / "rtplan"), "handout", plan.name, "-o", out.name], elsewhere, env)
    _, text = pdf_text(out)
    one = flat(text)
    loaded = storage.load_plan(plan)
    assert "RT 05 / RW 03" in one
    assert flat(str(loaded["needs"]["title"].iloc[0])) in one
