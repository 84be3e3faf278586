"""The standards search, run against whichever database the suite runs on (SQLite FTS5 or PostgreSQL).

Every expectation here is stated once and holds on both engines; the checks that only make sense
for one engine are at the end, skipped on the other. Records are written through the service, so
the index is the one the application maintains, not one the test built.
"""

import re
from collections import Counter

import pytest
from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nscl.core.text import fold
from nscl.standards.choices import StandardStatus
from nscl.standards.models import IcsCode, IssuingBody, Standard, StandardField
from nscl.standards.search import Filters, SearchQuery, SearchResult, compile_terms, get_backend
from nscl.standards.services import standard_delete, standard_save

ON_SQLITE = connection.vendor == "sqlite"
ON_POSTGRES = connection.vendor == "postgresql"
ALL = 500  # a page size larger than any result set here

# Every app, so that a transactional test's flush may TRUNCATE ... CASCADE (see the flush test below).
ALL_APPS = [config.name for config in apps.get_app_configs()]


def make(code: str, title: str, *, ics: tuple[str, ...] = (), **data) -> Standard:
    codes = [IcsCode.objects.get(code=c) for c in ics]
    return standard_save(standard=Standard(), data={"code": code, "title_vi": title, **data}, ics_codes=codes, by=None)


def search(text: str = "", *, page: int = 1, page_size: int = ALL, **filters) -> SearchResult:
    return get_backend().search(SearchQuery(text=text, filters=Filters(**filters), page=page, page_size=page_size))


def hits(text: str = "", **filters) -> list[int]:
    """Ids in rank order; asserts that the page and the total agree."""
    result = search(text, **filters)
    assert result.total == len(result.ids)
    return result.ids


def codes_of(ids: list[int]) -> list[str]:
    by_id = dict(Standard.objects.filter(id__in=ids).values_list("id", "code"))
    return [by_id[pk] for pk in ids]


def indexed_ids() -> set[int]:
    """What the engine's own index table holds, read directly (search() joins the records and would hide
    a stale index row)."""
    sql = "SELECT rowid FROM standards_fts" if ON_SQLITE else "SELECT standard_id FROM standards_search"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {row[0] for row in cursor.fetchall()}


