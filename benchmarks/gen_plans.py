"""Make N fictional, realistic RT plan folders (for research pooling tests and benchmarks).

    python benchmarks/gen_plans.py N OUT [--seed 1] [--invalid 0.05]

Every name, phone number and place is made up from short lists of common Indonesian
names; nothing describes a real person or RT. Plans vary in size (15-60 participants,
4-16 needs, 0-40 resources), region (provinces and cities below), the ranking methods
used (USG, dot voting, pairwise: each present or not) and the money tables. About
``--invalid`` of them are broken on purpose in one of four ways (an age band that is
not allowed, an attendance row for an unknown participant, a ``plan.toml`` that is not
TOML, a folder without ``plan.toml``): pooling must report and skip them. The valid
ones pass ``rtplan validate`` (tests/test_research.py checks a sample).

Plans are written as plain CSV text (not through rtplan's saver), so making 30,000
of them takes about a minute rather than an hour; the files follow the plan-folder
contract of ``shared/design.md`` exactly.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
from pathlib import Path

REGIONS = (
    ("DKI Jakarta", "Kota Administrasi Jakarta Utara", ("Tanjung Rawa", "Koja Baru")),
    ("DKI Jakarta", "Kota Administrasi Jakarta Timur", ("Cakung Asri", "Duren Raya")),
    ("DKI Jakarta", "Kota Administrasi Jakarta Selatan", ("Kebon Jeruk Lama", "Pasar Minggu Baru")),
    ("Jawa Tengah", "Kota Semarang", ("Cempaka", "Tembalang Asri")),
    ("Jawa Timur", "Kota Surabaya", ("Rungkut Indah", "Wonokromo Baru")),
    ("Jawa Barat", "Kota Bandung", ("Cibeunying Asri", "Antapani Lama")),
    ("DI Yogyakarta", "Kota Yogyakarta", ("Gondokusuman Baru",)),
    ("Sulawesi Selatan", "Kota Makassar", ("Panakkukang Asri",)),
)
KELURAHAN = ("Sukamaju", "Kali Asri", "Mekarsari", "Harapan Jaya", "Sido Rukun", "Tunas Baru",
             "Suka Damai", "Karya Bakti", "Bumi Indah", "Mulyorejo Baru")
FIRST_L = ("Agus", "Bambang", "Budi", "Dedi", "Eko", "Fajar", "Hadi", "Heru", "Joko", "Rizky",
           "Slamet", "Wahyu", "Yusuf", "Andi", "Rohmat", "Teguh", "Imam", "Bayu", "Dimas", "Sutrisno")
FIRST_P = ("Ani", "Dewi", "Endang", "Fitri", "Ika", "Lestari", "Maryam", "Nur", "Rina", "Sari",
           "Siti", "Sri", "Tuti", "Wati", "Yanti", "Ratna", "Wulan", "Indah", "Kartini", "Lina")
LAST = ("Hartono", "Lestari", "Aminah", "Kurniasih", "Santoso", "Wulandari", "Hidayat", "Prasetyo",
        "Susilo", "Riyadi", "Pratama", "Hidayah", "Alawiyah", "Saputra", "Rahayu", "Setiawan",
        "Nugroho", "Permata", "Utami", "Gunawan", "Purnomo", "Handayani", "Kusuma", "Wibowo")
AGE_BANDS = ("<18", "18-24", "25-39", "40-59", "60+")
AGE_WEIGHTS = (2, 8, 30, 40, 20)
GROUPS = ("warga", "pengurus RT", "PKK", "Karang Taruna", "kader posyandu", "tokoh agama",
          "tokoh masyarakat", "UMKM")
GROUP_WEIGHTS = (50, 6, 12, 8, 6, 4, 4, 6)
NEEDS = (
    ("ekonomi", "Ibu rumah tangga belum punya penghasilan tambahan"),
    ("ekonomi", "UMKM warga sulit memasarkan produk"),
    ("kesehatan", "Lansia jarang memeriksakan kesehatan"),
    ("kesehatan", "Balita berisiko stunting"),
    ("pendidikan", "Anak-anak butuh tempat belajar sore"),
    ("pendidikan", "Warga belum bisa memakai komputer"),
    ("lingkungan", "Saluran air tersumbat saat hujan"),
    ("lingkungan", "Sampah belum dipilah"),
    ("infrastruktur", "Lampu jalan gang mati"),
    ("infrastruktur", "Jalan gang berlubang"),
    ("sosial-budaya", "Remaja kurang kegiatan positif"),
    ("sosial-budaya", "Balai warga jarang dipakai"),
    ("keamanan", "Ronda malam tidak rutin"),
    ("keamanan", "Pencurian motor di gang belakang"),
    ("kesehatan", "Banyak warga belum punya jamban sehat"),
    ("ekonomi", "Pemuda menganggur"),
)
RESOURCE_CATS = ("individu", "asosiasi", "institusi", "fisik", "ekonomi", "budaya", "alam")
RESOURCE_NAMES = {
    "individu": "Keterampilan {skill} warga", "asosiasi": "Kelompok {skill}", "institusi": "Layanan {skill}",
    "fisik": "Ruang {skill}", "ekonomi": "Usaha {skill}", "budaya": "Tradisi {skill}", "alam": "Lahan {skill}",
}
SKILLS = ("menjahit", "memasak", "komputer", "listrik", "berkebun", "mengajar", "kesehatan", "pemasaran")
KINDS = ("pelatihan", "pendidikan", "kesehatan", "lingkungan", "sosial", "ekonomi")
FUNDING = ("kas RT", "swadaya warga", "dana kelurahan", "CSR", "hibah")
STATUSES = ("rencana", "berjalan", "selesai", "batal")
INVALID_KINDS = ("bad_age_band", "unknown_participant", "bad_toml", "no_plan_toml")


def _csv(header: list[str], rows: list[list[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    # columns the generator leaves empty (decided_in: no meeting recorded, as in an older plan) are padded
    writer.writerows([*row, *[""] * (len(header) - len(row))] for row in rows)
    return buf.getvalue()


def _name(rng: random.Random, sex: str, used: set[str]) -> str:
    first = FIRST_L if sex == "L" else FIRST_P
    for _ in range(50):
        name = f"{rng.choice(first)} {rng.choice(LAST)}"
        if name not in used:
            used.add(name)
            return name
    name = f"{rng.choice(first)} {rng.choice(LAST)} {len(used)}"
    used.add(name)
    return name


def _phone(rng: random.Random) -> str:
    return "0812" + "".join(rng.choice("0123456789") for _ in range(8))


def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_plan(folder: Path, index: int, rng: random.Random, invalid: str | None = None) -> dict[str, object]:
    """Write one plan folder; returns what it holds (names, phones, contacts, region)."""
    folder.mkdir(parents=True, exist_ok=True)
    province, city, kecamatans = REGIONS[index % len(REGIONS)] if index < len(REGIONS) else rng.choice(REGIONS)
    kecamatan = rng.choice(kecamatans)
    kelurahan = rng.choice(KELURAHAN)
    rw, rt = f"{rng.randint(1, 15):02d}", f"{rng.randint(1, 20):02d}"
    year = rng.choice((2026, 2027))
    start = dt.date(year, rng.choice((1, 7)), 1)
    end = dt.date(year + (start.month == 7), 6 if start.month == 7 else 12, 30 if start.month == 7 else 31)
    days = (end - start).days

    def day(lo: int = 0, hi: int | None = None) -> dt.date:
        return start + dt.timedelta(days=rng.randint(lo, days if hi is None else hi))

    used: set[str] = set()
    n_people = rng.randint(15, 60)
    people = []
    for i in range(n_people):
        sex = rng.choice("LP")
        people.append([f"P{i + 1:03d}", _name(rng, sex, used), sex,
                       rng.choices(AGE_BANDS, AGE_WEIGHTS)[0], rng.choices(GROUPS, GROUP_WEIGHTS)[0],
                       "true" if rng.random() < 0.05 else "false", _phone(rng),
                       "false" if rng.random() < 0.03 else "true"])
    for i in range(min(3, n_people)):
        people[i][4] = "pengurus RT"
    ids = [p[0] for p in people]
    names = [p[1] for p in people]
    meetings, attendance = [], []
    for m in range(rng.randint(1, 4)):
        mid = f"M{m + 1:02d}"
        meetings.append([mid, (start - dt.timedelta(days=20) + dt.timedelta(days=14 * m)).isoformat(),
                         "19:30", "21:30", "Balai Warga", f"Musyawarah warga {m + 1}", names[0], names[1],
                         "Pembukaan;Pembahasan;Penutup"])
        attendance.extend([mid, pid] for pid in rng.sample(ids, rng.randint(max(5, n_people // 3), n_people)))
    n_needs = rng.randint(4, 16)
    needs = []
    for j, (cat, title) in enumerate(rng.sample(NEEDS, n_needs)):
        raised = rng.choice((rng.choice(names), rng.choice(GROUPS), ""))
        needs.append([f"N{j + 1:02d}", title, cat, f"Diusulkan dalam musyawarah; dibahas bersama {rng.choice(names)}",
                      "Gang belakang", rng.randint(1, 40), raised,
                      rng.choice(("musyawarah", "survei", "observasi", "usulan-warga")),
                      rng.choice(("usulan", "prioritas", "ditangani"))])
    need_ids = [n[0] for n in needs]
    usg, votes, pairwise, priorities = [], [], [], []
    if rng.random() < 0.85:
        for nid in need_ids:
            if rng.random() < 0.2:
                usg.append([nid, "konsensus", rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 5)])
            else:
                usg.extend([nid, pid, rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 5)]
                           for pid in rng.sample(ids, rng.randint(2, min(8, n_people))))
    if rng.random() < 0.7:
        for pid in rng.sample(ids, rng.randint(5, n_people)):
            votes.extend([nid, pid, rng.randint(1, 3)] for nid in rng.sample(need_ids, rng.randint(1, min(3, n_needs))))
    if rng.random() < 0.5:
        top = need_ids[:min(5, n_needs)]
        for a in range(len(top)):
            pairwise.extend([top[a], top[b], rng.choice((top[a], top[b], "seri")), ""] for b in range(a + 1, len(top)))
    if rng.random() < 0.6:
        for r, nid in enumerate(rng.sample(need_ids, min(3, n_needs))):
            priorities.append([nid, r + 1, "gabungan", ""])
    resources = []
    for k in range(rng.randint(0, 40)):
        cat = rng.choice(RESOURCE_CATS)
        holder = rng.choice(names) if cat == "individu" else ""
        resources.append([f"R{k + 1:02d}", RESOURCE_NAMES[cat].format(skill=rng.choice(SKILLS)), cat, holder,
                          "Bersedia membantu kegiatan warga", ";".join(rng.sample(SKILLS, 2)), "Sabtu pagi",
                          rng.randint(0, 30), rng.choice((0, 0, 50000, 250000)),
                          _phone(rng) if holder else "", "RT"])
    res_ids = [r[0] for r in resources]
    activities, realizations = [], []
    for a in range(rng.randint(1, 12)):
        aid = f"A{a + 1:02d}"
        first = day(0, max(0, days - 40))
        last = first + dt.timedelta(days=rng.randint(0, 35))
        rec = rng.choice(("once", "weekly", "monthly"))
        rec_day = {"once": "", "weekly": rng.choice(("sabtu", "minggu")), "monthly": "15"}[rec]
        if rec == "once":
            last = first
        cost = rng.choice((0, 250000, 500000, 1200000, 3000000))
        status = rng.choice(STATUSES)
        activities.append([aid, f"Kegiatan {a + 1}", rng.choice(KINDS), ";".join(rng.sample(need_ids, 1)),
                           ";".join(rng.sample(res_ids, min(len(res_ids), rng.randint(0, 2)))),
                           rng.choice(names), first.isoformat(), last.isoformat(), rec, rec_day, "08:00", "10:00",
                           "Balai Warga", rng.randint(5, 40), cost, rng.choice(FUNDING), "peserta hadir", status])
        if status in ("berjalan", "selesai"):
            realizations.extend([aid, (first + dt.timedelta(days=s)).isoformat(), rng.randint(0, 15),
                                 rng.randint(0, 15), rng.choice((0, cost // 4)), "Terlaksana", ""]
                                for s in range(rng.randint(1, 3)))
    funds = [[src, rng.choice((500000, 1000000, 2500000, 6000000)), ""]
             for src in rng.sample(FUNDING, rng.randint(1, len(FUNDING)))]
    ledger = [["K001", start.isoformat(), "Saldo awal", rng.randint(1, 30) * 100000, 0, "", "saldo awal", ""]]
    for e in range(rng.randint(0, 24)):
        income = rng.random() < 0.5
        amount = rng.randint(1, 40) * 10000
        ledger.append([f"K{e + 2:03d}", day().isoformat(), "Iuran warga" if income else "Belanja kegiatan",
                       amount if income else 0, 0 if income else amount, "",
                       "iuran" if income else "operasional", ""])
    people_toml = [names[0], names[1], names[2], rng.choice(names)]
    toml = (
        f'schema_version = 1\ntitle = {_toml_str(f"Rencana RT {rt}/RW {rw} {kelurahan}")}\n'
        f'language = "{rng.choice(("id", "id", "id", "en"))}"\n'
        f"households = {rng.randint(20, 120)}\nresidents = {rng.randint(60, 450)}\n\n"
        f'[area]\nrt = "{rt}"\nrw = "{rw}"\nkelurahan = {_toml_str(kelurahan)}\n'
        f"kecamatan = {_toml_str(kecamatan)}\ncity = {_toml_str(city)}\nprovince = {_toml_str(province)}\n\n"
        f"[people]\nketua_rt = {_toml_str(people_toml[0])}\nsecretary = {_toml_str(people_toml[1])}\n"
        f"treasurer = {_toml_str(people_toml[2])}\nfacilitator = {_toml_str(people_toml[3])}\n\n"
        f"[period]\nstart = {start.isoformat()}\nend = {end.isoformat()}\n"
    )
    if invalid == "bad_age_band":
        people[rng.randrange(n_people)][3] = "tua"
    elif invalid == "unknown_participant":
        attendance.append(["M01", "P999"])
    elif invalid == "bad_toml":
        toml = toml.replace("[period]", "[period")
    files = {
        "participants.csv": _csv(["participant_id", "name", "sex", "age_band", "group", "has_disability",
                                  "phone", "consent"], people),
        "meetings.csv": _csv(["meeting_id", "date", "start_time", "end_time", "place", "title", "chair",
                              "minute_taker", "agenda"], meetings),
        "attendance.csv": _csv(["meeting_id", "participant_id"], attendance),
        "needs.csv": _csv(["need_id", "title", "category", "description", "location", "households_affected",
                           "raised_by", "source", "status"], needs),
        "usg_scores.csv": _csv(["need_id", "scorer", "urgency", "seriousness", "growth"], usg),
        "votes.csv": _csv(["need_id", "participant_id", "dots"], votes),
        "pairwise.csv": _csv(["need_a", "need_b", "winner", "participant_id"], pairwise),
        "priorities.csv": _csv(["need_id", "rank", "method", "note", "decided_in"], priorities),
        "resources.csv": _csv(["resource_id", "name", "category", "holder", "description", "tags",
                               "availability", "capacity", "cost_idr", "contact", "location"], resources),
        "activities.csv": _csv(["activity_id", "title", "kind", "need_ids", "resource_ids", "pic", "start_date",
                                "end_date", "recurrence", "recurrence_day", "start_time", "end_time", "venue",
                                "target_participants", "cost_idr", "funding_source", "indicator", "status",
                                "decided_in"],
                               activities),
        "funds.csv": _csv(["funding_source", "amount_idr", "note"], funds),
        "ledger.csv": _csv(["entry_id", "date", "description", "income_idr", "expense_idr", "activity_id",
                            "category", "proof"], ledger),
        "realizations.csv": _csv(["activity_id", "date", "participants_l", "participants_p", "cost_idr",
                                  "output", "notes"], realizations),
    }
    if invalid != "no_plan_toml":
        files["plan.toml"] = toml
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {"names": names + people_toml, "phones": [p[6] for p in people],
            "contacts": [r[9] for r in resources if r[9]], "invalid": invalid,
            "province": province, "city": city}


def generate(n: int, out: str | Path, seed: int = 1, invalid: float = 0.05) -> list[dict[str, object]]:
    """Write ``n`` plans to ``out/rt-00001`` ...; returns one description per plan.

    The same ``seed`` gives the same plans. About ``invalid`` of them (at least one
    when ``n >= 10`` and ``invalid > 0``) are broken on purpose, cycling through
    :data:`INVALID_KINDS`.
    """
    rng = random.Random(seed)
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    n_bad = max(1 if n >= 10 and invalid > 0 else 0, round(n * invalid))
    bad_at = set(rng.sample(range(n), n_bad)) if n_bad else set()
    described = []
    bad_seen = 0
    for i in range(n):
        kind = None
        if i in bad_at:
            kind = INVALID_KINDS[bad_seen % len(INVALID_KINDS)]
            bad_seen += 1
        info = make_plan(root / f"rt-{i + 1:05d}", i, rng, kind)
        info["path"] = root / f"rt-{i + 1:05d}"
        described.append(info)
    return described


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--invalid", type=float, default=0.05)
    args = parser.parse_args()
    plans = generate(args.n, args.out, args.seed, args.invalid)
    bad = sum(1 for p in plans if p["invalid"])
    print(f"{len(plans)} plans in {args.out} ({bad} invalid on purpose)")


if __name__ == "__main__":
    main()
