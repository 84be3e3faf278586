"""Photos of a model enterprise's work, shown on the public showcase."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nscl.core import images
from nscl.enterprises.models.showcase import ModelEnterprise


class ModelEnterprisePhoto(models.Model):
    """A photo of a model enterprise, checked and resized on upload (``renditions``: width -> stored name)."""

    model_enterprise = models.ForeignKey(
        ModelEnterprise, on_delete=models.CASCADE, related_name="photos", verbose_name=_("doanh nghiệp điển hình")
    )
    file = models.ImageField(
        _("ảnh"), upload_to="enterprises/photos/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    alt_text = models.CharField(
        _("mô tả ảnh (alt)"), max_length=300, help_text=_("Mô tả nội dung ảnh cho người không xem được ảnh.")
    )
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người tải lên"),
    )
    uploaded_at = models.DateTimeField(_("ngày tải lên"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["uploaded_at"])

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("ảnh doanh nghiệp điển hình")
        verbose_name_plural = _("ảnh doanh nghiệp điển hình")

    def __str__(self) -> str:
        return self.alt_text

    @property
    def srcset(self) -> str:
        """Every stored width of this photo, for ``<img srcset>``."""
        return images.srcset(self)

    @property
    def thumbnail_url(self) -> str:
        return images.thumbnail_url(self)
