"""Query a Parquet research export without loading it: DuckDB (embedded, the default)
and Dask (the same files, on a cluster when one machine is not enough).

Every function returns a small DataFrame; those counting people are suppressed
(cells of 1 to k-1 people blanked, and the shares computed from them).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from rtplan.exceptions import RtplanError
from rtplan.messages import t
from rtplan.research import codebook
from rtplan.research.anonymise import K_DEFAULT, suppress
from rtplan.research.dataset import read_manifest

if TYPE_CHECKING:  # pragma: no cover
    import duckdb
    from distributed import Client

LADDER = ("attended", "raised_need", "scored_or_voted", "won_priority")


def connect(out: str | os.PathLike[str], lang: str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per research table of ``out``."""
    import duckdb

    manifest = read_manifest(out, lang)
    if manifest.get("format") != "parquet":
        raise RtplanError(t("research.not_parquet", lang, out=out, fmt=manifest.get("format")))
    con = duckdb.connect()
    for name in codebook.TABLES:
        pattern = (Path(out) / name / "**" / "*.parquet").as_posix().replace("'", "''")
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern}', hive_partitioning=true, "
                    "hive_types={'province': VARCHAR, 'city': VARCHAR}, union_by_name=true)")
    return con


def sql(out: str | os.PathLike[str], query: str) -> pd.DataFrame:
    """Run one SQL query over the export's views (tables by their codebook names)."""
    con = connect(out)
    try:
        return con.execute(query).df()
    finally:
        con.close()


def overview(out: str | os.PathLike[str]) -> dict[str, int]:
    row = sql(out, "SELECT (SELECT count(*) FROM plans) AS plans, (SELECT count(DISTINCT city) FROM plans) "
                   "AS cities, (SELECT count(*) FROM participants) AS participants")
    return {k: int(v) for k, v in row.iloc[0].items()}


def participation(out: str | os.PathLike[str], by: str = "sex", level: str = "city",
                  k: int = K_DEFAULT) -> pd.DataFrame:
    """People by ``sex``, ``age_band`` or ``group``, per ``city``, ``province``, ``plan`` or ``all``,
    wide with a total; counts under ``k`` suppressed."""
    if by not in ("sex", "age_band", "group"):
        raise ValueError(by)
    keys = {"city": ["province", "city"], "province": ["province"], "all": [],
            "plan": ["province", "city", "kecamatan", "kelurahan", "rw", "rt", "plan_id"]}[level]
    group = ", ".join([*keys, f'"{by}"'])
    long = sql(out, f'SELECT {group}, count(*) AS n FROM participants GROUP BY {group} ORDER BY {group}')
    return _wide(long, keys, by, k)


def _wide(long: pd.DataFrame, keys: list[str], by: str, k: int) -> pd.DataFrame:
    if long.empty:
        return pd.DataFrame(columns=[*keys, "total"])
    if keys:
        wide = long.pivot_table(index=keys, columns=by, values="n", aggfunc="sum", fill_value=0)
        wide = wide.reset_index()
    else:
        wide = long.set_index(by)[["n"]].T.reset_index(drop=True)
    wide.columns = [str(c) for c in wide.columns]
    values = [c for c in wide.columns if c not in keys]
    wide["total"] = wide[values].sum(axis=1)
    for c in [*values, "total"]:
        wide[c] = wide[c].astype("int64")
    return suppress(wide, [*values, "total"], k)


def ladder(out: str | os.PathLike[str], by: str = "sex", k: int = K_DEFAULT) -> pd.DataFrame:
    """Arnstein's ladder as a reading guide: of each ``by`` value, how many attended a
    meeting, raised a need, scored or voted, and saw a need they raised win a top-3 place.
    Counts under ``k`` and the shares resting on them are suppressed."""
    if by not in ("sex", "age_band", "group"):
        raise ValueError(by)
    frame = sql(out, f"""
        SELECT "{by}" AS value, count(*) AS participants,
               count(*) FILTER (WHERE meetings_attended > 0) AS attended,
               count(*) FILTER (WHERE needs_raised > 0) AS raised_need,
               count(*) FILTER (WHERE usg_scored > 0 OR dots_given > 0 OR pairs_judged > 0) AS scored_or_voted,
               count(*) FILTER (WHERE won_priority) AS won_priority
        FROM participants GROUP BY "{by}" ORDER BY "{by}" """)
    for c in LADDER:
        frame[f"{c}_pct"] = (100 * frame[c] / frame["participants"]).round(1)
    return suppress(frame, ["participants", *LADDER], k, {f"{c}_pct": c for c in LADDER})


def needs_by_category(out: str | os.PathLike[str]) -> pd.DataFrame:
    """Needs per category across RTs: how many, in how many RTs, how often ranked first or top 3."""
    return sql(out, """
        SELECT category, count(*) AS needs, count(DISTINCT plan_id) AS plans,
               count(*) FILTER (WHERE final_rank = 1) AS rank_1,
               count(*) FILTER (WHERE final_rank <= 3) AS top_3,
               round(avg(final_rank), 2) AS mean_final_rank
        FROM needs GROUP BY category ORDER BY rank_1 DESC, top_3 DESC, category""")


