"""One rule set, two executors: the one-plan path and the pooled (research batch) path
give the same answer, rule by rule and ranking method by method.

The corpus: the two examples, plans of benchmarks/gen_plans.py (some broken on
purpose), the main example broken one rule at a time (tests/test_research_batch.py's
cases, and a few more so that every declared rule fires), and seeded random mutations
of all of them: a cell set to a tricky value or to another row's value, a row repeated
or dropped, the plan period moved. Rules: what :func:`rtplan.validation.validate_tables`
reports for each plan (one plan at a time) against what
:func:`rtplan.research.batch.pooled_problems` finds over all of them at once, as
``(plan, file, row, column)`` per rule. Methods: the rankings of each plan that keeps
every rule, from :func:`rtplan.needs.all_rankings` one plan at a time
(:func:`rtplan.research.pooling.ranks_of`) against :func:`rtplan.research.batch.pooled_ranks`.
"""

from __future__ import annotations

import math
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, copy_example, gen_plans_module
from hostile_corpus import mutate_one_cell, read_rows, set_cell, write_rows
from test_research_batch import BROKEN, VALID

from rtplan import rules, storage, validation
from rtplan.research import batch
from rtplan.research.pooling import ranks_of
from rtplan.schema import TABLES

# cases that make the rules no other case reaches fire (on the main example)
MORE: dict[str, Callable[[Path], None]] = {
    "negative_cost": lambda p: set_cell(p, "resources", 1, "cost_idr", "-5000"),
    "monthly_on_no_day": lambda p: (set_cell(p, "activities", 1, "recurrence", "monthly"),
                                    set_cell(p, "activities", 1, "recurrence_day", "40")),
    "phone_in_tree": lambda p: set_cell(p, "problem_tree", 1, "text", "NIK 3374010101010001"),
    "two_duplicates": lambda p: write_rows(p / "needs.csv", (r := read_rows(p / "needs.csv")) + r[1:3]),
}

FUZZ = ("", " ", "0", "-1", "1", "5", "6", "21", "101", "N01", "N02", "N99", "P001", "P999", "konsensus", "seri",
        "anon-1a2b3c4d", "anon-xyz", "true", "2026-01-01", "2027-12-31", "2030-06-01", "19:30", "07:30", "23:00",
        "02:00", "N01;N02", "N01;N99", "R01;R99", "R02;R03", "L", "x", "ekonomi", "warga", "weekly", "monthly", "once",
        "sabtu", "15", "40", "2-selasa", "inti", "sebab", "diterima", "gabungan", "0812 3456 7890", "M01", "M99",
        "A01", "A99", "T01", "T99", "10000", "usulan")


def _breaking(rule: rules.Rule, rng: random.Random) -> Callable[[Path], None] | None:
    """A change of one row that breaks ``rule``, derived from its declaration (``None``
    for the rules of several columns: the cases above break those)."""
    table = TABLES[rule.table]
    col = table.column(rule.column)

    def at_row(column: str, value: str, *more: tuple[str, str]) -> Callable[[Path], None]:
        def change(p: Path) -> None:
            row = rng.randrange(1, len(read_rows(p / table.filename)))
            for name, text in ((column, value), *more):
                set_cell(p, rule.table, row, name, text)
        return change

    if rule.name == "required":
        return at_row(col.name, "")
    if rule.name == "allowed":
        return at_row(col.name, "tidak-dikenal")
    if rule.name in ("min", "negative_money"):
        return at_row(col.name, str((col.min or 0) - 1))
    if rule.name == "max":
        return at_row(col.name, str((col.max or 0) + 1))
    if rule.name == "outside_period":
        return at_row(col.name, "2040-01-01")
    if rule.name == "id_semicolon":
        return at_row(col.name, "X1;X2")
    if rule.name == "private_in_text":
        return at_row(col.name, "telepon 0812-3456-7890")
    if rule.name == "unknown_ref":
        return at_row(col.name, "ZZ99")
    if rule.name == "end_before_start":
        start = rule.columns[0]
        early, late = ("2026-02-01", "2026-03-01") if col.kind == "date" else ("19:30", "21:30")
        return at_row(start, late, (col.name, early))
    if rule.name == "duplicate":
        def repeat(p: Path) -> None:
            rows = read_rows(p / table.filename)
            rows.append(list(rows[rng.randrange(1, len(rows))]))
            write_rows(p / table.filename, rows)
        return repeat
    return None


