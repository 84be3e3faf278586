"""Checks on single values, shared by models, forms and serializers."""

from django.core.exceptions import ValidationError
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.vn import mst

from nscl.network import constants


def normalize_tax_code(value: str) -> str:
    """The tax code as officially written (10 digits, or 10 + "-" + 3 for a branch); raises when invalid."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return mst.format(mst.validate(value))
    except StdnumError as exc:
        raise ValidationError(constants.ERROR_TAX_CODE, code="tax_code") from exc


def validate_tax_code(value: str) -> None:
    normalize_tax_code(value)
