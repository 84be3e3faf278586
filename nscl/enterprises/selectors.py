"""Reads of the enterprise registry. Every read that depends on the user goes through visible_to(user)."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from nscl.core.roles import has_role
from nscl.core.text import search_tokens
from nscl.enterprises.choices import EnterpriseStatus, RepresentativeStatus
from nscl.enterprises.constants import EXPIRING_SOON_DAYS
from nscl.enterprises.models import (
    Certification,
    Enterprise,
    EnterpriseRepresentative,
    KeyProduct,
    ModelEnterprise,
    Replication,
)
from nscl.enterprises.permissions import PROFILE_EDIT, STAFF


def enterprise_ids_for_user(user) -> list[int]:
    """Ids of the enterprises the user may see: every one for staff and board, its own for a representative."""
    return list(Enterprise.objects.visible_to(user).values_list("id", flat=True))


def _valid_certification(day: datetime.date) -> Exists:
    return Exists(Certification.objects.valid_on(day).filter(enterprise=OuterRef("pk")))


def enterprise_list(*, user, filters: dict[str, Any] | None = None) -> QuerySet[Enterprise]:
    """The registry as the user may see it, filtered: q, commune, section, size, ownership, certified, status."""
    filters = filters or {}
    today = timezone.localdate()
    queryset = (
        Enterprise.objects.visible_to(user)
        .select_related("commune", "vsic_code")
        .annotate(has_valid_certification=_valid_certification(today))
    )
    for token in search_tokens(filters.get("q") or ""):
        queryset = queryset.filter(search_text__icontains=token)
    if filters.get("commune"):
        queryset = queryset.filter(commune=filters["commune"])
    if filters.get("section"):
        section = filters["section"]
        queryset = queryset.filter(Q(vsic_code__code=section) | Q(vsic_code__parent__code=section))
    if filters.get("size"):
        queryset = queryset.filter(size=filters["size"])
    if filters.get("ownership"):
        queryset = queryset.filter(ownership=filters["ownership"])
    if filters.get("certified"):
        queryset = queryset.filter(has_valid_certification=True)
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    else:
        queryset = queryset.exclude(status=EnterpriseStatus.REJECTED)
    return queryset.order_by("name_vi", "id")


def enterprise_get(*, user, pk: int) -> Enterprise:
    """One enterprise with everything its page shows; DoesNotExist outside what the user may see."""
    return (
        Enterprise.objects.visible_to(user)
        .select_related("commune__province", "vsic_code__parent", "created_by")
        .prefetch_related(
            "years",
            Prefetch("certifications", queryset=Certification.objects.select_related("standard")),
            "key_products",
            Prefetch("replications", queryset=Replication.objects.select_related("model__enterprise").order_by("year")),
        )
        .get(pk=pk)
    )


def enterprise_editable_get(*, user, pk: int) -> Enterprise:
    """An enterprise the user may edit: staff any, a representative its confirmed own; DoesNotExist otherwise."""
    queryset = Enterprise.objects.select_related("commune", "vsic_code__parent")
    if has_role(user, *STAFF):
        return queryset.get(pk=pk)
    if has_role(user, *PROFILE_EDIT):
        return queryset.filter(representatives__user=user, representatives__status=RepresentativeStatus.CONFIRMED).get(
            pk=pk
        )
    raise Enterprise.DoesNotExist


def enterprise_model_record(*, enterprise: Enterprise) -> ModelEnterprise | None:
    return (
        ModelEnterprise.objects.filter(enterprise=enterprise)
        .prefetch_related(Prefetch("replications", queryset=Replication.objects.select_related("enterprise")))
        .first()
    )


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime.datetime
    who: str
    what: str  # the record's kind
    action: str  # "+", "~", "-"
    changes: list[tuple[str, str, str]]  # (field label, before, after)


def _related_names(records: list) -> dict[tuple[type, object], str]:
    """Display names of the rows the versions point to (commune, VSIC code, standard): one query per model."""
    if not records:
        return {}
    wanted: dict[type, set] = {}
    for field in records[0].instance_type._meta.concrete_fields:
        if field.is_relation and field.name not in ("enterprise", "created_by"):
            ids = {getattr(r, field.attname) for r in records} - {None}
            wanted.setdefault(field.related_model, set()).update(ids)
    return {
        (model, pk): str(obj) for model, ids in wanted.items() if ids for pk, obj in model.objects.in_bulk(ids).items()
    }


def _shown(field, value, names: dict) -> str:
    """A value as people read it: the choice label, the related row's name, or the value itself."""
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        return names.get((field.related_model, value), str(value))
    return str(value)


