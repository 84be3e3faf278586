from django.db import models
from django.utils.translation import gettext_lazy as _


class SupportGroup(models.TextChoices):
    """The groups of support types; a support rule (share, ceiling) applies to a whole group."""

    MANAGEMENT_SYSTEM = "management_system", _("Hệ thống quản lý tiên tiến")
    IMPROVEMENT_TOOL = "improvement_tool", _("Công cụ cải tiến năng suất chất lượng")
    TECHNOLOGY = "technology", _("Đổi mới công nghệ")
    KEY_PRODUCT = "key_product", _("Nâng cao chất lượng sản phẩm chủ lực")
    SERVICE_QUALITY = "service_quality", _("Nâng cao chất lượng dịch vụ")
    MEASUREMENT = "measurement", _("Năng lực đo lường, thử nghiệm")
    CONFORMITY = "conformity", _("Đánh giá sự phù hợp")


class ProjectStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã nộp")
    UNDER_APPRAISAL = "under_appraisal", _("Đang thẩm định")
    RETURNED = "returned", _("Trả lại để bổ sung")
    REJECTED = "rejected", _("Không phê duyệt")
    APPROVED = "approved", _("Đã phê duyệt")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    ACCEPTANCE_REVIEW = "acceptance_review", _("Đang nghiệm thu")
    ACCEPTED = "accepted", _("Đã nghiệm thu")
    NOT_ACCEPTED = "not_accepted", _("Không được nghiệm thu")
    CANCELLED = "cancelled", _("Đã hủy")


OPEN_STATUSES = (
    ProjectStatus.DRAFT,
    ProjectStatus.SUBMITTED,
    ProjectStatus.UNDER_APPRAISAL,
    ProjectStatus.RETURNED,
    ProjectStatus.APPROVED,
    ProjectStatus.IN_PROGRESS,
    ProjectStatus.ACCEPTANCE_REVIEW,
)
# Support granted: the approval and every state after it (inspections happen here; the portal counts
# the enterprises supported from these).
APPROVED_ONWARDS = (
    ProjectStatus.APPROVED,
    ProjectStatus.IN_PROGRESS,
    ProjectStatus.ACCEPTANCE_REVIEW,
    ProjectStatus.ACCEPTED,
    ProjectStatus.NOT_ACCEPTED,
)
# The enterprise may still change its proposal in these states.
EDITABLE_STATUSES = (ProjectStatus.DRAFT, ProjectStatus.RETURNED)


class FundingSource(models.TextChoices):
    STATE = "state", _("Ngân sách nhà nước hỗ trợ")
    ENTERPRISE = "enterprise", _("Doanh nghiệp đối ứng")
    OTHER = "other", _("Nguồn khác")


class DocumentKind(models.TextChoices):
    PROPOSAL = "proposal", _("Thuyết minh dự án")
    BUDGET = "budget", _("Dự toán kinh phí")
    CONTRACT = "contract", _("Hợp đồng tư vấn")
    REPORT = "report", _("Báo cáo kết quả thực hiện")
    DECISION = "decision", _("Quyết định")
    MINUTES = "minutes", _("Biên bản")
    OTHER = "other", _("Tài liệu khác")


class IndicatorDirection(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class InspectionStatus(models.TextChoices):
    PLANNED = "planned", _("Đã lên kế hoạch")
    DONE = "done", _("Đã kiểm tra")
    CANCELLED = "cancelled", _("Đã hủy")


class FindingSeverity(models.TextChoices):
    COMPLIANT = "compliant", _("Đạt yêu cầu")
    NEEDS_CORRECTION = "needs_correction", _("Cần khắc phục")
    SERIOUS = "serious", _("Vi phạm nghiêm trọng")
