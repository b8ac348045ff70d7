"""``hamish export --format qdpx|w3c`` and ``hamish import`` of .qdpx and .jsonld files, as a
user runs them (real processes)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.store.project import Project
from tests.io.test_qdpx import foreign
from tests.test_cli_export import hamish, source  # noqa: F401  (source is a fixture)


def test_export_and_import_each_format(source: Path, tmp_path: Path) -> None:  # noqa: F811
    qdpx = tmp_path / "out.qdpx"
    result = hamish("export", "--project", source, "--format", "qdpx", "--output", qdpx)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {qdpx}: 6 documents, 28 annotations")
    assert "2 decisions on suggestions were left out" in result.stdout
    w3c = tmp_path / "out.jsonld"  # the suffix says the format
    result = hamish("export", "--project", source, "--output", w3c)
    assert result.returncode == 0, result.stderr
    assert json.loads(w3c.read_text(encoding="utf-8"))["type"] == "AnnotationCollection"
    named = tmp_path / "named.json"  # --format w3c into a .json file
    result = hamish("export", "--project", source, "--format", "w3c", "--output", named)
    assert result.returncode == 0, result.stderr
    for file in (qdpx, w3c, named):
        target = tmp_path / f"{file.name}.hamish"
        result = hamish("import", "--project", target, file)
        assert result.returncode == 0, result.stderr
        assert f"imported  {file}: 6 documents, 28 annotations" in result.stdout
        with Project.open(target) as project:
            assert len(project.documents.summaries()) == 6


def test_import_lists_what_was_left_out(tmp_path: Path) -> None:
    path = foreign(tmp_path)
    result = hamish("import", "--project", tmp_path / "p.hamish", path)
    assert result.returncode == 0, result.stderr
    assert "1 PDF sources were not imported" in result.stdout
    assert "1 sets were not imported" in result.stdout


def test_a_hostile_file_fails_alone(tmp_path: Path) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"not a zip")
    good = foreign(tmp_path)
    result = hamish("import", "--project", tmp_path / "p.hamish", bad, good)
    assert result.returncode == 1
    assert "not a readable zip archive" in result.stderr
    assert f"imported  {good}: 1 document" in result.stdout
