"""Certifications an enterprise holds (management systems, products)."""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nscl.enterprises.choices import CertificationKind
from nscl.enterprises.constants import EXPIRING_SOON_DAYS
from nscl.enterprises.models.registry import Enterprise
from nscl.standards.models import Standard


class CertificationQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date):
        return self.filter(issued_on__lte=day).filter(models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=day))

    def expiring_between(self, start: datetime.date, end: datetime.date):
        return self.filter(expires_on__gte=start, expires_on__lte=end)


class Certification(models.Model):
    """A certificate an enterprise holds. The body is plain text: the network registry sits beside this app."""

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="certifications", verbose_name=_("doanh nghiệp")
    )
    kind = models.CharField(_("loại chứng nhận"), max_length=10, choices=CertificationKind.choices)
    standard_text = models.CharField(
        _("tiêu chuẩn"), max_length=200, blank=True, help_text=_("Ví dụ ISO 9001:2015, TCVN 11041-2:2017.")
    )
    standard = models.ForeignKey(
        Standard,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enterprise_certifications",
        verbose_name=_("tiêu chuẩn trong kho dữ liệu"),
    )
    scope = models.CharField(_("phạm vi chứng nhận"), max_length=300, blank=True)
    body_name = models.CharField(_("tổ chức chứng nhận"), max_length=255)
    certificate_number = models.CharField(_("số chứng chỉ"), max_length=100)
    issued_on = models.DateField(_("ngày cấp"))
    expires_on = models.DateField(_("ngày hết hạn"), null=True, blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = CertificationQuerySet.as_manager()

    class Meta:
        ordering = ["enterprise_id", "-issued_on", "-id"]
        verbose_name = _("chứng nhận")
        verbose_name_plural = _("chứng nhận")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True) | models.Q(expires_on__gt=models.F("issued_on")),
                name="%(app_label)s_%(class)s_expiry_after_issue",
            ),
        ]
        indexes = [models.Index(fields=["expires_on"], name="enterprises_cert_expiry_idx")]

    def __str__(self) -> str:
        return f"{self.label} ({self.certificate_number})"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:enterprise_detail", args=[self.enterprise_id]) + f"#cert-{self.pk}"

    @property
    def label(self) -> str:
        if self.standard_text:
            return self.standard_text
        if self.standard_id:
            return str(self.standard)
        return str(self.get_kind_display())

    def is_expired(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.expires_on is not None and self.expires_on < today

    def is_expiring_soon(self, today: datetime.date | None = None) -> bool:
        """Still valid but expires within EXPIRING_SOON_DAYS days (inclusive)."""
        today = today or timezone.localdate()
        if self.expires_on is None or self.expires_on < today:
            return False
        return self.expires_on <= today + datetime.timedelta(days=EXPIRING_SOON_DAYS)

    @property
    def expired(self) -> bool:
        return self.is_expired()

    @property
    def expiring_soon(self) -> bool:
        return self.is_expiring_soon()