# ------------------------------------------------------------------------------------------------
# A small catalogue of real-looking records
# ------------------------------------------------------------------------------------------------
@pytest.fixture
def catalogue(ics_tree) -> dict[str, Standard]:
    byt = IssuingBody.objects.create(code="BYT", name_vi="Bộ Y tế")
    bkhcn = IssuingBody.objects.create(code="BKHCN", name_vi="Bộ Khoa học và Công nghệ")
    food = StandardField.objects.create(code="an-toan-thuc-pham", name_vi="An toàn thực phẩm")
    water = StandardField.objects.create(code="nuoc", name_vi="Nước")
    rows = [
        ("TCVN 7790-1:2008", "Quy trình lấy mẫu để kiểm tra định tính - Phần 1: Chương trình lấy mẫu", ("03.120.30",)),
        ("TCVN 7790-3:2008", "Quy trình lấy mẫu để kiểm tra định tính - Phần 3: Lấy mẫu lược bỏ", ("03.120.30",)),
        ("TCVN ISO 9001:2015", "Hệ thống quản lý chất lượng - Các yêu cầu", ("03.120.10",)),
        ("ISO 9001:2015/Amd 1:2024", "Hệ thống quản lý chất lượng - Các yêu cầu - Sửa đổi 1", ("03.120.10",)),
        (
            "TCVN ISO 22000:2018",
            "Hệ thống quản lý an toàn thực phẩm - Yêu cầu đối với các tổ chức trong chuỗi thực phẩm",
            ("67.020", "03.100.70"),
        ),
        ("ISO 22000:2018", "Hệ thống quản lý an toàn thực phẩm", ("67.020",)),
        ("QCVN 01:2009/BYT", "Quy chuẩn kỹ thuật quốc gia về chất lượng nước ăn uống", ("13.060.20",)),
        ("QCVN 01-1:2018/BYT", "Quy chuẩn kỹ thuật quốc gia về chất lượng nước sạch sinh hoạt", ("13.060.20",)),
        ("QCĐP 01:2020/LS", "Quy chuẩn kỹ thuật địa phương về chất lượng nước sạch tỉnh Lạng Sơn", ("13.060.20",)),
        ("TCVN 5502:2003", "Nước cấp sinh hoạt - Yêu cầu chất lượng", ("13.060.20",)),
        ("TCVN 5945:2005", "Nước thải công nghiệp - Tiêu chuẩn thải", ("13.060.30",)),
        ("TCVN 5729:2012", "Đường ô tô cao tốc - Yêu cầu thiết kế", ("93.080.01",)),
        ("QCVN 41:2019/BGTVT", "Quy chuẩn kỹ thuật quốc gia về báo hiệu đường bộ", ("93.080.30",)),
        (
            "ISO/IEC 27001:2022",
            "An toàn thông tin, an ninh mạng và bảo vệ quyền riêng tư - Hệ thống quản lý an toàn thông tin",
            ("35.030", "03.100.70"),
        ),
        ("IEC 60335-1:2020", "Thiết bị điện gia dụng - An toàn - Phần 1: Yêu cầu chung", ("13.120", "97.030")),
        ("CXS 192-1995", "Tiêu chuẩn chung về phụ gia thực phẩm", ("67.220.20",)),
        ("TCVN 8244-1:2010", "Thống kê học - Từ vựng và ký hiệu - Phần 1", ("03.120.30", "01.040.03")),
    ]
    records = {code: make(code, title, ics=ics) for code, title, ics in rows}
    records["TCVN 8244-1:2010"] = standard_save(
        standard=records["TCVN 8244-1:2010"], data={"scope": "Dùng cùng TCVN 7790-1:2008 khi lấy mẫu."}, by=None
    )
    records["ISO 22000:2018"] = standard_save(
        standard=records["ISO 22000:2018"], data={"title_en": "Food safety management systems"}, by=None
    )
    for code in ("QCVN 01:2009/BYT", "QCVN 01-1:2018/BYT"):
        records[code] = standard_save(standard=records[code], data={"issuing_body": byt, "field": water}, by=None)
    for code in ("TCVN ISO 22000:2018", "CXS 192-1995"):
        records[code] = standard_save(standard=records[code], data={"issuing_body": bkhcn, "field": food}, by=None)
    records["TCVN 5502:2003"] = standard_save(
        standard=records["TCVN 5502:2003"], data={"status": StandardStatus.WITHDRAWN}, by=None
    )
    records["QCVN 01:2009/BYT"] = standard_save(
        standard=records["QCVN 01:2009/BYT"], data={"replaced_by": records["QCVN 01-1:2018/BYT"]}, by=None
    )
    return records


def ids_of(catalogue: dict[str, Standard], *codes: str) -> set[int]:
    return {catalogue[c].pk for c in codes}


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


# ------------------------------------------------------------------------------------------------
# Filters and facets
# ------------------------------------------------------------------------------------------------
def test_browse_without_text_lists_everything_newest_first(catalogue):
    found = hits("")
    assert set(found) == {s.pk for s in catalogue.values()}
    years = [Standard.objects.get(pk=pk).year for pk in found]
    assert years == sorted(years, reverse=True)


@pytest.mark.parametrize("text", ["", "chat luong", "quy chuan"])
@pytest.mark.parametrize(
    ("filters", "orm"),
    [
        ({"kinds": ("QCVN",)}, {"kind__in": ["QCVN"]}),
        ({"kinds": ("QCVN", "QCDP")}, {"kind__in": ["QCVN", "QCDP"]}),
        ({"statuses": (StandardStatus.WITHDRAWN,)}, {"status__in": ["withdrawn"]}),
        ({"statuses": (StandardStatus.IN_FORCE,)}, {"status__in": ["in_force"]}),
        ({"year_min": 2015}, {"year__gte": 2015}),
        ({"year_max": 2009}, {"year__lte": 2009}),
        ({"year_min": 2009, "year_max": 2018}, {"year__range": (2009, 2018)}),
        ({"year_min": 2010, "year_max": 2010}, {"year": 2010}),
        ({"kinds": ("TCVN",), "year_min": 2005}, {"kind": "TCVN", "year__gte": 2005}),
    ],
)
def test_filters_match_the_orm(catalogue, text, filters, orm):
    everything = set(hits(text))
    expected = everything & set(Standard.objects.filter(**orm).values_list("id", flat=True))
    assert set(hits(text, **filters)) == expected


