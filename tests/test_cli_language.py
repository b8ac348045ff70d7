"""``hamish --lang ar import …``: the refusals and summaries in Arabic, through the window's
translations — they printed English whatever ``--lang`` said. English output is unchanged
(tests/test_cli_import.py, tests/test_cli_export.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.io.exporters.json_export import export_json
from desktop.store.project import Project


def hamish(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, HAMISH_LANG="en"),
    )


def test_a_refusal_is_said_in_arabic(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonld"
    bad.write_text(
        '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Nothing"}', encoding="utf-8"
    )
    text = tmp_path / "a.txt"
    text.write_text("قال جون كيري إن الاتفاق صامد.\n", encoding="utf-8")
    result = hamish("--lang", "ar", "import", "--project", tmp_path / "p.hamish", bad, text)
    assert result.returncode == 1
    assert result.stderr == (
        f"hamish: {bad}: bad.jsonld ليس ملف Web Annotation (مجموعة AnnotationCollection أو "
        "صفحة AnnotationPage أو تعليقات). لم يُستورد شيء.\n"
    )
    assert result.stdout.endswith("استُورد ملف واحد، لم يُتخطَّ شيء، لم يفشل شيء\n")
    english = hamish("import", "--project", tmp_path / "p.hamish", bad)
    assert "is not a Web Annotation file" in english.stderr


def test_a_project_file_s_summary_is_said_in_arabic(tmp_path: Path) -> None:
    source = Project.open(tmp_path / "source.hamish")
    source.entities.add("الأمم المتحدة", "organisation")
    out = tmp_path / "out.json"
    export_json(source, out)
    source.close()
    target = tmp_path / "target.hamish"
    assert hamish("import", "--project", target, out).returncode == 0
    result = hamish("--lang", "ar", "import", "--project", target, out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"استُورد  {out}: لا مقالات، لا تعليقات، لا وسوم، لا كيانات، لا ادعاءات "
        "(دُمجت وأُعيد ترقيمها)؛ لم يُتخطَّ أي مقال مكرر؛ كيان واحد موجود من قبل\n"
    )
