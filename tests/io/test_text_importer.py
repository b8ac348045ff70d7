from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.importers.text import MAX_BYTES, read_text_file

ARTICLE = "وقال كيري، من جهته، إن «روسيا والولايات المتحدة تستطيعان سوية فعل الكثير».\n"


def test_utf8_article(tmp_path: Path) -> None:
    path = tmp_path / "kerry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    draft = read_text_file(path)
    assert draft.text == ARTICLE
    assert draft.direction == "rtl"
    assert draft.origin == str(path.resolve())
    assert draft.title


def test_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "عنوان\r\nنص المقال.".encode())
    draft = read_text_file(path)
    assert draft.text == "نص المقال."  # the headline is the title, not the body's first line
    assert draft.title == "عنوان"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"\x00\x01\x02binary\x00data" * 20, "binary"),
        ("line one\nПривет, как дела".encode("koi8-r"), "not UTF-8.*line 2"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "binary file \\(a PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00word/document.xml", "a Word document"),
        (b"\xef\xbb\xbf", "is empty"),
        # Found by tests/fuzz: text of nothing but control characters became an article
        # with an empty text (the controls were removed after the emptiness check).
        (b"\x1b\x1b\n\x1b\x7f", "nothing but control characters"),
        (b"\x8a", "nothing but control characters"),
    ],
    ids=[
        "empty",
        "blank",
        "binary",
        "koi8-r",
        "pdf-named-txt",
        "docx-named-txt",
        "bom-only",
        "escapes-only",
        "c1-only",
    ],
)
def test_bad_files_are_rejected_and_untouched(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ImportRejected, match=message):
        read_text_file(path)
    assert path.read_bytes() == content


def test_oversized_file_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ImportRejected, match="larger than 50 MB"):
        read_text_file(path)


