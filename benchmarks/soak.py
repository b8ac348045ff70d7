"""Soak: imports, tagging and exports SIGKILLed at random moments, the project checked after
every kill (issue 13).

Each round starts one child process on the project and kills it (SIGKILL: no clean-up, no
``finally``) at a random moment of its work:

- **import** — ``desktop.ops.articles.import_files`` (the window's and ``hamish import``'s
  operation, committing a chunk of articles at a time) on a fresh folder of text, Markdown,
  web-page, Word and e-mail files, each holding a unique marker word;
- **tag** — the Qt-free tagging operations in a loop: ``plan_selection`` + ``add_annotations``
  on random passages and labels (new entities included), undo of an earlier tag, note edits
  through ``edit_annotation``, and ``delete_annotation``;
- **export** — ``hamish export --overwrite`` to JSON, CSV or a Word briefing, over the
  previous export of that name.

The children print one line, flushed, after each transaction that committed (``import ID
MARKER``, ``tag ID DOC START END LABEL``, ``untag ID``, ``note ID TEXT``). After each kill
the project is reopened the way Hamish opens it (``Project.open``: the leftover write-ahead
log is checked and copied, then recovered) and checked:

- ``PRAGMA integrity_check`` is ``ok``;
- the search index agrees with the documents: nothing left in the queue, one index row per
  document and no other, FTS5's own ``integrity-check`` passes, and every imported article's
  marker finds exactly that article;
- no lost committed edit: every article, tag and note a child reported is there as reported,
  every untagged annotation is gone (ids are never reused);
- no partial export: the target is the previous export, untouched, or a complete new one (JSON
  that parses with every document, a CSV with one row per annotation, a .docx whose zip is
  intact and that python-docx opens). A killed export may leave its temporary file; the next
  export into the folder must remove it, and none is left at the end.

Children are forked from this process with the modules already loaded, so a kill costs
milliseconds rather than an interpreter start-up; ``--fresh-share`` of the rounds (default
10 %) start a new interpreter instead — the real ``hamish`` command for exports.

Prints kills per kind, integrity errors, index disagreements, lost committed edits, partial
files and leftover temporary files (targets: 0).

Run: .venv/bin/python benchmarks/soak.py [--kills 1000] [--seed 13] [--fresh-share 0.1]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import email.message
import io
import json
import os
import random
import re
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import docx  # noqa: E402  (python-docx: loaded before forking, as are the modules below)

from desktop import cli  # noqa: E402
from desktop.core.errors import HamishError  # noqa: E402
from desktop.core.records import DocumentDraft  # noqa: E402
from desktop.core.text import make_draft  # noqa: E402
from desktop.io.exporters.files import TEMP_PATTERN  # noqa: E402
from desktop.ops.annotations import (  # noqa: E402
    add_annotations,
    delete_annotation,
    edit_annotation,
    plan_selection,
)
from desktop.ops.articles import import_files  # noqa: E402
from desktop.store.project import Project  # noqa: E402

SEEDS = REPO / "seeds"
FORMATS = ("json", "csv", "docx")
KINDS = ("import", "tag", "export")
FILES_PER_IMPORT = 16
FULL_CHECK_EVERY = 50  # rounds; and once at the end
TAG_WINDOW = 1.0  # seconds of tagging before the kill, at most
LIVE_TAGS = 300  # below this many annotations tagging only adds; above, it removes as often
READY_TIMEOUT = 60.0
MARKER = re.compile(r"zq\d{6}x")


# --- the children --------------------------------------------------------------------------------
class Report:
    """The child's side of the pipe: one line per committed transaction, written at once."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def line(self, *parts: object) -> None:
        os.write(self.fd, (" ".join(str(p) for p in parts) + "\n").encode("utf-8"))


def child_import(project_path: Path, folder: Path, report: Report) -> None:
    """Import ``folder`` as ``hamish import`` does, reporting each article once committed."""
    with Project.open(project_path, create=False) as project:
        store = project.documents
        add_many = store.add_many

        def reported_add(drafts: Sequence[DocumentDraft]) -> list[int | HamishError]:
            results = add_many(drafts)  # committed: the chunk's transaction has ended
            for draft, doc_id in zip(drafts, results, strict=True):
                if isinstance(doc_id, int):
                    found = MARKER.search(draft.text)
                    report.line("import", doc_id, found[0] if found else "-")
            return results

        store.add_many = reported_add  # type: ignore[method-assign]
        report.line("ready")
        import_files(project, [folder])
    report.line("done")


