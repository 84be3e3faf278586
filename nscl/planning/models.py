"""Annual plans of the program: periods, areas and expense items (data), plans, tasks, budget lines, events."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from nscl.core.models import TransitionEvent
from nscl.planning.choices import FundingSource, PlanStatus
from nscl.planning.indicator_choices import IndicatorAggregation, IndicatorDirection, IndicatorMethod, IndicatorScope
from nscl.projects.models.storage import private_storage

S = PlanStatus


class ProgramPeriod(models.Model):
    """A multi-year program plan (e.g. 2021-2025) that annual plans belong to; loaded from data/planning."""

    code = models.CharField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên giai đoạn"), max_length=300)
    start_year = models.PositiveSmallIntegerField(_("năm bắt đầu"))
    end_year = models.PositiveSmallIntegerField(_("năm kết thúc"))
    decision_reference = models.CharField(_("văn bản căn cứ"), max_length=300, blank=True)

    class Meta:
        ordering = ["start_year"]
        verbose_name = _("giai đoạn chương trình")
        verbose_name_plural = _("giai đoạn chương trình")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="%(app_label)s_%(class)s_years_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year


class ProgramArea(models.Model):
    """An area of the program that tasks are grouped by (data: data/planning/areas.toml)."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name_vi = models.CharField(_("tên (tiếng Việt)"), max_length=300)
    name_en = models.CharField(_("tên (tiếng Anh)"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("lĩnh vực của chương trình")
        verbose_name_plural = _("lĩnh vực của chương trình")

    def __str__(self) -> str:
        return self.name_vi


class ExpenseItem(models.Model):
    """An expense item of the budget estimate (data: data/planning/expense_items.toml)."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name_vi = models.CharField(_("nội dung chi"), max_length=200)
    name_en = models.CharField(_("tên (tiếng Anh)"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("nội dung chi")
        verbose_name_plural = _("nội dung chi")

    def __str__(self) -> str:
        return self.name_vi


class AnnualPlan(models.Model):
    """One revision of a year's plan and budget estimate; an adjustment is a new revision pointing back."""

    period = models.ForeignKey(
        ProgramPeriod, on_delete=models.PROTECT, related_name="plans", verbose_name=_("giai đoạn")
    )
    year = models.PositiveSmallIntegerField(_("năm kế hoạch"))
    revision = models.PositiveSmallIntegerField(_("lần điều chỉnh"), default=1, editable=False)
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="next_revision",
        verbose_name=_("bản trước"),
    )
    title = models.CharField(_("tên kế hoạch"), max_length=300)
    status = FSMField(_("trạng thái"), max_length=30, choices=S.choices, default=S.DRAFT, protected=True)
    decision_number = models.CharField(_("số quyết định phê duyệt"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        ordering = ["-year", "-revision"]
        verbose_name = _("kế hoạch năm")
        verbose_name_plural = _("kế hoạch năm")
        constraints = [
            models.UniqueConstraint(fields=["year", "revision"], name="%(app_label)s_%(class)s_unique_revision"),
            models.CheckConstraint(condition=Q(revision__gte=1), name="%(app_label)s_%(class)s_revision_gte_1"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year}, {self.revision})"

    # -- transitions: they change this row only; services do permissions, checks, log, notices --
    @transition(field=status, source=[S.DRAFT, S.RETURNED], target=S.SUBMITTED_TO_BOARD)
    def submit(self) -> None:
        pass

    @transition(field=status, source=S.SUBMITTED_TO_BOARD, target=S.RETURNED)
    def return_for_changes(self) -> None:
        pass

    @transition(field=status, source=S.SUBMITTED_TO_BOARD, target=S.ENDORSED)
    def endorse(self) -> None:
        pass

    @transition(field=status, source=S.ENDORSED, target=S.SUBMITTED_TO_COMMITTEE)
    def submit_to_committee(self) -> None:
        pass

    @transition(field=status, source=S.SUBMITTED_TO_COMMITTEE, target=S.APPROVED)
    def approve(self, *, decision_number: str, decision_date: datetime.date) -> None:
        self.decision_number = decision_number
        self.decision_date = decision_date

    @transition(field=status, source=S.APPROVED, target=S.SUPERSEDED)
    def supersede(self) -> None:
        pass


class PlanTask(models.Model):
    """A task of the plan in one program area: who leads it, with whom, what it yields and when."""

    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="tasks")
    area = models.ForeignKey(ProgramArea, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("lĩnh vực"))
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    lead_unit = models.CharField(_("đơn vị chủ trì"), max_length=300)
    partners = models.CharField(_("đơn vị phối hợp"), max_length=500, blank=True)
    output = models.TextField(_("sản phẩm, kết quả"), blank=True)
    start_date = models.DateField(_("bắt đầu"), null=True, blank=True)
    end_date = models.DateField(_("kết thúc"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)
    projects = models.ManyToManyField(
        "projects.SupportProject", related_name="plan_tasks", blank=True, verbose_name=_("dự án hỗ trợ liên quan")
    )
    # The task of the previous revision this one was copied from: the revision diff follows it.
    origin = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan_id", "sort_order", "id"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="%(app_label)s_%(class)s_schedule",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class BudgetLine(models.Model):
    """One line of the budget estimate of a task: funding source, expense item, amount in integer đồng."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="budget_lines")
    funding_source = models.CharField(_("nguồn kinh phí"), max_length=12, choices=FundingSource.choices)
    expense_item = models.ForeignKey(
        ExpenseItem, on_delete=models.PROTECT, related_name="budget_lines", verbose_name=_("nội dung chi")
    )
    amount = models.BigIntegerField(_("số tiền (đồng)"))
    origin = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["task_id", "id"]
        verbose_name = _("dòng dự toán")
        verbose_name_plural = _("dự toán kinh phí")
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="%(app_label)s_%(class)s_amount_gte_0")]

    def __str__(self) -> str:
        return f"{self.task_id} {self.funding_source} {self.amount}"


class PlanEvent(TransitionEvent):
    """The plan's audit log: every transition with who, when, why, and the state before and after."""

    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("trạng thái trước"), max_length=30, choices=S.choices, blank=True)
    to_status = models.CharField(_("trạng thái sau"), max_length=30, choices=S.choices)
    reason = models.TextField(_("lý do, ý kiến"), blank=True)

    class Meta:
        ordering = ["plan_id", "at", "id"]
        verbose_name = _("sự kiện kế hoạch")
        verbose_name_plural = _("nhật ký kế hoạch")

    def __str__(self) -> str:
        return f"{self.plan_id} {self.action} {self.from_status}->{self.to_status}"


def execution_document_path(instance, filename: str) -> str:
    """planning/<commitment|disbursement>/<uuid4>.<extension>: the service names the file from its content."""
    return f"planning/{instance._meta.model_name}/{filename}"


class Commitment(models.Model):
    """A commitment (cam kết chi) against a line of an approved plan: a contract or decision that binds money."""

    budget_line = models.ForeignKey(
        BudgetLine, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("dòng dự toán")
    )
    amount = models.BigIntegerField(_("số tiền (đồng)"))
    date = models.DateField(_("ngày cam kết"))
    reference = models.CharField(_("văn bản, hợp đồng"), max_length=300)
    note = models.TextField(_("ghi chú"), blank=True)
    document = models.FileField(
        _("tài liệu kèm theo"), upload_to=execution_document_path, storage=private_storage, max_length=200, blank=True
    )
    content_type = models.CharField(max_length=100, blank=True, editable=False)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    at = models.DateTimeField(_("thời điểm ghi"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["budget_line_id", "date", "id"]
        verbose_name = _("cam kết chi")
        verbose_name_plural = _("cam kết chi")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="%(app_label)s_%(class)s_amount_gt_0")]

    def __str__(self) -> str:
        return f"{self.reference} {self.amount}"


class Disbursement(models.Model):
    """A disbursement (giải ngân) against a line of an approved plan, optionally under one of its commitments."""

    budget_line = models.ForeignKey(
        BudgetLine, on_delete=models.PROTECT, related_name="disbursements", verbose_name=_("dòng dự toán")
    )
    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disbursements",
        verbose_name=_("theo cam kết"),
    )
    amount = models.BigIntegerField(_("số tiền (đồng)"))
    date = models.DateField(_("ngày giải ngân"))
    voucher = models.CharField(_("số chứng từ"), max_length=100)
    note = models.TextField(_("ghi chú"), blank=True)
    document = models.FileField(
        _("tài liệu kèm theo"), upload_to=execution_document_path, storage=private_storage, max_length=200, blank=True
    )
    content_type = models.CharField(max_length=100, blank=True, editable=False)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    at = models.DateTimeField(_("thời điểm ghi"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["budget_line_id", "date", "id"]
        verbose_name = _("giải ngân")
        verbose_name_plural = _("giải ngân")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="%(app_label)s_%(class)s_amount_gt_0")]

    def __str__(self) -> str:
        return f"{self.voucher} {self.amount}"


# -- program indicators and their targets (the computations live in nscl/planning/indicators.py) ----


class Indicator(models.Model):
    """A program indicator: what is measured, in what unit, and how its value is obtained.

    A computed indicator names a computation registered in ``nscl.planning.indicators``; an entered
    one takes its yearly values from ``IndicatorEntry`` rows, each with the document it comes from.
    """

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name_vi = models.CharField(_("tên chỉ tiêu"), max_length=300)
    name_en = models.CharField(_("tên (tiếng Anh)"), max_length=300, blank=True)
    unit = models.CharField(_("đơn vị"), max_length=40)
    scope = models.CharField(_("phạm vi"), max_length=12, choices=IndicatorScope.choices)
    method = models.CharField(_("cách lấy số liệu"), max_length=10, choices=IndicatorMethod.choices)
    computation = models.CharField(_("phép tính"), max_length=60, blank=True)
    aggregation = models.CharField(_("cách cộng dồn"), max_length=15, choices=IndicatorAggregation.choices)
    direction = models.CharField(
        _("chiều cải thiện"), max_length=6, choices=IndicatorDirection.choices, default=IndicatorDirection.HIGHER
    )
    allows_negative = models.BooleanField(_("nhận giá trị âm"), default=False)
    description = models.TextField(_("mô tả, cách tính"), blank=True)
    source = models.TextField(_("căn cứ, nguồn"), blank=True)
    is_illustrative = models.BooleanField(_("số liệu minh họa"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("chỉ tiêu chương trình")
        verbose_name_plural = _("chỉ tiêu chương trình")
        constraints = [
            models.CheckConstraint(
                condition=(Q(method=IndicatorMethod.COMPUTED) & ~Q(computation=""))
                | (Q(method=IndicatorMethod.ENTERED) & Q(computation="")),
                name="%(app_label)s_%(class)s_computation_iff_computed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_vi}"

    def get_absolute_url(self) -> str:
        return reverse("planning:indicator_detail", args=[self.code])

    @property
    def is_computed(self) -> bool:
        return self.method == IndicatorMethod.COMPUTED


class IndicatorTarget(models.Model):
    """A target of an indicator for one year or for one program period (never both), with its source."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("chỉ tiêu")
    )
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    period = models.ForeignKey(
        ProgramPeriod,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicator_targets",
        verbose_name=_("giai đoạn"),
    )
    value = models.DecimalField(_("giá trị mục tiêu"), max_digits=18, decimal_places=4)
    source = models.TextField(_("căn cứ, nguồn"), blank=True)

    class Meta:
        ordering = ["indicator_id", "year", "period_id"]
        verbose_name = _("mục tiêu của chỉ tiêu")
        verbose_name_plural = _("mục tiêu của chỉ tiêu")
        constraints = [
            models.CheckConstraint(
                condition=(Q(year__isnull=False) & Q(period__isnull=True))
                | (Q(year__isnull=True) & Q(period__isnull=False)),
                name="%(app_label)s_%(class)s_year_xor_period",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year"],
                condition=Q(year__isnull=False),
                name="%(app_label)s_%(class)s_unique_year",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period"],
                condition=Q(period__isnull=False),
                name="%(app_label)s_%(class)s_unique_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year or self.period_id}: {self.value}"


class IndicatorEntry(models.Model):
    """The value of an entered indicator for one year, with the document it comes from; a correction
    changes the row, and its history keeps who changed it, when, and the value before and after."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="entries", verbose_name=_("chỉ tiêu")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    value = models.DecimalField(_("giá trị"), max_digits=18, decimal_places=4)
    source = models.CharField(_("nguồn số liệu"), max_length=500)
    note = models.TextField(_("ghi chú"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    at = models.DateTimeField(_("thời điểm ghi"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator_id", "-year"]
        verbose_name = _("số liệu chỉ tiêu")
        verbose_name_plural = _("số liệu chỉ tiêu")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="%(app_label)s_%(class)s_unique_year"),
            models.CheckConstraint(condition=~Q(source=""), name="%(app_label)s_%(class)s_source_required"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year}: {self.value}"
