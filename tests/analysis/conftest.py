"""A small project whose network is computed by hand in tests/analysis/test_network.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from desktop.core.records import AnnotationDraft
from desktop.core.text import make_draft
from desktop.store.project import Project

DOC1 = "Alice met Bob in Cairo. Bob left.\nCarol called Alice."
DOC2 = "Bob and Alice spoke. Alice said Bob lied."


class Small(NamedTuple):
    project: Project
    doc1: int
    doc2: int
    alice: int
    bob: int
    cairo: int
    carol: int
    claim: int


def tag(
    project: Project,
    doc: int,
    text: str,
    word: str,
    entity: int | None,
    *,
    nth: int = 0,
    key: str = "person",
) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    label = project.labels.by_key(key)
    assert label is not None
    return project.annotations.add(
        AnnotationDraft(doc, start, start + len(word), word, "", "", label.id, "me", "", entity)
    )


def build_small(path: Path) -> Small:
    """Article 1 (2024-01-10): Alice, Bob, Cairo in its first sentence, Bob alone in the
    second, Carol and Alice in the second paragraph. Article 2 (2024-03-05): Bob and Alice in
    each of its two sentences, the second a claim by Alice about Bob."""
    project = Project.open(path)
    doc1 = project.documents.add(
        make_draft(DOC1, title="One", published="2024-01-10", title_line=False)
    )
    doc2 = project.documents.add(
        make_draft(DOC2, title="Two", published="2024-03-05T10:00:00", title_line=False)
    )
    alice = project.entities.add("Alice", "person")
    bob = project.entities.add("Bob", "person")
    cairo = project.entities.add("Cairo", "location")
    carol = project.entities.add("Carol", "person")
    tag(project, doc1, DOC1, "Alice", alice)
    tag(project, doc1, DOC1, "Bob", bob)
    tag(project, doc1, DOC1, "Cairo", cairo, key="location")
    tag(project, doc1, DOC1, "Bob", bob, nth=1)
    tag(project, doc1, DOC1, "Carol", carol)
    tag(project, doc1, DOC1, "Alice", alice, nth=1)
    tag(project, doc2, DOC2, "Bob", bob)
    tag(project, doc2, DOC2, "Alice", alice)
    tag(project, doc2, DOC2, "Alice", alice, nth=1)
    tag(project, doc2, DOC2, "Bob", bob, nth=1)
    said = tag(project, doc2, DOC2, "Alice said Bob lied.", None, key="claim")
    claim = project.claims.for_annotation(said)
    assert claim is not None
    project.claims.update(claim.id, claimant_id=alice, subjects=(bob,))
    return Small(project, doc1, doc2, alice, bob, cairo, carol, claim.id)


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Small]:
    found = build_small(tmp_path / "small.hamish")
    yield found
    found.project.close()
