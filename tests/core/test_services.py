from __future__ import annotations

from collections.abc import Sequence

from desktop.core.errors import DuplicateDocument, HamishError, ImportRejected
from desktop.core.records import DocumentDraft
from desktop.core.services import import_documents
from desktop.core.text import make_draft


class FakeRepo:
    def __init__(self) -> None:
        self.by_hash: dict[str, int] = {}

    def add(self, draft: DocumentDraft) -> int:
        if draft.content_hash in self.by_hash:
            raise DuplicateDocument(self.by_hash[draft.content_hash])
        self.by_hash[draft.content_hash] = len(self.by_hash) + 1
        return self.by_hash[draft.content_hash]

    def add_many(self, drafts: Sequence[DocumentDraft]) -> list[int | HamishError]:
        results: list[int | HamishError] = []
        for draft in drafts:
            try:
                results.append(self.add(draft))
            except HamishError as error:
                results.append(error)
        return results


def _reject() -> DocumentDraft:
    raise ImportRejected("broken.txt is empty.")


def test_every_item_lands_in_exactly_one_list() -> None:
    repo = FakeRepo()
    report = import_documents(
        repo,
        [
            ("a.txt", lambda: make_draft("النص الأول")),
            ("b.txt", _reject),
            ("c.txt", lambda: make_draft("النص الأوَّل")),  # same text with harakat
            ("d.txt", lambda: make_draft("النص الثاني")),
        ],
    )
    assert report.imported == [("a.txt", 1), ("d.txt", 2)]
    assert report.duplicates == [("c.txt", 1)]
    assert [f.path for f in report.failed] == ["b.txt"]
    assert report.failed[0].reason == "broken.txt is empty."
    assert not report.ok
    assert report.changes().documents_added == (1, 2)


def test_cancel_keeps_what_was_imported() -> None:
    repo = FakeRepo()
    seen: list[str] = []

    def load(name: str) -> DocumentDraft:
        seen.append(name)
        return make_draft(f"نص {name}")

    items = [(n, lambda n=n: load(n)) for n in ("x", "y", "z")]
    report = import_documents(repo, items, cancelled=lambda: len(seen) >= 2)
    assert [p for p, _ in report.imported] == ["x", "y"]
    assert len(repo.by_hash) == 2
