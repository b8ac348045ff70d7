"""PySide's start-up sources compiled once (desktop/ui/pyside_bytecode.py): a second launch
compiles none of them, the code is what ``compile`` gives, and a bad cache costs nothing."""

from __future__ import annotations
import __future__

import builtins
import json
import os
import subprocess
import sys
from pathlib import Path
from types import CodeType
from typing import Any

import pytest

from desktop.ui.pyside_bytecode import Launch, compiled_once
from tests.ui.launching import launch_env

ROOT = Path(__file__).resolve().parents[2]
ANNOTATIONS = __future__.annotations.compiler_flag

# A fresh interpreter imports PySide inside compiled_once, then reports what the cache did
# and what PySide's signature support (the compiled modules) says of a call with a wrong
# argument: shiboken's error handler, with the signatures its parser read.
IMPORT = r"""
import json, sys
from pathlib import Path
from desktop.ui.pyside_bytecode import Launch, compiled_once
with compiled_once(Path(sys.argv[1])) as launch:
    from PySide6 import QtCore
try:
    QtCore.QPoint().setX("a")
except TypeError as error:
    message = str(error)
print(json.dumps({
    "hits": launch.hits, "misses": launch.misses, "passed_on": launch.passed_on,
    "read_error": launch.read_error, "write_error": launch.write_error,
    "message": message,
    "compile_is_builtin": compile is __builtins__.compile and type(compile).__name__ ==
        "builtin_function_or_method",
}))
"""


