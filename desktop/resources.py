"""Paths into ``resources/``, so they work installed or from a checkout."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from desktop.core.suggest.gazetteer import Gazetteer

# A source checkout's own resources/ first: an editable install made from another checkout (a
# git worktree) maps desktop._resources to that checkout's files (ui/i18n.py does the same).
_ROOT = Path(__file__).resolve().parent.parent
_CHECKOUT = _ROOT / "resources" if (_ROOT / "pyproject.toml").is_file() else None
# Installed (a wheel, the standalone folder), the files are a folder beside this module, read
# as files; importlib.resources is only the fallback for a package that is no folder (a zip).
# Importing it cost every start-up 5.4 M instructions (of 1,180 M), for the stylesheet alone.
_INSTALLED = Path(__file__).resolve().parent / "_resources"
GAZETTEER_FILES = ("gazetteer/locations.tsv", "gazetteer/organisations.tsv")
PERSONS_FILE = "gazetteer/persons.tsv"
GIVEN_NAMES_FILE = "gazetteer/given_names.txt"
WORD_CLASSES_FILE = "gazetteer/word_classes.txt"


def resource(name: str) -> Traversable:
    if _CHECKOUT is not None and (_CHECKOUT / name).exists():
        return _CHECKOUT / name
    if (_INSTALLED / name).exists():
        return _INSTALLED / name
    from importlib import resources

    return resources.files("desktop._resources") / name


def read_text(name: str) -> str:
    return resource(name).read_text(encoding="utf-8")


def read_bytes(name: str) -> bytes:
    return resource(name).read_bytes()


@functools.cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (``resources/gazetteer``), read and compiled once per process.

    Compiling takes about half a second, so callers in the window run it in the background
    (the suggestion task) rather than at start-up.
    """
    from desktop.core.suggest.gazetteer import Gazetteer

    return Gazetteer.parse(
        *(read_text(name) for name in GAZETTEER_FILES), persons=read_text(PERSONS_FILE)
    )


@functools.cache
def given_names() -> frozenset[str]:
    """The shipped given names (``resources/gazetteer/given_names.txt``), folded, read once
    per process: a feature of the statistical tagger."""
    from desktop.core.suggest.features import parse_given_names

    return parse_given_names(read_text(GIVEN_NAMES_FILE))


@functools.cache
def search_names() -> frozenset[str]:
    """Folded one-word names the search keeps as written, never adding the article ال to
    them (``desktop.core.query.definite_stems``): the gazetteer's places and bodies, their
    variants, and the given names — سورية is not السورية (Syrian), كمال not الكمال."""
    from desktop.core.arabic import fold
    from desktop.core.query import tokens_of
    from desktop.core.suggest.gazetteer import parse_entries

    names = set(given_names())
    for name in GAZETTEER_FILES:
        for entry in parse_entries(read_text(name), name):
            for written in entry.names:
                tokens = tokens_of(fold(written))
                if len(tokens) == 1:
                    names.add(tokens[0])
    return frozenset(names)


@functools.cache
def word_classes() -> dict[str, str]:
    """The shipped word classes (``resources/gazetteer/word_classes.txt``: name particles,
    persons' occupations, organisations' head nouns), folded word → class, read once per
    process: features of the statistical tagger."""
    from desktop.core.suggest.features import parse_word_classes

    return parse_word_classes(read_text(WORD_CLASSES_FILE))