def child_tag(project_path: Path, seed: int, report: Report) -> None:
    """Tag, undo, delete and annotate random passages until killed. Deletions take any
    annotation of the project, so it keeps about LIVE_TAGS of them over a long soak instead
    of growing without end; undo takes the child's own last tag, as the window's undo stack
    would."""
    rng = random.Random(seed)
    with Project.open(project_path, create=False) as project:
        labels = project.labels.all()
        ids = [s.id for s in project.documents.summaries()]
        conn = project.database.conn
        pool = [row[0] for row in conn.execute("SELECT id FROM annotations")]
        texts: dict[int, str] = {}
        undo: list[tuple[int, Callable[[Project], object]]] = []
        report.line("ready")
        while True:
            roll = rng.random()
            if roll < 0.45 or len(pool) < LIVE_TAGS:
                doc_id = rng.choice(ids)
                if doc_id not in texts:
                    texts[doc_id] = project.documents.get(doc_id).text
                text = texts[doc_id]
                start = rng.randrange(len(text))
                end = min(len(text), start + rng.randint(1, 40))
                label = rng.choice(labels)
                try:
                    plan = plan_selection(project, text, doc_id, start, end, label, "soak")
                except HamishError:
                    continue  # white space only
                outcome = add_annotations(project, [plan])
                if not outcome.value:
                    continue  # the same tag is there already: a duplicate is skipped
                (annotation_id,) = outcome.value
                draft = plan.draft
                report.line("tag", annotation_id, doc_id, draft.start, draft.end, label.id)
                pool.append(annotation_id)
                if outcome.undo is not None:
                    undo.append((annotation_id, outcome.undo))
            elif roll < 0.55:
                if not undo:
                    continue
                annotation_id, step = undo.pop()
                if annotation_id not in pool:
                    continue
                report.line("begin", "untag", annotation_id)  # a kill may come before "untag"
                step(project)  # the undo of add_annotations: the tag (and its new entity) go
                pool.remove(annotation_id)
                report.line("untag", annotation_id)
            elif roll < 0.9:  # delete: as likely as adding, so the project stays near LIVE_TAGS
                annotation_id = pool.pop(rng.randrange(len(pool)))
                report.line("begin", "untag", annotation_id)
                delete_annotation(project, annotation_id)
                report.line("untag", annotation_id)
            else:
                annotation_id = rng.choice(pool)
                note = json.dumps(f"ملاحظة {rng.randrange(10**6)}", ensure_ascii=False)
                report.line("begin", "note", annotation_id, note)
                edit_annotation(project, annotation_id, note=json.loads(note))
                report.line("note", annotation_id, note)


def export_arguments(project_path: Path, fmt: str, target: Path, documents: list[int]) -> list[str]:
    arguments = ["export", "--project", str(project_path), "--format", fmt]
    arguments += ["--output", str(target), "--overwrite"]
    if fmt == "docx":  # a briefing of every article would take longer with each round
        arguments += ["--document", *(str(d) for d in documents)]
    return arguments


def child_export(arguments: list[str], report: Report) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        status = cli.main(arguments)
    report.line("done", status)


# --- starting and killing a child ----------------------------------------------------------------
@dataclass
class Child:
    """A running child: its process, the read end of its report pipe, what it wrote."""

    pid: int
    fd: int
    started: float
    popen: subprocess.Popen[bytes] | None = None
    buffer: bytes = b""
    status: int | None = None  # set once it has been waited for

    def read(self, until: float) -> None:
        """Collect what the child writes until the deadline (or the end of its output)."""
        while (left := until - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                return
            chunk = os.read(self.fd, 65536)
            if not chunk:
                return
            self.buffer += chunk

    def wait_for(self, word: bytes, timeout: float) -> bool:
        """Read until the child reports ``word`` (True), ends or the timeout passes."""
        deadline = time.monotonic() + timeout
        while word + b"\n" not in self.buffer:
            if time.monotonic() >= deadline or self.ended():
                self.read(time.monotonic() + 0.1)
                return word + b"\n" in self.buffer
            self.read(min(deadline, time.monotonic() + 0.05))
        return True

    def ended(self) -> bool:
        if self.status is None:
            if self.popen is not None:
                self.status = self.popen.poll()
            else:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    self.status = status
        return self.status is not None

    def kill(self) -> bool:
        """SIGKILL the child; True when it was still running (a real kill)."""
        running = not self.ended()
        if running:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            if self.popen is not None:
                self.status = self.popen.wait()
            else:
                self.status = os.waitpid(self.pid, 0)[1]
        self.read(time.monotonic() + 0.5)  # what it wrote before dying (EOF comes at once)
        os.close(self.fd)
        return running

    def exit_code(self) -> int | None:
        """The exit code of a child that ended on its own (a negative signal number if not)."""
        if self.status is None:
            return None
        if self.popen is not None:
            return self.status
        return os.waitstatus_to_exitcode(self.status)

    def lines(self) -> list[list[str]]:
        """Whole lines only: a line cut short by the kill was never reported."""
        complete = self.buffer.rpartition(b"\n")[0]
        return [line.split(" ") for line in complete.decode("utf-8").splitlines() if line]


def fork(work: Callable[[Report], None]) -> Child:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the parent's code, never runs its clean-up
        os.close(read_end)
        status = 0
        try:
            work(Report(write_end))
        except BaseException:
            traceback.print_exc()
            status = 1
        os._exit(status)
    os.close(write_end)
    return Child(pid, read_end, time.monotonic())


def spawn(arguments: list[str]) -> Child:
    read_end, write_end = os.pipe()
    popen = subprocess.Popen(
        [sys.executable, *arguments],
        stdout=write_end,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
        },
    )
    os.close(write_end)
    return Child(popen.pid, read_end, time.monotonic(), popen)


