"""The package's layers, as pyproject.toml's import-linter contract declares them.

faces > documents > renderers > views > core: a module imports only from its own layer or
those below. lint-imports keeps the contract; these tests also check that every module of
rtplan/ is in a layer, that no two packages import each other round in a circle, and that
the README's layer list says what the contract says.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "rtplan"
LAYER_NAMES = ("faces", "documents", "renderers", "views", "core")
# packages split across layers: their __init__ holds no code that imports rtplan
CONTAINERS = ("rtplan", "rtplan.room")


def _contract() -> dict[str, object]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return next(c for c in config["contracts"] if c["id"] == "layers")


def contract_layers() -> dict[str, set[str]]:
    """Layer name -> the modules the contract puts in it (full dotted names)."""
    contract = _contract()
    containers = contract["containers"]
    assert containers == ["rtplan"]
    layers = contract["layers"]
    assert isinstance(layers, list)
    assert len(layers) == len(LAYER_NAMES)
    return {name: {f"rtplan.{m.strip()}" for m in re.split(r"[:|]", spec)} for name, spec in zip(LAYER_NAMES, layers)}


def package_modules() -> list[str]:
    """Every module of rtplan/ by its dotted name (a package by its own name)."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out.append(".".join(parts))
    return out


def layer_of(module: str, layers: dict[str, set[str]]) -> list[str]:
    return [name for name, members in layers.items()
            if any(module == m or module.startswith(m + ".") for m in members)]


def _graph() -> grimp.ImportGraph:
    """rtplan's imports at run time (``if TYPE_CHECKING`` imports are for mypy only), less
    those the contract still ignores."""
    graph = grimp.build_graph("rtplan", exclude_type_checking_imports=True, cache_dir=None)
    for line in _contract().get("ignore_imports", []):  # type: ignore[union-attr]
        importer, imported = (s.strip() for s in str(line).split("->"))
        graph.remove_import(importer=importer, imported=imported)
    return graph


def test_lint_imports_keeps_the_layers() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_every_module_is_in_exactly_one_layer() -> None:
    layers = contract_layers()
    modules = package_modules()
    assert len(modules) > 150  # the walk found the package
    placed = {m: layer_of(m, layers) for m in modules if m not in CONTAINERS}
    assert {m: found for m, found in placed.items() if len(found) != 1} == {}
    # and every module the contract names exists
    known = set(modules)
    assert sorted(m for members in layers.values() for m in members if m not in known) == []


def test_containers_import_nothing_of_rtplan() -> None:
    graph = grimp.build_graph("rtplan", cache_dir=None)
    for container in CONTAINERS:
        assert graph.find_modules_directly_imported_by(container) == set(), container


def _cycles(nodes: set[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return found


def package_cycles(graph: grimp.ImportGraph) -> dict[str, list[list[str]]]:
    """Per package, the circles among its children (subpackages and modules) in which a
    subpackage takes part: ``a`` imports ``b`` when a module under ``a`` imports one under ``b``."""
    modules = graph.modules
    packages = {m for m in modules if any(o.startswith(m + ".") for o in modules)}
    out = {}
    for package in sorted(packages):
        prefix = package + "."

        def child(module: str, prefix: str = prefix) -> str:
            return prefix + module[len(prefix):].split(".", 1)[0]

        edges: dict[str, set[str]] = {}
        for module in modules:
            if not module.startswith(prefix):
                continue
            for imported in graph.find_modules_directly_imported_by(module):
                if imported.startswith(prefix) and child(imported) != child(module):
                    edges.setdefault(child(module), set()).add(child(imported))
        circles = [c for c in _cycles(set(edges), edges) if any(n in packages for n in c)]
        if circles:
            out[package] = circles
    return out


def test_no_cycle_between_packages() -> None:
    assert package_cycles(_graph()) == {}


def test_the_cycle_check_finds_a_circle() -> None:
    graph = _graph()
    graph.add_import(importer="rtplan.schema", imported="rtplan.views.base")  # core -> views, views -> schema
    assert "rtplan" in package_cycles(graph)


def readme_layers() -> dict[str, set[str]]:
    """The README's numbered layer list: layer name -> the modules it names in backticks
    (``rtplan/x/``, ``x/``, ``x.py``, ``room/server.py``: a path under rtplan/)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("The package reads as five layers", 1)[1].split("\n\n", 2)[1]
    out: dict[str, set[str]] = {}
    for line in block.splitlines():
        head = re.match(r"\d+\. \*\*(\w+)\*\*", line)
        assert head, line
        names = set()
        for named in re.findall(r"`([\w./]+)`", line):
            path = named.removeprefix("rtplan/").removesuffix("/").removesuffix(".py")
            names.add("rtplan." + path.replace("/", "."))
        out[head.group(1)] = names
    return out


def test_the_readme_names_the_contract_layers() -> None:
    """Every module of a contract layer is named in the README's line for that layer, and
    whatever that line names (a module, or a part of one) is in that layer."""
    readme, contract = readme_layers(), contract_layers()
    assert sorted(readme) == sorted(contract)
    known = set(package_modules())
    for name, members in contract.items():
        assert sorted(members - readme[name]) == [], name
        assert sorted(m for m in readme[name] if m not in known or layer_of(m, contract) != [name]) == [], name
