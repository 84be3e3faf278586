"""Support projects: the proposal, its budget, milestones, documents, indicators and its event log."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from nscl.core.models import TransitionEvent
from nscl.core.roles import Role, has_role
from nscl.enterprises.choices import RepresentativeStatus
from nscl.projects.choices import OPEN_STATUSES, DocumentKind, FundingSource, ProjectStatus
from nscl.projects.models.catalogue import IndicatorKind, SupportType
from nscl.projects.models.storage import document_path, private_storage

S = ProjectStatus
READ_ALL_ROLES = (Role.OFFICER, Role.BOARD, Role.ADMIN)


class SupportProjectQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Officers, board members and admins see all; a representative its confirmed enterprises';
        an expert the projects they consult on; anyone else nothing."""
        if has_role(user, *READ_ALL_ROLES):
            return self
        scope = Q(pk__in=[])
        if has_role(user, Role.ENTERPRISE):
            scope |= Q(
                enterprise__representatives__user=user,
                enterprise__representatives__status=RepresentativeStatus.CONFIRMED,
            )
        if has_role(user, Role.EXPERT):
            scope |= Q(consultant_expert__user=user)
        if scope == Q(pk__in=[]):
            return self.none()
        return self.filter(pk__in=self.model.objects.filter(scope).values("pk"))

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class SupportProject(models.Model):
    """A support project granted (or proposed) to one enterprise, with its life cycle."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.PROTECT,
        related_name="support_projects",
        verbose_name=_("doanh nghiệp"),
    )
    title = models.CharField(_("tên dự án"), max_length=300)
    goals = models.TextField(_("mục tiêu"), blank=True)
    support_types = models.ManyToManyField(
        SupportType, related_name="projects", verbose_name=_("nội dung hỗ trợ"), blank=True
    )
    standards = models.ManyToManyField(
        "standards.Standard", related_name="support_projects", verbose_name=_("tiêu chuẩn áp dụng"), blank=True
    )
    consultant_expert = models.ForeignKey(
        "network.Expert",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_projects",
        verbose_name=_("chuyên gia tư vấn"),
    )
    consultant_organisation = models.ForeignKey(
        "network.ConsultingOrganisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_projects",
        verbose_name=_("tổ chức tư vấn"),
    )
    start_date = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    end_date = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    status = FSMField(_("trạng thái"), max_length=20, choices=S.choices, default=S.DRAFT, protected=True)
    # Sums of the budget lines, kept by the budget service (history records each change).
    total_cost = models.BigIntegerField(_("tổng kinh phí (đồng)"), default=0, editable=False)
    requested_amount = models.BigIntegerField(_("kinh phí đề nghị hỗ trợ (đồng)"), default=0, editable=False)
    approved_amount = models.BigIntegerField(_("kinh phí được phê duyệt (đồng)"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định phê duyệt"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("ngày nộp"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["search_text", "created_at", "updated_at"])
    objects = SupportProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("dự án hỗ trợ")
        verbose_name_plural = _("dự án hỗ trợ")
        indexes = [
            models.Index(fields=["status", "-created_at"], name="projects_status_created_idx"),
            models.Index(fields=["-created_at", "-id"], name="projects_created_idx"),  # the lists' order
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(total_cost__gte=0) & Q(requested_amount__gte=0), name="%(app_label)s_%(class)s_money_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(approved_amount__isnull=True) | Q(approved_amount__gte=0),
                name="%(app_label)s_%(class)s_approved_gte_0",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="%(app_label)s_%(class)s_schedule",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:project_detail", args=[self.pk])

    @property
    def year(self) -> int:
        return (self.submitted_at or self.created_at or timezone.now()).year

    def rule_date(self) -> datetime.date:
        """Rules in force on the day of submission apply; before submission, today's."""
        return timezone.localdate(self.submitted_at) if self.submitted_at else timezone.localdate()

    # -- transitions: they change this row only; services do permissions, checks, log, notices --
    @transition(field=status, source=S.DRAFT, target=S.SUBMITTED)
    def submit(self) -> None:
        self.submitted_at = timezone.now()

    @transition(field=status, source=S.RETURNED, target=S.SUBMITTED)
    def resubmit(self) -> None:
        pass

    @transition(field=status, source=S.SUBMITTED, target=S.UNDER_APPRAISAL)
    def start_appraisal(self) -> None:
        pass

    @transition(field=status, source=S.UNDER_APPRAISAL, target=S.RETURNED)
    def return_for_changes(self) -> None:
        pass

    @transition(field=status, source=S.UNDER_APPRAISAL, target=S.REJECTED)
    def reject(self) -> None:
        pass

    @transition(field=status, source=S.UNDER_APPRAISAL, target=S.APPROVED)
    def approve(self, *, amount: int, decision_number: str, decision_date: datetime.date) -> None:
        self.approved_amount = amount
        self.decision_number = decision_number
        self.decision_date = decision_date

    @transition(field=status, source=S.APPROVED, target=S.IN_PROGRESS)
    def start(self) -> None:
        pass

    @transition(field=status, source=S.IN_PROGRESS, target=S.ACCEPTANCE_REVIEW)
    def request_acceptance(self) -> None:
        pass

    @transition(field=status, source=S.ACCEPTANCE_REVIEW, target=S.ACCEPTED)
    def accept(self) -> None:
        pass

    @transition(field=status, source=S.ACCEPTANCE_REVIEW, target=S.NOT_ACCEPTED)
    def refuse_acceptance(self) -> None:
        pass

    @transition(field=status, source=list(OPEN_STATUSES), target=S.CANCELLED)
    def cancel(self) -> None:
        pass


