"""Shared fixtures. Every test works on a temporary copy of a plan, never on data/."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import matplotlib as mpl
import pytest

mpl.use("Agg")


@pytest.fixture(autouse=True, scope="session")
def _chart_cache_outside_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Documents keep rendered charts in a cache; the tests keep theirs in a temporary folder."""
    os.environ["RTPLAN_CACHE_DIR"] = str(tmp_path_factory.mktemp("rtplan-cache"))
    # the recent-plans state (rtplan.recent) and the picker's copies of examples: never the user's
    os.environ["RTPLAN_CONFIG_DIR"] = str(tmp_path_factory.mktemp("rtplan-config"))
    os.environ["RTPLAN_PLANS_DIR"] = str(tmp_path_factory.mktemp("rtplan-plans"))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
EXAMPLES = ("contoh-rt05-rw03", "contoh-rt02-rw07-banjir")
MAIN_EXAMPLE = EXAMPLES[0]


def copy_example(name: str, dest: Path) -> Path:
    """Copy an example plan (without its history) to ``dest/name``."""
    target = dest / name
    shutil.copytree(DATA / name, target, ignore=shutil.ignore_patterns(".history", ".rtplan.lock"))
    return target


@pytest.fixture
def example_dir(tmp_path: Path) -> Path:
    """A fresh copy of the main example plan folder."""
    return copy_example(MAIN_EXAMPLE, tmp_path)


@pytest.fixture(params=EXAMPLES)
def any_example_dir(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A fresh copy of each example plan in turn."""
    return copy_example(request.param, tmp_path)


@pytest.fixture
def make_plan(tmp_path: Path) -> Callable[..., Path]:
    """Make a new empty plan folder; keyword arguments go to ``default_meta``."""
    from rtplan import storage

    counter = iter(range(1000))

    def make(**kw: object) -> Path:
        folder = tmp_path / f"plan{next(counter)}"
        kw.setdefault("rt", "05")
        kw.setdefault("rw", "03")
        import datetime as dt

        kw.setdefault("start", dt.date(2026, 12, 1))
        kw.setdefault("end", dt.date(2027, 5, 31))
        storage.new_plan(folder, storage.default_meta(**kw))  # type: ignore[arg-type]
        return folder

    return make


# In CI a skipped test is a failure: whatever a test needs, CI must provide.
_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("CI", "").lower() in ("true", "1") and _skipped and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    if os.environ.get("CI", "").lower() in ("true", "1") and _skipped:
        terminalreporter.write_line(
            f"CI=true: {len(_skipped)} skipped test(s) count as failures: " + ", ".join(_skipped[:10]),
            red=True,
        )


def gen_plans_module():  # type: ignore[no-untyped-def]
    """``benchmarks/gen_plans.py`` (the generator of fictional plans) as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_plans", ROOT / "benchmarks" / "gen_plans.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def opened(tab, key: str):  # type: ignore[no-untyped-def]
    """Open the tab of ``key`` (as the facilitator does before typing or reading) and return its panel:
    a tab not open is redrawn when it is opened."""
    tab.selected_index = list(tab.panels).index(key)
    return tab.panels[key]
