"""Topic series (chuyên đề) and event tags (sự kiện) that group articles."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    """A topic series: a running theme of the program with its own list and feed."""

    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    name_vi = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    description = models.TextField(_("giới thiệu"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        ordering = ["sort_order", "name_vi"]
        verbose_name = _("chuyên đề")
        verbose_name_plural = _("chuyên đề")

    def __str__(self) -> str:
        return self.name_vi

    def get_absolute_url(self) -> str:
        return reverse("portal:topic_detail", args=[self.slug])


class EventTag(models.Model):
    """An event or campaign articles can be tagged with (a conference, World Quality Day...)."""

    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    name_vi = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("sự kiện")
        verbose_name_plural = _("sự kiện")

    def __str__(self) -> str:
        return self.name_vi

    def get_absolute_url(self) -> str:
        return reverse("portal:tag_detail", args=[self.slug])
