"""The legacy-encoding detector: the same Arabic text in every encoding it meets, and the
bytes it must refuse rather than import as mojibake."""

from __future__ import annotations

import codecs

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.importers.encoding import Decoded, canonical_codec, decode_text, looks_binary
from desktop.io.importers.text import text_to_draft

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


# --- a byte-order mark that is not the text's (a tool that prepends one to whatever it saves)


ENGLISH = "The minister said the talks would go on with the neighbouring states.\n"


@pytest.mark.parametrize(
    ("mark", "body", "codec", "shown"),
    [
        (codecs.BOM_UTF16_LE, ARTICLE.encode("utf-8"), "utf-8", "UTF-8"),
        (codecs.BOM_UTF16_BE, ARTICLE.encode("utf-8"), "utf-8", "UTF-8"),
        (codecs.BOM_UTF16_LE, ARTICLE.encode("cp1256"), "cp1256", "Windows-1256"),
        (codecs.BOM_UTF16_LE, ARTICLE.encode("iso-8859-6"), "iso8859-6", "ISO-8859-6"),
        # even length, no lone surrogate: it decoded as UTF-16, into 桔⁥業楮…
        (codecs.BOM_UTF16_LE, ENGLISH.encode() + b"\n", "utf-8", "UTF-8"),
        (codecs.BOM_UTF8, ARTICLE.encode("cp1256"), "cp1256", "Windows-1256"),
        # the other byte order: ا read as ✆, a space as U+2000, and no error to stop it
        (codecs.BOM_UTF16_LE, ARTICLE.encode("utf-16-be"), "utf-16-be", "UTF-16-BE"),
        (codecs.BOM_UTF16_BE, ENGLISH.encode("utf-16-le"), "utf-16-le", "UTF-16-LE"),
    ],
    ids=[
        "le-utf8",
        "be-utf8",
        "le-cp1256",
        "le-iso",
        "le-english",
        "utf8-cp1256",
        "le-mark-be-text",
        "be-mark-le-text",
    ],
)
def test_a_mark_before_text_in_another_encoding_is_left_out(
    mark: bytes, body: bytes, codec: str, shown: str
) -> None:
    decoded = decode_text(mark + body, "a.txt")
    assert decoded.text == body.decode(codec)
    assert decoded.encoding == codec
    name = {codecs.BOM_UTF8: "UTF-8", codecs.BOM_UTF16_LE: "UTF-16-LE"}.get(mark, "UTF-16-BE")
    assert decoded.note == (
        f"The file began with a {name} byte-order mark, but its text is {shown}; "
        "the mark was left out."
    )


def test_an_english_text_after_a_utf16_mark_is_not_read_as_chinese() -> None:
    """The reported case, through the whole text importer: the article was titled
    桔⁥業楮瑳牥猠楡⁤… and its text the same."""
    draft = text_to_draft(codecs.BOM_UTF16_LE + ENGLISH.encode() + b"\n", "a.txt")
    assert draft.text.startswith("The minister said")
    assert draft.title.startswith("The minister said")
    assert draft.import_notes == (
        "The file began with a UTF-16-LE byte-order mark, but its text is UTF-8; the mark "
        "was left out."
    )


def test_a_utf16_mark_before_bytes_of_no_other_encoding() -> None:
    """Bytes without a NUL after a UTF-16 mark that read as nothing else are taken as UTF-16
    if that is plausible (Chinese holding no ASCII character), else refused."""
    chinese = "外交部长说会谈将继续进行"
    for mark, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        decoded = decode_text(mark + chinese.encode(codec), "zh.txt")
        assert (decoded.text, decoded.encoding, decoded.note) == (chinese, codec, "")
    # private-use characters in UTF-16; bytes 0x81-0x84 and 0xe0: nor UTF-8 nor Arabic either
    data = codecs.BOM_UTF16_LE + "\ue081\ue082\ue083\ue084".encode("utf-16-le")
    with pytest.raises(
        ImportRejected,
        match=(
            r"^x.txt starts with a UTF-16-LE byte-order mark, but its text is not UTF-16-LE, and "
            r"it does not read as UTF-8, Windows-1256 or ISO-8859-6 either\."
        ),
    ):
        decode_text(data, "x.txt")
    # a UTF-8 mark before bytes that are neither UTF-8 nor Arabic: refused as before
    with pytest.raises(ImportRejected, match="UTF-8 byte-order mark but is not valid UTF-8"):
        decode_text(codecs.BOM_UTF8 + "Привет, как дела сегодня".encode("cp1251"), "ru.txt")


