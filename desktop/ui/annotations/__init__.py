"""The Annotations dock: the open article's annotations in text order, and the note editor."""
