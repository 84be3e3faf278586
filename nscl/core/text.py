"""Vietnamese text folding for search.

One place decides how text becomes search tokens, for the index and for the query alike:

* ``fold`` lower-cases and removes every mark, including the stroke of đ/Đ (which Unicode
  decomposition does not remove), so "Đường" and "duong" meet.
* ``tone_key`` keeps the vowel-quality marks (ă â ê ô ơ ư đ) but moves the tone to a digit at the
  end of the syllable, so the two tone placements in use ("hoà" / "hòa") compare equal while
  "đường" and "dương" stay apart. It serves accent-aware ranking.
* ``search_tokens`` splits folded text into the tokens both engines index: punctuation becomes a
  space and letters are split from digits ("TCVN7790-3:2008" -> "tcvn 7790 3 2008").
"""

import re
import unicodedata
from functools import lru_cache

# Combining marks that carry the five Vietnamese tones, in the numbering of the VNI/VIQR habit:
# sắc 1, huyền 2, hỏi 3, ngã 4, nặng 5.
TONE_MARKS = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
# Letters that decomposition leaves whole: Vietnamese đ and the look-alike eth.
STROKE_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})

_NON_WORD = re.compile(r"[^\w]+|_+")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower case, no marks, đ -> d: the form every search compares in."""
    # Word by word through a cache: imports fold millions of words drawn from a small vocabulary.
    return " ".join(_fold_word(word) for word in text.split(" "))


# Small enough that the cache does not grow with an import: every standard number is a word of its
# own, and 200,000 of them cost 40 MB. The common words stay cached all the same.
@lru_cache(maxsize=16_384)
def _fold_word(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.translate(STROKE_LETTERS))


def _tone_key_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(TONE_MARKS[ch] for ch in decomposed if ch in TONE_MARKS)
    base = "".join(ch for ch in decomposed if ch not in TONE_MARKS)
    return unicodedata.normalize("NFC", base) + tones


def tone_key(text: str) -> str:
    """Lower-cased text with each syllable's tone moved to a trailing digit ("hòa" -> "hoa2")."""
    words = split_words(nfc(text).lower())
    return " ".join(_tone_key_word(w) for w in words)


def split_words(text: str) -> list[str]:
    """Words of a text: punctuation separates, and letters are split from digits."""
    spaced = _LETTER_DIGIT.sub(" ", _NON_WORD.sub(" ", text))
    return spaced.split()


def search_tokens(text: str) -> list[str]:
    """Folded tokens as both search backends index them."""
    return split_words(fold(text))


def has_marks(text: str) -> bool:
    """True when the text carries any Vietnamese mark (then accent-aware ranking applies)."""
    lowered = nfc(text).lower()
    return fold(lowered) != lowered


_SLUG_NON = re.compile(r"[^a-z0-9]+")


def slugify_vi(text: str, max_length: int = 80) -> str:
    """A readable slug without diacritics: "Đường bộ" -> "duong-bo"."""
    slug = _SLUG_NON.sub("-", fold(text)).strip("-")
    return slug[:max_length].rstrip("-")
