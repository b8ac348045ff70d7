"""Fixtures for the importer tests: Arabic PDFs generated once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.project import Project

from . import exchange_project as exchange_fixture
from .import_files import DEJAVU, PDF_AUTHOR, PDF_PARAGRAPHS, PDF_TITLE, make_pdfs


@pytest.fixture(scope="session")
def arabic_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two PDFs of the same Arabic article: glyphs in logical order (as Qt, Word and
    LibreOffice write them) and in visual order (as older generators do)."""
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans (fonts-dejavu-core) is needed to make Arabic PDFs")
    folder = tmp_path_factory.mktemp("pdfs")
    paths = {mode: folder / f"{mode}.pdf" for mode in ("logical", "visual")}
    make_pdfs(
        folder,
        [
            {
                "path": str(path),
                "font": str(DEJAVU),
                "paragraphs": PDF_PARAGRAPHS,
                "title": PDF_TITLE,
                "author": PDF_AUTHOR,
                "mode": mode,
            }
            for mode, path in paths.items()
        ],
    )
    return paths


# The exchange formats' tests (XMI, brat, CoNLL): the project of tests/io/exchange_project.py
# (emoji before Arabic names, CRLF sources, nested and overlapping tags), and an empty one to
# import into. A module may define its own ``target`` (test_json_roundtrip does).
@pytest.fixture
def source(tmp_path: Path) -> Iterator[Project]:
    project = exchange_fixture.build(tmp_path / "source.hamish")
    yield project
    project.close()


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Project]:
    project = Project.open(tmp_path / "target.hamish")
    yield project
    project.close()
