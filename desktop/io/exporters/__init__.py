"""Exporters write project content to files. Shared rules for every format (Word, CSV, JSON):

* **Only to a regular file or a new path.** Never over a device, a pipe, a socket, a folder,
  the project, another Hamish project or any SQLite database; a read-only file is refused, a
  symbolic link is written through, and an existing file is replaced only when the caller
  allows it. ``check_export_target`` says why a path is refused, before any work is done.
* **Complete or not at all.** A crash, a full disk or a bug half-way through an export must
  never leave a truncated file that looks like a good one, nor destroy the previous export of
  the same name. So each exporter writes into a temporary file beside the target (same folder,
  hence same file system, so the final rename is atomic) and puts it in the target's place only
  once everything was written and flushed to disk (``replace_on_success``). Temporary files a
  killed export left behind are removed by the next export into that folder.

The details are in :mod:`desktop.io.exporters.files` and docs/exporting.md.
"""

from __future__ import annotations

from desktop.io.exporters.files import (
    ExportTarget,
    TargetExists,
    check_export_target,
    remove_leftovers,
    replace_on_success,
)

__all__ = [
    "ExportTarget",
    "TargetExists",
    "check_export_target",
    "remove_leftovers",
    "replace_on_success",
]
