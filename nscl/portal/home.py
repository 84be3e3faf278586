"""What the home page shows, read only when its cached fragment has expired (each a lazy property)."""

from functools import cached_property

from django.db.models import Count, Q

from nscl.enterprises.models import ModelEnterprise
from nscl.portal.models import Article, Document, EventTag, Topic
from nscl.projects.choices import APPROVED_ONWARDS, ProjectStatus
from nscl.projects.models import SupportProject
from nscl.standards.models import Standard

LATEST = 6


class HomeContent:
    def __init__(self, *, now):
        self.now = now

    @cached_property
    def articles(self) -> list[Article]:
        """The lead story (the newest marked as lead, else the newest) and then the latest others."""
        public = Article.objects.public(self.now).select_related("lead_image", "topic")
        lead = public.filter(is_lead=True).first() or public.first()
        return [lead, *public.exclude(pk=lead.pk)[:LATEST]] if lead else []

    @property
    def lead(self) -> Article | None:
        return self.articles[0] if self.articles else None

    @property
    def latest(self) -> list[Article]:
        return self.articles[1:]

    @cached_property
    def topics(self) -> list[Topic]:
        published = Q(articles__status="published", articles__published_at__lte=self.now)
        return list(Topic.objects.filter(is_active=True).annotate(article_count=Count("articles", filter=published)))

    @cached_property
    def tags(self) -> list[EventTag]:
        published = Q(articles__status="published", articles__published_at__lte=self.now)
        used = EventTag.objects.annotate(n=Count("articles", filter=published)).filter(n__gt=0)
        return list(used.order_by("-n", "name_vi")[:8])

    @cached_property
    def figures(self) -> dict[str, int]:
        projects = SupportProject.objects.filter(status__in=APPROVED_ONWARDS)
        return {
            "enterprises_supported": projects.values("enterprise").distinct().count(),
            "projects_accepted": SupportProject.objects.filter(status=ProjectStatus.ACCEPTED).count(),
            "model_enterprises": ModelEnterprise.objects.filter(is_public=True).count(),
            "standards": Standard.objects.count(),
        }

    @cached_property
    def model_enterprises(self) -> list[ModelEnterprise]:
        return list(
            ModelEnterprise.objects.filter(is_public=True)
            .select_related("enterprise__commune")
            .order_by("-recognition_year", "id")[:3]
        )

    @cached_property
    def documents(self) -> list[Document]:
        return list(Document.objects.filter(is_published=True).order_by("-issued_on", "-id")[:5])
