"""Research across many RTs (issue 17): pooling, anonymisation, export, queries."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import EXAMPLES, copy_example, gen_plans_module

from rtplan.cli import main
from rtplan.research import codebook, query
from rtplan.research.anonymise import Masker, SecretError, load_secret, pseudonym, suppress
from rtplan.research.dataset import export
from rtplan.research.pooling import pool
from rtplan.storage import load_plan

# Dask (2026.8) still calls reset_index(inplace=True), which pandas 3.1 deprecates
DASK_INPLACE = pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index:Warning")
SECRET = b"test-secret-0123456789abcdef"
N_GENERATED = 12


def _gen_module():  # type: ignore[no-untyped-def]
    return gen_plans_module()


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("plans")
    examples = [copy_example(name, root) for name in EXAMPLES]
    generated = _gen_module().generate(N_GENERATED, root / "gen", seed=7, invalid=0.25)
    return {"root": root, "examples": examples, "generated": generated}


@pytest.fixture(scope="module")
def exports(plans: dict[str, object], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("exports")
    sources = [str(p) for p in plans["examples"]] + [str(plans["root"] / "gen")]  # type: ignore[index,operator]
    made = {}
    for name, fmt, text in (("parquet", "parquet", False), ("text", "parquet", True), ("csv", "csv", True),
                            ("xlsx", "xlsx", False)):
        export(sources, out / name, SECRET, fmt=fmt, include_text=text, workers=1, progress=False)
        made[name] = out / name
    return made


def _private_strings(plans: dict[str, object]) -> set[str]:
    """Every participant's name and phone, the officers' names, holders, PICs and contacts."""
    found: set[str] = set()
    folders = list(plans["examples"]) + [g["path"] for g in plans["generated"]  # type: ignore[index,union-attr]
                                          if not g["invalid"]]
    for folder in folders:
        plan = load_plan(folder)
        T = plan.tables
        found |= {str(v) for v in T["participants"]["name"]} | {str(v) for v in T["participants"]["phone"]}
        found |= set(plan.people.values())
        found |= {str(v) for v in T["resources"]["holder"]} | {str(v) for v in T["resources"]["contact"]}
        found |= {str(v) for v in T["activities"]["pic"]}
        found |= {str(v) for c in ("chair", "minute_taker") for v in T["meetings"][c]}
    return {s.strip() for s in found if s and s.strip() and s.strip() != "<NA>"}


def _file_texts(folder: Path) -> list[tuple[Path, str]]:
    """Each output file's raw bytes and its decoded content (Parquet rows, XLSX XML) as text."""
    import pyarrow.parquet as pq

    out = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        raw = path.read_bytes().decode("latin-1")
        out.append((path, raw))
        if path.suffix == ".parquet":
            out.append((path, pq.read_table(path).to_pandas().to_csv()))
        elif path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                out.append((path, "\n".join(z.read(n).decode("utf-8") for n in z.namelist())))
        else:
            out.append((path, path.read_text(encoding="utf-8")))
    return out


def test_pooling_examples_and_generated_plans(plans: dict[str, object]) -> None:
    sources = [str(p) for p in plans["examples"]] + [str(plans["root"] / "gen")]  # type: ignore[index,operator]
    pooled = pool(sources, SECRET, workers=1, progress=False)
    generated = plans["generated"]
    bad = {str(g["path"]) for g in generated if g["invalid"]}  # type: ignore[union-attr]
    assert len(bad) == 3
    assert {s.path for s in pooled.skipped} == bad
    assert all(s.reasons and all(r.strip() for r in s.reasons) for s in pooled.skipped)
    assert pooled.n_plans == len(EXAMPLES) + N_GENERATED - len(bad)
    for name, frame in pooled.tables.items():
        assert list(frame.columns) == [v.name for v in codebook.columns(name)]
        for var in codebook.columns(name):
            if var.allowed:
                values = {str(v).lower() for v in frame[var.name].dropna()}
                assert values <= {a.lower() for a in var.allowed}, (name, var.name, values)
        assert set(frame["plan_id"]) <= set(pooled.tables["plans"]["plan_id"]), name
    # the example's final order is the one rtplan.needs gives the facilitator
    from rtplan.needs import final_order

    example = load_plan(plans["examples"][0])  # type: ignore[index]
    plan_row = pooled.tables["plans"].query("rt == '05' and rw == '03' and city == 'Kota Semarang'")
    needs = pooled.tables["needs"][pooled.tables["needs"]["plan_id"] == plan_row["plan_id"].iloc[0]]
    ordered = needs.sort_values("final_rank")["need_id"].tolist()
    assert ordered == final_order(example).order
    assert len(pooled.tables["participants"]) > 100
    assert set(pooled.tables["participants"]["age_band"]) <= set(codebook.TABLES["participants"][2].allowed)
    totals = pooled.tables["budget"].groupby("plan_id")["available_idr"].sum()
    assert int(totals[plan_row["plan_id"].iloc[0]]) == int(example["funds"]["amount_idr"].sum())


