"""The catalogue of support types, the support rules (share and ceiling) and the indicator kinds."""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nscl.projects.choices import IndicatorDirection, SupportGroup


class SupportType(models.Model):
    """One kind of support a project may receive: ISO 9001, 5S, a testing lab to ISO/IEC 17025..."""

    code = models.SlugField(_("mã"), max_length=50, unique=True)
    group = models.CharField(_("nhóm"), max_length=30, choices=SupportGroup.choices, db_index=True)
    name_vi = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        ordering = ["group", "sort_order", "name_vi"]
        verbose_name = _("nội dung hỗ trợ")
        verbose_name_plural = _("nội dung hỗ trợ")

    def __str__(self) -> str:
        return self.name_vi


class SupportRuleQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date):
        return self.filter(Q(valid_from__lte=day), Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class SupportRule(models.Model):
    """The province's rule for a group of support types: the state pays at most ``share_percent`` % of
    the cost, and never more than ``ceiling`` đồng, for projects submitted between the two dates."""

    group = models.CharField(_("nhóm nội dung hỗ trợ"), max_length=30, choices=SupportGroup.choices)
    share_percent = models.DecimalField(
        _("tỷ lệ hỗ trợ tối đa (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    ceiling = models.BigIntegerField(_("mức hỗ trợ tối đa (đồng)"), validators=[MinValueValidator(0)])
    valid_from = models.DateField(_("hiệu lực từ ngày"))
    valid_to = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    source = models.CharField(_("căn cứ"), max_length=300, blank=True)
    is_demo = models.BooleanField(
        _("số liệu minh họa"), default=False, help_text=_("Mức minh họa, chưa phải quy định chính thức của tỉnh.")
    )

    history = HistoricalRecords()
    objects = SupportRuleQuerySet.as_manager()

    class Meta:
        ordering = ["group", "-valid_from"]
        verbose_name = _("quy định mức hỗ trợ")
        verbose_name_plural = _("quy định mức hỗ trợ")
        constraints = [
            models.CheckConstraint(
                condition=Q(share_percent__gte=0) & Q(share_percent__lte=100),
                name="%(app_label)s_%(class)s_share_0_100",
            ),
            models.CheckConstraint(condition=Q(ceiling__gte=0), name="%(app_label)s_%(class)s_ceiling_gte_0"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_valid_range",
            ),
            models.UniqueConstraint(fields=["group", "valid_from"], name="%(app_label)s_%(class)s_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_group_display()} ({self.valid_from:%d/%m/%Y})"


class IndicatorKind(models.Model):
    """A before/after indicator a project reports: labour productivity, defect rate, energy per unit..."""

    code = models.SlugField(_("mã"), max_length=50, unique=True)
    name_vi = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    unit = models.CharField(_("đơn vị"), max_length=50)
    direction = models.CharField(_("chiều cải thiện"), max_length=10, choices=IndicatorDirection.choices)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "name_vi"]
        verbose_name = _("loại chỉ số")
        verbose_name_plural = _("loại chỉ số")

    def __str__(self) -> str:
        return f"{self.name_vi} ({self.unit})"
