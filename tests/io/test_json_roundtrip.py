"""JSON export/import of a whole project: exact round trip, merge, validation, atomic writing.

The rich project built here exercises every table and the awkward cases at once: overlapping
and nested spans, text outside the Basic Multilingual Plane (offsets are code points), notes
with newlines and Arabic, claims with assessment, links and subjects, aliases, a renamed, a
user-added and a removed label, an orphaned annotation and gaps in the ids.
"""

from __future__ import annotations

import errno
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop import __version__
from desktop.core.errors import HamishError, ImportRejected, NotFound
from desktop.core.records import AnnotationDraft
from desktop.core.spans import context
from desktop.core.text import make_draft
from desktop.io.exporters import json_export
from desktop.io.exporters.json_export import FORMAT_VERSION, export_json
from desktop.io.importers.json_import import import_json, read_project_json
from desktop.io.seeds import seed_drafts
from desktop.store import schema
from desktop.store.entities import folded
from desktop.store.project import Project
from desktop.store.transfer import TABLES, dump, load

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs" / "json-format.md"
EMOJI_TEXT = "قال 😀 المتحدث 𝐀 إن «الاتفاق صامد».\nوأضاف المتحدث: لا تعليق على 🇸🇾 الآن."
NOTE = "ملاحظة أولى\nسطر ثانٍ: «تحقق من المصدر» 😀"
T0 = "2024-05-02T09:00:00+00:00"


@dataclass
class Rich:
    """Ids in the source project of the rows the tests look at."""

    seeds: list[int]
    emoji_doc: int
    kerry: int
    lavrov: int
    registry_only: int
    claims: dict[str, int]
    emoji_annotation: int
    orphaned: int


def annotate(
    project: Project,
    document_id: int,
    start: int,
    end: int,
    key: str,
    *,
    note: str = "",
    entity_id: int | None = None,
) -> int:
    text = project.documents.get(document_id).text
    quote, prefix, suffix = context(text, start, end)
    label = project.labels.by_key(key)
    assert label is not None, key
    return project.annotations.add(
        AnnotationDraft(
            document_id, start, end, quote, prefix, suffix, label.id, "analyst", note, entity_id
        )
    )


def word(project: Project, document_id: int, needle: str, nth: int = 0) -> tuple[int, int]:
    text = project.documents.get(document_id).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def sql(project: Project, statement: str, params: list[Any] | tuple[Any, ...] = ()) -> int:
    with project.database.transaction():
        cursor = project.database.conn.execute(statement, list(params))
    return int(cursor.lastrowid or 0)


def claim_of(project: Project, annotation_id: int) -> int:
    row = project.database.conn.execute(
        "SELECT id FROM claims WHERE annotation_id = ?", [annotation_id]
    ).fetchone()
    return int(row[0])


