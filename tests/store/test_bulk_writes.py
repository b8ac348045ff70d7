"""Bulk writes (``Database.bulk_writes``, issue 15): an import of many files syncs a commit
only when due and once at the end, checkpoints the log on a thread of its own, and keeps the
log bounded; the connection is as before afterwards."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.records import DocumentDraft
from desktop.core.text import make_draft
from desktop.store import db
from desktop.store.db import BulkWrites
from desktop.store.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.hamish") as opened:
        yield opened


def _drafts(start: int, count: int) -> list[DocumentDraft]:
    return [
        make_draft(f"قال المتحدث إن الاجتماع رقم {n} كان مثمراً.\n" * 20, title=f"مقال {n}")
        for n in range(start, start + count)
    ]


def _statements(project: Project) -> list[str]:
    seen: list[str] = []
    project.database.conn.set_trace_callback(seen.append)
    return seen


def _pragma(project: Project, name: str) -> int:
    return int(project.database.conn.execute(f"PRAGMA {name}").fetchone()[0])


def test_commits_are_synced_every_so_many_articles_and_at_the_end(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "SYNC_FILES", 5)
    monkeypatch.setattr(db, "SYNC_SECONDS", float("inf"))
    seen = _statements(project)
    store = project.documents
    with store.bulk():
        assert _pragma(project, "wal_autocheckpoint") == 0  # the thread checkpoints
        for start in range(0, 15, 3):  # five chunks of three
            store.add_many(_drafts(start, 3))
    relaxed = [i for i, sql in enumerate(seen) if sql == "PRAGMA synchronous = NORMAL"]
    begins = [i for i, sql in enumerate(seen) if sql == "BEGIN IMMEDIATE"]
    # 3 (not due), 3+3 ≥ 5 (synced), 3, 6 (synced), 3 — then one synced commit at the end.
    unsynced = [n for n, begin in enumerate(begins) if begin - 1 in relaxed]
    assert unsynced == [0, 2, 4]
    assert len(begins) == 6
    assert any(sql.startswith("PRAGMA user_version = ") for sql in seen[begins[5] :])
    assert _pragma(project, "synchronous") == 2  # FULL again
    assert _pragma(project, "wal_autocheckpoint") == 1000
    assert store.count() == 15


def test_a_commit_is_synced_when_seconds_have_passed(project: Project) -> None:
    now = [0.0]
    bulk = BulkWrites(project.database, clock=lambda: now[0])
    try:
        assert not bulk.due(10)
        bulk.committed(10, synced=False)
        now[0] = db.SYNC_SECONDS - 0.01
        assert not bulk.due(10)
        bulk.committed(10, synced=False)
        now[0] = db.SYNC_SECONDS
        assert bulk.due(10)  # two seconds since the last synced commit (the start)
        bulk.committed(10, synced=True)
        assert not bulk.due(db.SYNC_FILES - 1)
        assert bulk.due(db.SYNC_FILES)
    finally:
        bulk.close()


def test_nothing_unsynced_needs_no_commit_at_the_end(project: Project) -> None:
    seen = _statements(project)
    with project.documents.bulk():
        pass
    assert not any(sql.startswith(("BEGIN", "PRAGMA user_version")) for sql in seen)


def test_the_writer_waits_for_a_checkpoint_of_all_it_committed_when_the_log_is_long(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log's length is what the last checkpoint found: past ``WAL_FRAMES`` (here one
    page, so any log) the writer waits, outside any transaction, until a checkpoint begun
    after its last commit is over."""
    monkeypatch.setattr(db, "WAL_FRAMES", 1)
    with project.documents.bulk() as bulk:
        project.documents.add_many(_drafts(0, 50))
        with bulk._lock:  # the first chunk's checkpoint reported
            bulk._lock.wait_for(lambda: bulk._checkpointed == 1)
        restarts = _restarts(project)
        project.documents.add_many(_drafts(50, 50))
        assert bulk.waits == 1  # before the second chunk, which wrote the log from its start
        assert _restarts(project) == restarts + 1
        assert not project.database.conn.in_transaction


def _restarts(project: Project) -> int:
    """The log's checkpoint sequence: one more each time it starts again (SQLite's WAL
    header, bytes 12–15)."""
    head = Path(f"{project.database.path}-wal").read_bytes()[:16]
    return int.from_bytes(head[12:16], "big")


def test_the_log_is_checkpointed_beside_the_writer_and_starts_again(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a limit of 40 pages the log starts again from its beginning instead of growing
    with every chunk: its file never holds much more than the limit and a few chunks."""
    monkeypatch.setattr(db, "WAL_FRAMES", 40)
    wal = Path(f"{project.database.path}-wal")
    store = project.documents
    sizes = []
    with store.bulk() as bulk:
        threads = {t.name for t in threading.enumerate()}
        assert "hamish-checkpoints" in threads
        for start in range(0, 1200, 40):
            store.add_many(_drafts(start, 40))
            sizes.append(wal.stat().st_size)
        checkpoints = bulk.checkpoints
    assert checkpoints > 0
    pages = [size // _pragma(project, "page_size") for size in sizes]
    chunk = pages[0] + 1  # the first chunk's pages (and the log's header)
    # Without the waits: 890 pages, the checkpoints falling behind; with them 161–371 (a
    # chunk that merges FTS5 segments writes more pages than the first).
    assert pages[-1] <= 40 + 3 * (db.BEHIND_COMMITS + 1) * chunk, pages
    assert "hamish-checkpoints" not in {t.name for t in threading.enumerate()}
    assert project.database.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.count() == 1200
