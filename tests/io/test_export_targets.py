"""Where an export may write (issue 13, "Exports rename over anything"): only a regular file or
a new path, checked before any work; links written through; leftovers of killed exports
removed by the next export into the folder.

Every hostile target is made inside ``tmp_path`` (a device node with ``mknod``, a FIFO, a
socket …): an exporter that got it wrong replaces only a test file, never ``/dev/full``.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import HamishError
from desktop.core.text import make_draft
from desktop.io.exporters import (
    TargetExists,
    check_export_target,
    docx_report,
    files,
    json_export,
    remove_leftovers,
)
from desktop.io.exporters.csv_export import export_csv
from desktop.io.exporters.docx_report import export_docx
from desktop.io.exporters.json_export import export_json
from desktop.io.exporters.report import ReportOptions
from desktop.store.project import Project

Export = Callable[..., object]
EXPORTS: dict[str, Export] = {
    "json": lambda project, path, **kw: export_json(project, path, **kw),
    "csv": lambda project, path, **kw: export_csv(project, path, "annotations", **kw),
    "docx": lambda project, path, **kw: export_docx(project, path, ReportOptions(), **kw),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    path = tmp_path_factory.mktemp("targets") / "work.hamish"
    with Project.open(path) as opened:
        opened.documents.add(make_draft("قال المتحدث إن المحادثات مستمرة.", title="خبر"))
        yield opened


@pytest.fixture(params=sorted(EXPORTS))
def export(request: pytest.FixtureRequest) -> Export:
    return EXPORTS[request.param]


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def device(path: Path) -> Path:
    """A character device like /dev/full (1, 7), made where a broken export can only hurt
    the test."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    return path


# --- what is refused --------------------------------------------------------------------------


@pytest.mark.parametrize("overwrite", [False, True], ids=["new", "overwrite"])
def test_a_device_is_never_replaced(
    project: Project, export: Export, tmp_path: Path, overwrite: bool
) -> None:
    node = device(tmp_path / "full")
    with pytest.raises(HamishError, match=r"full is a device, not a file; nothing was exported"):
        export(project, node, overwrite=overwrite)
    assert stat.S_ISCHR(node.lstat().st_mode) and names(tmp_path) == ["full"]


@pytest.mark.parametrize("path", ["/dev/null", "/dev/full"])
def test_the_real_devices_are_refused_by_the_check(path: str) -> None:
    if not os.path.exists(path):
        pytest.skip(f"{path} does not exist here")
    with pytest.raises(HamishError, match="is a device, not a file"):
        check_export_target(path, overwrite=True)


