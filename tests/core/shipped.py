"""What the wheel ships of ``resources/``: ``pyproject.toml``'s package data, as patterns of
paths inside ``resources/`` (``gazetteer/*.tsv``), whichever package names the folder."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def resource_patterns() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    patterns = []
    for package, globs in config["setuptools"]["package-data"].items():
        if package == "desktop._resources" or package.startswith("desktop._resources."):
            folder = package.removeprefix("desktop._resources").strip(".").replace(".", "/")
            patterns += [f"{folder}/{glob}" if folder else glob for glob in globs]
    return patterns
