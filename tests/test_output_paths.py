"""Documents and exports never write into a plan folder (issue 10, item 1).

Every command that writes a file asks :func:`rtplan.export.paths.output_path`: a
target inside the plan's own folder (a table, ``plan.toml``, ``.history/``, the folder
itself, through a symlink too) or inside any folder holding a ``plan.toml`` is refused
with exit 2 and a message, and nothing in the plan changes. A directory given as
``-o`` gets the default file name inside it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from rtplan.cli import main
from rtplan.commands.export import EXPORTS
from rtplan.export.paths import OutputPathError, output_path


def plan_bytes(plan: Path) -> dict[str, str]:
    """Every file of the plan by hash (the empty lock file a load may leave aside)."""
    return {str(p.relative_to(plan)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(plan.rglob("*")) if (p.is_file() or p.is_symlink()) and p.name != ".rtplan.lock"}


def bad_targets(plan: Path, other: Path, tmp: Path) -> list[Path]:
    """Every kind of place inside a plan folder a careless -o could name."""
    (plan / ".history").mkdir(exist_ok=True)
    link = tmp / "link-to-plan"
    link.symlink_to(plan, target_is_directory=True)
    outside = tmp / "out"
    outside.mkdir(exist_ok=True)
    (outside / "sneaky.csv").symlink_to(plan / "participants.csv")
    return [plan / "participants.csv", plan / "plan.toml", plan / ".history" / "x.csv", plan,
            plan / "new-file.pdf", link / "needs.csv", link, outside / "sneaky.csv",
            other / "notes.txt", other]


# every command that writes a file, with the option that writes it
COMMANDS = {f"export --{k.flag}": ["export", "{plan}", f"--{k.flag}"] + (["--engine", "none"] if k.flag == "musrenbang"
                                                                       else []) for k in EXPORTS}
COMMANDS.update({
    "handout": ["handout", "{plan}", "--format", "html"],
    "report --kas": ["report", "{plan}", "--kas", "--format", "html"],
    "report --progress": ["report", "{plan}", "--progress", "--format", "html"],
    "rank -o": ["rank", "{plan}", "--format", "csv"],
})


def test_every_writing_command_refuses_every_plan_folder_target(example_dir: Path, make_plan, tmp_path: Path,
                                                                capsys) -> None:  # type: ignore[no-untyped-def]
    other = make_plan()
    targets = bad_targets(example_dir, other, tmp_path)
    before, before_other = plan_bytes(example_dir), plan_bytes(other)
    count = 0
    for name, argv in COMMANDS.items():
        for target in targets:
            code = main([a.replace("{plan}", str(example_dir)) for a in argv] + ["-o", str(target)])
            err = capsys.readouterr().err
            assert code == 2, (name, target, err)
            assert "folder rencana" in err and "Traceback" not in err, (name, target, err)
            count += 1
    assert plan_bytes(example_dir) == before and plan_bytes(other) == before_other
    assert (tmp_path / "out" / "sneaky.csv").is_symlink()
    print(f"{count} refused writes ({len(COMMANDS)} commands x {len(targets)} targets), plan bytes unchanged")


def test_refusal_is_in_the_plans_language(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["export", str(example_dir), "--ics", "--lang", "en", "-o", str(example_dir / "x.ics")])
    err = capsys.readouterr().err
    assert code == 2 and "inside the plan folder" in err and "-o" in err


def test_a_directory_gets_the_default_name(example_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "exports-here"
    out.mkdir()
    assert main(["export", str(example_dir), "--ics", "-o", str(out)]) == 0
    assert main(["rank", str(example_dir), "--format", "csv", "-o", str(out)]) == 0
    assert main(["export", str(example_dir), "--musrenbang", "--engine", "none", "-o", str(out) + os.sep]) == 0
    capsys.readouterr()
    name = example_dir.name
    assert sorted(p.name for p in out.iterdir()) == sorted([
        f"{name}-jadwal.ics", f"{name}-ranking-final.csv", f"{name}-usulan-musrenbang.xlsx",
        f"{name}-usulan-musrenbang.csv"])
    # a new folder written with a trailing slash is made
    made = output_path(str(tmp_path / "new") + os.sep, example_dir, "jadwal.ics", "id")
    assert made == tmp_path / "new" / f"{name}-jadwal.ics"


def test_output_path_unit(example_dir: Path, tmp_path: Path) -> None:
    ok = output_path(str(tmp_path / "a.ics"), example_dir, "jadwal.ics", "id")
    assert ok == tmp_path / "a.ics"
    with pytest.raises(OutputPathError):
        output_path(str(example_dir / "a.ics"), example_dir, "jadwal.ics", "id")
    # a file written beside the target (musrenbang's .csv) is checked too
    (tmp_path / "m.csv").symlink_to(example_dir / "needs.csv")
    with pytest.raises(OutputPathError):
        output_path(str(tmp_path / "m.xlsx"), example_dir, "x.xlsx", "id", siblings=(".csv",))