def test_a_fifo_is_never_replaced(project: Project, export: Export, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(HamishError, match=r"pipe is a named pipe, not a file"):
        export(project, fifo, overwrite=True)
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and names(tmp_path) == ["pipe"]


def test_a_socket_is_never_replaced(project: Project, export: Export, tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(HamishError, match=r"s\.sock is a socket, not a file"):
            export(project, path, overwrite=True)
        assert stat.S_ISSOCK(path.lstat().st_mode)


def test_a_read_only_file_is_refused_even_for_root(
    project: Project, export: Export, tmp_path: Path
) -> None:
    """Root may write any file, so the check reads the mode bits, not os.access."""
    target = tmp_path / "kept.out"
    target.write_text("signed copy", encoding="utf-8")
    target.chmod(0o444)
    for overwrite in (False, True):
        with pytest.raises(HamishError, match=r"kept\.out is read-only; nothing was exported"):
            export(project, target, overwrite=overwrite)
    assert target.read_text(encoding="utf-8") == "signed copy"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444 and names(tmp_path) == ["kept.out"]


@pytest.mark.parametrize("name", ["other.hamish", "other.json"], ids=["suffix", "renamed"])
def test_another_hamish_project_is_never_replaced(
    project: Project, export: Export, tmp_path: Path, name: str
) -> None:
    """Only "the project itself" was guarded; exporting to another project destroyed it.
    Recognised by its header, whatever its name."""
    other = tmp_path / name
    with Project.open(other) as made:
        made.documents.add(make_draft("نص مشروع آخر لا يجوز أن يضيع.", title="آخر"))
    before = other.read_bytes()
    with pytest.raises(HamishError, match="is a Hamish project; exporting to it would destroy it"):
        export(project, other, overwrite=True)
    assert other.read_bytes() == before
    with Project.open(other, create=False) as reopened:
        assert reopened.documents.count() == 1


def test_any_sqlite_database_is_never_replaced(
    project: Project, export: Export, tmp_path: Path
) -> None:
    database = tmp_path / "results.csv"  # the name says CSV; the header says SQLite
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    before = database.read_bytes()
    with pytest.raises(HamishError, match="is a SQLite database; exporting to it would destroy"):
        export(project, database, overwrite=True)
    assert database.read_bytes() == before


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_the_projects_working_files_are_refused(project: Project, suffix: str) -> None:
    """Whether or not SQLite has the file at this moment: one left there would be read as
    the project's log the next time it opens."""
    target = project.path.with_name(project.path.name + suffix)
    with pytest.raises(HamishError, match="is a working file of the project's database"):
        export_json(project, target, overwrite=True)


def test_another_databases_log_is_refused(project: Project, tmp_path: Path) -> None:
    database = tmp_path / "other.db"
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    with pytest.raises(HamishError, match=r"working file of the SQLite database other\.db"):
        export_json(project, tmp_path / "other.db-journal")
    assert names(tmp_path) == ["other.db"]


def test_a_name_like_a_temporary_file_is_refused(project: Project, tmp_path: Path) -> None:
    """The next export into the folder would take it for a leftover and remove it."""
    with pytest.raises(HamishError, match="is named like a temporary file of Hamish"):
        export_json(project, tmp_path / ".p.json.0123abcd.tmp")
    assert names(tmp_path) == []


def test_a_fifo_beside_a_wal_name_is_not_opened(project: Project, tmp_path: Path) -> None:
    """Deciding whether ``pipe-wal`` belongs to a database must not wait on the FIFO
    ``pipe`` for a writer (a blocking open would hang here)."""
    os.mkfifo(tmp_path / "pipe")
    export_json(project, tmp_path / "pipe-wal")
    assert names(tmp_path) == ["pipe", "pipe-wal"]


def test_a_folder_a_missing_folder_and_a_file_as_folder(
    project: Project, export: Export, tmp_path: Path
) -> None:
    with pytest.raises(HamishError, match="is a folder; give a file name"):
        export(project, tmp_path, overwrite=True)
    with pytest.raises(HamishError, match=r"The folder .*missing does not exist"):
        export(project, tmp_path / "missing" / "out.x")
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    with pytest.raises(HamishError, match=r"plain is not a folder; nothing was exported"):
        export(project, tmp_path / "plain" / "out.x")
    assert names(tmp_path) == ["plain"]


def test_a_folder_that_cannot_be_written(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root every folder is writable, so the answer of ``os.access`` is planted."""
    real_access = os.access
    monkeypatch.setattr(
        files.os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode)
    )
    with pytest.raises(HamishError, match=r"cannot be written \(it is read-only"):
        export_json(project, tmp_path / "out.json")
    assert names(tmp_path) == []


# --- checked before any work ------------------------------------------------------------------


def test_a_briefing_to_a_missing_folder_fails_before_it_is_built(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It built the whole report (7.6 s, 425 MB on a large project) before refusing."""
    built: list[object] = []

    def build_report(*args: Any, **kwargs: Any) -> None:
        built.append(args)
        raise AssertionError("the report was built")

    monkeypatch.setattr(docx_report, "build_report", build_report)
    with pytest.raises(HamishError, match="does not exist; nothing was exported"):
        export_docx(project, tmp_path / "missing" / "brief.docx", ReportOptions())
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    with pytest.raises(HamishError, match="is a named pipe"):
        export_docx(project, fifo, ReportOptions(), overwrite=True)
    assert built == []


def test_json_is_refused_before_the_project_is_read(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_export, "dump", lambda *a, **k: pytest.fail("the project was read"))
    with pytest.raises(HamishError, match="does not exist"):
        export_json(project, tmp_path / "missing" / "p.json")


# --- existing files ------------------------------------------------------------------------------


def test_an_existing_file_is_replaced_only_when_allowed(
    project: Project, export: Export, tmp_path: Path
) -> None:
    target = tmp_path / "earlier.out"
    target.write_text("earlier export", encoding="utf-8")
    with pytest.raises(TargetExists, match=r"earlier\.out already exists; nothing was exported"):
        export(project, target)
    assert target.read_text(encoding="utf-8") == "earlier export"
    export(project, target, overwrite=True)
    assert target.read_bytes() != b"earlier export" and names(tmp_path) == ["earlier.out"]


def test_a_file_that_appears_during_the_export_is_not_replaced(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``overwrite`` allows replacing the file that was there when checked; a file someone
    else creates at that name meanwhile is theirs."""
    target = tmp_path / "race.json"
    real_dump = json_export.json.dump

    def dump_while_another_writes(obj: object, fp: Any, **kwargs: Any) -> None:
        target.write_text("someone else's file", encoding="utf-8")
        real_dump(obj, fp, **kwargs)

    monkeypatch.setattr(json_export.json, "dump", dump_while_another_writes)
    with pytest.raises(TargetExists):
        export_json(project, target, overwrite=True)
    assert target.read_text(encoding="utf-8") == "someone else's file"
    assert names(tmp_path) == ["race.json"]


# --- links ------------------------------------------------------------------------------------


def test_a_link_is_written_through(project: Project, export: Export, tmp_path: Path) -> None:
    """The link stays a link; the file it points to is replaced, in its own folder."""
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "latest.out"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    here = tmp_path / "here"
    here.mkdir()
    link = here / "latest.out"
    link.symlink_to(Path("..") / "shared" / "latest.out")  # relative, as users make them
    with pytest.raises(TargetExists):
        export(project, link)
    export(project, link, overwrite=True)
    assert link.is_symlink() and os.readlink(link) == str(Path("..") / "shared" / "latest.out")
    assert real.read_bytes() != b"old" and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert names(shared) == ["latest.out"] and names(here) == ["latest.out"]


def test_a_link_to_a_new_file_in_a_linked_folder(project: Project, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "alias").symlink_to("real", target_is_directory=True)
    summary = export_json(project, tmp_path / "alias" / "p.json")
    assert summary.path == tmp_path / "alias" / "p.json"
    assert names(tmp_path / "real") == ["p.json"]


@pytest.mark.parametrize("kind", ["dangling", "fifo", "device", "loop", "folder"])
def test_links_to_anything_but_a_regular_file_are_refused(
    project: Project, export: Export, tmp_path: Path, kind: str
) -> None:
    link = tmp_path / "link.out"
    if kind == "dangling":
        link.symlink_to(tmp_path / "nowhere.out")
        message = r"link\.out is a link to .*nowhere\.out, which does not exist"
    elif kind == "fifo":
        os.mkfifo(tmp_path / "pipe")
        link.symlink_to(tmp_path / "pipe")
        message = "link.out is a named pipe"
    elif kind == "device":
        link.symlink_to(device(tmp_path / "full"))
        message = "link.out is a device"
    elif kind == "loop":
        link.symlink_to(tmp_path / "link.out")
        message = "link.out is a link that cannot be followed"
    else:
        (tmp_path / "dir").mkdir()
        link.symlink_to(tmp_path / "dir", target_is_directory=True)
        message = "link.out is a folder"
    before = names(tmp_path)
    with pytest.raises(HamishError, match=message):
        export(project, link, overwrite=True)
    assert link.is_symlink() and names(tmp_path) == before
    assert not (tmp_path / "nowhere.out").exists()


def test_a_link_to_another_project_is_refused(project: Project, tmp_path: Path) -> None:
    Project.open(tmp_path / "other.hamish").close()
    (tmp_path / "out.json").symlink_to(tmp_path / "other.hamish")
    with pytest.raises(HamishError, match="is a Hamish project"):
        export_json(project, tmp_path / "out.json", overwrite=True)
    with pytest.raises(HamishError, match="is the project itself"):
        (tmp_path / "me.json").symlink_to(project.path)
        export_json(project, tmp_path / "me.json", overwrite=True)


# --- leftovers of killed exports ------------------------------------------------------------


def test_planted_leftovers_are_removed_and_nothing_else(project: Project, tmp_path: Path) -> None:
    leftovers = [".p.json.0123abcd.tmp", ".brief.docx.deadbeef.tmp", ".a b.csv.00000000.tmp"]
    others = [
        ".p.json.0123ABCD.tmp",  # upper case: not a name Hamish makes
        ".p.json.0123abc.tmp",  # seven digits
        "p.json.0123abcd.tmp",  # not hidden
        ".p.json.0123abcd.tmp.bak",
        ".p.json.tmp",
        "notes.txt",
    ]
    for name in [*leftovers, *others]:
        (tmp_path / name).write_text("half", encoding="utf-8")
    (tmp_path / ".dir.0123abcd.tmp").mkdir()  # a folder of that name is not a leftover
    (tmp_path / ".link.0123abcd.tmp").symlink_to(tmp_path / "notes.txt")
    export_json(project, tmp_path / "new.json")
    assert names(tmp_path) == sorted(
        [*others, ".dir.0123abcd.tmp", ".link.0123abcd.tmp", "new.json"]
    )
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "half"


def test_a_leftover_elsewhere_is_left_alone(project: Project, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / ".x.json.0123abcd.tmp").write_text("half", encoding="utf-8")
    export_json(project, tmp_path / "a" / "x.json")
    assert names(tmp_path / "b") == [".x.json.0123abcd.tmp"]
    assert remove_leftovers(tmp_path / "b") == [tmp_path / "b" / ".x.json.0123abcd.tmp"]


KILLED_EXPORT = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from desktop.io.exporters import json_export
    from desktop.store.project import Project

    def stuck(obj, fp, **kwargs):
        fp.write('{"format": "hamish", "documents": [')
        fp.flush()
        print("writing", flush=True)
        sys.stdin.read()  # until it is killed

    json_export.json.dump = stuck
    with Project.open(Path(sys.argv[1]), create=False) as project:
        json_export.export_json(project, Path(sys.argv[2]))
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock")
def test_a_killed_export_is_cleaned_up_by_the_next_one(project: Project, tmp_path: Path) -> None:
    """A real export killed mid-write (SIGKILL: no clean-up runs) leaves its temporary file.
    While it is alive, another export into the folder leaves that file alone (it holds a lock
    on it), however old; once it is dead, the next export removes it."""
    target = tmp_path / "out.json"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(project.path), str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line == "writing\n", child.stderr.read() if child.stderr else ""
        (partial,) = tmp_path.glob(".out.json.*.tmp")
        assert files.TEMP_PATTERN.fullmatch(partial.name)
        os.utime(partial, (0, 0))  # age does not matter: the lock does
        export_json(project, tmp_path / "other.json")
        assert partial.exists(), "a live export's file was removed"
    finally:
        child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert partial.exists() and not target.exists()
    export_json(project, tmp_path / "third.json")
    assert names(tmp_path) == ["other.json", "third.json"]


def test_concurrent_exports_into_one_folder(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each export's own temporary file is locked while it writes, so exports that start
    while another writes never remove its file (in-process: a second export starts from
    inside the first one's write)."""
    real_dump = json_export.json.dump
    inner: list[object] = []

    def dump(obj: object, fp: Any, **kwargs: Any) -> None:
        if not inner:
            inner.append(None)
            inner.append(export_json(project, tmp_path / "second.json"))
        real_dump(obj, fp, **kwargs)

    monkeypatch.setattr(json_export.json, "dump", dump)
    export_json(project, tmp_path / "first.json")
    assert names(tmp_path) == ["first.json", "second.json"]


@pytest.mark.parametrize("stem", ["n" * 245, "ك" * 125])
def test_a_long_valid_name_is_written(tmp_path: Path, stem: str) -> None:
    """Found by the attacker: a name a folder holds (up to 255 bytes) failed with "File name
    too long" after the export was made — the temporary name added 14 bytes to it."""
    from desktop.io.exporters.files import replace_on_success

    target = tmp_path / f"{stem}.svg"
    assert len(os.fsencode(target.name)) <= 255
    with replace_on_success(target) as tmp:
        tmp.write_text("<svg/>", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "<svg/>"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


class _Stop(BaseException):
    pass


def test_a_stop_as_the_temporary_file_is_made_leaves_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM raised as an exception (the command line's) the moment the temporary file
    existed, before the clean-up knew its name, left it behind (found by a test stopping
    exports as soon as the file appeared): the signal now waits until the name is known."""
    import signal

    from desktop.io.exporters import files

    def stop(_number: int, _frame: object) -> None:
        raise _Stop

    taken = files._try_lock

    def lock_then_stopped(fd: int) -> bool | None:
        os.kill(os.getpid(), signal.SIGTERM)  # acted on at once, unless held
        return taken(fd)

    monkeypatch.setattr(files, "_try_lock", lock_then_stopped)
    before = signal.signal(signal.SIGTERM, stop)
    try:
        with pytest.raises(_Stop), files.replace_on_success(tmp_path / "x.json") as tmp:
            tmp.write_text("{}", encoding="utf-8")
    finally:
        signal.signal(signal.SIGTERM, before)
    assert list(tmp_path.iterdir()) == []
