"""Where Hamish keeps its files, following the XDG base directory spec."""

from __future__ import annotations

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
