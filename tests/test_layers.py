"""The house reads from its folders: subpackages import only those below them, and no module imports itself back.

Order, lowest first: ``utils`` (what knows nothing of posts: work in a forked process), ``content``
(what a post is), ``photos``, ``authoring``
(what is generated from the schema), ``build``, ``ci``, ``kiriman``; the
command and the public seam (``cli``, ``api``, ``__main__``) sit on top.
CONTRIBUTING.md explains each.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import etalase

PACKAGE = Path(etalase.__file__).resolve().parent
LAYERS = ["utils", "content", "photos", "authoring", "build", "ci", "kiriman"]
TOP = {"api", "cli", "__main__", "__init__"}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("etalase", *parts)).removesuffix(".__init__")
        found[name] = path
    return found


def imports_of(path: Path, *, at_import_time: bool) -> set[str]:
    """Etalase modules ``path`` imports (only those run when it is imported, if ``at_import_time``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if at_import_time else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "etalase":
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "etalase")
    return found & set(modules())


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "(top)"


def test_every_module_lives_in_a_subpackage_or_is_the_command() -> None:
    loose = [name for name in modules() if layer(name) == "(top)" and name.split(".")[-1] not in TOP | {"etalase"}]
    assert not loose, f"modules outside the subpackages: {loose}"
    assert {layer(name) for name in modules()} - {"(top)"} == set(LAYERS)


def test_no_subpackage_imports_one_above_it() -> None:
    upward = []
    for name, path in modules().items():
        own = layer(name)
        if own == "(top)":
            continue
        for imported in imports_of(path, at_import_time=False) - {"etalase"}:  # the package root holds only its version
            other = layer(imported)
            if other == "(top)" or LAYERS.index(other) > LAYERS.index(own):
                upward.append(f"{name} -> {imported}")
    assert not upward, "imports that run upward:\n" + "\n".join(sorted(upward))


def test_no_import_cycles() -> None:
    graph = defaultdict(set)
    for name, path in modules().items():
        graph[name] = {imported for imported in imports_of(path, at_import_time=True) if imported != name}
    seen: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(graph[node]):
            if seen.get(nxt) == 1 and not nxt.startswith(node + ".") and not node.startswith(nxt):
                cycles.append([*(path[path.index(nxt) :] if nxt in path else path), nxt])
            elif nxt not in seen:
                visit(nxt, [*path, nxt])
        seen[node] = 2

    for name in sorted(graph):
        if name not in seen:
            visit(name, [name])
    assert not cycles, cycles[:5]


def test_no_two_modules_share_a_name() -> None:
    names = defaultdict(list)
    for name in modules():
        leaf = name.split(".")[-1]
        if leaf != "__init__" and name.count(".") > 1 or leaf in TOP - {"__init__"}:
            names[leaf].append(name)
    assert not {leaf: found for leaf, found in names.items() if len(found) > 1}


def test_no_module_but_the_registry_lists_the_categories() -> None:
    """A category is one record of ``content/categories.py``: no other module spells out the category ids."""
    from etalase.content.categories import REGISTRY

    ids = set(REGISTRY.ids())
    listing = {}
    for name, path in modules().items():
        if name == "etalase.content.categories":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        named = {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and node.value in ids and id(node) not in docstrings
        }
        if len(named) > 1:
            listing[name] = sorted(named)
    assert not listing, f"modules that list categories instead of asking the registry: {listing}"
