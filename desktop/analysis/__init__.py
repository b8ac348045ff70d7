"""Derived views of a project: the entity network and the claim timeline, Qt-free."""
