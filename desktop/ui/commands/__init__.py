"""The session (undo stack and change signal of one open project) and the undo command that
wraps the Qt-free operations of desktop.ops."""