# --- the files an import reads -------------------------------------------------------------------
class Corpus:
    """Fresh article files for each import round, every one with its own marker word."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root = root
        self.rng = rng
        self.sentences = [
            s.strip() + "."
            for p in sorted(SEEDS.glob("*.txt"))
            for s in p.read_text(encoding="utf-8").replace("\n", " ").split(".")
            if len(s.strip()) > 20
        ]
        self.serial = 0

    def body(self, marker: str) -> tuple[str, str]:
        title = self.rng.choice(self.sentences)[:50]
        text = (
            " ".join(self.rng.sample(self.sentences, 3))
            + f" {marker} "
            + self.rng.choice(self.sentences)
        )
        return title, text

    def folder(self, count: int) -> Path:
        folder = self.root / f"round-{self.serial:05}"
        folder.mkdir(parents=True)
        for _ in range(count):
            self.serial += 1
            marker = f"zq{self.serial:06}x"
            title, text = self.body(marker)
            kind = self.rng.choice(("txt", "txt", "md", "html", "docx", "eml"))
            path = folder / f"{self.serial:06}.{kind}"
            if kind == "txt":
                path.write_text(f"{title}\n{text}\n", encoding="utf-8")
            elif kind == "md":
                path.write_text(f"# {title}\n\n{text}\n", encoding="utf-8")
            elif kind == "html":
                path.write_text(
                    f"<!doctype html><html lang=ar dir=rtl><head><meta charset=utf-8>"
                    f"<title>{title}</title></head><body><article><h1>{title}</h1>"
                    f"<p>{text}</p><p>{self.rng.choice(self.sentences)}</p></article></body></html>",
                    encoding="utf-8",
                )
            elif kind == "docx":
                document = docx.Document()
                document.core_properties.title = title
                document.add_paragraph(text)
                document.save(str(path))
            else:
                message = email.message.EmailMessage()
                message["Subject"] = title
                message["From"] = "وكالة <news@agency.example>"
                message.set_content(text)
                path.write_bytes(bytes(message))
        return folder


# --- checking the project after a kill -----------------------------------------------------------
@dataclass
class Expected:
    """What the children reported as committed, accumulated over the whole soak.

    A removal or a note edit is announced (``begin``) before its transaction and confirmed
    after it; a kill between the two leaves it *in doubt* — committed or not, both are right
    — and the reopened project says which (:meth:`settle`). An addition is only reported after
    it committed: one the kill cut off is simply not checked."""

    articles: dict[int, str] = field(default_factory=dict)  # document id -> marker
    fresh: set[int] = field(default_factory=set)  # articles reported since the last check
    tags: dict[int, tuple[int, int, int, int]] = field(
        default_factory=dict
    )  # id -> doc, span, label
    notes: dict[int, str] = field(default_factory=dict)
    untagged: set[int] = field(default_factory=set)
    in_doubt: list[str] = field(default_factory=list)  # the announced, unconfirmed edit

    def take(self, lines: list[list[str]]) -> int:
        """Record a child's reported transactions; returns how many."""
        count = 0
        for parts in lines:
            what = parts[0]
            if what == "begin":
                self.in_doubt = parts[1:]
                continue
            if what == "import":
                self.articles[int(parts[1])] = parts[2]
                self.fresh.add(int(parts[1]))
            elif what == "tag":
                self.tags[int(parts[1])] = (
                    int(parts[2]),
                    int(parts[3]),
                    int(parts[4]),
                    int(parts[5]),
                )
            elif what == "untag":
                self.untag(int(parts[1]))
            elif what == "note":
                self.notes[int(parts[1])] = json.loads(" ".join(parts[2:]))
            else:
                continue
            self.in_doubt = []
            count += 1
        return count

    def untag(self, annotation_id: int) -> None:
        self.tags.pop(annotation_id, None)
        self.notes.pop(annotation_id, None)
        self.untagged.add(annotation_id)

    def settle(self, rows: dict[int, tuple[object, ...]]) -> str | None:
        """Resolve the edit in doubt from the reopened project's annotations (id -> doc,
        start, end, label, note); returns what it was, for the tally."""
        if not self.in_doubt:
            return None
        what, annotation_id = self.in_doubt[0], int(self.in_doubt[1])
        row = rows.get(annotation_id)
        if what == "untag" and row is None:
            self.untag(annotation_id)
        elif what == "note" and row is not None:
            new = json.loads(" ".join(self.in_doubt[2:]))
            if row[4] in (new, self.notes.get(annotation_id, row[4])):
                self.notes[annotation_id] = str(row[4])
        self.in_doubt = []
        return what


