"""Official documents (văn bản): the plan, decisions, guidance, with a downloadable file."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nscl.portal.choices import DocumentType


class Document(models.Model):
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, editable=False)
    number = models.CharField(_("số, ký hiệu"), max_length=80, help_text=_("Ví dụ: 121/KH-UBND."))
    title = models.CharField(_("trích yếu"), max_length=400)
    doc_type = models.CharField(_("loại văn bản"), max_length=12, choices=DocumentType.choices)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    issued_on = models.DateField(_("ngày ban hành"))
    effective_on = models.DateField(_("ngày hiệu lực"), null=True, blank=True)
    summary = models.TextField(_("tóm tắt"), blank=True)
    file = models.FileField(_("tệp văn bản"), upload_to="portal/documents/%Y/", max_length=200)
    file_size = models.PositiveBigIntegerField(default=0, editable=False)
    topic = models.ForeignKey(
        "portal.Topic", on_delete=models.SET_NULL, null=True, blank=True, related_name="documents",
        verbose_name=_("chuyên đề"),
    )  # fmt: skip
    is_published = models.BooleanField(_("công khai"), default=True)
    search_text = models.TextField(editable=False, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["search_text", "created_at", "updated_at"])

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        indexes = [models.Index(fields=["is_published", "-issued_on", "-id"], name="portal_document_list_idx")]

    def __str__(self) -> str:
        return f"{self.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("portal:document_detail", args=[self.slug])
