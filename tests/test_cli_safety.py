"""Project safety on the command line (issue 13, failures 5 and 6): read-only projects are read,
files that are not projects are left alone, a damaged journal is reported, and ``hamish
backups list|create|restore``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.store.wal import FRAME_HEADER, HEADER, check_wal
from tests.test_cli import hamish

ARTICLES = ("قال لافروف إن المحادثات في جنيف مستمرة", "أعلنت الأمم المتحدة هدنة في حلب")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _project(path: Path) -> Path:
    with Project.open(path) as project:
        for text in ARTICLES:
            project.documents.add(make_draft(text))
    return path


def _as_user(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``hamish`` as an ordinary user, who (unlike root) cannot write where permissions say
    so: as ``nobody`` when the tests run as root."""
    if os.geteuid() != 0:
        return hamish(*args)
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv to drop privileges")
    root = Path(__file__).resolve().parents[1]
    for place in (root, Path(sys.executable).parent):
        # A checkout in a folder only root may enter (``mktemp -d`` makes them 0700):
        # nobody could not even import Hamish, which says nothing of Hamish.
        if any(not p.stat().st_mode & stat.S_IXOTH for p in (place, *place.parents)):
            pytest.skip(f"{place} is not reachable by an ordinary user")
    drop = (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
    return subprocess.run(
        [*drop, sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)},
        cwd="/",
    )


@pytest.fixture
def read_only_media() -> Iterator[Path]:
    """A project in a folder nobody may write to, as on a read-only disk or share — in a
    folder of its own that an ordinary user can reach (pytest's tmp_path is root's alone)."""
    base = Path(tempfile.mkdtemp(prefix="hamish-media-"))
    base.chmod(0o755)
    folder = base / "media"
    folder.mkdir()
    path = _project(folder / "archive.hamish")
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield path
    finally:
        folder.chmod(0o755)
        shutil.rmtree(base)


def test_a_project_on_read_only_media_is_read(read_only_media: Path) -> None:
    before = _digest(read_only_media)
    listed = _as_user("list", "--project", read_only_media, "--json")
    assert listed.returncode == 0, listed.stderr
    assert [row["title"] for row in json.loads(listed.stdout)] == list(ARTICLES)
    found = _as_user("search", "--project", read_only_media, "هدنة", "--json")
    assert found.returncode == 0, found.stderr
    assert len(json.loads(found.stdout)["hits"]) == 1
    out = read_only_media.parent.parent / "out"
    out.mkdir()
    out.chmod(0o777)
    exported = _as_user("export", "--project", read_only_media, "--output", out / "archive.json")
    assert exported.returncode == 0, exported.stderr
    assert json.loads((out / "archive.json").read_text(encoding="utf-8"))["documents"]
    assert _digest(read_only_media) == before
    assert sorted(p.name for p in read_only_media.parent.iterdir()) == ["archive.hamish"]


def test_an_edit_of_a_read_only_project_is_refused_clearly(tmp_path: Path) -> None:
    """Root could write a file of mode 444; Hamish does not, and says so."""
    path = _project(tmp_path / "archive.hamish")
    article = tmp_path / "new.txt"
    article.write_text("مقال جديد عن المفاوضات", encoding="utf-8")
    path.chmod(0o444)
    before = _digest(path)
    result = hamish("import", "--project", path, article)
    assert result.returncode == 1
    assert "is read-only" in result.stderr and "nothing was imported" in result.stderr
    assert _digest(path) == before
    listed = hamish("list", "--project", path, "--json")
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 2


@pytest.mark.parametrize("command", ["list", "import"])
def test_an_empty_file_is_not_made_a_project(tmp_path: Path, command: str) -> None:
    empty = tmp_path / "empty.hamish"
    empty.touch()
    article = tmp_path / "a.txt"
    article.write_text("نص", encoding="utf-8")
    args = ("import", "--project", empty, article) if command == "import" else ("list",)
    result = hamish(*args, *(("--project", empty) if command == "list" else ()))
    assert result.returncode == 1
    assert "is empty (0 bytes), not a Hamish project" in result.stderr
    assert empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "empty.hamish"]


