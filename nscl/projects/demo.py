"""Demo data of support projects (`manage.py load_demo`; safe to repeat).

Loads the demo support rules (labelled "số liệu minh họa", data/projects/SOURCE.md), then the demo
projects of data/projects/demo_projects.toml on the enterprises app's demo enterprises. Every project
is invented and titled as a demo ("[Minh họa]"); a project whose title exists is skipped.

Each project goes through the real services, acting as the demo user whose step it is: the
enterprise's confirmed representative (``doanhnghiep`` for the first demo enterprise; for the others
a representative account created here, named as a demo and without a password), the officer
``canbo``, the board member ``bandieuhanh``. Afterwards the event times and the dates the services
stamp with "now" are moved back to the days the file gives, so the pipeline looks lived-in.
Notices stay in-app: no e-mail leaves while the demo loads.
"""

import datetime
import logging
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from nscl.accounts.models import User
from nscl.accounts.services import user_set_roles
from nscl.core.placeholders import placeholder_pdf
from nscl.core.roles import Role
from nscl.enterprises.choices import RepresentativeStatus
from nscl.enterprises.demo import DEMO_OFFICER, ENTERPRISES, demo_tax_code
from nscl.enterprises.models import Enterprise, EnterpriseRepresentative
from nscl.enterprises.services import claim_confirm, claim_create
from nscl.network.models import ConsultingOrganisation, Expert
from nscl.projects import services
from nscl.projects.choices import DocumentKind, FundingSource
from nscl.projects.models import IndicatorKind, Inspection, ProjectDocument, ProjectEvent, SupportProject, SupportType
from nscl.projects.reference import DATA_DIR, support_rules_load
from nscl.projects.services.inspections import INSPECTABLE
from nscl.standards.codes import code_key
from nscl.standards.models import Standard

logger = logging.getLogger(__name__)

DEMO_FILE = DATA_DIR / "demo_projects.toml"
DEMO_BOARD = "bandieuhanh"
DEMO_NOTE = "Dữ liệu minh họa"
MILLION = 1_000_000
REPRESENTATIVE_VERBS = {"submit", "resubmit", "start", "request_acceptance"}
MAX_DOCUMENT_TEXT = 90


def demo_pdf(text: str) -> bytes:
    """A one-page PDF saying it is demo data, with the document's title."""
    return placeholder_pdf("NSCL - du lieu minh hoa / demo data", text[:MAX_DOCUMENT_TEXT])


@dataclass
class Cast:
    """The demo users who act, and what the file refers to by name."""

    officer: User
    board: User
    enterprises: dict[int, Enterprise]
    experts: dict[str, Expert]
    organisations: dict[str, ConsultingOrganisation]
    kinds: dict[str, IndicatorKind]


@dataclass
class Run:
    """One project being built: its actors, its days, and the times to put back afterwards."""

    spec: dict[str, Any]
    group: dict[str, Any]
    number: int
    project: SupportProject
    rep: User
    cast: Cast
    today: datetime.date
    event_times: list[datetime.datetime] = field(default_factory=list)
    document_times: list[tuple[int, datetime.datetime]] = field(default_factory=list)

    def day(self, days_ago: int) -> datetime.date:
        return self.today - datetime.timedelta(days=days_ago)

    def moment(self, days_ago: int, step: int = 0) -> datetime.datetime:
        clock = datetime.time(8 + step % 9, (7 * step) % 60)
        return timezone.make_aware(datetime.datetime.combine(self.day(days_ago), clock))

    def upload(self, kind: str, title: str, *, by: User, days_ago: int) -> None:
        name = f"{kind}-{self.number:02d}.pdf"
        upload = SimpleUploadedFile(name, demo_pdf(f"{title} - {self.project.title}"), "application/pdf")
        document = services.document_upload(project=self.project, by=by, kind=kind, title=title, upload=upload)
        self.document_times.append((document.pk, self.moment(days_ago, len(self.document_times))))


