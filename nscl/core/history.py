"""One reader of django-simple-history for every page that shows "who changed what, when".

``history_list`` takes sources (a historical queryset and the label of its record kind) and returns
the newest entries across them, each compared with the previous version of the SAME row, with the
values shown as people read them: choice labels, related rows' names, money in đồng, dates
dd/mm/yyyy, Có/Không. Each source costs exactly one query: it fetches the newest versions and, for
each, the version before it (a subquery), with the user and every related row joined in
(``select_related``), so related names need no further query. Show it with
``partials/_history.html``.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from django.db import models
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from nscl.core.formatting import format_date, format_money

CREATED, CHANGED, DELETED = "+", "~", "-"
# Fields that name a row when a source does not say which, tried in this order.
NAME_FIELDS = ("name_vi", "name", "full_name", "title", "item", "code", "description")
NAME_LENGTH = 80


class FieldChange(NamedTuple):
    """One field of a change: its verbose name, and the value before and after, as text."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryEntry:
    """One saved version: who (display name, "" when unknown), when, which record, and what changed."""

    when: datetime.datetime
    who: str
    what: str  # the record's kind: the source's label
    record: str  # the row's name in this version
    action: str  # CREATED, CHANGED or DELETED
    reason: str = ""
    changes: tuple[FieldChange, ...] = ()

    @property
    def created(self) -> bool:
        return self.action == CREATED

    @property
    def deleted(self) -> bool:
        return self.action == DELETED


@dataclass(frozen=True)
class HistorySource:
    """Versions to read: a historical queryset (``Model.history.filter(...)``), the label of its
    record kind, the fields that name a row (the first, then the others in brackets), and whether
    the saved change reason is shown (off where code, not people, writes it)."""

    records: QuerySet
    label: str
    name_fields: Sequence[str] = ()
    reasons: bool = True


def _versions(records: QuerySet, limit: int) -> list:
    """The newest ``limit`` versions and the version before each, newest first, in one query."""
    model = records.model
    pk, row = model._meta.pk.name, model.instance_type._meta.pk.attname
    order = ("-history_date", f"-{pk}")
    newest = records.order_by(*order).values(pk)[:limit]
    earlier = Q(history_date__lt=OuterRef("history_date")) | Q(
        history_date=OuterRef("history_date"), **{f"{pk}__lt": OuterRef(pk)}
    )
    before = model._default_manager.filter(earlier, **{row: OuterRef(row)}).order_by(*order).values(pk)[:1]
    previous = model._default_manager.filter(**{f"{pk}__in": newest}).annotate(before=Subquery(before)).values("before")
    related = [f.name for f in model._meta.concrete_fields if f.is_relation]
    return list(
        model._default_manager.filter(Q(**{f"{pk}__in": newest}) | Q(**{f"{pk}__in": previous}))
        .select_related(*related)
        .order_by(*order)
    )


def _shown(record, field: models.Field, value: Any, money_fields: Iterable[str]) -> str:
    """A value as people read it; ``record`` holds the related row (joined) when ``field`` is a relation."""
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = getattr(record, field.name, None)
        return str(related) if related is not None and related.pk == value else str(value)
    if field.name in money_fields:
        return format_money(int(value))
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def _tracked(record) -> dict[str, models.Field]:
    """The fields a change is shown for: every tracked one except timestamps saved automatically."""
    return {
        f.name: f
        for f in record.tracked_fields
        if not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False)
    }


def _name(record, source: HistorySource, fields: dict[str, models.Field], money_fields: Iterable[str]) -> str:
    names = list(source.name_fields) or [next((n for n in NAME_FIELDS if n in fields), "")]
    shown = [_shown(record, fields[n], getattr(record, fields[n].attname), money_fields) for n in names if n in fields]
    shown = [text for text in shown if text]
    if not shown:
        return f"#{getattr(record, record.instance_type._meta.pk.attname)}"
    head = shown[0] if len(shown[0]) <= NAME_LENGTH else shown[0][: NAME_LENGTH - 1] + "…"
    return f"{head} ({', '.join(shown[1:])})" if len(shown) > 1 else head


def _changes(record, previous, fields: dict[str, models.Field], money_fields: Iterable[str]) -> tuple:
    """The fields whose value differs from the previous version, in the model's order. Compared here and
    not with ``diff_against``, which leaves out fields that are not editable (the budget's sums)."""
    return tuple(
        FieldChange(
            str(field.verbose_name),
            _shown(previous, field, getattr(previous, field.attname), money_fields),
            _shown(record, field, getattr(record, field.attname), money_fields),
        )
        for field in fields.values()
        if getattr(previous, field.attname) != getattr(record, field.attname)
    )


def _entries(source: HistorySource, limit: int, money_fields: Iterable[str]) -> list[HistoryEntry]:
    versions = _versions(source.records, limit)
    row = source.records.model.instance_type._meta.pk.attname
    entries = []
    for index, record in enumerate(versions[:limit]):
        fields = _tracked(record)
        previous = next((v for v in versions[index + 1 :] if getattr(v, row) == getattr(record, row)), None)
        changes = ()
        if previous is not None and record.history_type == CHANGED:
            changes = _changes(record, previous, fields, money_fields)
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=(getattr(user, "display_name", "") or str(user)) if user else "",
                what=source.label,
                record=_name(record, source, fields, money_fields),
                action=record.history_type,
                reason=(record.history_change_reason or "") if source.reasons else "",
                changes=changes,
            )
        )
    return entries


def history_list(
    *,
    sources: Iterable[HistorySource | tuple],
    limit: int = 50,
    money_fields: Iterable[str] = (),
) -> list[HistoryEntry]:
    """The newest ``limit`` entries across the sources, newest first; one query per source.

    ``sources`` are ``HistorySource`` or tuples of its arguments: ``(Model.history.filter(...), label)``.
    ``money_fields`` names the integer fields that hold đồng (``approved_amount``, ``ceiling``).
    """
    money = frozenset(money_fields)
    entries: list[HistoryEntry] = []
    for source in sources:
        source = source if isinstance(source, HistorySource) else HistorySource(*source)
        entries += _entries(source, limit, money)
    return sorted(entries, key=lambda entry: entry.when, reverse=True)[:limit]
