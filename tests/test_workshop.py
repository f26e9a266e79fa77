"""Workshop mode without a browser: the launcher's command and environment, the port, the
recent plans, how a notebook's plan is decided, the step header and its new-plan form,
the bilingual markdown filter, and "choose a plan first" instead of a traceback."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, copy_example

from rtplan import recent, storage, workshop
from rtplan.cli import main
from rtplan.exceptions import NoPlanChosen
from rtplan.render.filters import bilingual_markdown, cell_error


def _ws(tmp_path: Path, **kw: object) -> workshop.Workshop:
    args: dict[str, object] = {"plan": tmp_path / "plan", "lang": "id", "port": 8123}
    args.update(kw)
    return workshop.Workshop(**args)  # type: ignore[arg-type]


# -- launcher ------------------------------------------------------------------------------

def test_voila_command_serves_the_step_notebooks_locally_with_the_rtplan_template(tmp_path: Path) -> None:
    ws = _ws(tmp_path, step=3)
    cmd = workshop.voila_command(ws, python="/py")
    assert cmd[:3] == ["/py", "-m", "rtplan.workshop.voila_app"]  # Voila plus the hook that sets _xsrf
    assert "--Voila.ip=127.0.0.1" in cmd
    assert "--port=8123" in cmd
    assert "--no-browser" in cmd
    assert f"--Voila.root_dir={ws.notebooks}" in cmd
    assert "--template=rtplan" in cmd
    assert "--Voila.port_retries=0" in cmd  # the printed port is the port served
    assert any(c.startswith("--VoilaExporter.filters=rtplan_markdown=") for c in cmd)
    assert ws.step_url() == f"http://127.0.0.1:8123/voila/render/03_jadwal.ipynb?token={ws.token}"
    assert ws.step_url(0, token=False).endswith("/voila/render/00_profil_peserta.ipynb")
    assert len(ws.token) >= 32
    assert ws.token != _ws(tmp_path).token  # a new secret every start
    assert not [c for c in cmd if ws.token in c]  # never on the command line (ps shows it to every local user)


def test_voila_env_passes_the_plan_language_and_room_and_finds_the_template(tmp_path: Path) -> None:
    ws = _ws(tmp_path, lang="en")
    env = workshop.voila_env(ws, base={"JUPYTER_PATH": "/elsewhere", "RTPLAN_ROOM_TOKEN": "stale"})
    assert env["RTPLAN_PLAN"] == str(tmp_path / "plan")
    assert env["RTPLAN_LANG"] == "en"
    assert env["RTPLAN_WORKSHOP"] == "1"
    assert env["RTPLAN_WORKDIR"] == str(Path.cwd())  # exports/ where the command was started
    assert env["JUPYTER_PATH"].split(os.pathsep) == [str(workshop.SHARE_DIR), "/elsewhere"]
    assert (workshop.SHARE_DIR / "voila" / "templates" / "rtplan" / "index.html.j2").is_file()
    assert "RTPLAN_ROOM_TOKEN" not in env
    assert "RTPLAN_ROOM_URL" not in env
    assert env["RTPLAN_WORKSHOP_TOKEN"] == ws.token  # for the Voila process only: it removes it at once
    env = workshop.voila_env(ws, base={}, room_url="http://127.0.0.1:9/admin", room_token="tok")
    assert env["RTPLAN_ROOM_URL"] == "http://127.0.0.1:9/admin"
    assert env["RTPLAN_ROOM_TOKEN"] == "tok"
    assert str(ROOT) in env["PYTHONPATH"].split(os.pathsep)


def test_the_template_links_nothing_outside_the_machine() -> None:
    template = workshop.SHARE_DIR / "voila" / "templates" / "rtplan"
    for path in template.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "://" not in text, path
            assert "jsdelivr" not in text, path


def test_free_port_and_a_busy_port(tmp_path: Path) -> None:
    port = workshop.free_port()
    assert workshop.port_is_free(port)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        busy = s.getsockname()[1]
        assert not workshop.port_is_free(busy)
        plan = copy_example("contoh-rt05-rw03", tmp_path)
        assert main(["workshop", str(plan), "--port", str(busy), "--no-browser"]) == 2


def test_browser_opens_only_with_a_display() -> None:
    assert not workshop.can_open_browser({}, "linux")
    assert workshop.can_open_browser({"DISPLAY": ":0"}, "linux")
    assert workshop.can_open_browser({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert workshop.can_open_browser({}, "darwin")
    assert workshop.can_open_browser({}, "win32")


def test_step_notebooks_are_all_there_and_a_missing_folder_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert workshop.missing_notebooks(workshop.notebooks_dir()) == []
    monkeypatch.setenv("RTPLAN_NOTEBOOKS", str(tmp_path))
    assert main(["workshop", str(tmp_path / "plan"), "--no-browser"]) == 2
    assert "00_profil_peserta.ipynb" in capsys.readouterr().err


def test_stop_process_tree_ends_the_server_and_whatever_it_started(tmp_path: Path) -> None:
    # a stand-in for Voila: a parent that ignores SIGTERM's default (as a server shutting down
    # its kernels would) and a child that ignores SIGTERM entirely (a stuck kernel)
    script = tmp_path / "tree.py"
    script.write_text(
        "import signal, subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import signal, time; "
        "signal.signal(signal.SIGTERM, signal.SIG_IGN); print(1, flush=True); time.sleep(600)'])\n"
        "signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))\n"
        "time.sleep(600)\n")
    proc = subprocess.Popen([sys.executable, str(script)], start_new_session=True)
    deadline = time.monotonic() + 30
    while not workshop.descendants(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    children = workshop.descendants(proc.pid)
    assert children, "the stand-in server started no child"
    workshop.stop_process_tree(proc, grace=10)
    assert proc.poll() is not None
    for pid in children:
        assert not workshop._alive(pid), f"child {pid} left behind"


def test_sigterm_becomes_stop_and_the_handler_is_restored() -> None:
    before = signal.getsignal(signal.SIGTERM)
    def wait_for_the_signal() -> None:
        with workshop.stop_on_sigterm():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the signal arrives long before this ends (not synchronisation: it raises)

    with pytest.raises(workshop.Stop):
        wait_for_the_signal()
    assert signal.getsignal(signal.SIGTERM) == before


# -- recent plans and the plan's resolution --------------------------------------------------

def test_config_dir_follows_the_platform_rules(tmp_path: Path) -> None:
    assert recent.config_dir({"RTPLAN_CONFIG_DIR": str(tmp_path)}) == tmp_path
    assert recent.config_dir({"HOME": "/h"}, "linux") == Path("/h/.config/rtplan")
    assert recent.config_dir({"HOME": "/h", "XDG_CONFIG_HOME": "/x"}, "linux") == Path("/x/rtplan")
    assert recent.config_dir({"HOME": "/h"}, "darwin") == Path("/h/Library/Application Support/rtplan")
    assert recent.config_dir({"HOME": "/h", "APPDATA": "/a"}, "win32") == Path("/a/rtplan")


def test_remember_keeps_the_newest_first_without_repeats_and_at_most_ten(tmp_path: Path) -> None:
    cfg = tmp_path / "cfg"
    assert recent.load(cfg) == recent.Recent(None, ())
    for i in range(12):
        recent.remember(tmp_path / f"p{i}", cfg)
    state = recent.remember(tmp_path / "p5", cfg)
    assert state == recent.load(cfg)
    assert state.current == tmp_path / "p5"
    assert state.plans[0] == tmp_path / "p5"
    assert len(state.plans) == recent.MAX_RECENT
    assert len(set(state.plans)) == len(state.plans)
    assert tmp_path / "p0" not in state.plans  # the oldest fell off


def test_a_damaged_state_file_counts_as_empty_and_relative_paths_are_ignored(tmp_path: Path) -> None:
    (tmp_path / recent.STATE_FILE).write_text("{not json")
    assert recent.load(tmp_path) == recent.Recent(None, ())
    (tmp_path / recent.STATE_FILE).write_text(json.dumps({"current": "rel/plan", "recent": ["/abs/p", 3, None]}))
    assert recent.load(tmp_path) == recent.Recent(None, (Path("/abs/p"),))


def test_existing_plans_skips_folders_without_plan_toml(tmp_path: Path) -> None:
    plan = copy_example("contoh-rt05-rw03", tmp_path)
    state = recent.Recent(plan, (tmp_path / "gone", plan))
    assert recent.existing_plans(state) == [plan]


def test_plan_resolution_order(tmp_path: Path) -> None:
    cfg = tmp_path / "cfg"
    recent.remember(tmp_path / "remembered", cfg)
    env = {"RTPLAN_PLAN": str(tmp_path / "workshop"), "QUERY_STRING": f"plan={tmp_path / 'address'}"}
    assert recent.resolve_plan(tmp_path / "param", env, cfg) == (tmp_path / "param", "parameter")
    # ?plan= only for a plan on the recent list; any other folder is refused, never opened
    assert recent.resolve_plan(None, env, cfg) == (tmp_path / "address", "refused")
    recent.remember(tmp_path / "address", cfg)
    recent.remember(tmp_path / "remembered", cfg)
    assert recent.resolve_plan(None, env, cfg) == (tmp_path / "address", "address")
    env.pop("QUERY_STRING")
    assert recent.resolve_plan(None, env, cfg) == (tmp_path / "workshop", "workshop")
    assert recent.resolve_plan(None, {}, cfg) == (tmp_path / "remembered", "remembered")
    assert recent.resolve_plan(None, {}, tmp_path / "empty") == (None, "none")
    assert recent.query_plan("?x=1&plan=%2Fa%20b") == "/a b"
    assert recent.query_plan("") is None
    assert recent.query_plan("plan=") is None


# -- the step header ---------------------------------------------------------------------------

def _header(tmp_path: Path, plan: object = None, step: int = 1, **env: str):  # type: ignore[no-untyped-def]
    from rtplan.ui.workshop import StepHeader

    env.setdefault("RTPLAN_PLANS_DIR", str(tmp_path / "plans"))
    return StepHeader(plan, None, step=step, env=env, config_dir=tmp_path / "cfg")  # type: ignore[arg-type]


def test_header_shows_the_step_bar_and_the_plan(tmp_path: Path) -> None:
    plan = copy_example("contoh-rt05-rw03", tmp_path)
    header = _header(tmp_path, str(plan), step=2)
    assert header.plan == str(plan.resolve())
    assert header.source == "parameter"
    assert header.lang is None
    bar = header.bar.value
    for label in ("0 Profil", "1 Kebutuhan", "2 Sumber daya", "3 Jadwal", "4 Pemantauan", "5 Handout"):
        assert label in bar
    assert '<span class="rtplan-current" aria-current="page">2 Sumber daya</span>' in bar
    assert 'href="03_jadwal.ipynb"' in bar  # JupyterLab: relative links
    assert "RT 05/RW 03" in header.title.value
    # a notebook given its plan as a parameter (tests, documents) is not remembered
    assert recent.load(tmp_path / "cfg").current is None


def test_header_in_the_workshop_links_voila_pages_and_keeps_the_chosen_plan(tmp_path: Path) -> None:
    plan = copy_example("contoh-rt05-rw03", tmp_path)
    header = _header(tmp_path, step=0, RTPLAN_WORKSHOP="1", RTPLAN_PLAN=str(plan), RTPLAN_LANG="en")
    assert header.plan == str(plan.resolve())
    assert header.lang == "en"
    assert header.source == "workshop"
    assert 'href="/voila/render/01_kebutuhan.ipynb"' in header.bar.value
    assert "1 Needs" in header.bar.value
    other = copy_example("contoh-rt02-rw07-banjir", tmp_path / "x")
    recent.remember(other, tmp_path / "cfg")  # opened once (the picker)
    recent.remember(plan, tmp_path / "cfg")
    header = _header(tmp_path, step=4, SERVER_SOFTWARE="voila/0.5", QUERY_STRING=f"plan={other}")
    assert header.plan == str(other.resolve())
    assert header.source == "address"
    assert f"/voila/render/05_handout.ipynb?plan={str(other.resolve()).replace('/', '%2F')}" in header.bar.value
    assert recent.load(tmp_path / "cfg").current == plan.resolve()  # a page opened (a GET) changes nothing


def test_a_page_address_naming_a_folder_never_opened_opens_nothing_and_remembers_nothing(tmp_path: Path) -> None:
    plan = copy_example("contoh-rt05-rw03", tmp_path)
    stranger = copy_example("contoh-rt02-rw07-banjir", tmp_path / "elsewhere")  # a real plan, never opened here
    empty = tmp_path / "chosen-by-a-web-page"
    recent.remember(plan, tmp_path / "cfg")
    before = (tmp_path / "cfg" / "recent.json").read_bytes()
    files = {p: p.read_bytes() for p in stranger.iterdir() if p.is_file()}
    for target in (stranger, empty):
        header = _header(tmp_path, step=0, RTPLAN_WORKSHOP="1", QUERY_STRING=f"plan={target}")
        assert header.source == "refused"
        assert header.plan is None
        assert header.new_folder.value == ""  # the form does not offer to create it either
        assert "belum pernah dibuka" in header.title.value
        assert str(target.resolve()) in header.title.value
        assert "plan=" not in header.bar.value
    assert (tmp_path / "cfg" / "recent.json").read_bytes() == before
    assert not empty.exists()
    assert {p: p.read_bytes() for p in stranger.iterdir() if p.is_file()} == files


def test_no_plan_offers_the_picker_and_panels_say_choose_a_plan_first(tmp_path: Path) -> None:
    from rtplan.ui.base import live, open_session
    from rtplan.ui.documents import HandoutPanel

    header = _header(tmp_path)
    assert header.plan is None
    assert header.source == "none"
    assert "Belum ada rencana" in header.title.value
    labels = [label for label, _ in header.choice.options]
    assert "contoh-rt05-rw03 (contoh)" in labels
    for call in (lambda: open_session(None), lambda: live(None, lambda plan: plan), lambda: HandoutPanel(None)):
        with pytest.raises(NoPlanChosen, match="Pilih rencana dulu di atas"):
            call()
    assert NoPlanChosen("x")._render_traceback_() == ["x"]  # IPython shows only the sentence


def test_create_a_new_plan_from_the_workshop_page(tmp_path: Path) -> None:
    target = tmp_path / "rencana" / "rt07"
    header = _header(tmp_path, step=0, RTPLAN_WORKSHOP="1", RTPLAN_PLAN=str(target))
    assert header.plan is None
    assert header.new_folder.value == "rt07"  # the folder's name, not where on the machine it is
    assert str(tmp_path) not in header.new_folder.value + header.new_folder.placeholder
    header.new_rt.value, header.new_rw.value = "7", "x"
    header.create_button.click()
    assert "RT dan RW" in header.status.value
    assert not target.exists()
    header.new_rw.value, header.new_kelurahan.value = "2", "Mekarsari"
    header.create_button.click()
    plan = storage.load_plan(target)
    assert plan.area["rt"] == "07"
    assert plan.area["rw"] == "02"
    assert plan.area["kelurahan"] == "Mekarsari"
    assert "Rencana baru dibuat: rt07." in header.status.value
    assert str(tmp_path) not in header.status.value.split('href="')[0]
    # the page opens itself on the new plan: no reload by hand
    assert 'class="rtplan-goto"' in header.status.value and "window.location.assign" in header.status.value
    assert f'href="/voila/render/00_profil_peserta.ipynb?plan={str(target.resolve()).replace("/", "%2F")}"' \
        in header.status.value
    assert recent.load(tmp_path / "cfg").current == target.resolve()
    header.create_button.click()  # again: the folder holds a plan now, nothing is overwritten
    assert "✘" in header.status.value
    reopened = _header(tmp_path, step=0, RTPLAN_WORKSHOP="1", RTPLAN_PLAN=str(target))
    assert reopened.plan == str(target.resolve())


def test_a_new_plan_folder_by_name_goes_into_the_plans_folder(tmp_path: Path) -> None:
    header = _header(tmp_path, step=0, RTPLAN_WORKSHOP="1")
    header.new_rt.value, header.new_rw.value, header.new_folder.value = "3", "1", "rapat-maret"
    header.create_button.click()
    assert (tmp_path / "plans" / "rapat-maret" / "plan.toml").is_file()
    plan = storage.load_plan(tmp_path / "plans" / "rapat-maret")
    assert not plan.title.endswith(f"{plan.period[0].year}-{plan.period[0].year}")


def test_picking_an_example_opens_a_copy_and_in_lab_says_run_all(tmp_path: Path) -> None:
    header = _header(tmp_path)
    header.choice.value = next(v for label, v in header.choice.options if label.startswith("contoh-rt05-rw03"))
    header.open_button.click()
    copy = tmp_path / "plans" / "contoh-rt05-rw03"
    assert (copy / "plan.toml").is_file()
    assert recent.load(tmp_path / "cfg").current == copy
    assert "Run All Cells" in header.status.value
    again = _header(tmp_path)  # the next notebook finds it
    assert again.plan == str(copy)
    assert again.source == "remembered"
    assert any(label == "contoh-rt05-rw03 (terakhir dibuka)" for label, _ in again.choice.options)


def test_a_folder_that_is_not_a_plan_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.txt").write_text("x")
    header = _header(tmp_path, str(folder))
    assert header.plan is None
    assert "bukan folder rencana" in header.title.value


def test_the_download_link_carries_the_pdf(tmp_path: Path) -> None:
    import base64

    from rtplan.ui.workshop import download_link

    pdf = tmp_path / "handout.pdf"
    pdf.write_bytes(b"%PDF-1.7 test")
    link = str(download_link(pdf))
    assert 'download="handout.pdf"' in link
    assert f"data:application/pdf;base64,{base64.b64encode(b'%PDF-1.7 test').decode()}" in link


# -- what the template shows -----------------------------------------------------------------

CELL = """# Langkah 0: Profil RT
*Step 0: the RT profile.*

