"""Writes for accounts: notices (in-app and e-mail) and role membership."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone

from nscl.accounts.models import Notification, User


@transaction.atomic
def notification_create_many(*, users: Iterable[User], title: str, body: str = "", url: str = "") -> list[Notification]:
    """One in-app notice per user; the e-mails leave after the transaction commits."""
    users = [u for u in users if u.is_active]
    notices = Notification.objects.bulk_create(
        [Notification(user=u, title=title[:255], body=body, url=url) for u in users]
    )
    recipients = [u.email for u in users if u.email]
    if recipients:
        text = f"{body}\n\n{url}".strip()
        messages = [(title, text, settings.DEFAULT_FROM_EMAIL, [email]) for email in recipients]
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))
    return notices


def notification_mark_read(*, user: User, notification_id: int | None = None) -> int:
    """Mark one notice (or all of the user's unread notices) as read; returns how many changed."""
    notices = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_id is not None:
        notices = notices.filter(id=notification_id)
    return notices.update(read_at=timezone.now())


@transaction.atomic
def user_set_roles(*, user: User, roles: Iterable[str]) -> User:
    groups = [Group.objects.get_or_create(name=role)[0] for role in roles]
    user.groups.set(groups)
    user.__dict__.pop("_nscl_roles", None)
    return user