def test_a_file_that_grew_after_its_size_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``read_limited`` reads what the file system said the file holds and a byte more; a
    file that grew since is read on, up to the limit (and refused beyond it), never cut."""
    from desktop.io.importers import common

    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 100)
    real_stat = Path.stat

    def stale(self: Path, **kwargs: bool) -> os.stat_result:
        fields = list(real_stat(self, **kwargs))
        fields[6] = 10  # st_size, as it was before the file grew
        return os.stat_result(fields)

    monkeypatch.setattr(Path, "stat", stale)
    assert common.read_limited(path) == b"x" * 100
    assert common.read_limited(path, 100) == b"x" * 100
    with pytest.raises(ImportRejected, match=r"growing\.txt is"):
        common.read_limited(path, 99)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportRejected, match="does not exist"):
        read_text_file(tmp_path / "missing.txt")
    with pytest.raises(ImportRejected, match="is a folder"):
        read_text_file(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(ImportRejected, match="permission denied"):
            read_text_file(path)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize(
    ("codec", "bom"),
    [
        ("cp1256", b""),
        ("iso-8859-6", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
)
def test_legacy_and_utf16_files(tmp_path: Path, codec: str, bom: bytes) -> None:
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(bom + ARTICLE.replace("\n", "\r\n").encode(codec, errors="ignore"))
    draft = read_text_file(path)
    expected = ARTICLE if codec != "iso-8859-6" else ARTICLE.replace("«", "").replace("»", "")
    assert draft.text == expected
    assert draft.direction == "rtl" and draft.language == "ar"


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# بيان الخارجية\n\nأعلنت الوزارة *اليوم* عن جولة جديدة.\n", encoding="utf-8")
    draft = read_text_file(path)
    assert draft.title == "بيان الخارجية"
    # The marks go, the words stay: "# " and "*" read as noise in the reader and the briefing.
    # The heading is the title, shown above the body: the body does not repeat it.
    assert draft.text == "أعلنت الوزارة اليوم عن جولة جديدة.\n"


def test_markdown_marks_are_taken_out_and_every_word_kept(tmp_path: Path) -> None:
    path = tmp_path / "visit.md"
    path.write_text(
        "# وزير الخارجية يزور **عمّان** #\n\n"
        "> قال الوزير إن *المحادثات* كانت [مثمرة](https://example.org/a).\n\n"
        "---\n"
        "- البند \\*الأول\\* و`رمز`\n"
        "- صورة: ![الوزير](a.png)\n"
        "```\n**كما هي** في الشيفرة\n```\n"
        "الرقم 3*4*5 و snake_case_name\n"
        "عنوان ثانٍ\n=========\n",
        encoding="utf-8",
    )
    draft = read_text_file(path)
    assert draft.title == "وزير الخارجية يزور عمّان"
    assert draft.text.split("\n") == [
        "قال الوزير إن المحادثات كانت مثمرة.",
        "",
        "",
        "- البند *الأول* ورمز",
        "- صورة: الوزير",
        "**كما هي** في الشيفرة",
        "الرقم 3*4*5 و snake_case_name",
        "عنوان ثانٍ",
        "",
        "",
    ]


def test_hostile_markdown_lines_cost_their_length(tmp_path: Path) -> None:
    # Marks that never close: each pattern stops at the next mark, so these take a moment;
    # a line past the limit is kept as written.
    from desktop.io.importers.markdown import LONGEST, plain_text

    opened = "[**(" * (LONGEST // 4 - 1)
    assert plain_text(opened).count("[") == opened.count("[")
    unclosed = ("*" + "ا" * 50 + " ") * (LONGEST // 53)
    assert plain_text(unclosed).count("ا") == unclosed.count("ا")
    long = "**كلمة** " * (LONGEST // 9 + 10)
    assert plain_text(long) == long.replace("**", "")  # linear patterns: long lines too
    assert plain_text("**كلمة**") == "كلمة"
    # A run of "[" (each scanned to the line's end: 2.4 s a line) and a heading of spaces
    # (every split tried: 53 s for 3,000, hours for 20,000) — found by an attack.
    assert plain_text("[" * (LONGEST - 1)) == "[" * (LONGEST - 1)
    assert plain_text("[a](" * 5000) == "[a](" * 5000
    path = tmp_path / "spaces.md"
    path.write_text("# a" + " " * 5000 + "x\n\nنص.\n", encoding="utf-8")
    draft = read_text_file(path)
    assert draft.title.startswith("a") and draft.title.endswith("x")


def test_markdown_keeps_what_is_not_markup(tmp_path: Path) -> None:
    # An attack's findings: a NUL-digits run was read back as a character, words on a fence
    # line and marks inside words were dropped, and CRLF kept rules and headings' marks.
    from desktop.io.importers.markdown import plain_text

    assert plain_text("abc\x0065\x00def \\*x\\*") == "abc\x0065\x00def *x*"
    assert plain_text("snake__case__name 2**3**4") == "snake__case__name 2**3**4"
    assert plain_text("~~~ هذه كلمات مهمة ~~~\nنص") == "~~~ هذه كلمات مهمة ~~~\nنص"
    assert plain_text("```\n**كما هي**\n```\n**ليس**") == "**كما هي**\nليس"
    path = tmp_path / "crlf.md"
    path.write_bytes("# عنوان ##\r\n---\r\nنص **مهم**\r\n".encode())
    draft = read_text_file(path)
    assert (draft.title, draft.text) == ("عنوان", "نص مهم\n")


def test_markdown_of_marks_alone_is_refused_in_words(tmp_path: Path) -> None:
    # "# " became an article of no text once its marks were taken out (found by fuzzing).
    path = tmp_path / "marks.md"
    path.write_text("# \n\n---\n", encoding="utf-8")
    with pytest.raises(ImportRejected, match="holds only Markdown marks, no text"):
        read_text_file(path)


def test_a_markdown_header_is_the_articles_metadata(tmp_path: Path) -> None:
    # A trial: the header's "title: …" line became the title, its lines the body's first,
    # and the article had no date.
    path = tmp_path / "lavrov.md"
    path.write_text(
        "---\n"
        "Title: 'لافروف في أنقرة'\n"
        "date: 2024-05-20\n"
        'author: "سامي الحسن"\n'
        "Source: وكالة الأنباء\n"
        "link: https://example.org/lavrov  # the original\n"
        "tags:\n  - روسيا\n  - تركيا\n"
        "---\n"
        "# لافروف يلتقي أردوغان في أنقرة\n\nأنقرة - قال الوزير.\n",
        encoding="utf-8",
    )
    draft = read_text_file(path)
    assert draft.title == "لافروف في أنقرة"  # the header's title: the author's own
    assert draft.published == "2024-05-20"
    assert (draft.author, draft.source) == ("سامي الحسن", "وكالة الأنباء")
    assert draft.url == "https://example.org/lavrov"
    assert draft.text == "لافروف يلتقي أردوغان في أنقرة\n\nأنقرة - قال الوزير.\n"
    assert "tags: روسيا, تركيا" in draft.import_notes


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2024-05-20T09:30:00+03:00", "2024-05-20"),
        ('"2024/05/20"', "2024-05-20"),
        ("20 أيار 2024", "2024-05-20"),
        ("May 20, 2024", "2024-05-20"),
        ("٢٠٢٤-٠٥-٢٠", "2024-05-20"),
    ],
)
def test_a_markdown_headers_date_in_the_usual_forms(
    tmp_path: Path, date: str, expected: str
) -> None:
    path = tmp_path / "dated.md"
    path.write_text(f"---\ndate: {date}\n---\n# عنوان\n\nنص.\n", encoding="utf-8")
    draft = read_text_file(path)
    assert (draft.published, draft.title, draft.import_notes) == (expected, "عنوان", "")


def test_a_markdown_headers_impossible_date_is_left_out_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text(
        "---\nDATE: 2024-02-31\n---\n# عنوان\n\nعمّان - 3 آذار 2024 - نص.\n", encoding="utf-8"
    )
    draft = read_text_file(path)
    assert draft.published == "2024-03-03"  # the dateline's, then
    assert 'date "2024-02-31" was left out' in draft.import_notes
    path.write_text("---\ndate: 05/06/2024\n---\nنص.\n", encoding="utf-8")
    assert read_text_file(path).published is None  # which is the month? not guessed


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "\\\\evil\\share", "https://a.b/x y", "file:///etc/passwd"]
)
def test_a_markdown_headers_address_that_is_no_web_address_is_left_out(
    tmp_path: Path, address: str
) -> None:
    """An attack: stored as written, it made the project's own JSON export refuse to import
    again ("url must be empty or a web address"), and it could have become a link."""
    path = tmp_path / "url.md"
    path.write_text(f"---\nurl: {address}\n---\nنص.\n", encoding="utf-8")
    draft = read_text_file(path)
    assert draft.url == ""
    assert "address" in draft.import_notes and "was left out" in draft.import_notes
    path.write_text("---\nlink: https://example.com/a?b=1\n---\nنص.\n", encoding="utf-8")
    assert read_text_file(path).url == "https://example.com/a?b=1"


def test_a_markdown_headers_block_value_is_its_indented_lines(tmp_path: Path) -> None:
    """An attack: ``title: |`` gave the title "|", the lines under it lost."""
    path = tmp_path / "block.md"
    path.write_text(
        "---\ntitle: |\n  عنوان على\n  سطرين\nauthor: >-\n  سلمى العلي\ndate: 2024-05-20\n---\n"
        "نص.\n",
        encoding="utf-8",
    )
    draft = read_text_file(path)
    assert (draft.title, draft.author, draft.published) == (
        "عنوان على سطرين",
        "سلمى العلي",
        "2024-05-20",
    )


@pytest.mark.parametrize(
    "markdown",
    [
        "---\nهذا نص بين خطين\n---\nوهذا بعده.\n",  # rules around prose: no header
        "---\n# عنوان\n---\nنص.\n",
        "---\n---\nنص.\n",
        "---\ntitle: بلا نهاية\nنص لا يغلق الرأس.\n",
        "---\ntitle: بلا نهاية\ndate: 2024-05-20\n",  # never closed
        "---\ntitle: كبير\n" + "key: value\n" * 250 + "---\nنص.\n",  # too many lines
        "---\ntitle: كبير\nx: " + "ا " * 500_000 + "\n---\nنص.\n",  # 1 MB header
        "---\ntitle: خبر\n\x07\x1b[31m \xff\xfe\ufffd junk\n---\nنص.\n",  # junk
    ],
)
def test_what_is_no_markdown_header_is_kept_as_text(tmp_path: Path, markdown: str) -> None:
    from desktop.io.importers.markdown import front_matter

    assert front_matter(markdown) == (None, markdown)
    path = tmp_path / "ruled.md"
    path.write_text(markdown, encoding="utf-8")
    draft = read_text_file(path)
    assert draft.published is None and draft.author == ""
    words = [w for w in markdown.split() if w != "---" and w.isalpha() and len(w) > 3]
    assert all(word in f"{draft.title}\n{draft.text}" for word in words)  # nothing lost


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "الرباط 12 آذار 2024 (أ ف ب) — أعلنت الوزارة اتفاقا جديدا للصيد البحري مع الجارة "
            "الشمالية في المياه الإقليمية بعد مفاوضات طويلة.\nوقال الوزير.\n",
            "أعلنت الوزارة اتفاقا جديدا للصيد البحري مع الجارة الشمالية في المياه الإقليمية بعد…",
        ),
        ("عمّان – ٣ كانون الأوّل ٢٠٢٤ – وصل الوزير\nنص.\n", "وصل الوزير"),
        ("الخميس 3 آذار 2024\nوصل الوزير\nنص المقال.\n", "وصل الوزير"),
        ("عنوان قصير\nعمّان – ٣ كانون الأول ٢٠٢٤ – قال الوزير.\n", "عنوان قصير"),
    ],
)
def test_a_text_that_opens_with_its_dateline_is_titled_by_the_words_after_it(
    tmp_path: Path, text: str, title: str
) -> None:
    """A trial: every agency story in the library began «الرباط 12 آذار 2024 (أ ف ب) —»,
    its dateline taken for its title. The text itself keeps the dateline (only a first line
    that is the title itself leaves the body)."""
    path = tmp_path / "agency.txt"
    path.write_text(text, encoding="utf-8")
    draft = read_text_file(path)
    assert draft.title == title
    assert draft.published is not None
    first, rest = text.split("\n", 1)
    assert draft.text.startswith(rest if first == title else first)


HEADLINE = "لافروف وكيري يتفقان على خطوات جديدة"
BODY = "قال المتحدث باسم الوزارة إن الاجتماع كان مثمراً.\nوأضاف أن المحادثات ستستمر.\n"


def test_a_text_files_headline_is_its_title_and_not_its_body_s_first_line(
    tmp_path: Path,
) -> None:
    """The reader shows the title above the body: a first line kept as both showed the
    headline twice. The file itself is untouched."""
    path = tmp_path / "talks.txt"
    path.write_text(f"\n{HEADLINE}\n\n{BODY}", encoding="utf-8")
    draft = read_text_file(path)
    assert (draft.title, draft.text) == (HEADLINE, BODY)
    assert path.read_text(encoding="utf-8") == f"\n{HEADLINE}\n\n{BODY}"
    # A first line that is not the title (a long opening sentence, cut) stays in the body,
    # and so does a file of one line.
    sentence = "قال المتحدث باسم الوزارة إن الاجتماع الذي عقد أمس في جنيف كان مثمراً جداً وإن "
    for text in (f"{sentence * 2}\n{BODY}", f"{HEADLINE}\n"):
        path.write_text(text, encoding="utf-8")
        assert read_text_file(path).text == text


def test_a_file_imported_whole_before_is_still_a_duplicate_and_exports_round_trip(
    tmp_path: Path,
) -> None:
    from desktop.core.errors import DuplicateDocument
    from desktop.core.text import make_draft
    from desktop.io.batch import import_paths
    from desktop.io.exporters.json_export import export_json
    from desktop.io.importers.json_import import import_json
    from desktop.store.project import Project

    path = tmp_path / "talks.txt"
    path.write_text(f"{HEADLINE}\n{BODY}", encoding="utf-8")
    with Project.open(tmp_path / "old.hamish") as old:
        # What an import stored before the headline left the body: the whole text.
        kept = old.documents.add(make_draft(f"{HEADLINE}\n{BODY}"))
        report = import_paths(old.documents, [path]).report
        assert [(Path(p).name, d) for p, d in report.duplicates] == [("talks.txt", kept)]
        assert old.documents.get(kept).text == f"{HEADLINE}\n{BODY}"  # never changed
        assert isinstance(old.documents.add_many([read_text_file(path)])[0], DuplicateDocument)
    with Project.open(tmp_path / "new.hamish") as new:
        (stored,) = [d for _, d in import_paths(new.documents, [path]).report.imported]
        assert new.documents.get(stored).text == BODY
        assert import_paths(new.documents, [path]).report.duplicates  # the same file again
        export_json(new, tmp_path / "new.json")
    with Project.open(tmp_path / "copy.hamish") as copy:
        import_json(copy, tmp_path / "new.json")
        (again,) = copy.database.conn.execute("SELECT id FROM documents").fetchall()
        restored = copy.documents.get(again[0])
        assert (restored.title, restored.text) == (HEADLINE, BODY)
        assert import_paths(copy.documents, [path]).report.duplicates
