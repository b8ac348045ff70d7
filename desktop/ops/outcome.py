"""What an operation returns: the change for the views, the way back, and a name for it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from desktop.core.models import ChangeSet

if TYPE_CHECKING:
    from desktop.store.project import Project

T_co = TypeVar("T_co", covariant=True)


class Outcome(Generic[T_co]):
    """The result of one operation, done and committed.

    ``changes`` names every row the views must refresh. ``undo`` is the operation that takes
    the project back to where it was; its own outcome's ``undo`` does this operation again, so
    undo and redo each run one function. ``undo`` is None for what cannot be undone (nothing
    was written, or a repair the analyst did not ask for). ``value`` is what the caller asked
    for: the new annotation ids, the imported articles' report…; ``notice`` says what did not
    go as asked although the step as a whole was done (an article that could not come back).

    Frozen. Written out rather than a dataclass: ``@dataclass`` compiles its methods with
    ``exec`` when the module is imported, and this one is imported before the window's
    first paint."""

    __slots__ = ("changes", "notice", "text", "undo", "value")
    changes: ChangeSet
    undo: Step | None
    text: str
    value: T_co
    notice: str  # what the analyst should know although the step succeeded

    def __init__(
        self, changes: ChangeSet, undo: Step | None, text: str, value: T_co, notice: str = ""
    ) -> None:
        init = object.__setattr__
        init(self, "changes", changes)
        init(self, "undo", undo)
        init(self, "text", text)
        init(self, "value", value)
        init(self, "notice", notice)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"an Outcome is frozen: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"an Outcome is frozen: cannot delete {name}")

    def _fields(self) -> tuple[object, ...]:
        return (self.changes, self.undo, self.text, self.value, self.notice)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Outcome):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Outcome(changes={self.changes!r}, undo={self.undo!r}, text={self.text!r}, "
            f"value={self.value!r}, notice={self.notice!r})"
        )


Step = Callable[["Project"], Outcome[object]]
"""An operation with its arguments bound: run it on the project, get its outcome."""

Operation = Step
"""The same, as the window hands it to ``ProjectSession.run``."""


# Control characters and explicit bidi controls in a title or quote would scramble the menu
# item they are shown in (the window isolates names itself).
_CONTROLS = "[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]"


def short(text: str, limit: int = 28) -> str:
    """A quote or name shortened for the Edit menu ("Undo Tag “…”")."""
    text = " ".join(re.sub(_CONTROLS, " ", text).split())  # compiled on first use
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
