"""Vietnamese tax codes (mã số thuế): 10 digits with a check digit, or 10 + "-" + 3 for a branch."""

import re

from django.core.exceptions import ValidationError
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.vn import mst

from nscl.enterprises import constants

_SHAPE = re.compile(r"^\d{10}(?:-?\d{3})?$")


def tax_code_normalize(value: str) -> str:
    """The tax code as stored ("0100233488" or "0100233488-001"), or a ValidationError naming the problem."""
    text = re.sub(r"[\s.]", "", value or "")
    if not _SHAPE.match(text):
        raise ValidationError(constants.ERROR_TAX_CODE, code="tax_code")
    try:
        compact = mst.validate(text)
    except InvalidChecksum as error:
        raise ValidationError(constants.ERROR_TAX_CODE_CHECK_DIGIT, code="check_digit") from error
    except StdnumError as error:
        raise ValidationError(constants.ERROR_TAX_CODE, code="tax_code") from error
    return mst.format(compact)


def tax_code_with_check_digit(first_nine: str) -> str:
    """Complete nine digits with their check digit (used by demo data and tests)."""
    check = mst.calc_check_digit(first_nine)
    if len(check) != 1:  # a remainder of 10 has no digit: these nine digits are never issued
        raise ValueError(first_nine)
    return first_nine + check