def _import_pyside(cache: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT, str(cache)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_second_import_compiles_none_of_pysides_sources(tmp_path: Path) -> None:
    cache = tmp_path / "cache.marshal"
    first = _import_pyside(cache)
    assert first["hits"] == 0 and first["misses"] >= 10, first  # 14 with PySide 6.11
    assert cache.stat().st_mode & 0o777 == 0o600
    second = _import_pyside(cache)
    assert second["hits"] == first["misses"] and second["misses"] == 0, second
    assert second["read_error"] == second["write_error"] == ""
    assert second["message"] == first["message"]  # the signature support works as compiled
    assert "setX(x: int, /)" in str(second["message"])
    assert second["compile_is_builtin"] and first["compile_is_builtin"]


def test_a_launch_writes_the_cache_and_the_next_one_reads_it(tmp_path: Path) -> None:
    env = launch_env(tmp_path)
    files = []
    for _ in range(2):
        subprocess.run(
            [sys.executable, "-m", "desktop", "--lang", "en"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
            check=True,
        )
        files.append(sorted((tmp_path / "cache" / "hamish").glob("pyside-bytecode-*")))
    assert len(files[0]) == 1  # written by the first launch
    assert files[1] == files[0]


def _compile_from(source: str, *, future: bool) -> CodeType:
    """Code that calls ``compile`` from a frame with or without ``from __future__ import
    annotations`` in force, as PySide's importer (a module of its own) does."""
    caller = ("from __future__ import annotations\n" if future else "") + (
        "code = compile(source, 'shibokensupport/t.py', 'exec')\n"
    )
    namespace: dict[str, object] = {"source": source}
    exec(builtins.compile(caller, "<caller>", "exec", dont_inherit=True), namespace)
    code = namespace["code"]
    assert isinstance(code, CodeType)
    return code


@pytest.mark.parametrize("future", [False, True])
def test_the_callers_future_flags_and_not_the_wrappers(tmp_path: Path, future: bool) -> None:
    # pyside_bytecode itself has ``from __future__ import annotations``: a wrapper that let
    # compile inherit its own flags would turn every PySide annotation into a string.
    source = "def f(x: int) -> None: pass\n"
    expected = _compile_from(source, future=future)
    with compiled_once(tmp_path / "c.marshal"):
        first = _compile_from(source, future=future)
    with compiled_once(tmp_path / "c.marshal") as launch:
        cached = _compile_from(source, future=future)
    assert launch.hits == 1
    for code in (first, cached):
        assert code.co_flags == expected.co_flags
        assert bool(code.co_flags & ANNOTATIONS) is future
        namespace: dict[str, object] = {}
        exec(code, namespace)
        annotation = namespace["f"].__annotations__["x"]
        assert annotation == ("int" if future else int)


def _run(path: Path, source: str) -> tuple[object, Launch]:
    with compiled_once(path) as launch:
        code = compile(source, "shibokensupport/x.py", "exec")
    namespace: dict[str, object] = {}
    exec(code, namespace)
    return namespace["value"], launch


def test_a_changed_source_is_compiled_again(tmp_path: Path) -> None:
    path = tmp_path / "c.marshal"
    assert _run(path, "value = 1\n")[0] == 1
    value, launch = _run(path, "value = 2\n")
    assert value == 2 and launch.misses == 1 and launch.hits == 0
    value, launch = _run(path, "value = 2\n")
    assert value == 2 and launch.hits == 1


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00garbage", b"\xe3" + b"\xff" * 40],
    ids=["empty", "garbage", "truncated"],
)
def test_a_bad_cache_is_ignored_and_replaced(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "c.marshal"
    path.write_bytes(content)
    path.chmod(0o600)
    value, launch = _run(path, "value = 3\n")
    assert value == 3 and launch.read_error
    value, launch = _run(path, "value = 3\n")
    assert value == 3 and launch.hits == 1 and not launch.read_error


def test_a_cache_of_another_python_is_not_read(tmp_path: Path) -> None:
    import marshal

    path = tmp_path / "c.marshal"
    _run(path, "value = 4\n")
    header, entries = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps(((header[0], b"\x00\x00\r\n", "2.7.18"), entries)))
    value, launch = _run(path, "value = 4\n")
    assert value == 4 and launch.hits == 0 and "another Python" in launch.read_error


def test_a_cache_others_can_write_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "c.marshal"
    _run(path, "value = 5\n")
    path.chmod(0o666)
    value, launch = _run(path, "value = 5\n")
    assert value == 5 and launch.hits == 0 and "others can write" in launch.read_error


def test_other_compiles_pass_through_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "c.marshal"
    with compiled_once(path) as launch:
        assert eval(compile("6 * 7", "<string>", "eval")) == 42
        tree = compile("value = 1", "shibokensupport/y.py", "exec", 0x400)  # ast.PyCF_ONLY_AST
    assert type(tree).__name__ == "Module"  # an AST asked for, an AST given
    assert launch.passed_on == 2 and launch.misses == 0
    assert not path.exists()
    assert builtins.compile.__module__ == "builtins"


def test_an_unwritable_cache_stops_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    value, launch = _run(blocker / "c.marshal", "value = 6\n")
    assert value == 6 and launch.write_error


def test_a_bit_flipped_on_the_disk_is_not_run(tmp_path: Path) -> None:
    # The marshal data stays well-formed, the code a code object: without a checksum it ran
    # (here a wrong constant; a flip in the bytecode crashed every launch after, SIGSEGV).
    path = tmp_path / "c.marshal"
    _run(path, "value = 123456789\n")
    data = bytearray(path.read_bytes())
    at = data.index((123456789).to_bytes(4, "little"))
    data[at] ^= 1
    path.write_bytes(bytes(data))
    value, launch = _run(path, "value = 123456789\n")
    assert value == 123456789 and launch.hits == 0 and launch.misses == 1
    value, launch = _run(path, "value = 123456789\n")  # replaced
    assert value == 123456789 and launch.hits == 1


def test_a_cache_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.marshal"
    _run(elsewhere, "value = 8\n")
    before = elsewhere.read_bytes()
    path = tmp_path / "cache" / "c.marshal"
    path.parent.mkdir()
    path.symlink_to(elsewhere)
    value, launch = _run(path, "value = 8\n")
    assert value == 8 and launch.hits == 0 and launch.read_error
    assert not path.is_symlink() and path.is_file()  # the link replaced, not written through
    assert elsewhere.read_bytes() == before


def test_a_fifo_in_the_caches_place_does_not_hang_the_launch(tmp_path: Path) -> None:
    path = tmp_path / "c.marshal"
    os.mkfifo(path)
    script = (
        "import sys\nfrom pathlib import Path\nfrom tests.ui.test_pyside_bytecode import _run\n"
        "value, launch = _run(Path(sys.argv[1]), 'value = 9\\n')\nprint(value, launch.hits)\n"
    )
    done = subprocess.run(  # opening a FIFO to read waits for a writer: it hung for good
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["9", "0"]
    assert path.is_file()


def test_an_oversized_cache_is_not_read(tmp_path: Path) -> None:
    # A multi-GB file was read whole before the window (3 GB: 17 s and 3 GB of memory).
    path = tmp_path / "c.marshal"
    _run(path, "value = 10\n")
    with path.open("ab") as stream:
        stream.truncate(path.stat().st_size + (16 << 20))  # a valid cache, then zeros
    value, launch = _run(path, "value = 10\n")
    assert value == 10 and launch.hits == 0 and launch.read_error
    assert path.stat().st_size < 1 << 20


@pytest.mark.parametrize("flags", ["a", 1.5])
def test_a_wrong_call_fails_as_compiles_own(tmp_path: Path, flags: object) -> None:
    def error() -> str:
        try:
            compile("x", "shibokensupport/z.py", "exec", flags)  # type: ignore[call-overload]
        except TypeError as wrong:
            return str(wrong)
        raise AssertionError("compile took a flag that is not a number")

    expected = error()
    with compiled_once(tmp_path / "c.marshal"):
        assert error() == expected
