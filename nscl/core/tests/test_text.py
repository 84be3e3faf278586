"""Vietnamese folding: the one function the search index and the search query share."""

import string
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from nscl.core.text import fold, has_marks, nfc, search_tokens, slugify_vi, split_words, tone_key

# The Vietnamese alphabet built from its parts, not copied from a table: 12 vowels that carry the
# five tones (sắc, huyền, hỏi, ngã, nặng), đ, and the plain consonants.
VOWELS = "aăâeêioôơuưy"
TONES = "\u0301\u0300\u0309\u0303\u0323"
CONSONANTS = "bcdđghklmnpqrstvx"
LOWER = [*VOWELS, *(nfc(v + tone) for v in VOWELS for tone in TONES), *CONSONANTS]
LETTERS = sorted({*LOWER, *(c.upper() for c in LOWER)})
MARKED_LETTERS = [c for c in LETTERS if not c.isascii()]

vietnamese_text = st.text(alphabet=[*LETTERS, " "], max_size=40)
# Vietnamese prose as people type it: letters, digits, punctuation, several kinds of space.
vietnamese_mixed = st.text(alphabet=[*LETTERS, *string.digits, *" -:/.,()\t\u00a0"], max_size=60)


def no_combining(text: str) -> bool:
    return not any(unicodedata.combining(ch) for ch in text)


# alphabet
def test_the_alphabet_is_what_vietnamese_writes():
    # 29 letters, 12 of them vowels with 5 tones each; every letter upper and lower case.
    assert len(LOWER) == 29 + 12 * 5
    assert len(LETTERS) == 2 * len(LOWER)
    # The 134 precomposed Vietnamese letters of Unicode (67 lower, 67 upper).
    assert len(MARKED_LETTERS) == 134
    assert all(len(c) == 1 for c in LETTERS)  # NFC composes every one of them


# fold property
@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text())
@example("Đường ĐƯỜNG ð Ð")
def test_fold_leaves_no_combining_mark_and_no_stroke_letter(text):
    folded = fold(text)
    assert no_combining(folded)
    assert not set(folded) & set("đĐðÐ")


@given(vietnamese_mixed)
def test_fold_of_vietnamese_is_ascii(text):
    folded = fold(text)
    assert folded == folded.lower()
    assert all(ch.isascii() or ch == "\u00a0" for ch in folded)
    assert not any(unicodedata.category(ch) == "Mn" for ch in folded)


