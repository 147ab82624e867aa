"""The layers point down only, and no module imports itself back through others.

The order is DESIGN's: vocabularies and errors at the bottom, then the model, io, the
graph, the format protocols and planning, scoring, the exporters and importers, the
plugins, and the report and command line at the top. Every import counts, at module level
or inside a function; only imports for type checking (``if TYPE_CHECKING:``) do not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "democratie"

#: The layers, bottom first; a module may import from its own layer and those below.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"vocab", "errors", "_json", "_atomic", "_numbers", "_repr", "reference"}),
    frozenset({"model"}),
    frozenset({"io", "examples", "synth"}),
    frozenset({"graph"}),
    frozenset({"formats", "plan", "monitor"}),
    frozenset({"scoring"}),
    frozenset({"analysis"}),
    frozenset({"exporters", "importers"}),
    frozenset({"plugins"}),
    frozenset({"report", "testing"}),
    frozenset({"cli", "__init__", "__main__"}),
)
RANK = {name: rank for rank, layer in enumerate(LAYERS) for name in layer}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, modules: set[str]) -> set[str]:
    """What a module imports: ``from pkg import sub`` of a submodule counts as ``pkg.sub``.

    Every import of a submodule runs its package's ``__init__`` first; that is not an
    edge of its own.
    """
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for branch in node.orelse:
                visit(branch)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("democratie"))
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and (node.module or "").startswith("democratie")
        ):
            module = node.module or ""
            subs = {f"{module}.{a.name}" for a in node.names}
            if subs <= modules:
                found.update(subs)
            else:
                found.add(module)
        for inner in ast.iter_child_nodes(node):
            visit(inner)

    visit(tree)
    return found


def import_graph() -> nx.DiGraph[str]:
    """The modules of the package and which of them each imports."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        for target in _imports(ast.parse(path.read_text("utf-8")), set(modules)):
            if target in modules and target != name:
                graph.add_edge(name, target)
    return graph


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {_layer(m) for m in import_graph()}
    assert parts - set(RANK) == set()


def test_imports_point_down_only() -> None:
    upward = sorted(
        f"{source} imports {target}"
        for source, target in import_graph().edges
        if RANK[_layer(target)] > RANK[_layer(source)]
    )
    assert upward == []


def test_no_module_imports_itself_back() -> None:
    # A package importing its own submodules is the usual face of a package; a cycle
    # through anything else is not.
    graph = import_graph()
    cycles = [
        sorted(component)
        for component in nx.strongly_connected_components(graph)
        if len(component) > 1
    ]
    assert cycles == []


#: Inside the import layer, bottom first: the machinery the importers share, the two
#: importers (which do not import each other), and the format objects and the package.
IMPORTER_LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"_result", "_common", "_placement"}),
    frozenset({"ori", "popolo"}),
    frozenset({"formats", "__init__"}),
)
IMPORTER_RANK = {name: rank for rank, layer in enumerate(IMPORTER_LAYERS) for name in layer}


def _importer_part(module: str) -> str:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 else "__init__"


def test_the_importers_share_their_machinery_and_not_each_other() -> None:
    inside = [
        (source, target)
        for source, target in import_graph().edges
        if source.startswith("democratie.importers") and target.startswith("democratie.importers")
    ]
    parts = {_importer_part(m) for edge in inside for m in edge}
    assert parts - set(IMPORTER_RANK) == set()
    wrong = sorted(
        f"{source} imports {target}"
        for source, target in inside
        if IMPORTER_RANK[_importer_part(target)] > IMPORTER_RANK[_importer_part(source)]
        or {_importer_part(source), _importer_part(target)} == {"ori", "popolo"}
    )
    assert wrong == []
    # Both importers place roles with the one shared module.
    assert {"democratie.importers._placement"} <= {
        target for source, target in inside if source.startswith("democratie.importers.ori.")
    }
    assert {"democratie.importers._placement"} <= {
        target for source, target in inside if source.startswith("democratie.importers.popolo.")
    }
