"""The project's imports, read with `ast`: no cycle between any two modules, and every import
runs down the layers (DESIGN.md §1):

    infra ← stats ← content ← search ← methods, research, casestudies ← accounts ← api
          ← the site (pluginnovation) and the demo content ← benchmarks

Search knows the content types only through the registry (it sits below them), and the content
apps never import each other. Imports inside functions count too: hiding one there does not
make a cycle go away.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Lower imports nothing higher; apps on one level never import each other.
LAYERS = {
    "infra": 0,
    "stats": 1,
    "content": 2,
    "search": 3,
    "methods": 4,
    "research": 4,
    "casestudies": 4,
    "accounts": 5,
    # The open API and downloads: they read every app below them.
    "api": 6,
    "demo": 7,
    "pluginnovation": 7,
    # The benchmarks run the site with settings and a view of their own.
    "benchmarks": 8,
}


def project_sources(root: Path = ROOT) -> dict[str, str]:
    """{dotted module name: source} of every module of our apps."""
    sources = {}
    for app in LAYERS:
        for path in sorted((root / app).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            sources[".".join(parts)] = path.read_text(encoding="utf-8")
    return sources


def imports_of(module: str, source: str, known: set[str]) -> set[str]:
    """The project modules `module` imports (a name imported from a package counts as its
    submodule when there is one)."""
    is_package = any(name.startswith(module + ".") for name in known)
    package = module if is_package else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # A submodule by that name, else a name defined in the module itself.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != module:
                found.add(target)
    return found


def import_graph(sources: dict[str, str]) -> dict[str, set[str]]:
    known = set(sources)
    return {module: imports_of(module, source, known) for module, source in sources.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of imports as [a, b, …, a], or []."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = "open"
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[module] = "done"
        return []

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return []


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    """Imports from an app to one on a higher layer, or to another app on its own layer."""
    wrong = []
    for module, targets in graph.items():
        app = module.split(".")[0]
        for target in targets:
            other = target.split(".")[0]
            if other != app and LAYERS[other] >= LAYERS[app]:
                wrong.append(f"{module} imports {target}")
    return sorted(wrong)


def test_no_two_modules_of_the_project_import_each_other_in_a_cycle():
    cycle = find_cycle(import_graph(project_sources()))
    assert not cycle, " → ".join(cycle)


def test_every_import_runs_down_the_layers():
    assert upward_imports(import_graph(project_sources())) == []


def test_search_knows_the_content_types_only_through_the_registry():
    graph = import_graph(project_sources())
    content_apps = {"methods", "research", "casestudies"}
    assert not [
        (module, target)
        for module, targets in graph.items()
        if module.split(".")[0] == "search"
        for target in targets
        if target.split(".")[0] in content_apps
    ]


# The checks themselves, on a small made-up project: they must see what they look for.


def test_the_cycle_check_finds_a_cycle_hidden_in_a_function():
    sources = {
        "content.models": "from search import indexing\n",
        "search": "",
        "search.indexing": "def f():\n    from content.models import Article\n",
    }
    assert find_cycle(import_graph(sources)) == [
        "content.models",
        "search.indexing",
        "content.models",
    ]


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        (
            "stats.views",
            "from methods.models import Method\n",
            "stats.views imports methods.models",
        ),
        ("methods.views", "from research import models\n", "methods.views imports research.models"),
        (
            "search.facets",
            "import casestudies.models\n",
            "search.facets imports casestudies.models",
        ),
        (
            "infra.cache",
            "from content.registry import get\n",
            "infra.cache imports content.registry",
        ),
    ],
)
def test_the_layer_check_finds_an_import_that_runs_up_or_sideways(module, source, expected):
    sources = {
        module: source,
        "methods.models": "",
        "research": "",
        "research.models": "",
        "casestudies.models": "",
        "content.registry": "",
    }
    assert upward_imports(import_graph(sources)) == [expected]


def test_relative_imports_are_read_as_the_modules_they_name():
    sources = {
        "content": "",
        "content.templatetags": "",
        "content.templatetags.content": "from .. import models\nfrom ..registry import get\n",
        "content.models": "",
        "content.registry": "",
    }
    assert import_graph(sources)["content.templatetags.content"] == {
        "content.models",
        "content.registry",
    }
