"""Enterprise self-service: sign up, claim an enterprise (or register a new one), officers decide."""

from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from nscl.accounts.models import User
from nscl.accounts.services import notification_create_many, user_set_roles
from nscl.core.roles import Role, has_role
from nscl.enterprises import constants
from nscl.enterprises.choices import EnterpriseStatus, RepresentativeStatus
from nscl.enterprises.models import Enterprise, EnterpriseRepresentative
from nscl.enterprises.services.enterprises import enterprise_create
from nscl.enterprises.taxcodes import tax_code_normalize


@transaction.atomic
def user_sign_up(*, username: str, password: str, full_name: str, email: str, phone: str = "") -> User:
    """A new account with the enterprise role (the form has already checked the password's strength)."""
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": constants.ERROR_USERNAME_TAKEN})
    user = User(username=username, full_name=full_name, email=email, phone=phone)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user_set_roles(user=user, roles=[Role.ENTERPRISE])


def _officers() -> list[User]:
    groups = Group.objects.filter(name__in=[Role.OFFICER, Role.ADMIN])
    return list(User.objects.filter(groups__in=groups, is_active=True).distinct())


def _notify_officers(claim: EnterpriseRepresentative) -> None:
    title = gettext("Yêu cầu đại diện doanh nghiệp mới: %(name)s") % {"name": claim.enterprise.name_vi}
    body = gettext("%(user)s đề nghị được xác nhận là đại diện của %(name)s (MST %(tax_code)s).") % {
        "user": claim.user.display_name,
        "name": claim.enterprise.name_vi,
        "tax_code": claim.enterprise.tax_code,
    }
    notification_create_many(users=_officers(), title=title, body=body, url=reverse("enterprises:claim_list"))


def _open_claim(*, user: User, enterprise: Enterprise, position: str, registered: bool) -> EnterpriseRepresentative:
    if not has_role(user, Role.ENTERPRISE):
        raise ValidationError(constants.ERROR_CLAIM_ROLE)
    taken = EnterpriseRepresentative.objects.filter(user=user, enterprise=enterprise).exclude(
        status=RepresentativeStatus.REJECTED
    )
    if taken.exists():
        raise ValidationError({"tax_code": constants.ERROR_CLAIM_EXISTS})
    claim = EnterpriseRepresentative(
        user=user, enterprise=enterprise, position=position, registered_enterprise=registered
    )
    claim.full_clean(exclude=["status"])  # a protected FSM field: only transitions set it
    claim.save()
    _notify_officers(claim)
    return claim


@transaction.atomic
def claim_create(*, user: User, tax_code: str, position: str = "") -> EnterpriseRepresentative:
    """Ask to represent the enterprise with this tax code; an officer confirms or rejects."""
    try:
        tax_code = tax_code_normalize(tax_code)
    except ValidationError as error:
        raise ValidationError({"tax_code": error.messages}) from error
    enterprise = Enterprise.objects.exclude(status=EnterpriseStatus.REJECTED).filter(tax_code=tax_code).first()
    if enterprise is None:
        raise ValidationError({"tax_code": constants.ERROR_CLAIM_UNKNOWN_TAX_CODE})
    return _open_claim(user=user, enterprise=enterprise, position=position, registered=False)


@transaction.atomic
def enterprise_register(*, user: User, tax_code: str, position: str = "", **profile: Any) -> EnterpriseRepresentative:
    """A new enterprise profile, pending, with the user's claim on it; both wait for an officer."""
    if not has_role(user, Role.ENTERPRISE):
        raise ValidationError(constants.ERROR_CLAIM_ROLE)
    enterprise = enterprise_create(by=user, tax_code=tax_code, status=EnterpriseStatus.PENDING, **profile)
    return _open_claim(user=user, enterprise=enterprise, position=position, registered=True)


def _decide(*, claim: EnterpriseRepresentative, by: User, note: str, confirm: bool) -> EnterpriseRepresentative:
    claim = EnterpriseRepresentative.objects.select_for_update().select_related("enterprise", "user").get(pk=claim.pk)
    if claim.status != RepresentativeStatus.PENDING:
        raise ValidationError(constants.ERROR_CLAIM_NOT_PENDING)
    if confirm:
        claim.confirm()
    else:
        claim.reject()
    claim.decided_at, claim.decided_by, claim.decision_note = timezone.now(), by, note[:500]
    claim.save(update_fields=["status", "decided_at", "decided_by", "decision_note"])
    enterprise = claim.enterprise
    if claim.registered_enterprise and enterprise.status == EnterpriseStatus.PENDING:
        enterprise.status = EnterpriseStatus.ACTIVE if confirm else EnterpriseStatus.REJECTED
        enterprise._history_user = by  # noqa: SLF001
        enterprise.save(update_fields=["status"])
    if confirm:
        title = gettext("Đã xác nhận bạn là đại diện của %(name)s") % {"name": enterprise.name_vi}
        url = enterprise.get_absolute_url()
    else:
        title = gettext("Yêu cầu đại diện %(name)s bị từ chối") % {"name": enterprise.name_vi}
        url = reverse("enterprises:my_enterprises")
    notification_create_many(users=[claim.user], title=title, body=note, url=url)
    return claim


@transaction.atomic
def claim_confirm(*, claim: EnterpriseRepresentative, by: User, note: str = "") -> EnterpriseRepresentative:
    return _decide(claim=claim, by=by, note=note, confirm=True)


@transaction.atomic
def claim_reject(*, claim: EnterpriseRepresentative, by: User, note: str = "") -> EnterpriseRepresentative:
    return _decide(claim=claim, by=by, note=note, confirm=False)
