"""Numbers past what SQLite holds on the command line: an id is refused in words, a
``--limit`` means "all" — they ended in OverflowError tracebacks (a security tester).
(``graph`` and ``timeline`` say there is no such document: tests/test_cli_graph.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.text import make_draft
from desktop.store.project import Project
from tests.test_cli import hamish

HUGE = "99999999999999999999"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("huge") / "p.hamish"
    with Project.open(path) as opened:
        opened.documents.add(make_draft("قال الوزير إن الوضع في حلب هادئ."))
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["suggest", "--document", HUGE],
        ["screenshot", "--document", HUGE, "--output", "never.png"],
        ["screenshot", "--beside", HUGE, "--output", "never.png"],
        ["export", "--document", HUGE, "--output", "never.json"],
        ["mentions", "حلب", "--document", HUGE],
        ["search", "حلب", "--entity", HUGE],
    ],
)
def test_an_id_past_sqlites_integers_is_refused_in_words(project: Path, argv: list[str]) -> None:
    result = hamish(*argv, "--project", project)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "is beyond the largest id" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_huge_search_limit_means_all(project: Path) -> None:
    result = hamish("search", "--project", project, "--limit", HUGE, "حلب")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "حلب" in result.stdout
