"""The modules of pipeline/ import each other without a cycle: each sits above what it uses."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "pipeline"
# pipeline.lint registers the rules of these modules by importing them at its end, and they import its
# `rule` decorator: the one cycle kept on purpose, so that lint's output and docs/lint-rules.md list
# lint.py's own rules first.
RULE_MODULES = {
    "pipeline.consistency",
    "pipeline.lint_evaluation",
    "pipeline.lint_languages",
    "pipeline.lint_members",
    "pipeline.lint_plans",
    "pipeline.lint_seats",
    "pipeline.lint_subgrants",
    "pipeline.lint_text",
}
REGISTRATION = {("pipeline.lint", module) for module in RULE_MODULES}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """Every pipeline module that `path` imports anywhere: at the top, inside a function (imported
    late, but imported all the same) or for type checking only."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in modules else node.module)
    return {name for name in found if name in modules}


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(path) for path in paths}
    graph = {module_name(path): imports_of(path, modules) - {module_name(path)} for path in paths}
    return {module: {d for d in uses if (module, d) not in REGISTRATION} for module, uses in graph.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of the graph as the list of its modules (the first repeated at the end), or None."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = "visiting"
        path.append(module)
        for used in sorted(graph[module]):
            if state.get(used) == "visiting":
                return [*path[path.index(used) :], used]
            if used not in state and (cycle := visit(used)):
                return cycle
        path.pop()
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return None


def test_the_modules_of_pipeline_import_each_other_without_a_cycle() -> None:
    graph = import_graph()
    assert {"pipeline.build", "pipeline.documents", "pipeline.partnerships", "pipeline.inputs"} <= graph.keys()
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_graph_check_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_registration_of_lint_rules_is_the_only_exception() -> None:
    # Were the rule modules to stop importing pipeline.lint, the exception would hide nothing: drop it.
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    for module in RULE_MODULES:
        assert "pipeline.lint" in imports_of(paths[module], set(paths)), module
