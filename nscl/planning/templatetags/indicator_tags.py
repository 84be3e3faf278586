"""Template filters of the indicator pages."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def measure(value: Decimal | None) -> str:
    """A Decimal as officers write it: no trailing zeros, comma decimals, dot thousands; — when empty."""
    if value is None or value == "":
        return "—"
    normal = Decimal(value).normalize()
    places = max(0, -normal.as_tuple().exponent)  # type: ignore[operator]
    return number_format(normal, decimal_pos=places, use_l10n=True, force_grouping=True)
