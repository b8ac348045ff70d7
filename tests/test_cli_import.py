"""``hamish import`` with folders and every format, as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import hamish

DATA = Path(__file__).resolve().parent / "data" / "import"


def test_folder_of_formats_with_bad_files(tmp_path: Path) -> None:
    project = tmp_path / "p.hamish"
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(DATA / "news_page.html", folder / "page.html")
    (folder / "legacy.txt").write_bytes("قال الرئيس إن المفاوضات مستمرة".encode("cp1256"))
    (folder / "sub" / "iso.txt").write_bytes("وأضاف أن الاجتماع كان مثمراً".encode("iso-8859-6"))
    (folder / "sub" / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "notes.csv").write_text("a,b", encoding="utf-8")
    result = hamish("import", "--project", project, folder)
    assert result.returncode == 1
    assert "3 imported, 1 skipped, 1 failed" in result.stdout
    assert "notes.csv: Hamish does not import .csv files" in result.stdout
    assert "broken.docx: broken.docx is not a valid Word document" in result.stderr
    rows = json.loads(hamish("list", "--project", project, "--json").stdout)
    assert {row["title"] for row in rows} >= {
        "لافروف وكيري يتفقان على خطوات لإنقاذ الهدنة في سوريا"
    }
    assert {row["source"] for row in rows} >= {"صحيفة المرصد"}

    again = hamish("import", "--project", project, folder / "page.html")
    assert again.returncode == 0
    assert "0 imported, 1 skipped, 0 failed" in again.stdout
    assert "already in the project as “لافروف وكيري" in again.stdout


def test_annotation_files_in_a_folder_of_articles_say_how_to_import_them(tmp_path: Path) -> None:
    """A folder of articles holding INCEpTION's .xmi, a .qdpx or a .jsonld: each
    is skipped with the way to import it (it said "Hamish does not import .xmi files")."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("قال الرئيس إن المفاوضات مستمرة", encoding="utf-8")
    (folder / "b.xmi").write_text("<xmi/>", encoding="utf-8")
    (folder / "c.qdpx").write_bytes(b"PK\x03\x04")
    (folder / "d.jsonld").write_text("{}", encoding="utf-8")
    result = hamish("import", "--project", tmp_path / "p.hamish", folder)
    assert "1 imported, 3 skipped, 0 failed" in result.stdout
    for name in ("b.xmi", "c.qdpx", "d.jsonld"):
        assert f"{name}: annotation files (.xmi, .qdpx, .jsonld) are imported on their own" in (
            result.stdout
        )
    assert "does not import" not in result.stdout


def test_a_brat_folder_inside_a_folder_of_articles_is_left_for_its_own_import(
    tmp_path: Path,
) -> None:
    """Its texts came in as plain articles, its annotations were left out, and importing the
    brat folder on its own as advised then skipped every text as a duplicate: the
    annotations were lost (an attack)."""
    folder = tmp_path / "inbox"
    brat = folder / "brat"
    brat.mkdir(parents=True)
    (folder / "a.txt").write_text("قال الرئيس إن المفاوضات مستمرة", encoding="utf-8")
    (brat / "doc.txt").write_text("قال كيري في القاهرة", encoding="utf-8")
    (brat / "doc.ann").write_text("T1\tPerson 4 8\tكيري\n", encoding="utf-8")
    project = tmp_path / "p.hamish"
    result = hamish("import", "--project", project, folder)
    assert "1 imported, 1 skipped, 0 failed" in result.stdout
    assert "brat is a brat folder (texts with .ann annotations): import it on its own" in (
        result.stdout
    )
    again = hamish("import", "--project", project, brat)
    assert again.returncode == 0, again.stderr
    assert "1 document, 1 annotation" in again.stdout
    assert "0 duplicate documents skipped" in again.stdout


def test_json_exports_still_go_to_the_project_importer(tmp_path: Path) -> None:
    source = tmp_path / "source.hamish"
    page = tmp_path / "page.html"
    shutil.copy(DATA / "news_page.html", page)
    assert hamish("import", "--project", source, page).returncode == 0
    export = tmp_path / "export.json"
    assert hamish("export", "--project", source, "--output", export).returncode == 0
    target = tmp_path / "target.hamish"
    result = hamish("import", "--project", target, export)
    assert result.returncode == 0, result.stderr
    assert "imported  " in result.stdout and "1 document" in result.stdout


