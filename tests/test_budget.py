"""Step 3 budget: totals per funding source against funds.csv, shortfalls, months, swadaya."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtplan import storage
from rtplan.budget import (
    activity_costs,
    budget_by_source,
    budget_summary,
    is_swadaya,
    monthly_costs,
    monthly_table,
    spread,
)
from rtplan.views.schedule import budget_lines, budget_view


@pytest.fixture
def main_plan(example_dir: Path):  # type: ignore[no-untyped-def]
    return storage.load_plan(example_dir)


def _source(plan, name: str):  # type: ignore[no-untyped-def]
    return next(s for s in budget_summary(plan).sources if s.funding_source == name)


def test_totals_and_shortfall_per_source_on_the_main_example(main_plan) -> None:  # type: ignore[no-untyped-def]
    summary = budget_summary(main_plan)
    got = {s.funding_source: (s.planned_idr, s.available_idr, s.shortfall_idr, s.remaining_idr)
           for s in summary.sources}
    assert got == {
        "kas RT": (3_450_000, 3_500_000, 0, 50_000),
        "swadaya warga": (3_000_000, 3_200_000, 0, 200_000),
        "dana kelurahan": (7_300_000, 6_000_000, 1_300_000, 0),
        "CSR": (5_100_000, 5_500_000, 0, 400_000),
        "hibah": (1_200_000, 1_500_000, 0, 300_000),
    }
    assert [s.funding_source for s in summary.sources] == ["kas RT", "swadaya warga", "dana kelurahan", "CSR", "hibah"]
    assert (summary.planned_idr, summary.available_idr, summary.shortfall_idr) == (20_050_000, 19_700_000, 1_300_000)
    assert _source(main_plan, "dana kelurahan").activity_ids == ("A02", "A03", "A09", "A11")


def test_share_of_swadaya(main_plan) -> None:  # type: ignore[no-untyped-def]
    summary = budget_summary(main_plan)
    assert summary.swadaya_idr == 3_000_000
    assert summary.swadaya_share == pytest.approx(3_000_000 / 20_050_000)
    assert "Swadaya warga: Rp 3.000.000 (15% dari rencana biaya)." in budget_lines(summary)
    assert is_swadaya("Iuran/Swadaya Warga") and not is_swadaya("kas RT")


def test_shortfall_sentence_and_rupiah_formatting(main_plan) -> None:  # type: ignore[no-untyped-def]
    summary = budget_summary(main_plan)
    lines = budget_lines(summary)
    assert "dana kelurahan kurang Rp 1.300.000 (rencana Rp 7.300.000, tersedia Rp 6.000.000)." in lines
    cells = budget_view(summary).cells()
    assert cells[-1][:4] == ["Jumlah", "Rp 20.050.000", "Rp 19.700.000", "Rp 1.300.000"]
    assert budget_view(summary, "en").cells()[2][3] == "Rp 1,300,000"


def test_no_shortfall_is_said_plainly(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    summary = budget_summary(plan)
    assert (summary.shortfall_idr == 0) == ("Setiap sumber dana mencukupi rencana biayanya." in budget_lines(summary))


def test_sources_match_ignoring_case_and_unknown_sources_have_nothing_available(main_plan) -> None:  # type: ignore[no-untyped-def]
    acts = main_plan.copy_table("activities").astype("object")
    acts.loc[acts["activity_id"] == "A04", "funding_source"] = "Kas  rt"
    acts.loc[acts["activity_id"] == "A07", "funding_source"] = "Baznas"
    acts.loc[acts["activity_id"] == "A12", "funding_source"] = ""
    sources = {s.funding_source: s for s in budget_by_source(acts, main_plan["funds"])}
    assert sources["kas RT"].planned_idr == 3_450_000 - 1_350_000
    assert sources["Baznas"].available_idr == 0 and sources["Baznas"].shortfall_idr == 1_200_000
    assert sources["hibah"].planned_idr == 0 and sources["hibah"].remaining_idr == 1_500_000
    assert sources[""].planned_idr == 1_350_000 and sources[""].activity_ids == ("A12",)
    assert list(sources)[-2:] == ["Baznas", ""]  # after funds.csv's sources


def test_cancelled_activities_cost_nothing(main_plan) -> None:  # type: ignore[no-untyped-def]
    acts = main_plan.copy_table("activities").astype("object")
    acts.loc[acts["activity_id"] == "A09", "status"] = "batal"
    sources = {s.funding_source: s for s in budget_by_source(acts, main_plan["funds"])}
    assert sources["dana kelurahan"].planned_idr == 6_300_000
    assert sources["dana kelurahan"].shortfall_idr == 300_000


def test_cost_per_activity_counts_sessions_in_the_period(main_plan) -> None:  # type: ignore[no-untyped-def]
    costs = activity_costs(main_plan).set_index("activity_id")
    assert costs.loc["A01", ["sessions", "cost_idr", "cost_per_session_idr"]].tolist() == [12, 3_600_000, 300_000]
    assert costs.loc["A03", "sessions"] == 6  # second Sunday, Dec 2026 - May 2027
    assert costs.loc["A08", ["sessions", "cost_per_session_idr"]].tolist() == [1, 1_500_000]


@given(st.integers(min_value=0, max_value=10**10), st.integers(min_value=1, max_value=400))
def test_spread_always_adds_up(total: int, parts: int) -> None:
    pieces = spread(total, parts)
    assert len(pieces) == parts and sum(pieces) == total and max(pieces) - min(pieces) <= 1


def test_monthly_costs_add_up_to_the_planned_total(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    table = monthly_table(plan)
    assert int(table["total"].sum()) == budget_summary(plan).planned_idr
    per_activity = monthly_costs(plan).groupby("activity_id")["cost_idr"].sum()
    costs = activity_costs(plan).set_index("activity_id")["cost_idr"]
    pd.testing.assert_series_equal(per_activity.sort_index(), costs.sort_index(), check_names=False)


def test_monthly_table_spreads_each_cost_over_its_sessions(main_plan) -> None:  # type: ignore[no-untyped-def]
    table = monthly_table(main_plan).set_index("month")
    assert list(table.index) == ["2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05"]
    # CSR: A01 (12 Saturdays, Rp 300.000 each: 3 in Dec, 5 in Jan, 4 in Feb) + A08 (Jan, Rp 1.500.000)
    assert table["CSR"].tolist() == [900_000, 3_000_000, 1_200_000, 0, 0, 0]


def test_months_without_spending_are_listed(make_plan: Callable[..., Path]) -> None:
    plan = storage.load_plan(make_plan())
    table = monthly_table(plan)
    assert len(table) == 6 and table["total"].sum() == 0
    assert budget_summary(plan).swadaya_share == 0.0
