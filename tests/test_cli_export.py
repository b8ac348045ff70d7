"""``hamish export`` and ``hamish import FILE.json`` as a user runs them: real processes, real
files, exit codes and the one-line messages on stderr."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.commands import EXPORT_FORMATS
from desktop.core.text import make_draft
from desktop.store.project import Project
from tests import export_targets as targets
from tests.io.test_json_roundtrip import build_rich_project


def hamish(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


def read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.pop("exported_at")
    return data


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.hamish"
    project, _ = build_rich_project(path)
    project.close()
    return path


def listing(project: Path) -> str:
    result = hamish("list", "--project", project, "--json")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_export_import_export(source: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    result = hamish("export", "--project", source, "--format", "json", "--output", first)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {first}: 6 documents, ")
    assert "3 entities, 3 claims, 4 notes" in result.stdout
    assert result.stderr == ""

    copy = tmp_path / "copy.hamish"
    result = hamish("import", "--project", copy, first)
    assert result.returncode == 0, result.stderr
    assert f"imported  {first}: 6 documents, " in result.stdout
    assert "3 entities, 3 claims (restored with their ids); 0 duplicate documents skipped" in (
        result.stdout
    )
    assert " imported, " not in result.stdout  # no text-file summary when only JSON was given

    second = tmp_path / "second.json"
    assert hamish("export", "--project", copy, "--output", second).returncode == 0
    assert read(first) == read(second)

    again = hamish("import", "--project", copy, first)
    assert again.returncode == 0, again.stderr
    assert "0 documents" in again.stdout and "(merged, ids renumbered)" in again.stdout
    assert "6 duplicate documents skipped with " in again.stdout
    assert len(json.loads(listing(copy))) == 6


@pytest.mark.parametrize(
    "selection", [["--document", "2", "--document", "7"], ["--document", "7", "2"]]
)
def test_export_selected_documents(source: Path, tmp_path: Path, selection: list[str]) -> None:
    out = tmp_path / "subset.json"
    result = hamish("export", "--project", source, "--output", out, *selection)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout and "2 documents" in result.stdout
    data = read(out)
    assert data["scope"] == "documents"
    assert [d["id"] for d in data["documents"]] == [2, 7]
    assert {a["document_id"] for a in data["annotations"]} == {2, 7}


def test_unknown_document_writes_nothing(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = hamish("export", "--project", source, "--output", out, "--document", "2", "99")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "hamish: There is no document 99 in this project; nothing was exported."
    )
    assert not out.exists()
    out.write_text("earlier export", encoding="utf-8")
    replace = ("--overwrite", "--document", "99")
    assert hamish("export", "--project", source, "--output", out, *replace).returncode
    assert out.read_text(encoding="utf-8") == "earlier export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_format_choice(source: Path, tmp_path: Path) -> None:
    unknown = hamish("export", "--project", source, "--format", "xml", "--output", tmp_path / "x")
    assert unknown.returncode == 2 and "invalid choice: 'xml'" in unknown.stderr
    unsure = hamish("export", "--project", source, "--output", tmp_path / "x.dat")
    assert unsure.returncode == 2
    choices = ", ".join(sorted(EXPORT_FORMATS))  # every format, whoever adds one
    assert f"cannot tell the format of x.dat; add --format ({choices})" in unsure.stderr
    by_suffix = hamish("export", "--project", source, "--output", tmp_path / "X.JSON")
    assert by_suffix.returncode == 0, by_suffix.stderr
    assert read(tmp_path / "X.JSON")["format"] == "hamish"
    assert not (tmp_path / "x").exists() and not (tmp_path / "x.dat").exists()
    usage = hamish("export", "--help")
    assert usage.returncode == 0 and "{" + ",".join(sorted(EXPORT_FORMATS)) + "}" in usage.stdout
    assert "--document ID" in usage.stdout


def test_export_needs_an_existing_project(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = hamish("export", "--project", tmp_path / "none.hamish", "--output", out)
    assert result.returncode == 1 and "There is no project" in result.stderr
    assert not out.exists() and not (tmp_path / "none.hamish").exists()
    no_output = hamish("export", "--project", tmp_path / "none.hamish")
    assert no_output.returncode == 2 and "--output" in no_output.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "hamish", "version": 1,\n  oops}', "is not valid JSON: .* line 2, column 3"),
        ('{"format": "brat"}', "is not a Hamish export"),
        ('{"format": "hamish", "version": 9, "documents": []}', "newer version of Hamish"),
    ],
    ids=["syntax", "foreign", "newer"],
)
def test_import_bad_json(
    source: Path, tmp_path: Path, seed_files: list[Path], content: str, message: str
) -> None:
    project = tmp_path / "target.hamish"
    assert hamish("import", "--project", project, seed_files[0]).returncode == 0
    before = listing(project)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = hamish("import", "--project", project, bad)
    assert result.returncode == 1
    assert result.stderr.startswith(f"hamish: {bad}: bad.json ")
    assert re.search(message, result.stderr)
    assert listing(project) == before


def test_import_routes_by_suffix(source: Path, tmp_path: Path, seed_files: list[Path]) -> None:
    """.json goes to the JSON importer, everything else to the text importer; one bad file
    does not stop the others, and the exit code says something failed."""
    export = tmp_path / "subset.json"
    assert (
        hamish("export", "--project", source, "--output", export, "--document", "7").returncode == 0
    )
    bad = tmp_path / "broken.json"
    bad.write_text("[]", encoding="utf-8")
    project = tmp_path / "mixed.hamish"
    result = hamish("import", "--project", project, export, bad, seed_files[0])
    assert result.returncode == 1
    assert f"imported  {export}: 1 document, " in result.stdout
    assert "1 imported, 0 skipped, 0 failed" in result.stdout
    assert "broken.json is not a Hamish export" in result.stderr
    rows = json.loads(listing(project))
    assert len(rows) == 2


# --- where `hamish export` may write (issue 13) -------------------------------------------------


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "small.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft("قال المتحدث إن المحادثات مستمرة.", title="خبر"))
    return path


_device, _fifo, _read_only = targets.device, targets.fifo, targets.read_only
_project, _database, _dangling = targets.other_project, targets.database, targets.dangling


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_device, "is a device, not a file"),
        (_fifo, "is a named pipe, not a file"),
        (_read_only, "is read-only; nothing was exported"),
        (_project, "is a Hamish project; exporting to it would destroy it"),
        (_database, "is a SQLite database; exporting to it would destroy it"),
        (_dangling, "is a link to .*nowhere, which does not exist"),
    ],
    ids=["device", "fifo", "read-only", "project", "database", "dangling-link"],
)
@pytest.mark.parametrize("suffix", [".json", ".docx", ".csv"])
def test_hostile_outputs_are_refused(
    small: Path, tmp_path: Path, make: Callable[[Path], None], message: str, suffix: str
) -> None:
    """``--output /dev/full`` (as root) replaced the device with a 10 MB file and said "wrote
    /dev/full"; a FIFO, a read-only file and another project were replaced too. Even with
    --overwrite each is refused and left as it was."""
    output = tmp_path / f"target{suffix}"
    make(output)
    before = os.lstat(output)
    content = output.read_bytes() if stat.S_ISREG(before.st_mode) else None
    result = hamish("export", "--project", small, "--output", output, "--overwrite")
    assert result.returncode == 1 and result.stdout == ""
    assert re.fullmatch(rf"hamish: {re.escape(str(output))} {message}.*\n", result.stderr)
    after = os.lstat(output)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    if content is not None:
        assert output.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == [output.name]


@pytest.mark.parametrize("suffix", [".json", ".docx", ".csv"])
def test_overwrite_only_with_the_flag(small: Path, tmp_path: Path, suffix: str) -> None:
    output = tmp_path / f"earlier{suffix}"
    output.write_bytes(b"earlier export")
    refused = hamish("export", "--project", small, "--output", output)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr == (
        f"hamish: {output} already exists; add --overwrite to replace it. Nothing was exported.\n"
    )
    assert output.read_bytes() == b"earlier export"
    replaced = hamish("export", "--project", small, "--output", output, "--overwrite")
    assert replaced.returncode == 0, replaced.stderr
    assert replaced.stdout.startswith(f"wrote {output}: ")
    assert output.read_bytes() != b"earlier export"
    assert [p.name for p in tmp_path.iterdir()] == [output.name]
    assert "--overwrite" in hamish("export", "--help").stdout


def test_a_link_is_written_through(small: Path, tmp_path: Path) -> None:
    (tmp_path / "archive").mkdir()
    real = tmp_path / "archive" / "latest.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(Path("archive") / "latest.json")
    result = hamish("export", "--project", small, "--output", link, "--overwrite")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {link}: 1 document, ")
    assert link.is_symlink() and os.readlink(link) == str(Path("archive") / "latest.json")
    assert read(real)["format"] == "hamish"


def test_a_briefing_to_a_missing_folder_fails_before_any_work(
    small: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """It built the whole report (7.6 s, 425 MB) before refusing: now the report builder is
    never called, nor is the project opened."""
    from desktop import commands
    from desktop.io.exporters import docx_report

    calls: list[str] = []

    def build_report(*args: object, **kwargs: object) -> None:
        calls.append("build_report")
        raise AssertionError("the report was built")

    monkeypatch.setattr(docx_report, "build_report", build_report)
    real_open = commands.open_project
    monkeypatch.setattr(
        commands, "open_project", lambda args: calls.append("open") or real_open(args)
    )
    output = tmp_path / "missing" / "brief.docx"
    code = commands.run(["export", "--project", str(small), "--output", str(output)])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and calls == []
    assert err == f"hamish: The folder {output.parent} does not exist; nothing was exported.\n"


def test_a_briefing_title_longer_than_its_file_property(source: Path, tmp_path: Path) -> None:
    """Found by the attacker: --title, --author or --marking over 255 characters ended in a
    python-docx traceback (the file's properties hold 255); the page shows them whole."""
    long = "عنوان " * 60  # 360 characters
    out = tmp_path / "b.docx"
    args = ["--title", long, "--author", long, "--marking", long]
    result = hamish("export", "--project", source, "--output", out, *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and out.stat().st_size > 0


@pytest.mark.parametrize(
    ("options", "name", "said"),
    [
        (
            ["--format", "docx"],
            "x.json",
            "a .json file cannot hold a Word briefing: say --format json or w3c, or end "
            "--output .docx",
        ),
        (
            ["--format", "json"],
            "x.docx",
            "a .docx file cannot hold a Hamish JSON export: say --format docx, or end "
            "--output .json",
        ),
        (
            ["--format", "json"],
            "x.jsonld",
            "a .jsonld file cannot hold a Hamish JSON export: say --format w3c, or end "
            "--output .json",
        ),
        (
            ["--format", "csv"],
            "x.zip",
            "a .zip file cannot hold CSV: say --format brat or xmi, or end --output .csv",
        ),
        # The suffix alone chose xmi, whose export is a zip: an .xmi file is one XMI document.
        ([], "x.xmi", "a .xmi file cannot hold a zip of XMI files: end --output .zip"),
    ],
)
def test_a_format_the_suffix_contradicts_is_refused(
    source: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    name: str,
    said: str,
) -> None:
    """As `hamish timeline` and `hamish graph`: `--format docx --output x.json` wrote a Word
    file named .json, which `hamish import` then read as JSON. Refused before any work."""
    from desktop.commands import run

    out = tmp_path / name
    assert run(["export", "--project", str(source), "--output", str(out), *options]) == 2
    assert capsys.readouterr().err == f"hamish: {said}\n"
    assert not out.exists()


def test_the_briefing_is_prepared_by_the_analyst_named_in_the_window(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial gave the window their name, then `hamish export` wrote "Prepared by: —" on
    the cover: the command takes the same name unless --author says otherwise."""
    import zipfile

    from desktop import paths, settings

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    prefs = settings.Settings.at(paths.settings_path())
    prefs.set(settings.AUTHOR_NAME, "سارة المحللة")
    prefs.sync()

    def cover(*extra: str) -> str:
        output = tmp_path / f"brief{len(extra)}.docx"
        done = hamish("export", "--project", source, "--output", output, *extra)
        assert done.returncode == 0, done.stderr
        with zipfile.ZipFile(output) as docx:
            return docx.read("word/document.xml").decode("utf-8")

    assert "سارة المحللة" in cover()
    told = cover("--author", "Analyst B")
    assert "Analyst B" in told and "سارة المحللة" not in told
