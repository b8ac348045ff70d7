"""The Search dock (full-text search over every article) and the background index catch-up."""
