"""``hamish export --format xmi|brat|conll`` and ``hamish import`` recognising XMI and brat,
as a user runs them (real processes)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.io import exchange_project as fixture
from tests.test_cli_export import hamish


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.hamish"
    fixture.build(path).close()
    return path


def _articles(project: Path) -> list[dict[str, object]]:
    result = hamish("list", "--project", project, "--json")
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


@pytest.mark.parametrize("fmt", ["xmi", "brat"])
def test_export_then_import(source: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out-{fmt}.zip"
    result = hamish("export", "--project", source, "--format", fmt, "--output", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {out}: 2 documents, 12 annotations (")
    assert "Not carried: " in result.stdout
    again = hamish("export", "--project", source, "--format", fmt, "--output", out)
    assert again.returncode == 1 and "add --overwrite" in again.stderr
    copy = tmp_path / f"copy-{fmt}.hamish"
    imported = hamish("import", "--project", copy, out)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(f"imported  {out}: 2 documents, 12 annotations")
    assert [a["annotations"] for a in _articles(copy)] == [8, 4]


def test_conll_export_and_a_brat_folder_import(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "ner.conll"
    result = hamish("export", "--project", source, "--output", out)  # format from the suffix
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("-DOCSTART-\tO\n\n")
    folder = tmp_path / "brat"
    hamish("export", "--project", source, "--format", "brat", "--output", tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        archive.extractall(folder)
    copy = tmp_path / "copy.hamish"
    imported = hamish("import", "--project", copy, folder)
    assert imported.returncode == 0, imported.stderr
    assert len(_articles(copy)) == 2


def test_a_broken_file_fails_alone(source: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xmi"
    bad.write_text('<!DOCTYPE x [<!ENTITY a "b">]><x/>', encoding="utf-8")
    text = tmp_path / "article.txt"
    text.write_text("مقال عادي للاستيراد.", encoding="utf-8")
    copy = tmp_path / "copy.hamish"
    result = hamish("import", "--project", copy, bad, text)
    assert result.returncode == 1
    assert "bad.xmi declares a document type or entities" in result.stderr
    assert len(_articles(copy)) == 1  # the good file is imported all the same
