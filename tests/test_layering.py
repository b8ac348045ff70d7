"""Dependencies point one way — core → base → store → io → ops → ui → app → cli — SQL stays in
the store and no two modules import each other. The rules live in ``tests/layering_rules.py``
and are checked on the source (every import, lazy and ``TYPE_CHECKING`` ones included), and at
run time for the headless entry points.

Each rule is tested twice: on the real ``desktop/``, and on a small tree planted in
``tmp_path`` that breaks it, so a rule that silently stopped matching anything would show.

"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.layering_rules import (
    LAZY,
    PACKAGE,
    REPO,
    TOP_LEVEL,
    TYPE_CHECKING,
    Violation,
    check_classification,
    check_confined_libraries,
    check_core_is_pure,
    check_layer_direction,
    check_no_cycles,
    check_no_qt_below_ui,
    check_sql_only_in_store,
    check_writes_go_through_ops,
    find_cycles,
    imports_of,
    layer_of,
    modules,
    report,
)

# --- Helpers ------------------------------------------------------------------------------


def plant(tmp_path: Path, files: dict[str, str]) -> Path:
    """A fake ``desktop`` package under ``tmp_path/fake``; every folder gets an ``__init__.py``
    unless one is given. Returns the package directory, as the checks expect."""
    root = tmp_path / "fake" / "desktop"
    root.mkdir(parents=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch(exist_ok=True)
    return root


def places(violations: list[Violation]) -> list[tuple[str, int]]:
    return [(v.file, v.line) for v in violations]


# --- The real tree ------------------------------------------------------------------------


def test_the_real_tree_is_found() -> None:
    """Guards the real-tree tests against passing on an empty or wrong folder."""
    found = modules(PACKAGE)
    assert len(found) > 50
    names = ("desktop", "desktop.core.arabic", "desktop.store.db", "desktop.ui.shell.mainwindow")
    for name in names:
        assert name in found


def test_every_module_is_classified() -> None:
    assert not (problems := check_classification(PACKAGE)), report(problems)


def test_imports_point_to_the_same_or_an_earlier_layer() -> None:
    assert not (problems := check_layer_direction(PACKAGE)), report(problems)


def test_core_imports_only_stdlib_and_core() -> None:
    assert not (problems := check_core_is_pure(PACKAGE)), report(problems)


def test_store_io_and_ops_do_not_import_qt() -> None:
    assert not (problems := check_no_qt_below_ui(PACKAGE)), report(problems)


def test_pycrfsuite_only_in_learn_crf() -> None:
    assert not (problems := check_confined_libraries(PACKAGE)), report(problems)


def test_sql_only_in_store() -> None:
    assert not (problems := check_sql_only_in_store(PACKAGE)), report(problems)


def test_writes_go_through_operations() -> None:
    assert not (problems := check_writes_go_through_ops(PACKAGE)), report(problems)


def test_planted_ui_writing_to_the_store_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "desktop"
    (root / "ui").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "ui" / "__init__.py").write_text("")
    (root / "ui" / "x.py").write_text(
        "def f(session):\n"
        "    session.project.annotations.delete(3)\n"
        "    with session.project.database.transaction():\n"
        "        pass\n"
        "    session.project.annotations.get(3)\n"  # reading is fine
    )
    assert [(v.line) for v in check_writes_go_through_ops(root)] == [2, 3]


def test_no_import_cycles() -> None:
    assert not (problems := check_no_cycles(PACKAGE)), report(problems)


# --- Reading imports ----------------------------------------------------------------------


def test_every_kind_of_import_is_collected_and_made_absolute(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "store/__init__.py": """
                from . import db
                from .db import Database
            """,
            "store/db.py": "",
            "store/rows.py": "",
            "ui/reader.py": "",
            "ui/panel.py": """
                from __future__ import annotations

                import importlib
                from typing import TYPE_CHECKING

                from desktop.ui import reader
                from . import reader as again, missing_name
                from .. import paths, __version__
                from ..store.db import Database
                import desktop.store.rows as rows

                if TYPE_CHECKING:
                    from desktop.store import rows
                else:
                    import json

                class Panel:
                    import re

                    def show(self) -> None:
                        from desktop.io import batch
                        importlib.import_module("desktop.core.arabic")
            """,
            "paths.py": "",
            "io/batch.py": "",
            "core/arabic.py": "",
        },
    )
    known = modules(root)
    assert known["desktop.store"] == root / "store" / "__init__.py"

    init = imports_of("desktop.store", known["desktop.store"], known)
    # __init__.py is its own package: "from . import db" is desktop.store.db, not desktop.db.
    assert {(i.target, i.line) for i in init} == {("desktop.store.db", 1), ("desktop.store.db", 2)}

    panel = {
        (i.target, i.line, i.kind)
        for i in imports_of("desktop.ui.panel", known["desktop.ui.panel"], known)
    }
    assert panel == {
        ("__future__", 1, TOP_LEVEL),
        ("importlib", 3, TOP_LEVEL),
        ("typing", 4, TOP_LEVEL),
        ("desktop.ui.reader", 6, TOP_LEVEL),  # a submodule, not the package
        ("desktop.ui.reader", 7, TOP_LEVEL),
        ("desktop.ui", 7, TOP_LEVEL),  # missing_name is not a module: the package __init__
        ("desktop.paths", 8, TOP_LEVEL),
        ("desktop", 8, TOP_LEVEL),
        ("desktop.store.db", 9, TOP_LEVEL),
        ("desktop.store.rows", 10, TOP_LEVEL),
        ("desktop.store.rows", 13, TYPE_CHECKING),
        ("json", 15, TOP_LEVEL),  # the else branch runs
        ("re", 18, TOP_LEVEL),  # a class body runs at import time
        ("desktop.io.batch", 21, LAZY),
        ("desktop.core.arabic", 22, LAZY),
    }


def test_a_relative_import_above_the_package_is_an_error(tmp_path: Path) -> None:
    root = plant(tmp_path, {"core/x.py": "from ... import y\n"})
    with pytest.raises(ImportError, match="above the top-level package"):
        check_layer_direction(root)


def test_the_classification_follows_the_brief() -> None:
    expected = {
        "desktop": "base",
        "desktop.paths": "base",
        "desktop.resources": "base",
        "desktop.core.arabic": "core",
        "desktop.store": "store",
        "desktop.io.exporters.docx_report": "io",
        "desktop.ops.edits": "ops",
        "desktop.settings": "ui",
        "desktop.ui.shell.mainwindow": "ui",
        "desktop.app": "app",
        "desktop.defaults": "app",
        "desktop.cli": "cli",
        "desktop.cli_search": "cli",
        "desktop.commands": "cli",
        "desktop.__main__": "cli",
    }
    assert {name: layer_of(name) for name in expected} == expected
    assert layer_of("desktop.extras") is None
    assert layer_of("desktop.core_utils") is None  # patterns do not leak across names


# --- Planted: classification --------------------------------------------------------------


def test_planted_unclassified_module_is_reported(tmp_path: Path) -> None:
    root = plant(tmp_path, {"extras.py": "", "ui/fine.py": "", "plugins/thing.py": ""})
    problems = check_classification(root)
    assert places(problems) == [
        ("desktop/extras.py", 1),
        ("desktop/plugins/__init__.py", 1),
        ("desktop/plugins/thing.py", 1),
    ]
    assert "desktop.extras is not classified" in problems[0].message
    assert "add it to CLASSIFICATION" in problems[0].message


# --- Planted: layer direction -------------------------------------------------------------


def test_planted_store_importing_io_absolutely(tmp_path: Path) -> None:
    root = plant(tmp_path, {"store/x.py": "import os\nfrom desktop.io import y\n", "io/y.py": ""})
    problems = check_layer_direction(root)
    assert places(problems) == [("desktop/store/x.py", 2)]
    assert "desktop.store.x (store) imports `from desktop.io import y` (desktop.io.y)" in str(
        problems[0]
    )
    assert "later layer io" in problems[0].message


def test_planted_store_importing_io_relatively(tmp_path: Path) -> None:
    root = plant(tmp_path, {"store/x.py": "from ..io import y\n", "io/y.py": ""})
    problems = check_layer_direction(root)
    assert places(problems) == [("desktop/store/x.py", 1)]
    assert "`from ..io import y` (desktop.io.y)" in problems[0].message


def test_planted_core_importing_store_relatively(tmp_path: Path) -> None:
    root = plant(tmp_path, {"core/x.py": "from ..store import db\n", "store/db.py": ""})
    problems = check_layer_direction(root)
    assert places(problems) == [("desktop/core/x.py", 1)]
    assert "desktop.core.x (core) imports `from ..store import db` (desktop.store.db)" in (
        problems[0].message
    )


def test_planted_io_importing_ui_relatively(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {"io/exporters/x.py": "from ...ui.widgets import Button\n", "ui/widgets.py": ""},
    )
    problems = check_layer_direction(root)
    assert places(problems) == [("desktop/io/exporters/x.py", 1)]
    assert "(desktop.ui.widgets)" in problems[0].message


def test_planted_ops_importing_ui_lazily_and_for_type_checking(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "ops/edit.py": """
                from typing import TYPE_CHECKING

                from desktop.store import db

                if TYPE_CHECKING:
                    from desktop.ui.reader import ReaderPane


                def apply() -> None:
                    from desktop import settings
            """,
            "store/db.py": "",
            "ui/reader.py": "",
            "settings.py": "",
        },
    )
    problems = check_layer_direction(root)
    assert places(problems) == [("desktop/ops/edit.py", 6), ("desktop/ops/edit.py", 10)]
    assert "(desktop.ui.reader, TYPE_CHECKING)" in problems[0].message
    assert "(desktop.settings, lazy)" in problems[1].message


def test_planted_ui_importing_app_and_base_importing_store(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "ui/screenshot.py": "from desktop.app import build_window\n",
            "app.py": "",
            "paths.py": "import desktop.store.db\n",
            "store/db.py": "",
        },
    )
    problems = check_layer_direction(root)
    assert places(problems) == [("desktop/paths.py", 1), ("desktop/ui/screenshot.py", 1)]
    assert "desktop.paths (base)" in problems[0].message
    assert "later layer app" in problems[1].message


def test_planted_import_of_a_missing_module_is_reported(tmp_path: Path) -> None:
    root = plant(tmp_path, {"ui/x.py": "import desktop.ui.nowhere\n"})
    problems = check_layer_direction(root)
    assert places(problems) == [("desktop/ui/x.py", 1)]
    assert "not a module of the package" in problems[0].message


def test_planted_tree_that_follows_the_layers_passes(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "__init__.py": '__version__ = "0"\n',
            "paths.py": "import os\n",
            "resources.py": "from importlib import resources\n",
            "settings.py": "from PySide6.QtCore import QSettings\nfrom desktop import paths\n",
            "core/models.py": "from . import text\nfrom desktop.core.text import fold\n",
            "core/text.py": "import re\n",
            "store/db.py": """
                import sqlite3
                from desktop import __version__
                from ..core import models
            """,
            "store/project.py": "from .db import Database\nfrom desktop.paths import data_dir\n",
            "io/batch.py": "from desktop.store.project import Project\nimport lxml\n",
            "ops/edit.py": "from ..io import batch\nfrom ..store import project\n",
            "ui/window.py": (
                "from PySide6.QtWidgets import QWidget\nfrom desktop import settings, resources\n"
                "from desktop.ops import edit\nfrom .panel import Panel\n"
            ),
            "ui/panel.py": "from desktop.core.models import Label\n",
            "app.py": "from desktop.ui.window import Window\nfrom desktop.io import batch\n",
            "defaults.py": "from desktop.store.project import Project\n",
            "cli_common.py": "def f():\n    from desktop.defaults import ensure\n",
            "cli.py": """
                from desktop.cli_common import x

                def g():
                    from desktop.app import run
            """,
            "commands.py": "from desktop import cli_common\nfrom desktop.ui import window\n",
            "__main__.py": "from desktop.cli import main\n",
        },
    )
    assert check_classification(root) == []
    assert check_layer_direction(root) == []
    assert check_core_is_pure(root) == []
    assert check_no_qt_below_ui(root) == []
    assert check_sql_only_in_store(root) == []
    assert check_no_cycles(root) == []


# --- Planted: core is standard library only -----------------------------------------------


def test_planted_core_importing_store_relatively_is_impure(tmp_path: Path) -> None:
    root = plant(tmp_path, {"core/x.py": "from ..store import db\n", "store/db.py": ""})
    problems = check_core_is_pure(root)
    assert places(problems) == [("desktop/core/x.py", 1)]
    assert "`from ..store import db` (desktop.store.db)" in problems[0].message


def test_planted_core_importing_third_party_sqlite_qt_and_base(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "core/x.py": """
                import json, re
                from typing import TYPE_CHECKING
                from . import y
                import lxml.html

                if TYPE_CHECKING:
                    from PySide6.QtCore import QObject


                def load() -> None:
                    import sqlite3
                    from desktop import paths
            """,
            "core/y.py": "",
            "paths.py": "",
        },
    )
    problems = check_core_is_pure(root)
    assert places(problems) == [
        ("desktop/core/x.py", 4),
        ("desktop/core/x.py", 7),
        ("desktop/core/x.py", 11),
        ("desktop/core/x.py", 12),
    ]
    assert "(lxml.html)" in problems[0].message
    assert "(PySide6.QtCore, TYPE_CHECKING)" in problems[1].message
    assert "(sqlite3, lazy)" in problems[2].message
    assert "(desktop.paths, lazy)" in problems[3].message


# --- Planted: no Qt below ui --------------------------------------------------------------


def test_planted_qt_in_store_io_and_ops(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "store/a.py": "from PySide6.QtCore import QObject\n",
            "io/b.py": "def icon():\n    import qtawesome\n",
            "ops/c.py": """
                from typing import TYPE_CHECKING
                if TYPE_CHECKING:
                    import shiboken6
            """,
            "ui/d.py": "from PySide6 import QtWidgets\nimport qtawesome\n",
            "settings.py": "from PySide6.QtCore import QSettings\n",
        },
    )
    problems = check_no_qt_below_ui(root)
    assert places(problems) == [
        ("desktop/io/b.py", 2),
        ("desktop/ops/c.py", 3),
        ("desktop/store/a.py", 1),
    ]
    assert "desktop.io.b (io) imports `import qtawesome` (qtawesome, lazy)" in problems[0].message
    assert "(shiboken6, TYPE_CHECKING)" in problems[1].message
    assert "desktop.store.a (store)" in problems[2].message


def test_planted_learn_is_between_io_and_ops(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "learn/crf.py": "import pycrfsuite\nfrom desktop.io import batch\n",
            "learn/tagger.py": "from desktop.ops import outcome\n",  # learn is below ops
            "io/batch.py": "",
            "ops/outcome.py": "from desktop.learn import crf\n",  # ops may use learn
        },
    )
    assert layer_of("desktop.learn.crf") == "learn"
    problems = check_layer_direction(root)
    assert places(problems) == [("desktop/learn/tagger.py", 1)]
    assert "from the later layer ops" in problems[0].message
    assert check_confined_libraries(root) == []


def test_planted_pycrfsuite_outside_learn_crf(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "learn/crf.py": "import pycrfsuite\n",
            "learn/tagger.py": "def f():\n    from pycrfsuite import Tagger\n",
            "core/x.py": "import pycrfsuite._pycrfsuite\n",
            "ui/y.py": """
                from typing import TYPE_CHECKING
                if TYPE_CHECKING:
                    import pycrfsuite
            """,
        },
    )
    problems = check_confined_libraries(root)
    assert places(problems) == [
        ("desktop/core/x.py", 1),
        ("desktop/learn/tagger.py", 2),
        ("desktop/ui/y.py", 3),
    ]
    assert "only desktop.learn.crf may import pycrfsuite" in problems[1].message


# --- Planted: SQL only in the store -------------------------------------------------------


def test_planted_ui_deleting_through_the_connection(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "ui/articles.py": """
                def forget(project, id):
                    project.database.conn.execute("DELETE FROM documents WHERE id = ?", (id,))
            """,
        },
    )
    problems = check_sql_only_in_store(root)
    assert places(problems) == [("desktop/ui/articles.py", 2)] * 3
    assert {p.message.partition(":")[0] for p in problems} == {
        "desktop.ui.articles uses `project.database.conn`",
        "desktop.ui.articles uses `project.database.conn.execute`",
        "desktop.ui.articles has SQL text 'DELETE FROM documents WHERE id = ?'",
    }


def test_planted_sqlite_modules_db_handle_and_fstring_sql(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "io/x.py": "import sqlite3\nfrom sqlite_utils import Database\n",
            "ops/y.py": """
                def rename(project, table):
                    sql = f"UPDATE {table} SET name = ?"
                    return project.database.db[table]
            """,
            "cli.py": 'SCHEMA = """\n    CREATE TABLE IF NOT EXISTS t (x)\n"""\n',
            "ui/z.py": """
                def go(cursor):
                    cursor.executescript(SCRIPT)
                    cursor.executemany(Q, [])
            """,
        },
    )
    problems = check_sql_only_in_store(root)
    assert places(problems) == [
        ("desktop/cli.py", 1),
        ("desktop/io/x.py", 1),
        ("desktop/io/x.py", 2),
        ("desktop/ops/y.py", 2),
        ("desktop/ops/y.py", 3),
        ("desktop/ui/z.py", 2),
        ("desktop/ui/z.py", 3),
    ]
    assert "CREATE TABLE IF NOT EXISTS t (x)" in problems[0].message
    assert "(sqlite3)" in problems[1].message
    assert "(sqlite_utils)" in problems[2].message
    assert "'UPDATE _x_ SET name = ?'" in problems[3].message
    assert "`project.database.db`" in problems[4].message


def test_sql_rule_leaves_docstrings_ui_text_and_the_store_alone(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "ui/texts.py": '''
                """Runs SELECT name FROM labels through the store; DELETE FROM is the store's."""

                LABELS = [
                    "Delete from project",
                    "Select a passage first",
                    "UPDATE available",
                    "WITH care",
                    "Create table of contents",
                    "Drop files here",
                    "select * from the list",
                    "احذف المقال من المشروع",
                    "DELETE",
                    "Replace into the reader",
                ]


                def delete(n: int) -> str:
                    """DELETE FROM documents WHERE id = ? happens in DocumentStore.delete."""
                    "INSERT INTO notes — a string used as a comment"
                    return f"Delete {n} articles"
            ''',
            "store/db.py": """
                import sqlite3


                def wipe(conn: sqlite3.Connection) -> None:
                    conn.execute("DELETE FROM documents")
                    conn.executescript("PRAGMA foreign_keys = ON; VACUUM;")
            """,
        },
    )
    assert check_sql_only_in_store(root) == []


# --- Planted: no import cycles ------------------------------------------------------------


def test_planted_cycle_hidden_behind_type_checking(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "ui/window.py": "from desktop.ui.panel import Panel\n",
            "ui/panel.py": """
                from typing import TYPE_CHECKING

                if TYPE_CHECKING:
                    from desktop.ui.window import Window
            """,
        },
    )
    assert find_cycles(root) == [["desktop.ui.panel", "desktop.ui.window"]]
    problems = check_no_cycles(root)
    assert places(problems) == [("desktop/ui/panel.py", 4)]
    message = problems[0].message
    assert "import cycle between 2 modules: {desktop.ui.panel, desktop.ui.window}" in message
    assert "desktop/ui/panel.py:4: desktop.ui.panel → desktop.ui.window" in message
    assert "(desktop.ui.window, TYPE_CHECKING)" in message
    assert "desktop/ui/window.py:1: desktop.ui.window → desktop.ui.panel" in message


def test_planted_cycle_through_a_function_level_import(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "ui/exports.py": """
                def open_report() -> None:
                    from .report_dialog import ReportDialog
            """,
            "ui/report_dialog.py": "from desktop.ui.exports import choose_path\n",
        },
    )
    assert find_cycles(root) == [["desktop.ui.exports", "desktop.ui.report_dialog"]]
    problems = check_no_cycles(root)
    assert places(problems) == [("desktop/ui/exports.py", 2)]
    assert "(desktop.ui.report_dialog, lazy)" in problems[0].message


def test_planted_cycles_are_reported_one_per_component(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "ui/a.py": "from . import b\n",
            "ui/b.py": "from . import c\n",
            "ui/c.py": "def f():\n    from desktop.ui import a\n",
            "store/x.py": "from desktop.store import y\n",
            "store/y.py": "import desktop.store.x\n",
            "store/z.py": "from desktop.store import x, y\n",  # into a cycle, not part of it
        },
    )
    assert find_cycles(root) == [
        ["desktop.ui.a", "desktop.ui.b", "desktop.ui.c"],
        ["desktop.store.x", "desktop.store.y"],
    ]
    assert len(check_no_cycles(root)) == 2


def test_package_init_reexporting_its_submodules_is_not_a_cycle(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "io/__init__.py": "from .batch import run\nfrom desktop.io.common import read\n",
            "io/batch.py": "from desktop.io import common\nfrom . import common as again\n",
            "io/common.py": "import desktop.io.encoding\n",
            "io/encoding.py": "",
        },
    )
    assert find_cycles(root) == []


def test_submodule_taking_a_reexported_name_from_its_package_is_a_cycle(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "io/__init__.py": "from .batch import run\n\nLIMIT = 10\n",
            "io/batch.py": "from desktop.io import LIMIT\n",
        },
    )
    assert find_cycles(root) == [["desktop.io", "desktop.io.batch"]]


# --- At run time --------------------------------------------------------------------------
# The subprocesses run from the checkout, so they import this tree's desktop package even when
# another checkout is installed in the environment.


def test_core_runtime_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, desktop.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'desktop.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'qtpy'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_headless_commands_do_not_load_qt() -> None:
    code = (
        "import sys, desktop.cli\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_headless_list_on_the_default_project_runs_without_qt(tmp_path: Path) -> None:
    """``hamish list`` may create the default project, and must still not load Qt."""
    code = (
        "import sys, desktop.cli\n"
        "assert desktop.cli.main(['list']) == 0\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, cwd=REPO)
