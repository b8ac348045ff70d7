"""``hamish export --format docx|csv`` as a user runs it: real processes and files."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tests.io.briefing_project import build_briefing_project


def hamish(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "b.hamish"
    project, _ = build_briefing_project(path)
    project.close()
    return path


def test_docx_defaults_and_options(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.docx"
    result = hamish("export", "--project", source, "--output", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {out}: 7 articles, 7 claims, 2 contradictions, ")
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "الملخص التنفيذي"  # most articles are Arabic
    assert document.sections[0].header.paragraphs[0].text == "للاستخدام الداخلي"

    english = tmp_path / "english.docx"
    result = hamish(
        "export",
        "--project",
        source,
        "--format",
        "docx",
        "--output",
        english,
        "--language",
        "en",
        "--title",
        "Weekly brief",
        "--author",
        "Salma",
        "--marking",
        "Confidential",
        "--document",
        "6",
        "7",
    )
    assert result.returncode == 0, result.stderr
    assert "2 articles" in result.stdout
    document = docx.Document(str(english))
    assert document.paragraphs[1].text == "Weekly brief"
    assert document.sections[0].footer.paragraphs[0].text == "Confidential"
    assert document.core_properties.author == "Salma"


def test_csv_annotations_and_claims(source: Path, tmp_path: Path) -> None:
    annotations = tmp_path / "a.csv"
    result = hamish("export", "--project", source, "--output", annotations)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {annotations}: 30 annotations (")
    claims = tmp_path / "c.csv"
    result = hamish("export", "--project", source, "--output", claims, "--what", "claims")
    assert result.returncode == 0, result.stderr
    assert "7 claims" in result.stdout
    with claims.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["claimant"] for r in rows} >= {"جون كيري", "Russia-Now.com", "دميتري بسكوف"}


def test_bad_document_is_an_error_and_writes_nothing(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    result = hamish("export", "--project", source, "--output", out, "--document", "999")
    assert result.returncode == 1
    assert "no document 999" in result.stderr
    assert not out.exists()
    help_text = hamish("export", "--help").stdout
    assert "--what {annotations,claims}" in help_text and "docx" in help_text
