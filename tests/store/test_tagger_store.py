"""The stored tagger models (migrations 7 and 8, desktop/store/tagger.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core.errors import ProjectError
from desktop.learn import tagger
from desktop.store import schema
from desktop.store.project import Project


def save(project: Project, model: bytes, *, features: int = tagger.FEATURES_VERSION) -> int:
    person = project.labels.by_key("person")
    assert person is not None
    return project.tagger.save(
        trained_at="2026-01-01T00:00:00+00:00",
        features=features,
        labels=[(person.id, person.key, person.name_en)],
        counts={"articles": 1},
        attributes=["w:x", "bad\nline", "bias"],
        model=model,
    )


def test_only_the_newest_model_is_kept_with_its_bytes(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.hamish") as project:
        assert project.tagger.latest() is None and project.tagger.latest_info() is None
        assert save(project, b"\x00first") == 1
        assert save(project, b"\x00\xffsecond") == 2
        stored = project.tagger.latest()
        assert stored is not None
        assert stored.model == b"\x00\xffsecond"
        assert stored.attributes == ("w:x", "bias")  # an attribute with a line break is dropped
        assert stored.info.generation == 2 and stored.info.counts == {"articles": 1}
        rows = project.database.conn.execute("SELECT count(*) FROM tagger_models").fetchone()
        assert rows == (1,)
    with Project.open(tmp_path / "p.hamish") as again:  # it is in the file
        assert again.tagger.latest_info().generation == 2  # type: ignore[union-attr]
        again.tagger.forget()
        assert again.tagger.latest() is None


def test_a_model_for_other_features_is_ignored(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.hamish") as project:
        save(project, b"not a model either", features=tagger.FEATURES_VERSION + 1)
        assert tagger.current_model(project) is None


def test_each_kind_keeps_its_own_newest_model(tmp_path: Path) -> None:
    """The entity tagger and the claim classifier are stored side by side: saving one does
    not replace the other, and forgetting one leaves the other."""
    with Project.open(tmp_path / "p.hamish") as project:
        store = project.tagger
        assert save(project, b"entity one") == 1
        common = {"trained_at": "2026-01-01T00:00:00+00:00", "labels": [], "attributes": []}
        assert (
            store.save(features=1, counts={"positives": 10}, model=b"claim", kind="claim", **common)
            == 2
        )
        assert save(project, b"entity two") == 3
        entity, claim = store.latest(), store.latest("claim")
        assert entity is not None and entity.model == b"entity two"
        assert claim is not None and claim.model == b"claim" and claim.info.generation == 2
        assert store.latest_info("claim").counts == {"positives": 10}  # type: ignore[union-attr]
        rows = project.database.conn.execute("SELECT count(*) FROM tagger_models").fetchone()
        assert rows == (2,)
        store.forget("claim")
        assert store.latest("claim") is None and store.latest() is not None
        store.forget()
        assert store.latest() is None


def test_a_model_of_another_kind_is_refused_by_the_schema(tmp_path: Path) -> None:
    with (
        Project.open(tmp_path / "p.hamish") as project,
        pytest.raises(ProjectError, match="CHECK constraint"),
    ):
        project.tagger.save(
            trained_at="now",
            features=1,
            labels=[],
            counts={},
            attributes=[],
            model=b"x",
            kind="sentiment",
        )


def test_a_model_stored_before_migration_8_is_the_entity_model(tmp_path: Path) -> None:
    path = tmp_path / "old.hamish"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    for migration in schema.MIGRATIONS[:7]:
        if callable(migration):
            migration(conn)
        else:
            conn.executescript(migration)
    conn.execute(
        "INSERT INTO tagger_models (generation, trained_at, features, labels, counts, model) "
        "VALUES (4, 'then', 2, '[]', '{}', x'00')"
    )
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    with Project.open(path, create=False) as project:
        assert project.database.schema_version() == schema.SCHEMA_VERSION
        stored = project.tagger.latest()
        assert stored is not None and stored.info.generation == 4 and stored.model == b"\x00"
        assert project.tagger.latest("claim") is None
