"""Errors that reach the analyst. Each message must say what happened and what is left intact."""

from __future__ import annotations


class HamishError(Exception):
    """Base class: ``str(error)`` is a complete sentence fit for a dialog or stderr."""


class ImportRejected(HamishError):
    """A file cannot be imported; nothing was written."""


class DuplicateDocument(HamishError):
    """The same text is already in the project."""

    def __init__(self, existing_id: int) -> None:
        super().__init__(f"The same text is already in the project (document {existing_id}).")
        self.existing_id = existing_id


class ProjectError(HamishError):
    """A project file cannot be opened or written; the file was left as it was."""


class NotAProject(ProjectError):
    """The file exists but is not a Hamish project."""


class ReadOnlyProject(ProjectError):
    """The project is open read-only (its file, folder or disk cannot be written): an edit was
    refused before anything was written."""


class NewerProject(ProjectError):
    """The project was written by a newer Hamish whose schema this version does not know."""


class NotFound(HamishError):
    """An id that does not exist in the project (deleted meanwhile, or a typo on the CLI)."""


class RestoreConflict(HamishError):
    """Something deleted cannot come back as it was: what it needs was taken meanwhile (an
    article's text imported again). Only that one item is refused; the rest can come back."""