def test_a_damaged_utf8_file_is_utf8_with_a_note(tmp_path: Path) -> None:
    """Issue 13, failure 2: nine bad bytes in a UTF-8 Arabic file made the whole article
    Windows-1256 mojibake, with exit 0 and no warning."""
    project = tmp_path / "p.hamish"
    lines = ["قال المتحدث الرسمي إن المفاوضات مستمرة", "", *(["وأضاف أن الاجتماع كان مثمراً"] * 9)]
    data = b"\n".join(line.encode() + (b"\x91" if n > 1 else b"") for n, line in enumerate(lines))
    (tmp_path / "damaged.txt").write_bytes(data)
    result = hamish("import", "--project", project, tmp_path / "damaged.txt")
    assert result.returncode == 0, result.stderr
    note = "9 bytes that are not UTF-8 were replaced with \ufffd (the first on line 3)."
    assert f"note          1  {note}" in result.stdout
    assert "1 imported, 0 skipped, 0 failed (1 with notes)" in result.stdout
    (row,) = json.loads(hamish("list", "--project", project, "--json").stdout)
    assert row["title"] == "قال المتحدث الرسمي إن المفاوضات مستمرة"


def test_nothing_to_import_creates_no_project(tmp_path: Path) -> None:
    """Trial users' fault: ``hamish import --project NEW.hamish missing.txt`` made an empty
    NEW.hamish and said "1 failed". None of the paths exists: say so, fail, make nothing."""
    project = tmp_path / "NEW.hamish"
    result = hamish("import", "--project", project, tmp_path / "missing.txt", tmp_path / "gone")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"hamish: {tmp_path / 'missing.txt'}: no such file or folder",
        f"hamish: {tmp_path / 'gone'}: no such file or folder",
    ]
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no project, no journal


def test_the_paths_that_exist_are_imported_and_the_missing_named(tmp_path: Path) -> None:
    project = tmp_path / "p.hamish"
    page = tmp_path / "page.html"
    shutil.copy(DATA / "news_page.html", page)
    result = hamish("import", "--project", project, tmp_path / "missing.txt", page)
    assert result.returncode == 1
    assert "1 imported, 0 skipped, 1 failed" in result.stdout
    assert "missing.txt" in result.stderr
    assert len(json.loads(hamish("list", "--project", project, "--json").stdout)) == 1


def test_a_refused_json_import_creates_no_project(tmp_path: Path) -> None:
    """A JSON file the importer refuses left an empty NEW.hamish behind; an existing project
    stays, untouched."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "hamish", "version": 1, "documents": [{"title": "x"}]}')
    project = tmp_path / "NEW.hamish"
    result = hamish("import", "--project", project, bad)
    assert result.returncode == 1
    assert "cannot be imported" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]  # no project, no journal
    page = tmp_path / "page.html"
    shutil.copy(DATA / "news_page.html", page)
    assert hamish("import", "--project", project, page).returncode == 0
    assert hamish("import", "--project", project, bad).returncode == 1
    assert len(json.loads(hamish("list", "--project", project, "--json").stdout)) == 1


@pytest.mark.skipif(not Path("/dev/stdin").exists(), reason="no /dev/stdin")
def test_json_on_standard_input_is_refused_not_stored_as_text(tmp_path: Path) -> None:
    """``hamish import /dev/stdin < export.json`` stored the export as one article titled
    ``{"format": "hamish", …`` (a file without an extension is read by its content); a pipe
    on standard input is no regular file, refused without being read."""
    project = tmp_path / "p.hamish"
    export = tmp_path / "export.json"
    export.write_text('{"format": "hamish", "version": 1, "documents": []}', encoding="utf-8")
    command = [sys.executable, "-m", "desktop", "import", "--project", str(project), "/dev/stdin"]
    with export.open("rb") as stdin:
        redirected = subprocess.run(
            command, stdin=stdin, capture_output=True, text=True, timeout=120
        )
    assert redirected.returncode == 1
    assert "/dev/stdin: stdin holds JSON, not an article's text; Hamish reads a JSON file" in (
        redirected.stderr
    )
    assert "0 imported, 0 skipped, 1 failed" in redirected.stdout
    piped = subprocess.run(
        command, input=export.read_text(), capture_output=True, text=True, timeout=120
    )
    assert piped.returncode == 1
    assert "is not a regular file (a device, pipe or socket)" in piped.stderr
    assert json.loads(hamish("list", "--project", project, "--json").stdout) == []


@pytest.mark.skipif(os.name != "posix", reason="NAME_MAX: 255 bytes a name")
def test_a_name_too_long_for_the_system_is_refused_in_words(tmp_path: Path) -> None:
    """``hamish import`` of a 300-character name ended in an OSError traceback (File name
    too long), as did a project so named; the other files are imported, and a project made
    for nothing but such names is not left behind."""
    project = tmp_path / "p.hamish"
    long_name = tmp_path / ("x" * 300 + ".txt")
    result = hamish("import", "--project", project, long_name)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"hamish: {long_name}: cannot be read (")
    assert not project.exists()
    page = tmp_path / "page.html"
    shutil.copy(DATA / "news_page.html", page)
    result = hamish("import", "--project", project, long_name, page)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "1 imported, 0 skipped, 1 failed" in result.stdout
    result = hamish("import", "--project", tmp_path / ("p" * 300 + ".hamish"), page)
    assert result.returncode == 1 and "Traceback" not in result.stderr
