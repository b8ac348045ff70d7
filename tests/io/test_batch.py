"""Batches of files and folders: every format, every bad input with its reason, duplicates,
cancellation, and nothing half-imported."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.errors import ImportRejected
from desktop.core.records import DocumentDraft
from desktop.io import worker
from desktop.io.batch import expand_paths, import_paths, load_file
from desktop.io.importers import common, text
from desktop.store.project import Project

from .import_files import DATA, PDF_PARAGRAPHS, make_docx

ARTICLE = "بيان الخارجية\nأعلنت الوزارة اليوم عن جولة جديدة من المفاوضات في جنيف."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.hamish") as opened:
        yield opened


def _article(n: int) -> str:
    return f"مقال رقم {n}\nقال المتحدث باسم الوزارة إن الاجتماع رقم {n} كان مثمراً."


def test_a_folder_of_every_format(
    tmp_path: Path, project: Project, arabic_pdfs: dict[str, Path]
) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "a.txt").write_text(_article(1), encoding="utf-8")
    (folder / "b.txt").write_bytes(_article(2).encode("cp1256"))
    (folder / "c.txt").write_bytes(b"\xff\xfe" + _article(3).encode("utf-16-le"))
    (folder / "d.md").write_text("# عنوان\n\n" + _article(4), encoding="utf-8")
    shutil.copy(DATA / "news_page.html", folder / "e.html")
    make_docx(folder / "f.docx", [_article(6)], title="وثيقة")
    shutil.copy(arabic_pdfs["logical"], folder / "sub" / "g.pdf")
    (folder / "sub" / "deeper" / "h.eml").write_bytes(
        b"From: a@b.example\r\nSubject: =?utf-8?b?2LHYs9in2YTYqQ==?=\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + _article(8).encode()
    )
    (folder / ".hidden.txt").write_text(_article(9), encoding="utf-8")
    (folder / ".git" / "HEAD.txt").write_text(_article(10), encoding="utf-8")
    (folder / "~$f.docx").write_bytes(b"lock")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "table.csv").write_text("a,b\n", encoding="utf-8")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")

    progress: list[tuple[int, int, str]] = []
    result = import_paths(project.documents, [folder], progress=lambda *a: progress.append(a))
    report = result.report
    assert not report.failed, report.failed
    names = [Path(path).name for path, _ in report.imported]
    assert names == ["a.txt", "b.txt", "c.txt", "d.md", "e.html", "f.docx", "g.pdf", "h.eml"]
    skipped = {Path(f.path).name: f.reason for f in result.skipped}
    assert set(skipped) == {"photo.png", "table.csv", "old.doc"}
    assert "does not import .png files" in skipped["photo.png"]
    assert "save it as .docx" in skipped["old.doc"]
    assert progress[0] == (0, 8, "a.txt") and progress[-1] == (8, 8, "")
    by_name = {Path(p).name: project.documents.get(i) for p, i in report.imported}
    # A text file's headline is its title, and is not repeated at the start of its body.
    assert (by_name["b.txt"].title, by_name["b.txt"].text) == tuple(_article(2).split("\n"))
    assert by_name["c.txt"].text == _article(3).split("\n")[1]
    assert by_name["d.md"].title == "عنوان"
    assert by_name["e.html"].source == "صحيفة المرصد"
    assert by_name["f.docx"].title == "وثيقة"
    assert by_name["g.pdf"].text == "\n".join(PDF_PARAGRAPHS)
    assert by_name["h.eml"].title == "رسالة"
    assert all(d.direction == "rtl" for d in by_name.values())
    assert project.documents.count() == 8


def test_bad_inputs_each_get_a_reason_and_the_rest_continues(
    tmp_path: Path, project: Project, arabic_pdfs: dict[str, Path]
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "1-good.txt").write_text(_article(1), encoding="utf-8")
    good_docx = make_docx(tmp_path / "good.docx", [_article(2)]).read_bytes()
    (folder / "2-corrupt.docx").write_bytes(good_docx[: len(good_docx) // 2])
    pdf = arabic_pdfs["logical"].read_bytes()
    (folder / "3-corrupt.pdf").write_bytes(b"%PDF-1.4\n" + b"\x13\x37garbage" * 50)
    (folder / "4-binary.txt").write_bytes(b"\x00\x01\x02\x03binary" * 64)
    (folder / "5-empty.txt").touch()
    with (folder / "6-huge.txt").open("wb") as handle:  # sparse: no disk, no reading
        handle.truncate(200 * 1024 * 1024)
    (folder / "7-good.pdf").write_bytes(pdf)
    (folder / "8-pdf-named.html").write_bytes(pdf)
    result = import_paths(project.documents, [folder])
    report = result.report
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    assert [Path(p).name for p, _ in report.imported] == ["1-good.txt", "7-good.pdf"]
    assert "not a valid Word document" in reasons["2-corrupt.docx"]
    assert "not a valid PDF" in reasons["3-corrupt.pdf"]
    assert "binary file" in reasons["4-binary.txt"]
    assert "is empty" in reasons["5-empty.txt"]
    assert "200 MB" in reasons["6-huge.txt"] and "larger than 50 MB" in reasons["6-huge.txt"]
    assert "named like a web page but is a PDF" in reasons["8-pdf-named.html"]
    assert len(reasons) == 6
    assert project.documents.count() == 2  # nothing half-imported


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_and_folder(tmp_path: Path, project: Project) -> None:
    folder = tmp_path / "locked"
    (folder / "inner").mkdir(parents=True)
    secret = folder / "secret.txt"
    secret.write_text(_article(1), encoding="utf-8")
    (folder / "inner" / "x.txt").write_text(_article(2), encoding="utf-8")
    secret.chmod(0)
    (folder / "inner").chmod(0)
    try:
        result = import_paths(project.documents, [folder])
    finally:
        secret.chmod(0o600)
        (folder / "inner").chmod(0o700)
    assert "permission denied" in result.report.failed[0].reason
    assert any("cannot be read" in s.reason for s in result.skipped)


def test_permission_denied_is_a_reason_even_as_root(
    tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path as chmod 0 for a user, simulated so it also runs as root (CI)."""
    secret = tmp_path / "secret.txt"
    secret.write_text(_article(1), encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(_article(2), encoding="utf-8")
    real_open = Path.open

    def guarded(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", guarded)
    result = import_paths(project.documents, [secret, good])
    assert result.report.failed[0].reason == f"{secret} cannot be read: permission denied."
    assert len(result.report.imported) == 1


def test_duplicates_name_the_existing_article(tmp_path: Path, project: Project) -> None:
    first = tmp_path / "first.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    again = tmp_path / "again-in-cp1256.txt"
    again.write_bytes(ARTICLE.replace("\n", "\r\n").encode("cp1256"))
    result = import_paths(project.documents, [first, again, first])
    ((_, doc_id),) = result.report.imported
    assert result.report.duplicates == [(str(again), doc_id), (str(first), doc_id)]
    assert result.total == 3


def test_cancellation_between_files_keeps_what_was_imported(
    tmp_path: Path, project: Project
) -> None:
    paths = []
    for n in range(6):
        path = tmp_path / f"{n}.txt"
        path.write_text(_article(n), encoding="utf-8")
        paths.append(path)
    loaded: list[Path] = []

    def loader(path: Path) -> DocumentDraft:
        loaded.append(path)
        return load_file(path)

    result = import_paths(
        project.documents, paths, cancelled=lambda: len(loaded) >= 2, loader=loader
    )
    assert result.cancelled
    assert len(result.report.imported) == 2
    assert project.documents.count() == 2


def test_content_decides_for_unknown_extensions(
    tmp_path: Path, arabic_pdfs: dict[str, Path]
) -> None:
    html = tmp_path / "saved-page"
    shutil.copy(DATA / "news_page.html", html)
    assert load_file(html).source == "صحيفة المرصد"
    pdf = tmp_path / "download.bin"
    shutil.copy(arabic_pdfs["logical"], pdf)
    assert load_file(pdf).text == "\n".join(PDF_PARAGRAPHS)
    plain = tmp_path / "README"
    plain.write_text(ARTICLE, encoding="utf-8")
    assert load_file(plain).text == ARTICLE.split("\n")[1]
    png = tmp_path / "picture"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(ImportRejected, match="is an image, which Hamish does not import"):
        load_file(png)
    with pytest.raises(ImportRejected, match="does not exist"):
        load_file(tmp_path / "missing.pdf")


@pytest.mark.parametrize(
    ("content", "holds"),
    [
        (b'{"format": "hamish", "version": 1, "documents": []}', "JSON"),
        (b'\xef\xbb\xbf  [{"id": 1, "text": "\xd9\x86\xd8\xb5"}]\n', "JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON"),  # too deep for the parser: no article either
        (b'<?xml version="1.0"?>\n<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"/>', "XML"),
    ],
    ids=["export", "bom-list", "deep", "xmi"],
)
def test_json_or_xml_without_an_extension_is_refused(
    tmp_path: Path, content: bytes, holds: str
) -> None:
    """``hamish import /dev/stdin < export.json`` stored the export as one article of braces
    (a file without an extension is read by its content, and JSON and XML were taken for
    prose)."""
    path = tmp_path / "stdin"
    path.write_bytes(content)
    with pytest.raises(ImportRejected, match=f"^stdin holds {holds}, not an article's text; "):
        load_file(path)


def test_prose_or_xhtml_that_looks_like_json_or_xml_is_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "wire"
    path.write_text("[رويترز] " + ARTICLE + " [انتهى]", encoding="utf-8")
    wire = load_file(path)
    assert (wire.title, wire.text) == (
        "[رويترز] بيان الخارجية",
        ARTICLE.split("\n")[1] + " [انتهى]",
    )
    page = (DATA / "news_page.html").read_bytes()
    path.write_bytes(b'<?xml version="1.0" encoding="utf-8"?>\n' + page)
    assert load_file(path).source == "صحيفة المرصد"


@pytest.mark.parametrize("content", [b"", b"  \r\n\t\n"], ids=["empty", "blank"])
@pytest.mark.parametrize("filename", ["NOTES", "notes.txt", "page.html", "old.doc"])
def test_an_empty_file_is_empty_whatever_its_name(
    tmp_path: Path, content: bytes, filename: str
) -> None:
    """Not "files without an extension" (nor any other reason about the kind): there is
    nothing in it to import."""
    path = tmp_path / filename
    path.write_bytes(content)
    with pytest.raises(ImportRejected) as caught:
        load_file(path)
    assert str(caught.value) == f"{filename} is empty."


def test_an_unexpected_parser_error_fails_one_file_only(
    tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> DocumentDraft:
        raise ValueError("parser bug")

    # Text is converted in this process (the other formats in the reader process, where
    # the same wrapping applies: tests/io/test_hostile.py).
    monkeypatch.setitem(worker.CONVERTERS, "text", broken)
    bad = tmp_path / "a.txt"
    bad.write_text(ARTICLE, encoding="utf-8")
    page = tmp_path / "b.html"
    shutil.copy(DATA / "news_page.html", page)
    result = import_paths(project.documents, [bad, page])
    assert "could not be read (ValueError: parser bug)" in result.report.failed[0].reason
    assert len(result.report.imported) == 1


def test_one_size_limit_for_every_format() -> None:
    assert text.MAX_BYTES is common.MAX_BYTES == 50 * 1024 * 1024


def test_expand_paths_walks_folders_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "b/1.txt", "a.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, skipped = expand_paths([tmp_path, tmp_path / "b" / "1.txt"])
    names = [f.relative_to(tmp_path).as_posix() for f in files]
    assert names == ["a.html", "b/1.txt", "b/2.txt", "b/1.txt"]
    assert skipped == []


def test_links_out_of_a_folder_are_not_followed(tmp_path: Path, project: Project) -> None:
    """Issue 13, failure 7: a folder import followed ``passwd.txt → /etc/passwd`` and made it
    an article. Links inside a folder that lead out of it are now left out with the reason;
    a link named explicitly is followed (the analyst chose it)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(_article(9), encoding="utf-8")
    (outside / "more.txt").write_text(_article(8), encoding="utf-8")
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "a-real.txt").write_text(_article(1), encoding="utf-8")
    (folder / "sub" / "b-real.txt").write_text(_article(2), encoding="utf-8")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "secret.txt").symlink_to(secret)
    (folder / "sub" / "relative.txt").symlink_to(Path("..") / ".." / "outside" / "more.txt")
    (folder / "outside-folder").symlink_to(outside, target_is_directory=True)
    (folder / "inside-folder").symlink_to(folder / "sub", target_is_directory=True)
    (folder / "same.txt").symlink_to(folder / "a-real.txt")  # inside: followed
    (folder / "loop.txt").symlink_to(folder / "loop.txt")

    files, skipped = expand_paths([folder])
    assert [f.relative_to(folder).as_posix() for f in files] == [
        "a-real.txt",
        "same.txt",
        "sub/b-real.txt",
    ]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert set(reasons) == {
        "passwd.txt",
        "secret.txt",
        "relative.txt",
        "outside-folder",
        "loop.txt",
    }
    assert reasons["passwd.txt"] == (
        f"{folder / 'passwd.txt'} is a link to /etc/passwd, outside the folder being imported; "
        "links out of a folder are not followed."
    )
    assert f"is a link to {outside}, outside" in reasons["outside-folder"]
    assert "cannot be followed (it loops)" in reasons["loop.txt"]

    result = import_paths(project.documents, [folder, folder / "secret.txt"])
    imported = {Path(p).name for p, _ in result.report.imported}
    assert imported == {"a-real.txt", "b-real.txt", "secret.txt"}  # the explicit link
    assert [Path(p).name for p, _ in result.report.duplicates] == ["same.txt"]
    texts = [project.documents.get(i).text for _, i in result.report.imported]
    assert not any("root:" in text for text in texts)


def test_a_folder_named_through_a_link_is_walked(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(_article(1), encoding="utf-8")
    (real / "b.txt").symlink_to(real / "a.txt")
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    files, skipped = expand_paths([tmp_path / "alias"])
    assert [f.name for f in files] == ["a.txt", "b.txt"] and skipped == []
