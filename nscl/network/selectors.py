"""Reads of the network. Each list returns a QuerySet with what its page shows already fetched."""

import datetime

from django.db.models import Prefetch, QuerySet

from nscl.core.history import HistoryEntry, history_list
from nscl.network.models import ConformityBody, ConsultingOrganisation, Expert, ExpertiseField, Qualification
from nscl.network.search import filter_by_query
from nscl.standards.models import Standard


def expertise_field_list() -> QuerySet[ExpertiseField]:
    return ExpertiseField.objects.all()


def _expert_base() -> QuerySet[Expert]:
    return Expert.objects.select_related("organisation").prefetch_related(
        Prefetch("fields", queryset=ExpertiseField.objects.all()),
        Prefetch("qualifications", queryset=Qualification.objects.all()),
    )


def expert_list(
    *,
    query: str = "",
    field: ExpertiseField | None = None,
    qualification: str = "",
    availability: str = "",
    active_only: bool = False,
) -> QuerySet[Expert]:
    experts = filter_by_query(_expert_base(), query)
    if field is not None:
        experts = experts.filter(fields=field)
    if qualification:
        experts = experts.filter(qualifications__kind=qualification)
    if availability:
        experts = experts.filter(availability=availability)
    if active_only:
        experts = experts.filter(is_active=True)
    if field is not None or qualification:
        experts = experts.distinct()
    return experts.order_by("full_name", "id")


def expert_directory_list(*, query: str = "", field: ExpertiseField | None = None) -> QuerySet[Expert]:
    """Active experts for the public directory (the template shows public fields only)."""
    return expert_list(query=query, field=field, active_only=True)


def expert_get(*, pk: int) -> Expert:
    return _expert_base().get(pk=pk)


def expert_for_user(*, user) -> Expert | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return _expert_base().filter(user=user).first()


def organisation_list(*, query: str = "", field: ExpertiseField | None = None) -> QuerySet[ConsultingOrganisation]:
    organisations = filter_by_query(ConsultingOrganisation.objects.prefetch_related("fields"), query)
    if field is not None:
        organisations = organisations.filter(fields=field).distinct()
    return organisations.order_by("name", "id")


def organisation_get(*, pk: int) -> ConsultingOrganisation:
    return ConsultingOrganisation.objects.prefetch_related(
        "fields", Prefetch("experts", queryset=Expert.objects.prefetch_related("fields"))
    ).get(pk=pk)


def body_list(
    *,
    query: str = "",
    kind: str = "",
    validity: str = "",
    in_province: bool | None = None,
    active_only: bool = False,
    today: datetime.date | None = None,
) -> QuerySet[ConformityBody]:
    bodies = filter_by_query(ConformityBody.objects.all(), query)
    if kind:
        bodies = bodies.filter(kind=kind)
    if validity:
        bodies = bodies.with_validity(validity, today)
    if in_province is not None:
        bodies = bodies.filter(in_province=in_province)
    if active_only:
        bodies = bodies.filter(is_active=True)
    return bodies.order_by("name", "id")


def body_get(*, pk: int) -> ConformityBody:
    return ConformityBody.objects.prefetch_related(
        Prefetch("scope_standards", queryset=Standard.objects.select_related("issuing_body").order_by("code"))
    ).get(pk=pk)


def history_of(obj, *, limit: int = 50) -> list[HistoryEntry]:
    """Who changed what and when on one expert, organisation or body, newest first, with each changed
    field's before and after and the reason given (the shared reader)."""
    return history_list(sources=[(obj.history.all(), str(obj._meta.verbose_name))], limit=limit)
