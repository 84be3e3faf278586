"""Template tags the site's base layout uses from the portal: the footer's static pages."""

from django import template
from django.core.cache import cache
from django.utils.translation import get_language

from nscl.portal.cache import LONGEST, content_version
from nscl.portal.models import Page

register = template.Library()


@register.simple_tag
def footer_pages() -> list[tuple[str, str]]:
    """(url, title) of the pages shown in the footer, cached until a portal change or LONGEST."""
    language = (get_language() or "vi")[:2]
    key = f"nscl:portal:footer:{content_version()}:{language}"
    pages = cache.get(key)
    if pages is None:
        rows = Page.objects.filter(in_footer=True).only("slug", "title", "title_en")
        pages = [(p.get_absolute_url(), (p.title_en if language == "en" and p.title_en else p.title)) for p in rows]
        cache.set(key, pages, LONGEST)
    return pages
