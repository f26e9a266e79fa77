"""The RW folder from the CLI: four RT plans gathered, a merge suggested and confirmed, answers
recorded and sent back into each RT plan; RT folders read only except by send-back, which is
all or nothing per RT; a changed RT plan noticed; bad input refused in the folder's language."""

from __future__ import annotations

import hashlib
import random
import tomllib
from pathlib import Path

import pandas as pd
import pytest
import tomli_w
from conftest import copy_example, gen_plans_module

from rtplan import storage
from rtplan.cli import main
from rtplan.proposals import add_proposals
from rtplan.rw import load_rw
from rtplan.rw.merge import similarity, suggest_merges


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["rw", *args])
    out, err = capsys.readouterr()
    return code, out, err


def set_area(plan_dir: Path, **area: str) -> None:
    meta = tomllib.loads((plan_dir / "plan.toml").read_text(encoding="utf-8"))
    meta["area"].update(area)
    (plan_dir / "plan.toml").write_text(tomli_w.dumps(meta), encoding="utf-8")


def digests(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` (history included), by relative path."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def generated_rt(tmp_path: Path, name: str, index: int, rt: str, picks: list[dict[str, object]]) -> Path:
    """A plan made by benchmarks/gen_plans.py, moved into RW 03 Sukamaju, with proposals decided at M01."""
    folder = tmp_path / name
    gen_plans_module().make_plan(folder, index, random.Random(index))
    set_area(folder, rt=rt, rw="03", kelurahan="Sukamaju")
    plan = storage.load_plan(folder)
    needs = plan["needs"]["need_id"].tolist()
    for i, pick in enumerate(picks):
        pick.setdefault("need_ids", [needs[i]])
    storage.save_tables(plan, {"proposals": add_proposals(plan, picks, str(plan["meetings"]["meeting_id"].iloc[0]))})
    return folder


def four_rts(tmp_path: Path) -> list[Path]:
    """The two examples (RT 05 and RT 02, the second moved into RW 03 Sukamaju) and two generated RTs."""
    rt05 = copy_example("contoh-rt05-rw03", tmp_path)
    rt02 = copy_example("contoh-rt02-rw07-banjir", tmp_path)
    set_area(rt02, rw="03", kelurahan="Sukamaju")
    rt01 = generated_rt(tmp_path, "rt01", 1, "01", [
        {"title": "Paving dan saluran air Gang Kenanga", "location": "Gang Kenanga ujung timur", "volume": 40,
         "unit": "m", "cost_idr": 30000000, "bidang": "infrastruktur", "swadaya": "Kerja bakti"},
        {"title": "Pelatihan kader posyandu", "location": "Pos RW", "volume": 1, "unit": "paket",
         "cost_idr": 5000000, "bidang": "kesehatan"},
    ])
    rt04 = generated_rt(tmp_path, "rt04", 2, "04", [
        {"title": "Lampu penerangan jalan Gang Melati", "location": "Gang Melati", "volume": 6, "unit": "unit",
         "cost_idr": 12000000, "bidang": "ketenteraman-ketertiban"},
    ])
    return [rt05, rt02, rt01, rt04]


def proposals_of(plan_dir: Path) -> pd.DataFrame:
    return pd.read_csv(plan_dir / "proposals.csv", dtype=str, keep_default_na=False)


def test_rw_four_rts_end_to_end(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rts = four_rts(tmp_path)
    rw = tmp_path / "rw03"
    before = {p: digests(p) for p in rts}
    assert run(capsys, "new", str(rw), "--rw", "3", "--kelurahan", "Sukamaju")[0] == 0
    code, out, _ = run(capsys, "add", str(rw), *map(str, rts))
    assert code == 0, out
    for rt in ("05", "02", "01", "04"):
        assert f"RT {rt}: diambil dari" in out
    assert "Usulan RW: 8 usulan dari 4 RT" in out
    folder = load_rw(rw)
    assert [p.sources for p in folder.proposals][:3] == [["05/P01"], ["05/P02"], ["02/P01"]]

    # the same drain in RT 05 and RT 01: suggested with its reasons, then merged
    code, out, _ = run(capsys, "merge", str(rw), "--suggest")
    assert code == 0
    assert "Saran gabung: U01 + U06" in out
    assert "bidang sama (Infrastruktur (sarana dan prasarana))" in out and "judul mirip" in out
    assert "lokasi mirip" in out
    assert f"rtplan rw merge {rw} U01 U06" in out
    assert out.count("Saran gabung") == 1  # the examples' other proposals are not alike
    code, out, _ = run(capsys, "merge", str(rw), "U01", "U06")
    assert code == 0, out
    assert "U06 digabung ke U01; U01 kini dari RT 05, 01." in out
    assert "Volume dijumlahkan: 120 m." in out and "Rp 92000000" in out
    merged = load_rw(rw).proposal("U01")
    assert merged is not None and merged.sources == ["05/P01", "01/P01"]
    assert load_rw(rw).proposal("U06") is None
    assert run(capsys, "merge", str(rw), "--suggest")[1].strip() == "Tidak ada usulan yang mirip dari RT yang berbeda."

    # answers: the merged one accepted, two refused with reasons, one budgeted
    assert run(capsys, "answer", str(rw), "U01", "--state", "diterima-kelurahan")[0] == 0
    assert run(capsys, "answer", str(rw), "u02", "--state", "ditolak", "--reason", "Sudah ada program dinas")[0] == 0
    assert run(capsys, "answer", str(rw), "U03", "--state", "dianggarkan")[0] == 0
    assert run(capsys, "answer", str(rw), "U08", "--state", "ditolak", "--reason", "Di luar wewenang kelurahan")[0] == 0
    for plan_dir in rts:  # nothing but send-back writes an RT folder
        assert digests(plan_dir) == before[plan_dir]

    code, out, _ = run(capsys, "send-back", str(rw))
    assert code == 0, out
    assert "RT 05: 2 usulan diperbarui" in out and "RT 04: 1 usulan diperbarui" in out
    for plan_dir in rts:  # only proposals.csv and its kept version changed
        after = digests(plan_dir)
        changed = {f for f in set(after) | set(before[plan_dir]) if after.get(f) != before[plan_dir].get(f)}
        assert changed <= {"proposals.csv"} | {f for f in after if f.startswith(".history/proposals.csv/")}
        assert "proposals.csv" in changed
    rt05, rt02, rt01, rt04 = rts
    assert proposals_of(rt05)[["state", "answer"]].values.tolist() == [
        ["diterima-kelurahan", ""], ["ditolak", "Sudah ada program dinas"]]
    assert proposals_of(rt02)["state"].tolist() == ["dianggarkan", "diusulkan", "diusulkan"]
    assert proposals_of(rt01)["state"].tolist() == ["diterima-kelurahan", "diusulkan"]  # merged: both RTs
    assert proposals_of(rt04)[["state", "answer"]].values.tolist() == [["ditolak", "Di luar wewenang kelurahan"]]
    for plan_dir in rts:
        assert main(["validate", str(plan_dir)]) in (0, 1)
        assert not [p for p in storage.load_plan(plan_dir).load_problems if p.file == "proposals.csv"]
    # the send-back itself is no change of the RT plans: status finds them unchanged, and reads only
    sent = {p: digests(p) for p in rts}
    code, out, _ = run(capsys, "status", str(rw))
    assert code == 0 and out.count("tidak berubah") == 4
    assert {p: digests(p) for p in rts} == sent

    from rtplan.documents.handout import Handout

    expected = {rt05: "Usulan ke Musrenbang: 1 dari 2 diterima (1 ditolak)",
                rt02: "Usulan ke Musrenbang: 1 dari 3 diterima (2 menunggu jawaban)",
                rt01: "Usulan ke Musrenbang: 1 dari 2 diterima (1 menunggu jawaban)",
                rt04: "Proposals to the Musrenbang: 0 of 1 accepted (1 rejected)"}  # an English plan
    for plan_dir, line in expected.items():
        html = str(Handout(str(plan_dir)).proposals())
        assert line in html
    assert "Di luar wewenang kelurahan" in str(Handout(str(rt04)).proposals())


def test_rw_changed_rt_plan_is_noticed_with_a_diff(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rt05 = copy_example("contoh-rt05-rw03", tmp_path)
    rt02 = copy_example("contoh-rt02-rw07-banjir", tmp_path)
    set_area(rt02, rw="03", kelurahan="Sukamaju")
    rw = tmp_path / "rw"
    assert run(capsys, "new", str(rw), "--rw", "3", "--kelurahan", "Sukamaju")[0] == 0
    assert run(capsys, "add", str(rw), str(rt05), str(rt02))[0] == 0
    assert run(capsys, "answer", str(rw), "U01", "--state", "diterima-rw")[0] == 0
    # the RT changes its proposals after rw add: a cost, one removed, one added
    plan = storage.load_plan(rt05)
    frame = add_proposals(plan, [{"need_ids": "N03", "title": "Tempat sampah terpilah", "bidang": "infrastruktur"}],
                          "M02")
    frame.loc[0, "cost_idr"] = 70000000
    frame = frame.iloc[[0, 2]].reset_index(drop=True)
    storage.save_tables(plan, {"proposals": frame})
    rw_before = digests(rw)
    rt_before = {p: digests(p) for p in (rt05, rt02)}
    code, _, err = run(capsys, "send-back", str(rw))
    assert code == 2
    assert "Rencana RT 05 berubah sejak diambil" in err and "rtplan rw status" in err
    assert digests(rw) == rw_before and {p: digests(p) for p in (rt05, rt02)} == rt_before

    code, out, _ = run(capsys, "status", str(rw))
    assert code == 0
    assert "RT 05: rencana berubah sejak diambil; 3 perubahan usulan" in out
    assert '~ diubah: RT 05 P01 "Paving dan saluran Gang Kenanga" (cost_idr); usulan RW U01 diperbarui' in out
    assert '+ ditambah: RT 05 P03 "Tempat sampah terpilah" -> usulan RW U06' in out
    assert '- dihapus: RT 05 P02 "Bantuan alat produksi dan kemasan untuk UMKM warga" (dari usulan RW U02)' in out
    assert "RT 02: tidak berubah" in out
    folder = load_rw(rw)
    assert folder.proposal("U01").cost_idr == "70000000"  # type: ignore[union-attr]
    assert folder.proposal("U01").state == "diterima-rw"  # type: ignore[union-attr]  # the answer stays
    assert folder.proposal("U02") is None
    assert {p: digests(p) for p in (rt05, rt02)} == rt_before  # status only reads the RTs
    # taken in again: send-back goes through now
    assert run(capsys, "send-back", str(rw))[0] == 0
    assert proposals_of(rt05)["state"].tolist() == ["diterima-rw", "diusulkan"]


def test_rw_diff_in_english_for_an_english_folder(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rt05 = copy_example("contoh-rt05-rw03", tmp_path)
    rw = tmp_path / "rw"
    assert run(capsys, "new", str(rw), "--rw", "3", "--kelurahan", "Sukamaju", "--lang", "en")[0] == 0
    code, out, _ = run(capsys, "add", str(rw), str(rt05))
    assert "RT 05: taken in from" in out
    plan = storage.load_plan(rt05)
    frame = plan["proposals"].copy()
    frame.loc[1, "title"] = "Alat produksi UMKM"
    storage.save_tables(plan, {"proposals": frame})
    code, out, _ = run(capsys, "add", str(rw), str(rt05))
    assert code == 0
    assert "RT 05: the plan changed since it was taken in; 1 proposal changes" in out
    assert '~ changed: RT 05 P02 "Alat produksi UMKM" (title); RW proposal U02 updated' in out
    code, _, err = run(capsys, "answer", str(rw), "U02", "--state", "ditolak")
    assert code == 2 and "Proposal U02 rejected: give the reason with --reason" in err


def test_rw_send_back_is_all_or_nothing_per_rt(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rtplan.storage import saving

    rt05 = copy_example("contoh-rt05-rw03", tmp_path)
    rt02 = copy_example("contoh-rt02-rw07-banjir", tmp_path)
    set_area(rt02, rw="03", kelurahan="Sukamaju")
    rw = tmp_path / "rw"
    assert run(capsys, "new", str(rw), "--rw", "3", "--kelurahan", "Sukamaju")[0] == 0
    assert run(capsys, "add", str(rw), str(rt05), str(rt02))[0] == 0
    for uid in ("U01", "U03", "U04"):
        assert run(capsys, "answer", str(rw), uid, "--state", "diterima-rw")[0] == 0
    rt02_before = digests(rt02)
    real_stage = saving._stage
    staged: list[str] = []

    def failing_stage(path, data, mode=None):  # type: ignore[no-untyped-def]
        staged.append(str(path))
        if str(path).startswith(str(rt02)):  # the second RT: the disk fills up while its file is written
            raise OSError(28, "No space left on device")
        return real_stage(path, data, mode)

    monkeypatch.setattr(saving, "_stage", failing_stage)
    code, out, err = run(capsys, "send-back", str(rw))
    assert code == 2, (out, err)
    assert "RT 05: 1 usulan diperbarui" in out
    assert str(rt02) in err  # the message names where it failed
    assert digests(rt02) == rt02_before  # nothing of RT 02 written, no temporary file left
    assert proposals_of(rt05)["state"].tolist() == ["diterima-rw", "diusulkan"]
    folder = load_rw(rw)  # the RW folder knows RT 05 was written
    assert folder.rt("05").proposals_sha256 == hashlib.sha256(  # type: ignore[union-attr]
        (rt05 / "proposals.csv").read_bytes()).hexdigest()
    monkeypatch.setattr(saving, "_stage", real_stage)
    code, out, _ = run(capsys, "send-back", str(rw))
    assert code == 0 and "RT 05: 0 usulan diperbarui" in out and "RT 02: 2 usulan diperbarui" in out
    assert proposals_of(rt02)["state"].tolist() == ["diterima-rw", "diterima-rw", "diusulkan"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_rw_bad_input_is_refused_clearly(tmp_path: Path, capsys, lang: str) -> None:  # type: ignore[no-untyped-def]
    rt05 = copy_example("contoh-rt05-rw03", tmp_path)
    other_rw = copy_example("contoh-rt02-rw07-banjir", tmp_path)  # RW 07 Kali Asri
    other_kel = tmp_path / "other-kel"
    other_kel.mkdir()
    for f in rt05.iterdir():
        if f.is_file():
            (other_kel / f.name).write_bytes(f.read_bytes())
    set_area(other_kel, rt="06", kelurahan="Sukamakmur")
    twin = tmp_path / "twin"  # a second folder claiming RT 05
    twin.mkdir()
    for f in rt05.iterdir():
        if f.is_file():
            (twin / f.name).write_bytes(f.read_bytes())
    rw = tmp_path / "rw"
    extra = ["--lang", "en"] if lang == "en" else []
    assert run(capsys, "new", str(rw), "--rw", "3", "--kelurahan", "Sukamaju", *extra)[0] == 0
    assert run(capsys, "add", str(rw), str(rt05))[0] == 0
    rw_before = digests(rw)
    words = {
        "id": ["tidak ada", "Tidak ada usulan RW 'U99'", "tulis alasannya", "milik RW 07, Kelurahan Kali Asri",
               "milik RW 03, Kelurahan Sukamakmur", "Folder rencana RT", "sudah ada dan tidak kosong",
               "RT 05 sudah diambil dari"],
        "en": ["does not exist", "There is no RW proposal 'U99'", "give the reason",
               "belongs to RW 07, Kelurahan Kali Asri", "belongs to RW 03, Kelurahan Sukamakmur",
               "RT plan folder", "already exists", "RT 05 was already taken in from"],
    }[lang]
    cases = [
        ["status", str(tmp_path / "nowhere"), *extra],  # no folder, so no folder language: --lang says it
        ["answer", str(rw), "U99", "--state", "diterima-rw"],
        ["answer", str(rw), "U01", "--state", "ditolak", "--reason", "  "],
        ["add", str(rw), str(other_rw)],
        ["add", str(rw), str(other_kel)],
        ["add", str(rw), str(tmp_path / "no-such-rt")],
        ["new", str(rw), "--rw", "3", "--kelurahan", "Sukamaju", *extra],
        ["add", str(rw), str(twin)],
    ]
    assert len(cases) == len(words)
    for args, word in zip(cases, words):
        code, _, err = run(capsys, *args)
        assert code == 2, args
        assert word in err, (args, err)
        assert "Traceback" not in err
        assert err.startswith({"id": "Kesalahan: ", "en": "Error: "}[lang]), err
        assert digests(rw) == rw_before, args
    # a refused RT among good ones: nothing is taken in
    code, _, err = run(capsys, "add", str(rw), str(rt05), str(other_rw))
    assert code == 2 and digests(rw) == rw_before


def test_merge_suggestions_need_other_rts_and_the_same_bidang(tmp_path: Path) -> None:
    from rtplan.rw.folder import RwFolder, RwProposal

    folder = RwFolder(tmp_path, {"language": "id"}, proposals=[
        RwProposal("U01", ["05/P01"], "Paving dan saluran Gang Kenanga", "Gang Kenanga", bidang="infrastruktur"),
        RwProposal("U02", ["05/P02"], "Paving Gang Kenanga", "Gang Kenanga", bidang="infrastruktur"),  # same RT
        RwProposal("U03", ["02/P01"], "Pelatihan paving Gang Kenanga", "Gang Kenanga", bidang="umkm"),
        RwProposal("U04", ["01/P01"], "Saluran dan paving gang Kenanga", "gang kenanga", bidang="infrastruktur"),
        RwProposal("U05", ["04/P01"], "Perbaikan saluran", "Gang Kenanga", bidang="infrastruktur",
                   state="ditolak"),
    ])
    pairs = {(s.first, s.second) for s in suggest_merges(folder)}
    assert pairs == {("U01", "U04"), ("U02", "U04")}
    assert similarity("Paving dan saluran Gang Kenanga", "saluran dan PAVING gang kenanga!") == 100.0


def test_research_pools_proposals_and_their_outcomes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from rtplan.research.pooling import pool

    rt05 = copy_example("contoh-rt05-rw03", tmp_path)
    rt02 = copy_example("contoh-rt02-rw07-banjir", tmp_path)
    set_area(rt02, rw="03", kelurahan="Sukamaju")
    rw = tmp_path / "rw"
    ketua = storage.load_plan(rt05).people["ketua_rt"]
    for args in (["new", str(rw), "--rw", "3", "--kelurahan", "Sukamaju"], ["add", str(rw), str(rt05), str(rt02)],
                 ["answer", str(rw), "U01", "--state", "dianggarkan"],
                 ["answer", str(rw), "U02", "--state", "ditolak", "--reason", f"Sudah dibahas dengan {ketua}"],
                 ["send-back", str(rw)]):
        assert run(capsys, *args)[0] == 0, args
    secret = b"k" * 32
    tables = pool([rt05, rt02], secret).tables
    found = tables["proposals"]
    assert "title" not in found.columns and "answer" not in found.columns  # free text only when asked
    assert "location" not in found.columns and "swadaya" not in found.columns
    rows = {(r.rt, r.proposal_id): r for r in found.itertuples()}
    assert sorted(rows) == [("02", "P01"), ("02", "P02"), ("02", "P03"), ("05", "P01"), ("05", "P02")]
    paving = rows[("05", "P01")]
    assert (paving.bidang, paving.level, paving.state, paving.accepted, paving.priority) == (
        "infrastruktur", "kelurahan", "dianggarkan", True, 1)
    assert paving.need_categories == "infrastruktur;lingkungan" and paving.households_affected > 0
    umkm = rows[("05", "P02")]
    assert (umkm.state, umkm.accepted, umkm.has_reason) == ("ditolak", False, True)
    assert rows[("02", "P01")].state == "diusulkan" and not rows[("02", "P01")].accepted
    assert found["plan_id"].nunique() == 2 and set(found["plan_id"]) == set(tables["plans"]["plan_id"])
    text = pool([rt05], secret, include_text=True).tables["proposals"]
    answer = text.loc[text["proposal_id"] == "P02", "answer"].iloc[0]
    assert ketua not in answer and "[nama]" in answer  # a registered name is masked, as in every free text
