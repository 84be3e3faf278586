"""The portal's cache: one content version, bumped whenever something the public pages show changes.

Public fragments are cached under keys that include the version, so a publication shows at once
everywhere without hunting down keys; stale entries simply expire. Scheduled articles go public
without any save, so pages also cap their cache time at the next scheduled publication.
"""

import datetime

from django.core.cache import cache
from django.utils import timezone

VERSION_KEY = "nscl:portal:version"
LONGEST = 600  # seconds: figures from the registries may lag this much behind


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = int(timezone.now().timestamp() * 1000)
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def content_changed(**kwargs) -> None:  # noqa: ARG001 (signal receiver)
    """Make every cached public fragment stale (connected to the portal models' saves and deletes)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(VERSION_KEY, int(timezone.now().timestamp() * 1000), None)


def seconds_until(moment: datetime.datetime | None, now: datetime.datetime | None = None) -> int:
    """How long a fragment may live: at most LONGEST, and never past the next scheduled publication."""
    if moment is None:
        return LONGEST
    left = (moment - (now or timezone.now())).total_seconds()
    return max(1, min(LONGEST, int(left)))


def next_scheduled_publication(now: datetime.datetime | None = None) -> datetime.datetime | None:
    from nscl.portal.choices import ArticleStatus
    from nscl.portal.models import Article

    upcoming = Article.objects.filter(status=ArticleStatus.PUBLISHED, published_at__gt=now or timezone.now())
    return upcoming.order_by("published_at").values_list("published_at", flat=True).first()


def page_seconds(now: datetime.datetime | None = None) -> int:
    """How long a whole public page may be shared: LONGEST, or until the next scheduled publication."""
    now = now or timezone.now()
    return seconds_until(next_scheduled_publication(now), now)
