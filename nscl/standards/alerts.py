"""Change alerts: followers of a standard hear when its status changes or it is replaced; followers
of an ICS code hear when a new standard appears under it. One notice per user per batch of changes
(a large import sends each follower one summary, not thousands)."""

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from nscl.accounts.models import User
from nscl.accounts.services import notification_create_many
from nscl.standards.choices import StandardStatus
from nscl.standards.models import Follow, Standard, StandardIcs

SAMPLE = 20
CHUNK = 1000


@dataclass
class Digest:
    """What one user is told about: status changes and new standards under followed ICS codes."""

    status_changes: list[tuple[int, str]] = field(default_factory=list)  # (standard id, new status)
    new_under_ics: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    new_counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def chunked(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    """Lists of at most `size` items, so an iterable as long as an import file is never held whole."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _status_digests(changes: Iterable[tuple[int, str]], digests: dict[int, Digest]) -> None:
    for chunk in chunked(changes):
        new_status = dict(chunk)
        rows = Follow.objects.filter(standard_id__in=list(new_status)).values_list("user_id", "standard_id")
        for user_id, standard_id in rows:
            digest = digests.setdefault(user_id, Digest())
            if len(digest.status_changes) < SAMPLE:
                digest.status_changes.append((standard_id, new_status[standard_id]))


def _ics_followers() -> dict[str, list[int]]:
    followers: dict[str, list[int]] = defaultdict(list)
    for user_id, code in Follow.objects.filter(ics_code__isnull=False).values_list("user_id", "ics_code_id"):
        followers[code].append(user_id)
    return followers


def _ics_digests(created_ids: Iterable[int], digests: dict[int, Digest]) -> None:
    followers = _ics_followers()
    if not followers:
        return
    for chunk in chunked(created_ids):
        links = StandardIcs.objects.filter(standard_id__in=chunk).values_list("standard_id", "ics_code_id")
        seen: set[tuple[int, str, int]] = set()
        for standard_id, code in links:
            parts = code.split(".")
            for followed in (".".join(parts[: i + 1]) for i in range(len(parts))):
                for user_id in followers.get(followed, ()):
                    if (user_id, followed, standard_id) in seen:
                        continue
                    seen.add((user_id, followed, standard_id))
                    digest = digests.setdefault(user_id, Digest())
                    digest.new_counts[followed] += 1
                    if len(digest.new_under_ics[followed]) < SAMPLE:
                        digest.new_under_ics[followed].append(standard_id)


def alerts_send(*, status_changes: Iterable[tuple[int, str]] = (), created_ids: Iterable[int] = ()) -> int:
    """Queue notices (in-app now, e-mail after commit). Returns how many users are told.

    Both arguments may be generators as long as an import file: they are read a chunk at a time,
    and each user's digest keeps a sample of SAMPLE records plus counts.
    """
    digests: dict[int, Digest] = {}
    _status_digests(status_changes, digests)
    _ics_digests(created_ids, digests)
    if not digests:
        return 0
    wanted = {pk for d in digests.values() for pk, _ in d.status_changes}
    wanted |= {pk for d in digests.values() for ids in d.new_under_ics.values() for pk in ids}
    records = Standard.objects.select_related("replaced_by").in_bulk(list(wanted))
    users = User.objects.in_bulk(list(digests))
    for user_id, digest in digests.items():
        user = users.get(user_id)
        if user is not None:
            _notify(user, digest, records)
    return len(digests)


def _line(standard: Standard, status: str) -> str:
    line = f"{standard.code}: {StandardStatus(status).label}"
    if status == StandardStatus.REPLACED and standard.replaced_by_id:
        line += " " + _("(thay thế bởi %(code)s)") % {"code": standard.replaced_by.code}
    return line


def _notify(user: User, digest: Digest, records: dict[int, Standard]) -> None:
    with override("vi"):
        lines, url = [], ""
        for pk, status in digest.status_changes:
            if pk in records:
                lines.append(_line(records[pk], status))
                url = url or reverse("standards:standard_detail", args=[pk])
        for code, ids in digest.new_under_ics.items():
            n = digest.new_counts[code]
            line = ngettext(
                "%(n)d tiêu chuẩn mới thuộc mã ICS %(code)s:",
                "%(n)d tiêu chuẩn mới thuộc mã ICS %(code)s:",
                n,
            )
            lines.append(line % {"n": n, "code": code})
            lines.extend(f"  - {records[pk].code} {records[pk].title}" for pk in ids if pk in records)
            url = url or reverse("standards:ics_detail", args=[code])
        if digest.status_changes and len(digest.status_changes) == 1 and not digest.new_under_ics:
            title = _("Tiêu chuẩn bạn theo dõi đã thay đổi: %(line)s") % {"line": lines[0]}
        elif digest.status_changes:
            title = _("Có thay đổi ở các tiêu chuẩn bạn theo dõi")
        else:
            title = _("Có tiêu chuẩn mới thuộc mã ICS bạn theo dõi")
    notification_create_many(users=[user], title=title, body="\n".join(lines), url=url)
