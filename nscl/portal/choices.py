"""Fixed choices of the portal: article and question states, document types."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    IN_REVIEW = "in_review", _("Chờ duyệt")
    PUBLISHED = "published", _("Đã đăng")
    ARCHIVED = "archived", _("Lưu trữ")


class DocumentType(models.TextChoices):
    PLAN = "plan", _("Kế hoạch")
    DECISION = "decision", _("Quyết định")
    GUIDANCE = "guidance", _("Hướng dẫn")
    REPORT = "report", _("Báo cáo")
    NOTICE = "notice", _("Thông báo")
    OTHER = "other", _("Văn bản khác")


class QuestionStatus(models.TextChoices):
    NEW = "new", _("Mới nhận")
    PUBLISHED = "published", _("Đã trả lời công khai")
    ANSWERED_PRIVATELY = "answered", _("Đã trả lời riêng")
    REJECTED = "rejected", _("Không đăng")