@dataclass
class Findings:
    integrity: list[str] = field(default_factory=list)
    index: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    leftovers_after_next_export: int = 0

    def any(self) -> bool:
        return bool(self.integrity or self.index or self.lost or self.partial)


def check_project(
    path: Path, expected: Expected, findings: Findings, where: str, *, full: bool = True
) -> tuple[int, int]:
    """Reopen the project as Hamish does and check it; returns (documents, annotations).
    ``full``: look up every reported article's text and marker, not only this round's."""
    with Project.open(path, create=False) as project:
        conn = project.database.conn
        for notice in project.notices:  # a kill must never damage the journal it leaves
            if "damaged" in notice or "could not" in notice:
                findings.integrity.append(f"{where}: {notice}")
        result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            findings.integrity.append(f"{where}: {result[:3]}")
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            findings.integrity.append(f"{where}: foreign keys {foreign[:3]}")
        # The index, before anything syncs it: it must already agree.
        queued = conn.execute("SELECT count(*) FROM search_queue").fetchone()[0]
        if queued:
            findings.index.append(f"{where}: {queued} documents waiting in the search queue")
        documents = {row[0] for row in conn.execute("SELECT id FROM documents")}
        indexed = {row[0] for row in conn.execute("SELECT id FROM search_fts_docsize")}
        if documents != indexed:
            findings.index.append(
                f"{where}: not indexed {sorted(documents - indexed)[:5]}, "
                f"indexed but gone {sorted(indexed - documents)[:5]}"
            )
        try:
            conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
        except sqlite3.Error as error:
            findings.index.append(f"{where}: FTS5 integrity-check: {error}")
        # Every reported article is there; those of this round (of every round, now and then
        # and at the end) have their text and are found by their marker.
        for doc_id, marker in expected.articles.items():
            if doc_id not in documents:
                findings.lost.append(f"{where}: article {doc_id} ({marker})")
        wanted = expected.articles if full else {d: expected.articles[d] for d in expected.fresh}
        expected.fresh.clear()
        for doc_id, marker in wanted.items():
            row = conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            if row is None or marker not in row[0]:
                findings.lost.append(f"{where}: article {doc_id} without {marker}")
                continue
            if marker == "-":  # (the page extractor left the marker out: present is enough)
                continue
            found = [
                r[0]
                for r in conn.execute(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", [f'"{marker}"']
                )
            ]
            if found != [doc_id]:
                findings.index.append(f"{where}: {marker} finds {found}, not [{doc_id}]")
        rows = {
            row[0]: row[1:]
            for row in conn.execute(
                'SELECT id, document_id, start, "end", label_id, note FROM annotations'
            )
        }
        expected.settle(rows)
        for annotation_id, state in expected.tags.items():
            row = rows.get(annotation_id)
            if row is None or tuple(row[:4]) != state:
                findings.lost.append(f"{where}: tag {annotation_id} {state} is {row}")
            elif annotation_id in expected.notes and row[4] != expected.notes[annotation_id]:
                findings.lost.append(f"{where}: note of {annotation_id} is {row[4]!r}")
        for annotation_id in expected.untagged:
            if annotation_id in rows:
                findings.lost.append(f"{where}: untagged {annotation_id} is back")
        return len(documents), len(rows)


