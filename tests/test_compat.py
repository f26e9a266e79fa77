"""Each patch of a library's internals (rtplan.compat) still takes effect, and there is no other."""

from __future__ import annotations

import argparse
import ast
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rtplan import compat

PACKAGE = Path(__file__).resolve().parent.parent / "rtplan"


@pytest.mark.parametrize("patch", compat.PATCHES, ids=lambda p: p.name)
def test_the_installed_libraries_are_the_versions_the_patch_was_checked_with(patch: compat.Patch) -> None:
    # fails after an upgrade past the range: check the patch against the new version, then widen it
    assert patch.in_range(), f"{patch.name}: checked with {patch.checked}; see {patch.upstream}"
    assert patch.upstream.startswith("https://github.com/")


def test_a_version_outside_the_range_is_not_patched() -> None:
    old = compat.Patch("x", "x", "https://github.com/x/x/issues/1", (("python", (2,), (3,)),), "none")
    missing = compat.Patch("y", "y", "https://github.com/y/y/issues/1", (("no-such-dist-rtplan", (0,), (99,)),), "")
    assert not old.in_range()
    assert not missing.in_range()


def _png(opaque: bool) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB" if opaque else "RGBA", (40, 30), (10, 120, 200)).save(out, format="png")
    return out.getvalue()


def test_weasyprint_writes_a_kept_image_again_without_encoding_it(tmp_path: Path) -> None:
    import base64

    from weasyprint import HTML
    from weasyprint.images import RasterImage

    assert compat.keep_encoded_images()
    assert getattr(RasterImage.get_x_object, "rtplan_kept", False)
    src = "data:image/png;base64," + base64.b64encode(_png(opaque=True)).decode("ascii")
    html = f'<img src="{src}" style="width:4cm">'
    first = HTML(string=html).write_pdf()
    hits = compat.IMAGE_HITS[0]
    second = HTML(string=html).write_pdf()
    assert compat.IMAGE_HITS[0] == hits + 1  # the second print reused the first's PDF image
    assert first == second
    # an image with a mask is never kept (WeasyPrint changes it as it writes it)
    masked = '<img src="data:image/png;base64,' + base64.b64encode(_png(opaque=False)).decode("ascii") + '">'
    HTML(string=masked).write_pdf()
    hits = compat.IMAGE_HITS[0]
    HTML(string=masked).write_pdf()
    assert compat.IMAGE_HITS[0] == hits


_VOILA_SCRIPT = """
import json
import ipywidgets as w
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import display
from rtplan import compat

InteractiveShell.instance()
placed = compat.capture_outputs_as_state()
out = w.Output()
with out:
    display({"text/plain": "first"}, raw=True)
    out.clear_output(wait=True)
    display({"text/plain": "second"}, raw=True)
print(json.dumps({"placed": placed, "outputs": [o["data"] for o in out.outputs]}))
"""


def test_an_output_widget_in_voila_gets_what_is_displayed_as_its_state() -> None:
    # in a process of its own: the patch is for the whole kernel
    done = subprocess.run([sys.executable, "-c", _VOILA_SCRIPT], capture_output=True, text=True, check=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {"placed": True, "outputs": [{"text/plain": "second"}]}


def test_no_shell_no_patch() -> None:
    import ipywidgets as w

    assert compat.capture_outputs_as_state() is False  # a test process has no IPython shell
    assert not getattr(w.Output, "_rtplan_state_capture", False)


def test_argparse_words_its_messages_as_asked_and_only_inside_the_block() -> None:
    parser = argparse.ArgumentParser(prog="rtplan")
    words = {"usage: ": "pemakaian: "}
    with compat.argparse_messages(words.get) as placed:
        assert placed
        assert parser.format_usage().startswith("pemakaian: rtplan")
        assert "-h, --help" in parser.format_help()  # what is not translated stays argparse's
    assert parser.format_usage().startswith("usage: rtplan")


def test_jsonschema_leaves_the_iri_checker_out_when_rtplan_export_is_imported_first() -> None:
    code = ("import sys, rtplan.export, jsonschema\n"
            "print(sorted(jsonschema.FormatChecker.checkers).count('iri'), 'rfc3987_syntax' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "False"]
    code = "import jsonschema; print('iri' in jsonschema.FormatChecker.checkers)"
    plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert plain.stdout.split() == ["True"]  # without rtplan, jsonschema has it: the patch is what removes it


def _library_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names if not a.name.startswith("rtplan")}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and not str(node.module).startswith("rtplan"):
            names |= {a.asname or a.name for a in node.names}
    return names


def _root(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def test_no_library_is_patched_outside_the_compat_module() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "compat.py" and path.parent == PACKAGE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        libs = _library_names(tree)
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, ast.AugAssign | ast.AnnAssign) else []
            for target in targets:
                # a process's own streams are its to redirect (the PDF engine's child does)
                if isinstance(target, ast.Attribute) and _root(target) in libs \
                        and ast.unparse(target) not in ("sys.stdout", "sys.stderr"):
                    found.append(f"{path.name}:{node.lineno}")
                if isinstance(target, ast.Subscript) and ast.unparse(target.value) == "sys.modules":
                    found.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr" \
                    and node.args and _root(node.args[0]) in libs:
                found.append(f"{path.name}:{node.lineno}")
    assert found == []
