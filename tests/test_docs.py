"""The project's own docs: docs/plan-format.md covers the schema; nothing points outside
the repository or at an issue number."""

from __future__ import annotations

import re
from pathlib import Path

from rtplan.schema import META_FIELDS, TABLES

ROOT = Path(__file__).resolve().parents[1]
PLAN_FORMAT = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")


def _sections() -> dict[str, str]:
    """``### `name.csv` ...`` heading -> the text up to the next heading."""
    parts = re.split(r"^### `([\w.]+)`.*$", PLAN_FORMAT, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2]))


def test_every_table_and_column_of_the_schema_is_documented() -> None:
    sections = _sections()
    assert sorted(sections) == sorted(t.filename for t in TABLES.values())
    for table in TABLES.values():
        rows = re.findall(r"^\| `(\w+)` \| (\w+) \|", sections[table.filename], flags=re.MULTILINE)
        assert rows == [(c.name, c.kind) for c in table.columns], table.name
        for column in table.columns:
            for value in column.allowed or ():
                assert f"`{value}`" in sections[table.filename], (table.name, column.name, value)
        for key in table.key:
            assert f"`{key}`" in sections[table.filename].split("|", 1)[0], (table.name, key)


def test_every_plan_toml_field_is_documented() -> None:
    rows = dict(re.findall(r"^\| `([\w.]+)` \| (\w+) \|", PLAN_FORMAT.split("## plan.toml", 1)[1].split("\n## ")[0],
                           flags=re.MULTILINE))
    assert rows == {f.path: f.kind for f in META_FIELDS}


def test_the_docs_point_at_nothing_outside_the_repository() -> None:
    pattern = re.compile(r"design\.md|\.\./shared|shared/domain|shared/style|\b[Ii]ssues? #?\d+|\(#\d+\)")
    found = []
    for folder in ("rtplan", "docs"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in {".py", ".md", ".j2", ".ipynb", ".toml", ".css", ".json"}:
                text = path.read_text(encoding="utf-8")
                found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in pattern.finditer(text)]
    found += [f"README.md: {m.group(0)}" for m in pattern.finditer((ROOT / "README.md").read_text(encoding="utf-8"))]
    assert found == []
