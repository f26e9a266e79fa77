"""A large fictional plan for the documents' tests: 60 participants, 40 needs, 30 activities,
80 ledger entries and 65 realizations over a 24-month period, with three meetings.

Grown from the main example (its plan.toml, meetings, people and texts) with a seeded
random generator, written as plain CSV in the schema's column order; it passes
``rtplan validate`` (tests/test_documents_large.py checks it). Every name is made up.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path

import pandas as pd

from rtplan.schema import TABLES

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "contoh-rt05-rw03"
PERIOD = (dt.date(2026, 12, 1), dt.date(2028, 11, 30))  # 24 months
SIZES = {"participants": 60, "needs": 40, "activities": 30, "ledger": 80, "realizations": 65}
FIRST = ("Agus", "Ani", "Bayu", "Dewi", "Dimas", "Endang", "Fajar", "Fitri", "Hadi", "Ika", "Imam", "Lina",
         "Rizky", "Ratna", "Teguh", "Wulan", "Yusuf", "Sri", "Joko", "Kartini")
LAST = ("Hartono", "Kurniasih", "Santoso", "Prasetyo", "Susilo", "Pratama", "Saputra", "Rahayu",
        "Setiawan", "Nugroho", "Utami", "Gunawan", "Purnomo", "Handayani", "Kusuma", "Wibowo")
CATEGORIES = ("ekonomi", "kesehatan", "pendidikan", "lingkungan", "infrastruktur", "sosial-budaya", "keamanan")
KINDS = ("pelatihan", "pendidikan", "kesehatan", "lingkungan", "sosial", "ekonomi")
FUNDING = ("kas RT", "swadaya warga", "dana kelurahan", "CSR", "hibah")


def _write(folder: Path, name: str, rows: list[dict[str, object]]) -> None:
    columns = TABLES[name].column_names
    pd.DataFrame(rows, columns=columns).to_csv(folder / f"{name}.csv", index=False)


def _read(folder: Path, name: str) -> list[dict[str, object]]:
    frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
    return list(frame.to_dict("records"))


def make_large_plan(dest: Path, seed: int = 26, activities: int = SIZES["activities"]) -> Path:
    """Write the large plan to ``dest/besar`` and return its folder (``activities``: how many;
    60 and 100 check that the charts still hold every one)."""
    rng = random.Random(seed)
    folder = dest / "besar"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns(".history", ".rtplan.lock"))
    toml = (folder / "plan.toml").read_text(encoding="utf-8")
    toml = re.sub(r"start = \S+\nend = \S+", f"start = {PERIOD[0]}\nend = {PERIOD[1]}", toml)
    (folder / "plan.toml").write_text(toml, encoding="utf-8")
    days = (PERIOD[1] - PERIOD[0]).days

    def day(lo: int = 0, hi: int | None = None) -> dt.date:
        return PERIOD[0] + dt.timedelta(days=rng.randint(lo, days if hi is None else hi))

    people = _read(folder, "participants")
    used = {str(p["name"]) for p in people}
    while len(people) < SIZES["participants"]:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name in used:
            continue
        used.add(name)
        people.append({"participant_id": f"P{len(people) + 1:03d}", "name": name, "sex": rng.choice("LP"),
                       "age_band": rng.choice(("18-24", "25-39", "40-59", "60+")), "group": "warga",
                       "has_disability": "false", "phone": "", "consent": "true"})
    _write(folder, "participants", people)
    ids = [str(p["participant_id"]) for p in people]

    meetings = _read(folder, "meetings")
    meetings.append({**meetings[-1], "meeting_id": "M03", "date": "2028-11-20",
                     "title": "Evaluasi Dua Tahun Rencana Pemberdayaan"})
    _write(folder, "meetings", meetings)
    attendance = _read(folder, "attendance")
    attendance += [{"meeting_id": "M03", "participant_id": p} for p in rng.sample(ids, 45)]
    _write(folder, "attendance", attendance)

    needs = _read(folder, "needs")
    while len(needs) < SIZES["needs"]:
        n = len(needs) + 1
        needs.append({"need_id": f"N{n:02d}", "title": f"Kebutuhan warga nomor {n} di gang {rng.randint(1, 9)}",
                      "category": rng.choice(CATEGORIES), "description": "Diusulkan dalam musyawarah",
                      "location": "Seluruh RT 05", "households_affected": rng.randint(2, 40),
                      "raised_by": "", "source": "musyawarah", "status": "usulan"})
    _write(folder, "needs", needs)
    need_ids = [str(n["need_id"]) for n in needs]
    usg = _read(folder, "usg_scores")
    usg += [{"need_id": n, "scorer": "konsensus", "urgency": rng.randint(1, 5), "seriousness": rng.randint(1, 5),
             "growth": rng.randint(1, 5)} for n in need_ids[14:]]
    _write(folder, "usg_scores", usg)

    n_activities = activities
    activities = _read(folder, "activities")
    for a in activities:
        a["end_date"] = a["end_date"] or a["start_date"]
    while len(activities) < n_activities:
        n = len(activities) + 1
        first = day(0, days - 120)
        rec = rng.choice(("once", "weekly", "monthly", "monthly"))
        last = first if rec == "once" else first + dt.timedelta(days=rng.randint(30, 360))
        last = min(last, PERIOD[1])
        activities.append({
            "activity_id": f"A{n:02d}", "title": f"Kegiatan warga {n}: {rng.choice(KINDS)} bersama",
            "kind": rng.choice(KINDS), "need_ids": ";".join(rng.sample(need_ids, 2)), "resource_ids": "",
            "pic": rng.choice([str(p["name"]) for p in people[:30]]), "start_date": first.isoformat(),
            "end_date": last.isoformat(), "recurrence": rec,
            "recurrence_day": {"once": "", "weekly": "sabtu", "monthly": "15"}[rec],
            "start_time": "08:00", "end_time": "10:00", "venue": "Balai Warga RT 05",
            "target_participants": rng.randint(5, 40), "cost_idr": rng.choice((0, 250000, 500000, 1200000)),
            "funding_source": rng.choice(FUNDING), "indicator": "peserta hadir",
            "status": rng.choice(("rencana", "berjalan", "selesai")), "decided_in": rng.choice(("M02", "M03"))})
    _write(folder, "activities", activities)

    real = _read(folder, "realizations")
    running = [a for a in activities[12:] if a["status"] != "rencana"]
    while len(real) < SIZES["realizations"]:
        a = rng.choice(running)
        start, end = dt.date.fromisoformat(str(a["start_date"])), dt.date.fromisoformat(str(a["end_date"]))
        when = start + dt.timedelta(days=rng.randint(0, (end - start).days))
        if any(r["activity_id"] == a["activity_id"] and r["date"] == when.isoformat() for r in real):
            continue
        real.append({"activity_id": a["activity_id"], "date": when.isoformat(), "participants_l": rng.randint(0, 12),
                     "participants_p": rng.randint(0, 12), "cost_idr": 0, "output": "Terlaksana", "notes": ""})
    _write(folder, "realizations", real)

    ledger = _read(folder, "ledger")
    month = PERIOD[0]
    while len(ledger) < SIZES["ledger"]:
        k = len(ledger) + 1
        income = k % 2 == 0
        when = month + dt.timedelta(days=rng.randint(0, 27))
        ledger.append({"entry_id": f"K{k:03d}", "date": when.isoformat(),
                       "description": "Iuran kas bulanan" if income else "Belanja kegiatan",
                       "income_idr": rng.randint(20, 60) * 10000 if income else 0,
                       "expense_idr": 0 if income else rng.randint(5, 25) * 10000, "activity_id": "",
                       "category": "iuran" if income else "operasional", "proof": f"nota {k}"})
        if k % 2:
            month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            if month > PERIOD[1]:
                month = PERIOD[0]
    _write(folder, "ledger", ledger)
    return folder
