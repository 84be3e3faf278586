"""Search matching and ranking: folding, marks, numbers as typed, search as you type, hostile input."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nscl.core.text import fold
from nscl.standards.search import SearchQuery, get_backend
from nscl.standards.tests.searching import (
    ALL,
    codes_of,
    hits,
    ids_of,
    make,
    search,
)


# ------------------------------------------------------------------------------------------------
# Accent-insensitive matching
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query",
    ["an toan thuc pham", "AN TOAN THUC PHAM", "an toàn thực phẩm", "An toàn thực phẩm", "an toan  thuc   pham"],
)
def test_accent_free_query_finds_the_vietnamese_title(catalogue, query):
    assert set(hits(query)) == ids_of(catalogue, "TCVN ISO 22000:2018", "ISO 22000:2018")


@pytest.mark.parametrize("query", ["duong bo", "Đường bộ", "DUONG BO", "đường bộ"])
def test_the_stroke_of_d_is_folded(catalogue, query):
    # FTS5's remove_diacritics never folds đ: without NSCL's own folding "duong" misses "Đường".
    assert hits(query) == [catalogue["QCVN 41:2019/BGTVT"].pk]


def test_decomposed_text_is_found_and_finds(db):
    import unicodedata

    decomposed = make("TCVN 1:2020", unicodedata.normalize("NFD", "Nước mắm - Yêu cầu kỹ thuật"))
    composed = make("TCVN 2:2020", unicodedata.normalize("NFC", "Nước chấm - Yêu cầu kỹ thuật"))
    assert set(hits("nước")) == {decomposed.pk, composed.pk}
    assert set(hits(unicodedata.normalize("NFD", "nước"))) == {decomposed.pk, composed.pk}
    assert hits("nuoc mam") == [decomposed.pk]
    assert hits(unicodedata.normalize("NFD", "nước chấm")) == [composed.pk]


def test_every_word_is_required(catalogue):
    assert hits("an toan thuc pham nuoc") == []
    assert set(hits("chat luong nuoc")) == ids_of(
        catalogue, "QCVN 01:2009/BYT", "QCVN 01-1:2018/BYT", "QCĐP 01:2020/LS", "TCVN 5502:2003"
    )


def test_english_titles_are_searched(catalogue):
    assert hits("food safety") == [catalogue["ISO 22000:2018"].pk]


def test_scope_is_searched(catalogue):
    assert hits("dung cung") == [catalogue["TCVN 8244-1:2010"].pk]


# ------------------------------------------------------------------------------------------------
# Accent-aware ranking
# ------------------------------------------------------------------------------------------------
# Two records that fold to the same words and are otherwise alike (same number of tokens), so only
# the accent-aware boost can order them; each test runs with both creation orders, so the id
# tie-break cannot make a missing boost look right.
ROAD, FERN = ("TCVN 5729:2012", "Đường ô tô cao"), ("TCVN 1111:2012", "Dương xỉ rừng núi")


@pytest.fixture(params=["road first", "fern first"])
def look_alikes(request, db) -> dict[str, int]:
    pair = [ROAD, FERN] if request.param == "road first" else [FERN, ROAD]
    made = {title: make(code, title).pk for code, title in pair}
    return {"road": made[ROAD[1]], "fern": made[FERN[1]]}


def test_folded_query_finds_both_look_alikes(look_alikes):
    assert set(hits("duong")) == set(look_alikes.values())


def test_duong_with_its_marks_ranks_the_road_first(look_alikes):
    assert hits("đường") == [look_alikes["road"], look_alikes["fern"]]
    assert hits("Đường") == [look_alikes["road"], look_alikes["fern"]]


def test_duong_without_the_stroke_ranks_the_fern_first(look_alikes):
    # "dương" carries a mark (ư) but no tone: it must still rank the exact spelling first.
    assert hits("dương") == [look_alikes["fern"], look_alikes["road"]]


@pytest.fixture(params=["toned first", "plain first"])
def hoa_records(request, db) -> dict[str, int]:
    rows = [
        ("toned", "TCVN 11:2001", "Hòa mạng thiết bị đầu cuối"),  # written with the new tone placement
        ("plain", "TCVN 12:2001", "Hoa quả thiết bị đầu cuối"),
        ("sharp", "TCVN 13:2001", "Hóa chất thiết bị đầu cuối"),
    ]
    if request.param == "plain first":
        rows.reverse()
    return {key: make(code, title).pk for key, code, title in rows}


@pytest.mark.parametrize("query", ["hoà", "hòa", "HOÀ", "hoà mạng"])
def test_both_tone_placements_rank_the_same_record_first(hoa_records, query):
    found = hits(query)
    assert found[0] == hoa_records["toned"]


def test_the_folded_query_finds_every_hoa(hoa_records):
    assert set(hits("hoa")) == set(hoa_records.values())


def test_the_number_outranks_a_mention_in_the_scope(catalogue):
    found = codes_of(hits("7790"))
    assert sorted(found[:2]) == ["TCVN 7790-1:2008", "TCVN 7790-3:2008"]
    assert found[2:] == ["TCVN 8244-1:2010"]  # mentions TCVN 7790-1 in its scope only


def test_adjacent_words_outrank_scattered_ones(db):
    scattered = make("TCVN 21:2001", "Quản lý nhà nước về hệ thống đo lường")
    phrase = make("TCVN 22:2001", "Hệ thống quản lý nhà nước về đo lường")
    assert hits("he thong quan ly") == [phrase.pk, scattered.pk]
    assert scattered.pk < phrase.pk  # the tie-break alone would have put it first


# ------------------------------------------------------------------------------------------------
# Standard numbers as typed
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("TCVN 7790-3:2008", ["TCVN 7790-3:2008"]),
        ("tcvn 7790-3:2008", ["TCVN 7790-3:2008"]),
        ("TCVN 7790\u20133:2008", ["TCVN 7790-3:2008"]),
        ("7790-3", ["TCVN 7790-3:2008"]),
        ("7790-1", ["TCVN 7790-1:2008", "TCVN 8244-1:2010"]),
        ("ISO/IEC 27001", ["ISO/IEC 27001:2022"]),
        ("27001:2022", ["ISO/IEC 27001:2022"]),
        ("QCVN 01:2009/BYT", ["QCVN 01:2009/BYT"]),
        ("QCVN 01-1:2018/BYT", ["QCVN 01-1:2018/BYT"]),
        ("QCĐP 01:2020/LS", ["QCĐP 01:2020/LS"]),
        ("qcdp 01", ["QCĐP 01:2020/LS"]),
        ("CXS 192-1995", ["CXS 192-1995"]),
        ("IEC 60335-1", ["IEC 60335-1:2020"]),
    ],
)
def test_numbers_as_typed(catalogue, query, expected):
    found = codes_of(hits(query))
    assert found[: len(expected)] == expected
    assert len(found) == len(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("7790", {"TCVN 7790-1:2008", "TCVN 7790-3:2008", "TCVN 8244-1:2010"}),
        ("TCVN7790", {"TCVN 7790-1:2008", "TCVN 7790-3:2008", "TCVN 8244-1:2010"}),
        ("TCVN 7790", {"TCVN 7790-1:2008", "TCVN 7790-3:2008", "TCVN 8244-1:2010"}),
        ("ISO 22000", {"TCVN ISO 22000:2018", "ISO 22000:2018"}),
        ("9001:2015", {"TCVN ISO 9001:2015", "ISO 9001:2015/Amd 1:2024"}),
        ("ISO 9001", {"TCVN ISO 9001:2015", "ISO 9001:2015/Amd 1:2024"}),
        ("Amd 1:2024", {"ISO 9001:2015/Amd 1:2024"}),
        ("QCVN 01", {"QCVN 01:2009/BYT", "QCVN 01-1:2018/BYT"}),
        ("BYT", {"QCVN 01:2009/BYT", "QCVN 01-1:2018/BYT"}),
    ],
)
def test_partial_numbers_find_every_edition(catalogue, query, expected):
    assert set(codes_of(hits(query))) == expected


def test_a_number_and_a_word_together(catalogue):
    assert codes_of(hits("QCVN nước sạch")) == sorted(
        ["QCVN 01-1:2018/BYT"]
    )  # QCĐP is not QCVN; QCVN 01:2009 is about drinking water


# ------------------------------------------------------------------------------------------------
# Search as you type
# ------------------------------------------------------------------------------------------------
def test_suggest_completes_the_last_word(catalogue):
    expected = {s.pk for s in catalogue.values() if "he thong quan l" in fold(s.title_vi)}
    assert len(expected) == 5
    assert set(get_backend().suggest("he thong quan l", limit=ALL)) == expected
    assert set(get_backend().suggest("hệ thống quản l", limit=ALL)) == expected


def test_suggest_completes_a_number(catalogue):
    found = codes_of(get_backend().suggest("TCVN 779", limit=ALL))
    assert sorted(found[:2]) == ["TCVN 7790-1:2008", "TCVN 7790-3:2008"]
    assert codes_of(get_backend().suggest("QCVN 01-1", limit=ALL)) == ["QCVN 01-1:2018/BYT"]
    assert set(codes_of(get_backend().suggest("QCVN 0", limit=ALL))) == {"QCVN 01:2009/BYT", "QCVN 01-1:2018/BYT"}


def test_only_the_last_word_is_a_prefix(catalogue):
    assert set(hits("thong qu")) == set(hits("thong quan"))
    assert hits("th quan") == []


@pytest.mark.parametrize("text", ["bả", "ba", "bảng m", "Bảng mà"])
def test_a_prefix_typed_with_marks_still_finds_longer_words(db, text):
    # The marks only rank: "bả" must find "Bảng" though no word of the title is "ba" or "bả".
    record = make("TCVN 1:2001", "Bảng màu tiêu chuẩn")
    assert hits(text) == [record.pk]


def test_suggest_respects_its_limit_and_ignores_empty_input(catalogue):
    assert len(get_backend().suggest("chat luong", limit=2)) == 2
    assert get_backend().suggest("") == []
    assert get_backend().suggest("   ") == []
    assert get_backend().suggest("?!:") == []


def test_suggest_ranks_like_search(catalogue):
    assert get_backend().suggest("chat luong nuoc", limit=3) == hits("chat luong nuoc")[:3]


# ------------------------------------------------------------------------------------------------
# Hostile input
# ------------------------------------------------------------------------------------------------
HOSTILE = [
    '"',
    '""',
    "'",
    '"an toàn',
    "an toàn\"'",
    "(",
    ")",
    "((an)",
    "*",
    "an*",
    "**",
    "NEAR(",
    "NEAR(an toàn, 2)",
    "ISO/IEC",
    "ISO/IEC 27001",
    ":",
    "-",
    "-an",
    "an -toàn",
    "&|!",
    "!an & toàn | (thực",
    "code:7790",
    "{code title}: 7790",
    "title : x",
    "^an",
    "+an",
    "AND",
    "OR NOT",
    "an AND NOT toàn",
    "an <-> toàn",
    "an:*",
    "an:A",
    "7790:*B",
    "'; DROP TABLE standards_standard; --",
    "%",
    "_",
    "%_%",
    "\\",
    "\\x00",
    "x" * 10_000,
    "an " * 3_000,
    "7790-" * 500,
    "..,,;;",
    "🙂",
    "💩 an toàn 🙂",
    "\t\n\r\x0b\x0c",
    "\x01\x02\x1b[31m\x1f\x7f",
    "\u200b\ufeff\u202e",
    "\u0301\u0323",
    "𝟗𝟎𝟎𝟏",
    "٣٠٠١",
    "½ ² Ⅻ",
    "ﷺ ǅ ß İ",
    "中文 标准",
    "a" * 41,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_never_raises(catalogue, text):
    result = search(text, page_size=10)
    assert result.total >= len(result.ids)
    assert set(result.ids) <= {s.pk for s in catalogue.values()}
    get_backend().suggest(text)
    get_backend().engine_query(SearchQuery(text=text))
    search(text, page=3, page_size=5, kinds=("TCVN",), ics="13", year_min=1990, year_max=2030)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('"ISO/IEC 27001"', "ISO/IEC 27001:2022"),
        ("(ISO/IEC) 27001:*", "ISO/IEC 27001:2022"),
        ("'7790-3'", "TCVN 7790-3:2008"),
        ('"đường" "bộ"', "QCVN 41:2019/BGTVT"),
        ("đường! bộ?", "QCVN 41:2019/BGTVT"),
        ("🙂 đường bộ 🙂", "QCVN 41:2019/BGTVT"),
    ],
)
def test_punctuation_around_words_is_ignored(catalogue, text, code):
    assert codes_of(hits(text)) == [code]


@pytest.fixture
def fuzz_records(db) -> set[int]:
    return {
        make("TCVN 7790-3:2008", "Quy trình lấy mẫu").pk,
        make("QCVN 01:2009/BYT", "Chất lượng nước ăn uống").pk,
        make("ISO/IEC 27001:2022", "An toàn thông tin").pk,
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_text_is_a_valid_query(fuzz_records, text):
    result = search(text, page_size=10)
    assert set(result.ids) <= fuzz_records
    assert result.total >= len(result.ids)
    get_backend().suggest(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(["TCVN", "7790-3", "(", '"', "*", "NEAR", "-", ":", "/", "OR", "nước"]), max_size=8)
)
def test_syntax_soup_is_a_valid_query(fuzz_records, words):
    result = search(" ".join(words), page_size=10)
    assert set(result.ids) <= fuzz_records