def test_generated_valid_plans_pass_rtplan_validate(plans: dict[str, object],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    valid = [g for g in plans["generated"] if not g["invalid"]]  # type: ignore[union-attr]
    for g in valid[:4]:
        assert main(["validate", str(g["path"])]) == 0
    broken = [g for g in plans["generated"] if g["invalid"]]  # type: ignore[union-attr]
    assert all(main(["validate", str(g["path"])]) != 0 for g in broken)


def test_no_name_phone_or_contact_in_any_output_file(plans: dict[str, object], exports: dict[str, Path]) -> None:
    private = _private_strings(plans)
    assert len(private) > 300
    lowered = [p.lower() for p in private]
    for folder in exports.values():
        texts = _file_texts(folder)
        assert len(texts) > 10
        for path, text in texts:
            low = text.lower()
            hits = [p for p in lowered if p in low]
            assert not hits, f"{path}: {hits[:5]}"
    # the free text really is there with --include-text, with the names masked
    needs = pd.read_parquet(exports["text"] / "needs")
    assert needs["title"].str.len().gt(0).all()
    assert needs["description"].str.contains("[nama]", regex=False).any()
    assert (SECRET.decode() not in "".join(t for _, t in _file_texts(exports["text"])))


def test_pseudonyms_stable_with_same_secret_and_different_with_another(plans: dict[str, object]) -> None:
    sources = [str(p) for p in plans["examples"]]  # type: ignore[union-attr]
    a = pool(sources, SECRET, workers=1, progress=False).tables["participants"]["person"].tolist()
    b = pool(sources, SECRET, workers=1, progress=False).tables["participants"]["person"].tolist()
    c = pool(sources, b"another-secret-0123456789", workers=1, progress=False).tables["participants"]["person"]
    assert a == b
    assert len(set(a)) == len(a)
    assert not set(a) & set(c)
    assert pseudonym(SECRET, "x", "P001") != pseudonym(SECRET, "x", "P002")


def test_secret_is_required_and_kept_outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("RTPLAN_RESEARCH_SECRET", raising=False)
    monkeypatch.delenv("RTPLAN_RESEARCH_SECRET_FILE", raising=False)
    with pytest.raises(SecretError):
        load_secret()
    with pytest.raises(SecretError):
        load_secret(tmp_path / "out" / "key", create=True, out=tmp_path / "out")
    secret, path, created = load_secret(tmp_path / "key", create=True, out=tmp_path / "out")
    assert created
    assert path == tmp_path / "key"
    assert len(secret) == 64
    assert (path.stat().st_mode & 0o077) == 0
    assert load_secret(tmp_path / "key")[0] == secret
    example = copy_example(EXAMPLES[0], tmp_path)
    assert main(["research", "export", str(example), "-o", str(tmp_path / "o1")]) == 2
    assert "--secret-file" in capsys.readouterr().err
    assert not (tmp_path / "o1").exists()


def test_suppression_blanks_small_cells() -> None:
    frame = pd.DataFrame({"g": ["a", "b", "c"], "n": [0, 3, 12], "share": [0.0, 20.0, 80.0]})
    out = suppress(frame, ["n"], k=5, derived={"share": "n"})
    assert out["n"].tolist()[0] == 0
    assert out["n"].isna().tolist() == [False, True, False]
    assert out["share"].isna().tolist() == [False, True, False]
    assert suppress(frame, ["n"], k=3)["n"].isna().tolist() == [False, False, False]


def test_publication_tables_and_queries_are_suppressed(exports: dict[str, Path]) -> None:
    k = 5
    tables = sorted((exports["parquet"] / "tables").glob("*.csv"))
    assert len(tables) == 6
    seen_blank = False
    for path in tables:
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        counts = [c for c in rows[0] if c in ("L", "P", "total", "<18", "18-24", "25-39", "40-59", "60+",
                                              "warga", "PKK", "pengurus RT")]
        assert counts
        for row in rows:
            for c in counts:
                seen_blank |= row[c] == ""
                assert row[c] == "" or int(row[c]) == 0 or int(row[c]) >= k, (path.name, row)
    assert seen_blank  # with RTs of 15-60 people some cells are small
    for frame in (query.participation(exports["parquet"], "group", "plan"), query.ladder(exports["parquet"], "group")):
        numeric = frame.select_dtypes("number")
        assert ((numeric.isna()) | (numeric == 0) | (numeric >= k) | numeric.columns.str.endswith("_pct")).all().all()


def test_codebook_describes_every_exported_column(exports: dict[str, Path]) -> None:
    import pyarrow.dataset as ds
    from openpyxl import load_workbook

    for name, folder in exports.items():
        book = pd.read_csv(folder / "codebook.csv", keep_default_na=False)
        assert (book[["type", "meaning_id", "meaning_en"]] != "").all().all()
        described = {(r.table, r.column) for r in book.itertuples()}
        manifest = json.loads((folder / "manifest.json").read_text())
        found = set()
        if manifest["format"] == "parquet":
            for table in codebook.TABLES:
                dataset = ds.dataset(folder / table, format="parquet", partitioning="hive")
                found |= {(table, c) for c in dataset.schema.names}
        elif manifest["format"] == "csv":
            for table in codebook.TABLES:
                header = (folder / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
                found |= {(table, c) for c in header}
        else:
            wb = load_workbook(folder / "research.xlsx", read_only=True)
            for table in codebook.TABLES:
                found |= {(table, c.value) for c in next(wb[table].iter_rows(max_row=1))}
            wb.close()
        assert found == described, (name, found ^ described)
    text_cols = set(pd.read_csv(exports["text"] / "codebook.csv").query("free_text")["column"])
    assert {"title", "description"} <= text_cols
    assert not set(pd.read_csv(exports["parquet"] / "codebook.csv").query("free_text")["column"])


@DASK_INPLACE
def test_parquet_is_read_alike_by_duckdb_pandas_and_dask(exports: dict[str, Path]) -> None:
    import dask.dataframe as dd

    out = exports["parquet"]
    n_duck = int(query.sql(out, "SELECT count(*) AS n FROM needs")["n"].iloc[0])
    assert n_duck == len(pd.read_parquet(out / "needs")) == len(dd.read_parquet(str(out / "needs")).compute())
    cities = query.sql(out, "SELECT DISTINCT city FROM plans ORDER BY city")["city"].tolist()
    assert "Kota Semarang" in cities
    assert "Kota Administrasi Jakarta Utara" in cities


@DASK_INPLACE
def test_duckdb_and_dask_cluster_give_the_same_summary(exports: dict[str, Path]) -> None:
    from distributed import Client, LocalCluster

    out = exports["parquet"]
    duck = query.participation(out, "sex", "city", k=5)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        dask_result = query.participation_dask(out, "sex", k=5, client=client)
    pd.testing.assert_frame_equal(duck.reset_index(drop=True), dask_result.reset_index(drop=True),
                                  check_dtype=False)
    assert int(duck["total"].sum()) > 100


def test_masker_hides_registered_names_and_phones() -> None:
    mask = Masker(["Sari Wulandari", "Maryam"])
    assert mask("Dilatih Sari Wulandari dan maryam, hubungi 0812-3456-7890") == (
        "Dilatih [nama] dan [nama], hubungi [telepon]")
    assert mask("Marya tidak") == "Marya tidak"


def test_cli_export_csv_and_summary(plans: dict[str, object], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "riset"
    key = tmp_path / "kunci.txt"
    args = ["research", "export", *map(str, plans["examples"]), "-o", str(out),  # type: ignore[call-overload]
            "--secret-file", str(key), "--lang", "en"]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert str(key) in captured.err
    assert "2 plans exported" in captured.out
    assert main(args) == 2  # the folder is not empty any more: nothing is overwritten
    capsys.readouterr()
    assert main(["research", "summary", str(out), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "2 RT plans in 2 cities" in text
    assert "Participants by sex" in text
    assert "Funding mix" in text


def test_only_explicit_consent_enters_the_person_table(tmp_path: Path) -> None:
    """UU PDP: consent is given, not assumed; "not asked yet" (empty) is counted, never listed."""
    plan = copy_example(EXAMPLES[0], tmp_path)
    path = plan / "participants.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    asked = [r for r in rows if r["consent"] == "true"]
    asked[0]["consent"] = ""  # not asked yet
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    given = sum(r["consent"] == "true" for r in rows)
    for fast in (True, False):
        pooled = pool([str(plan)], SECRET, workers=1, progress=False, fast=fast)
        plans_row = pooled.tables["plans"].iloc[0]
        assert len(pooled.tables["participants"]) == given
        assert int(plans_row["participants"]) == given
        assert int(plans_row["participants_no_consent"]) == len(rows) - given