def build_rich_project(path: Path) -> tuple[Project, Rich]:
    project = Project.open(path)
    seeds = [project.documents.add(draft) for draft in seed_drafts()]
    gap = project.documents.add(make_draft("مقال سيحذف لاحقا.", origin="test:gap"))
    emoji_doc = project.documents.add(
        make_draft(EMOJI_TEXT, title="تصريح 😀", source="وكالة", origin="test:emoji")
    )
    project.documents.delete(gap)  # a hole in the document ids must survive the round trip

    labels = project.labels
    person = labels.by_key("person")
    event = labels.by_key("event")
    assert person is not None and event is not None
    labels.update(person.id, name_en="Individual", name_ar="فرد", color="#123456")
    labels.add(name_en="Weapon", name_ar="سلاح", kind="span", color="#999999", shortcut="8")
    project.annotations.remove_label(event.id, None)

    def entity(name: str, type_: str, description: str = "", notes: str = "") -> int:
        return sql(
            project,
            "INSERT INTO entities (name, name_norm, type, description, notes, created_at, "
            "modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [name, folded(name), type_, description, notes, T0, T0],
        )

    kerry = entity("جون كيري", "person", "وزير الخارجية الأمريكي", "سطر أول\nسطر ثانٍ")
    lavrov = entity("سيرغي لافروف", "person")
    registry_only = entity("مجموعة أصدقاء سوريا", "organisation")
    for alias in ("كيري", "Kerry", "John Kerry", "جون كيرى"):
        sql(
            project,
            "INSERT INTO entity_aliases (entity_id, alias, alias_norm) VALUES (?, ?, ?)",
            [kerry, alias, folded(alias)],
        )

    # Several annotations per seed: one outer span, one nested inside it, one overlapping it.
    for doc in seeds:
        text_length = len(project.documents.get(doc).text)
        assert text_length > 200
        annotate(project, doc, 10, 60, "location", note=NOTE)
        annotate(project, doc, 20, 40, "person")
        annotate(project, doc, 50, 90, "weapon")
        annotate(project, doc, 120, 150, "datetime")
    removed = annotate(project, seeds[0], 160, 170, "note")
    project.annotations.delete(removed)  # and a hole in the annotation ids

    claims = {
        "seed3": claim_of(project, annotate(project, seeds[3], 100, 180, "claim")),
        "seed1": claim_of(project, annotate(project, seeds[1], 95, 175, "claim")),
    }
    s, e = word(project, emoji_doc, "«الاتفاق صامد»")
    claims["emoji"] = claim_of(project, annotate(project, emoji_doc, s, e, "claim", note=NOTE))
    s, e = word(project, emoji_doc, "😀")
    emoji_annotation = annotate(project, emoji_doc, s, e, "note")
    s, e = word(project, emoji_doc, "المتحدث")
    annotate(project, emoji_doc, s, e, "person", entity_id=kerry)
    s, e = word(project, emoji_doc, "المتحدث", nth=1)
    annotate(project, emoji_doc, s, e - 3, "person", entity_id=kerry)  # nested-ish fragment
    s, e = word(project, emoji_doc, "𝐀 إن")
    annotate(project, emoji_doc, s, e, "weapon")
    s, e = word(project, emoji_doc, "🇸🇾")
    annotate(project, emoji_doc, s, e, "location")

    sql(
        project,
        "UPDATE claims SET claimant_id = ?, summary = ?, stance = 'denies', status = 'contested', "
        "reliability = 'B', credibility = 2, claimed_on = '2015-05-12' WHERE id = ?",
        [kerry, "نفي\nمطلق", claims["seed3"]],
    )
    sql(project, "UPDATE claims SET status = 'corroborated' WHERE id = ?", [claims["emoji"]])
    sql(project, "INSERT INTO claim_subjects VALUES (?, ?)", [claims["seed3"], kerry])
    sql(project, "INSERT INTO claim_subjects VALUES (?, ?)", [claims["seed1"], lavrov])
    sql(
        project,
        "INSERT INTO claim_links (from_claim, to_claim, kind) VALUES (?, ?, 'supports')",
        [claims["seed3"], claims["emoji"]],
    )
    sql(
        project,
        "INSERT INTO claim_links (from_claim, to_claim, kind) VALUES (?, ?, 'contradicts')",
        [claims["emoji"], claims["seed1"]],
    )

    for document_id, annotation_id in (
        (seeds[0], None),
        (emoji_doc, None),
        (None, emoji_annotation),
        (None, None),  # a note on the project itself
    ):
        sql(
            project,
            "INSERT INTO notes (document_id, annotation_id, body, author, created_at, "
            "modified_at) VALUES (?, ?, ?, 'analyst', ?, ?)",
            [document_id, annotation_id, NOTE, T0, T0],
        )

    for document_id, kind, decision in (
        (seeds[0], "suggestion", "rejected"),
        (emoji_doc, "mention", "accepted"),
    ):
        sql(
            project,
            'INSERT INTO decisions (document_id, kind, start, "end", text, decision, decided_at) '
            "VALUES (?, ?, 6, 13, 'المتحدث', ?, ?)",
            [document_id, kind, decision, T0],
        )

    orphaned = annotate(project, seeds[2], 300, 320, "person")
    sql(
        project,
        "UPDATE annotations SET anchor = 'orphaned', quote = 'نص لم يعد موجودا' WHERE id = ?",
        [orphaned],
    )
    rich = Rich(seeds, emoji_doc, kerry, lavrov, registry_only, claims, emoji_annotation, orphaned)
    return project, rich