def test_a_damaged_journal_is_reported_and_kept(tmp_path: Path) -> None:
    live = tmp_path / "live.hamish"
    project = Project.open(live)
    try:
        project.database.conn.execute("PRAGMA wal_autocheckpoint = 0")
        for index in range(10):
            project.documents.add(make_draft(f"خبر {index}: " + "عن الهدنة في حلب " * 300))
        crashed = tmp_path / "crashed.hamish"
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{live}{suffix}", f"{crashed}{suffix}")
        page_size = project.database.conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        project.close()
    wal = bytearray(Path(f"{crashed}-wal").read_bytes())
    frames = (len(wal) - HEADER) // (FRAME_HEADER + page_size)
    wal[HEADER + frames // 2 * (FRAME_HEADER + page_size) + FRAME_HEADER + 9] ^= 0x40
    Path(f"{crashed}-wal").write_bytes(wal)
    lost = check_wal(bytes(wal)).lost
    assert lost > 0

    result = hamish("list", "--project", crashed, "--json")
    assert result.returncode == 0, result.stderr
    assert f"{lost} frames of saved edits after the damage could not be recovered" in (
        result.stderr
    )
    assert str(tmp_path / "backups") in result.stderr
    assert len(json.loads(result.stdout)) < 10
    (copy,) = (tmp_path / "backups").glob("crashed-*-crash.hamish-wal")
    assert copy.read_bytes() == bytes(wal)


# --- hamish backups ------------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="NAME_MAX: 255 bytes a name")
@pytest.mark.parametrize(
    "argv",
    [
        ["backups", "list", "--project", "{long}.hamish"],
        ["backups", "restore", "1", "--project", "{long}.hamish"],
        ["backups", "restore", "{long}", "--project", "{project}"],
    ],
    ids=["list", "restore-from", "restore-which"],
)
def test_a_name_too_long_for_the_system_is_said_in_one_line(
    tmp_path: Path, argv: list[str]
) -> None:
    """Each ended in an OSError traceback (File name too long): Path.is_file raises it."""
    project = _project(tmp_path / "case.hamish")
    long = str(tmp_path / ("x" * 300))
    result = hamish(*(arg.format(long=long, project=project) for arg in argv))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"hamish: {long}") and line.endswith(": File name too long")


def test_backups_create_list_and_restore(tmp_path: Path) -> None:
    path = _project(tmp_path / "case.hamish")
    empty = hamish("backups", "list", "--project", path)
    assert empty.returncode == 0 and "No backups of" in empty.stdout
    # before the action too (it said "invalid choice", naming the project as the action)
    before = hamish("backups", "--project", path, "list")
    assert before.returncode == 0 and "No backups of" in before.stdout, before.stderr
    made = hamish("backups", "create", "--project", path)
    assert made.returncode == 0, made.stderr
    (backup,) = (tmp_path / "backups").glob("case-*-manual.hamish")
    assert str(backup) in made.stdout

    article = tmp_path / "later.txt"
    article.write_text("مقال أضيف بعد النسخة الاحتياطية", encoding="utf-8")
    assert hamish("import", "--project", path, article).returncode == 0

    rows = json.loads(hamish("backups", "list", "--project", path, "--json").stdout)
    assert [(r["number"], r["file"], r["kind"], r["articles"]) for r in rows] == [
        (1, backup.name, "manual", 2)
    ]
    table = hamish("backups", "list", "--project", path)
    assert backup.name in table.stdout and "manual" in table.stdout

    restored = hamish("backups", "restore", "--project", path, "1")
    assert restored.returncode == 0, restored.stderr
    assert "restored" in restored.stdout and "-restore.hamish" in restored.stdout
    listed = json.loads(hamish("list", "--project", path, "--json").stdout)
    assert [row["title"] for row in listed] == list(ARTICLES)

    # The restore is undone by restoring the backup it made of what was there.
    rows = json.loads(hamish("backups", "list", "--project", path, "--json").stdout)
    assert rows[0]["kind"] == "restore" and rows[0]["articles"] == 3
    undone = hamish("backups", "restore", "--project", path, rows[0]["file"])
    assert undone.returncode == 0, undone.stderr
    assert len(json.loads(hamish("list", "--project", path, "--json").stdout)) == 3