def _renumber(folder: Path, k: int) -> None:
    toml = folder / "plan.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('rt = "', f'rt = "{k:03d}', 1), encoding="utf-8")


def _mutate(folder: Path, rng: random.Random) -> None:
    """One to three random changes of cells or rows (the CSV stays well formed)."""
    for _ in range(rng.choice((1, 1, 2, 3))):
        if rng.random() < 0.08:  # move the plan period: dates fall in or out of it
            toml = folder / "plan.toml"
            text = toml.read_text(encoding="utf-8")
            lines = [line for line in text.splitlines() if line.startswith(("start = ", "end = "))]
            if lines:
                line = rng.choice(lines)
                text = text.replace(line, f"{line.split('=')[0]}= {rng.choice(('2026-03-01', '2027-02-28'))}", 1)
                toml.write_text(text, encoding="utf-8")
            continue
        mutate_one_cell(rng.choice(sorted(folder.glob("*.csv"))), rng, FUZZ)


def _mutate_scores(folder: Path, rng: random.Random) -> None:
    """Changes that keep a plan valid but move its rankings: scores, dots, pair winners,
    consensus rows, agreed ranks, rows dropped (ties are frequent on purpose)."""
    for _ in range(rng.choice((1, 2, 3, 4))):
        table = rng.choice(("usg_scores", "votes", "pairwise", "priorities"))
        path = folder / f"{table}.csv"
        if not path.is_file():
            continue
        rows = read_rows(path)
        if len(rows) < 2:
            continue
        head = rows[0]
        r = rng.randrange(1, len(rows))
        if rng.random() < 0.15:
            del rows[r]
        elif table == "usg_scores":
            column = rng.choice(("urgency", "seriousness", "growth", "scorer"))
            rows[r][head.index(column)] = "konsensus" if column == "scorer" else str(rng.randint(1, 5))
        elif table == "votes":
            rows[r][head.index("dots")] = str(rng.choice((0, 1, 1, 2, 3, 5, 20)))
        elif table == "pairwise":
            a, b = rows[r][head.index("need_a")], rows[r][head.index("need_b")]
            rows[r][head.index("winner")] = rng.choice((a, b, "seri"))
        else:
            rows[r][head.index("rank")] = rng.choice(("1", "2", "2", "3", ""))
        write_rows(path, rows)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("equivalence")
    rng = random.Random(2311)
    bases = [copy_example(name, root / "examples") for name in EXAMPLES]
    bases += [Path(str(g["path"])) for g in gen_plans_module().generate(10, root / "gen", seed=7, invalid=0.3)]
    k = 100
    folders = [str(p) for p in bases]
    for name, change in {**BROKEN, **VALID, **MORE}.items():
        k += 1
        folder = root / "cases" / name
        shutil.copytree(bases[0], folder)
        _renumber(folder, k)
        change(folder)
        folders.append(str(folder))
    for n, rule in enumerate(rules.TABLE_RULES):  # every declared rule broken once, on an example with rows
        change = _breaking(rule, rng)
        base = next((b for b in bases[:2] if len(read_rows(b / TABLES[rule.table].filename)) > 1), None)
        if change is None or base is None:
            continue
        k += 1
        folder = root / "declared" / f"r{n:03d}-{rule.table}-{rule.column}-{rule.name}"
        shutil.copytree(base, folder)
        _renumber(folder, k)
        change(folder)
        folders.append(str(folder))
    for kind, mutate, count in (("fuzz", _mutate, 90), ("scores", _mutate_scores, 60)):
        for n in range(count):
            k += 1
            folder = root / kind / f"m{n:03d}"
            shutil.copytree(rng.choice(bases), folder)
            _renumber(folder, k)
            mutate(folder, rng)
            folders.append(str(folder))
    return folders


