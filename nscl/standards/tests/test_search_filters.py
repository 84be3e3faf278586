"""Search filters, facet counts and pagination."""

from collections import Counter

import pytest

from nscl.core.text import fold
from nscl.standards.choices import StandardStatus
from nscl.standards.models import IssuingBody, Standard, StandardField
from nscl.standards.tests.searching import (
    codes_of,
    hits,
    ids_of,
    make,
    search,
)


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


def test_a_record_counts_once_under_each_ics_heading(ics_tree):
    make("TCVN 1:2001", "Thống kê", ics=("03.120.10", "03.120.30", "01.040.03"))
    assert dict(search("").facets["ics"]) == {"03": 1, "01": 1}
    assert dict(search("", ics="03").facets["ics"]) == {"03.120": 1}
    assert dict(search("", ics="03.120").facets["ics"]) == {"03.120.10": 1, "03.120.30": 1}
    assert dict(search("", ics="03.120.30").facets["ics"]) == {"03.120.30": 1}


def test_no_match_has_no_counts(catalogue):
    result = search("khong co gi ca")
    assert (result.ids, result.total) == ([], 0)
    assert all(values == [] for values in result.facets.values())


def test_a_page_past_the_end_still_counts(catalogue):
    result = search("chat luong", page=50, page_size=10)
    assert result.ids == []
    assert result.total == len(hits("chat luong")) > 0
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
