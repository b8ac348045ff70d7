"""The stored tagger model (migration 7, desktop/store/tagger.py)."""

from __future__ import annotations

from pathlib import Path

from desktop.learn import tagger
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
