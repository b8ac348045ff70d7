"""The layering rules of ``desktop/``, checked on the source with ``ast``.

Every check takes the path of a ``desktop`` package directory, so the same code runs on the
real tree (``tests/test_layering.py``) and on small trees planted in ``tmp_path`` that prove
each rule can fail. Nothing here imports ``desktop``: parsing, not importing, means a lazy or
``TYPE_CHECKING`` import is seen exactly like a top-level one.

Layers, lowest first (an import may point only to the same or an earlier layer):

====  ========  =======================================================================
rank  layer     modules
====  ========  =======================================================================
10    core      ``desktop.core.*`` — standard library only (no Qt, no sqlite3)
15    base      ``desktop`` (``__init__``: version), ``desktop.paths``, ``desktop.resources``
20    store     ``desktop.store.*`` — the only place with SQL
30    io        ``desktop.io.*`` — importers and exporters
35    learn     ``desktop.learn.*`` — the statistical tagger (third-party learning libraries)
37    analysis  ``desktop.analysis.*`` — derived views of the project (graphs, timelines)
40    ops       ``desktop.ops.*`` — Qt-free edit operations
50    ui        ``desktop.ui.*`` and ``desktop.settings`` (a QSettings wrapper, so Qt)
60    app       ``desktop.app``, ``desktop.defaults``
70    cli       ``desktop.cli``, ``desktop.cli_*``, ``desktop.commands``, ``desktop.__main__``
====  ========  =======================================================================

``base`` sits between core and store: every layer above core may use it, core may not (core
stays standard-library only), and base itself may use nothing above core.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "desktop"

RANKS: dict[str, int] = {
    "core": 10,
    "base": 15,
    "store": 20,
    "io": 30,
    "learn": 35,
    "analysis": 37,
    "ops": 40,
    "ui": 50,
    "app": 60,
    "cli": 70,
}

# Every module under desktop/ must match one of these (module name, fnmatch pattern; the first
# match wins). A module matching none fails test_every_module_is_classified: decide where it
# belongs and add it here, do not widen a pattern to make the test pass.
CLASSIFICATION: tuple[tuple[str, str], ...] = (
    ("desktop", "base"),  # desktop/__init__.py: __version__ only
    ("desktop.paths", "base"),  # XDG folders, standard library only
    ("desktop.resources", "base"),  # importlib.resources; reads the gazetteer for core
    # Packaging (issue 18): child-process command lines, and third-party licences.
    ("desktop.children", "base"),  # sys.executable, frozen or not: standard library only
    ("desktop.licences", "base"),  # importlib.metadata: standard library only
    ("desktop.core", "core"),
    ("desktop.core.*", "core"),
    ("desktop.store", "store"),
    ("desktop.store.*", "store"),
    ("desktop.io", "io"),
    # The reader process (python -m desktop.io.worker: risky parsers under a memory and a time
    # limit) and what one imported file may cost: io, below ops, so batch.py can use them.
    ("desktop.io.worker", "io"),
    ("desktop.io.importers.limits", "io"),
    # Exchange formats of other tools (docs/interop.md): UIMA CAS XMI, brat, CoNLL/BIO,
    # REFI-QDA, W3C Web Annotation.
    ("desktop.io.exchange", "io"),
    ("desktop.io.exchange.offsets", "io"),
    ("desktop.io.exchange.common", "io"),
    ("desktop.io.exchange.xmi", "io"),
    ("desktop.io.exchange.brat", "io"),
    ("desktop.io.exchange.conll", "io"),
    ("desktop.io.exchange.collect", "io"),
    ("desktop.io.exchange.qdpx", "io"),
    ("desktop.io.exchange.w3c", "io"),
    ("desktop.io.*", "io"),
    ("desktop.learn", "learn"),
    ("desktop.learn.*", "learn"),
    ("desktop.analysis", "analysis"),
    ("desktop.analysis.*", "analysis"),
    ("desktop.ops", "ops"),
    ("desktop.ops.exchange", "ops"),  # XMI and brat imports as one undoable step
    ("desktop.ops.*", "ops"),
    ("desktop.settings", "ui"),  # imports PySide6.QtCore (QSettings): usable from ui and up
    ("desktop.ui", "ui"),
    ("desktop.ui.*", "ui"),
    ("desktop.app", "app"),
    ("desktop.defaults", "app"),
    ("desktop.cli", "cli"),
    ("desktop.cli_*", "cli"),
    ("desktop.commands", "cli"),
    ("desktop.__main__", "cli"),
)

QT_MODULES = frozenset({"PySide6", "shiboken6", "qtawesome", "qtpy", "PyQt5", "PyQt6"})
# Layers that must run headless: core (also covered by its stdlib-only rule), base (imported by
# every headless command), store, io and ops.
QT_FREE_LAYERS = frozenset({"core", "base", "store", "io", "learn", "analysis", "ops"})
# Third-party libraries that only one module may import, so the dependency stays in one place
# (and every other module imports without it): top-level module name → the importing module
# (or the few modules, each the one place of its layer).
ONLY_IN: dict[str, str | tuple[str, ...]] = {
    "pycrfsuite": "desktop.learn.crf",
    "cassis": "desktop.io.exchange.xmi",  # dkpro-cassis, imported lazily
    "networkx": "desktop.analysis.layout",  # graph measures, GraphML (the entity network)
    # the network's force layout; the CRF's tagging of a whole article (its weights as arrays)
    "numpy": ("desktop.analysis.layout", "desktop.learn.crf"),
}
SQL_MODULES = frozenset({"sqlite3", "_sqlite3", "sqlite_utils", "apsw"})
# Attributes that only a database connection (sqlite3 or sqlite_utils) has in this code base.
SQL_ATTRIBUTES = frozenset({"conn", "execute", "executemany", "executescript"})
CORE_FORBIDDEN_STDLIB = frozenset({"sqlite3", "_sqlite3"})

# A string literal that *is* SQL: an upper-case statement keyword at the start, followed by
# what that statement needs (DELETE FROM, INSERT INTO, UPDATE t SET, CREATE TABLE, ...).
# Upper case is required and the second part must be there, so UI text such as "Delete from
# project", "UPDATE available" or "WITH care" does not match; docstrings and other bare string
# statements are skipped before this is applied. Arabic text never starts with these words.
SQL_LITERAL = re.compile(
    r"""^\s*(?:
        SELECT\s+\S.*?\bFROM\s
      | SELECT\s+\S+\s*;?\s*$
      | (?:INSERT|REPLACE)\s+(?:OR\s+[A-Z]+\s+)?INTO\s
      | UPDATE\s+(?:OR\s+[A-Z]+\s+)?["\w.]+\s+SET\s
      | DELETE\s+FROM\s
      | CREATE\s+(?:TEMP(?:ORARY)?\s+|UNIQUE\s+|VIRTUAL\s+)*(?:TABLE|INDEX|VIEW|TRIGGER)\s
      | DROP\s+(?:TABLE|INDEX|VIEW|TRIGGER)\s
      | ALTER\s+TABLE\s
      | PRAGMA\s+[\w.]+
      | WITH\s+(?:RECURSIVE\s+)?\S.*?(?:\bAS\s*\(|\bSELECT\s)
      | (?:BEGIN(?:\s+(?:DEFERRED|IMMEDIATE|EXCLUSIVE))?(?:\s+TRANSACTION)?|COMMIT|ROLLBACK
         |VACUUM|SAVEPOINT\s+\w+|RELEASE\s+SAVEPOINT\s+\w+)\s*;?\s*$
    )""",
    re.VERBOSE | re.DOTALL,
)
# An f-string is matched as a whole, each {…} standing in as this name: f"UPDATE {table} SET"
# reads as SQL although none of its constant pieces does on its own.
FSTRING_HOLE = "_x_"

TOP_LEVEL = "top-level"
LAZY = "lazy"  # inside a function: runs on first call, still a dependency
TYPE_CHECKING = "TYPE_CHECKING"  # only for the type checker, still a dependency


@dataclass(frozen=True)
class Import:
    """One imported name, with the importing module and where the statement is."""

    module: str  # the importing module, e.g. "desktop.store.x"
    path: Path
    line: int
    target: str  # absolute dotted name; "desktop.ui.reader" for ``from desktop.ui import reader``
    statement: str  # the statement as written (normalised by ast.unparse)
    kind: str  # TOP_LEVEL, LAZY or TYPE_CHECKING

    @property
    def top(self) -> str:
        return self.target.split(".")[0]

    def where(self, root: Path) -> str:
        return f"{_relative(self.path, root)}:{self.line}"

    def describe(self) -> str:
        kind = "" if self.kind == TOP_LEVEL else f", {self.kind}"
        return f"`{self.statement}` ({self.target}{kind})"


@dataclass(frozen=True, order=True)
class Violation:
    file: str  # relative to the folder holding the package, e.g. "desktop/store/x.py"
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


# --- Reading the tree ---------------------------------------------------------------------


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root.parent).as_posix()


def modules(root: Path) -> dict[str, Path]:
    """Module name → file for every ``.py`` under ``root`` (a package directory); a
    package's ``__init__.py`` is the package itself."""
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if "__pycache__" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join((root.name, *parts))] = path
    return found


def layer_of(module: str) -> str | None:
    for pattern, layer in CLASSIFICATION:
        if fnmatchcase(module, pattern):
            return layer
    return None


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


class _Collector(ast.NodeVisitor):
    """Every import statement (and ``importlib.import_module("…")`` / ``__import__("…")`` with a
    literal name) with whether it runs at import time, in a function, or only for type
    checking. Class bodies run at import time, so they count as top level."""

    def __init__(self) -> None:
        self.found: list[tuple[ast.stmt | ast.Call, str]] = []
        self._functions = 0
        self._type_checking = 0

    def _kind(self) -> str:
        if self._type_checking:
            return TYPE_CHECKING
        return LAZY if self._functions else TOP_LEVEL

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        # Decorators, defaults and annotations run when the function is defined; only the body
        # is deferred.
        if not isinstance(node, ast.Lambda):
            for decorator in node.decorator_list:
                self.visit(decorator)
            if node.returns:
                self.visit(node.returns)
        self.visit(node.args)
        self._functions += 1
        for child in node.body if isinstance(node.body, list) else [node.body]:
            self.visit(child)
        self._functions -= 1

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._function(node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._function(node)

    def visit_If(self, node: ast.If) -> None:
        if not _is_type_checking(node.test):
            self.generic_visit(node)
            return
        self._type_checking += 1
        for child in node.body:
            self.visit(child)
        self._type_checking -= 1
        for child in node.orelse:  # the else branch is what runs
            self.visit(child)

    def visit_Import(self, node: ast.Import) -> None:
        self.found.append((node, self._kind()))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.found.append((node, self._kind()))

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if (
            name in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            self.found.append((node, self._kind()))
        self.generic_visit(node)


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _package_of(module: str, path: Path) -> str:
    """The package a relative import starts from: ``__init__.py`` is its own package."""
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    parts = _package_of(module, path).split(".")
    if node.level - 1 >= len(parts):
        raise ImportError(
            f"{path}:{node.lineno}: `{ast.unparse(node)}` goes above the top-level package"
        )
    base = ".".join(parts[: len(parts) - (node.level - 1)])
    return f"{base}.{node.module}" if node.module else base


def imports_of(module: str, path: Path, known: Iterable[str] = ()) -> list[Import]:
    """Every import in one file, relative ones made absolute. ``from pkg import name`` counts
    as importing the module ``pkg.name`` when that is a module in ``known``, else ``pkg``."""
    known = set(known)
    collector = _Collector()
    collector.visit(_parse(path))
    result: list[Import] = []
    for node, kind in collector.found:
        statement = ast.unparse(node)
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, path, node)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                targets.append(submodule if submodule in known else base)
        elif isinstance(node, ast.Call):
            first = node.args[0]
            assert isinstance(first, ast.Constant) and isinstance(first.value, str)
            name = first.value
            if name.startswith("."):  # import_module(".x", package=__package__)
                level = len(name) - len(name.lstrip("."))
                fake = ast.ImportFrom(module=name[level:] or None, names=[], level=level)
                fake.lineno = node.lineno
                name = _absolute(module, path, fake)
            targets = [name]
        line = getattr(node, "lineno", 0)
        for target in dict.fromkeys(targets):
            result.append(Import(module, path, line, target, statement, kind))
    return result


def all_imports(root: Path) -> Iterator[Import]:
    known = modules(root)
    for module, path in known.items():
        yield from imports_of(module, path, known)


# --- Rules --------------------------------------------------------------------------------


def check_classification(root: Path) -> list[Violation]:
    """Every module belongs to a layer, so no new file escapes the rules."""
    return [
        Violation(
            _relative(path, root),
            1,
            f"{module} is not classified: add it to CLASSIFICATION in tests/layering_rules.py "
            f"with the layer it belongs to ({', '.join(RANKS)})",
        )
        for module, path in modules(root).items()
        if layer_of(module) is None
    ]


def _allowed(layer: str) -> str:
    below = [name for name, rank in RANKS.items() if rank <= RANKS[layer]]
    return ", ".join(below)


def check_layer_direction(root: Path) -> list[Violation]:
    """Imports inside the package point to the same or an earlier layer."""
    known = modules(root)
    found: list[Violation] = []
    for imp in all_imports(root):
        if imp.top != root.name:
            continue
        source, target = layer_of(imp.module), layer_of(imp.target)
        if source is None:
            continue  # reported by check_classification
        where = _relative(imp.path, root)
        if target is None or imp.target not in known:
            found.append(
                Violation(
                    where,
                    imp.line,
                    f"{imp.module} imports {imp.describe()}, which is not a module of the "
                    "package (a typo, or a module that moved?)",
                )
            )
        elif RANKS[target] > RANKS[source]:
            found.append(
                Violation(
                    where,
                    imp.line,
                    f"{imp.module} ({source}) imports {imp.describe()} from the later layer "
                    f"{target}; {source} may import only {_allowed(source)}",
                )
            )
    return sorted(set(found))


def check_core_is_pure(root: Path) -> list[Violation]:
    """desktop.core imports the standard library (less sqlite3) and desktop.core only."""
    found: list[Violation] = []
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    for imp in all_imports(root):
        if layer_of(imp.module) != "core":
            continue
        if imp.top == root.name:
            ok = layer_of(imp.target) == "core"
        else:
            ok = imp.top in stdlib and imp.top not in CORE_FORBIDDEN_STDLIB
        if not ok:
            found.append(
                Violation(
                    _relative(imp.path, root),
                    imp.line,
                    f"{imp.module} (core) imports {imp.describe()}; core may import only the "
                    "standard library (not sqlite3) and desktop.core",
                )
            )
    return sorted(set(found))


def check_no_qt_below_ui(root: Path) -> list[Violation]:
    """store, io and ops (and core, base) never import Qt or Qt-based libraries."""
    found: list[Violation] = []
    for imp in all_imports(root):
        layer = layer_of(imp.module)
        if layer in QT_FREE_LAYERS and imp.top in QT_MODULES:
            found.append(
                Violation(
                    _relative(imp.path, root),
                    imp.line,
                    f"{imp.module} ({layer}) imports {imp.describe()}; only ui, app and cli "
                    "may use Qt",
                )
            )
    return sorted(set(found))


def check_confined_libraries(root: Path) -> list[Violation]:
    """A library listed in ONLY_IN is imported by its module(s) and nowhere else."""
    found: list[Violation] = []
    package = root.name
    for imp in all_imports(root):
        owner = ONLY_IN.get(imp.top)
        if owner is None:
            continue
        owners = (owner,) if isinstance(owner, str) else owner
        allowed = [package + one.removeprefix("desktop") for one in owners]
        if imp.module not in allowed:
            found.append(
                Violation(
                    _relative(imp.path, root),
                    imp.line,
                    f"{imp.module} imports {imp.describe()}; only {' or '.join(allowed)} may "
                    f"import {imp.top}: use it through that module",
                )
            )
    return sorted(set(found))


def _string_statements(tree: ast.Module) -> set[int]:
    """ids of strings that are statements on their own (docstrings, and strings used as
    comments): never passed anywhere, so never SQL that runs."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant | ast.JoinedStr)
    }


def sql_literals(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every string literal in ``path`` that reads as SQL."""
    tree = _parse(path)
    skip = _string_statements(tree)
    for node in ast.walk(tree):  # breadth first: an f-string comes before its pieces
        if id(node) in skip:
            if isinstance(node, ast.JoinedStr):
                skip.update(id(piece) for piece in node.values)
            continue
        if isinstance(node, ast.JoinedStr):
            skip.update(id(piece) for piece in node.values)
            text = "".join(
                piece.value
                if isinstance(piece, ast.Constant) and isinstance(piece.value, str)
                else FSTRING_HOLE
                for piece in node.values
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if SQL_LITERAL.match(text):
            yield node.lineno, text


def _chain(node: ast.Attribute) -> str:
    """``project.database.conn`` for the attribute node of ``.conn`` (best effort)."""
    parts = [node.attr]
    value: ast.expr = node.value
    while isinstance(value, ast.Attribute):
        parts.append(value.attr)
        value = value.value
    if isinstance(value, ast.Name):
        parts.append(value.id)
    elif isinstance(value, ast.Call):
        parts.append("(…)")
    return ".".join(reversed(parts))


def check_sql_only_in_store(root: Path) -> list[Violation]:
    """Outside desktop.store: no SQLite module, no connection (``.conn``, ``.execute*``,
    ``.database.db`` — the sqlite_utils handle) and no SQL text."""
    found: list[Violation] = []
    for imp in all_imports(root):
        if layer_of(imp.module) != "store" and imp.top in SQL_MODULES:
            found.append(
                Violation(
                    _relative(imp.path, root),
                    imp.line,
                    f"{imp.module} imports {imp.describe()}; SQLite is used only in desktop.store",
                )
            )
    for module, path in modules(root).items():
        if layer_of(module) == "store":
            continue
        where = _relative(path, root)
        for node in ast.walk(_parse(path)):
            if not isinstance(node, ast.Attribute):
                continue
            is_db_handle = (
                node.attr == "db"
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "database"
            )
            if node.attr in SQL_ATTRIBUTES or is_db_handle:
                found.append(
                    Violation(
                        where,
                        node.lineno,
                        f"{module} uses `{_chain(node)}`: reaching the database connection is "
                        "for desktop.store only; add a store method instead",
                    )
                )
        for line, text in sql_literals(path):
            first = " ".join(text.split())[:60]
            found.append(
                Violation(
                    where,
                    line,
                    f"{module} has SQL text {first!r}: SQL lives in desktop.store only",
                )
            )
    return sorted(set(found))


# --- Cycles -------------------------------------------------------------------------------
#
# The graph has one node per module file and an edge for every import of another module of
# the package, whatever its kind: a cycle that only closes through a function-level import or
# an ``if TYPE_CHECKING:`` block is still two modules that cannot be understood, tested or
# moved apart, and the lazy import is usually there to dodge the ImportError the cycle causes.
#
# Packages: an import is an edge to the module it names, not to the packages above it.
# ``import desktop.ui.reader`` also runs desktop/ui/__init__.py, but only *before* reader, so it
# cannot close a loop through the child; counting it would make every package whose
# ``__init__`` imports its own submodules (``from .sub import X`` to re-export) look cyclic with
# all of them. ``from desktop.ui import reader`` is an edge to desktop.ui.reader when reader is
# a module (that is what it loads), and to desktop.ui (the ``__init__``) only when the name is
# something the ``__init__`` defines or re-exports. So a submodule reaching a sibling through
# the package is fine, and a submodule taking a re-exported name from its own package's
# ``__init__`` — which imports that submodule — is reported: that one really is a cycle, and
# fails with a partially initialised module whenever the submodule is imported first.


STORES = frozenset({"documents", "annotations", "entities", "claims", "labels", "decisions"})
WRITE_PREFIXES = ("add", "update", "delete", "restore", "set_", "remove", "undo_remove")
WRITE_NAMES = frozenset({"link", "merge", "unmerge", "record", "forget", "reinsert"})


def check_writes_go_through_ops(root: Path) -> list[Violation]:
    """The window and the command line never write to the store themselves: a write method of
    a store (``project.annotations.add(…)``…) or a transaction is called only from
    desktop.store, desktop.io or desktop.ops. So every edit has its rules in one place and
    announces one change set."""
    found: list[Violation] = []
    for module, path in modules(root).items():
        if layer_of(module) in ("store", "io", "ops"):
            continue
        where = _relative(path, root)
        for node in ast.walk(_parse(path)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            method, owner = node.func.attr, node.func.value
            on_store = isinstance(owner, ast.Attribute) and owner.attr in STORES
            writes = method.startswith(WRITE_PREFIXES) or method in WRITE_NAMES
            if (on_store and writes) or method == "transaction":
                found.append(
                    Violation(
                        where,
                        node.lineno,
                        f"{module} calls `{_chain(node.func)}`: edits go through an operation "
                        "of desktop.ops (one transaction, one change set, its undo)",
                    )
                )
    return found


def import_graph(root: Path) -> dict[str, dict[str, list[Import]]]:
    """module → {imported module → the imports making that edge}."""
    known = modules(root)
    graph: dict[str, dict[str, list[Import]]] = {name: {} for name in known}
    for imp in all_imports(root):
        if imp.top != root.name:
            continue
        if imp.target in known and imp.target != imp.module:
            graph[imp.module].setdefault(imp.target, []).append(imp)
    return graph


def strongly_connected(graph: dict[str, dict[str, list[Import]]]) -> list[list[str]]:
    """Tarjan's algorithm (iterative): the strongly connected components with more than one
    module, each sorted, largest first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return sorted(components, key=lambda c: (-len(c), c))


def find_cycles(root: Path) -> list[list[str]]:
    return strongly_connected(import_graph(root))


def check_no_cycles(root: Path) -> list[Violation]:
    """No import cycles between modules of the package, counting every import."""
    graph = import_graph(root)
    found: list[Violation] = []
    for component in strongly_connected(graph):
        members = set(component)
        edges = [
            f"    {imp.where(root)}: {imp.module} → {target}: {imp.describe()}"
            for source in component
            for target, imps in sorted(graph[source].items())
            if target in members
            for imp in imps
        ]
        first = graph[component[0]]
        anchor = next(imp for t, imps in sorted(first.items()) if t in members for imp in imps)
        found.append(
            Violation(
                _relative(anchor.path, root),
                anchor.line,
                f"import cycle between {len(component)} modules: {{{', '.join(component)}}}; "
                "its edges:\n" + "\n".join(edges),
            )
        )
    return found


def report(violations: Iterable[Violation]) -> str:
    return "\n".join(str(v) for v in violations)
