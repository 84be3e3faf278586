"""Reference data every app shares: administrative units and VSIC industry codes."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    """A province or centrally governed city (2025 two-level administration)."""

    code = models.CharField(_("mã"), max_length=2, primary_key=True)
    name = models.CharField(_("tên"), max_length=100)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=100, blank=True)
    full_name = models.CharField(_("tên đầy đủ"), max_length=150)
    full_name_en = models.CharField(_("tên đầy đủ tiếng Anh"), max_length=150, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("tỉnh, thành phố")
        verbose_name_plural = _("tỉnh, thành phố")

    def __str__(self) -> str:
        return self.full_name


class CommuneQuerySet(models.QuerySet):
    def of_province(self, code: str | None = None):
        """The communes of one province: by default the one this site serves (NSCL_PROVINCE_CODE)."""
        return self.filter(province_id=code or settings.NSCL_PROVINCE_CODE).order_by("name")


class Commune(models.Model):
    """A ward, commune or special zone: the level below the province since 1 July 2025."""

    code = models.CharField(_("mã"), max_length=5, primary_key=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("tỉnh"))
    name = models.CharField(_("tên"), max_length=100)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=100, blank=True)
    full_name = models.CharField(_("tên đầy đủ"), max_length=150)
    full_name_en = models.CharField(_("tên đầy đủ tiếng Anh"), max_length=150, blank=True)
    name_folded = models.CharField(max_length=150, db_index=True, editable=False)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        ordering = ["province_id", "name"]
        verbose_name = _("xã, phường")
        verbose_name_plural = _("xã, phường")

    def __str__(self) -> str:
        return self.full_name


class VsicCode(models.Model):
    """An industry code of the Vietnamese Standard Industrial Classification, keyed by version."""

    version = models.CharField(_("phiên bản"), max_length=4)
    code = models.CharField(_("mã"), max_length=5)
    level = models.PositiveSmallIntegerField(_("cấp"))
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("cấp trên")
    )
    name_vi = models.CharField(_("tên"), max_length=300)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)

    class Meta:
        ordering = ["version", "code"]
        verbose_name = _("mã ngành VSIC")
        verbose_name_plural = _("mã ngành VSIC")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="%(app_label)s_%(class)s_unique_version_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_vi}"


class TransitionEvent(models.Model):
    """An audit entry of a workflow: the action, who made it, when, and what came with it. Each
    workflow's event model adds its record, its states before and after, and the reason."""

    action = models.CharField(_("thao tác"), max_length=30)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+",
        verbose_name=_("người thực hiện"),
    )  # fmt: skip
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    data = models.JSONField(_("dữ liệu kèm theo"), default=dict, blank=True)

    class Meta:
        abstract = True
