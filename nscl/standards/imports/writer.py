"""Writing one chunk of valid rows: a fixed number of queries whatever the chunk holds.

One query finds the stored records (and the stored targets of ``replaced_by``), then bulk inserts
and updates, their history (django-simple-history), ICS links, status changes and the search index.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.utils import timezone

from nscl.standards.imports.bulk import BulkInsert, padded
from nscl.standards.imports.rows import CleanRow
from nscl.standards.imports.staging import LOOKUP_BATCH, NO_KEY, Staging
from nscl.standards.models import Standard, StandardIcs, StandardStatusChange
from nscl.standards.search import get_backend

Key = tuple[str, str]
HistoricalStandard = Standard.history.model
STANDARD_COLUMNS = tuple(f.attname for f in Standard._meta.concrete_fields if not f.primary_key)
HISTORY_COLUMNS = tuple(f.attname for f in HistoricalStandard._meta.concrete_fields if not f.primary_key)
INDEX_BATCH = 2048


def NO_ID(i: int) -> int:  # noqa: N802  (a filler that is never an id)
    return -1 - i


@dataclass
class ChunkPlan:
    """What one chunk will write, worked out in Python from the rows and the stored records."""

    new: list[tuple[CleanRow, Standard]] = field(default_factory=list)
    changed: list[tuple[CleanRow, Standard]] = field(default_factory=list)
    unchanged: list[tuple[CleanRow, Standard]] = field(default_factory=list)
    changed_fields: set[str] = field(default_factory=set)
    status_changes: list[tuple[Standard, str]] = field(default_factory=list)  # (record, old status)
    ics_replaced: set[int] = field(default_factory=set)  # stored records whose ICS links change
    pending: list[CleanRow] = field(default_factory=list)  # replacements to resolve at the end
    local_refs: dict[int, tuple[CleanRow, Key]] = field(default_factory=dict)  # id(record): replaced by a new one


class ChunkWriter:
    def __init__(self, staging: Staging, *, by=None, note: str = "", batch_size: int = 1000):
        self.staging = staging
        self.by = by
        self.note = note[:100]
        self.batch_size = batch_size
        self.today = timezone.localdate()
        self.inserts = {
            "standard": BulkInsert(connection, Standard, STANDARD_COLUMNS, unique=("kind", "code_key")),
            "history": BulkInsert(connection, HistoricalStandard, HISTORY_COLUMNS),
            "links": BulkInsert(connection, StandardIcs, ("standard_id", "ics_code_id")),
        }

    # -- reading what is stored ------------------------------------------------------------------
    def stored(self, keys: Iterable[Key]) -> dict[Key, Standard]:
        wanted = set(keys)
        code_keys = sorted({key for _kind, key in wanted})
        found: dict[Key, Standard] = {}
        for start in range(0, len(code_keys), LOOKUP_BATCH):
            batch = padded(code_keys[start : start + LOOKUP_BATCH], NO_KEY)
            for record in Standard.objects.filter(code_key__in=batch):
                if (record.kind, record.code_key) in wanted:
                    found[(record.kind, record.code_key)] = record
        return found

    @staticmethod
    def stored_links(ids: list[int]) -> dict[int, set[str]]:
        links: dict[int, set[str]] = {pk: set() for pk in ids}
        for start in range(0, len(ids), LOOKUP_BATCH):
            rows = StandardIcs.objects.filter(standard_id__in=padded(ids[start : start + LOOKUP_BATCH], NO_ID))
            for standard_id, code in rows.values_list("standard_id", "ics_code_id"):
                links[standard_id].add(code)
        return links

    # -- planning --------------------------------------------------------------------------------
    def plan(self, rows: list[CleanRow]) -> ChunkPlan:
        keys = [(r.kind, r.code_key) for r in rows] + [r.ref[:2] for r in rows if r.ref]
        stored = self.stored(keys)
        links = self.stored_links([stored[(r.kind, r.code_key)].pk for r in rows if (r.kind, r.code_key) in stored])
        new_here = {(r.kind, r.code_key) for r in rows} - set(stored)
        plan = ChunkPlan()
        for row in rows:
            values = dict(row.fields)
            local_ref = None
            if row.ref and row.ref[:2] in stored:
                values["replaced_by_id"] = stored[row.ref[:2]].pk
            elif row.ref:
                values.pop("replaced_by_id", None)
                if row.ref[:2] in new_here:
                    local_ref = row.ref[:2]  # a record this chunk creates: its id is known once inserted
                else:
                    plan.pending.append(row)
            record = stored.get((row.kind, row.code_key))
            if record is None:
                record = Standard(**values)
                plan.new.append((row, record))
            else:
                self._plan_update(plan, row, record, values, links[record.pk], local_ref is not None)
            if local_ref:
                plan.local_refs[id(record)] = (row, local_ref)
        return plan

    def _plan_update(
        self, plan: ChunkPlan, row: CleanRow, record, values: dict[str, Any], links, new_ref: bool
    ) -> None:
        changes = {name for name, value in values.items() if getattr(record, name) != value}
        if new_ref:
            changes.add("replaced_by_id")  # it will point to a record created by this chunk
        ics_changed = row.ics is not None and set(row.ics) != links
        if not changes and not ics_changed:
            plan.unchanged.append((row, record))
            return
        old_status = record.status
        for name in changes - {"replaced_by_id"} if new_ref else changes:
            setattr(record, name, values[name])
        if "status" in changes:
            record.status_date = self.today
            plan.status_changes.append((record, old_status))
            changes.add("status_date")
        if ics_changed:
            plan.ics_replaced.add(record.pk)
        plan.changed_fields |= changes
        plan.changed.append((row, record))

    # -- writing ---------------------------------------------------------------------------------
    def write(self, plan: ChunkPlan) -> None:
        now = timezone.now()
        new = [record for _row, record in plan.new]
        created = self._insert_new(plan, now)
        changed = [record for _row, record in plan.changed]
        for record in changed:
            if id(record) in plan.local_refs:
                record.replaced_by_id = created[plan.local_refs[id(record)][1]]
        if changed:
            for record in changed:
                record.updated_at = now
            Standard.objects.bulk_update(changed, [*plan.changed_fields, "updated_at"], batch_size=self.batch_size)
        self._insert_history(new, "+", now)
        self._insert_history(changed, "~", now)
        self._write_links(plan)
        StandardStatusChange.objects.bulk_create(
            [
                StandardStatusChange(
                    standard=record,
                    old_status=old,
                    new_status=record.status,
                    changed_on=self.today,
                    note=self.note,
                    changed_by=self.by,
                )
                for record, old in plan.status_changes
            ],  # fmt: skip
            batch_size=self.batch_size,
        )
        ids = sorted(record.pk for record in new + changed)  # FTS5 writes fastest in rowid order
        for start in range(0, len(ids), INDEX_BATCH):
            get_backend().index(ids[start : start + INDEX_BATCH])

    def _insert_new(self, plan: ChunkPlan, now) -> dict[Key, int]:
        """Insert the new records, those replaced by another new record once its id is known.

        Returns the ids by (kind, code_key). A loop of replacements inside the chunk is left to
        the end of the import, which reports it.
        """
        created: dict[Key, int] = {}
        waiting = [record for _row, record in plan.new]
        for record in waiting:
            record.created_at = record.updated_at = now
        while waiting:
            ready = [r for r in waiting if id(r) not in plan.local_refs or plan.local_refs[id(r)][1] in created]
            if not ready:
                plan.pending.extend(plan.local_refs[id(r)][0] for r in waiting)
                ready = waiting
            for record in ready:
                if id(record) in plan.local_refs and plan.local_refs[id(record)][1] in created:
                    record.replaced_by_id = created[plan.local_refs[id(record)][1]]
            rows = [tuple(getattr(r, name) for name in STANDARD_COLUMNS) for r in ready]
            for record, pk in zip(ready, self.inserts["standard"].insert_new(rows), strict=True):
                record.pk = pk
                created[(record.kind, record.code_key)] = pk
            waiting = [r for r in waiting if r.pk is None]
        return created

    def _insert_history(self, records: list[Standard], history_type: str, now) -> None:
        """The history rows django-simple-history would write (history_type '+' created, '~' changed)."""
        user_id = getattr(self.by, "pk", None)
        extra = {"history_date": now, "history_change_reason": self.note, "history_type": history_type}
        extra["history_user_id"] = user_id
        rows = [
            tuple(extra[name] if name in extra else getattr(record, name) for name in HISTORY_COLUMNS)
            for record in records
        ]
        self.inserts["history"].insert(rows)

    def _write_links(self, plan: ChunkPlan) -> None:
        replaced = sorted(plan.ics_replaced)
        for start in range(0, len(replaced), LOOKUP_BATCH):
            StandardIcs.objects.filter(standard_id__in=replaced[start : start + LOOKUP_BATCH]).delete()
        links = [
            (record.pk, code)
            for row, record in plan.new + [(r, s) for r, s in plan.changed if s.pk in plan.ics_replaced]
            for code in row.ics or ()
        ]
        self.inserts["links"].insert(links)

    def remember(self, plan: ChunkPlan, *, written: bool) -> None:
        """Note every row of the chunk in the staging tables (ids only when the chunk was written)."""
        changed_status = {id(record): record.status for record, _old in plan.status_changes}
        rows = [(r.kind, r.code_key, r.number, s.pk if written else None, True, None) for r, s in plan.new]
        rows += [
            (r.kind, r.code_key, r.number, s.pk, False, changed_status.get(id(s)) if written else None)
            for r, s in plan.changed + plan.unchanged
        ]
        self.staging.add_rows(rows)
        ids = {(r.kind, r.code_key): s.pk for r, s in plan.new + plan.changed + plan.unchanged}
        self.staging.add_refs(
            [(r.number, ids[(r.kind, r.code_key)] if written else None, *r.ref) for r in plan.pending if r.ref]
        )
