"""A hand-edited hamish.ini: every declared option read back clamped into its range, or as its
default when the file's value is not one of its type — never a crash, never an absurd size."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray

from desktop import settings
from desktop.settings import ALL_SETTINGS, Setting, Settings

ABSURD = [
    "nan",
    "NaN",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "1e999",
    "99999999999999999999999999999",
    "-99999999999999999999999999999",
    "-1",
    "0",
    "abc",
    "1, 2",  # a list to QSettings
    '"nan"',
    "",
    "@ByteArray(\\x1\\x2)",
    "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\nQByteArray\\0)",
    "true",
]


def _ini(tmp_path: Path, values: dict[str, str]) -> Settings:
    """Settings over a hamish.ini written by hand, ``key=value`` lines under their groups."""
    groups: dict[str, list[str]] = {}
    for key, value in values.items():
        group, name = key.split("/", 1)
        groups.setdefault(group, []).append(f"{name}={value}")
    text = "".join(f"[{group}]\n" + "\n".join(lines) + "\n" for group, lines in groups.items())
    path = tmp_path / "hamish.ini"
    path.write_text(text, encoding="utf-8")
    return Settings.at(path)


def _valid(setting: Setting[Any], value: Any) -> None:
    if setting.type is QByteArray:
        assert isinstance(value, QByteArray)
        return
    assert type(value) is setting.type, (setting.key, value)
    if setting.type is float:
        assert math.isfinite(value), (setting.key, value)
    if setting.minimum is not None:
        assert value >= setting.minimum, (setting.key, value)
    if setting.maximum is not None:
        assert value <= setting.maximum, (setting.key, value)
    if setting.choices:
        assert value in setting.choices, (setting.key, value)
    if setting.type is str and value != setting.default:
        assert "[" not in value, (setting.key, value)  # not a list written out as text


@pytest.mark.parametrize("raw", ABSURD)
def test_every_option_reads_an_absurd_value_as_a_valid_one(tmp_path: Path, raw: str) -> None:
    prefs = _ini(tmp_path, {setting.key: raw for setting in ALL_SETTINGS})
    for setting in ALL_SETTINGS:
        _valid(setting, prefs.get(setting))


def test_every_number_declares_its_range_and_its_default_is_in_it() -> None:
    for setting in ALL_SETTINGS:
        if setting.type in (int, float):
            assert setting.minimum is not None and setting.maximum is not None, setting.key
            assert setting.minimum <= setting.default <= setting.maximum, setting.key
        if setting.choices:
            assert setting.default in setting.choices, setting.key


@pytest.mark.parametrize(
    ("setting", "raw", "read"),
    [
        (settings.READER_FONT_SIZE, "1e308", 48.0),  # brought to the nearer end
        (settings.READER_FONT_SIZE, "-12", 8.0),
        (settings.READER_FONT_SIZE, "0", 8.0),
        (settings.READER_FONT_SIZE, "nan", 15.0),  # not a number: the default
        (settings.READER_FONT_SIZE, "inf", 15.0),
        (settings.READER_FONT_SIZE, "big", 15.0),
        (settings.READER_FONT_SIZE, "17.5", 17.5),  # a valid value as it is
        (settings.READER_ZOOM, "99999999999999999999999999999", 40),
        (settings.READER_ZOOM, "-7", -7),
        (settings.READER_ZOOM, "2.5", 0),  # steps are whole
        (settings.READER_LINE_HEIGHT, "-50", 100),
        (settings.READER_LINE_HEIGHT, "100000", 300),
        (settings.SUGGESTION_THRESHOLD, "nan", 0.6),
        (settings.SUGGESTION_THRESHOLD, "7", 1.0),
        (settings.SUGGESTION_THRESHOLD, "-0.5", 0.0),
        (settings.RETRAIN_AFTER, "0", 1),
        (settings.RETRAIN_AFTER, "-3", 1),
        (settings.RETRAIN_AFTER, "123456789", 1000),
        (settings.SNAP_TO_WORDS, "maybe", True),  # neither yes nor no: the default
        (settings.SNAP_TO_WORDS, "false", False),
        (settings.SNAP_TO_WORDS, "0", False),
        (settings.AUTHOR_ASKED, "yes", True),
        (settings.AUTHOR_NAME, "Hind, Amman", ""),  # a list to QSettings, not a name
        (settings.AUTHOR_NAME, '"Hind, Amman"', "Hind, Amman"),
        (settings.LIBRARY_SORT_COLUMN, "size", "date"),
        (settings.LIBRARY_SORT_COLUMN, "title", "title"),
        (settings.LIBRARY_SORT_DESCENDING, "false", False),
    ],
)
def test_a_hand_edited_value_is_clamped_or_the_default(
    tmp_path: Path, setting: Setting[Any], raw: str, read: Any
) -> None:
    value = _ini(tmp_path, {setting.key: raw}).get(setting)
    assert value == read and type(value) is type(read)


def test_values_written_by_hamish_read_back_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "hamish.ini"
    prefs = Settings.at(path)
    prefs.set(settings.READER_FONT_SIZE, 21.5)
    prefs.set(settings.READER_ZOOM, -3)
    prefs.set(settings.SNAP_TO_WORDS, False)
    prefs.set(settings.LIBRARY_SORT_COLUMN, "annotations")
    prefs.sync()
    again = Settings.at(path)
    assert again.get(settings.READER_FONT_SIZE) == 21.5
    assert again.get(settings.READER_ZOOM) == -3
    assert again.get(settings.SNAP_TO_WORDS) is False
    assert again.get(settings.LIBRARY_SORT_COLUMN) == "annotations"
