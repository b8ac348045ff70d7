"""Hostile inputs to the exchange formats' sniffers and importers found by an attack on
issue 17: each of these once hung, lost data or crashed."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop.io.exchange import common, w3c


def _refuse_to_open(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("a pipe was opened: this waits for a writer that never comes")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_sniffing_a_pipe_named_zip_never_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `hamish import p.zip` on a named pipe hung forever in exchange_format: ZipFile opened it.
    pipe = tmp_path / "p.zip"
    os.mkfifo(pipe)
    monkeypatch.setattr(zipfile, "ZipFile", _refuse_to_open)
    assert common.exchange_format(pipe) is None  # the article importer refuses it, by name


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_sniffing_a_pipe_named_json_never_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `hamish import p.json` on a named pipe hung forever in looks_like_w3c.
    pipe = tmp_path / "p.json"
    os.mkfifo(pipe)
    monkeypatch.setattr(Path, "open", _refuse_to_open)
    assert not w3c.looks_like_w3c(pipe)  # the JSON importer refuses it, by name
