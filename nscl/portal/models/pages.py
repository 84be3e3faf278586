"""Static pages officers keep (about the program, the steering board, contacts)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Page(models.Model):
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung"), help_text=_("HTML đã được làm sạch theo danh sách thẻ cho phép."))
    title_en = models.CharField(_("tiêu đề tiếng Anh"), max_length=200, blank=True)
    body_en = models.TextField(_("nội dung tiếng Anh"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    in_footer = models.BooleanField(_("hiện ở chân trang"), default=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("trang")
        verbose_name_plural = _("trang")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal:page_detail", args=[self.slug])