def method_disagreement(out: str | os.PathLike[str]) -> pd.DataFrame:
    """How often the three ranking methods disagree: per pair of methods, plans where both
    were used, how often their first need differs, and the mean rank correlation."""
    return sql(out, """
        WITH firsts AS (
            SELECT plan_id,
                   arg_min(need_id, usg_rank) FILTER (WHERE usg_rank IS NOT NULL) AS usg,
                   arg_min(need_id, dots_rank) FILTER (WHERE dots_rank IS NOT NULL) AS dots,
                   arg_min(need_id, pairwise_rank) FILTER (WHERE pairwise_rank IS NOT NULL) AS pairwise
            FROM needs GROUP BY plan_id),
        pairs AS (
            SELECT 'usg' AS method_a, 'dots' AS method_b, usg AS a, dots AS b, plan_id FROM firsts
            UNION ALL SELECT 'usg', 'pairwise', usg, pairwise, plan_id FROM firsts
            UNION ALL SELECT 'dots', 'pairwise', dots, pairwise, plan_id FROM firsts),
        tops AS (
            SELECT method_a, method_b, count(*) FILTER (WHERE a IS NOT NULL AND b IS NOT NULL) AS plans,
                   count(*) FILTER (WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b) AS first_differs
            FROM pairs GROUP BY method_a, method_b),
        corr AS (
            SELECT method_a, method_b, round(avg(spearman), 3) AS mean_spearman,
                   round(avg(kendall), 3) AS mean_kendall
            FROM method_agreement GROUP BY method_a, method_b)
        SELECT tops.*, round(100.0 * first_differs / nullif(plans, 0), 1) AS first_differs_pct,
               corr.mean_spearman, corr.mean_kendall
        FROM tops LEFT JOIN corr USING (method_a, method_b) ORDER BY method_a, method_b""")


def assets_per_household(out: str | os.PathLike[str]) -> pd.DataFrame:
    """ABCD assets per 100 households, by category, per city."""
    return sql(out, """
        WITH hh AS (SELECT province, city, CAST(sum(households) AS BIGINT) AS households, count(*) AS plans
                    FROM plans GROUP BY province, city),
             res AS (SELECT province, city, category, count(*) AS assets FROM resources
                     GROUP BY province, city, category)
        SELECT res.province, res.city, res.category, res.assets, hh.plans, hh.households,
               round(100.0 * res.assets / nullif(hh.households, 0), 2) AS per_100_households
        FROM res JOIN hh USING (province, city) ORDER BY res.province, res.city, res.category""")


def funding_mix(out: str | os.PathLike[str]) -> pd.DataFrame:
    """Money by funding source over all plans: available, planned, realized, and shares."""
    return sql(out, """
        SELECT funding_source, count(DISTINCT plan_id) AS plans, CAST(sum(available_idr) AS BIGINT) AS available_idr,
               CAST(sum(planned_idr) AS BIGINT) AS planned_idr, CAST(sum(realized_idr) AS BIGINT) AS realized_idr,
               round(100.0 * sum(planned_idr) / sum(sum(planned_idr)) OVER (), 1) AS planned_pct
        FROM budget GROUP BY funding_source ORDER BY planned_idr DESC, funding_source""")


def plan_vs_realization(out: str | os.PathLike[str]) -> pd.DataFrame:
    """Activities by kind: planned against done (sessions, participants, cost)."""
    return sql(out, """
        SELECT kind, count(*) AS activities,
               count(*) FILTER (WHERE sessions_done > 0) AS with_realization,
               count(*) FILTER (WHERE status = 'batal') AS cancelled,
               CAST(sum(target_participants) AS BIGINT) AS target_participants,
               CAST(sum(participants_l_done + participants_p_done) AS BIGINT) AS participants_done,
               CAST(sum(cost_idr) AS BIGINT) AS planned_idr, CAST(sum(cost_done_idr) AS BIGINT) AS realized_idr,
               round(100.0 * sum(cost_done_idr) / nullif(sum(cost_idr), 0), 1) AS realized_pct
        FROM activities GROUP BY kind ORDER BY kind""")


def participation_dask(out: str | os.PathLike[str], by: str = "sex", k: int = K_DEFAULT,
                       client: Client | None = None) -> pd.DataFrame:
    """:func:`participation` per city computed with Dask from the same Parquet files
    (on ``client``'s cluster when given, else Dask's default scheduler)."""
    import dask.dataframe as dd

    frame = dd.read_parquet(str(Path(out) / "participants"), columns=["province", "city", by])
    counts = frame.groupby(["province", "city", by], observed=True).size()
    # distributed leaves Client.compute unannotated
    long = client.compute(counts).result() if client is not None else counts.compute()  # type: ignore[no-untyped-call]
    long = long.rename("n").reset_index()
    for c in ("province", "city", by):
        long[c] = long[c].astype(str)
    long = long[long["n"] > 0].sort_values(["province", "city", by]).reset_index(drop=True)
    return _wide(long, ["province", "city"], by, k)
