"""The shared records."""

from __future__ import annotations

from desktop.core import models


def test_record_fields_are_annotated_with_types_not_strings() -> None:
    """models.py evaluates its annotations (no ``from __future__ import annotations``): as
    strings, NamedTuple compiled each field's into a ForwardRef at every start-up."""
    assert models.Document.__annotations__["id"] is int
    assert models.DocumentSummary.__annotations__["published"] == str | None
    assert models.ChangeSet.__annotations__["documents_added"] == tuple[int, ...]