def test_canonical_codec() -> None:
    assert canonical_codec("Windows-1256") == "cp1256"
    assert canonical_codec("ISO-8859-6-I") == "iso8859-6"
    assert canonical_codec("arabic") == "iso8859-6"
    assert canonical_codec("UTF8") == "utf-8"
    assert canonical_codec("bogus") is None
    assert canonical_codec(None) is None


# --- UTF-8 with a few bad bytes (issue 13, failure 2) ----------------------------------------


def _damaged(text: str, count: int, bad: bytes = b"\xff") -> tuple[bytes, str]:
    """``text`` in UTF-8 with ``bad`` inserted at ``count`` places spread over it; and the
    text the importer should make of it (each bad byte a U+FFFD)."""
    step = len(text) // (count + 1)
    data, expected = bytearray(), []
    for index, char in enumerate(text, 1):
        data += char.encode()
        expected.append(char)
        if index % step == 0 and index // step <= count:
            data += bad
            expected.append("\ufffd" * len(bad))
    return bytes(data), "".join(expected)


def test_utf8_with_nine_bad_bytes_is_not_read_as_windows_1256() -> None:
    """The reported case: a valid UTF-8 Arabic file with 9 invalid bytes came out as
    Windows-1256 mojibake (ظ‚ط§ظ„ ط§ظ„ظ…طھط­ط¯ط«…) without a word."""
    text = "عنوان\n\nقال المتحدث الرسمي إن المفاوضات مستمرة.\n" + ARTICLE
    head, rest = text[:30], text[30:]
    data, expected = _damaged(rest, 9)
    data = head.encode() + data
    expected = head + expected
    decoded = decode_text(data, "a.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == expected
    assert decoded.replaced == 9 == decoded.text.count("\ufffd")
    line = expected[: expected.index("\ufffd")].count("\n") + 1
    assert decoded.first_line == line
    assert decoded.note == (
        f"9 bytes that are not UTF-8 were replaced with \ufffd (the first on line {line})."
    )


@pytest.mark.parametrize(
    "bad",
    [b"\xff", b"\xc0", b"\xd8", b"\xe1\x80", b"\x80\x80\x80", "«".encode("cp1256")],
    ids=["ff", "overlong-lead", "cut-arabic", "cut-3-byte", "stray-continuations", "cp1256"],
)
def test_every_kind_of_bad_byte_is_replaced_one_for_one(bad: bytes) -> None:
    data, expected = _damaged(ARTICLE, 5, bad)
    decoded = decode_text(data, "a.txt")
    assert (decoded.encoding, decoded.text) == ("utf-8", expected)
    assert decoded.replaced == expected.count("\ufffd")


def test_one_bad_byte_and_a_byte_order_mark() -> None:
    data = codecs.BOM_UTF8 + "سطر أول\n".encode() + ARTICLE.encode()[:21] + b"\x91"
    data += ARTICLE.encode()[21:]
    decoded = decode_text(data, "a.txt")
    assert decoded.text.startswith("سطر أول\n") and decoded.text.count("\ufffd") == 1
    assert decoded.note == "1 byte that is not UTF-8 was replaced with \ufffd (on line 2)."


def test_utf8_wins_over_a_declared_legacy_charset() -> None:
    """A page saved as UTF-8 often keeps the <meta charset> of the server it came from."""
    assert decode_text(ARTICLE.encode(), "p.html", declared="windows-1256").text == ARTICLE
    data, expected = _damaged(ARTICLE, 4)
    decoded = decode_text(data, "p.html", declared="windows-1256")
    assert (decoded.encoding, decoded.text) == ("utf-8", expected)


def test_badly_damaged_utf8_is_refused_not_garbled() -> None:
    """Too many bad bytes for UTF-8 to be sure — still never mojibake."""
    data, _ = _damaged(ARTICLE, 80)
    with pytest.raises(ImportRejected, match=r"not UTF-8 text \(invalid byte 0xff on line 1\)"):
        decode_text(data, "a.txt")


def test_windows_1256_with_punctuation_is_still_windows_1256() -> None:
    """Windows-1256 letters followed by ، ؟ or » happen to be well-formed UTF-8 pairs; they
    must not make a legacy file look like damaged UTF-8."""
    text = "قال لافروف، هل تم الاتفاق؟ «نعم»، وأضاف: «لا تعليق»؟ " * 20
    assert decode_text(text.encode("cp1256"), "a.txt") == Decoded(text, "cp1256")
    text = text.replace("«", "").replace("»", "")  # not in ISO-8859-6
    assert decode_text(text.encode("iso-8859-6"), "a.txt").text == text


def test_valid_text_has_no_note() -> None:
    decoded = decode_text(ARTICLE.encode(), "a.txt")
    assert (decoded.replaced, decoded.note) == (0, "")
    assert decode_text(ARTICLE.encode("cp1256"), "a.txt").note == ""


def test_the_quick_refusal_of_utf8_never_changes_a_decision(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``_cannot_be_utf8`` only skips work: over mixtures of UTF-8, Windows-1256, stray bytes
    and ASCII, ``_utf8`` decides the same with it and without it (and it does skip some)."""
    import random

    from desktop.io.importers import encoding

    rng = random.Random(15)
    words = ["قال", "الوزير", "إن", "المحادثات", "مستمرة،", "وأضاف", "أن", "الاتفاق", "قريب."]
    samples = []
    for _ in range(1500):
        parts = []
        for _ in range(rng.randint(1, 80)):
            word = rng.choice(words) + " "
            kind = rng.random()
            if kind < 0.4:
                parts.append(word.encode("utf-8"))
            elif kind < 0.7:
                parts.append(word.encode("cp1256"))
            elif kind < 0.8:
                parts.append(bytes(rng.randint(0x80, 0xFF) for _ in range(rng.randint(1, 4))))
            else:
                parts.append(b"abc def " * rng.randint(1, 40))
        samples.append(b"".join(parts))
    quick = [encoding._utf8(data) for data in samples]
    refused = sum(encoding._cannot_be_utf8(data) for data in samples)
    monkeypatch.setattr(encoding, "_cannot_be_utf8", lambda data: False)
    assert [encoding._utf8(data) for data in samples] == quick
    assert refused > 10


def _plausibility_every_pattern(text: str) -> float | None:
    """``plausibility`` as it was written first: every character counted, every pattern run,
    the words always counted."""
    import unicodedata

    from desktop.io.importers import encoding

    sample = text[: encoding._SAMPLE]
    counts = {ch: sample.count(ch) for ch in set(sample)}
    bad, score = 0, 0.0
    for ch, count in counts.items():
        if 0x0600 <= ord(ch) <= 0x06FF:
            score += count * encoding._LOG_FREQUENCY.get(ch, encoding._LOG_RARE)
            continue
        category = unicodedata.category(ch)
        if (category == "Cc" and ch not in encoding._WHITE_CONTROLS) or category in ("Cn", "Co"):
            bad += count
    if bad > max(2, len(sample) // 1000):
        return None
    words = len(encoding._WORD.findall(sample))
    bad_words = sum(len(pattern.findall(sample)) for pattern in encoding._BAD_PATTERNS)
    if words and bad_words / words > 0.1:
        return None
    return score - 10.0 * bad_words


def test_skipping_patterns_never_changes_plausibility() -> None:
    """``plausibility`` runs a pattern only on a text holding a character it needs
    (``_BAD_NEEDS``) and counts words only when some are bad: over short strings of the
    characters the patterns look for, and over the article in every code page with such
    characters strewn in, it gives exactly what running everything gives (and ``_plausible``
    says the same as ``is not None``)."""
    import random

    from desktop.io.importers.encoding import _plausible, plausibility

    rng = random.Random(6)
    alphabet = [*"الةطظ×÷،َ ًٰAéÀ١1\u00a2\u06be‚\x00\t\ue000 ", "\u0378", "ؤ"]
    samples = ["".join(rng.choices(alphabet, k=rng.randint(1, 6))) for _ in range(20_000)]
    for codec in ("cp1256", "iso8859-6", "cp1252", "latin-1"):
        garbled = ARTICLE.encode("cp1256").decode(codec, "replace")
        for _ in range(300):
            chars = list(garbled)
            for _ in range(rng.randint(0, 8)):
                chars.insert(rng.randint(0, len(chars)), rng.choice(alphabet))
            samples.append("".join(chars))
    verdicts = set()
    for text in samples:
        expected = _plausibility_every_pattern(text)
        assert plausibility(text) == expected, text
        assert _plausible(text) is (expected is not None), text
        verdicts.add(expected is None)
    assert verdicts == {True, False}


@pytest.mark.parametrize("mark", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8])
def test_a_file_of_many_marks_is_read_or_refused_without_recursing(mark: bytes) -> None:
    """Reading what follows a stray mark as if the mark were not there once read the next
    mark the same way, a call deeper each: 5,000 marks raised RecursionError."""
    data = mark * 100_000 + b"hello text here"
    try:
        decoded = decode_text(data, "marks.txt")
    except ImportRejected as refused:
        assert str(refused).startswith("marks.txt ")
    else:
        assert decoded.text.endswith("hello text here")


# --- what follows a mark goes through the same decisions as a file without one (an attack)

PNG_START = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000003840000025808060000009ab1f1"
    "bd0000000970485973000016250000162501495224f00000200049444154789c"
)


@pytest.mark.parametrize("codec", ["utf-16-be", "utf-16-le"])
def test_utf16_behind_a_utf8_mark_is_read_as_utf16(codec: str) -> None:
    """NUL bytes are valid UTF-8: ``عنوان`` in UTF-16-BE behind a UTF-8 mark was taken as
    UTF-8, the article ``# 9FH'F`` with its NULs removed as control characters."""
    decoded = decode_text(codecs.BOM_UTF8 + ARTICLE.encode(codec), "a.txt")
    assert (decoded.text, decoded.encoding) == (ARTICLE, codec)
    assert decoded.note == (
        f"The file began with a UTF-8 byte-order mark, but its text is {codec.upper()}; "
        "the mark was left out."
    )


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + ARTICLE.encode() + b"\x00" + ARTICLE.encode(),
        codecs.BOM_UTF8 + bytes(700),
        codecs.BOM_UTF8 + bytes(range(32)) * 40,
        codecs.BOM_UTF16_LE + PNG_START,
        codecs.BOM_UTF16_LE + b"A\x00\x01\x02\x03\x00\x10\x20" * 100,
        codecs.BOM_UTF16_BE + bytes(1000),
    ],
    ids=["utf8-nul", "utf8-nuls", "utf8-controls", "utf16-png", "utf16-binary", "utf16-nuls"],
)
def test_binary_behind_a_mark_is_refused(data: bytes) -> None:
    with pytest.raises(ImportRejected, match=r"^x\.txt is a binary file, not text\.$"):
        decode_text(data, "x.txt")


