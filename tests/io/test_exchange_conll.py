"""CoNLL / BIO export, read back by a reader written here from the column rules alone: each
token is found in the article text in order (only white space between tokens), spans are
rebuilt from B-/I- runs and compared with the project's entity tags."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core.records import AnnotationDraft
from desktop.core.text import make_draft
from desktop.io.exchange.conll import export_conll
from desktop.store.project import Project
from tests.io import exchange_project as fixture

TAG = re.compile(r"O|[BI]-\S+")


def read_conll(path: Path) -> list[list[tuple[str, str] | None]]:
    """Articles as lists of (token, tag), ``None`` for a sentence break."""
    articles: list[list[tuple[str, str] | None]] = []
    for line in path.read_text(encoding="utf-8").split("\n")[:-1]:
        if line == "-DOCSTART-\tO":
            articles.append([])
            continue
        if not line:
            articles[-1].append(None)
            continue
        token, tag = line.split("\t")  # exactly two columns
        assert token and not re.search(r"\s", token)
        assert TAG.fullmatch(tag), tag
        articles[-1].append((token, tag))
    return articles


def rebuild(text: str, rows: list[tuple[str, str] | None]) -> set[tuple[int, int, str]]:
    spans: set[tuple[int, int, str]] = set()
    position = 0
    current: list[int | str] | None = None
    for row in rows:
        if row is None:  # a sentence ends: a tag does not go on
            if current:
                spans.add((int(current[0]), int(current[1]), str(current[2])))
            current = None
            continue
        token, tag = row
        start = text.index(token, position)
        assert not text[position:start].strip(), "only white space between tokens"
        position = start + len(token)
        if tag.startswith("I-") and current and current[2] == tag[2:]:
            current[1] = position
            continue
        if current:
            spans.add((int(current[0]), int(current[1]), str(current[2])))
        current = [start, position, tag[2:]] if tag != "O" else None
    if current:
        spans.add((int(current[0]), int(current[1]), str(current[2])))
    assert not text[position:].strip(), "every word of the article is a token"
    return spans


def test_tags_come_back_from_the_columns(source: Project, tmp_path: Path) -> None:
    out = tmp_path / "ner.conll"
    summary = export_conll(source, out)
    articles = read_conll(out)
    texts = [
        row[0] for row in source.database.conn.execute("SELECT text FROM documents ORDER BY id")
    ]
    assert len(articles) == len(texts) == summary.documents
    rebuilt = {
        (text, *span)
        for text, rows in zip(texts, articles, strict=True)
        for span in rebuild(text, rows)
    }
    entity_tags = {
        (s[0], s[1], s[2], s[3])
        for s in fixture.spans(source)
        if s[3] in ("person", "organisation", "location")
    }
    # The organisation nested in the speaker's title has no place in BIO: said, not silent.
    nested = {s for s in entity_tags if s[3] == "organisation"}
    assert rebuilt == entity_tags - nested
    assert "Not carried: nested or overlapping tags (BIO holds one tag per token) (1)." in (
        summary.lost
    )
    assert "Not carried: tags of other kinds (claims, notes, spans) (6)." in summary.lost


def test_clitics_stay_on_the_word_and_a_tag_widens_to_it(tmp_path: Path) -> None:
    project = Project.open(tmp_path / "p.hamish")
    text = "قالت وإسرائيل 😀 إن الاتفاق صامد"
    document = project.documents.add(make_draft(text))
    start = text.index("إسرائيل")
    label = project.labels.by_key("location")
    assert label is not None
    project.annotations.add(
        AnnotationDraft(document, start, start + 7, "إسرائيل", "", "", label.id, "", "", None)
    )
    out = tmp_path / "ner.conll"
    summary = export_conll(project, out)
    rows = read_conll(out)[0]
    assert ("وإسرائيل", "B-location") in rows  # one token, the conjunction attached
    assert rebuild(text, rows) == {(start - 1, start + 7, "location")}
    assert "Not carried: tags widened to whole tokens (1)." in summary.lost
    project.close()
