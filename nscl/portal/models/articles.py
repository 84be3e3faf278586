"""Articles (tin bài) with their review life cycle, and the images they carry."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from nscl.portal.choices import ArticleStatus as S


class ArticleImage(models.Model):
    """An uploaded picture, resized on upload to a few widths (``renditions``: width -> stored name)."""

    file = models.ImageField(_("ảnh gốc"), upload_to="portal/images/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    alt_text = models.CharField(
        _("mô tả ảnh (alt)"), max_length=300, help_text=_("Mô tả nội dung ảnh cho người không xem được ảnh.")
    )
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)
    credit = models.CharField(_("nguồn ảnh"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(_("ngày tải lên"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")

    def __str__(self) -> str:
        return self.alt_text


class ArticleQuerySet(models.QuerySet):
    def public(self, now=None):
        """What the public sees: published, and its publication time has come (scheduled ones wait)."""
        return self.filter(status=S.PUBLISHED, published_at__lte=now or timezone.now())


class Article(models.Model):
    """A news article: written by an officer, reviewed by an editor, then published (possibly scheduled)."""

    slug = models.SlugField(
        _("đường dẫn"), max_length=140, unique=True, editable=False, help_text=_("Đặt một lần khi tạo, không đổi.")
    )
    title = models.CharField(_("tiêu đề"), max_length=250)
    summary = models.TextField(_("tóm tắt"), max_length=600)
    body = models.TextField(_("nội dung"), help_text=_("HTML đã được làm sạch theo danh sách thẻ cho phép."))
    title_en = models.CharField(_("tiêu đề tiếng Anh"), max_length=250, blank=True)
    summary_en = models.TextField(_("tóm tắt tiếng Anh"), max_length=600, blank=True)
    body_en = models.TextField(_("nội dung tiếng Anh"), blank=True)
    lead_image = models.ForeignKey(
        ArticleImage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("ảnh đại diện")
    )
    topic = models.ForeignKey(
        "portal.Topic", on_delete=models.SET_NULL, null=True, blank=True, related_name="articles",
        verbose_name=_("chuyên đề"),
    )  # fmt: skip
    tags = models.ManyToManyField("portal.EventTag", blank=True, related_name="articles", verbose_name=_("sự kiện"))
    byline = models.CharField(_("tác giả"), max_length=200, blank=True, help_text=_("Tên tác giả hiển thị."))
    is_lead = models.BooleanField(_("tin tiêu điểm"), default=False)
    status = FSMField(_("trạng thái"), max_length=12, choices=S.choices, default=S.DRAFT, protected=True)
    published_at = models.DateTimeField(
        _("thời điểm đăng"), null=True, blank=True, help_text=_("Để ở tương lai để hẹn giờ đăng.")
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("người viết")
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["search_text", "created_at", "updated_at"], m2m_fields=[tags])
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="portal_article_public_idx"),
            models.Index(fields=["topic", "status", "-published_at"], name="portal_article_topic_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=S.PUBLISHED) | Q(published_at__isnull=False),
                name="%(app_label)s_%(class)s_published_has_time",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal:article_detail", args=[self.slug])

    @transition(field=status, source=[S.DRAFT], target=S.IN_REVIEW)
    def submit(self) -> None:
        """Sent to an editor."""

    @transition(field=status, source=[S.IN_REVIEW], target=S.DRAFT)
    def return_to_draft(self) -> None:
        """The editor sends it back with comments."""

    @transition(field=status, source=[S.IN_REVIEW, S.ARCHIVED], target=S.PUBLISHED)
    def publish(self) -> None:
        """Published now or at ``published_at`` (scheduled)."""

    @transition(field=status, source=[S.PUBLISHED], target=S.ARCHIVED)
    def archive(self) -> None:
        """Taken off the lists; the page stays for links that point to it."""