def _cast() -> Cast | None:
    users = {u.username: u for u in User.objects.filter(username__in=[DEMO_OFFICER, DEMO_BOARD])}
    if len(users) < 2:
        return None
    enterprises = {e.tax_code: e for e in Enterprise.objects.filter(tax_code__startswith="49")}
    return Cast(
        officer=users[DEMO_OFFICER],
        board=users[DEMO_BOARD],
        enterprises={
            i: enterprises[demo_tax_code(i + 1)] for i in range(len(ENTERPRISES)) if demo_tax_code(i + 1) in enterprises
        },
        experts={e.full_name: e for e in Expert.objects.select_related("organisation")},
        organisations={o.name: o for o in ConsultingOrganisation.objects.all()},
        kinds={k.code: k for k in IndicatorKind.objects.all()},
    )


def _representative(enterprise: Enterprise, index: int, officer: User) -> User:
    """The enterprise's confirmed representative; for demo enterprises without one, a demo account."""
    confirmed = EnterpriseRepresentative.objects.filter(enterprise=enterprise, status=RepresentativeStatus.CONFIRMED)
    found = confirmed.order_by("id").first()
    if found is not None:
        return User.objects.get(pk=found.user_id)  # fresh: permission caches live on the object
    user, created = User.objects.get_or_create(
        username=f"daidien{index + 1:02d}",
        defaults={"full_name": f"Người đại diện {enterprise.short_name} (demo)"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user_set_roles(user=user, roles=[Role.ENTERPRISE])
    claim = EnterpriseRepresentative.objects.filter(user=user, enterprise=enterprise).first()
    if claim is None or claim.status == RepresentativeStatus.REJECTED:
        claim = claim_create(user=user, tax_code=enterprise.tax_code, position="Giám đốc (demo)")
    if claim.status == RepresentativeStatus.PENDING:
        claim_confirm(claim=claim, by=officer, note=DEMO_NOTE)
    return User.objects.get(pk=user.pk)


def _split(total: int, weighted: list[list[Any]]) -> list[tuple[str, int]]:
    """Share a sum among the template's items by weight, in whole millions; the last takes the rest."""
    weights = sum(weight for _item, weight in weighted)
    lines, left = [], total
    for position, (item, weight) in enumerate(weighted):
        amount = left if position == len(weighted) - 1 else total * weight // weights // MILLION * MILLION
        lines.append((item, amount))
        left -= amount
    return [(item, amount) for item, amount in lines if amount > 0]


def _budget(run: Run) -> None:
    spec, project = run.spec, run.project
    cost, other = spec["cost"] * MILLION, spec.get("other", 0) * MILLION
    wanted = int(cost * Decimal(str(spec.get("ask", 0.5)))) // MILLION * MILLION
    state = min(wanted, services.project_support_limit(project=project, cost=cost))
    lines = [(item, FundingSource.STATE, amount) for item, amount in _split(state, run.group["state"])]
    own = cost - state - other
    lines += [(item, FundingSource.ENTERPRISE, amount) for item, amount in _split(own, run.group["enterprise"])]
    if other:
        lines.append((run.group["other"], FundingSource.OTHER, other))
    for item, source, amount in lines:
        services.budget_line_add(project=project, by=run.rep, item=item, source=source, amount=amount)


def _schedule(spec: dict[str, Any], milestones: list[list[Any]]) -> tuple[int, int]:
    """Days ago of the planned start (the "start" step, or a month after the last step) and of the end."""
    path = spec.get("path", [])
    started = next((step[1] for step in path if step[0] == "start"), None)
    if started is None:
        started = min([spec["created"], *(step[1] for step in path)]) - 30
    return started, started - 30 - max(offset for _title, offset in milestones)


def _create(
    spec: dict[str, Any], group: dict[str, Any], cast: Cast, rep: User, enterprise: Enterprise
) -> SupportProject:
    expert = cast.experts.get(spec.get("expert", ""))
    organisation = cast.organisations.get(spec.get("organisation", "")) or (expert.organisation if expert else None)
    keys = [code_key(code) for code in spec.get("standards", [])]
    started, ends = _schedule(spec, group["milestones"])
    today = timezone.localdate()
    data = {
        "title": spec["title"],
        "goals": spec["goals"],
        "consultant_expert": expert,
        "consultant_organisation": organisation,
        "start_date": today - datetime.timedelta(days=started),
        "end_date": today - datetime.timedelta(days=ends),
        "support_types": list(SupportType.objects.filter(code__in=spec["types"])),
        "standards": list(Standard.objects.filter(code_key__in=keys)),
    }
    return services.project_create(enterprise=enterprise, by=rep, data=data)


def _proposal(run: Run) -> None:
    """Budget, milestones, indicators and the documents a submission needs, while the draft is open."""
    _budget(run)
    start = run.project.start_date
    for title, offset in run.group["milestones"]:
        due = start + datetime.timedelta(days=offset)
        services.milestone_add(project=run.project, by=run.rep, title=title, due_date=due)
    for code, baseline, target, *_result in run.spec.get("indicators", []):
        if code in run.cast.kinds:
            kind = run.cast.kinds[code]
            services.indicator_set(
                project=run.project, by=run.rep, kind=kind, baseline=Decimal(str(baseline)), target=Decimal(str(target))
            )
    written = run.spec["created"] - 3
    run.upload(DocumentKind.PROPOSAL, "Thuyết minh dự án (minh họa)", by=run.rep, days_ago=written)
    run.upload(DocumentKind.BUDGET, "Dự toán kinh phí (minh họa)", by=run.rep, days_ago=written)


def _progress(run: Run, until: int, *, finish: bool = False) -> None:
    """Milestones done by ``until`` days ago, but the ``late`` last ones already due (``finish``: the ones not
    yet due too, early), and the indicator results."""
    cutoff = run.day(until)
    milestones = list(run.project.milestones.order_by("due_date"))
    due = [m for m in milestones if m.due_date < cutoff]
    late_count = run.spec.get("late", 0)
    late = {m.pk for m in due[len(due) - late_count :]} if late_count else set()
    for position, milestone in enumerate(milestones):
        if milestone.pk in late or (milestone.due_date >= cutoff and not finish):
            continue
        done = min(milestone.due_date + datetime.timedelta(days=position % 3 * 4 - 4), cutoff)
        services.milestone_mark_done(milestone=milestone, by=run.rep, done_date=done)
    for code, baseline, target, *result in run.spec.get("indicators", []):
        if result and code in run.cast.kinds:
            services.indicator_set(
                project=run.project,
                by=run.rep,
                kind=run.cast.kinds[code],
                baseline=Decimal(str(baseline)),
                target=Decimal(str(target)),
                result=Decimal(str(result[0])),
            )


def _inspect(run: Run, inspection_spec: dict[str, Any]) -> None:
    officer = run.cast.officer
    planned = run.day(inspection_spec["days_ago"])
    inspection = services.inspection_create(project=run.project, by=officer, planned_on=planned, inspectors=[officer])
    if inspection_spec["days_ago"] > 7:
        Inspection.objects.filter(pk=inspection.pk).update(created_at=run.moment(inspection_spec["days_ago"] + 7))
    for finding_spec in inspection_spec.get("findings", []):
        deadline = run.day(finding_spec["deadline"]) if "deadline" in finding_spec else None
        finding = services.finding_add(
            inspection=inspection,
            by=officer,
            severity=finding_spec["severity"],
            description=finding_spec["text"],
            action=finding_spec.get("action", ""),
            deadline=deadline,
        )
        if "closed" in finding_spec:
            services.corrective_action_close(
                action=finding.actions.get(), by=officer, closed_on=run.day(finding_spec["closed"]),
                evidence=finding_spec["evidence"],
            )  # fmt: skip


def _before(run: Run, verb: str, days_ago: int) -> None:
    """What the enterprise or the officer does just before a step: evidence, reports, minutes."""
    if verb == "cancel" and run.project.status == services.STATUS_AFTER["start"]:
        _progress(run, days_ago)
    elif verb == "resubmit":
        run.upload(DocumentKind.OTHER, "Giải trình bổ sung hồ sơ (minh họa)", by=run.rep, days_ago=days_ago + 1)
    elif verb == "request_acceptance":
        _progress(run, days_ago, finish=True)
        run.upload(DocumentKind.REPORT, "Báo cáo kết quả thực hiện (minh họa)", by=run.rep, days_ago=days_ago + 2)
    elif verb in ("accept", "refuse_acceptance"):
        officer = run.cast.officer
        run.upload(DocumentKind.MINUTES, "Biên bản họp hội đồng nghiệm thu (minh họa)", by=officer, days_ago=days_ago)


def _after(run: Run, verb: str, days_ago: int) -> None:
    if verb == "approve":
        officer = run.cast.officer
        run.upload(DocumentKind.DECISION, "Quyết định phê duyệt hỗ trợ (minh họa)", by=officer, days_ago=days_ago)
    elif verb == "start":
        run.upload(DocumentKind.CONTRACT, "Hợp đồng tư vấn (minh họa)", by=run.rep, days_ago=days_ago - 5)


def _step(run: Run, verb: str, days_ago: int, reason: str = "", actor: str = "") -> None:
    _before(run, verb, days_ago)
    if actor == "representative" or (not actor and verb in REPRESENTATIVE_VERBS):
        by = run.rep
    else:
        by = run.cast.board if verb == "approve" else run.cast.officer
    kwargs: dict[str, Any] = {}
    if verb == "approve":
        share = Decimal(str(run.spec.get("approve", 1)))
        kwargs = {
            "amount": int(run.project.requested_amount * share) // MILLION * MILLION,
            "decision_number": f"MH-{run.number:03d}/QĐ-SKHCN",
            "decision_date": run.day(days_ago),
        }
        reason = reason or f"Phê duyệt theo kết quả thẩm định ({DEMO_NOTE.lower()})."
    run.project = services.SERVICES[verb](obj=run.project, by=by, reason=reason, **kwargs)
    run.event_times.append(run.moment(days_ago, len(run.event_times)))
    _after(run, verb, days_ago)


def _walk(run: Run) -> None:
    inspections = sorted(run.spec.get("inspections", []), key=lambda spec: -spec["days_ago"])
    for verb, days_ago, *rest in run.spec.get("path", []):
        while inspections and inspections[0]["days_ago"] > days_ago and run.project.status in INSPECTABLE:
            _inspect(run, inspections.pop(0))
        _step(run, verb, days_ago, *rest)
    if run.project.status == services.STATUS_AFTER["start"]:
        _progress(run, 0)
    for inspection_spec in inspections:
        _inspect(run, inspection_spec)


def _backdate(run: Run) -> None:
    """Put the times the services stamped with "now" back on the days of the story."""
    events = list(run.project.events.order_by("id"))
    for event, at in zip(events, run.event_times, strict=True):
        event.at = at
    ProjectEvent.objects.bulk_update(events, ["at"])
    for pk, at in run.document_times:
        ProjectDocument.objects.filter(pk=pk).update(uploaded_at=at)
    submitted = next((e.at for e in events if e.action == "submit"), None)
    SupportProject.objects.filter(pk=run.project.pk).update(
        created_at=run.moment(run.spec["created"]),
        submitted_at=submitted,
        updated_at=events[-1].at if events else run.moment(run.spec["created"]),
    )


@transaction.atomic
def _build(spec: dict[str, Any], number: int, groups: dict[str, Any], cast: Cast) -> bool:
    enterprise = cast.enterprises.get(spec["enterprise"])
    if enterprise is None:
        logger.warning("projects demo: demo enterprise %s is missing; %r skipped", spec["enterprise"], spec["title"])
        return False
    group = groups[SupportType.objects.get(code=spec["types"][0]).group]
    rep = _representative(enterprise, spec["enterprise"], cast.officer)
    project = _create(spec, group, cast, rep, enterprise)
    run = Run(spec=spec, group=group, number=number, project=project, rep=rep, cast=cast,
              today=timezone.localdate())  # fmt: skip
    _proposal(run)
    _walk(run)
    _backdate(run)
    return True


def load(*, path: Path = DEMO_FILE) -> int:
    """Load the rules and every demo project that is missing; return how many projects were created."""
    support_rules_load()
    cast = _cast()
    if cast is None or not cast.enterprises:
        logger.info("projects demo: no demo projects (the demo users or demo enterprises are missing)")
        return 0
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    existing = set(SupportProject.objects.values_list("title", flat=True))
    created = 0
    # Notices are created as usual; their e-mails would go to invented people, so none leaves.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
        for number, spec in enumerate(data["projects"], start=1):
            if spec["title"] not in existing:
                created += _build(spec, number, data["groups"], cast)
    logger.info("projects demo: %s demo projects created", created)
    return created
