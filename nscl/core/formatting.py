"""Money and date formatting for Vietnamese and English.

Money is integer đồng everywhere. Vietnamese and English pages both group thousands with dots
and write dates dd/mm/yyyy, as officers write them; only the currency word differs.
"""

import datetime

from django.utils import timezone
from django.utils.translation import get_language


def format_number(value: int | None) -> str:
    if value is None:
        return ""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(int(value)):,}".replace(",", ".")


def format_money(value: int | None, language: str | None = None) -> str:
    """1234567 -> "1.234.567 đồng" (vi) or "1.234.567 VND" (en)."""
    if value is None:
        return ""
    if isinstance(value, float):
        raise TypeError("Money is integer đồng; got a float.")
    language = (language or get_language() or "vi")[:2]
    unit = "VND" if language == "en" else "đồng"
    return f"{format_number(value)} {unit}"


def format_date(value: datetime.date | datetime.datetime | None) -> str:
    """dd/mm/yyyy in both languages; datetimes are shown in the site's time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")
