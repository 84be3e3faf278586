from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED_TO_BOARD = "submitted_to_board", _("Đã trình Ban điều hành")
    RETURNED = "returned", _("Ban điều hành trả lại")
    ENDORSED = "endorsed", _("Ban điều hành đã thông qua")
    SUBMITTED_TO_COMMITTEE = "submitted_to_committee", _("Đã trình UBND tỉnh")
    APPROVED = "approved", _("Đã phê duyệt")
    SUPERSEDED = "superseded", _("Đã được thay thế bằng bản điều chỉnh")


# Officers may change tasks and budget lines only in these states; an approved plan is frozen.
EDITABLE_STATUSES = (PlanStatus.DRAFT, PlanStatus.RETURNED)
FROZEN_STATUSES = (PlanStatus.APPROVED, PlanStatus.SUPERSEDED)


class FundingSource(models.TextChoices):
    CENTRAL = "central", _("Ngân sách trung ương")
    PROVINCIAL = "provincial", _("Ngân sách tỉnh")
    ENTERPRISE = "enterprise", _("Doanh nghiệp đối ứng")
    OTHER = "other", _("Nguồn khác")


class DiffKind(models.TextChoices):
    ADDED = "added", _("Thêm mới")
    REMOVED = "removed", _("Bỏ")
    CHANGED = "changed", _("Thay đổi")
