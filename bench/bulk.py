"""The bare bulk insert: the baseline the import is compared to, and a fast loader for the search bench.

It writes the same rows into the same tables as the import pipeline (standards_standard,
standards_standardics and the search index: standards_fts and standards_facets on SQLite,
standards_search with its facet columns on PostgreSQL) with plain ``executemany`` INSERTs, the
values prepared beforehand in Python (numbers parsed, text folded), and none of the checks,
upserts or history the import does. Needs Django set up.
"""

import csv
import time
from dataclasses import dataclass, field
from pathlib import Path

CHUNK = 2000


@dataclass
class Prepared:
    columns: list[str]
    standards: list[tuple] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)
    docs: list[tuple] = field(default_factory=list)
    facets: list[tuple] = field(default_factory=list)


def _standard_columns() -> list[str]:
    from nscl.standards.models import Standard

    return [f.column for f in Standard._meta.concrete_fields]


def prepare(path: Path, vendor: str) -> Prepared:
    """Read the CSV and compute every column value (ids given here, 1..N in file order)."""
    from django.utils import timezone

    from nscl.standards.codes import parse_code
    from nscl.standards.search.terms import document_for

    now = timezone.now()
    columns = _standard_columns()
    prepared = Prepared(columns=columns)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ids = {row["code"]: pk for pk, row in enumerate(rows, start=1)}
    for pk, row in enumerate(rows, start=1):
        parsed = parse_code(row["code"], row["kind"])
        values = {
            "id": pk,
            "kind": row["kind"],
            "code": parsed.code,
            "code_key": parsed.code_key,
            "number": parsed.number,
            "base_number": parsed.base_number,
            "part": parsed.part,
            "year": int(row["year"]) if row["year"] else parsed.year,
            "title_vi": row["title_vi"],
            "title_en": row["title_en"],
            "scope": row["scope"],
            "status": row["status"],
            "replaced_by_id": ids.get(row["replaced_by"]) if row["replaced_by"] else None,
            "created_at": now,
            "updated_at": now,
        }
        prepared.standards.append(tuple(values.get(c, "" if c in _BLANK_TEXT else None) for c in columns))
        codes = sorted(filter(None, row["ics"].split(";")))
        prepared.links.extend((pk, code) for code in codes)
        facets = (values["kind"], values["status"], values["year"], None, None, " ".join(codes))
        doc = document_for(
            code=parsed.code, equivalent_ref="", title_vi=row["title_vi"], title_en=row["title_en"], scope=row["scope"]
        )
        if vendor == "postgresql":
            prepared.docs.append((pk, doc["code"], doc["title"], doc["scope"], doc["exact"], *facets))
        else:
            prepared.docs.append((pk, doc["code"], doc["title"], doc["exact"], doc["scope"]))
            prepared.facets.append((pk, *facets))
    return prepared


_BLANK_TEXT = {"decision", "equivalent_ref", "equivalence"}


def _statements(prepared: Prepared, vendor: str) -> list[tuple[str, list[tuple]]]:
    from nscl.standards.search.base import FACET_COLUMNS

    facet_columns = ", ".join(FACET_COLUMNS)
    columns = ", ".join(prepared.columns)
    marks = ", ".join(["%s"] * len(prepared.columns))
    statements = [
        (f"INSERT INTO standards_standard ({columns}) VALUES ({marks})", prepared.standards),
        ("INSERT INTO standards_standardics (standard_id, ics_code_id) VALUES (%s, %s)", prepared.links),
    ]
    if vendor == "postgresql":
        from nscl.standards.search.postgres import DOC_SQL, TABLE

        sql = (
            f"INSERT INTO {TABLE} (standard_id, doc, exact, {facet_columns}) "
            f"VALUES (%s, {DOC_SQL}, to_tsvector('simple', %s), %s, %s, %s, %s, %s, %s)"
        )
        statements.append((sql, prepared.docs))
    else:
        from nscl.standards.search.sqlite import FACETS, TABLE

        sql = f"INSERT INTO {TABLE}(rowid, code, title, exact, scope) VALUES (%s, %s, %s, %s, %s)"
        statements.append((sql, prepared.docs))
        sql = f"INSERT INTO {FACETS} (id, {facet_columns}) VALUES (%s, %s, %s, %s, %s, %s, %s)"
        statements.append((sql, prepared.facets))
    return statements


def insert(prepared: Prepared) -> tuple[float, dict[str, float]]:
    """Insert everything in one transaction: (seconds in all, commit included; seconds per table)."""
    from django.db import connection, transaction

    vendor = connection.vendor
    statements = _statements(prepared, vendor)
    per_table: dict[str, float] = {}
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for sql, rows in statements:
            table_started = time.perf_counter()
            for start in range(0, len(rows), CHUNK):
                cursor.executemany(sql, rows[start : start + CHUNK])
            per_table[sql.split()[2].split("(")[0]] = round(time.perf_counter() - table_started, 2)
        if vendor == "postgresql":
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('standards_standard', 'id'), "
                "(SELECT MAX(id) FROM standards_standard))"
            )
    return time.perf_counter() - started, per_table


def load(path: Path) -> int:
    """Fill the (empty, migrated) database with the CSV's rows; returns the row count."""
    from django.db import connection

    prepared = prepare(path, connection.vendor)
    insert(prepared)
    return len(prepared.standards)