class BudgetLine(models.Model):
    """One line of the budget estimate: an item, its funding source and its amount in đồng."""

    project = models.ForeignKey(SupportProject, on_delete=models.CASCADE, related_name="budget_lines")
    item = models.CharField(_("nội dung chi"), max_length=300)
    source = models.CharField(_("nguồn kinh phí"), max_length=12, choices=FundingSource.choices)
    amount = models.BigIntegerField(_("số tiền (đồng)"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["project_id", "id"]
        verbose_name = _("dòng dự toán")
        verbose_name_plural = _("dự toán kinh phí")
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="%(app_label)s_%(class)s_amount_gte_0")]

    def __str__(self) -> str:
        return self.item


class Milestone(models.Model):
    """A step of the schedule with its due date and, once reached, the day it was done."""

    project = models.ForeignKey(SupportProject, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("nội dung"), max_length=300)
    due_date = models.DateField(_("hạn hoàn thành"))
    done_date = models.DateField(_("ngày hoàn thành"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project_id", "due_date", "id"]
        verbose_name = _("mốc tiến độ")
        verbose_name_plural = _("mốc tiến độ")

    def __str__(self) -> str:
        return self.title

    def is_late(self, today: datetime.date | None = None) -> bool:
        return self.done_date is None and self.due_date < (today or timezone.localdate())


class ProjectDocument(models.Model):
    """An uploaded file; stored privately under a random name, served only to readers of the project."""

    project = models.ForeignKey(SupportProject, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("loại tài liệu"), max_length=12, choices=DocumentKind.choices)
    title = models.CharField(_("tên tài liệu"), max_length=255)
    file = models.FileField(_("tệp"), upload_to=document_path, storage=private_storage, max_length=200)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=5)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(_("ngày tải lên"), auto_now_add=True)

    class Meta:
        ordering = ["project_id", "kind", "-uploaded_at"]
        verbose_name = _("tài liệu dự án")
        verbose_name_plural = _("tài liệu dự án")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:document_download", args=[self.project_id, self.pk])


class ProjectIndicator(models.Model):
    """A before/after indicator: baseline, target and result (Decimal, in the kind's unit)."""

    project = models.ForeignKey(SupportProject, on_delete=models.CASCADE, related_name="indicators")
    kind = models.ForeignKey(IndicatorKind, on_delete=models.PROTECT, related_name="+", verbose_name=_("chỉ số"))
    unit = models.CharField(_("đơn vị"), max_length=50)
    baseline = models.DecimalField(_("giá trị ban đầu"), max_digits=18, decimal_places=4)
    target = models.DecimalField(_("mục tiêu"), max_digits=18, decimal_places=4)
    result = models.DecimalField(_("kết quả đạt được"), max_digits=18, decimal_places=4, null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project_id", "kind__sort_order", "id"]
        verbose_name = _("chỉ số trước/sau")
        verbose_name_plural = _("chỉ số trước/sau")
        constraints = [
            models.UniqueConstraint(fields=["project", "kind"], name="%(app_label)s_%(class)s_unique_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.baseline} -> {self.target}"


class ProjectEvent(TransitionEvent):
    """The project's audit log: every transition with who, when, why, and the state before and after."""

    project = models.ForeignKey(SupportProject, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("trạng thái trước"), max_length=20, choices=S.choices, blank=True)
    to_status = models.CharField(_("trạng thái sau"), max_length=20, choices=S.choices)
    reason = models.TextField(_("lý do, ghi chú"), blank=True)

    class Meta:
        ordering = ["project_id", "at", "id"]
        verbose_name = _("sự kiện dự án")
        verbose_name_plural = _("nhật ký dự án")

    def __str__(self) -> str:
        return f"{self.project_id} {self.action} {self.from_status}->{self.to_status}"
