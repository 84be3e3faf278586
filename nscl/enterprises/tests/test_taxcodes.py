import pytest
from django.core.exceptions import ValidationError

from nscl.enterprises import constants
from nscl.enterprises.taxcodes import tax_code_normalize, tax_code_with_check_digit


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("0100233488", "0100233488"),
        (" 0100233488 ", "0100233488"),
        ("0100233488-001", "0100233488-001"),
        ("0100233488001", "0100233488-001"),  # a branch typed without its dash
        ("0100.233.488", "0100233488"),
    ],
)
def test_valid_tax_codes_are_stored_in_one_form(value, stored):
    assert tax_code_normalize(value) == stored


@pytest.mark.parametrize("value", ["0100233489", "0100233480-001"])
def test_a_wrong_check_digit_is_named(value):
    with pytest.raises(ValidationError) as caught:
        tax_code_normalize(value)
    assert caught.value.messages == [str(constants.ERROR_TAX_CODE_CHECK_DIGIT)]


@pytest.mark.parametrize(
    "value", ["", "abc", "010023348", "01002334881", "0100233488-01", "0100233488-0011", "0100233488--001", "49-123"]
)
def test_junk_is_refused_with_the_shape_message(value):
    with pytest.raises(ValidationError) as caught:
        tax_code_normalize(value)
    assert caught.value.messages == [str(constants.ERROR_TAX_CODE)]


def test_check_digit_helper_round_trips():
    code = tax_code_with_check_digit("490000001")
    assert len(code) == 10
    assert tax_code_normalize(code) == code


def test_nine_digits_whose_remainder_is_ten_have_no_check_digit():
    with pytest.raises(ValueError, match="490012345"):
        tax_code_with_check_digit("490012345")