def _one_plan_way(paths: list[str], read: set[int]) -> set[tuple[int, str, int, str, str]]:
    """``(plan, file, row, column, rule)`` of every table rule, each plan validated alone."""
    found: set[tuple[int, str, int, str, str]] = set()
    table_rules = {r.name for r in rules.TABLE_RULES}
    for i in sorted(read):
        plan = storage.load_plan(Path(paths[i]))
        for p in validation.validate_tables(plan.tables, plan.meta, plan.message_lang):
            if p.file != validation.META_FILE and p.rule in table_rules:
                assert p.row is not None
                assert p.column is not None
                found.add((i, p.file, p.row, p.column, p.rule))
    return found


@pytest.fixture(scope="module")
def both_ways(corpus: list[str]) -> dict[str, set[tuple[int, str, int, str, str]]]:
    read, pooled = batch.pooled_problems(corpus)
    assert len(read) > 0.8 * len(corpus)  # the others go the one-plan way whole: not compared
    return {"one": _one_plan_way(corpus, read), "pooled": pooled}


RULE_IDS = sorted({(r.table, r.column, r.name) for r in rules.TABLE_RULES})
NOT_REACHED: tuple[tuple[str, str, str], ...] = ()


@pytest.mark.parametrize("name", sorted({r.name for r in rules.TABLE_RULES}))
def test_each_rule_breaks_the_same_rows_on_both_paths(name: str, both_ways: dict[str, set[Any]]) -> None:
    one = {f for f in both_ways["one"] if f[4] == name}
    pooled = {f for f in both_ways["pooled"] if f[4] == name}
    assert one, f"no case in the corpus breaks {name}: the test could not fail"
    assert one == pooled, (one ^ pooled)


def test_every_declared_rule_is_compared(both_ways: dict[str, set[Any]]) -> None:
    """Each declared rule (table, column, rule) gives the same rows on both paths, and
    fires at least once (but those of a table empty in both examples)."""
    hit = {(f[1][:-4], f[3], f[4]) for f in both_ways["one"]}
    for table, column, name in RULE_IDS:
        one = {f for f in both_ways["one"] if (f[1][:-4], f[3], f[4]) == (table, column, name)}
        pooled = {f for f in both_ways["pooled"] if (f[1][:-4], f[3], f[4]) == (table, column, name)}
        assert one == pooled, (table, column, name, one ^ pooled)
    assert set(RULE_IDS) - hit <= set(NOT_REACHED), sorted(set(RULE_IDS) - hit - set(NOT_REACHED))


def _same(a: object, b: object) -> bool:
    """Equal, NaN equal to NaN (inside tuples, lists and dicts too)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return set(a) == set(b) and all(_same(a[x], b[x]) for x in a)
    return type(a) is type(b) and a == b


@pytest.fixture(scope="module")
def rankings(corpus: list[str]) -> dict[str, dict[int, Any]]:
    pooled = batch.pooled_ranks(corpus)
    assert 60 < len(pooled) < len(corpus)  # valid plans ranked, broken ones not
    alone = {i: ranks_of(storage.load_plan(Path(corpus[i])), None) for i in pooled}
    return {"pooled": pooled, "alone": alone}


METHOD_FIELDS = {
    "usg": ("usg",),
    "dots": ("dots", "dots_used"),
    "pairwise": ("pairwise",),
    "combined": ("combined", "agreement"),
    "final": ("final_rank", "final_stored"),
}


@pytest.mark.parametrize("method", list(METHOD_FIELDS))
def test_each_method_ranks_the_same_on_both_paths(method: str, rankings: dict[str, dict[int, Any]]) -> None:
    pooled, alone = rankings["pooled"], rankings["alone"]
    assert len(pooled) > 50
    varied = set()
    for i in pooled:
        for name in METHOD_FIELDS[method]:
            a, b = getattr(alone[i], name), getattr(pooled[i], name)
            assert _same(a, b), (i, name, a, b)
            varied.add(repr(a))
    assert len(varied) > 10  # the mutations moved the rankings: the comparison could fail
