import datetime

import pytest
from django.core.exceptions import ValidationError

from nscl.enterprises import constants
from nscl.enterprises.choices import CertificationKind
from nscl.enterprises.models import Certification
from nscl.enterprises.services import certification_save
from nscl.enterprises.tests.factories import CertificationFactory, EnterpriseFactory

TODAY = datetime.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("expires_on", "expired", "soon"),
    [
        (None, False, False),
        (TODAY - datetime.timedelta(days=1), True, False),
        (TODAY, False, True),  # valid through its last day
        (TODAY + datetime.timedelta(days=90), False, True),
        (TODAY + datetime.timedelta(days=91), False, False),
    ],
)
def test_expiry_flags(expires_on, expired, soon):
    cert = Certification(issued_on=datetime.date(2020, 1, 1), expires_on=expires_on)
    assert cert.is_expired(TODAY) is expired
    assert cert.is_expiring_soon(TODAY) is soon


@pytest.mark.django_db
def test_valid_on_excludes_expired_and_future_certificates():
    enterprise = EnterpriseFactory()
    valid = CertificationFactory(enterprise=enterprise, issued_on=datetime.date(2025, 1, 1), expires_on=TODAY)
    CertificationFactory(
        enterprise=enterprise, issued_on=datetime.date(2020, 1, 1), expires_on=datetime.date(2023, 1, 1)
    )
    CertificationFactory(enterprise=enterprise, issued_on=TODAY + datetime.timedelta(days=1), expires_on=None)
    assert list(Certification.objects.valid_on(TODAY)) == [valid]


@pytest.mark.django_db
def test_certification_save_checks_dates_and_standard(officer):
    enterprise = EnterpriseFactory()
    base = {
        "enterprise": enterprise,
        "by": officer,
        "body_name": "Tổ chức chứng nhận X",
        "certificate_number": "X-1",
        "issued_on": datetime.date(2025, 1, 1),
    }
    with pytest.raises(ValidationError) as caught:
        certification_save(kind=CertificationKind.ISO_9001, expires_on=datetime.date(2024, 1, 1), **base)
    assert caught.value.message_dict == {"expires_on": [str(constants.ERROR_EXPIRY_BEFORE_ISSUE)]}
    with pytest.raises(ValidationError) as caught:
        certification_save(kind=CertificationKind.PRODUCT, **base)
    assert caught.value.message_dict == {"standard_text": [str(constants.ERROR_CERT_STANDARD_REQUIRED)]}
    cert = certification_save(kind=CertificationKind.ISO_9001, expires_on=datetime.date(2028, 1, 1), **base)
    assert cert.label == "ISO 9001"
    assert cert.history.first().history_user == officer
