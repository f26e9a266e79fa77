"""Every document builder lives in rtplan/documents/, and only the faces import it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "rtplan"
# the faces: the only modules outside the documents package that may import it
FACES = ("cli", "commands", "ui", "workshop", "room.server", "room.client")
MAX_LINES = 600


def _module(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_only_the_faces_import_the_documents() -> None:
    wrong = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module(path)
        if name.startswith("documents") or name.startswith(FACES):
            continue
        hits = sorted(m for m in _imports(path) if m == "rtplan.documents" or m.startswith("rtplan.documents."))
        if hits:
            wrong[name] = hits
    assert wrong == {}


def test_no_document_builder_outside_the_documents_package() -> None:
    for old in ("handout", "handout_short", "reports", "worksheets", "cards", "musrenbang", "ics"):
        assert not (PACKAGE / f"{old}.py").exists(), old
        assert (PACKAGE / "documents" / f"{old}.py").is_file(), old
    assert not (PACKAGE / "export" / "documents.py").exists()


def test_every_documents_module_is_under_the_size_limit() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (PACKAGE / "documents").glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}
