"""Every row one edit writes carries one time: the clock ticking between an entity a tag made
and the tag itself made the entity look older than its tag, and deleting the mistaken tag then
left the entity behind (it seemed the analyst's own). A test failed now and then for it."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from desktop.ops import annotations
from desktop.store.db import utcnow
from desktop.store.project import Project
from tests.ops.common import label_of, one_article

TEXT = "قال المتحدث باسم الكرملين إن بوتين التقى وزير الخارجية جون كيري في جنيف."


@pytest.fixture
def ticking(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clock a second later at every reading."""
    seconds = itertools.count()
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    class Ticking(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Ticking:  # type: ignore[override]
            moment = start + dt.timedelta(seconds=next(seconds))
            return cls.fromtimestamp(moment.timestamp(), tz)

    monkeypatch.setattr(dt, "datetime", Ticking)


@pytest.mark.usefixtures("ticking")
def test_a_mistaken_tag_deleted_takes_its_entity_whatever_the_clock(tmp_path: Path) -> None:
    project: Project = one_article(tmp_path / "p.hamish", TEXT)
    assert utcnow() != utcnow()  # the clock does tick
    start = TEXT.index("التقى")
    plan = annotations.plan_selection(
        project, TEXT, 1, start, start + len("التقى"), label_of(project, "person"), "me"
    )
    (mistake,) = annotations.add_annotations(project, [plan]).value
    entity_id = project.annotations.get(mistake).entity_id
    assert entity_id is not None
    annotations.delete_annotation(project, mistake)
    assert not project.entities.exists(entity_id)
    project.close()


@pytest.mark.usefixtures("ticking")
def test_one_transaction_reads_one_time(tmp_path: Path) -> None:
    project: Project = one_article(tmp_path / "p.hamish", TEXT)
    with project.database.transaction():
        first = utcnow()
        with project.database.transaction():  # joined: the same time
            assert utcnow() == first
        assert utcnow() == first
    assert utcnow() != first
    project.close()