def test_filters_by_body_and_field(catalogue):
    byt = IssuingBody.objects.get(code="BYT")
    food = StandardField.objects.get(code="an-toan-thuc-pham")
    assert set(hits("", bodies=(byt.pk,))) == ids_of(catalogue, "QCVN 01:2009/BYT", "QCVN 01-1:2018/BYT")
    assert set(hits("", fields=(food.pk,))) == ids_of(catalogue, "TCVN ISO 22000:2018", "CXS 192-1995")
    assert hits("nuoc", fields=(food.pk,)) == []


def test_the_filter_status_follows_the_service(catalogue):
    assert hits("", statuses=(StandardStatus.REPLACED,)) == [catalogue["QCVN 01:2009/BYT"].pk]
    assert hits("", statuses=(StandardStatus.WITHDRAWN,)) == [catalogue["TCVN 5502:2003"].pk]


@pytest.mark.parametrize("text", ["", "nuoc"])
@pytest.mark.parametrize(
    ("ics", "expected"),
    [
        (
            "13",
            {
                *("QCVN 01:2009/BYT", "QCVN 01-1:2018/BYT", "QCĐP 01:2020/LS", "TCVN 5502:2003", "TCVN 5945:2005"),
                "IEC 60335-1:2020",  # 13.120
            },
        ),
        ("13.060", {"QCVN 01:2009/BYT", "QCVN 01-1:2018/BYT", "QCĐP 01:2020/LS", "TCVN 5502:2003", "TCVN 5945:2005"}),
        ("13.060.20", {"QCVN 01:2009/BYT", "QCVN 01-1:2018/BYT", "QCĐP 01:2020/LS", "TCVN 5502:2003"}),
        ("13.060.30", {"TCVN 5945:2005"}),
        ("13.06", set()),  # not a prefix of 13.060: ICS codes match whole segments
        ("1", set()),
        ("13.0", set()),
        ("13.060.2", set()),
        ("67", {"TCVN ISO 22000:2018", "ISO 22000:2018", "CXS 192-1995"}),
        ("67.020", {"TCVN ISO 22000:2018", "ISO 22000:2018"}),
        ("67.220.20", {"CXS 192-1995"}),
    ],
)
def test_ics_filter_covers_the_subtree(catalogue, text, ics, expected):
    found = set(codes_of(hits(text, ics=ics)))
    if text:
        expected = {c for c in expected if "nuoc" in fold(catalogue[c].title_vi)}
    assert found == expected


def test_ics_filter_with_a_record_filed_twice(catalogue):
    # TCVN ISO 22000 is under 67.020 and 03.100.70: found under both, counted once.
    assert set(codes_of(hits("", ics="67"))) == {"TCVN ISO 22000:2018", "ISO 22000:2018", "CXS 192-1995"}
    assert set(codes_of(hits("", ics="03.100"))) == {"TCVN ISO 22000:2018", "ISO/IEC 27001:2022"}
    assert search("", ics="03").total == 7