def complete_export(path: Path, fmt: str, documents: int, annotations: int) -> bool:
    """Whether ``path`` holds a whole export of the project as it is."""
    try:
        if fmt == "json":
            data = json.loads(path.read_text(encoding="utf-8"))
            return data["format"] == "hamish" and len(data["documents"]) == documents
        if fmt == "csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.reader(handle, strict=True))
            return len(rows) == annotations + 1 and len({len(row) for row in rows}) == 1
        with zipfile.ZipFile(path) as archive:
            if archive.testzip() is not None:
                return False
        docx.Document(str(path))
        return True
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, csv.Error, Exception):
        return False


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if TEMP_PATTERN.fullmatch(p.name)]


# --- the soak ------------------------------------------------------------------------------------
def build(path: Path, corpus: Corpus, articles: int) -> list[int]:
    with Project.open(path) as project, project.database.transaction():
        ids = []
        for n in range(articles):
            title, text = corpus.body(f"zqseed{n:04}x")
            ids.append(project.documents.add(make_draft(text, title=title)))
    return ids


@dataclass
class Tally:
    kills: Counter[str] = field(default_factory=Counter)
    finished: Counter[str] = field(default_factory=Counter)
    fresh: Counter[str] = field(default_factory=Counter)
    committed: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    temp_left_by_kill: int = 0
    temp_after_complete: int = 0


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--kills", type=int, default=1000, help="children to kill in total")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--articles", type=int, default=30, help="articles before the soak")
    parser.add_argument(
        "--files",
        type=int,
        default=FILES_PER_IMPORT,
        help="files per import (more than 200: a batch of several chunks, synced when due)",
    )
    parser.add_argument(
        "--fresh-share",
        type=float,
        default=0.1,
        help="share of rounds started as a new interpreter (the hamish command for exports)",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child)
        return
    rng = random.Random(args.seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hamish-soak-") as tmp:
        root = Path(tmp)
        project = root / "soak.hamish"
        corpus = Corpus(root / "in", rng)
        seeded = build(project, corpus, args.articles)
        out = root / "out"
        out.mkdir()
        expected = Expected()
        findings = Findings()
        tally = Tally()
        documents, annotations = check_project(project, expected, findings, "start")
        estimate: dict[str, float] = {}
        for fmt in FORMATS:  # a first complete export of each format, and how long one takes
            child = fork(
                lambda r, f=fmt: child_export(
                    export_arguments(project, f, out / f"export.{f}", seeded[:20]), r
                )
            )
            child.wait_for(b"done", 300)
            child.kill()
            estimate[fmt] = time.monotonic() - child.started
            assert complete_export(out / f"export.{fmt}", fmt, documents, annotations), fmt
        estimate["import"] = 2.0
        round_number = 0
        while sum(tally.kills.values()) < args.kills:
            round_number += 1
            kind = KINDS[round_number % len(KINDS)]
            fresh = rng.random() < args.fresh_share
            where = f"round {round_number} ({kind}{', fresh' if fresh else ''})"
            target: Path | None = None
            before: bytes | None = None
            fmt = ""
            if kind == "import":
                folder = corpus.folder(args.files)
                if fresh:
                    child = spawn([__file__, "--child", "import", str(project), str(folder)])
                else:
                    child = fork(lambda r, f=folder: child_import(project, f, r))
            elif kind == "tag":
                seed = rng.randrange(2**32)
                if fresh:
                    child = spawn([__file__, "--child", "tag", str(project), str(seed)])
                else:
                    child = fork(lambda r, s=seed: child_tag(project, s, r))
            else:
                fmt = FORMATS[(round_number // len(KINDS)) % len(FORMATS)]
                target = out / f"export.{fmt}"
                before = target.read_bytes() if target.exists() else None
                arguments = export_arguments(project, fmt, target, seeded[:20])
                if fresh:
                    child = spawn(["-m", "desktop", *arguments])
                else:
                    child = fork(lambda r, a=arguments: child_export(a, r))
            if kind == "export":
                delay = rng.uniform(0, estimate[fmt])
                child.read(child.started + delay)
            else:
                if not child.wait_for(b"ready", READY_TIMEOUT):
                    findings.integrity.append(f"{where}: the child never started")
                window = estimate["import"] if kind == "import" else TAG_WINDOW
                child.read(time.monotonic() + rng.uniform(0, window))
            killed = child.kill()
            if killed:
                tally.kills[kind] += 1
                if fresh:
                    tally.fresh[kind] += 1
            else:
                tally.finished[kind] += 1
                if child.exit_code() != 0:  # it ended on its own: it must have succeeded
                    tally.failed[kind] += 1
                    findings.integrity.append(f"{where}: the child failed ({child.exit_code()})")
                if kind == "import":  # a whole folder imported: give the next ones longer
                    estimate["import"] = max(estimate["import"], time.monotonic() - child.started)
                elif kind == "export":
                    estimate[fmt] = 0.8 * estimate[fmt] + 0.2 * (time.monotonic() - child.started)
            tally.committed[kind] += expected.take(child.lines())
            full = round_number % FULL_CHECK_EVERY == 0
            documents, annotations = check_project(project, expected, findings, where, full=full)
            if target is not None:
                left = leftovers(out)
                if killed and left:
                    tally.temp_left_by_kill += 1
                if not killed and left:  # a whole export must have removed them all
                    tally.temp_after_complete += len(left)
                if target.exists():
                    now = target.read_bytes()
                    if now != before and not complete_export(target, fmt, documents, annotations):
                        findings.partial.append(f"{where}: {target.name} ({len(now)} bytes)")
                elif before is not None:
                    findings.partial.append(f"{where}: {target.name} is gone")
            if round_number % 100 == 0:
                elapsed = time.perf_counter() - started
                print(
                    f"  {sum(tally.kills.values())} kills, {documents} articles, "
                    f"{annotations} annotations, {elapsed:.0f} s",
                    flush=True,
                )
        documents, annotations = check_project(project, expected, findings, "end", full=True)
        # A complete export into the folder removes every temporary file killed ones left.
        for fmt in FORMATS:
            child = fork(
                lambda r, f=fmt: child_export(
                    export_arguments(project, f, out / f"final.{f}", seeded[:20]), r
                )
            )
            child.wait_for(b"done", 300)
            child.kill()
            if not complete_export(out / f"final.{fmt}", fmt, documents, annotations):
                findings.partial.append(f"final {fmt} export")
        left_at_end = leftovers(out)
        kept = root / "backups"
        backups = len(list(kept.iterdir())) if kept.is_dir() else 0
    elapsed = time.perf_counter() - started
    total = sum(tally.kills.values())
    print(f"kills:                          {total} in {elapsed:.0f} s ({round_number} rounds)")
    for kind in KINDS:
        reported = f", transactions reported {tally.committed[kind]}" if kind != "export" else ""
        print(
            f"  {kind:<7} killed {tally.kills[kind]:>5} (new interpreter: {tally.fresh[kind]}), "
            f"finished before the kill {tally.finished[kind]} (failed {tally.failed[kind]})"
            + reported
        )
    print(
        f"reported edits checked:         {len(expected.articles)} articles, "
        f"{len(expected.tags)} tags, {len(expected.notes)} notes, "
        f"{len(expected.untagged)} untagged"
    )
    print(f"integrity errors:               {len(findings.integrity)} (target 0)")
    print(f"index disagreements:            {len(findings.index)} (target 0)")
    print(f"lost committed edits:           {len(findings.lost)} (target 0)")
    print(f"partial files:                  {len(findings.partial)} (target 0)")
    print(f"exports killed leaving a temp:  {tally.temp_left_by_kill} (removed by the next)")
    print(f"temp files after a whole export: {tally.temp_after_complete} (target 0)")
    print(f"leftover temp files at the end: {len(left_at_end)} (target 0)")
    print(f"crash copies kept in backups/:  {backups}")
    for name, items in (
        ("integrity", findings.integrity),
        ("index", findings.index),
        ("lost", findings.lost),
        ("partial", findings.partial),
    ):
        for item in items[:10]:
            print(f"  {name}: {item}")
    if findings.any() or left_at_end or tally.temp_after_complete:
        sys.exit(1)


def run_child(arguments: list[str]) -> None:
    """``--child import PROJECT FOLDER`` or ``--child tag PROJECT SEED``, in a new interpreter;
    the report goes to standard output."""
    kind, project = arguments[0], Path(arguments[1])
    report = Report(sys.stdout.fileno())
    if kind == "import":
        child_import(project, Path(arguments[2]), report)
    else:
        child_tag(project, int(arguments[2]), report)


if __name__ == "__main__":
    main()
