"""Derived views of a project: the entity network (and timelines), Qt-free."""
