"""Pooling a chunk of plans together (rtplan.research.batch) gives exactly the tables and
the skipped plans of the one-plan-at-a-time way (load, validate, rank each plan).

The corpus: the two examples, generated plans (some broken on purpose), every case of
the hostile corpus, and the main example broken one rule at a time (plus a few valid
oddities: warnings only, ties, consensus scores). Each copy of the example gets its own
RT number so that no plan is skipped as a repeat of another.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from conftest import EXAMPLES, copy_example, gen_plans_module
from hostile_corpus import CASES, build, duplicate_row, mutate_one_cell, read_rows, set_cell, write_rows

from rtplan.research import batch
from rtplan.research.pooling import Pooled, _Rows, discover, pool

SECRET = b"batch-secret-0123456789abcdef"


def _toml(old: str, new: str) -> Callable[[Path], None]:
    def change(p: Path) -> None:
        path = p / "plan.toml"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def _cell(table: str, row: int, column: str, value: str) -> Callable[[Path], None]:
    return lambda p: set_cell(p, table, row, column, value)


def _drop_rows(table: str) -> Callable[[Path], None]:
    def change(p: Path) -> None:
        path = p / f"{table}.csv"
        write_rows(path, read_rows(path)[:1])
    return change


def _all(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(p: Path) -> None:
        for c in changes:
            c(p)
    return change


# each breaks exactly one error rule of rtplan.validation (the plan must be skipped)
BROKEN: dict[str, Callable[[Path], None]] = {
    "sex_not_allowed": _cell("participants", 3, "sex", "X"),
    "age_band_not_allowed": _cell("participants", 4, "age_band", "tua"),
    "need_category_not_allowed": _cell("needs", 2, "category", "lain-lain"),
    "need_status_not_allowed": _cell("needs", 2, "status", "entah"),
    "households_below_min": _cell("needs", 1, "households_affected", "-1"),
    "usg_above_max": _cell("usg_scores", 2, "urgency", "6"),
    "usg_below_min": _cell("usg_scores", 3, "growth", "0"),
    "dots_above_max": _cell("votes", 1, "dots", "21"),
    "attendance_unknown_participant": _cell("attendance", 2, "participant_id", "P999"),
    "usg_unknown_scorer": _cell("usg_scores", 1, "scorer", "P999"),
    "usg_unknown_need": _cell("usg_scores", 1, "need_id", "N99"),
    "vote_unknown_need": _cell("votes", 1, "need_id", "N99"),
    "activity_unknown_need_in_list": _cell("activities", 1, "need_ids", "N01;N99"),
    "activity_unknown_resource_in_list": _cell("activities", 2, "resource_ids", "R01;R99"),
    "activity_outside_period": _cell("activities", 1, "start_date", "2026-11-01"),
    "activity_end_before_start": _cell("activities", 1, "end_date", "2026-12-01"),
    "meeting_end_before_start": _cell("meetings", 1, "end_time", "19:00"),
    "ledger_both_amounts": _cell("ledger", 2, "expense_idr", "10000"),
    "ledger_no_amount": _cell("ledger", 2, "income_idr", "0"),
    "pairwise_self_pair": _cell("pairwise", 1, "need_b", "N01"),
    "pairwise_winner_not_in_pair": _cell("pairwise", 2, "winner", "N07"),
    "problem_tree_two_cores": _cell("problem_tree", 2, "kind", "inti"),
    "problem_tree_unknown_parent": _cell("problem_tree", 2, "parent_id", "T99"),
    "duplicate_participant": lambda p: duplicate_row(p, "participants", 2),
    "duplicate_usg_score": lambda p: duplicate_row(p, "usg_scores", 1),
    "duplicate_attendance": lambda p: duplicate_row(p, "attendance", 1),
    "id_with_semicolon": _cell("resources", 2, "resource_id", "R02;R03"),
    "weekly_on_no_weekday": _cell("activities", 1, "recurrence_day", "hari kiamat"),
    "required_title_empty": _cell("needs", 3, "title", ""),
    "required_date_empty": _cell("realizations", 1, "date", ""),
    "priority_rank_zero": _cell("priorities", 1, "rank", "0"),
    "match_decision_not_allowed": _cell("matches", 1, "decision", "mungkin"),
    "institution_importance_above_max": _cell("institutions", 1, "importance", "9"),
    "decision_unknown_meeting": _cell("decisions", 1, "meeting_id", "M99"),
    "recurrence_not_allowed": _cell("activities", 3, "recurrence", "yearly"),
    "cell_not_a_number": _cell("resources", 1, "capacity", "sepuluh"),
    "cell_not_a_date": _cell("ledger", 3, "date", "kemarin"),
    "toml_language_unknown": _toml('language = "id"', 'language = "fr"'),
    "toml_households_text": _toml("households = 60", 'households = "banyak"'),
    "toml_period_reversed": _toml("end = 2027-05-31", "end = 2026-01-01"),
    "toml_no_rt": _toml('rt = "', 'rt_lama = "'),
}

# valid plans with something uncommon (pooled by both ways)
VALID: dict[str, Callable[[Path], None]] = {
    "phone_in_description_warning": _cell("needs", 1, "description", "hubungi 0812 3456 7890"),
    "recurrence_day_on_one_off_warning": _all(_cell("activities", 1, "recurrence", "once"),
                                              _cell("activities", 1, "end_date", "2026-12-12")),
    "consensus_scores": _all(_cell("usg_scores", 1, "scorer", "konsensus"),
                             _cell("usg_scores", 6, "scorer", "konsensus")),
    "no_votes_no_pairs": _all(_drop_rows("votes"), _drop_rows("pairwise")),
    "no_scores_no_priorities": _all(_drop_rows("usg_scores"), _drop_rows("priorities")),
    "no_needs_at_all": _all(*(_drop_rows(t) for t in ("needs", "usg_scores", "votes", "pairwise", "priorities",
                                                      "problem_tree", "matches", "proposals")),
                            _cell("activities", 1, "need_ids", ""), _cell("activities", 2, "need_ids", ""),
                            lambda p: [set_cell(p, "activities", r, "need_ids", "")
                                       for r in range(1, len(read_rows(p / "activities.csv")))]),
    "times_unpadded": _cell("meetings", 1, "start_time", "7.30"),
    "list_with_spaces": _cell("activities", 1, "resource_ids", " R01 ; R06 "),
    "overnight_ronda": _all(_cell("meetings", 1, "start_time", "22:00"), _cell("meetings", 1, "end_time", "03:00")),
    "missing_optional_file": lambda p: (p / "institutions.csv").unlink(),
}


def _gen_module():  # type: ignore[no-untyped-def]
    return gen_plans_module()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("batch")
    examples = [copy_example(name, root / "examples") for name in EXAMPLES]
    generated = _gen_module().generate(16, root / "gen", seed=11, invalid=0.25)
    variants = root / "variants"
    variants.mkdir()
    made: dict[str, Path] = {}
    number = 30
    for group, cases in (("broken", BROKEN), ("valid", VALID)):
        for name, change in cases.items():
            number += 1
            folder = variants / f"{group}-{name}"
            copy_example(EXAMPLES[0], variants)
            (variants / EXAMPLES[0]).rename(folder)
            _toml('rt = "05"', f'rt = "{number}"')(folder)
            change(folder)
            made[f"{group}-{name}"] = folder
    hostile = root / "hostile"
    hostile.mkdir()
    for name in (c for c in CASES if c != "ten_thousand_columns"):  # 1.5 s a load; its header is enough
        number += 1
        folder = build(name, hostile / name)
        toml = folder / "plan.toml"
        if toml.is_file() and not toml.is_symlink():
            data = toml.read_bytes()
            toml.write_bytes(data.replace(b'rt = "05"', f'rt = "{number}"'.encode(), 1))
    sources = [str(p) for p in examples] + [str(root / "gen"), str(variants), str(hostile)]
    return {"sources": sources, "variants": made, "generated": generated, "examples": examples}


def _assert_same(a: Pooled, b: Pooled) -> None:
    assert [(s.path, s.reasons) for s in a.skipped] == [(s.path, s.reasons) for s in b.skipped]
    assert list(a.tables) == list(b.tables)
    for name in a.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], check_exact=True, obj=name)


def test_batch_pools_exactly_what_the_one_plan_way_pools(corpus: dict[str, object]) -> None:
    sources = corpus["sources"]
    slow = pool(sources, SECRET, workers=1, progress=False, fast=False)  # type: ignore[arg-type]
    fast = pool(sources, SECRET, workers=1, progress=False, fast=True)  # type: ignore[arg-type]
    _assert_same(slow, fast)
    skipped = {s.path for s in fast.skipped}
    for name, folder in corpus["variants"].items():  # type: ignore[attr-defined]
        assert (str(folder) in skipped) == name.startswith("broken-"), name
    assert fast.n_plans > 20
    assert len(fast.tables["needs"]) > 300
    # free text (masked) and messages in English: the examples and the variants
    fewer = [*sources[:2], sources[3]]  # type: ignore[index]
    with_text = [pool(fewer, SECRET, workers=1, progress=False, fast=f, include_text=True, lang="en")
                 for f in (False, True)]
    _assert_same(*with_text)
    assert with_text[1].tables["needs"]["title"].str.len().gt(0).all()


def test_batch_screen_sends_only_unusual_plans_the_one_plan_way(corpus: dict[str, object],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Every broken plan is caught by the screen (and goes the one-plan way); the
    examples, the valid generated plans and the valid oddities never do."""
    slow_way: list[str] = []
    original = batch._extract

    def spy(path: Path, *args: object) -> object:
        slow_way.append(str(path))
        return original(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "_extract", spy)
    folders = [str(p) for p in discover(corpus["sources"])]  # type: ignore[arg-type]
    batch.pool_batch(folders, SECRET, False, None, _Rows(False), set())
    variants: dict[str, Path] = corpus["variants"]  # type: ignore[assignment]
    for name, folder in variants.items():
        assert (str(folder) in slow_way) == name.startswith("broken-"), name
    assert not {str(p) for p in corpus["examples"]} & set(slow_way)  # type: ignore[attr-defined]
    for g in corpus["generated"]:  # type: ignore[attr-defined]
        assert (str(g["path"]) in slow_way) == bool(g["invalid"]), g["path"]


