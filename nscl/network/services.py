"""Writes to the network: experts and their qualifications, consulting organisations, conformity bodies.

Each service cleans the row, saves it, sets its many-to-many links and refreshes the folded
``search_text`` in the same transaction. django-simple-history records who changed what.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from nscl.accounts.models import User
from nscl.core.roles import Role, has_role
from nscl.network import constants
from nscl.network.models import ConformityBody, ConsultingOrganisation, Expert, ExpertiseField, Qualification
from nscl.network.search import search_text_of
from nscl.network.validators import normalize_tax_code
from nscl.standards.models import Standard

EXPERT_FIELDS = [
    "full_name", "title", "user", "organisation", "phone", "email", "address", "summary",
    "availability", "availability_note", "note", "is_active",
]  # fmt: skip
EXPERT_SELF_FIELDS = ["phone", "email", "address", "availability", "availability_note"]
ORGANISATION_FIELDS = ["name", "tax_code", "address", "phone", "email", "website", "note", "is_active"]
BODY_FIELDS = [
    "kind", "name", "short_name", "registration_number", "accreditation_number", "accreditation_body",
    "scope_note", "valid_from", "valid_until", "address", "phone", "email", "website", "in_province",
    "note", "is_active",
]  # fmt: skip
QUALIFICATION_FIELDS = ["kind", "title", "issuer", "number", "issued_on", "valid_until"]


def _assign(obj: models.Model, data: dict[str, Any], allowed: list[str]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"unexpected fields: {sorted(unknown)}")
    for name, value in data.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def _save(obj: models.Model, *, by: User | None, reason: str = "") -> None:
    obj._change_reason = reason  # type: ignore[attr-defined]
    if by is not None:
        obj._history_user = by  # type: ignore[attr-defined]  # who, also outside a request
    obj.full_clean()
    obj.save()


def _refresh_search_text(obj: models.Model, text: str) -> None:
    # Not through save(): the search column is derived, and history should not record it.
    type(obj).objects.filter(pk=obj.pk).update(search_text=text)
    obj.search_text = text  # type: ignore[attr-defined]


# -- experts ----------------------------------------------------------------------------------------


def _check_linked_user(expert: Expert) -> None:
    user = expert.user
    if user is None:
        return
    if not has_role(user, Role.EXPERT):
        raise ValidationError({"user": constants.ERROR_USER_NOT_EXPERT})
    other = Expert.objects.filter(user=user).exclude(pk=expert.pk).first()
    if other is not None:
        raise ValidationError({"user": constants.ERROR_USER_ALREADY_LINKED % {"name": other.full_name}})


def expert_refresh_search_text(*, expert: Expert) -> None:
    fields = [f.name_vi for f in expert.fields.all()]
    qualifications = [q.title or q.get_kind_display() for q in expert.qualifications.all()]
    organisation = expert.organisation.name if expert.organisation_id else ""
    text = search_text_of(expert.full_name, expert.title, organisation, *fields, *qualifications)
    _refresh_search_text(expert, text)


@transaction.atomic
def expert_save(
    *,
    expert: Expert | None = None,
    data: dict[str, Any],
    fields: Iterable[ExpertiseField] | None = None,
    by: User | None,
    reason: str = "",
) -> Expert:
    """Create (expert=None) or update an expert from officer-entered data."""
    expert = expert or Expert()
    _assign(expert, data, EXPERT_FIELDS)
    _check_linked_user(expert)
    _save(expert, by=by, reason=reason)
    if fields is not None:
        expert.fields.set(fields)
    expert_refresh_search_text(expert=expert)
    return expert


def can_edit_own_expert(user: User, expert: Expert) -> bool:
    return bool(getattr(user, "is_authenticated", False) and expert.user_id == user.pk and has_role(user, Role.EXPERT))


@transaction.atomic
def expert_self_update(*, expert: Expert, by: User, data: dict[str, Any]) -> Expert:
    """An expert updates their own contacts and availability; nobody else goes through here."""
    if not can_edit_own_expert(by, expert):
        raise PermissionDenied(constants.ERROR_NOT_OWN_RECORD)
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    _assign(expert, data, EXPERT_SELF_FIELDS)
    _save(expert, by=by, reason="self-update")
    return expert


@transaction.atomic
def qualification_save(
    *, expert: Expert, qualification: Qualification | None = None, data: dict[str, Any], by: User | None
) -> Qualification:
    qualification = qualification or Qualification(expert=expert)
    if qualification.expert_id != expert.pk:
        raise PermissionDenied
    _assign(qualification, data, QUALIFICATION_FIELDS)
    _save(qualification, by=by)
    expert_refresh_search_text(expert=expert)
    return qualification


@transaction.atomic
def qualification_delete(*, qualification: Qualification, by: User | None) -> None:
    expert = qualification.expert
    if by is not None:
        qualification._history_user = by  # type: ignore[attr-defined]
    qualification.delete()
    expert_refresh_search_text(expert=expert)


# -- consulting organisations ---------------------------------------------------------------------------


@transaction.atomic
def organisation_save(
    *,
    organisation: ConsultingOrganisation | None = None,
    data: dict[str, Any],
    fields: Iterable[ExpertiseField] | None = None,
    by: User | None,
    reason: str = "",
) -> ConsultingOrganisation:
    organisation = organisation or ConsultingOrganisation()
    _assign(organisation, data, ORGANISATION_FIELDS)
    organisation.tax_code = normalize_tax_code(organisation.tax_code) if organisation.tax_code else ""
    if organisation.tax_code:
        duplicate = ConsultingOrganisation.objects.filter(tax_code=organisation.tax_code).exclude(pk=organisation.pk)
        if duplicate.exists():
            raise ValidationError(
                {"tax_code": constants.ERROR_DUPLICATE_TAX_CODE % {"tax_code": organisation.tax_code}}
            )
    _save(organisation, by=by, reason=reason)
    if fields is not None:
        organisation.fields.set(fields)
    names = [f.name_vi for f in organisation.fields.all()]
    _refresh_search_text(organisation, search_text_of(organisation.name, organisation.tax_code, *names))
    for expert in organisation.experts.all():  # experts are found by their organisation's name too
        expert_refresh_search_text(expert=expert)
    return organisation


# -- conformity bodies ------------------------------------------------------------------------------------


def body_refresh_search_text(*, body: ConformityBody) -> None:
    standards = [s.code for s in body.scope_standards.all()]
    text = search_text_of(
        body.name,
        body.short_name,
        body.registration_number,
        body.accreditation_number,
        body.accreditation_body,
        body.scope_note,
        *standards,
    )
    _refresh_search_text(body, text)


@transaction.atomic
def body_save(
    *,
    body: ConformityBody | None = None,
    data: dict[str, Any],
    scope_standards: Iterable[Standard] | None = None,
    by: User | None,
    reason: str = "",
) -> ConformityBody:
    body = body or ConformityBody()
    _assign(body, data, BODY_FIELDS)
    _save(body, by=by, reason=reason)
    if scope_standards is not None:
        body.scope_standards.set(scope_standards)
    body_refresh_search_text(body=body)
    return body