@pytest.mark.parametrize(
    "marks",
    [
        codecs.BOM_UTF16_LE * 5000,
        codecs.BOM_UTF8 * 5000,
        codecs.BOM_UTF16_BE,
        (codecs.BOM_UTF16_LE + codecs.BOM_UTF8 + codecs.BOM_UTF16_BE) * 3000,
    ],
    ids=["utf16-le", "utf8", "one", "mixed"],
)
def test_every_leading_mark_is_left_out(marks: bytes) -> None:
    """FF FE ×5000 was a 9,998-character article of ``ے‏`` in Windows-1256, and only the
    first mark was ever left out: the second reached the title as ``ے‏``, ``ï»؟`` or U+FEFF."""
    assert decode_text(marks, "m.txt").text == ""
    with pytest.raises(ImportRejected, match=r"^m\.txt is empty\.$"):
        text_to_draft(marks, "m.txt")
    for body, codec in ((ARTICLE.encode(), "utf-8"), (ARTICLE.encode("cp1256"), "cp1256")):
        decoded = decode_text(marks + body, "m.txt")
        assert (decoded.text, decoded.encoding) == (ARTICLE, codec)
        draft = text_to_draft(marks + body, "m.txt")
        assert draft.title.startswith(ARTICLE[:20])


def test_a_mark_in_the_texts_own_encoding_never_reaches_the_title() -> None:
    """U+FEFF encoded in UTF-16 after the UTF-16 mark of a different kind is text, not bytes
    a mark is made of: it must not start the text either."""
    data = codecs.BOM_UTF16_LE + ("\ufeff" + ARTICLE).encode("utf-16-le")
    assert decode_text(data, "a.txt").text == ARTICLE
    data = codecs.BOM_UTF32_LE + ("\ufeff\ufeff" + ARTICLE).encode("utf-32-le")
    assert text_to_draft(data, "a.txt").title.startswith(ARTICLE[:20])


@pytest.mark.parametrize("unit", [b"\xff\xfe ", codecs.BOM_UTF8 + b" ", b"x\xff\xfe"])
def test_a_file_made_of_marks_is_refused(unit: bytes) -> None:
    """``FF FE 20`` over and over read as Windows-1256 (``ے‏ ے‏``): a 14.7-million-character
    article of 22 MB."""
    with pytest.raises(
        ImportRejected, match=r"^m\.txt holds byte-order marks over and over, not text\.$"
    ):
        decode_text(unit * 20_000, "m.txt")


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_its_mark_is_read(codec: str) -> None:
    """UTF-32-BE was refused as a binary file; UTF-32-LE imported with "331 control
    characters removed" (its FF FE read as a UTF-16 mark)."""
    data = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    decoded = decode_text(data + ARTICLE.encode(codec), "a.txt")
    assert (decoded.text, decoded.encoding, decoded.note) == (ARTICLE, codec, "")
    draft = text_to_draft(data + ENGLISH.encode(codec), "a.txt")
    assert (draft.text, draft.import_notes) == (ENGLISH, "")
