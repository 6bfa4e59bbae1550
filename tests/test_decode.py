"""Decoding: every encoding a newsroom archive holds, and the inputs that are not text."""

import gzip
import random
import zlib

import pytest

from newsclean.cleaners import clean
from newsclean.cleaners.decode import InputRejected, decode, inflate, repair

LIMITS = dict(max_bytes=20 << 20, max_inflated=50 << 20, max_ratio=100)
PARA = ("Le maire a présenté jeudi un budget « équilibré », a-t-il déclaré devant le conseil "
        "municipal réuni à l’hôtel de ville.")
EN = ("The mayor said the city’s budget was “balanced” and that café owners would not pay "
      "higher fees this year, officials confirmed on Thursday.")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (EN.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + EN.encode("utf-8"), "utf-8-sig"),
        (EN.encode("utf-16"), "utf-16"),
        (EN.encode("utf-16-le"), "utf-16-le"),
        (EN.encode("utf-16-be"), "utf-16-be"),
        (EN.encode("cp1252"), None),
    ],
)
def test_encodings_decode_to_the_same_text(data, encoding):
    d = decode(data, **LIMITS)
    assert d.text == EN
    if encoding:
        assert d.encoding == encoding


def test_declared_latin1_is_read_as_windows_1252():
    html = ('<html><head><meta charset="iso-8859-1"><title>t</title></head><body><p>'
            + EN + "</p></body></html>").encode("cp1252")
    d = decode(html, **LIMITS)
    assert d.encoding == "cp1252"
    assert EN in d.text


@pytest.mark.parametrize("codec", ["cp1252", "koi8_r", "shift_jis", "gb18030"])
def test_undeclared_legacy_encodings_are_detected(codec):
    samples = {
        "cp1252": PARA,
        "koi8_r": "Мэр города представил в четверг новый бюджет, который, по его словам, "
                  "сбалансирован и не потребует повышения налогов для жителей. " * 3,
        "shift_jis": "東京都は木曜日、新しい予算案を発表した。知事は記者会見で、財政は健全だと述べた。" * 3,
        "gb18030": "北京市政府周四公布了新的预算方案，市长在新闻发布会上表示财政状况良好。" * 3,
    }
    text = samples[codec]
    assert decode(text.encode(codec), **LIMITS).text == text


def test_mojibake_is_repaired_but_typography_kept():
    broken = "The mayorâ€™s office said it wouldnâ€™t comment on the â€œbalancedâ€\x9d budget."
    fixed = repair(broken)
    assert fixed == "The mayor’s office said it wouldn’t comment on the “balanced” budget."
    assert repair("“Curly” quotes and ﬁ ligatures and ＦＵＬＬ width stay.") == \
        "“Curly” quotes and ﬁ ligatures and ＦＵＬＬ width stay."


def test_controls_and_nul_bytes_are_dropped():
    d = decode(b"Hello\x00 world\x07, said the\x1b mayor.", **LIMITS)
    assert d.text == "Hello world, said the mayor."
    assert d.dropped_controls == 3


def test_gzip_is_inflated():
    assert decode(gzip.compress(EN.encode()), **LIMITS).text == EN


def test_truncated_gzip_is_refused():
    data = gzip.compress((EN * 50).encode())
    with pytest.raises(InputRejected, match="truncated"):
        inflate(data[: len(data) // 2], max_bytes=1 << 20, max_ratio=100)


def test_decompression_bomb_is_refused_without_inflating_it():
    bomb = gzip.compress(b"\0" * (64 << 20), compresslevel=9)  # 64 MB in ~64 KB
    with pytest.raises(InputRejected, match="decompression bomb"):
        inflate(bomb, max_bytes=50 << 20, max_ratio=100)
    result = clean(bomb)
    assert result.status == "rejected" and "bomb" in result.reason
    # the cap that tripped is the one named: 100 times the compressed size, under 50 MB
    assert f"over 100 times its {len(bomb):,} compressed bytes" in result.reason
    assert "52,428,800" not in result.reason


def test_corrupt_gzip_is_refused():
    data = bytearray(gzip.compress(EN.encode() * 10))
    data[20:30] = b"\xff" * 10
    with pytest.raises(InputRejected):
        inflate(bytes(data), max_bytes=1 << 20, max_ratio=100)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
        (bytes(range(256)) * 8, "binary"),
        (zlib.compress(b"x" * 100) * 20, "binary"),
        # a NUL in every other byte passes for UTF-16 without a BOM: it read as 50 words of "ȃ"
        (b"\x00\x01\x02\x03" * 50, "binary"),
    ],
)
def test_binary_inputs_are_rejected(data, kind):
    result = clean(data, source="story.html")
    assert result.status == "rejected"
    assert kind in result.reason
    assert result.text == ""


@pytest.mark.parametrize("size", [500, 5000, 16000])
def test_random_bytes_are_not_an_article(size):
    """Random bytes hold 10.5 % C0 controls: at a 10 % limit, small draws passed as cp1252
    text and were stored as "cleaned" (a new user's trial)."""
    rng = random.Random(size)
    for _ in range(20):
        result = clean(rng.randbytes(size))
        assert result.status == "rejected", result.reason
        assert result.reason == "not text: looks like binary data"


