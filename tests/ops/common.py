"""What the operation tests share: a project of one article, and a label by its key."""

from __future__ import annotations

from pathlib import Path

from desktop.core.models import Label
from desktop.core.text import make_draft
from desktop.store.project import Project


def one_article(path: Path, text: str) -> Project:
    """A new project at ``path`` holding ``text`` as its article (id 1)."""
    project = Project.open(path)
    project.documents.add(make_draft(text))
    return project


def label_of(project: Project, key: str) -> Label:
    label = project.labels.by_key(key)
    assert label is not None, key
    return label
