"""Where documents and exports may be written: never into a plan folder.

:func:`refuse_plan_targets` runs before every command (``rtplan.cli.main``): any
``-o`` (and the ``.po`` file ``i18n update`` rewrites) inside a plan folder is refused,
for every command, ``i18n`` and ``research export`` included. :func:`output_path` is
what every command that writes a document asks for its file
(``handout``, ``report``, ``export`` of every kind, ``rank -o``). It

* takes ``-o`` as given, or the default file in ``exports/`` when there is none;
* puts the default file name inside a directory given as ``-o`` (existing, or
  written with a trailing slash);
* resolves symlinks, then refuses (:class:`OutputPathError`, exit 2) a target inside
  the plan's own folder (its tables, ``plan.toml``, ``.history/``, the folder itself)
  or inside any folder that holds a ``plan.toml``.

A refused write changes nothing: the check runs before any file is made.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from rtplan.exceptions import RtplanError
from rtplan.messages import t

PLAN_FILE = "plan.toml"
EXPORTS_DIR = "exports"


class OutputPathError(RtplanError):
    """Raised when an output would be written into a plan folder (or over a non-file)."""


def plan_folder_of(path: Path, plan_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """The plan folder that holds ``path`` (resolved), or ``None``.

    ``path`` is inside a plan folder when it is ``plan_dir`` itself or under it, or when
    it or any folder above it holds a ``plan.toml``.
    """
    resolved = Path(path).resolve()
    if plan_dir is not None:
        plan = Path(plan_dir).resolve()
        if resolved == plan or resolved.is_relative_to(plan):
            return plan
    for folder in (resolved, *resolved.parents):
        try:
            if (folder / PLAN_FILE).exists():
                return folder
        except OSError:  # an unreadable folder: cannot hold our plan
            continue
    return None


def check_output(path: str | os.PathLike[str], plan_dir: str | os.PathLike[str] | None, lang: str) -> Path:
    """``path`` if a document may be written there; :class:`OutputPathError` if not."""
    target = Path(path)
    plan = plan_folder_of(target, plan_dir)
    if plan is not None:
        raise OutputPathError(t("doc.output_in_plan", lang, path=target, plan=plan))
    if target.exists() and not target.is_file():
        raise OutputPathError(t("doc.output_not_file", lang, path=target))
    return target


def check_document_output(plan_dir: str | os.PathLike[str], output: str | os.PathLike[str], lang: str,
                          folder: bool = False) -> Path:
    """:func:`check_output` for a document builder (worksheets, cards, voting slips).

    ``folder``: ``output`` is a directory to write several files into (the cards).
    """
    if not folder:
        return check_output(output, plan_dir, lang)
    plan = plan_folder_of(Path(output), plan_dir)
    if plan is not None:
        raise OutputPathError(t("doc.output_in_plan", lang, path=output, plan=plan))
    return Path(output)


def default_output(plan_dir: str | os.PathLike[str], filename: str, cwd: Path | None = None) -> Path:
    """Where an export goes without ``-o``: ``exports/`` in the current folder if it has one,
    else the ``exports/`` folder of the project that holds the plan (``data/<plan>`` ->
    ``exports/``), else a new ``exports/`` in the current folder."""
    cwd = Path.cwd() if cwd is None else cwd
    name = f"{Path(plan_dir).resolve().name}-{filename}"
    if (cwd / EXPORTS_DIR).is_dir():
        return cwd / EXPORTS_DIR / name
    for parent in Path(plan_dir).resolve().parents:
        if (parent / EXPORTS_DIR).is_dir():
            return parent / EXPORTS_DIR / name
    return cwd / EXPORTS_DIR / name


# the argparse destinations that name a file or folder a command writes (``-o``, the
# ``.po`` file ``i18n update`` rewrites, the research secret a first export creates):
# :func:`refuse_plan_targets` checks each of them
WRITTEN_ARGS = ("output", "po_file", "secret_file")


def _plan_language(folder: Path) -> str | None:
    import tomllib

    try:
        meta = tomllib.loads((folder / PLAN_FILE).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None
    value = meta.get("language")
    return value if isinstance(value, str) else None


def refuse_plan_targets(args: object, lang: str | None) -> None:
    """The one check every command that writes files passes before it runs.

    Each option of ``args`` named in :data:`WRITTEN_ARGS` that is set must lie outside
    every plan folder (the command's own ``plan_dir`` and any folder holding a
    ``plan.toml``, symlinks resolved); :class:`OutputPathError` (exit 2) otherwise, in
    ``lang``, or the language of the plan it would have written into. Nothing is
    written before this check.
    """
    plan_dir = getattr(args, "plan_dir", None)
    for name in WRITTEN_ARGS:
        value = getattr(args, name, None)
        if value is None or not isinstance(value, (str, os.PathLike)) or os.fspath(value) == "":
            continue
        target = Path(value)
        plan = plan_folder_of(target, plan_dir)
        if plan is not None:
            raise OutputPathError(t("doc.output_in_plan", lang or _plan_language(plan), path=target, plan=plan))


def output_path(
    requested: str | os.PathLike[str] | None,
    plan_dir: str | os.PathLike[str],
    filename: str,
    lang: str,
    siblings: Iterable[str] = (),
) -> Path:
    """The file to write for ``-o requested`` (``None``: the default in ``exports/``).

    Parameters
    ----------
    requested : what the user gave with ``-o`` (a file, or a directory for the default name).
    plan_dir : the plan the output is made from.
    filename : the default file name after the plan folder's name (``jadwal.ics``).
    lang : language of the refusal message.
    siblings : other suffixes written beside the file (``.csv``, ``.pdf``): checked too.
    """
    if requested is None or str(requested) == "":
        target = default_output(plan_dir, filename)
    else:
        text = os.fspath(requested)
        target = Path(text)
        if text.endswith((os.sep, "/")) or target.is_dir():
            target = target / default_output(plan_dir, filename).name
    check_output(target, plan_dir, lang)
    for suffix in siblings:
        check_output(target.with_suffix(suffix), plan_dir, lang)
    return target
