"""Dependencies point one way: ui → core/store/io, and core imports nothing but the standard
library. Checked on the source (every import statement) and at run time."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("core"), ids=lambda p: p.name)
def test_core_imports_only_stdlib_and_core(path: Path) -> None:
    stdlib = sys.stdlib_module_names
    for name in _imports(path):
        top = name.split(".")[0]
        if top == "desktop":
            assert name.startswith("desktop.core"), f"{path.name} imports {name}"
        else:
            assert top in stdlib or top == "__future__", f"{path.name} imports {name}"


@pytest.mark.parametrize("folder", ["store", "io"])
def test_store_and_io_do_not_import_qt_or_ui(folder: str) -> None:
    for path in _modules(folder):
        for name in _imports(path):
            assert not name.startswith(("PySide6", "desktop.ui", "qtawesome")), (
                f"{path.name} imports {name}"
            )


def test_sql_only_in_store() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.parts:
            continue
        assert "sqlite3" not in _imports(path), f"{path} talks to SQLite directly"
        assert "sqlite_utils" not in _imports(path), f"{path} talks to SQLite directly"


def test_core_runtime_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, desktop.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'desktop.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'qtpy'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_headless_commands_do_not_load_qt() -> None:
    code = (
        "import sys, desktop.cli\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_headless_list_on_the_default_project_runs_without_qt(tmp_path: Path) -> None:
    """``hamish list`` may create the default project, and must still not load Qt."""
    code = (
        "import sys, desktop.cli\n"
        "assert desktop.cli.main(['list']) == 0\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
