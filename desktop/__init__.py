"""Hamish (هامش): an Arabic-first reader and annotator for news analysts."""

__version__ = "0.1.0"