def orm_facets(ids: list[int], ics_filter: str = "") -> dict[str, dict]:
    """The facet counts of a match set, computed with the ORM and Python only."""
    rows = list(Standard.objects.filter(id__in=ids).values("id", "kind", "status", "year", "issuing_body", "field"))
    length = {"": 2, 2: 6, 6: 9}.get(ics_filter and len(ics_filter), 9) if ics_filter else 2
    ics_heads: Counter = Counter()
    for standard in Standard.objects.filter(id__in=ids).prefetch_related("ics_codes"):
        heads = {
            code.code[:length]
            for code in standard.ics_codes.all()
            if len(code.code) >= length
            and (not ics_filter or code.code == ics_filter or code.code.startswith(ics_filter + "."))
        }
        ics_heads.update(heads)
    return {
        "kind": dict(Counter(r["kind"] for r in rows)),
        "status": dict(Counter(r["status"] for r in rows)),
        "decade": dict(Counter(r["year"] // 10 * 10 for r in rows if r["year"] is not None)),
        "body": dict(Counter(r["issuing_body"] for r in rows if r["issuing_body"] is not None)),
        "field": dict(Counter(r["field"] for r in rows if r["field"] is not None)),
        "ics": dict(ics_heads),
    }


@pytest.mark.parametrize(
    ("text", "filters"),
    [
        ("", {}),
        ("chat luong", {}),
        ("nuoc", {}),
        ("", {"ics": "13"}),
        ("", {"ics": "13.060"}),
        ("", {"ics": "03"}),
        ("he thong", {"ics": "03.120"}),
        ("", {"kinds": ("QCVN", "TCVN"), "year_min": 2005}),
        ("an toan", {"statuses": ("in_force",)}),
        ("khong co gi ca", {}),
    ],
)
def test_facet_counts_equal_the_orm(catalogue, text, filters):
    result = search(text, **filters)
    assert result.total == len(result.ids)
    expected = orm_facets(result.ids, filters.get("ics", ""))
    for name, counts in expected.items():
        assert dict(result.facets[name]) == counts, name
    assert sum(n for _, n in result.facets["kind"]) == result.total


def test_facets_count_every_match_not_only_the_page(catalogue):
    small = search("", page_size=3)
    assert len(small.ids) == 3
    assert small.total == len(catalogue)
    assert dict(small.facets["kind"]) == dict(search("").facets["kind"])
    assert sum(n for _, n in small.facets["status"]) == len(catalogue)


def test_facet_values_have_python_types(catalogue):
    facets = search("").facets
    assert all(isinstance(v, int) for v, _ in facets["decade"])
    assert all(isinstance(v, int) for v, _ in facets["body"])
    assert all(isinstance(v, int) for v, _ in facets["field"])
    assert all(isinstance(v, str) for v, _ in facets["kind"])
    assert {v for v, _ in facets["ics"]} >= {"03", "13", "67"}
    assert dict(facets["decade"]) == {1990: 1, 2000: 5, 2010: 8, 2020: 3}
    counts = [n for _, n in facets["kind"]]
    assert counts == sorted(counts, reverse=True)  # most frequent first


# ------------------------------------------------------------------------------------------------
# Pagination
# ------------------------------------------------------------------------------------------------
@pytest.fixture
def many(db) -> list[int]:
    titles = ["Chất lượng nước", "Chất lượng", "Quản lý chất lượng nước sạch", "Chất lượng không khí xung quanh"]
    # Several identical titles and years: ties that only the id can break.
    return [make(f"TCVN {1000 + i}:{2000 + i % 5}", titles[i % len(titles)]).pk for i in range(37)]


@pytest.mark.parametrize("text", ["chat luong", "", "chất lượng nước"])
@pytest.mark.parametrize("page_size", [1, 5, 7, 18])
def test_pages_are_disjoint_and_cover_the_result(many, text, page_size):
    whole = search(text)
    assert whole.total > page_size
    pages = -(-whole.total // page_size)
    seen: list[int] = []
    for page in range(1, pages + 1):
        result = search(text, page=page, page_size=page_size)
        assert result.total == whole.total
        assert result.num_pages == pages
        assert len(result.ids) == (page_size if page < pages else whole.total - len(seen))
        assert not set(result.ids) & set(seen)
        seen.extend(result.ids)
    assert len(seen) == len(set(seen)) == whole.total
    assert seen == whole.ids  # each page is a slice of one stable order
    assert search(text, page=pages + 1, page_size=page_size).ids == []


def test_same_query_same_order(many):
    for text in ["chat luong", "", "nuoc"]:
        assert search(text).ids == search(text).ids
        assert search(text, page=2, page_size=4).ids == search(text, page=2, page_size=4).ids


def test_a_page_far_away_is_empty_but_counts(many):
    result = search("chat luong", page=10_000, page_size=20)
    assert result.ids == []
    assert result.total == 37


# ------------------------------------------------------------------------------------------------
# The index follows the records, in the same transaction
# ------------------------------------------------------------------------------------------------
def test_a_new_record_is_indexed_at_once(db):
    record = make("TCVN 9999:2024", "Mật ong")
    assert record.pk in indexed_ids()
    assert hits("mat ong") == [record.pk]


def test_a_rolled_back_creation_leaves_no_index_row(db):
    created: list[int] = []
    with pytest.raises(RuntimeError), transaction.atomic():
        created.append(make("TCVN 9998:2024", "Sữa tươi tiệt trùng").pk)
        assert hits("sua tuoi") == created  # visible inside the transaction
        raise RuntimeError("the import fails after the record was saved")
    assert not Standard.objects.filter(pk=created[0]).exists()
    assert created[0] not in indexed_ids()
    assert hits("sua tuoi") == []


def test_a_rolled_back_edit_leaves_the_old_text_indexed(db):
    record = make("TCVN 9997:2024", "Nước uống đóng chai")
    with pytest.raises(RuntimeError), transaction.atomic():
        standard_save(standard=Standard.objects.get(pk=record.pk), data={"title_vi": "Bia hơi"}, by=None)
        assert hits("bia hoi") == [record.pk]
        raise RuntimeError
    assert hits("bia hoi") == []
    assert hits("nuoc uong dong chai") == [record.pk]


@pytest.mark.django_db(transaction=True, available_apps=ALL_APPS)
def test_the_index_commits_and_rolls_back_with_the_record():
    kept = make("TCVN 9996:2024", "Gạo trắng hạt dài")
    with pytest.raises(RuntimeError), transaction.atomic():
        standard_save(standard=Standard.objects.get(pk=kept.pk), data={"title_vi": "Gạo nếp"}, by=None)
        lost = make("TCVN 9995:2024", "Gạo lứt")
        raise RuntimeError
    assert hits("gao") == [kept.pk]
    assert hits("gao nep") == []
    assert lost.pk not in indexed_ids()
    assert indexed_ids() == {kept.pk}


def test_the_database_can_be_flushed(catalogue):
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    statements = connection.ops.sql_flush(no_style(), tables, allow_cascade=False)
    with transaction.atomic(), connection.cursor() as cursor:  # a savepoint: the test's data comes back
        if ON_POSTGRES:  # fire the test's deferred foreign-key checks now, as a real flush outside a test would
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for sql in statements:
            cursor.execute(sql)
        assert Standard.objects.count() == 0
        assert indexed_ids() == set()  # no index row outlives its record
        transaction.set_rollback(True)
    assert Standard.objects.count() == len(catalogue)


def test_deleting_through_the_service_removes_the_index_row(catalogue):
    record = catalogue["TCVN 5729:2012"]
    pk = record.pk
    standard_delete(standard=record, by=None)
    assert pk not in indexed_ids()
    assert hits("cao toc") == []
    assert len(indexed_ids()) == len(catalogue) - 1


def test_deleting_with_the_orm_removes_the_index_row_too(catalogue):
    # Admin bulk deletes and cascades bypass the service: the database itself keeps the index clean.
    ids = ids_of(catalogue, "TCVN 7790-1:2008", "TCVN 7790-3:2008")
    Standard.objects.filter(id__in=ids).delete()
    assert not ids & indexed_ids()
    assert codes_of(hits("7790")) == ["TCVN 8244-1:2010"]


def test_editing_the_title_reindexes(catalogue):
    record = catalogue["CXS 192-1995"]
    standard_save(standard=record, data={"title_vi": "Tiêu chuẩn chung về chất nhiễm bẩn"}, by=None)
    assert hits("phu gia") == []
    assert hits("chat nhiem ban") == [record.pk]
    assert hits("CXS 192") == [record.pk]


def test_editing_the_number_reindexes(catalogue):
    record = catalogue["TCVN 5945:2005"]
    standard_save(standard=record, data={"code": "TCVN 5945:2010"}, by=None)
    assert hits("5945:2005") == []
    assert hits("5945:2010") == [record.pk]


def test_editing_the_number_moves_the_year(catalogue):
    record = catalogue["TCVN 5945:2005"]
    standard_save(standard=record, data={"code": "TCVN 5945:2010"}, by=None)
    assert Standard.objects.get(pk=record.pk).year == 2010
    assert record.pk in search("", year_min=2010, year_max=2010).ids


def test_index_and_remove_tolerate_unknown_ids(db):
    backend = get_backend()
    backend.index([987654])
    backend.remove([987654])
    backend.index([])
    backend.remove([])
    assert indexed_ids() == set()


QUERIES = ["an toan thuc pham", "đường", "7790", "ISO 22000", "QCVN 01:2009/BYT", "he thong quan l", "nuoc", ""]


def test_rebuild_gives_the_same_results(catalogue):
    before = {q: (search(q).ids, search(q).facets) for q in QUERIES}
    backend = get_backend()
    backend.clear()
    assert indexed_ids() == set()
    assert hits("7790") == []
    assert backend.rebuild(batch_size=5) == len(catalogue)
    assert indexed_ids() == {s.pk for s in catalogue.values()}
    assert {q: (search(q).ids, search(q).facets) for q in QUERIES} == before


def test_rebuild_drops_stale_rows(catalogue):
    backend = get_backend()
    Standard.objects.filter(pk=catalogue["TCVN 5729:2012"].pk).update(title_vi="Cầu treo")  # bypasses the index
    assert hits("cau treo") == []
    backend.rebuild()
    assert hits("cau treo") == [catalogue["TCVN 5729:2012"].pk]
    assert hits("cao toc") == []


def test_the_query_compiler_keeps_only_letters_and_digits():
    terms = compile_terms('"NEAR(" ISO/IEC 27001:2022* -x &|! đường')
    assert terms.chunks == (("near",), ("iso", "iec"), ("27001", "2022"), ("x",), ("duong",))
    assert terms.exact == ("đương2",)
    assert all(re.fullmatch(r"\w+", t) for t in terms.tokens + list(terms.exact))
    assert not compile_terms("?!:;-/ ()")


# ------------------------------------------------------------------------------------------------
# Engine-specific checks
# ------------------------------------------------------------------------------------------------
@pytest.mark.skipif(not ON_SQLITE, reason="SQLite FTS5 only")
def test_sqlite_indexes_folded_text_in_four_columns(db):
    record = make("TCVN 7790-3:2008", "Đường ô tô", scope="Áp dụng cho đường cao tốc.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT code, title, exact, scope FROM standards_fts WHERE rowid = %s", [record.pk])
        assert cursor.fetchone() == ("tcvn 7790 3 2008", "duong o to", "đương2 ô tô", "ap dung cho duong cao toc")


@pytest.mark.skipif(not ON_SQLITE, reason="SQLite FTS5 only")
@given(text=st.text(max_size=100))
def test_sqlite_match_expression_quotes_every_token(text):
    from nscl.standards.search.sqlite import match_expression

    terms = compile_terms(text)
    if not terms:
        return
    expression = match_expression(terms)
    outside_quotes = re.sub(r'"[\w ]+"', "", expression)
    assert set(outside_quotes) <= set("{}:()* ANDORcodetitlescopeexact"), expression


@pytest.mark.skipif(not ON_SQLITE, reason="SQLite FTS5 only")
def test_sqlite_trigger_removes_rows_deleted_in_raw_sql(db):
    record = make("TCVN 1:2001", "Thử")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM standards_standardstatuschange WHERE standard_id = %s", [record.pk])
        cursor.execute("DELETE FROM standards_standard WHERE id = %s", [record.pk])
    assert record.pk not in indexed_ids()


@pytest.mark.skipif(not ON_SQLITE, reason="SQLite FTS5 only")
def test_sqlite_optimize_keeps_the_results(catalogue):
    before = search("chat luong").ids
    get_backend().optimize()
    assert search("chat luong").ids == before


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only")
def test_postgres_weights_the_number_above_the_title(db):
    record = make("TCVN 7790-3:2008", "Đường ô tô", scope="Áp dụng cho đường cao tốc.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT doc::text, exact::text FROM standards_search WHERE standard_id = %s", [record.pk])
        doc, exact = cursor.fetchone()
    assert "'7790':2A" in doc
    assert "'duong':5B" in doc
    assert re.search(r"'toc':\d+(,\d+)*\b(?!A|B)", doc)  # scope words carry the default weight D
    assert "'đương2'" in exact


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only")
def test_postgres_query_can_use_the_gin_index(catalogue):
    from nscl.standards.search.base import filter_sql

    backend = get_backend()
    terms = compile_terms("chat luong")
    sql, params = backend.engine_sql(terms, *filter_sql(Filters()), SearchQuery(text="chat luong"))
    with transaction.atomic(), connection.cursor() as cursor:
        # A few rows make any plan cheap: forbid the alternatives, so only a usable GIN condition can win.
        for setting in ("enable_seqscan", "enable_indexscan", "enable_nestloop"):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "standards_search_doc_gin" in plan, plan


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=100))
def test_postgres_tsquery_is_built_from_tokens_only(db, text):
    from nscl.standards.search.postgres import boost_texts, tsquery_text

    terms = compile_terms(text)
    if not terms:
        return
    phrase, whole, exact = boost_texts(terms)
    for query in (tsquery_text(terms), phrase, whole, exact):
        assert set(re.sub(r"\w+", "", query)) <= set(" &|<->():*")
        if query:
            with connection.cursor() as cursor:
                cursor.execute("SELECT to_tsquery('simple', %s)", [query])