def test_oversized_input_is_rejected_with_the_limit():
    from newsclean.cleaners import CleanOptions

    result = clean(b"x" * 2000, options=CleanOptions(max_raw_bytes=1000))
    assert result.status == "rejected" and "1,000-byte limit" in result.reason


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \n", b"\xef\xbb\xbf"])
def test_empty_documents_are_empty_not_clean(data):
    result = clean(data)
    assert result.status == "empty"
    assert result.text == ""


def test_undeclared_cp1252_is_not_read_as_a_central_european_code_page():
    from tests.conftest import SEEDS

    seed = next(SEEDS.glob("005_*.txt")).read_bytes()
    d = decode(seed, **LIMITS)
    assert d.encoding == "cp1252"
    assert "Hélène Bérard" in d.text and "Hélčne" not in d.text
    short = "The study, led by glaciologist Hélène Bérard, found the café’s sales fell by 18%."
    assert decode(short.encode("cp1252"), **LIMITS).text == short
    # a fresh user's: charset-normalizer found cp1250 more coherent ("Hélčne", "Ł200", as
    # Polish); the language identifier reads English
    pound = ("Café owner Hélène Dupré said the £200 fine was unfair, adding that her café had "
             "paid every bill on time for twenty years.\n")
    assert decode(pound.encode("cp1252"), **LIMITS).text == pound


def test_an_english_page_with_pounds_is_not_read_as_shift_jis():
    """Blind trial bb: an English page in cp1252 whose only high bytes were "£" and "©" read
    as cp932 with no chaos, each a half-width katakana mark ("pay ｣9 a day"). A CJK code
    page's reading must write its script (`decode._in_its_script`)."""
    from tests.conftest import FIXTURES

    page = FIXTURES / "text_pages" / "blind-en-gb-cp1252-pounds.txt"
    d = decode(page.read_bytes(), **LIMITS)
    assert d.encoding == "cp1252" and "pay £9 a day" in d.text and "\uff63" not in d.text
    japanese = "東京の地下鉄は来年春に運賃を値上げすると発表した。初乗りは１６０円になる。\n"
    assert decode(japanese.encode("cp932"), **LIMITS).text == japanese


@pytest.mark.parametrize(("page", "encoding", "words"), [
    # charset-normalizer found no reading at all: cp1252 with bytes replaced, all mojibake
    ("blind-fa-cp1256-crlf.txt", "cp1256", "تعطيلي مدارس و ادارات تهران"),
    # mac_iceland was the least chaotic reading: "Jyv‰skyl‰"
    ("blind-fi-cp1252-crlf.txt", "cp1252", "Jyväskylän kaupungin"),
])
def test_a_windows_code_page_is_read_before_a_mac_one_or_none(page, encoding, words):
    """Blind trial bd: a Persian page in cp1256 and a Finnish one in cp1252, both with CRLF
    (`decode._code_page_of`, `decode._RARE_CODECS`)."""
    from tests.conftest import FIXTURES

    d = decode((FIXTURES / "text_pages" / page).read_bytes(), **LIMITS)
    assert d.encoding == encoding and words in d.text and "\ufffd" not in d.text


def test_real_cp1250_text_stays_cp1250():
    czech = ("Vláda ve čtvrtek schválila nový rozpočet, který podle ministra financí počítá s "
             "nižším schodkem. Opozice kritizuje, že škrty dopadnou na učitele a zdravotníky. ")
    assert decode(czech.encode("cp1250"), **LIMITS).text == czech
    polish = ("Łódzki sąd okręgowy w środę uchylił decyzję wojewody, a mieszkańcy zapowiedzieli "
              "dalsze protesty przed urzędem miasta. Zarząd spółki nie skomentował wyroku. ")
    assert decode(polish.encode("cp1250"), **LIMITS).text == polish


def test_a_utf8_file_with_a_stray_latin1_byte_stays_utf8_and_says_so():
    """A German UTF-8 dump with one Latin-1 byte (here 0xFC "ü"; the user's was an 0xE4 "ä")
    was read as cp1250 without a word: every umlaut of the file turned to mojibake
    ("MĂĽnchen"). The stray byte is read as cp1252, the rest stays UTF-8, and the guess is on
    record."""
    from tests.conftest import FIXTURES

    raw = (FIXTURES / "text_pages" / "audit-de-stray-latin1-byte.txt").read_bytes()
    assert b"\xfcberdurchschnittlicher" in raw  # the fixture's one byte that is not UTF-8
    d = decode(raw, **LIMITS)
    assert d.encoding == "utf-8"
    assert "überdurchschnittlicher" in d.text and "München" in d.text and "Ă" not in d.text
    assert d.warning == ("not valid UTF-8: 1 byte (the first at byte 422) read as cp1252, "
                         "the rest as UTF-8")
    result = clean(raw)
    assert result.author == "Jürgen Möller"
    assert "Bürgerinnen und Bürger" in result.text
    assert result.to_dict()["warning"] == d.warning


@pytest.mark.parametrize(("data", "warning"), [
    (PARA.encode("utf-8"), None),  # valid UTF-8: nothing was guessed
    (PARA.encode("cp1252"), "read as cp1252, a guess (charset-normalizer)"),
])
def test_only_a_guessed_charset_carries_a_warning(data, warning):
    d = decode(data, **LIMITS)
    assert d.text == PARA
    assert d.warning is None if warning is None else d.warning.endswith(warning)
