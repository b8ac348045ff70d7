"""What an operation returns: the change for the views, the way back, and a name for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from desktop.core.models import ChangeSet

if TYPE_CHECKING:
    from desktop.store.project import Project

T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T_co]):
    """The result of one operation, done and committed.

    ``changes`` names every row the views must refresh. ``undo`` is the operation that takes
    the project back to where it was; its own outcome's ``undo`` does this operation again, so
    undo and redo each run one function. ``undo`` is None for what cannot be undone (nothing
    was written, or a repair the analyst did not ask for). ``value`` is what the caller asked
    for: the new annotation ids, the imported articles' report…; ``notice`` says what did not
    go as asked although the step as a whole was done (an article that could not come back)."""

    changes: ChangeSet
    undo: Step | None
    text: str
    value: T_co
    notice: str = ""  # what the analyst should know although the step succeeded


Step = Callable[["Project"], Outcome[object]]
"""An operation with its arguments bound: run it on the project, get its outcome."""

Operation = Step
"""The same, as the window hands it to ``ProjectSession.run``."""


def short(text: str, limit: int = 28) -> str:
    """A quote shortened for the Edit menu ("Undo Tag “…”")."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
