"""The enterprise registry: enterprises, their yearly figures and the size thresholds that classify them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nscl.core.models import Commune, VsicCode
from nscl.core.roles import Role, has_role
from nscl.enterprises.choices import EnterpriseStatus, Ownership, RepresentativeStatus, SectorGroup, SizeClass

READ_ALL_ROLES = (Role.OFFICER, Role.ADMIN, Role.BOARD)


class SizeThreshold(models.Model):
    """One row of Decree 80/2021/NĐ-CP Article 5: the ceilings of a size class in a sector group.

    An enterprise is in the class when it has at most ``max_employees`` insured employees and either
    revenue at most ``max_revenue`` or capital at most ``max_capital`` (đồng). Loaded from data/enterprise-size/.
    """

    sector_group = models.CharField(_("nhóm ngành"), max_length=20, choices=SectorGroup.choices)
    size_class = models.CharField(_("quy mô"), max_length=10, choices=SizeClass.choices)
    max_employees = models.PositiveIntegerField(_("số lao động tham gia BHXH tối đa"))
    max_revenue = models.BigIntegerField(_("tổng doanh thu tối đa (đồng)"))
    max_capital = models.BigIntegerField(_("tổng nguồn vốn tối đa (đồng)"))
    source = models.CharField(_("nguồn"), max_length=200)

    class Meta:
        ordering = ["sector_group", "max_employees"]
        verbose_name = _("ngưỡng quy mô doanh nghiệp")
        verbose_name_plural = _("ngưỡng quy mô doanh nghiệp")
        constraints = [
            models.UniqueConstraint(fields=["sector_group", "size_class"], name="%(app_label)s_%(class)s_unique_class"),
        ]

    def __str__(self) -> str:
        return f"{self.get_sector_group_display()}: {self.get_size_class_display()}"


class SectorGroupSection(models.Model):
    """Which sector group a VSIC 2018 section (level 1, a letter) belongs to, for the size thresholds."""

    section = models.CharField(_("mã cấp 1 VSIC"), max_length=1, primary_key=True)
    sector_group = models.CharField(_("nhóm ngành"), max_length=20, choices=SectorGroup.choices)

    class Meta:
        ordering = ["section"]
        verbose_name = _("nhóm ngành của mã VSIC")
        verbose_name_plural = _("nhóm ngành của mã VSIC")

    def __str__(self) -> str:
        return f"{self.section}: {self.get_sector_group_display()}"


class EnterpriseQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=EnterpriseStatus.ACTIVE)

    def visible_to(self, user):
        """Officers, admins and board members see all; an enterprise user only its confirmed own; others none."""
        if has_role(user, *READ_ALL_ROLES):
            return self
        if has_role(user, Role.ENTERPRISE):
            return self.filter(
                representatives__user=user, representatives__status=RepresentativeStatus.CONFIRMED
            ).distinct()
        return self.none()


class Enterprise(models.Model):
    """An enterprise (or cooperative, household business) in the province's registry."""

    tax_code = models.CharField(
        _("mã số thuế"), max_length=14, unique=True, help_text=_("10 chữ số, hoặc 10 chữ số-3 chữ số với chi nhánh.")
    )
    name_vi = models.CharField(_("tên doanh nghiệp"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    vsic_code = models.ForeignKey(
        VsicCode,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enterprises",
        verbose_name=_("ngành kinh tế (VSIC 2018)"),
    )
    ownership = models.CharField(_("loại hình sở hữu"), max_length=15, choices=Ownership.choices)
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enterprises",
        verbose_name=_("xã, phường"),
    )
    address = models.CharField(_("địa chỉ (số nhà, đường, thôn)"), max_length=255, blank=True)
    representative_name = models.CharField(_("người đại diện theo pháp luật"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang web"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("năm thành lập"), null=True, blank=True)
    description = models.TextField(_("giới thiệu"), blank=True)
    size = models.CharField(_("quy mô"), max_length=10, choices=SizeClass.choices, blank=True, editable=False)
    size_year = models.PositiveSmallIntegerField(_("năm xác định quy mô"), null=True, blank=True, editable=False)
    status = models.CharField(
        _("trạng thái hồ sơ"),
        max_length=10,
        choices=EnterpriseStatus.choices,
        default=EnterpriseStatus.ACTIVE,
        db_index=True,
    )
    search_text = models.TextField(editable=False, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người tạo"),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["search_text", "created_at", "updated_at"])
    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        ordering = ["name_vi", "id"]
        verbose_name = _("doanh nghiệp")
        verbose_name_plural = _("doanh nghiệp")
        indexes = [models.Index(fields=["size", "ownership"], name="enterprises_size_owner_idx")]

    def __str__(self) -> str:
        return self.name_vi

    def get_absolute_url(self) -> str:
        return reverse("enterprises:enterprise_detail", args=[self.pk])

    @property
    def display_name(self) -> str:
        return self.short_name or self.name_vi


class EnterpriseYear(models.Model):
    """An enterprise's figures for one year: insured employees, revenue and capital in đồng."""

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="years", verbose_name=_("doanh nghiệp")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    employees = models.PositiveIntegerField(_("số lao động tham gia BHXH"))
    revenue = models.BigIntegerField(_("tổng doanh thu (đồng)"))
    capital = models.BigIntegerField(_("tổng nguồn vốn (đồng)"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        ordering = ["enterprise_id", "-year"]
        verbose_name = _("số liệu năm")
        verbose_name_plural = _("số liệu năm")
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "year"], name="%(app_label)s_%(class)s_unique_year"),
            models.CheckConstraint(condition=models.Q(revenue__gte=0), name="%(app_label)s_%(class)s_revenue_gte_0"),
            models.CheckConstraint(
                condition=models.Q(capital__isnull=True) | models.Q(capital__gte=0),
                name="%(app_label)s_%(class)s_capital_gte_0",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.year}"
