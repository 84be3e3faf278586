"""Questions from the public (hỏi đáp) and the officers' answers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nscl.portal.choices import QuestionStatus as S


class QuestionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=S.PUBLISHED)


class Question(models.Model):
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, editable=False)
    asker_name = models.CharField(_("họ và tên"), max_length=120)
    asker_email = models.EmailField(_("thư điện tử"), help_text=_("Không công khai; để gửi câu trả lời."))
    asker_organisation = models.CharField(_("đơn vị, doanh nghiệp"), max_length=200, blank=True)
    title = models.CharField(_("tiêu đề câu hỏi"), max_length=250)
    body = models.TextField(_("nội dung câu hỏi"), max_length=4000)
    topic = models.ForeignKey(
        "portal.Topic", on_delete=models.SET_NULL, null=True, blank=True, related_name="questions",
        verbose_name=_("chuyên đề"),
    )  # fmt: skip
    status = models.CharField(_("trạng thái"), max_length=12, choices=S.choices, default=S.NEW)
    answer = models.TextField(_("trả lời"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người trả lời"),
    )  # fmt: skip
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True)
    asked_at = models.DateTimeField(_("ngày hỏi"), auto_now_add=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    history = HistoricalRecords(excluded_fields=["search_text"])
    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_at", "-id"]
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("hỏi đáp")
        indexes = [models.Index(fields=["status", "-answered_at"], name="portal_question_public_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=S.PUBLISHED) | ~Q(answer=""), name="%(app_label)s_%(class)s_published_answered"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal:question_detail", args=[self.slug])
