"""The one catalogue of labels: static keys, both languages, plural forms and .po files.

Static keys, the rules this file checks on the source of ``rtplan/`` (an AST scan):

1. The key given to ``t(...)`` or ``tn(...)`` is never built at run time: a string
   literal, ``a if cond else b`` of those, or a name, attribute or subscript that
   carries a whole key from elsewhere (``t(_OS_MESSAGES[code], lang)``, a declared
   ``help_key``), or ``KEYS.get(value, "default.key")``; never an f-string, ``+``,
   ``%`` or another call.
2. No string is put together from a key's namespace (``f"needs.col.{c}"``,
   ``"rule." + name``) anywhere in the package, except where the schema derives its
   label keys (``col.<table>.<column>``), which rule 5 checks one to one. (A view's
   name, the first argument of ``ViewSpec``, shares the namespaces but is no key.)
3. Every literal key (in ``t``/``tn`` calls, in module-level dicts of keys, in
   ``Col(..., label)`` and ``ViewSpec(caption=...)``) exists in the catalogue; ``t``
   never names a plural entry, ``tn`` always does.
4. Every catalogue key is used: it appears as a string literal in the package (so a
   reader can grep for it), or it is a schema label, or it is in :data:`UNUSED_OK`.
5. The schema's tables, columns and plan.toml fields have exactly the ``table.*``,
   ``col.*`` and ``meta.*`` entries.
6. Every ``{field}`` of the Indonesian text is in the English text too (and back).
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from rtplan import i18n
from rtplan.cli import main
from rtplan.messages import CATALOGUE, LANGUAGES, Label, languages, normalize_lang, t, text_of, tn
from rtplan.schema import META_FIELDS, TABLES

PACKAGE = Path(__file__).resolve().parents[1] / "rtplan"
MESSAGES_DIR = PACKAGE / "messages"
NAMESPACES = {key.split(".")[0] for key in CATALOGUE}
KEY_RE = re.compile(r"^[a-z_]+(\.[\w-]+)+$")

# files allowed to derive keys from a namespace, and why
DERIVED_OK = {
    "schema.py": "col.<table>.<column>, table.<name>, meta.<path>: checked one to one by rule 5",
}
# catalogue keys no literal names, and why
UNUSED_OK: dict[str, str] = {}


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if MESSAGES_DIR in path.parents:
            continue
        yield str(path.relative_to(PACKAGE)), ast.parse(path.read_text(encoding="utf-8"))


SOURCES = list(_sources())


def _called(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _literal_keys(node: ast.AST) -> list[str] | None:
    """The keys a static key expression can give; ``None`` when built at run time;
    ``[]`` when it forwards a key held elsewhere (name, attribute, subscript)."""
    if (text := _literal(node)) is not None:
        return [text]
    if isinstance(node, ast.IfExp):
        body, orelse = _literal_keys(node.body), _literal_keys(node.orelse)
        return None if body is None or orelse is None else body + orelse
    if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript)):
        return []
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
            and isinstance(node.func.value, ast.Name) and len(node.args) == 2):
        return _literal_keys(node.args[1])  # KEYS.get(value, "default.key")
    return None  # f-string, concatenation, any other call...


def _key_calls() -> Iterator[tuple[str, int, str, ast.AST]]:
    for rel, tree in SOURCES:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) in ("t", "tn") and node.args:
                yield rel, node.lineno, str(_called(node)), node.args[0]


def _module_key_dicts() -> Iterator[tuple[str, str]]:
    """Values of module-level dicts whose values are all keys: ``NAME = {x: "a.b", ...}``."""
    for rel, tree in SOURCES:
        for stmt in tree.body:
            value = stmt.value if isinstance(stmt, (ast.Assign, ast.AnnAssign)) else None
            if isinstance(value, ast.Dict) and value.values:
                texts = [_literal(v) for v in value.values]
                if all(s is not None and KEY_RE.match(s) and s.split(".")[0] in NAMESPACES for s in texts):
                    yield from ((rel, str(s)) for s in texts)


def _declared_keys() -> Iterator[tuple[str, str]]:
    """Keys in declarations: ``Col(key, label)`` and ``ViewSpec(..., caption=...)``."""
    for rel, tree in SOURCES:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _called(node)
            if name == "Col" and len(node.args) >= 2 and (s := _literal(node.args[1])) is not None:
                yield rel, s
            for kw in node.keywords:
                if name in ("Col", "ViewSpec") and kw.arg in ("label", "caption") and (
                        s := _literal(kw.value)) is not None:
                    yield rel, s


def _built_from_namespace(node: ast.AST) -> str | None:
    """The namespace prefix of a string put together at run time, if any."""
    first: ast.AST | None = None
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        first = node.left
    text = _literal(first) if first is not None else None
    if text and "." in text and " " not in text and text.split(".")[0] in NAMESPACES:
        return text
    return None


def test_keys_given_to_t_are_never_built_at_run_time() -> None:
    built = [f"{rel}:{line}: {fn}({ast.unparse(arg)}, ...)"
             for rel, line, fn, arg in _key_calls() if _literal_keys(arg) is None]
    assert not built, "keys built at run time (use a literal or a module-level dict of keys):\n" + "\n".join(built)


def test_no_string_is_built_from_a_key_namespace() -> None:
    found = []
    for rel, tree in SOURCES:
        if rel in DERIVED_OK:
            continue
        view_names = {id(node.args[0]) for node in ast.walk(tree)
                      if isinstance(node, ast.Call) and _called(node) == "ViewSpec" and node.args}
        for node in ast.walk(tree):
            prefix = _built_from_namespace(node)
            if prefix is not None and id(node) not in view_names:
                found.append(f"{rel}:{getattr(node, 'lineno', '?')}: {ast.unparse(node)[:80]}")
    assert not found, "keys put together from pieces:\n" + "\n".join(found)


def test_every_literal_key_exists_and_plural_use_matches() -> None:
    wrong = []
    for rel, line, fn, arg in _key_calls():
        for key in _literal_keys(arg) or []:
            if key not in CATALOGUE:
                wrong.append(f"{rel}:{line}: {key!r} is not in the catalogue")
                continue
            plural = any(isinstance(v, dict) for v in CATALOGUE[key].values())
            if plural != (fn == "tn"):
                wrong.append(f"{rel}:{line}: {key!r} {'has' if plural else 'lacks'} plural forms: use "
                             f"{'tn' if plural else 't'}")
    for rel, key in [*_module_key_dicts(), *_declared_keys()]:
        if key not in CATALOGUE:
            wrong.append(f"{rel}: {key!r} is not in the catalogue")
    assert not wrong, "\n".join(wrong)


def _schema_keys() -> set[str]:
    keys = {t_.label_key for t_ in TABLES.values()}
    keys |= {c.label_key for t_ in TABLES.values() for c in t_.columns}
    return keys | {f.label_key for f in META_FIELDS}


def test_every_catalogue_key_is_used() -> None:
    literals: set[str] = set()
    for _, tree in SOURCES:
        literals.update(s for node in ast.walk(tree) if (s := _literal(node)) is not None)
    unused = sorted(set(CATALOGUE) - literals - _schema_keys() - set(UNUSED_OK))
    assert not unused, f"{len(unused)} keys used nowhere (by a literal):\n" + "\n".join(unused)


def test_schema_labels_match_the_catalogue_one_to_one() -> None:
    in_catalogue = {k for k in CATALOGUE if k.split(".")[0] in ("table", "col", "meta")}
    assert in_catalogue == _schema_keys()
    needs = TABLES["needs"]
    assert needs.column("title").label["en"] == "Need/problem"
    assert needs.column("title").label_text("id") == "Kebutuhan/masalah"
    assert dict(needs.label) == {"id": "Kebutuhan", "en": "Needs"}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _forms(text: object) -> list[str]:
    return list(text.values()) if isinstance(text, dict) else [str(text)]


def test_fields_of_the_indonesian_text_are_in_the_english_text() -> None:
    differ = []
    for key, texts in CATALOGUE.items():
        fields = {lang: set().union(*(_fields(f) for f in _forms(texts[lang]))) for lang in LANGUAGES}
        if fields["id"] != fields["en"]:
            differ.append(f"{key}: id {sorted(fields['id'])} en {sorted(fields['en'])}")
        assert all(f.strip() for lang in LANGUAGES for f in _forms(texts[lang])), key
    assert not differ, "\n".join(differ)


# plural forms

def test_tn_picks_the_english_form_by_count_and_indonesian_has_one() -> None:
    assert tn("ui.count", 1, "en") == "1 row saved"
    assert tn("ui.count", 2, "en") == "2 rows saved"
    assert tn("ui.count", 0, "en") == "0 rows saved"
    assert tn("ui.count", 1, "id") == tn("ui.count", 1, None) == "1 baris tersimpan"
    assert tn("ui.count", 1, "en", n="one") == "one row saved"  # a formatted count


def test_t_refuses_a_plural_entry() -> None:
    with pytest.raises(TypeError, match="tn"):
        t("ui.count", "en")


# .po files: a third language without code

def test_extract_writes_a_template_of_the_whole_catalogue(tmp_path: Path) -> None:
    pot = tmp_path / "rtplan.pot"
    assert main(["i18n", "extract", "-o", str(pot)]) == 0
    with pot.open("rb") as fh:
        catalog = read_po(fh)
    by_key = {m.context: m for m in catalog if m.context}
    assert set(by_key) == set(CATALOGUE)
    saved = by_key["ui.saved"]
    assert saved.id == "Saved."
    assert saved.string == ""
    assert any("Tersimpan." in c for c in saved.auto_comments)
    count = by_key["ui.count"]
    assert count.id == ("{n} row saved", "{n} rows saved")  # msgid, msgid_plural


def test_a_po_file_in_rtplan_locale_dir_adds_a_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RTPLAN_LOCALE_DIR", raising=False)
    assert normalize_lang("jv") == "id"
    assert "jv" not in languages()
    assert main(["i18n", "init", "jv", "-o", str(tmp_path / "jv.po")]) == 0
    with (tmp_path / "jv.po").open("rb") as fh:
        catalog = read_po(fh, locale="jv")
    for message in catalog:
        if message.context == "ui.saved":
            message.string = "Kasimpen."
        elif message.context == "ui.count":
            message.string = ("{n} larik kasimpen",)
        elif message.context == "ui.saved_row":
            message.string = "{id.__class__} kasimpen"  # never run: falls back to Indonesian
        elif message.context == "ui.deleted_row":
            message.string = "{id"  # broken: falls back too
    with (tmp_path / "jv.po").open("wb") as fh:
        write_po(fh, catalog)
    monkeypatch.setenv("RTPLAN_LOCALE_DIR", str(tmp_path))
    assert normalize_lang("jv") == normalize_lang("jv_ID") == "jv"
    assert "jv" in languages()
    assert t("ui.saved", "jv") == "Kasimpen."
    assert tn("ui.count", 1, "jv") == "1 larik kasimpen"
    assert t("ui.save", "jv") == t("ui.save", "id") == "Simpan"  # untranslated: Indonesian
    assert t("ui.saved_row", "jv", id="P031") == "P031 tersimpan."
    assert t("ui.deleted_row", "jv", id="P031") == "P031 dihapus."
    assert TABLES["needs"].column("title").label["jv"] == "Kebutuhan/masalah"
    assert text_of("ui.saved", "jv") == "Kasimpen."


def test_init_refuses_to_overwrite_a_translation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "jv.po"
    target.write_text("# work in progress\n", encoding="utf-8")
    assert main(["i18n", "init", "jv", "-o", str(target), "--lang", "en"]) == 2
    assert target.read_text(encoding="utf-8") == "# work in progress\n"
    assert "exists" in capsys.readouterr().err


def test_template_round_trips_through_babel() -> None:
    catalog = i18n.template()
    assert len(catalog) == len(CATALOGUE)
    assert Label("col.needs.title")["en"] == "Need/problem"


def test_a_plan_may_speak_a_language_with_a_po_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rtplan.validation import check_meta

    meta = {"schema_version": 1, "title": "RT 05", "language": "jv", "area": {"rt": "05", "rw": "03"},
            "period": {"start": dt.date(2026, 8, 1), "end": dt.date(2027, 7, 31)}}
    monkeypatch.delenv("RTPLAN_LOCALE_DIR", raising=False)
    assert [p.column for p in check_meta(meta, "en")] == ["language"]
    assert main(["i18n", "init", "jv", "-o", str(tmp_path / "jv.po")]) == 0
    monkeypatch.setenv("RTPLAN_LOCALE_DIR", str(tmp_path))
    assert check_meta(meta, "en") == []


def test_update_keeps_translations_adds_new_keys_and_flags_changed_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    po = tmp_path / "jv.po"
    assert main(["i18n", "init", "jv", "-o", str(po)]) == 0
    with po.open("rb") as fh:
        catalog = read_po(fh, locale="jv")
    catalog.delete("Saved.", context="ui.saved")  # as if made before this key existed
    save = catalog.get("Save", context="ui.save")
    assert save is not None
    save.string = "Simpen"
    catalog.delete("Delete", context="ui.delete")  # as if its English text was different then
    catalog.add("Delete it", "Busak", context="ui.delete")
    with po.open("wb") as fh:
        write_po(fh, catalog)
    assert main(["i18n", "update", str(po)]) == 0
    with po.open("rb") as fh:
        updated = {m.context: m for m in read_po(fh, locale="jv") if m.context}
    assert set(updated) == set(CATALOGUE)
    assert (updated["ui.save"].string, updated["ui.save"].fuzzy) == ("Simpen", False)
    assert updated["ui.saved"].fuzzy or updated["ui.saved"].string == ""  # new: at most a suggestion
    assert (updated["ui.delete"].id, updated["ui.delete"].string) == ("Delete", "Busak")
    assert updated["ui.delete"].fuzzy  # kept for the translator to check, not used meanwhile
    monkeypatch.setenv("RTPLAN_LOCALE_DIR", str(tmp_path))
    assert t("ui.save", "jv") == "Simpen"
    assert t("ui.delete", "jv") == "Hapus"
    assert t("ui.saved", "jv") == "Tersimpan."