Isi profil RT. **Tebal** dan *miring* di tengah kalimat tetap.

*Fill in the RT profile.*

## Formulir / *Forms*
Pilih tab.
"""


def test_markdown_in_indonesian_drops_the_english_lines() -> None:
    text = bilingual_markdown(CELL, "id")
    assert "Step 0" not in text
    assert "Fill in" not in text
    assert "Forms" not in text
    assert "# Langkah 0: Profil RT" in text
    assert "## Formulir\n" in text
    assert "*miring* di tengah" in text


def test_markdown_in_english_shows_the_english() -> None:
    text = bilingual_markdown(CELL, "en")
    assert "# Step 0: the RT profile." in text
    assert "## Forms" in text
    assert "Fill in the RT profile." in text
    assert "Isi profil" not in text
    assert "Langkah" not in text
    assert "Pilih tab" not in text
    assert bilingual_markdown("Hanya bahasa Indonesia.\n", "en") == "Hanya bahasa Indonesia.\n"


def test_every_step_notebook_markdown_keeps_text_in_both_languages() -> None:
    import nbformat

    for name in workshop.STEP_NOTEBOOKS:
        nb = nbformat.read(workshop.notebooks_dir() / name, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                assert bilingual_markdown(cell.source, "id").strip(), (name, cell.source[:60])
                assert bilingual_markdown(cell.source, "en").strip(), (name, cell.source[:60])


def test_the_projector_shows_no_command_line_file_name_or_table_name() -> None:
    """What the workshop pages show of the markdown (lab-only cells left out) names no command,
    file, folder or parameter: those are for JupyterLab readers."""
    import re

    import nbformat

    code = re.compile(r"`|rtplan [a-z]|FOLDER|[\w-]+\.(?:csv|ipynb|toml|ics)\b|exports/|\*\*needs\*\*")
    for name in workshop.STEP_NOTEBOOKS:
        nb = nbformat.read(workshop.notebooks_dir() / name, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "markdown" or "lab-only" in cell.metadata.get("tags", []):
                continue
            for lang in ("id", "en"):
                shown = bilingual_markdown(cell.source, lang)
                assert not code.search(shown), (name, lang, code.search(shown), shown[:200])


def test_a_failed_cell_shows_one_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RTPLAN_LANG", "id")
    html = cell_error({"ename": "NoPlanChosen", "evalue": "Pilih rencana <dulu>", "traceback": ["x"]})
    assert html == '<div class="rtplan-note rtplan-noplan">Pilih rencana &lt;dulu&gt;</div>'
    html = cell_error({"ename": "KeyError", "evalue": "'secret'", "traceback": ["Traceback ..."]})
    assert "Data yang tersimpan tetap aman" in html
    assert "secret" not in html
    assert "Traceback" not in html


def test_step_notebooks_open_with_the_header_and_no_fixed_plan() -> None:
    import nbformat

    for step, name in enumerate(workshop.STEP_NOTEBOOKS):
        nb = nbformat.read(workshop.notebooks_dir() / name, as_version=4)
        params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        assert params.source.startswith("PLAN = None")
        assert "\nLANG = None" in params.source
        header = nb.cells[nb.cells.index(params) + 1]
        assert f"StepHeader(PLAN, LANG, step={step})" in header.source
        assert "PLAN, LANG = header.plan, header.lang" in header.source


def test_a_method_explanation_folds_under_its_own_heading(monkeypatch: pytest.MonkeyPatch) -> None:
    from rtplan.render.filters import explain_body, explain_title

    source = "## Metode / *Methods*\n**USG**: skor 1-5.\n\n*USG: scores 1-5.*\n"
    monkeypatch.setenv("RTPLAN_LANG", "id")
    assert explain_title(source) == "Metode"
    body = explain_body(bilingual_markdown(source, "id"))
    assert body == "**USG**: skor 1-5.\n"
    assert explain_title("**Voting titik**: ...\n") == "Penjelasan (klik untuk membuka)"
    monkeypatch.setenv("RTPLAN_LANG", "en")
    assert explain_title(source) == "Methods"
    assert explain_body(bilingual_markdown(source, "en")) == "USG: scores 1-5.\n"
    # step 1's method texts are the folded ones, so its forms are on the projector's first screen
    import nbformat

    nb = nbformat.read(workshop.notebooks_dir() / "01_kebutuhan.ipynb", as_version=4)
    folded = [c.source for c in nb.cells if "explain" in c.metadata.get("tags", [])]
    assert folded
    assert folded[0].startswith("## Metode")
