"""A batch import commits a chunk of articles per transaction (issue 15): what a crash, a
cancellation or a failing chunk keeps, duplicates across chunks, and the folded text made once
for the content hash and the search index."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from desktop.core import services
from desktop.core.arabic import fold
from desktop.core.errors import HamishError, ProjectError
from desktop.core.records import DocumentDraft
from desktop.core.text import content_hash, make_draft
from desktop.io import worker
from desktop.io.batch import import_paths, load_file
from desktop.store.project import Project
from desktop.store.search import index_form

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.hamish") as opened:
        yield opened


@pytest.fixture
def chunks_of_three(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "CHUNK_FILES", 3)
    monkeypatch.setattr(services, "CHUNK_SECONDS", float("inf"))


def _files(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"{n:03}.txt"
        path.write_text(f"مقال رقم {n}\nقال المتحدث إن الاجتماع رقم {n} كان مثمراً.", "utf-8")
        paths.append(path)
    return paths


def _counting(project: Project) -> list[int]:
    """The size of every chunk the store is asked to write."""
    sizes: list[int] = []
    add_many = project.documents.add_many

    def counted(drafts: Sequence[DocumentDraft]) -> list[int | HamishError]:
        sizes.append(len(drafts))
        return add_many(drafts)

    project.documents.add_many = counted  # type: ignore[method-assign]
    return sizes


def test_a_batch_is_committed_a_chunk_at_a_time(
    tmp_path: Path, project: Project, chunks_of_three: None
) -> None:
    sizes = _counting(project)
    _files(tmp_path / "in", 7)
    result = import_paths(project.documents, [tmp_path / "in"])
    assert sizes == [3, 3, 1]
    assert len(result.report.imported) == 7
    assert project.documents.count() == 7
    assert project.search.count("مثمرا") == 7  # indexed with their chunk


def test_a_chunk_ends_after_a_second_of_reading(
    tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clock is the import's own (injected): each file "takes" 0.4 s, so a chunk holds
    three files (0, 0.4, 0.8 s, then 1.2 s ≥ 1 s ends it) — no real time is measured."""
    now = [0.0]

    def clock() -> float:
        return now[0]

    def slow(path: Path) -> DocumentDraft:
        now[0] += 0.4
        return load_file(path)

    real = services.import_documents
    monkeypatch.setattr(
        "desktop.io.batch.import_documents",
        lambda repo, items, cancelled: real(repo, items, cancelled=cancelled, clock=clock),
    )
    sizes = _counting(project)
    import_paths(project.documents, _files(tmp_path / "in", 7), loader=slow)
    assert sizes == [3, 3, 1]


def test_a_chunk_ends_before_it_holds_too_much_text(
    tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each article stores about 41 (its headline, the title, is not in its text)
    monkeypatch.setattr(services, "CHUNK_CHARS", 80)
    sizes = _counting(project)
    import_paths(project.documents, _files(tmp_path / "in", 5))
    assert sizes == [2, 2, 1]


def test_cancelling_stores_what_was_read_and_says_so(
    tmp_path: Path, project: Project, chunks_of_three: None
) -> None:
    loaded: list[Path] = []

    def loader(path: Path) -> DocumentDraft:
        loaded.append(path)
        return load_file(path)

    sizes = _counting(project)
    result = import_paths(
        project.documents,
        _files(tmp_path / "in", 9),
        cancelled=lambda: len(loaded) >= 5,
        loader=loader,
    )
    assert sizes == [3, 2]  # the second chunk written when the cancellation came
    assert result.cancelled and result.total == 9
    assert [Path(p).name for p, _ in result.report.imported] == [p.name for p in loaded]
    assert project.documents.count() == 5


def test_duplicates_are_found_across_chunks_and_within_one(
    tmp_path: Path, project: Project, chunks_of_three: None
) -> None:
    first = _files(tmp_path / "in", 4)
    again = tmp_path / "in" / "004.txt"
    again.write_bytes(first[0].read_bytes().replace(b"\n", b"\r\n"))  # chunk 2, of chunk 1
    twice = tmp_path / "in" / "005.txt"
    twice.write_bytes(first[3].read_bytes())  # chunk 2, of the chunk's own first article
    result = import_paths(project.documents, [tmp_path / "in"])
    ids = dict(result.report.imported)
    assert len(ids) == 4
    assert result.report.duplicates == [
        (str(again), ids[str(first[0])]),
        (str(twice), ids[str(first[3])]),
    ]
    assert project.documents.count() == 4


def test_a_chunk_that_cannot_be_stored_fails_its_files_and_the_next_goes_on(
    tmp_path: Path, project: Project, chunks_of_three: None
) -> None:
    add_many = project.documents.add_many
    calls: list[int] = []

    def failing_once(drafts: Sequence[DocumentDraft]) -> list[int | HamishError]:
        calls.append(len(drafts))
        if len(calls) == 2:
            raise ProjectError("The disk is full; free some space and try again.")
        return add_many(drafts)

    project.documents.add_many = failing_once  # type: ignore[method-assign]
    paths = _files(tmp_path / "in", 8)
    result = import_paths(project.documents, paths)
    assert [Path(f.path).name for f in result.report.failed] == [p.name for p in paths[3:6]]
    assert {f.reason for f in result.report.failed} == {
        "The disk is full; free some space and try again."
    }
    assert len(result.report.imported) == 5 and not result.cancelled
    assert project.documents.count() == 5


_KILLED_IMPORT = """
import os, signal, sys
from pathlib import Path
from desktop.core import services
from desktop.io.batch import import_paths, load_file
from desktop.store.project import Project

services.CHUNK_FILES, services.CHUNK_SECONDS = 3, float("inf")
loaded = []

def loader(path):
    loaded.append(path)
    if len(loaded) == 8:  # the power cut: no clean-up, no finally
        os.kill(os.getpid(), signal.SIGKILL)
    return load_file(path)

with Project.open(sys.argv[1], create=False) as project:
    import_paths(project.documents, [sys.argv[2]], loader=loader)
"""


def test_a_killed_import_keeps_every_committed_chunk_and_loses_at_most_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.hamish"
    with Project.open(path):
        pass
    _files(tmp_path / "in", 10)
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_KILLED_IMPORT), str(path), str(tmp_path / "in")],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": ""},
        capture_output=True,
        check=False,
    )
    assert child.returncode == -9, child.stderr.decode()
    with Project.open(path, create=False) as project:
        # Files 0-5 came in two committed chunks; 6 was read into the third, 7 killed it.
        titles = sorted(s.title for s in project.documents.summaries())
        assert titles == [f"مقال رقم {n}" for n in range(6)]
        assert project.search.count("مثمرا") == 6
        conn = project.database.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM search_queue").fetchone()[0] == 0
        # Importing the folder again brings in the rest, the others reported as duplicates.
        again = import_paths(project.documents, [tmp_path / "in"])
        assert len(again.report.imported) == 4 and len(again.report.duplicates) == 6


