"""The library dock (every article of the project) and article-level commands: delete,
metadata."""
