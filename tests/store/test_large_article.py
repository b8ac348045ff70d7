"""Storing a long article does not read it back or keep extra copies of it to index it
(issue 13), and the index it gets is the same."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from desktop.core.text import make_draft
from desktop.store.project import Project

LONG = "قال وزير الخارجية إن المفاوضات مستمرة في جنيف\n" * 100_000  # 4.7 million characters


def test_a_long_article_is_indexed_without_reading_it_back(tmp_path: Path) -> None:
    draft = make_draft(LONG + "كلمة_فريدة")
    with Project.open(tmp_path / "p.hamish") as project:
        tracemalloc.start()
        try:
            document_id = project.documents.add(draft)
            peak = tracemalloc.get_traced_memory()[1] / (len(draft.text) * 2)
        finally:
            tracemalloc.stop()
        assert peak < 6  # was 10.4: the text read back, folded and bound as a string
        assert project.search.matching_ids("كلمة_فريدة") == {document_id}
        assert project.search.matching_ids("المفاوضات") == {document_id}
        project.search.check()
        project.documents.delete(document_id)  # a contentless delete tokenizes the same
        assert project.search.matching_ids("المفاوضات") == set()
        project.search.check()
