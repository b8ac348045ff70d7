"""The command line as a user runs it: a real process, real files, exit codes and stderr."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import schema


def hamish(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_import_then_list(tmp_path: Path, seed_files: list[Path]) -> None:
    project = tmp_path / "p.hamish"
    result = hamish("import", "--project", project, *seed_files)
    assert result.returncode == 0, result.stderr
    assert "5 imported, 0 skipped, 0 failed" in result.stdout
    listed = hamish("list", "--project", project, "--json")
    rows = json.loads(listed.stdout)
    assert len(rows) == 5
    assert {row["direction"] for row in rows} == {"rtl"}
    assert all(row["title"] for row in rows)
    table = hamish("list", "--project", project)
    assert table.returncode == 0
    assert len(table.stdout.strip().splitlines()) == 6


def test_import_reports_failures_and_keeps_the_rest(tmp_path: Path, seed_files: list[Path]) -> None:
    project = tmp_path / "p.hamish"
    empty = tmp_path / "empty.txt"
    empty.touch()
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Привет, как дела".encode("koi8-r"))  # Arabic code pages are read
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 10)
    result = hamish(
        "import", "--project", project, seed_files[0], empty, legacy, blob, seed_files[0]
    )
    assert result.returncode == 1
    assert "1 imported, 1 skipped, 3 failed" in result.stdout
    assert "empty.txt is empty" in result.stderr
    assert "legacy.txt is not UTF-8" in result.stderr
    assert "blob.txt is a binary file" in result.stderr
    rows = json.loads(hamish("list", "--project", project, "--json").stdout)
    assert len(rows) == 1


def test_newer_project_is_refused_untouched(tmp_path: Path, seed_files: list[Path]) -> None:
    project = tmp_path / "future.hamish"
    assert hamish("import", "--project", project, seed_files[0]).returncode == 0
    conn = sqlite3.connect(project)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    digest = hashlib.sha256(project.read_bytes()).hexdigest()
    for args in (("list",), ("import", str(seed_files[1]))):
        result = hamish(args[0], "--project", project, *args[1:])
        assert result.returncode != 0
        assert "newer version of Hamish" in result.stderr
    assert hashlib.sha256(project.read_bytes()).hexdigest() == digest


def test_not_a_project(tmp_path: Path) -> None:
    fake = tmp_path / "fake.hamish"
    fake.write_text("not a database", encoding="utf-8")
    result = hamish("list", "--project", fake)
    assert result.returncode == 1
    assert "not a Hamish project" in result.stderr
    assert fake.read_text(encoding="utf-8") == "not a database"
    missing = hamish("list", "--project", tmp_path / "missing.hamish")
    assert missing.returncode == 1 and "There is no project" in missing.stderr


def test_default_project_is_created_with_the_seeds(xdg: Path) -> None:
    env = {"XDG_DATA_HOME": str(xdg / "data"), "XDG_CONFIG_HOME": str(xdg / "config")}
    rows = json.loads(hamish("list", "--json", env=env).stdout)
    assert len(rows) == 5
    assert (xdg / "data" / "hamish" / "default.hamish").is_file()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_screenshot(tmp_path: Path, seed_files: list[Path]) -> None:
    project = tmp_path / "p.hamish"
    hamish("import", "--project", project, *seed_files)
    out = tmp_path / "shot.png"
    env = {"QT_QPA_PLATFORM": "xcb"}  # the command must force offscreen by itself
    result = hamish("screenshot", "--project", project, "--document", "3", "--output", out, env=env)
    assert result.returncode == 0, result.stderr
    assert _png_size(out) == (1280, 820)
    bad = hamish(
        "screenshot", "--project", project, "--document", "99", "--output", tmp_path / "b.png"
    )
    assert bad.returncode == 1 and "no document 99" in bad.stderr


def test_screenshot_takes_the_interface_language(tmp_path: Path) -> None:
    out = tmp_path / "ar.png"
    result = hamish("screenshot", "--lang", "ar", "--output", out, "--size", "1024x640")
    assert result.returncode == 0, result.stderr
    assert _png_size(out) == (1024, 640)
    assert hamish("--lang", "fr", "list").returncode == 2  # argparse: not a choice


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("list", "--help")])
def test_help_and_version(args: tuple[str, ...]) -> None:
    result = hamish(*args)
    assert result.returncode == 0
    assert "hamish" in result.stdout


def test_list_shows_no_date_for_an_undated_article(tmp_path: Path) -> None:
    # A trial: an article without a publication date showed its import date (today) in the
    # DATE column, and 2013's articles read as today's.
    project = tmp_path / "p.hamish"
    dated, undated = tmp_path / "dated.txt", tmp_path / "undated.txt"
    dated.write_text("خبر\nعمّان - 3 نيسان 2013 - قال الوزير.\n", encoding="utf-8")
    undated.write_text("خبر بلا تاريخ\nقال الوزير.\n", encoding="utf-8")
    assert hamish("import", "--project", project, undated, dated).returncode == 0
    lines = hamish("list", "--project", project).stdout.splitlines()
    assert lines[0].split()[:2] == ["ID", "PUBLISHED"]
    assert lines[1].split()[1] == "2013-04-03"  # newest first, the undated last
    assert lines[2].split()[1] == "—"
    assert "PUBLISHED, the article's publication date" in " ".join(
        hamish("list", "--help").stdout.split()
    )


@pytest.mark.parametrize("where", ["before", "after"])
def test_an_empty_project_path_or_a_file_named_as_a_folder_is_refused(
    tmp_path: Path, where: str, seed_files: list[Path]
) -> None:
    """An attack: ``--project ""`` was answered ". is a folder", and ``--project
    c.hamish/`` opened the file c.hamish."""
    project = tmp_path / "c.hamish"
    assert hamish("import", "--project", project, seed_files[0]).returncode == 0
    for value, said in (("", "the project's path is empty"), (f"{project}/", "no folder")):
        args = ["--project", value, "list"] if where == "before" else ["list", "--project", value]
        result = hamish(*args)
        assert result.returncode == 2 and said in result.stderr, result.stderr
