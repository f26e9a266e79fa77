"""The handout's cached parts are keyed on the tables they read, as found by running them.

Each part is built with a spy on the plan's tables (every ``plan[name]``, ``plan.tables[name]``,
``plan.copy_table(name)``, ``.get`` and any walk over all tables), on both bundled examples and
on an empty plan; what it read must be what the part declares next to it in ``rtplan.documents.handout``.
A new read not declared fails here instead of leaving a stale part in the cache.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rtplan import storage
from rtplan.documents import caches, handout

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "data").iterdir() if (p / "plan.toml").is_file())
EVERY_TABLE = "<every table>"


class SpyTables(dict[str, Any]):
    """A plan's tables that note which were read."""

    def __init__(self, tables: dict[str, Any]) -> None:
        super().__init__(tables)
        self.read: set[str] = set()

    def __getitem__(self, name: str) -> Any:
        self.read.add(name)
        return super().__getitem__(name)

    def get(self, name: str, default: Any = None) -> Any:
        self.read.add(name)
        return super().get(name, default)

    def __iter__(self) -> Iterator[str]:
        self.read.add(EVERY_TABLE)
        return super().__iter__()

    def items(self) -> Any:
        self.read.add(EVERY_TABLE)
        return super().items()

    def values(self) -> Any:
        self.read.add(EVERY_TABLE)
        return super().values()

    def copy(self) -> dict[str, Any]:
        self.read.add(EVERY_TABLE)
        return dict(super().items())


PARTS: dict[str, tuple[frozenset[str], Callable[[handout.Handout], object]]] = {
    "needs chart": (handout.NEEDS_CHART_READS, lambda doc: doc.needs_chart().figure),
    "gantt": (handout.GANTT_READS, lambda doc: [chart.figure for chart in doc.gantt().charts]),
    "resources": (handout.RESOURCES_READS, lambda doc: doc.resources()),
}


def _empty_plan(tmp_path: Path) -> Path:
    folder = tmp_path / "kosong"
    folder.mkdir()
    shutil.copy(EXAMPLES[0] / "plan.toml", folder / "plan.toml")
    return folder


@pytest.mark.parametrize("part", sorted(PARTS))
def test_a_cached_part_reads_the_tables_it_declares(part: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    declared, build = PARTS[part]
    monkeypatch.setenv("RTPLAN_CACHE_DIR", str(tmp_path / "cache"))
    # the key itself reads the declared tables: left out, so only the part's own reads are seen
    monkeypatch.setattr(caches, "plan_state", lambda plan, reads: "state")
    seen: set[str] = set()
    for folder in [*EXAMPLES, _empty_plan(tmp_path)]:
        caches._CHARTS.clear()
        caches._SECTIONS.clear()
        doc = handout.Handout(str(folder))
        spy = SpyTables(doc.plan.tables)
        doc.plan = dataclasses.replace(doc.plan, tables=spy)
        build(doc)
        assert spy.read <= declared, f"{part} on {folder.name} reads {sorted(spy.read - declared)} undeclared"
        seen |= spy.read
    assert seen == declared  # nothing declared that it never reads (the key would change for nothing)
    caches._CHARTS.clear()
    caches._SECTIONS.clear()


def test_an_edit_to_a_table_a_part_does_not_read_keeps_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RTPLAN_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "plan"
    shutil.copytree(EXAMPLES[0], folder)
    caches._SECTIONS.clear()
    first = handout.Handout(str(folder)).resources()
    plan = storage.load_plan(folder)
    ledger = plan.copy_table("ledger")
    ledger.loc[0, "description"] = "Ralat kecil"
    storage.save_tables(plan, {"ledger": ledger})
    assert "ledger" not in handout.RESOURCES_READS
    key = ("resources", None, True)
    calls: list[int] = []
    again = caches.cached_section(storage.load_plan(folder), key, lambda: calls.append(1) or first,
                                   handout.RESOURCES_READS)
    assert calls == [1]  # another key than the document's own: built once
    caches.cached_section(storage.load_plan(folder), key, lambda: calls.append(2) or first, handout.RESOURCES_READS)
    assert calls == [1]  # same state of what it reads: kept
    needs = plan.copy_table("needs")
    needs.loc[0, "title"] = "Judul baru"
    storage.save_tables(storage.load_plan(folder), {"needs": needs})
    caches.cached_section(storage.load_plan(folder), key, lambda: calls.append(3) or first, handout.RESOURCES_READS)
    assert calls == [1, 3]  # a table it reads changed: built again
    assert again == first
    caches._SECTIONS.clear()
