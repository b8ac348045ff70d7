"""A small project for the exchange formats (XMI, brat, CoNLL): emoji before Arabic names,
an article imported from CRLF text, nested and overlapping spans, a span across a line break,
claims with claimant, subjects, assessment and links, notes with line breaks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.core.records import AnnotationDraft
from desktop.core.spans import context
from desktop.core.text import make_draft
from desktop.store.entities import folded
from desktop.store.project import Project

T0 = "2024-05-02T09:00:00+00:00"
# Written with \r\n as a Windows editor saves it; stored with \n.
CRLF_SOURCE = (
    "قال 😀 المتحدث باسم 𝐀 الخارجية إن «الاتفاق صامد».\r\n"
    "وأضاف 👍🏽 جون كيري: لا تعليق على 🇸🇾 الآن.\r\n"
)
SECOND = "أكد سيرغي لافروف أن المحادثات مستمرة.\nونفى جون كيري ذلك، وقال إن المحادثات متوقفة."
NOTE = "ملاحظة أولى\nسطر ثانٍ \\ مع شرطة مائلة 😀"


def _sql(project: Project, statement: str, params: list[Any]) -> int:
    with project.database.transaction():
        cursor = project.database.conn.execute(statement, params)
    return int(cursor.lastrowid or 0)


def tag(
    project: Project,
    document_id: int,
    needle: str,
    key: str,
    *,
    nth: int = 0,
    note: str = "",
    entity_id: int | None = None,
    cut: tuple[int, int] = (0, 0),
) -> int:
    text = project.documents.get(document_id).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    start, end = start + cut[0], start + len(needle) - cut[1]
    quote, prefix, suffix = context(text, start, end)
    label = project.labels.by_key(key)
    assert label is not None, key
    return project.annotations.add(
        AnnotationDraft(
            document_id, start, end, quote, prefix, suffix, label.id, "analyst", note, entity_id
        )
    )


def claim_of(project: Project, annotation_id: int) -> int:
    row = project.database.conn.execute(
        "SELECT id FROM claims WHERE annotation_id = ?", [annotation_id]
    ).fetchone()
    return int(row[0])


def build(path: Path) -> Project:
    project = Project.open(path)
    first = project.documents.add(make_draft(CRLF_SOURCE, title="تصريح 😀", origin="crlf.txt"))
    second = project.documents.add(make_draft(SECOND, title="نفي", source="وكالة"))
    assert "\r" not in project.documents.get(first).text

    def entity(name: str, type_: str) -> int:
        return _sql(
            project,
            "INSERT INTO entities (name, name_norm, type, description, notes, created_at, "
            "modified_at) VALUES (?, ?, ?, '', '', ?, ?)",
            [name, folded(name), type_, T0, T0],
        )

    kerry = entity("جون كيري", "person")
    lavrov = entity("سيرغي لافروف", "person")
    ministry = entity("وزارة الخارجية", "organisation")
    # Nested: the speaker's title holds the ministry; overlapping: 𝐀 الخارجية crosses both.
    tag(project, first, "المتحدث باسم 𝐀 الخارجية", "person", note=NOTE)
    tag(project, first, "الخارجية", "organisation", entity_id=ministry)
    tag(project, first, "باسم 𝐀", "datetime")
    tag(project, first, "😀", "note", note="وجه")
    tag(project, first, "جون كيري", "person", entity_id=kerry)
    tag(project, first, "🇸🇾", "location")
    claim_a = claim_of(project, tag(project, first, "«الاتفاق صامد»", "claim", note="مؤكد؟"))
    tag(project, first, "صامد».\nوأضاف", "note")  # across the line break
    tag(project, second, "سيرغي لافروف", "person", entity_id=lavrov)
    tag(project, second, "جون كيري", "person", entity_id=kerry)
    claim_b = claim_of(project, tag(project, second, "أن المحادثات مستمرة", "claim"))
    claim_c = claim_of(project, tag(project, second, "إن المحادثات متوقفة", "claim"))
    _sql(
        project,
        "UPDATE claims SET claimant_id = ?, summary = ?, stance = 'denies', status = 'contested', "
        "reliability = 'B', credibility = 2 WHERE id = ?",
        [kerry, "نفي\nمطلق", claim_c],
    )
    _sql(project, "UPDATE claims SET claimant_id = ? WHERE id = ?", [lavrov, claim_b])
    _sql(project, "UPDATE claims SET status = 'corroborated' WHERE id = ?", [claim_a])
    _sql(project, "INSERT INTO claim_subjects VALUES (?, ?)", [claim_c, lavrov])
    for source, target, kind in ((claim_c, claim_b, "contradicts"), (claim_a, claim_b, "supports")):
        _sql(
            project,
            "INSERT INTO claim_links (from_claim, to_claim, kind) VALUES (?, ?, ?)",
            [source, target, kind],
        )
    return project


def spans(project: Project) -> set[tuple[str, int, int, str, str]]:
    """(article text, start, end, label key, quote) of every annotation."""
    rows = project.database.conn.execute(
        'SELECT d.text, a.start, a."end", l.key, a.quote FROM annotations a '
        "JOIN documents d ON d.id = a.document_id JOIN labels l ON l.id = a.label_id"
    ).fetchall()
    return {(r[0], r[1], r[2], r[3], r[4]) for r in rows}


def notes(project: Project) -> set[tuple[str, str]]:
    rows = project.database.conn.execute(
        "SELECT quote, note FROM annotations WHERE note != ''"
    ).fetchall()
    return {(r[0], r[1]) for r in rows}


def entity_links(project: Project) -> set[tuple[str, str, str]]:
    rows = project.database.conn.execute(
        "SELECT a.quote, e.name, e.type FROM annotations a JOIN entities e ON e.id = a.entity_id"
    ).fetchall()
    return {(r[0], r[1], r[2]) for r in rows}


def claims(project: Project) -> set[tuple[Any, ...]]:
    rows = project.database.conn.execute(
        "SELECT a.quote, coalesce(e.name, ''), c.stance, c.status, c.reliability, "
        "c.credibility, c.summary FROM claims c JOIN annotations a ON a.id = c.annotation_id "
        "LEFT JOIN entities e ON e.id = c.claimant_id"
    ).fetchall()
    return {tuple(r) for r in rows}


def claim_links(project: Project) -> set[tuple[str, str, str]]:
    rows = project.database.conn.execute(
        "SELECT fa.quote, ta.quote, l.kind FROM claim_links l "
        "JOIN claims f ON f.id = l.from_claim JOIN annotations fa ON fa.id = f.annotation_id "
        "JOIN claims t ON t.id = l.to_claim JOIN annotations ta ON ta.id = t.annotation_id"
    ).fetchall()
    return {(r[0], r[1], r[2]) for r in rows}


def exported_w3c(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """The sample project written as Web Annotation, and the file's JSON to tamper with."""
    from desktop.io.exchange import w3c

    source = build(tmp_path / "source.hamish")
    out = tmp_path / "out.jsonld"
    w3c.export_w3c(source, out)
    source.close()
    return out, json.loads(out.read_text(encoding="utf-8"))
