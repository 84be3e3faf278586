"""The repository of standards and technical regulations."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nscl.standards.choices import Equivalence, ImportStatus, StandardKind, StandardStatus


class IcsCode(models.Model):
    """A code of the International Classification for Standards: field (01), group (01.040), sub-group."""

    code = models.CharField(_("mã ICS"), max_length=12, primary_key=True)
    level = models.PositiveSmallIntegerField(_("cấp"))
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("cấp trên")
    )
    title_en = models.CharField(_("tên tiếng Anh"), max_length=300)
    title_vi = models.CharField(_("tên tiếng Việt"), max_length=300, blank=True)
    scope = models.TextField(_("phạm vi"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("mã ICS")
        verbose_name_plural = _("mã ICS")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("standards:ics_detail", args=[self.code])

    @property
    def title(self) -> str:
        from django.utils.translation import get_language

        if (get_language() or "vi").startswith("vi") and self.title_vi:
            return self.title_vi
        return self.title_en

    def ancestors(self) -> list[str]:
        """Codes from the field down to this code: 13.060.20 -> [13, 13.060, 13.060.20]."""
        parts = self.code.split(".")
        return [".".join(parts[: i + 1]) for i in range(len(parts))]


class IssuingBody(models.Model):
    """A body that issues or publishes standards (a ministry, STAMEQ, ISO, the province...)."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name_vi = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")

    def __str__(self) -> str:
        return self.name_vi


class StandardField(models.Model):
    """A field (lĩnh vực) officers group standards by, such as food safety or construction."""

    code = models.SlugField(_("mã"), max_length=50, unique=True)
    name_vi = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self) -> str:
        return self.name_vi


class StandardQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(status=StandardStatus.IN_FORCE)

    def for_display(self):
        return self.select_related("issuing_body", "field").prefetch_related("ics_codes")


