import datetime

import pytest
from django.core.exceptions import ValidationError

from nscl.network import constants
from nscl.network.choices import Validity
from nscl.network.models import ConformityBody, validity_of
from nscl.network.tests.factories import ConformityBodyFactory, QualificationFactory
from nscl.network.validators import normalize_tax_code

TODAY = datetime.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("valid_until", "expected"),
    [
        (None, Validity.UNKNOWN),
        (TODAY - datetime.timedelta(days=1), Validity.EXPIRED),
        (TODAY, Validity.EXPIRING),
        (TODAY + datetime.timedelta(days=90), Validity.EXPIRING),
        (TODAY + datetime.timedelta(days=91), Validity.VALID),
    ],
)
def test_validity_flags(valid_until, expected):
    assert validity_of(valid_until, TODAY) == expected


@pytest.mark.django_db
class ValidityFilterTests:
    def test_queryset_filter_matches_the_flag(self):
        expired = ConformityBodyFactory(valid_until=TODAY - datetime.timedelta(days=5), valid_from=None)
        expiring = ConformityBodyFactory(valid_until=TODAY + datetime.timedelta(days=30))
        valid = ConformityBodyFactory(valid_until=TODAY + datetime.timedelta(days=400))
        unknown = ConformityBodyFactory(valid_until=None)
        bodies = ConformityBody.objects
        assert list(bodies.with_validity(Validity.EXPIRED, TODAY)) == [expired]
        assert list(bodies.with_validity(Validity.EXPIRING, TODAY)) == [expiring]
        assert list(bodies.with_validity(Validity.VALID, TODAY)) == [valid]
        assert list(bodies.with_validity(Validity.UNKNOWN, TODAY)) == [unknown]
        assert expired.validity(TODAY) == Validity.EXPIRED and expiring.validity(TODAY) == Validity.EXPIRING

    def test_qualification_expiry(self):
        qualification = QualificationFactory(valid_until=TODAY - datetime.timedelta(days=1))
        assert qualification.is_expired(TODAY)
        assert not qualification.is_expired(TODAY - datetime.timedelta(days=2))


@pytest.mark.django_db
def test_body_needs_a_number_and_an_accreditation_body():
    body = ConformityBody(kind="certification", name="X", registration_number="", accreditation_number="")
    with pytest.raises(ValidationError) as caught:
        body.full_clean()
    assert caught.value.message_dict["registration_number"] == [str(constants.ERROR_BODY_NUMBER_REQUIRED)]
    body.accreditation_number = "VILAS 000"
    with pytest.raises(ValidationError) as caught:
        body.full_clean()
    assert caught.value.message_dict["accreditation_body"] == [str(constants.ERROR_ACCREDITATION_BODY_REQUIRED)]


def test_tax_code_is_checked_and_formatted():
    assert normalize_tax_code(" 0100109106 ") == "0100109106"
    assert normalize_tax_code("0100109106001") == "0100109106-001"
    with pytest.raises(ValidationError) as caught:
        normalize_tax_code("0100109107")
    assert caught.value.messages == [str(constants.ERROR_TAX_CODE)]
