"""Inspections of how an enterprise carries out its project: visits, findings, corrective actions."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nscl.projects.choices import FindingSeverity, InspectionStatus
from nscl.projects.models.projects import SupportProject


class Inspection(models.Model):
    """A visit officers plan (and then record) to an enterprise about one of its projects."""

    project = models.ForeignKey(
        SupportProject, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("dự án")
    )
    planned_on = models.DateField(_("ngày kiểm tra"))
    inspectors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="inspections", verbose_name=_("cán bộ kiểm tra")
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=InspectionStatus.choices, default=InspectionStatus.PLANNED
    )
    summary = models.TextField(_("kết luận"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        ordering = ["-planned_on", "-id"]
        indexes = [models.Index(fields=["-planned_on", "-id"], name="projects_insp_planned_idx")]
        verbose_name = _("cuộc kiểm tra")
        verbose_name_plural = _("kiểm tra")

    def __str__(self) -> str:
        return f"{self.project} ({self.planned_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("projects:inspection_detail", args=[self.pk])


class Finding(models.Model):
    """What the inspectors found on one point: compliant, needs correction, or serious."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    severity = models.CharField(_("mức độ"), max_length=20, choices=FindingSeverity.choices)
    description = models.TextField(_("nội dung"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection_id", "id"]
        verbose_name = _("phát hiện")
        verbose_name_plural = _("phát hiện")

    def __str__(self) -> str:
        return self.description[:80]


class CorrectiveActionQuerySet(models.QuerySet):
    def overdue(self, today: datetime.date | None = None):
        return self.filter(closed_on__isnull=True, deadline__lt=today or timezone.localdate())


class CorrectiveAction(models.Model):
    """An action the enterprise must take by a deadline; closed with the date and the evidence."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("hành động khắc phục"))
    deadline = models.DateField(_("hạn khắc phục"))
    closed_on = models.DateField(_("ngày đóng"), null=True, blank=True)
    evidence = models.TextField(_("bằng chứng khắc phục"), blank=True)

    history = HistoricalRecords()
    objects = CorrectiveActionQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("hành động khắc phục")
        verbose_name_plural = _("hành động khắc phục")
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | ~Q(evidence=""), name="%(app_label)s_%(class)s_closed_evidence"
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.closed_on is None and self.deadline < (today or timezone.localdate())
