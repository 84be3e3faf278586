from django.db import models
from django.utils.translation import gettext_lazy as _


class StandardKind(models.TextChoices):
    TCVN = "TCVN", _("TCVN - Tiêu chuẩn quốc gia")
    QCVN = "QCVN", _("QCVN - Quy chuẩn kỹ thuật quốc gia")
    QCDP = "QCDP", _("QCĐP - Quy chuẩn kỹ thuật địa phương")
    TCCS = "TCCS", _("TCCS - Tiêu chuẩn cơ sở")
    ISO = "ISO", _("ISO")
    IEC = "IEC", _("IEC")
    ISO_IEC = "ISO_IEC", _("ISO/IEC")
    CODEX = "CODEX", _("Codex")
    OTHER = "OTHER", _("Khác")


class StandardStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Còn hiệu lực")
    WITHDRAWN = "withdrawn", _("Hết hiệu lực")
    REPLACED = "replaced", _("Bị thay thế")


class Equivalence(models.TextChoices):
    IDT = "IDT", _("IDT - tương đương hoàn toàn")
    MOD = "MOD", _("MOD - có sửa đổi")
    NEQ = "NEQ", _("NEQ - không tương đương")


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ")
    RUNNING = "running", _("Đang nhập")
    SUCCEEDED = "succeeded", _("Đã nhập")
    CHECKED = "checked", _("Đã kiểm tra (chạy thử, không ghi)")
    REJECTED = "rejected", _("Bị từ chối: tệp có dòng lỗi")
    FAILED = "failed", _("Lỗi hệ thống")
