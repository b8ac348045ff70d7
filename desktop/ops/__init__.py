"""Every edit of a project, as a Qt-free operation.

An operation takes the open :class:`~desktop.store.project.Project` and its arguments, does
its work in one store transaction and returns an :class:`~desktop.ops.outcome.Outcome`: what
changed (a :class:`~desktop.core.models.ChangeSet` for every view) and how to undo it (another
operation, whose own outcome says how to redo). The window wraps outcomes in one thin undo
command (``desktop/ui/commands``); the command line calls the same functions.

Modules by what they edit: :mod:`annotations` (tag, untag, relabel, note, suggestions and
mentions accepted or rejected), :mod:`entities`, :mod:`claims`, :mod:`labels` and
:mod:`articles` (import, delete, metadata, anchors).
"""
