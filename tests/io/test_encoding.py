"""The legacy-encoding detector: the same Arabic text in every encoding it meets, and the
bytes it must refuse rather than import as mojibake."""

from __future__ import annotations

import codecs

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.importers.encoding import canonical_codec, decode_text, looks_binary

ARTICLE = (
    "أعلن وزير الخارجية الروسي سيرغي لافروف، بعد ساعات طويلة من المفاوضات مع نظيره الأميركي "
    "جون كيري في موسكو، أنهما اتفقا على محاربة داعش والنصرة في سوريا بلا هوادة.\n"
    "من جانبه، لفت كيري إلى أن واشنطن وموسكو اتفقتا على خطوات ملموسة لإنقاذ التهدئة."
)


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),  # Windows tools also write it BOM-less
        (ARTICLE.encode("cp1256"), "cp1256"),
        (ARTICLE.encode("iso-8859-6"), "iso8859-6"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "cp1256", "iso-8859-6"],
)
def test_the_same_article_in_every_encoding(data: bytes, codec: str) -> None:
    decoded = decode_text(data, "a.txt")
    assert decoded.text == ARTICLE
    assert decoded.encoding == codec


@pytest.mark.parametrize(
    "sentence",
    ["قال الرئيس إن المفاوضات مستمرة", "الأمم المتحدة", "كتاب جديد في المعرض", "سوريا"],
)
def test_short_texts_in_both_code_pages(sentence: str) -> None:
    for codec, name in (("cp1256", "cp1256"), ("iso-8859-6", "iso8859-6")):
        decoded = decode_text(sentence.encode(codec), "a.txt")
        assert decoded.text == sentence, (codec, decoded)
        assert decoded.encoding in (name, "cp1256")  # identical bytes in both are fine


def test_windows_1256_specific_letters_and_french() -> None:
    text = "قرار غير مسبوق للكنيست، وفق مصادر فرنسية: « c'est très grave »."
    assert decode_text(text.encode("cp1256"), "a.txt").text == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Привет, как дела сегодня в Москве", "cp1251"),
        ("Привет, как дела сегодня в Москве", "koi8-r"),
        ("Ελληνικά κείμενα για δοκιμή", "iso-8859-7"),
        ("שלום עולם, מה שלומך היום", "cp1255"),
    ],
)
def test_other_code_pages_are_refused_not_garbled(text: str, codec: str) -> None:
    with pytest.raises(ImportRejected, match=r"not UTF-8 text \(invalid byte 0x.. on line 1\)"):
        decode_text(text.encode(codec), "other.txt")


def test_declared_charset_wins_when_it_decodes() -> None:
    data = ARTICLE.encode("cp1256")
    assert decode_text(data, "page.html", declared="windows-1256").encoding == "cp1256"
    assert decode_text(data, "page.html", declared="x-cp1256").encoding == "cp1256"
    # a wrong label (pages saved by old servers say ISO-8859-1 for everything)
    assert decode_text(data, "page.html", declared="iso-8859-1").text == ARTICLE
    assert decode_text(data, "page.html", declared="no-such-charset").text == ARTICLE
    latin = "Le ministre a déclaré que la réunion était « très utile »."
    assert decode_text(latin.encode("cp1252"), "a.html", declared="latin1").text == latin


def test_binary_and_broken_bom() -> None:
    assert looks_binary(b"\x00\x01\x02binary\x00data")
    assert not looks_binary(ARTICLE.encode())
    with pytest.raises(ImportRejected, match="binary file"):
        decode_text(bytes(range(256)) * 4, "blob.txt")
    with pytest.raises(ImportRejected, match="UTF-16-LE byte-order mark but is not valid"):
        decode_text(codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "odd.txt")


def test_canonical_codec() -> None:
    assert canonical_codec("Windows-1256") == "cp1256"
    assert canonical_codec("ISO-8859-6-I") == "iso8859-6"
    assert canonical_codec("arabic") == "iso8859-6"
    assert canonical_codec("UTF8") == "utf-8"
    assert canonical_codec("bogus") is None
    assert canonical_codec(None) is None
