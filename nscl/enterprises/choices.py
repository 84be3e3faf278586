from django.db import models
from django.utils.translation import gettext_lazy as _


class SizeClass(models.TextChoices):
    """Enterprise size classes of Decree 80/2021/NĐ-CP, Article 5."""

    MICRO = "micro", _("Siêu nhỏ")
    SMALL = "small", _("Nhỏ")
    MEDIUM = "medium", _("Vừa")
    LARGE = "large", _("Lớn")


class SectorGroup(models.TextChoices):
    """The two sector groups Decree 80/2021/NĐ-CP sets different thresholds for."""

    AGRI_INDUSTRY_CONSTRUCTION = "agri_industry", _("Nông, lâm, thủy sản; công nghiệp và xây dựng")
    TRADE_SERVICES = "trade_services", _("Thương mại và dịch vụ")


class Ownership(models.TextChoices):
    STATE = "state", _("Doanh nghiệp nhà nước")
    PRIVATE = "private", _("Doanh nghiệp tư nhân, công ty ngoài nhà nước")
    FDI = "fdi", _("Doanh nghiệp có vốn đầu tư nước ngoài")
    COOPERATIVE = "cooperative", _("Hợp tác xã")
    HOUSEHOLD = "household", _("Hộ kinh doanh")
    OTHER = "other", _("Khác")


class EnterpriseStatus(models.TextChoices):
    ACTIVE = "active", _("Đã xác nhận")
    PENDING = "pending", _("Chờ xác nhận")
    REJECTED = "rejected", _("Bị từ chối")


class RepresentativeStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    REJECTED = "rejected", _("Bị từ chối")


class CertificationKind(models.TextChoices):
    """Advanced management systems of the glossary, plus product certification."""

    ISO_9001 = "iso9001", _("ISO 9001")
    ISO_14001 = "iso14001", _("ISO 14001")
    ISO_22000 = "iso22000", _("ISO 22000")
    HACCP = "haccp", _("HACCP")
    ISO_45001 = "iso45001", _("ISO 45001")
    ISO_50001 = "iso50001", _("ISO 50001")
    ISO_27001 = "iso27001", _("ISO/IEC 27001")
    GMP = "gmp", _("GMP")
    VIETGAP = "vietgap", _("VietGAP")
    PRODUCT = "product", _("Chứng nhận sản phẩm")
    OTHER = "other", _("Khác")