def test_backups_restore_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    path = _project(tmp_path / "case.hamish")
    before = _digest(path)
    missing = hamish("backups", "restore", "--project", path, "3")
    assert missing.returncode == 2 and "there is no backup '3'" in missing.stderr
    fake = tmp_path / "fake.hamish"
    fake.write_text("not a database", encoding="utf-8")
    refused = hamish("backups", "restore", "--project", path, fake)
    assert refused.returncode == 1 and "not a Hamish project" in refused.stderr
    assert _digest(path) == before
    nowhere = hamish("backups", "list", "--project", tmp_path / "nowhere.hamish")
    assert nowhere.returncode == 1 and "There is no project" in nowhere.stderr


_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("SELECT count(*) FROM documents").fetchone()
print("ready", flush=True)
sys.stdin.readline()
"""


def test_backups_restore_refuses_while_the_window_holds_the_project(tmp_path: Path) -> None:
    path = _project(tmp_path / "case.hamish")
    assert hamish("backups", "create", "--project", path).returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        before = _digest(path)
        result = hamish("backups", "restore", "--project", path, "1")
        assert result.returncode == 1
        assert "is open in a Hamish window or another program" in result.stderr
        assert _digest(path) == before
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


# --- a project someone else made (issue 13 follow-up) ---------------------------------------------

_EVIL = (
    "CREATE TRIGGER evil AFTER INSERT ON documents BEGIN "
    "DELETE FROM entities; DELETE FROM notes; END;"
)


def _tampered(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.executescript(statement)
        conn.commit()
    finally:
        conn.close()
    return path


def test_import_into_a_project_with_a_hidden_trigger_loses_nothing(tmp_path: Path) -> None:
    path = _project(tmp_path / "trig.hamish")
    with Project.open(path) as project:
        project.entities.add("سيرغي لافروف", "person")
    _tampered(path, _EVIL)
    article = tmp_path / "new.txt"
    article.write_text("مقال جديد عن المحادثات في جنيف", encoding="utf-8")
    result = hamish("import", "--project", path, article)
    assert result.returncode == 0, result.stderr
    assert "triggers or views that Hamish does not make were removed" in result.stderr
    assert "evil" in result.stderr
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def _damaged(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    assert len(data) > 6 * 4096
    for offset in range(4096 * 5, 4096 * 5 + 2000, 7):
        data[offset] ^= 0x5A
    target.write_bytes(bytes(data))
    return target


def test_a_damaged_backup_is_not_restored_nor_a_damaged_project_imported_into(
    tmp_path: Path,
) -> None:
    path = tmp_path / "case.hamish"
    with Project.open(path) as project:
        for index in range(40):
            project.documents.add(make_draft(f"مقال رقم {index} عن المحادثات في جنيف " * 40))
    damaged = _damaged(path, tmp_path / "damaged.hamish")
    before = _digest(path)
    refused = hamish("backups", "restore", "--project", path, damaged)
    assert refused.returncode == 1
    assert "is damaged" in refused.stderr and "was not restored" in refused.stderr
    assert _digest(path) == before
    article = tmp_path / "new.txt"
    article.write_text("مقال جديد عن المحادثات في جنيف", encoding="utf-8")
    imported = hamish("import", "--project", damaged, article)
    assert imported.returncode == 1
    assert "is damaged" in imported.stderr and "nothing was changed" in imported.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("search", "جنيف"),
        ("import", "NEW"),
        ("export", "--output", "OUT"),
        ("mentions", "لافروف"),
        ("suggest",),
        ("backups", "create"),
    ],
)
def test_a_table_replaced_by_a_view_is_refused_by_every_command(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = _tampered(
        _project(tmp_path / "docview.hamish"),
        "PRAGMA foreign_keys = OFF; ALTER TABLE documents RENAME TO d2; "
        "CREATE VIEW documents AS SELECT * FROM d2;",
    )
    article = tmp_path / "new.txt"
    article.write_text("مقال جديد", encoding="utf-8")
    args = [
        str(article) if arg == "NEW" else str(tmp_path / "out.json") if arg == "OUT" else arg
        for arg in command
    ]
    # the sub-command's words first, then --project, then its arguments
    words = 2 if args[0] == "backups" else 1
    before = _digest(path)
    result = hamish(*args[:words], "--project", path, *args[words:])
    assert result.returncode == 1, result.stdout
    assert "its documents table has been replaced by a view" in result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(path) == before
