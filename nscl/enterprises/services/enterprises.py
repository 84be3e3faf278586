"""Writes to enterprise profiles and yearly figures. The size class and the search text follow every write."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from nscl.accounts.models import User
from nscl.core.text import search_tokens
from nscl.enterprises import constants
from nscl.enterprises.choices import EnterpriseStatus
from nscl.enterprises.models import Enterprise, EnterpriseYear
from nscl.enterprises.sizing import sector_group_for, size_class_for, thresholds_for
from nscl.enterprises.taxcodes import tax_code_normalize

PROFILE_FIELDS = [
    "name_vi", "name_en", "short_name", "vsic_code", "ownership", "commune", "address", "representative_name",
    "phone", "email", "website", "founded_year", "description",
]  # fmt: skip
YEAR_MIN, YEAR_MAX = 1990, 2100


def _search_text(enterprise: Enterprise) -> str:
    parts = [
        enterprise.tax_code,
        enterprise.tax_code.replace("-", ""),
        enterprise.name_vi,
        enterprise.name_en,
        enterprise.short_name,
        enterprise.representative_name,
        enterprise.address,
        enterprise.commune.name if enterprise.commune_id else "",
    ]
    return " ".join(search_tokens(" ".join(p for p in parts if p)))


def _check_profile(enterprise: Enterprise) -> None:
    """Rules that need other rows: a unique tax code, a commune of this province, a VSIC 2018 code."""
    errors: dict[str, Any] = {}
    try:
        enterprise.tax_code = tax_code_normalize(enterprise.tax_code)
    except ValidationError as error:
        errors["tax_code"] = error.messages
    else:
        if Enterprise.objects.filter(tax_code=enterprise.tax_code).exclude(pk=enterprise.pk).exists():
            errors["tax_code"] = [constants.ERROR_TAX_CODE_TAKEN % {"tax_code": enterprise.tax_code}]
    if enterprise.commune_id and enterprise.commune.province_id != settings.NSCL_PROVINCE_CODE:
        errors["commune"] = [constants.ERROR_COMMUNE_PROVINCE]
    if enterprise.vsic_code_id and enterprise.vsic_code.version != constants.VSIC_VERSION:
        errors["vsic_code"] = [constants.ERROR_VSIC_VERSION]
    if enterprise.founded_year is not None and not YEAR_MIN - 100 <= enterprise.founded_year <= YEAR_MAX:
        errors["founded_year"] = [constants.ERROR_YEAR_RANGE]
    if errors:
        raise ValidationError(errors)


def _compute_size(enterprise: Enterprise) -> None:
    latest = enterprise.years.order_by("-year").first() if enterprise.pk else None
    if latest is None:
        enterprise.size, enterprise.size_year = "", None
        return
    thresholds = thresholds_for(sector_group_for(enterprise.vsic_code))
    enterprise.size = size_class_for(
        employees=latest.employees, revenue=latest.revenue, capital=latest.capital, thresholds=thresholds
    )
    enterprise.size_year = latest.year


def _store(enterprise: Enterprise, *, by: User | None) -> Enterprise:
    _check_profile(enterprise)
    _compute_size(enterprise)
    enterprise.search_text = _search_text(enterprise)
    enterprise.full_clean()
    enterprise._history_user = by  # noqa: SLF001  (django-simple-history's documented hook)
    enterprise.save()
    return enterprise


@transaction.atomic
def enterprise_create(
    *, by: User | None, tax_code: str, status: str = EnterpriseStatus.ACTIVE, **profile: Any
) -> Enterprise:
    """A new enterprise in the registry (``profile`` takes the names in PROFILE_FIELDS)."""
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    enterprise = Enterprise(tax_code=tax_code, status=status, created_by=by, **profile)
    return _store(enterprise, by=by)


@transaction.atomic
def enterprise_update(*, enterprise: Enterprise, by: User | None, **changes: Any) -> Enterprise:
    """Change profile fields (and the tax code when given); the size class follows a new sector."""
    allowed = {*PROFILE_FIELDS, "tax_code", "status"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    for name, value in changes.items():
        setattr(enterprise, name, value)
    return _store(enterprise, by=by)


@transaction.atomic
def enterprise_size_refresh(*, enterprise: Enterprise | None = None) -> int:
    """Recompute the size class of one enterprise, or all of them (after the thresholds change)."""
    targets = [enterprise] if enterprise is not None else Enterprise.objects.select_related("vsic_code__parent")
    count = 0
    for item in targets:
        old = (item.size, item.size_year)
        _compute_size(item)
        if (item.size, item.size_year) != old:
            item.save(update_fields=["size", "size_year"])
            count += 1
    return count


@transaction.atomic
def enterprise_year_save(
    *,
    enterprise: Enterprise,
    by: User | None,
    year: int,
    employees: int,
    revenue: int,
    capital: int | None = None,
    note: str = "",
    record: EnterpriseYear | None = None,
) -> EnterpriseYear:
    """Add (or, given ``record``, change) one year's figures, then recompute the size class."""
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValidationError({"year": constants.ERROR_YEAR_RANGE})
    errors = {
        name: [constants.ERROR_NEGATIVE]
        for name, value in (("employees", employees), ("revenue", revenue), ("capital", capital))
        if value is not None and value < 0
    }
    if errors:
        raise ValidationError(errors)
    duplicate = EnterpriseYear.objects.filter(enterprise=enterprise, year=year)
    if record is not None:
        duplicate = duplicate.exclude(pk=record.pk)
    if duplicate.exists():
        raise ValidationError({"year": constants.ERROR_YEAR_TAKEN % {"year": year}})
    record = record or EnterpriseYear(enterprise=enterprise)
    record.year, record.employees, record.revenue, record.capital, record.note = year, employees, revenue, capital, note
    record.full_clean()
    record._history_user = by  # noqa: SLF001
    record.save()
    _compute_size(enterprise)
    enterprise._history_user = by  # noqa: SLF001
    enterprise.save(update_fields=["size", "size_year"])
    return record