def test_the_text_is_folded_once_for_the_hash_and_the_index() -> None:
    text = "أعلنت الوزارةُ اليوم عن جولة جديدة، في جنيف (2016)."
    draft = make_draft(text)
    assert draft.folded == fold(draft.text)
    assert draft.content_hash == content_hash(draft.text)
    long = make_draft("كلمة " * 60_000)  # past the piece the hash folds at once
    assert long.folded is None and long.content_hash == content_hash(long.text)


def test_the_index_from_the_folded_text_is_the_index_from_the_text(project: Project) -> None:
    texts = ["أعلنت الوزارةُ اليومَ عن جولة جديدة في جنيف.", "Talks_resume in GENEVA, ٢٠١٦!"]
    with_folded = [make_draft(t) for t in texts]
    without = [make_draft(t + " ثانية")._replace(folded=None) for t in texts]
    ids = [project.documents.add(d) for d in with_folded + without]
    # A contentless index: compare what searches find.
    for word, expected in (("الوزاره", 2), ("geneva", 2), ("2016", 2), ("resume", 2)):
        assert project.search.count(word) == expected, word
    assert index_form(with_folded[1].text) == index_form(without[1].text.removesuffix(" ثانية"))
    assert len(ids) == 4


def test_a_reader_process_cannot_give_the_index_its_own_folded_text() -> None:
    fields = make_draft("نص المقال")._asdict()
    fields["folded"] = "نص مزور لا يقوله المقال"
    assert worker._draft(fields, "a.html").folded is None


def test_a_batch_of_several_chunks_syncs_a_commit_when_due_and_at_its_end(
    tmp_path: Path, project: Project, chunks_of_three: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The power-cut window of a batch (docs/importing.md): chunks of three, a sync due every
    four articles — the first chunk is written unsynced, the second synced (six), the third
    unsynced, and the end syncs it. One chunk alone is synced as any edit is."""
    from desktop.store import db

    monkeypatch.setattr(db, "SYNC_FILES", 4)
    monkeypatch.setattr(db, "SYNC_SECONDS", float("inf"))
    seen: list[str] = []
    project.database.conn.set_trace_callback(seen.append)
    _files(tmp_path / "in", 7)
    result = import_paths(project.documents, [tmp_path / "in"])
    assert len(result.report.imported) == 7
    begins = [i for i, sql in enumerate(seen) if sql == "BEGIN IMMEDIATE"]
    relaxed = [n for n, i in enumerate(begins) if seen[i - 1] == "PRAGMA synchronous = NORMAL"]
    assert len(begins) == 4 and relaxed == [0, 2]
    assert any(sql.startswith("PRAGMA user_version = ") for sql in seen[begins[3] :])
    assert project.database.conn.execute("PRAGMA synchronous").fetchone()[0] == 2

    seen.clear()
    _files(tmp_path / "few", 3, start=100)
    import_paths(project.documents, [tmp_path / "few"])
    assert "PRAGMA synchronous = NORMAL" not in seen
    assert seen.count("BEGIN IMMEDIATE") == 1
