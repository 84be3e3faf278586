"""Reads of the enterprise registry. Every read that depends on the user goes through visible_to(user)."""

import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from nscl.core.history import HistoryEntry, HistorySource, history_list
from nscl.core.roles import has_role
from nscl.core.text import search_tokens
from nscl.enterprises.choices import EnterpriseStatus, RepresentativeStatus
from nscl.enterprises.constants import EXPIRING_SOON_DAYS
from nscl.enterprises.models import (
    Certification,
    Enterprise,
    EnterpriseRepresentative,
    EnterpriseYear,
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
        queryset = queryset.filter(search_text__contains=token)  # both sides folded: no UPPER() scan
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


MONEY_FIELDS = ("revenue", "capital")  # the yearly figures in đồng


def enterprise_history(*, enterprise: Enterprise, limit: int = 50) -> list[HistoryEntry]:
    """Who changed what and when, on the profile, yearly figures and certifications, newest first
    (the shared reader: one query per source)."""
    sources = [
        HistorySource(Enterprise.history.filter(id=enterprise.pk), str(Enterprise._meta.verbose_name)),
        HistorySource(
            EnterpriseYear.history.filter(enterprise_id=enterprise.pk),
            str(EnterpriseYear._meta.verbose_name),
            name_fields=("year",),
        ),
        HistorySource(
            Certification.history.filter(enterprise_id=enterprise.pk),
            str(Certification._meta.verbose_name),
            name_fields=("kind", "certificate_number"),
        ),
    ]
    return history_list(sources=sources, limit=limit, money_fields=MONEY_FIELDS)


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
