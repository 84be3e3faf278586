"""What the province shows: key products and their producers, model enterprises and who replicated them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nscl.enterprises.models.registry import Enterprise


class KeyProduct(models.Model):
    """A key product of the province (sản phẩm chủ lực), with the enterprises that produce it."""

    slug = models.SlugField(_("mã"), max_length=80, unique=True)
    name_vi = models.CharField(_("tên sản phẩm"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    area = models.CharField(_("vùng sản xuất chính"), max_length=255, blank=True)
    producers = models.ManyToManyField(
        Enterprise, related_name="key_products", blank=True, verbose_name=_("doanh nghiệp sản xuất")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "name_vi"]
        verbose_name = _("sản phẩm chủ lực")
        verbose_name_plural = _("sản phẩm chủ lực")

    def __str__(self) -> str:
        return self.name_vi

    def get_absolute_url(self) -> str:
        return reverse("enterprises:key_product_detail", args=[self.slug])


class ModelEnterprise(models.Model):
    """An enterprise recognised as a model (DN điển hình): what it applied and what came of it."""

    enterprise = models.OneToOneField(
        Enterprise, on_delete=models.CASCADE, related_name="model_record", verbose_name=_("doanh nghiệp")
    )
    recognition_year = models.PositiveSmallIntegerField(_("năm công nhận"))
    applied = models.TextField(_("nội dung áp dụng"), help_text=_("Hệ thống quản lý, công cụ cải tiến đã áp dụng."))
    results = models.TextField(_("kết quả đạt được"))
    is_public = models.BooleanField(_("công khai trên cổng thông tin"), default=True)
    replicators = models.ManyToManyField(
        Enterprise,
        through="Replication",
        related_name="replicated_models",
        blank=True,
        verbose_name=_("doanh nghiệp nhân rộng"),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        ordering = ["-recognition_year", "id"]
        verbose_name = _("doanh nghiệp điển hình")
        verbose_name_plural = _("doanh nghiệp điển hình")

    def __str__(self) -> str:
        return f"{self.enterprise} ({self.recognition_year})"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:model_enterprise_detail", args=[self.pk])


class Replication(models.Model):
    """An enterprise that replicated a model enterprise's practice (nhân rộng)."""

    model = models.ForeignKey(
        ModelEnterprise, on_delete=models.CASCADE, related_name="replications", verbose_name=_("mô hình")
    )
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="replications", verbose_name=_("doanh nghiệp nhân rộng")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    note = models.CharField(_("nội dung nhân rộng"), max_length=300, blank=True)

    class Meta:
        ordering = ["year", "id"]
        verbose_name = _("nhân rộng mô hình")
        verbose_name_plural = _("nhân rộng mô hình")
        constraints = [
            models.UniqueConstraint(fields=["model", "enterprise"], name="%(app_label)s_%(class)s_unique_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} <- {self.model_id}"