class Standard(models.Model):
    """A standard or technical regulation, identified by its kind and its number as written."""

    kind = models.CharField(_("loại"), max_length=10, choices=StandardKind.choices, db_index=True)
    code = models.CharField(_("số hiệu"), max_length=120, help_text=_("Như được viết, ví dụ TCVN 7790-3:2008."))
    code_key = models.CharField(max_length=120, editable=False)
    number = models.CharField(_("số"), max_length=60, blank=True)
    base_number = models.CharField(_("số gốc"), max_length=30, blank=True, db_index=True)
    part = models.CharField(_("phần"), max_length=30, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True, db_index=True)
    title_vi = models.TextField(_("tên tiếng Việt"), blank=True)
    title_en = models.TextField(_("tên tiếng Anh"), blank=True)
    scope = models.TextField(_("phạm vi áp dụng"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=StandardStatus.choices, default=StandardStatus.IN_FORCE, db_index=True
    )
    status_date = models.DateField(_("ngày đổi trạng thái"), null=True, blank=True)
    effective_date = models.DateField(_("ngày hiệu lực"), null=True, blank=True)
    issuing_body = models.ForeignKey(
        IssuingBody,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="standards",
        verbose_name=_("cơ quan ban hành"),
    )
    decision = models.CharField(_("quyết định ban hành"), max_length=200, blank=True)
    ics_codes = models.ManyToManyField(
        IcsCode, through="StandardIcs", related_name="standards", blank=True, verbose_name=_("mã ICS")
    )
    equivalent_ref = models.CharField(_("tiêu chuẩn quốc tế tương đương"), max_length=120, blank=True)
    equivalence = models.CharField(_("mức tương đương"), max_length=3, choices=Equivalence.choices, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("được thay thế bởi"),
    )
    pages = models.PositiveIntegerField(_("số trang"), null=True, blank=True)
    field = models.ForeignKey(
        StandardField,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="standards",
        verbose_name=_("lĩnh vực"),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["code_key", "created_at", "updated_at"])
    objects = StandardQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = _("tiêu chuẩn")
        verbose_name_plural = _("tiêu chuẩn")
        constraints = [
            models.UniqueConstraint(fields=["kind", "code_key"], name="%(app_label)s_%(class)s_unique_kind_code"),
            models.CheckConstraint(
                condition=~models.Q(replaced_by=models.F("id")), name="%(app_label)s_%(class)s_not_replaced_by_self"
            ),
        ]
        indexes = [
            models.Index(fields=["year", "id"], name="standards_year_id_idx"),
            models.Index(fields=["code_key"], name="standards_code_key_idx"),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("standards:standard_detail", args=[self.pk])

    @property
    def title(self) -> str:
        from django.utils.translation import get_language

        if (get_language() or "vi").startswith("en") and self.title_en:
            return self.title_en
        return self.title_vi or self.title_en


class StandardIcs(models.Model):
    """The link between a standard and an ICS code (a standard may carry several)."""

    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="ics_links")
    ics_code = models.ForeignKey(IcsCode, on_delete=models.PROTECT, related_name="standard_links")

    class Meta:
        verbose_name = _("mã ICS của tiêu chuẩn")
        verbose_name_plural = _("mã ICS của tiêu chuẩn")
        constraints = [
            models.UniqueConstraint(fields=["standard", "ics_code"], name="%(app_label)s_%(class)s_unique_pair"),
        ]
        indexes = [models.Index(fields=["ics_code", "standard"], name="standards_ics_std_idx")]

    def __str__(self) -> str:
        return f"{self.standard_id} {self.ics_code_id}"


class StandardStatusChange(models.Model):
    """One step of a standard's status history: what it became, when, and who recorded it."""

    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="status_changes")
    old_status = models.CharField(_("trạng thái cũ"), max_length=10, choices=StandardStatus.choices, blank=True)
    new_status = models.CharField(_("trạng thái mới"), max_length=10, choices=StandardStatus.choices)
    changed_on = models.DateField(_("ngày"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi nhận"),
    )
    created_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thay đổi trạng thái")
        verbose_name_plural = _("thay đổi trạng thái")

    def __str__(self) -> str:
        return f"{self.standard_id}: {self.old_status} -> {self.new_status}"


class Follow(models.Model):
    """A user follows one standard or one ICS code (with everything under it)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="standard_follows")
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, null=True, blank=True, related_name="follows")
    ics_code = models.ForeignKey(IcsCode, on_delete=models.CASCADE, null=True, blank=True, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("theo dõi")
        verbose_name_plural = _("theo dõi")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(standard__isnull=False, ics_code__isnull=True))
                | (models.Q(standard__isnull=True, ics_code__isnull=False)),
                name="%(app_label)s_%(class)s_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "standard"],
                condition=models.Q(standard__isnull=False),
                name="%(app_label)s_%(class)s_unique_std",
            ),
            models.UniqueConstraint(
                fields=["user", "ics_code"],
                condition=models.Q(ics_code__isnull=False),
                name="%(app_label)s_%(class)s_unique_ics",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} -> {self.standard_id or self.ics_code_id}"


def import_upload_path(instance: "ImportJob", filename: str) -> str:
    import uuid
    from pathlib import Path

    return f"imports/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class ImportJob(models.Model):
    """One import of a file of standards, from the web or the command line."""

    file = models.FileField(_("tệp"), upload_to=import_upload_path, blank=True)
    filename = models.CharField(_("tên tệp"), max_length=255)
    dry_run = models.BooleanField(_("chạy thử"), default=False)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    total_rows = models.PositiveIntegerField(_("số dòng"), default=0)
    processed_rows = models.PositiveIntegerField(_("đã xử lý"), default=0)
    created_count = models.PositiveIntegerField(_("thêm mới"), default=0)
    updated_count = models.PositiveIntegerField(_("cập nhật"), default=0)
    errors = models.JSONField(_("lỗi"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("bắt đầu"), auto_now_add=True)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lần nhập dữ liệu")
        verbose_name_plural = _("lần nhập dữ liệu")

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse("standards:import_detail", args=[self.pk])
