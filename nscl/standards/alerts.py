"""Change alerts: followers of a standard hear when its status changes or it is replaced; followers
of an ICS code hear when a new standard appears under it. One notice per user per batch of changes
(a large import sends each follower one summary, not thousands)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

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


def _status_digests(changes: list[tuple[int, str]], digests: dict[int, Digest]) -> None:
    new_status = dict(changes)
    ids = list(new_status)
    for start in range(0, len(ids), CHUNK):
        rows = Follow.objects.filter(standard_id__in=ids[start : start + CHUNK]).values_list("user_id", "standard_id")
        for user_id, standard_id in rows:
            digest = digests.setdefault(user_id, Digest())
            if len(digest.status_changes) < SAMPLE:
                digest.status_changes.append((standard_id, new_status[standard_id]))


def _ics_digests(created_ids: list[int], digests: dict[int, Digest]) -> None:
    follows = list(Follow.objects.filter(ics_code__isnull=False).values_list("user_id", "ics_code_id"))
    if not follows:
        return
    for start in range(0, len(created_ids), CHUNK):
        links = StandardIcs.objects.filter(standard_id__in=created_ids[start : start + CHUNK]).values_list(
            "standard_id", "ics_code_id"
        )
        seen: set[tuple[int, str, int]] = set()
        for standard_id, code in links:
            for user_id, followed in follows:
                if (code == followed or code.startswith(followed + ".")) and (user_id, followed, standard_id) not in seen:
                    seen.add((user_id, followed, standard_id))
                    digest = digests.setdefault(user_id, Digest())
                    digest.new_counts[followed] += 1
                    if len(digest.new_under_ics[followed]) < SAMPLE:
                        digest.new_under_ics[followed].append(standard_id)


def alerts_send(*, status_changes: list[tuple[int, str]] = (), created_ids: list[int] = ()) -> int:
    """Queue notices (in-app now, e-mail after commit). Returns how many users are told."""
    digests: dict[int, Digest] = {}
    if status_changes:
        _status_digests(list(status_changes), digests)
    if created_ids:
        _ics_digests(list(created_ids), digests)
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
            lines.append(_("%(n)d tiêu chuẩn mới thuộc mã ICS %(code)s:") % {"n": digest.new_counts[code], "code": code})
            lines.extend(f"  - {records[pk].code} {records[pk].title}" for pk in ids if pk in records)
            url = url or reverse("standards:ics_detail", args=[code])
        if digest.status_changes and len(digest.status_changes) == 1 and not digest.new_under_ics:
            title = _("Tiêu chuẩn bạn theo dõi đã thay đổi: %(line)s") % {"line": lines[0]}
        elif digest.status_changes:
            title = _("Có thay đổi ở các tiêu chuẩn bạn theo dõi")
        else:
            title = _("Có tiêu chuẩn mới thuộc mã ICS bạn theo dõi")
    notification_create_many(users=[user], title=title, body="\n".join(lines), url=url)
