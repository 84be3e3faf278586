from django.db import models
from django.utils.translation import gettext_lazy as _


class FieldCategory(models.TextChoices):
    MANAGEMENT_SYSTEM = "management_system", _("Hệ thống quản lý tiên tiến")
    IMPROVEMENT_TOOL = "improvement_tool", _("Công cụ cải tiến NSCL")
    OTHER = "other", _("Lĩnh vực khác")


class Availability(models.TextChoices):
    AVAILABLE = "available", _("Sẵn sàng nhận việc")
    LIMITED = "limited", _("Có thể nhận việc hạn chế")
    UNAVAILABLE = "unavailable", _("Tạm thời không nhận việc")


class QualificationKind(models.TextChoices):
    PQ_EXPERT = "pq_expert", _("Chuyên gia NSCL được chứng nhận")
    LEAD_AUDITOR_ISO_9001 = "lead_auditor_iso_9001", _("Chuyên gia đánh giá trưởng ISO 9001")
    AUDITOR_ISO_22000 = "auditor_iso_22000", _("Chuyên gia đánh giá ISO 22000")
    AUDITOR_OTHER = "auditor_other", _("Chuyên gia đánh giá hệ thống quản lý khác")
    LEAN_SIX_SIGMA = "lean_six_sigma", _("Đai Lean Six Sigma")
    TRAINER = "trainer", _("Giảng viên NSCL")
    OTHER = "other", _("Chứng chỉ khác")


class BodyKind(models.TextChoices):
    CERTIFICATION = "certification", _("Tổ chức chứng nhận")
    TESTING_LAB = "testing_lab", _("Phòng thử nghiệm")
    CALIBRATION_LAB = "calibration_lab", _("Phòng hiệu chuẩn")
    INSPECTION = "inspection", _("Tổ chức giám định")


class Validity(models.TextChoices):
    """Where a body's registration or accreditation stands today (computed, never stored)."""

    VALID = "valid", _("Còn hiệu lực")
    EXPIRING = "expiring", _("Sắp hết hiệu lực (trong 90 ngày)")
    EXPIRED = "expired", _("Hết hiệu lực")
    UNKNOWN = "unknown", _("Chưa rõ thời hạn")
