from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "nscl.portal"
    label = "portal"
    verbose_name = _("Cổng thông tin")

    def ready(self) -> None:
        # Cache invalidation is a decoupled concern (STYLE.md 12): any write to what the public pages
        # show bumps the portal's content version, whichever service or admin action made it.
        from nscl.portal import models
        from nscl.portal.cache import content_changed

        for model in (models.Article, models.ArticleImage, models.Document, models.Question, models.Page,
                      models.Topic, models.EventTag):  # fmt: skip
            post_save.connect(content_changed, sender=model, dispatch_uid=f"portal-cache-save-{model.__name__}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"portal-cache-delete-{model.__name__}")
        m2m_changed.connect(content_changed, sender=models.Article.tags.through, dispatch_uid="portal-cache-tags")
