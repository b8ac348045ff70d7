"""Reusable pieces with no feature of their own: row-cache models, sorting, HTML delegate,
icons."""
