"""The search index follows the records in the same transaction; engine-specific checks."""

import re

import pytest
from django.core.management.color import no_style
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nscl.standards.choices import StandardStatus
from nscl.standards.models import IcsCode, IssuingBody, Standard, StandardField
from nscl.standards.search import Filters, SearchQuery, compile_terms, get_backend
from nscl.standards.services import standard_delete, standard_save
from nscl.standards.tests.searching import (
    ALL_APPS,
    ON_POSTGRES,
    ON_SQLITE,
    codes_of,
    facet_row,
    hits,
    ids_of,
    indexed_ids,
    make,
    search,
)


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


def test_the_facet_values_follow_every_edit(ics_tree):
    body = IssuingBody.objects.create(code="BYT", name_vi="Bộ Y tế")
    field = StandardField.objects.create(code="nuoc", name_vi="Nước")
    record = make("TCVN 5502:2003", "Nước cấp sinh hoạt", ics=("13.060.20", "03.120.10"))
    assert facet_row(record.pk) == ("TCVN", "in_force", 2003, None, None, "03.120.10 13.060.20")

    data = {"status": StandardStatus.WITHDRAWN, "issuing_body": body, "field": field}
    record = standard_save(standard=record, data=data, ics_codes=[IcsCode.objects.get(code="13.060.20")], by=None)
    assert facet_row(record.pk) == ("TCVN", "withdrawn", 2003, body.pk, field.pk, "13.060.20")

    record = standard_save(standard=record, data={"code": "QCVN 01:2009/BYT", "kind": "QCVN"}, ics_codes=[], by=None)
    assert facet_row(record.pk) == ("QCVN", "withdrawn", 2009, body.pk, field.pk, "")
    assert dict(search("nuoc cap").facets["kind"]) == {"QCVN": 1}


def test_a_rolled_back_edit_leaves_the_old_facet_values(ics_tree):
    record = make("TCVN 5502:2003", "Nước cấp sinh hoạt", ics=("13.060.20",))
    with pytest.raises(RuntimeError), transaction.atomic():
        standard_save(standard=record, data={"status": StandardStatus.WITHDRAWN}, ics_codes=[], by=None)
        raise RuntimeError
    assert facet_row(record.pk) == ("TCVN", "in_force", 2003, None, None, "13.060.20")


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
