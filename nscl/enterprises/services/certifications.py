"""Writes to the certifications an enterprise holds."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from nscl.accounts.models import User
from nscl.enterprises import constants
from nscl.enterprises.choices import CertificationKind
from nscl.enterprises.models import Certification, Enterprise
from nscl.standards.models import Standard

NEEDS_STANDARD = (CertificationKind.PRODUCT, CertificationKind.OTHER)


@transaction.atomic
def certification_save(
    *,
    enterprise: Enterprise,
    by: User | None,
    kind: str,
    body_name: str,
    certificate_number: str,
    issued_on: datetime.date,
    expires_on: datetime.date | None = None,
    standard_text: str = "",
    standard: Standard | None = None,
    scope: str = "",
    certification: Certification | None = None,
) -> Certification:
    """Add a certification (or change ``certification``); the body is free text, never a network record."""
    if expires_on is not None and expires_on <= issued_on:
        raise ValidationError({"expires_on": constants.ERROR_EXPIRY_BEFORE_ISSUE})
    if kind in NEEDS_STANDARD and not (standard_text.strip() or standard):
        raise ValidationError({"standard_text": constants.ERROR_CERT_STANDARD_REQUIRED})
    certification = certification or Certification(enterprise=enterprise)
    certification.kind = kind
    certification.body_name = body_name.strip()
    certification.certificate_number = certificate_number.strip()
    certification.issued_on, certification.expires_on = issued_on, expires_on
    certification.standard_text, certification.standard, certification.scope = standard_text.strip(), standard, scope
    certification.full_clean()
    certification._history_user = by  # noqa: SLF001  (django-simple-history's documented hook)
    certification.save()
    return certification
