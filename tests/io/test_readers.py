"""The text readers (issue 15): a large batch's text files read in child processes beside the
writer give exactly what reading them in one process gives — the same articles, reasons,
duplicates and order — a reader that fails leaves its files to the parent, and a killed
import leaves no reader behind and a sound project."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.io import batch, readers
from desktop.io.batch import import_paths
from desktop.store.project import Project

REPO = Path(__file__).resolve().parents[2]
ARABIC = "قال المتحدث باسم الوزارة إن الاجتماع رقم {n} كان مثمراً، وإن الجولة القادمة في جنيف."


def _folder(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    for n in range(40):
        text = f"تقرير رقم {n}\n" + ARABIC.format(n=n)
        path = folder / f"{n:03}.txt"
        if n % 4 == 3:
            path.write_bytes(text.encode("cp1256"))
        else:
            path.write_text(text, encoding="utf-8")
    (folder / "050.md").write_text("# عنوان المقال\n\nنص المقال بالعربية.", encoding="utf-8")
    (folder / "051.txt").write_bytes(b"")  # empty
    (folder / "052.txt").write_bytes(b"%PDF-1.4 binary")  # a PDF named as text
    (folder / "053.txt").write_bytes((folder / "001.txt").read_bytes())  # a duplicate
    (folder / "054.html").write_text(
        "<html><head><title>صفحة</title></head><body><p>نص الصفحة هنا.</p></body></html>",
        encoding="utf-8",
    )
    (folder / "055.txt").write_text("كلمة " * 60_000, encoding="utf-8")  # beyond SMALL
    (folder / "056.txt").write_bytes(b"\x00\x01\x02" * 100)  # binary
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "057.txt")  # must be refused, never opened
    return folder


def _import(root: Path, name: str, folder: Path) -> tuple[Any, list[tuple[Any, ...]]]:
    with Project.open(root / name) as project:
        result = import_paths(project.documents, [folder])
        rows = project.database.conn.execute(
            "SELECT title, text, language, direction, content_hash, origin, import_notes "
            "FROM documents ORDER BY id"
        ).fetchall()
        assert project.search.count("جنيف") == 40
    report = result.report
    outcome = (
        [Path(p).name for p, _ in report.imported],
        [(Path(p).name, doc) for p, doc in report.duplicates],
        [(Path(f.path).name, f.reason) for f in report.failed],
        [(Path(n.path).name, n.notes) for n in report.notes],
        result.cancelled,
    )
    return outcome, rows


@pytest.fixture
def parent_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files this process read itself."""
    loaded: list[str] = []
    real = batch._load

    def counted(file: Path, max_bytes: int, *, here_only: bool) -> Any:
        loaded.append(file.name)
        return real(file, max_bytes, here_only=here_only)

    monkeypatch.setattr(batch, "_load", counted)
    return loaded


def _with_readers(monkeypatch: pytest.MonkeyPatch, count: int = 2) -> None:
    monkeypatch.setattr(readers, "PARALLEL_FILES", 1)
    monkeypatch.setattr(readers, "reader_count", lambda: count)


def test_the_readers_read_what_one_process_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parent_loads: list[str]
) -> None:
    folder = _folder(tmp_path)
    alone = _import(tmp_path, "alone.hamish", folder)
    assert len(parent_loads) == len(os.listdir(folder))
    parent_loads.clear()
    _with_readers(monkeypatch)
    beside = _import(tmp_path, "beside.hamish", folder)
    assert beside == alone
    # Only what a reader leaves is read here: a web page, a file beyond SMALL, a pipe.
    left = {"054.html", "055.txt"} | ({"057.txt"} if hasattr(os, "mkfifo") else set())
    assert set(parent_loads) == left


def test_a_reader_that_dies_leaves_its_files_to_the_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    alone = _import(tmp_path, "alone.hamish", folder)
    _with_readers(monkeypatch)
    # Readers that answer the first batch with nonsense and then end.
    script = "import sys; sys.stdin.buffer.read(8); sys.stdout.buffer.write(b'\\0' * 7 + b'\\2[]')"
    monkeypatch.setattr(readers, "text_reader_command", lambda args: [sys.executable, "-c", script])
    assert _import(tmp_path, "beside.hamish", folder) == alone


def test_a_malformed_answer_is_read_again_here(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("نص", encoding="utf-8")
    loads = [
        readers.TextReaders._load(str(file), answer, batch.load_file)
        for answer in (
            {"draft": {"title": 5}},
            {"draft": {"title": "t", "text": "x", "language": "ar", "direction": "up"}},
            {"draft": {"title": "t", "nonsense": "x"}},
            {"rejected": 3},
            [1],
        )
    ]
    assert [load().text for load in loads] == ["نص"] * 5


_KILLED = """
import os, signal, sys
from desktop.core import services
from desktop.io import readers
from desktop.io.batch import import_paths
from desktop.store.project import Project

services.CHUNK_FILES, services.CHUNK_SECONDS = 4, float("inf")
readers.PARALLEL_FILES, readers.reader_count = 1, lambda: 2
started = readers._Reader.__init__

def noted(self):
    started(self)
    print(self.process.pid, flush=True)

readers._Reader.__init__ = noted
with Project.open(sys.argv[1], create=False) as project:
    add_many = project.documents.add_many
    calls = []

    def add_then_die(drafts):
        calls.append(len(drafts))
        if len(calls) == 3:  # the power cut, with two chunks committed
            os.kill(os.getpid(), signal.SIGKILL)
        return add_many(drafts)

    project.documents.add_many = add_then_die
    import_paths(project.documents, [sys.argv[2]])
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_import_with_readers_keeps_its_chunks_and_leaves_no_reader(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.hamish"
    with Project.open(path):
        pass
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(30):
        (folder / f"{n:03}.txt").write_text(f"مقال رقم {n}\n" + ARABIC.format(n=n), "utf-8")
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_KILLED), str(path), str(folder)],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": ""},
        capture_output=True,
        check=False,
    )
    assert child.returncode == -9, child.stderr.decode()
    pids = [int(line) for line in child.stdout.split()]
    assert len(pids) == 2
    for _attempt in range(300):  # up to 30 s for the readers to see their input close
        if all(_gone(pid) for pid in pids):
            break
        time.sleep(0.1)
    assert all(_gone(pid) for pid in pids)  # their input closed with the import: they ended
    with Project.open(path, create=False) as project:
        titles = sorted(s.title for s in project.documents.summaries())
        assert titles == [f"مقال رقم {n}" for n in range(8)]  # two chunks of four
        assert project.search.count("جنيف") == 8
        conn = project.database.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        again = import_paths(project.documents, [folder])
        assert len(again.report.imported) == 22 and len(again.report.duplicates) == 8
