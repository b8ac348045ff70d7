"""The sample articles a new user's default project starts with, shipped in ``seeds/``."""

from __future__ import annotations

import json
from importlib import resources

from desktop.core.records import DocumentDraft
from desktop.core.text import make_draft
from desktop.store.project import Project


def seed_drafts() -> list[DocumentDraft]:
    """Drafts for every seed listed in the manifest, in manifest order, with their titles."""
    folder = resources.files("desktop._seeds")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    drafts = []
    for entry in manifest["articles"]:
        text = (folder / entry["file"]).read_text(encoding="utf-8")
        drafts.append(
            make_draft(
                text,
                title=entry["title"],
                source=entry.get("source", ""),
                published=entry.get("published"),
                origin=f"seed:{entry['file']}",
            )
        )
    return drafts


def seed_project(project: Project) -> list[int]:
    """Store the sample articles in a new project, all in one transaction; their ids."""
    with project.database.transaction():
        return [project.documents.add(draft) for draft in seed_drafts()]