def test_batch_in_small_chunks_and_two_processes(corpus: dict[str, object]) -> None:
    from rtplan.research.pooling import iter_pooled

    folders = discover([corpus["sources"][3]])  # type: ignore[index]
    two = list(iter_pooled(folders, SECRET, workers=2, chunk=7, progress=False))
    slow = list(iter_pooled(folders, SECRET, workers=1, chunk=7, progress=False, fast=False))
    assert len(two) == len(slow) > 5
    for (a, skip_a), (b, skip_b) in zip(two, slow):
        assert skip_a == skip_b
        for name in a:
            pd.testing.assert_frame_equal(a[name], b[name], check_exact=True, obj=name)


FUZZ_VALUES = ("", " ", "0", "-1", "1", "5", "6", "21", "99999999999999999999", "N01", "N99", "P001", "P999",
               "konsensus", "seri", "true", "TRUE", "ya", "2026-01-01", "2027-12-31", "2026-02-30", "19:30", "7.30",
               "25:00", "a;b", "N01;N02", "R01", "L", "x", "ekonomi", "warga", "weekly", "monthly", "once", "sabtu",
               "15", "2-selasa", "inti", "diterima", "gabungan", "kas RT", "0812 3456 7890", "M01", "A01")


def test_batch_equals_the_one_plan_way_after_random_changes(tmp_path: Path) -> None:
    """Generated plans, each changed at one or two random cells (a tricky value, a value
    of another row, a repeated or a dropped row): both ways pool and skip the same."""
    import random

    rng = random.Random(17)
    bases = _gen_module().generate(12, tmp_path / "gen", seed=5, invalid=0.0)
    out = tmp_path / "changed"
    for k in range(60):
        folder = out / f"m{k:03d}"
        shutil.copytree(rng.choice(bases)["path"], folder)
        toml = folder / "plan.toml"
        toml.write_text(toml.read_text(encoding="utf-8").replace('rt = "', f'rt = "{k:03d}', 1), encoding="utf-8")
        for _ in range(rng.choice((1, 1, 2))):
            mutate_one_cell(rng.choice(sorted(folder.glob("*.csv"))), rng, FUZZ_VALUES, (0.5, 0.8, 0.9))
    slow = pool([out], SECRET, workers=1, progress=False, fast=False)
    fast = pool([out], SECRET, workers=1, progress=False, fast=True)
    _assert_same(slow, fast)
    assert 10 < fast.n_plans < 55  # both kinds are there


def test_every_rule_of_the_catalogue_is_declared_once() -> None:
    """Every rule the catalogue words is a declared rule over the tables (run by both the
    one-plan and the pooled executor), a rule of plan.toml, or a rule of reading a file;
    and every column attribute is known to the rules (a new one may need a rule)."""
    import dataclasses

    from rtplan import rules
    from rtplan.messages import _load
    from rtplan.schema import Column

    catalogue = {key.removeprefix("rule.") for key in _load() if key.startswith("rule.")}
    declared = {r.name for r in rules.TABLE_RULES}
    assert catalogue == declared | rules.META_RULES | rules.READ_RULES, \
        catalogue ^ (declared | rules.META_RULES | rules.READ_RULES)
    assert {f.name for f in dataclasses.fields(Column)} == rules.COLUMN_ATTRIBUTES
    assert "SCREENED_RULES" not in vars(batch)  # no second list of the rules
