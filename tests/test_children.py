"""Hamish's child processes from the standalone (frozen) build, where ``sys.executable`` is
the ``hamish`` executable and has no ``-m`` (issue 18)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from desktop import children
from desktop.cli import _gui_options
from desktop.io import worker

ROOT = Path(__file__).resolve().parents[1]
PAGE = b"<html><head><title>t</title></head><body><article><p>%s</p></article></body></html>"
ARABIC = "قالت وزارة الخارجية إن المحادثات ستستأنف الأسبوع المقبل في القاهرة بحضور الوفدين."


def _frozen_executable(tmp_path: Path) -> Path:
    """A stand-in for the frozen ``hamish``: runs ``desktop.cli.main`` with exactly the
    arguments it is given, as the PyInstaller executable does (no ``-m`` understood)."""
    script = tmp_path / "hamish"
    script.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -c '
        '"import sys; from desktop.cli import main; sys.exit(main(sys.argv[1:]))" "$@"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_from_python_the_children_are_python_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    command = children.reader_command(["--memory-mb", "9"])
    assert command[:3] == [sys.executable, "-P", "-c"] and command[4:] == ["--memory-mb", "9"]
    assert "'desktop.io.worker'" in command[3] and repr(str(ROOT)) in command[3]
    command = children.hamish_command(["suggest"])
    assert "'desktop'" in command[3] and command[4:] == ["suggest"]


def test_a_desktop_folder_where_hamish_was_started_is_not_what_the_children_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``python -m`` put the current folder first on a child's path: the text readers of an
    import started from a checkout ran that checkout's code, and a ``desktop`` folder where
    the analyst started Hamish would have been imported instead of Hamish's own."""
    import subprocess

    monkeypatch.delattr(sys, "frozen", raising=False)
    decoy = tmp_path / "desktop"
    decoy.mkdir()
    (decoy / "__init__.py").write_text("raise SystemExit('the decoy ran')\n", encoding="utf-8")
    (decoy / "__main__.py").write_text("raise SystemExit('the decoy ran')\n", encoding="utf-8")
    done = subprocess.run(
        children.hamish_command(["--version"]),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert done.returncode == 0, done.stderr
    assert "decoy" not in done.stdout + done.stderr


def test_frozen_the_children_are_the_executable_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/hamish/hamish")
    assert children.reader_command(["--cpu-seconds", "4"]) == [
        "/opt/hamish/hamish", children.READER_FLAG, "--cpu-seconds", "4"
    ]  # fmt: skip
    assert children.hamish_command(["suggest", "--train"]) == [
        "/opt/hamish/hamish", "suggest", "--train"
    ]  # fmt: skip


@pytest.mark.skipif(os.name != "posix", reason="the stand-in executable is a shell script")
def test_the_frozen_reader_process_reads_a_web_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the frozen build started ``hamish -m desktop.io.worker``, which its executable
    does not understand, so every PDF, Word, web-page and e-mail import failed."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(_frozen_executable(tmp_path)))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    with worker.ReaderProcess(seconds=60) as reader:
        draft = reader.convert(
            "html", PAGE % ARABIC.encode(), "page.html", origin="", fallback_title=""
        )
    assert ARABIC in draft.text


def test_a_project_file_alone_opens_the_window() -> None:
    """The desktop entry runs ``hamish %F``: double-clicking a project passes its path alone
    (before: "invalid choice" from the sub-command parser)."""
    assert _gui_options(["/home/a/عمل.hamish"]) == (True, Path("/home/a/عمل.hamish"), None)
    assert _gui_options(["a.HAMISH", "b.hamish"]) == (True, Path("a.HAMISH"), None)
    assert _gui_options(["notes.txt"])[0] is False
    assert _gui_options(["import", "a.hamish"])[0] is False