def _entries(queryset, label: str, limit: int) -> list[HistoryEntry]:
    """The newest ``limit`` versions, each compared with the previous version of the same row (one query)."""
    records = list(queryset.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    names = _related_names(records)
    entries = []
    for index, record in enumerate(records[:limit]):
        changes: list[tuple[str, str, str]] = []
        previous = next((r for r in records[index + 1 :] if r.id == record.id), None)
        if previous is not None and record.history_type == "~":
            for change in record.diff_against(previous).changes:
                field = record.instance_type._meta.get_field(change.field)
                old, new = _shown(field, change.old, names), _shown(field, change.new, names)
                changes.append((str(field.verbose_name), old, new))
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=user.display_name if user else "",
                what=label,
                action=record.history_type,
                changes=changes,
            )
        )
    return entries


def enterprise_history(*, enterprise: Enterprise, limit: int = 50) -> list[HistoryEntry]:
    """Who changed what and when, on the profile, yearly figures and certifications, newest first."""
    from nscl.enterprises.models import EnterpriseYear

    sources = [
        (Enterprise.history.filter(id=enterprise.pk), str(Enterprise._meta.verbose_name)),
        (EnterpriseYear.history.filter(enterprise_id=enterprise.pk), str(EnterpriseYear._meta.verbose_name)),
        (Certification.history.filter(enterprise_id=enterprise.pk), str(Certification._meta.verbose_name)),
    ]
    entries: list[HistoryEntry] = []
    for queryset, label in sources:
        entries += _entries(queryset, label, limit)
    return sorted(entries, key=lambda e: e.when, reverse=True)[:limit]


def claim_pending_list() -> QuerySet[EnterpriseRepresentative]:
    return (
        EnterpriseRepresentative.objects.filter(status=RepresentativeStatus.PENDING)
        .select_related("user", "enterprise__commune")
        .order_by("requested_at", "id")
    )


def claim_list_for_user(*, user) -> QuerySet[EnterpriseRepresentative]:
    return EnterpriseRepresentative.objects.filter(user=user).select_related("enterprise", "decided_by")


def certification_expiring_list(*, user, days: int = EXPIRING_SOON_DAYS) -> QuerySet[Certification]:
    today = timezone.localdate()
    return (
        Certification.objects.filter(enterprise__in=Enterprise.objects.visible_to(user))
        .expiring_between(today, today + datetime.timedelta(days=days))
        .select_related("enterprise", "standard")
        .order_by("expires_on", "id")
    )


def key_product_list() -> QuerySet[KeyProduct]:
    return KeyProduct.objects.prefetch_related(
        Prefetch("producers", queryset=Enterprise.objects.active().select_related("commune"))
    )


def model_enterprise_list(*, public_only: bool = False) -> QuerySet[ModelEnterprise]:
    queryset = ModelEnterprise.objects.select_related("enterprise__commune", "enterprise__vsic_code").prefetch_related(
        Prefetch("replications", queryset=Replication.objects.select_related("enterprise"))
    )
    if public_only:
        queryset = queryset.filter(is_public=True, enterprise__status=EnterpriseStatus.ACTIVE)
    return queryset
