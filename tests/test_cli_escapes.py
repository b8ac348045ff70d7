"""Terminal escape injection (issue 13, failure 4): an e-mail Subject holding
``ESC]0;…BEL ESC[2J ESC[31m`` retitled and cleared the terminal of whoever ran ``hamish list``
or ``hamish search``, and file names with newlines or U+202E were echoed raw by the import
summary. Titles are now cleaned on import, and every command prints through
``cli_common.echo``, which shows what is left (an older project's titles) as escapes."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from desktop.commands import run
from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.store.project import Project

ROOT = Path(__file__).resolve().parents[1]
# What acts on a terminal or reorders a line: C0 but tab and newline, DEL, C1, bidi overrides.
ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"
TITLE = ESCAPES + "عاجل: كيري في موسكو\u202e"
BODY = "قال جون كيري\x1b[2J في موسكو إن الاتفاق صامد.\nوأضاف الوزير كيري أن المحادثات مستمرة."


def hamish(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_every_print_of_the_command_line_goes_through_echo() -> None:
    """``print`` only inside ``cli_common.echo``; ``app.py`` escapes its one message itself."""
    for path in sorted((ROOT / "desktop").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside_echo: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "echo":
                inside_echo.update(id(sub) for sub in ast.walk(node))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "print"):
                continue
            if id(node) in inside_echo and path.name == "cli_common.py":
                continue
            first = node.args[0] if node.args else None
            escaped = isinstance(first, ast.Call) and getattr(first.func, "id", "") == (
                "for_terminal"
            )
            benchmark = isinstance(first, ast.JoinedStr) and "first-paint" in ast.unparse(first)
            assert escaped or benchmark, f"{path.name}:{node.lineno} prints without echo"
        assert "sys.stdout.write" not in path.read_text(encoding="utf-8"), path.name
        assert "json.dump(" not in path.read_text(encoding="utf-8"), path.name


def _eml(folder: Path) -> Path:
    path = folder / "hostile.eml"
    path.write_bytes(
        b"From: Wire <desk@wire.example>\r\n"
        b"Subject: " + ESCAPES.encode() + "عاجل: كيري في موسكو".encode() + b"\r\n"
        b"Date: Tue, 12 May 2015 10:00:00 +0000\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + BODY.encode() + b"\r\n"
    )
    return path


def test_a_hostile_subject_is_cleaned_on_import_and_never_printed_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.hamish"
    code, out, err = hamish(["import", "--project", str(project), str(_eml(tmp_path))], capsys)
    assert code == 0, err
    assert "1 imported" in out
    with Project.open(project, create=False) as opened:
        (summary,) = opened.documents.summaries()
        document = opened.documents.get(summary.id)
    assert summary.title == "]0;pwned[2J[31mعاجل: كيري في موسكو"
    assert "\x1b" not in document.text
    for argv in (["list"], ["list", "--json"], ["search", "كيري"], ["search", "كيري", "--json"]):
        code, out, err = hamish([*argv, "--project", str(project)], capsys)
        assert code == 0, err
        assert not ACTIVE.search(out + err), (argv, out)


@pytest.fixture
def old_project(tmp_path: Path) -> Path:
    """A project imported before titles were cleaned: its title and text hold the escapes."""
    path = tmp_path / "old.hamish"
    with Project.open(path, create=True) as project:
        draft = make_draft(BODY)._replace(title=TITLE, text=BODY, source="وكالة\x1b[5m")
        doc = project.documents.add(draft)
        person = project.labels.by_key("person")
        assert person is not None
        start = BODY.index("كيري")
        project.annotations.add(prepare_annotation(BODY, doc, start, start + 4, person.id, "me"))
        entity = project.entities.add("جون كيري", "person")
        project.entities.add_alias(entity, "كيري")
        # A name stored before the edits refused escapes (core/values.py).
        conn = project.database.conn
        conn.execute("UPDATE entities SET name = ? WHERE id = ?", ["جون كيري\x1b[8m", entity])
        conn.execute(
            "UPDATE entity_aliases SET alias = ? WHERE entity_id = ? AND alias = ?",
            ["جون كيري\x1b[8m", entity, "جون كيري"],
        )
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--json"],
        ["search", "كيري"],
        ["search", "كيري", "--json"],
        ["mentions", "كيري"],
        ["mentions", "كيري", "--json"],
        ["suggest"],
        ["suggest", "--json"],
    ],
    ids=lambda argv: "-".join(argv[:1] + [a.strip("-") for a in argv[2:]]),
)
def test_every_command_escapes_what_a_project_already_holds(
    old_project: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = hamish([*argv, "--project", str(old_project)], capsys)
    assert code == 0, err
    assert not ACTIVE.search(out + err), out
    if "--json" in argv:
        return
    if argv[0] in ("list", "search"):
        assert "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mعاجل" in out  # visible, not acted on
        assert "\\u202e" in out


def test_json_output_is_the_same_data(
    old_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = hamish(["list", "--json", "--project", str(old_project)], capsys)
    assert code == 0
    assert json.loads(out)[0]["title"] == TITLE


def test_file_names_are_escaped_in_the_import_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "two\nlines.txt").write_text("قال المتحدث إن الاتفاق صامد.", encoding="utf-8")
    (folder / "report\u202etxt.exe.txt").write_text("نص آخر تماما هنا.", encoding="utf-8")
    (folder / "empty\x1b[2J.txt").write_text("", encoding="utf-8")
    (folder / "odd\x07.rtf").write_text("{\\rtf1}", encoding="utf-8")
    code, out, err = hamish(
        ["import", "--project", str(tmp_path / "p.hamish"), str(folder)], capsys
    )
    assert code == 1  # the empty file failed
    assert "2 imported, 1 skipped, 1 failed" in out
    assert not ACTIVE.search(out + err), out + err
    assert "two\\x0alines.txt" in out and "report\\u202etxt.exe.txt" in out
    assert "odd\\x07.rtf" in out and "empty\\x1b[2J.txt" in err
    with Project.open(tmp_path / "p.hamish", create=False) as project:
        titles = {s.title for s in project.documents.summaries()}
        origins = {project.documents.get(s.id).origin for s in project.documents.summaries()}
    assert not any(ACTIVE.search(text) for text in titles | origins)
    assert any(origin.endswith("two\\x0alines.txt") for origin in origins)


def test_an_error_naming_a_file_is_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone\x1b]0;x\x07.hamish"
    code, _, err = hamish(["list", "--project", str(missing)], capsys)
    assert code == 1
    assert "gone\\x1b]0;x\\x07.hamish" in err and not ACTIVE.search(err)
