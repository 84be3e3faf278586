"""Reads of the standards repository."""

from django.db.models import Count, Prefetch, Q

from nscl.standards.constants import MAX_CHAIN
from nscl.standards.models import Follow, IcsCode, Standard, StandardIcs, StandardStatusChange

_CHAIN_FORWARD = """
    WITH RECURSIVE chain(id, depth) AS (
        SELECT replaced_by_id, 1 FROM standards_standard WHERE id = %s AND replaced_by_id IS NOT NULL
        UNION
        SELECT s.replaced_by_id, c.depth + 1 FROM standards_standard s JOIN chain c ON s.id = c.id
        WHERE s.replaced_by_id IS NOT NULL AND c.depth < %s
    )
    SELECT id, MIN(depth) FROM chain GROUP BY id
"""
_CHAIN_BACKWARD = """
    WITH RECURSIVE chain(id, depth) AS (
        SELECT id, 1 FROM standards_standard WHERE replaced_by_id = %s
        UNION
        SELECT s.id, c.depth + 1 FROM standards_standard s JOIN chain c ON s.replaced_by_id = c.id
        WHERE c.depth < %s
    )
    SELECT id, MIN(depth) FROM chain GROUP BY id
"""


def standards_by_ids(ids: list[int]) -> list[Standard]:
    """Records in the order of `ids` (a search page), with what a result line shows, in 3 queries."""
    by_id = {s.pk: s for s in Standard.objects.filter(id__in=ids).for_display()}
    return [by_id[pk] for pk in ids if pk in by_id]


def standard_get(pk: int) -> Standard:
    return (
        Standard.objects.select_related("issuing_body", "field", "replaced_by")
        .prefetch_related(
            Prefetch("status_changes", queryset=StandardStatusChange.objects.select_related("changed_by")),
            Prefetch("ics_codes", queryset=IcsCode.objects.select_related("parent__parent")),
        )
        .get(pk=pk)
    )


def standard_chain(standard: Standard) -> tuple[list[Standard], list[Standard]]:
    """(older versions it replaces, newest first; newer versions replacing it, oldest first), 4 queries."""
    from django.db import connection

    def walk(sql: str) -> list[tuple[int, int]]:
        with connection.cursor() as cursor:
            cursor.execute(sql, [standard.pk, MAX_CHAIN])
            return [(pk, depth) for pk, depth in cursor.fetchall() if pk != standard.pk]

    older, newer = walk(_CHAIN_BACKWARD), walk(_CHAIN_FORWARD)
    records = Standard.objects.in_bulk([pk for pk, _ in older + newer])
    older_list = [records[pk] for pk, _ in sorted(older, key=lambda x: (x[1], -(records[x[0]].year or 0)))]
    newer_list = [records[pk] for pk, _ in sorted(newer, key=lambda x: x[1])]
    return older_list, newer_list


def standard_history(standard: Standard) -> list:
    """Edits recorded by django-simple-history, newest first, with what changed in each."""
    records = list(standard.history.select_related("history_user").order_by("-history_date", "-history_id")[:50])
    entries = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changes = newer.diff_against(older).changes if older is not None else []
        entries.append({"record": newer, "changes": changes})
    return entries


def ics_children_with_counts(parent: IcsCode | None) -> list[IcsCode]:
    """ICS codes one level below `parent` (fields when None), each with `standard_count` over its subtree."""
    codes = list(IcsCode.objects.filter(parent=parent).order_by("code"))
    if not codes:
        return codes
    length = len(codes[0].code)
    prefix = f"{parent.code}." if parent else ""
    counts: dict[str, int] = {}
    from django.db.models.functions import Substr

    links = StandardIcs.objects.all()
    if prefix:
        links = links.filter(ics_code__code__startswith=prefix)
    rows = (
        links.annotate(head=Substr("ics_code_id", 1, length))
        .values("head")
        .annotate(n=Count("standard_id", distinct=True))
    )
    for row in rows:
        counts[row["head"]] = row["n"]
    for code in codes:
        code.standard_count = counts.get(code.code, 0)
    return codes


def follow_list(user) -> list[Follow]:
    return list(Follow.objects.filter(user=user).select_related("standard", "ics_code"))


def follow_state(user, *, standard: Standard | None = None, ics_code: IcsCode | None = None) -> Follow | None:
    if not user.is_authenticated:
        return None
    q = Q(standard=standard) if standard is not None else Q(ics_code=ics_code)
    return Follow.objects.filter(q, user=user).first()


def facets_labelled(facets: dict[str, list[tuple[object, int]]]) -> dict[str, list[dict]]:
    """Facet values with their display labels (three small queries at most)."""
    from nscl.standards.choices import StandardKind, StandardStatus
    from nscl.standards.models import IssuingBody, StandardField

    bodies = IssuingBody.objects.in_bulk([v for v, _ in facets.get("body", [])])
    fields = StandardField.objects.in_bulk([v for v, _ in facets.get("field", [])])
    ics = IcsCode.objects.in_bulk([v for v, _ in facets.get("ics", [])])
    kind_labels, status_labels = dict(StandardKind.choices), dict(StandardStatus.choices)

    def label(name: str, value) -> str:
        if name == "kind":
            return str(kind_labels.get(value, value))
        if name == "status":
            return str(status_labels.get(value, value))
        if name == "decade":
            return f"{value}-{int(value) + 9}"
        if name == "body":
            return str(bodies[value]) if value in bodies else str(value)
        if name == "field":
            return str(fields[value]) if value in fields else str(value)
        if name == "ics":
            return f"{value} {ics[value].title}" if value in ics else str(value)
        return str(value)

    return {
        name: [{"value": value, "label": label(name, value), "count": count} for value, count in values]
        for name, values in facets.items()
    }
