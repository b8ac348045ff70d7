"""Where Hamish keeps its files (following the XDG base directory spec), and making a file
written beside its target durable before it replaces it."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def _xdg(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    # The spec says relative paths are invalid and must be ignored.
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / fallback


def data_dir() -> Path:
    return _xdg("XDG_DATA_HOME", ".local/share") / "hamish"


def config_dir() -> Path:
    return _xdg("XDG_CONFIG_HOME", ".config") / "hamish"


def default_project_path() -> Path:
    return data_dir() / "default.hamish"


def settings_path() -> Path:
    return config_dir() / "hamish.ini"


def cache_dir() -> Path:
    return _xdg("XDG_CACHE_HOME", ".cache") / "hamish"


def fsync(path: Path) -> None:
    """Flush a file written in place to the disk (before it is renamed over another)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; not possible (nor needed) on every platform."""
    with contextlib.suppress(OSError, AttributeError):
        fsync(folder)
