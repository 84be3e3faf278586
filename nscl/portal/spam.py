"""The question form's spam guard, with no outside service: a honeypot field people never see, a
signed timestamp that refuses forms sent too fast or too late, and a per-address limit kept in the
cache. Addresses are hashed with the site's secret key before they reach the cache; none is stored."""

import time

from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"  # a field bots fill in and people never see (visually hidden, out of the tab order)
TOKEN_FIELD = "form_token"  # noqa: S105  (a form field's name, not a secret)
TOKEN_SALT = "nscl.portal.question-ask"  # noqa: S105  (a signing namespace; the key is SECRET_KEY)
MIN_SECONDS = 3  # a person needs longer than this to write a question
MAX_SECONDS = 24 * 60 * 60  # a form older than a day is refused (reload the page)
RATE_LIMIT = 5  # questions...
RATE_WINDOW = 60 * 60  # ...per hour per address

ERROR_TOKEN = _("Biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.")
ERROR_TOO_FAST = _("Biểu mẫu được gửi quá nhanh. Vui lòng kiểm tra lại nội dung rồi gửi lại.")
ERROR_STALE = _("Biểu mẫu đã quá hạn. Vui lòng tải lại trang và gửi lại.")
ERROR_RATE = _("Bạn đã gửi nhiều câu hỏi trong một giờ qua. Vui lòng thử lại sau.")


def token_issue(*, now: float | None = None) -> str:
    """A signed token carrying the time the form was shown."""
    return signing.dumps({"t": int(now if now is not None else time.time())}, salt=TOKEN_SALT)


def token_problem(token: str, *, now: float | None = None) -> str:
    """ "" when the token is genuine and its age is between MIN_SECONDS and MAX_SECONDS; else the reason."""
    try:
        shown_at = float(signing.loads(token or "", salt=TOKEN_SALT)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return str(ERROR_TOKEN)
    age = (now if now is not None else time.time()) - shown_at
    if age < MIN_SECONDS:
        return str(ERROR_TOO_FAST)
    if age > MAX_SECONDS:
        return str(ERROR_STALE)
    return ""


def client_key_for(address: str) -> str:
    """An address hashed with the secret key: the cache never holds the address itself."""
    return salted_hmac(TOKEN_SALT, address or "unknown").hexdigest()


def client_key(request) -> str:
    """The sender's hashed address. REMOTE_ADDR: behind a proxy, the proxy must set it (never trust
    X-Forwarded-For as sent by the client)."""
    return client_key_for(request.META.get("REMOTE_ADDR", ""))


def _cache_key(key: str) -> str:
    return f"portal:ask:{key}"


def rate_exceeded(key: str) -> bool:
    """True when this sender already asked RATE_LIMIT questions in the current window."""
    return int(cache.get(_cache_key(key), 0)) >= RATE_LIMIT


def rate_count(key: str) -> int:
    """Count one question for this sender; the window starts with the first one."""
    cache_key = _cache_key(key)
    cache.add(cache_key, 0, timeout=RATE_WINDOW)
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=RATE_WINDOW)
        return 1
