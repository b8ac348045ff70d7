"""No test asserts how long something took.

Why: wall-clock time depends on the machine and on whatever else runs on it, so a test with a
time limit fails at random on a busy CI machine, and a pass says nothing about correctness.
Speed is measured by the scripts in ``benchmarks/``, which print figures next to their targets
(``tests/test_benchmarks.py`` only checks that each still runs).

The check reads the syntax tree of every test module. A value is *timed* when it comes from a
clock (``time.perf_counter()``, ``monotonic()``, ``time()``, ``process_time()`` and their
``_ns`` forms, ``timeit``'s ``timeit()``/``repeat()``/``default_timer()``, a timer's
``elapsed()`` such as Qt's ``QElapsedTimer``), from a name assigned a timed value in the same
function, from a call to a function of the module that returns a timed value, or when its name
says so (``elapsed``, ``duration``). A comparison with a timed operand (``<``, ``>=``, ... in
an ``assert``, an ``if`` or anywhere else) or an ``assert…()`` call with a timed argument is
reported. Measuring alone (to print a figure) is allowed.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

_TIME_CLOCKS = {
    "perf_counter",
    "perf_counter_ns",
    "monotonic",
    "monotonic_ns",
    "time",
    "time_ns",
    "process_time",
    "process_time_ns",
    "thread_time",
    "thread_time_ns",
}
_TIMEIT_CLOCKS = {"timeit", "repeat", "default_timer"}
_TIMER_METHODS = {"elapsed", "nsecsElapsed", "elapsed_time"}  # QElapsedTimer and the like
_TIMED_NAME = re.compile(r"(?:^|_)(?:elapsed|duration)(?:_|$)", re.IGNORECASE)

Scope = ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


@dataclass
class _Clocks:
    """What the module imported under which name."""

    modules: dict[str, set[str]] = field(default_factory=dict)  # alias -> clock functions
    functions: set[str] = field(default_factory=set)  # clock functions imported by name
    helpers: set[str] = field(default_factory=set)  # the module's functions returning a time

    @classmethod
    def of(cls, tree: ast.Module) -> _Clocks:
        clocks = cls()
        wanted = {"time": _TIME_CLOCKS, "timeit": _TIMEIT_CLOCKS}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in wanted:
                        clocks.modules[alias.asname or alias.name] = wanted[alias.name]
            elif isinstance(node, ast.ImportFrom) and node.module in wanted:
                for alias in node.names:
                    if alias.name in wanted[node.module]:
                        clocks.functions.add(alias.asname or alias.name)
        return clocks

    def is_clock_call(self, node: ast.AST) -> bool:
        if not isinstance(node, ast.Call):
            return False
        func = node.func
        if isinstance(func, ast.Name):
            return func.id in self.functions or func.id in self.helpers
        if isinstance(func, ast.Attribute):
            if func.attr in _TIMER_METHODS:
                return True
            return isinstance(func.value, ast.Name) and func.attr in self.modules.get(
                func.value.id, ()
            )
        return False


def _own_nodes(scope: Scope) -> Iterator[ast.AST]:
    """The nodes of ``scope`` outside the functions defined in it (those are scopes of their
    own: a ``start`` timed in one function says nothing about a ``start`` in another)."""
    pending: list[ast.AST] = [scope.body] if isinstance(scope, ast.Lambda) else [*scope.body]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        yield node
        pending.extend(ast.iter_child_nodes(node))


def _scopes(tree: ast.Module) -> list[Scope]:
    nested = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
    ]
    return [tree, *nested]


def _identifier(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_timed(expr: ast.AST, clocks: _Clocks, timed: set[str]) -> bool:
    for node in ast.walk(expr):
        if clocks.is_clock_call(node):
            return True
        if isinstance(node, ast.Name) and node.id in timed:
            return True
        name = _identifier(node)
        if name is not None and _TIMED_NAME.search(name):
            return True
    return False


def _targets(node: ast.AST) -> list[str]:
    """Plain names bound by an assignment target (``a``, ``a, *b``); ``x.total += …`` marks
    nothing, or every use of ``x`` would count as a duration."""
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Starred):
        return _targets(node.value)
    if isinstance(node, ast.Tuple | ast.List):
        return [name for element in node.elts for name in _targets(element)]
    return []


def _timed_names(nodes: list[ast.AST], clocks: _Clocks) -> set[str]:
    """Names assigned (directly or through other names) a timed value; to a fixed point."""
    timed: set[str] = set()
    while True:
        before = len(timed)
        for node in nodes:
            if isinstance(node, ast.Assign) and _is_timed(node.value, clocks, timed):
                for target in node.targets:
                    timed.update(_targets(target))
            elif (
                isinstance(node, ast.AnnAssign | ast.AugAssign | ast.NamedExpr)
                and node.value is not None
                and _is_timed(node.value, clocks, timed)
            ):
                timed.update(_targets(node.target))
        if len(timed) == before:
            return timed


def _returns_time(scope: Scope, clocks: _Clocks) -> bool:
    nodes = list(_own_nodes(scope))
    timed = _timed_names(nodes, clocks)
    if isinstance(scope, ast.Lambda):
        return _is_timed(scope.body, clocks, timed)
    return any(
        isinstance(node, ast.Return)
        and node.value is not None
        and _is_timed(node.value, clocks, timed)
        for node in nodes
    )


def timed_asserts(source: str, filename: str = "<source>") -> list[str]:
    """``file:line: code`` of every comparison or assert call on a timed value in ``source``."""
    tree = ast.parse(source, filename)
    clocks = _Clocks.of(tree)
    scopes = _scopes(tree)
    while True:  # helpers that return a duration, or call one that does
        helpers = {
            scope.name
            for scope in scopes
            if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef)
            and _returns_time(scope, clocks)
        }
        if helpers <= clocks.helpers:
            break
        clocks.helpers |= helpers
    found: list[tuple[int, str]] = []
    for scope in scopes:
        nodes = list(_own_nodes(scope))
        timed = _timed_names(nodes, clocks)
        for node in nodes:
            if isinstance(node, ast.Compare):
                operands = [node.left, *node.comparators]
            elif isinstance(node, ast.Call) and (_identifier(node.func) or "").startswith("assert"):
                operands = [*node.args, *(k.value for k in node.keywords)]
            else:
                continue
            if any(_is_timed(operand, clocks, timed) for operand in operands):
                found.append((node.lineno, ast.get_source_segment(source, node) or ""))
    return [f"{filename}:{line}: {code}" for line, code in sorted(found)]


# --------------------------------------------------------------------------------------------
# The suite itself
# --------------------------------------------------------------------------------------------


def scan(root: Path) -> list[str]:
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        found += timed_asserts(path.read_text(encoding="utf-8"), str(path.relative_to(root)))
    return found


def test_no_test_asserts_wall_clock_time() -> None:
    found = scan(TESTS)
    assert not found, (
        "a test compares a duration; measure it in benchmarks/ instead:\n" + "\n".join(found)
    )


# --------------------------------------------------------------------------------------------
# The checker, on planted examples
# --------------------------------------------------------------------------------------------

PLANTED = {
    "the shape the suite used to have": """
        import time
        def test_fast(seeds):
            started = time.perf_counter()
            found = find_all_mentions(seeds, KERRY)
            elapsed = time.perf_counter() - started
            assert len(found) > 2000
            assert elapsed < 2.0, f"{elapsed:.2f} s"
    """,
    "a clock read inside the assert": """
        import time
        def test_fast():
            t0 = time.monotonic()
            work()
            assert time.monotonic() - t0 <= 1
    """,
    "a clock imported under another name, a neutral variable": """
        from time import perf_counter as now
        def test_fast():
            begin = now()
            work()
            took = now() - begin
            assert 1.5 > took
    """,
    "an aliased module and a nanosecond clock": """
        import time as t
        def test_fast():
            a = t.perf_counter_ns()
            work()
            b = t.perf_counter_ns()
            assert b - a < 10**9
    """,
    "timeit": """
        import timeit
        def test_fast():
            assert timeit.timeit(work, number=10) < 1
    """,
    "a Qt elapsed timer": """
        from PySide6.QtCore import QElapsedTimer
        def test_fast(qtbot):
            timer = QElapsedTimer()
            timer.start()
            work()
            assert timer.elapsed() < 500
    """,
    "unittest's assertLess": """
        import time
        class T(unittest.TestCase):
            def test_fast(self):
                start = time.process_time()
                work()
                self.assertLess(time.process_time() - start, 1)
    """,
    "a helper that returns the duration": """
        import time
        def timed(task):
            start = time.perf_counter()
            task()
            return time.perf_counter() - start
        def test_fast():
            assert timed(work) < 1
    """,
    "an if that fails the test": """
        import time, pytest
        def test_fast():
            start = time.time()
            work()
            if time.time() - start > 2:
                pytest.fail("too slow")
    """,
    "a duration from a fixture, known by its name": """
        def test_fast(import_duration):
            assert import_duration < 5.0
    """,
}

ALLOWED = {
    "measuring to print a figure": """
        import time
        def measure():
            scores = Scores()
            for text in texts:
                started = time.perf_counter()
                suggestions = suggest(text)
                scores.seconds += time.perf_counter() - started
            print(f"time: {scores.seconds * 1000:.0f} ms")
            return scores
        def test_precision():
            scores = measure()
            assert scores.names.precision >= 0.9
    """,
    "a start that is an offset, in another function than the clock's": """
        import time
        def helper():
            start = time.perf_counter()
            print(time.perf_counter() - start)
        def test_offsets(match):
            start, end = match.start, match.end
            assert start < end
    """,
    "timeouts, sleeps and Qt timers": """
        import time
        def test_debounce(qtbot, panel):
            assert panel.timer.isActive()
            time.sleep(0.05)
            qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=2000)
            assert not panel.timer.isActive()
    """,
    "a module's own function named time": """
        def time(text):
            return text.count(":")
        def test_times():
            assert time("12:30") == 1
    """,
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_a_planted_timing_assert_is_found(name: str) -> None:
    found = timed_asserts(textwrap.dedent(PLANTED[name]), "planted.py")
    assert len(found) == 1, found
    assert found[0].startswith("planted.py:")


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_measuring_without_asserting_is_allowed(name: str) -> None:
    assert timed_asserts(textwrap.dedent(ALLOWED[name])) == []


def test_the_suite_check_fails_on_a_planted_file(tmp_path: Path) -> None:
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "test_clean.py").write_text(
        textwrap.dedent(ALLOWED["timeouts, sleeps and Qt timers"])
    )
    assert scan(tmp_path) == []
    (tmp_path / "core" / "test_planted.py").write_text(
        textwrap.dedent(PLANTED["the shape the suite used to have"])
    )
    assert scan(tmp_path) == ["core/test_planted.py:8: elapsed < 2.0"]