@given(st.text())
@example("hoà")
@example("Đ\u0301")
def test_fold_does_not_care_about_normal_form(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@given(vietnamese_mixed)
def test_fold_does_not_care_about_case(text):
    assert fold(text.upper()) == fold(text)
    assert fold(text.lower()) == fold(text)


@pytest.mark.parametrize("letter", LETTERS)
def test_every_vietnamese_letter_folds_to_one_ascii_letter(letter):
    folded = fold(letter)
    assert len(folded) == 1
    assert folded in string.ascii_lowercase


@given(vietnamese_text)
def test_fold_keeps_the_length_of_vietnamese_text(text):
    # One letter in, one letter out: positions in the folded text match the original.
    assert len(fold(text)) == len(text)


@given(vietnamese_mixed)
def test_tokens_are_folded_words(text):
    tokens = search_tokens(text)
    assert all(t and t == fold(t) and t.isalnum() for t in tokens)
    assert all(t.isdigit() or t.isalpha() for t in tokens)  # letters and digits never share a token
    assert search_tokens(unicodedata.normalize("NFD", text)) == tokens
    assert search_tokens(text.upper()) == tokens


# fold example
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An toàn thực phẩm", "an toan thuc pham"),
        ("Đường bộ", "duong bo"),
        ("ĐƯỜNG BỘ", "duong bo"),
        ("Tiêu chuẩn quốc gia", "tieu chuan quoc gia"),
        ("Quy chuẩn kỹ thuật", "quy chuan ky thuat"),
        ("chất lượng", "chat luong"),  # two marks on one letter (ấ, ượ)
        ("Ðà Nẵng", "da nang"),  # the look-alike eth, as some old fonts and OCR produce
        ("TCVN 7790-3:2008", "tcvn 7790-3:2008"),
        ("", ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


def test_decomposed_input_folds_like_composed():
    decomposed = unicodedata.normalize("NFD", "Nghệ An, Đắk Lắk")
    assert decomposed != "Nghệ An, Đắk Lắk"
    assert fold(decomposed) == "nghe an, dak lak"


# tone key
@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Hoà Bình", "Hòa Bình"), ("thuỵ", "thụy")],
)
def test_both_tone_placements_give_one_key(old_style, new_style):
    assert old_style != new_style  # different strings, even after NFC
    assert nfc(old_style) != nfc(new_style)
    assert tone_key(old_style) == tone_key(new_style)


@pytest.mark.parametrize("text", ["hoà", "hòa", "Đường", "thuỷ điện", "Khỏe"])
def test_composed_and_decomposed_give_one_key(text):
    assert tone_key(unicodedata.normalize("NFD", text)) == tone_key(unicodedata.normalize("NFC", text))


def test_tone_key_keeps_the_letters_folding_merges():
    assert fold("đường") == fold("dương")
    assert tone_key("đường") != tone_key("dương")
    assert tone_key("dương") != tone_key("đương")  # the stroke of đ is a letter, not a mark
    assert tone_key("đường") != tone_key("đương")  # the tone counts too


def test_tone_key_moves_the_tone_to_a_trailing_digit():
    assert tone_key("Hòa") == "hoa2"
    assert tone_key("Đường bộ") == "đương2 bô5"
    assert tone_key("dương") == "dương"


@given(vietnamese_text)
def test_tone_key_is_case_insensitive_and_folds_to_the_tokens(text):
    key = tone_key(text)
    assert key == tone_key(text.upper())
    assert no_combining(key)
    # Dropping the tone digits and the vowel marks gives back the folded words.
    assert [fold(w.rstrip("12345")) for w in key.split()] == search_tokens(text)


# split
@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("TCVN7790-3:2008", ["tcvn", "7790", "3", "2008"]),
        ("TCVN 7790-3:2008", ["tcvn", "7790", "3", "2008"]),
        ("QCVN 01:2009/BYT", ["qcvn", "01", "2009", "byt"]),
        ("ISO/IEC 17025", ["iso", "iec", "17025"]),
        ("ISO 9001:2015/Amd 1:2024", ["iso", "9001", "2015", "amd", "1", "2024"]),
        ("a2b", ["a", "2", "b"]),
        ("An toàn (thực phẩm)!", ["an", "toan", "thuc", "pham"]),
        ("snake_case__word", ["snake", "case", "word"]),
        ("«Đường» — “bộ”…", ["duong", "bo"]),
        ("?!:;-/ ()", []),
        ("", []),
    ],
)
def test_search_tokens(text, tokens):
    assert search_tokens(text) == tokens


def test_split_words_keeps_case_and_marks():
    assert split_words("Đường7 bộ") == ["Đường", "7", "bộ"]


@pytest.mark.parametrize(
    ("text", "marked"),
    [("dương", True), ("Đ", True), ("duong", False), ("TCVN 7790", False), ("", False)],
)
def test_has_marks(text, marked):
    assert has_marks(text) is marked


# slug
@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đường bộ", "duong-bo"),
        ("  Năng suất, Chất lượng!  ", "nang-suat-chat-luong"),
        ("TCVN 7790-3:2008", "tcvn-7790-3-2008"),
        ("Lạng Sơn", "lang-son"),
        ("---", ""),
    ],
)
def test_slugify_vi(text, slug):
    assert slugify_vi(text) == slug


def test_slug_is_cut_at_a_word_boundary_without_trailing_hyphen():
    assert slugify_vi("Đường " * 40, max_length=12) == "duong-duong"  # not "duong-duong-"
    assert slugify_vi("Đường " * 40, max_length=13) == "duong-duong-d"
    assert len(slugify_vi("Đường bộ " * 40)) <= 80
    assert not slugify_vi("ab cd", max_length=3).endswith("-")


@given(vietnamese_mixed)
def test_slug_is_url_safe(text):
    slug = slugify_vi(text)
    assert set(slug) <= set(string.ascii_lowercase + string.digits + "-")
    assert not slug.startswith("-")
    assert not slug.endswith("-")
    assert "--" not in slug