@pytest.fixture
def rich(tmp_path: Path) -> Iterator[tuple[Project, Rich]]:
    project, info = build_rich_project(tmp_path / "source.hamish")
    yield project, info
    project.close()


@pytest.fixture
def exported(rich: tuple[Project, Rich], tmp_path: Path) -> Path:
    out = tmp_path / "export.json"
    export_json(rich[0], out)
    return out


def table_rows(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but ``meta`` and the search index (derived data, rebuilt from
    the documents), in a canonical order."""
    conn = project.database.conn
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'meta' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY name"
        )
    ]
    return {name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall()) for name in names}


def without_timestamp(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "exported_at"}


# --- round trip --------------------------------------------------------------------------


def test_round_trip_is_exact(rich: tuple[Project, Rich], exported: Path, tmp_path: Path) -> None:
    source, _ = rich
    with Project.open(tmp_path / "copy.hamish") as copy:
        report = import_json(copy, exported)
        assert report.mode == "restore"
        assert report.skipped_documents == []
        assert report.ignored_fields == []
        again = tmp_path / "again.json"
        export_json(copy, again)
        assert table_rows(copy) == table_rows(source)
        assert copy.labels.by_key("event") is None  # replaced by the file's labels, not merged
    first = exported.read_text(encoding="utf-8").splitlines()
    second = again.read_text(encoding="utf-8").splitlines()
    differing = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
    assert len(differing) <= 1
    assert all('"exported_at"' in a for a, _ in differing)
    assert without_timestamp(json.loads(exported.read_text(encoding="utf-8"))) == (
        without_timestamp(json.loads(again.read_text(encoding="utf-8")))
    )


def test_file_layout(rich: tuple[Project, Rich], exported: Path) -> None:
    source, info = rich
    raw = exported.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert list(data) == [
        "format",
        "version",
        "exported_at",
        "app_version",
        "schema_version",
        "scope",
        *(table.name for table in TABLES),
    ]
    assert (data["format"], data["version"]) == ("hamish", FORMAT_VERSION)
    assert data["app_version"] == __version__
    assert data["schema_version"] == schema.SCHEMA_VERSION
    assert data["scope"] == "project"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", data["exported_at"])
    assert "المتحدث" in raw and "\\u" not in raw  # ensure_ascii=False
    assert raw.endswith("}\n") and raw.startswith('{\n "format": "hamish",')
    for table in TABLES:
        for row in data[table.name]:
            assert list(row) == [f.name for f in table.fields]
    assert [d["id"] for d in data["documents"]] == [*info.seeds, info.emoji_doc]
    emoji = next(a for a in data["annotations"] if a["id"] == info.emoji_annotation)
    text = source.documents.get(info.emoji_doc).text
    # Code points: the emoji is one character, where UTF-16 would count two.
    assert (emoji["start"], emoji["end"]) == (4, 5)
    assert text[emoji["start"] : emoji["end"]] == emoji["quote"] == "😀"
    spokesman = next(
        a for a in data["annotations"] if a["document_id"] == info.emoji_doc and a["start"] == 6
    )
    assert spokesman["quote"] == "المتحدث" and spokesman["end"] == 13
    doc = next(d for d in data["documents"] if d["id"] == info.emoji_doc)
    assert doc["char_count"] == len(EMOJI_TEXT)
    assert len(data["claims"]) == 3 and len(data["claim_links"]) == 2
    assert len(data["entity_aliases"]) == 4 and len(data["notes"]) == 4
    assert len(data["decisions"]) == 2


def test_format_spec_matches_the_schema(rich: tuple[Project, Rich]) -> None:
    """A migration that adds a column must also document it (TABLES and the docs)."""
    conn = rich[0].database.conn
    for table in TABLES:
        info = conn.execute(f'PRAGMA table_info("{table.name}")').fetchall()
        assert [f.name for f in table.fields] == [row[1] for row in info], table.name
        for spec, (_, _, _, notnull, default, pk) in zip(table.fields, info, strict=True):
            assert spec.nullable == (not notnull and not pk), (table.name, spec.name)
            if spec.derived:
                continue
            schema_requires = bool(pk) or (bool(notnull) and default is None)
            assert spec.required == schema_requires, (table.name, spec.name)


def test_docs_describe_every_table_and_field() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for table in TABLES:
        section = docs.split(f"### `{table.name}`", 1)[1].split("\n### ", 1)[0].split("\n## ")[0]
        for spec in table.fields:
            assert f"| `{spec.name}` |" in section, (table.name, spec.name)
        assert f"| `{table.name}` |" in docs  # listed among the top-level keys


def test_docs_example_is_a_valid_export(tmp_path: Path) -> None:
    docs = DOCS.read_text(encoding="utf-8")
    example = docs.split("```json\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.json"
    path.write_text(example, encoding="utf-8")
    with Project.open(tmp_path / "p.hamish") as project:
        report = import_json(project, path)
        document = project.documents.get(1)
        annotation = project.annotations.get(1)
    assert (report.documents, report.annotations, report.claims, report.notes) == (1, 2, 1, 1)
    assert document.text[annotation.start : annotation.end] == annotation.quote == "المتحدث"
    assert annotation.start == 6


def test_minimal_hand_written_file(tmp_path: Path) -> None:
    """Other tools may write only what is required; defaults fill the rest."""
    text = "قال 😀 المتحدث إن الاتفاق صامد."
    data = {
        "format": "hamish",
        "version": 1,
        "documents": [
            {
                "id": 10,
                "title": "t",
                "text": text,
                "direction": "rtl",
                "imported_at": T0,
                "modified_at": T0,
            }
        ],
        "annotations": [
            {
                "id": 3,
                "document_id": 10,
                "start": 6,
                "end": 13,
                "quote": "المتحدث",
                "label_id": 1,
                "created_at": T0,
                "modified_at": T0,
            }
        ],
        "labels": [
            {"id": 1, "key": "person", "name_en": "P", "name_ar": "ش", "kind": "entity",
             "color": "#000000"}
        ],
        "entities": [
            {"id": 4, "name": "جون  كيري", "type": "person", "created_at": T0, "modified_at": T0}
        ],
        "entity_aliases": [{"id": 1, "entity_id": 4, "alias": "كيرى"}],
    }  # fmt: skip
    path = tmp_path / "minimal.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(tmp_path / "p.hamish") as project:
        import_json(project, path)
        document = project.documents.get(10)
        annotation = project.annotations.get(3)
        labels = {label.key for label in project.labels.all()}
        count = project.documents.summaries()[0].char_count
        norms = project.database.conn.execute(
            "SELECT e.name_norm, a.alias_norm FROM entities e JOIN entity_aliases a "
            "ON a.entity_id = e.id"
        ).fetchone()
    assert (document.source, document.language, annotation.anchor) == ("", "und", "exact")
    assert len(document.content_hash) == 64 and count == len(text)
    assert "claim" in labels  # no scope: the file's labels do not replace the others
    assert norms == (folded("جون  كيري"), folded("كيرى")) == ("جون كيري", "كيري")


def test_unknown_fields_are_ignored_and_reported(exported: Path, tmp_path: Path) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["annotations"][0]["confidence"] = 3
    data["sources"] = []
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(tmp_path / "p.hamish") as project:
        report = import_json(project, path)
    assert report.ignored_fields == ["annotations.confidence", "sources"]


# --- selected documents ------------------------------------------------------------------


def test_subset_export(rich: tuple[Project, Rich], tmp_path: Path) -> None:
    source, info = rich
    out = tmp_path / "subset.json"
    summary = export_json(source, out, [info.emoji_doc, info.seeds[3]])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["scope"] == "documents"
    assert [d["id"] for d in data["documents"]] == [info.seeds[3], info.emoji_doc]
    assert summary.documents == 2 and summary.annotations == len(data["annotations"])
    assert {a["document_id"] for a in data["annotations"]} == {info.seeds[3], info.emoji_doc}
    assert {c["id"] for c in data["claims"]} == {info.claims["seed3"], info.claims["emoji"]}
    # seed3 -> emoji is inside; emoji -> seed1 has an end outside the subset.
    assert [(link["from_claim"], link["to_claim"]) for link in data["claim_links"]] == [
        (info.claims["seed3"], info.claims["emoji"])
    ]
    used = {a["label_id"] for a in data["annotations"]}
    assert {label["id"] for label in data["labels"]} == used
    assert {e["id"] for e in data["entities"]} == {info.kerry}  # lavrov: subject of seed1 only
    assert len(data["entity_aliases"]) == 4
    assert [d["document_id"] for d in data["decisions"]] == [info.emoji_doc]
    assert {(n["document_id"], n["annotation_id"]) for n in data["notes"]} == {
        (info.emoji_doc, None),
        (None, info.emoji_annotation),
    }
    with Project.open(tmp_path / "p.hamish") as project:
        report = import_json(project, out)
        assert report.mode == "restore"
        assert project.documents.get(info.emoji_doc).title == "تصريح 😀"
        person = project.labels.by_key("person")
        assert person is not None and person.name_en == "Individual"  # the file's version
        assert project.labels.by_key("location") is not None  # a default the file lacks
        for annotation in project.annotations.for_document(info.emoji_doc):
            assert annotation.quote == EMOJI_TEXT[annotation.start : annotation.end]


def test_unknown_document_ids_are_refused(rich: tuple[Project, Rich], tmp_path: Path) -> None:
    out = tmp_path / "subset.json"
    with pytest.raises(NotFound, match="no documents 98, 99"):
        export_json(rich[0], out, [rich[1].seeds[0], 98, 99])
    assert list(tmp_path.glob("*.json")) == [] and list(tmp_path.glob(".*")) == []


# --- merge -------------------------------------------------------------------------------


def test_merge_renumbers_and_skips_duplicates(
    rich: tuple[Project, Rich], exported: Path, tmp_path: Path
) -> None:
    source, info = rich
    data = json.loads(exported.read_text(encoding="utf-8"))
    with Project.open(tmp_path / "target.hamish") as target:
        drafts = seed_drafts()
        first = target.documents.add(drafts[0])
        # The same article with other spacing: another text, but the same content hash.
        second = target.documents.add(make_draft(drafts[1].text.replace(" ", "  ", 3)))
        own = target.documents.add(make_draft("مقال خاص بالمشروع الهدف.", origin="own"))
        annotate(target, own, 0, 4, "person")
        target.labels.add(name_en="Weapon", name_ar="سلاح", kind="entity", color="#000000")
        sql(
            target,
            "INSERT INTO entities (name, type, created_at, modified_at) VALUES ('x', 'y', ?, ?)",
            [T0, T0],
        )
        before_labels = {label.key: label for label in target.labels.all()}

        report = import_json(target, exported)

        assert report.mode == "merge"
        assert report.skipped_documents == [(info.seeds[0], first), (info.seeds[1], second)]
        assert report.documents == 4
        skipped_annotations = [a for a in data["annotations"] if a["document_id"] in info.seeds[:2]]
        assert report.skipped["annotations"] == len(skipped_annotations)
        assert report.annotations == len(data["annotations"]) - len(skipped_annotations)
        # Labels: matched by key and kind (the target's names win), created when missing,
        # renamed when the key exists with another kind.
        assert report.renamed_labels == [("weapon", "weapon-2")]
        person = target.labels.by_key("person")
        assert person == before_labels["person"]
        new_weapon = target.labels.by_key("weapon-2")
        assert new_weapon is not None and new_weapon.kind == "span"
        assert target.labels.by_key("event") is not None  # never deleted in merge mode
        # Entities: kerry (used by kept rows) and the registry entry are created; lavrov was
        # only the subject of a claim in a skipped document.
        assert report.entities == 2
        names = {row[0] for row in target.database.conn.execute("SELECT name FROM entities")}
        assert names == {"x", "جون كيري", "مجموعة أصدقاء سوريا"}
        assert report.inserted["entity_aliases"] == 4
        assert (report.inserted["decisions"], report.skipped["decisions"]) == (1, 1)

        ids = report.ids
        labels_by_file_id = {label["id"]: label["key"] for label in data["labels"]}
        for record in data["annotations"]:
            if record["document_id"] in info.seeds[:2]:
                assert record["id"] not in ids["annotations"]
                continue
            stored = target.annotations.get(ids["annotations"][record["id"]])
            assert stored.document_id == ids["documents"][record["document_id"]]
            assert stored.quote == record["quote"] and stored.note == record["note"]
            key = labels_by_file_id[record["label_id"]]
            assert target.labels.get(stored.label_id).key == (
                "weapon-2" if key == "weapon" else key
            )
            if record["entity_id"] is not None:
                assert stored.entity_id == ids["entities"][record["entity_id"]]
            if stored.anchor != "orphaned":
                text = target.documents.get(stored.document_id).text
                assert text[stored.start : stored.end] == stored.quote
        links = target.database.conn.execute("SELECT from_claim, to_claim FROM claim_links")
        assert list(links) == [
            (ids["claims"][info.claims["seed3"]], ids["claims"][info.claims["emoji"]])
        ]
        subjects = target.database.conn.execute("SELECT claim_id, entity_id FROM claim_subjects")
        assert list(subjects) == [
            (ids["claims"][info.claims["seed3"]], ids["entities"][info.kerry])
        ]
        claim = target.database.conn.execute(
            "SELECT claimant_id, summary, stance, reliability, credibility FROM claims "
            "WHERE id = ?",
            [ids["claims"][info.claims["seed3"]]],
        ).fetchone()
        assert claim == (ids["entities"][info.kerry], "نفي\nمطلق", "denies", "B", 2)
        assert report.notes == 4 - 1  # the note on seeds[0] went with its document

        # The same file again: every document is a duplicate, nothing attached to them comes
        # in twice. The unused registry entity is the project's own by type and name, and is
        # reused; only the free note, which belongs to no document, is created again (project
        # notes are never matched).
        again = import_json(target, exported)
        assert again.documents == 0 and again.annotations == 0 and again.claims == 0
        assert again.labels == 0 and again.labels_matched == len(data["labels"])
        assert again.renamed_labels == []  # weapon found again as weapon-2
        assert (again.entities, again.entities_matched, again.notes) == (0, 1, 1)
    assert source.documents.count() == 6


def test_merge_into_project_with_only_a_free_note_keeps_it(exported: Path, tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.hamish") as project:
        sql(
            project,
            "INSERT INTO notes (body, created_at, modified_at) VALUES ('قبل', ?, ?)",
            [T0, T0],
        )
        report = import_json(project, exported)
        assert report.mode == "merge"
        bodies = [row[0] for row in project.database.conn.execute("SELECT body FROM notes")]
        assert bodies[0] == "قبل" and len(bodies) == 5


# --- bad files ---------------------------------------------------------------------------


def _annotation_in(data: dict[str, Any], document_id: int) -> dict[str, Any]:
    return next(
        a
        for a in data["annotations"]
        if a["document_id"] == document_id and a["anchor"] != "orphaned"
    )


def _quote_mismatch(data: dict[str, Any], info: Rich) -> str:
    record = _annotation_in(data, info.seeds[2])
    record["quote"] = "ليس هذا النص"
    return f'annotation {record["id"]}: its quote "ليس هذا النص" does not match'


def _utf16_offsets(data: dict[str, Any], info: Rich) -> str:
    """What a JavaScript tool would write: UTF-16 offsets, one too far after the emoji."""
    record = next(
        a for a in data["annotations"] if a["document_id"] == info.emoji_doc and a["start"] == 6
    )
    record["start"], record["end"] = 7, 14
    return f"annotation {record['id']}: its quote .* \\(offsets count code points\\)"


def _out_of_range(data: dict[str, Any], info: Rich) -> str:
    record = _annotation_in(data, info.emoji_doc)
    record["end"] = len(EMOJI_TEXT) + 5
    return f"annotation {record['id']} covers characters .* outside document {info.emoji_doc}"


def _unknown_label(data: dict[str, Any], info: Rich) -> str:
    record = _annotation_in(data, info.seeds[0])
    record["label_id"] = 999
    return f"annotation {record['id']} refers to label 999, which is not in the file"


def _missing_text(data: dict[str, Any], info: Rich) -> str:
    del data["documents"][0]["text"]
    return f'document {info.seeds[0]}: required field "text" is missing'


def _ill_typed(data: dict[str, Any], info: Rich) -> str:
    record = _annotation_in(data, info.seeds[0])
    record["start"] = "10"
    return f'annotation {record["id"]}: "start" must be an integer, not a string'


def _bad_choice(data: dict[str, Any], info: Rich) -> str:
    data["claims"][0]["stance"] = "maybe"
    return '"stance" must be one of "asserts", "denies", not "maybe"'


def _duplicate_id(data: dict[str, Any], info: Rich) -> str:
    data["notes"].append(dict(data["notes"][0]))
    return f"two notes have the same id {data['notes'][0]['id']}"


def _several(data: dict[str, Any], info: Rich) -> str:
    for record in data["annotations"][:7]:
        record["author"] = None
    return r"\(7 problems\): .*; and 2 more\. Nothing was imported\."


def _wrong_format(data: dict[str, Any], info: Rich) -> str:
    data["format"] = "brat"
    return "is not a Hamish export \\(its format is 'brat'"


def _newer(data: dict[str, Any], info: Rich) -> str:
    data["version"] = FORMAT_VERSION + 1
    return "newer version of Hamish \\(export format version 2; this version reads up to 1\\)"


CORRUPTIONS = {
    "quote-mismatch": _quote_mismatch,
    "utf16-offsets": _utf16_offsets,
    "offset-out-of-range": _out_of_range,
    "unknown-label": _unknown_label,
    "missing-field": _missing_text,
    "ill-typed": _ill_typed,
    "bad-choice": _bad_choice,
    "duplicate-id": _duplicate_id,
    "several": _several,
    "wrong-format": _wrong_format,
    "newer-version": _newer,
}


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Project]:
    """A non-empty project a bad file must leave exactly as it was."""
    project = Project.open(tmp_path / "target.hamish")
    doc = project.documents.add(seed_drafts()[4])
    annotate(project, doc, 0, 10, "person", note=NOTE)
    yield project
    project.close()


@pytest.mark.parametrize("corruption", list(CORRUPTIONS), ids=list(CORRUPTIONS))
def test_bad_file_is_rejected_and_project_unchanged(
    rich: tuple[Project, Rich],
    exported: Path,
    target: Project,
    tmp_path: Path,
    corruption: str,
) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    message = CORRUPTIONS[corruption](data, rich[1])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = dump(target.database)
    with pytest.raises(ImportRejected, match=message) as caught:
        import_json(target, bad)
    assert str(caught.value).startswith("bad.json ")
    assert dump(target.database) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "hamish",\n "version": 1,,\n}', "not valid JSON: .* line 2, column 15"),
        ('{"format": "hamish", "version": NaN}', "not valid JSON: NaN is not allowed"),
        ("", "is empty"),
        ("[1, 2]", "not a Hamish export \\(it holds a list, not an object\\)"),
        ('{"version": 1}', 'not a Hamish export \\(it has no "format" field'),
        ('{"format": "hamish", "version": "1"}', 'no valid format "version"'),
        ('{"format": "hamish", "version": 1}', 'required field "documents" is missing'),
        ('{"format": "hamish", "version": 1, "documents": {}}', '"documents" must be a list'),
        (
            '{"format": "hamish", "version": 1, "documents": [], "labels": [{"id": 1e3}]}',
            '"id" must be an integer, not a decimal number',
        ),
        # An attack: the last of a key written twice was taken without a word.
        ('{"format": "hamish", "version": 1, "version": 2}', 'key "version" is written twice'),
        # … and a number of 5,000 digits answered with Python's advice about its limit.
        ('{"format": "hamish", "version": 1' + "0" * 5000 + "}", "a number of 5,001 digits"),
    ],
    ids=[
        "syntax",
        "nan",
        "empty",
        "array",
        "no-format",
        "string-version",
        "no-documents",
        "documents-not-list",
        "float-id",
        "key-twice",
        "long-number",
    ],
)
def test_malformed_json_is_rejected(
    target: Project, tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    before = dump(target.database)
    with pytest.raises(ImportRejected, match=message):
        import_json(target, bad)
    assert dump(target.database) == before


def test_file_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.io.importers import json_import

    with pytest.raises(ImportRejected, match="does not exist"):
        read_project_json(tmp_path / "missing.json")
    with pytest.raises(ImportRejected, match="is a folder"):
        read_project_json(tmp_path)
    big = tmp_path / "big.json"
    big.write_bytes(b"{}" + b" " * 1_600_000)
    monkeypatch.setattr(json_import, "MAX_BYTES", 1024 * 1024)
    with pytest.raises(ImportRejected, match="is 2 MB; Hamish imports JSON files of up to 1 MB"):
        read_project_json(big)
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"format": "hamish", "x": "é"}'.encode("latin-1"))
    with pytest.raises(ImportRejected, match="not UTF-8"):
        read_project_json(latin)


def test_database_constraint_failure_rolls_back_everything(exported: Path, target: Project) -> None:
    """Validation cannot foresee every constraint: a failure on the last table must still
    leave nothing of the rows already written in the same load."""
    data = read_project_json(exported)
    data["notes"].append({**data["notes"][0], "id": 999, "document_id": None, "body": None})
    before = dump(target.database)
    with pytest.raises(ImportRejected, match="note 999 breaks a rule of the project"):
        load(target.database, data)
    assert dump(target.database) == before


# --- atomic writing ----------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
def test_failed_write_leaves_nothing(
    rich: tuple[Project, Rich],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    existing: bool,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "export.json"
    if existing:
        target.write_text("previous export", encoding="utf-8")

    def full_disk(obj: object, fp: Any, **kwargs: Any) -> None:
        fp.write('{"format": "hamish", "documents": [')
        fp.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(json_export.json, "dump", full_disk)
    with pytest.raises(HamishError, match=r"No space left on device\. Nothing was exported") as e:
        export_json(rich[0], target, overwrite=existing)
    assert ("left as it was" in str(e.value)) == existing
    assert _leftovers(folder) == (["export.json"] if existing else [])
    if existing:
        assert target.read_text(encoding="utf-8") == "previous export"


def test_unserialisable_value_leaves_nothing(
    rich: tuple[Project, Rich], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug half-way through (after many bytes were written) must not leave a partial file."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "export.json"
    target.write_text("previous export", encoding="utf-8")
    real_dump = json_export.dump

    def poisoned(*args: Any, **kwargs: Any) -> dict[str, Any]:
        content = real_dump(*args, **kwargs)
        content["notes"][-1]["body"] = object()
        return content

    monkeypatch.setattr(json_export, "dump", poisoned)
    with pytest.raises(TypeError, match="not JSON serializable"):
        export_json(rich[0], target, overwrite=True)
    assert _leftovers(folder) == ["export.json"]
    assert target.read_text(encoding="utf-8") == "previous export"


def test_export_target_checks(rich: tuple[Project, Rich], tmp_path: Path) -> None:
    project = rich[0]
    with pytest.raises(HamishError, match="does not exist"):
        export_json(project, tmp_path / "missing" / "x.json")
    with pytest.raises(HamishError, match="is a folder"):
        export_json(project, tmp_path)
    with pytest.raises(HamishError, match="is the project itself"):
        export_json(project, project.path)
    assert project.documents.count() == 6


def test_export_keeps_permissions_of_replaced_file(
    rich: tuple[Project, Rich], tmp_path: Path
) -> None:
    target = tmp_path / "shared.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    export_json(rich[0], target, overwrite=True)
    assert target.stat().st_mode & 0o777 == 0o640
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "hamish"
