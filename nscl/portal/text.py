"""Rich text and slugs of the portal: HTML cleaned against a strict allow-list (nh3, the Ammonia
sanitiser), and readable Vietnamese slugs set once and never changed."""

import nh3
from django.db import models

from nscl.core.text import slugify_vi

# What an article, a page or an answer may contain: structure, emphasis, links, lists, tables,
# figures. No scripts, styles, event handlers, iframes or forms; links get rel="noopener noreferrer".
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup", "blockquote",
    "ul", "ol", "li", "a", "img", "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot",
    "tr", "th", "td", "hr", "abbr", "cite", "q", "code", "pre",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "abbr": {"title"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html: str) -> str:
    """The HTML with every tag, attribute and URL scheme outside the allow-list removed."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def plain_text(html: str) -> str:
    """The words of some HTML, without any tag (for search text, summaries and feeds)."""
    return " ".join(nh3.clean(html or "", tags=set()).split())


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 120) -> str:
    """A slug for a new row: the folded title, with -2, -3... when it is taken. Never recomputed."""
    base = slugify_vi(text, max_length=max_length - 6) or "bai"
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
