"""The GENERATED registries of bench/registries.py: enterprises, certifications, experts, bodies,
support projects and inspections, bulk-created with a seeded random generator. Names are real
Vietnamese words in invented combinations; no record is a real firm or person."""

import random

LABEL = "GENERATED"
SEED = 20261124
CHUNK = 2000

# Words of generated names: real Vietnamese words, invented combinations.
FORMS = ["Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã", "Doanh nghiệp tư nhân", "Công ty TNHH MTV"]
TRADES = [
    "Chế biến nông sản", "Xây dựng", "Thương mại", "Dịch vụ", "Cơ khí", "May mặc", "Vật liệu xây dựng",
    "Thực phẩm", "Gỗ", "Chè", "Hồi", "Thủy sản", "Vận tải", "Điện tử", "Dược liệu", "Đồ uống", "In ấn",
]  # fmt: skip
NAMES = [
    "Hoàng Long", "Đồng Đăng", "Mẫu Sơn", "Kỳ Lừa", "Tân Thanh", "Chi Lăng", "Hữu Nghị", "Bắc Sơn", "Phú Cường",
    "Việt Hưng", "Minh Phát", "Thành Đạt", "An Khang", "Hưng Thịnh", "Lộc Bình", "Tràng Định", "Văn Lãng",
    "Đình Lập", "Cao Lộc", "Hữu Lũng", "Bình Gia", "Na Dương", "Xứ Lạng", "Phương Đông", "Trường Sơn",
]  # fmt: skip
PROJECT_TOPICS = [
    "Áp dụng hệ thống quản lý chất lượng ISO 9001:2015", "Áp dụng ISO 22000:2018 cho dây chuyền chế biến",
    "Áp dụng công cụ 5S và Kaizen", "Xây dựng và áp dụng HACCP", "Áp dụng ISO 14001:2015",
    "Đo lường năng suất và cải tiến Lean", "Chứng nhận sản phẩm hợp quy", "Áp dụng ISO 50001 về năng lượng",
    "Đào tạo chuyên gia năng suất nội bộ", "Xây dựng tiêu chuẩn cơ sở cho sản phẩm chủ lực",
]  # fmt: skip
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hà", "Lương", "Nông"]
GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Đức Dũng", "Thu Hà", "Quang Huy", "Thị Lan", "Văn Nam", "Thanh Tâm"]
# Share of projects in each state (every ProjectStatus is present at both sizes).
STATUS_WEIGHTS = {
    "draft": 14, "submitted": 10, "under_appraisal": 8, "returned": 5, "rejected": 5, "approved": 8,
    "in_progress": 18, "acceptance_review": 6, "accepted": 18, "not_accepted": 3, "cancelled": 5,
}  # fmt: skip
APPROVED_ON = {"approved", "in_progress", "acceptance_review", "accepted", "not_accepted"}
INSPECTED_ON = {"in_progress", "acceptance_review", "accepted", "not_accepted"}


class Generator:
    """Appends GENERATED rows with bulk_create, continuing from what it loaded before (seeded, repeatable)."""

    def __init__(self, seed: int) -> None:
        from django.conf import settings

        from nscl.core.models import Commune, VsicCode
        from nscl.network.models import ExpertiseField
        from nscl.projects.models import SupportType

        self.rng = random.Random(seed)
        self.communes = list(
            Commune.objects.filter(province_id=settings.NSCL_PROVINCE_CODE).values_list("pk", flat=True)
        )
        self.vsic = list(VsicCode.objects.filter(level=5).values_list("pk", flat=True)) or [None]
        self.support_types = list(SupportType.objects.values_list("pk", flat=True))
        self.fields = list(ExpertiseField.objects.values_list("pk", flat=True))
        self.commune_names = dict(Commune.objects.filter(pk__in=self.communes).values_list("pk", "name"))
        self.enterprises: list[tuple[int, str, str]] = []  # (id, name_vi, short_name)
        self.experts: list[int] = []
        self.organisations: list[int] = []
        self.n_enterprises = self.n_projects = 0

    # -- helpers ------------------------------------------------------------------------------------

    def _when(self, years: int = 5):
        import datetime

        from django.utils import timezone

        return timezone.now() - datetime.timedelta(seconds=self.rng.randrange(years * 365 * 86400))

    def _person(self) -> str:
        return f"{self.rng.choice(SURNAMES)} {self.rng.choice(GIVEN)}"

    # -- rows ---------------------------------------------------------------------------------------

    def enterprises_add(self, count: int, officer) -> None:
        import datetime

        from nscl.core.text import search_tokens
        from nscl.enterprises.choices import EnterpriseStatus, Ownership, SizeClass
        from nscl.enterprises.models import Certification, Enterprise

        rng, rows = self.rng, []
        for i in range(self.n_enterprises, self.n_enterprises + count):
            trade, name = rng.choice(TRADES), rng.choice(NAMES)
            tax_code = f"49{i:08d}"
            commune = rng.choice(self.communes)
            name_vi = f"{rng.choice(FORMS)} {trade} {name} {i + 1}"
            short = f"{name} {i + 1}"
            address = f"Số {rng.randint(1, 300)} đường {rng.choice(NAMES)}"
            representative = self._person()
            parts = [tax_code, name_vi, short, representative, address, self.commune_names[commune]]
            status = EnterpriseStatus.PENDING if rng.random() < 0.04 else EnterpriseStatus.ACTIVE
            rows.append(
                Enterprise(
                    tax_code=tax_code, name_vi=name_vi, short_name=short, vsic_code_id=rng.choice(self.vsic),
                    ownership=rng.choice(Ownership.values), commune_id=commune, address=address,
                    representative_name=representative, founded_year=rng.randint(1990, 2025),
                    size=rng.choice(SizeClass.values), size_year=2025, status=status, created_by=officer,
                    search_text=" ".join(search_tokens(" ".join(parts))),
                    created_at=self._when(), updated_at=self._when(1),
                )
            )  # fmt: skip
        created = Enterprise.objects.bulk_create(rows, batch_size=CHUNK)
        self.enterprises += [(e.pk, e.name_vi, e.short_name) for e in created]
        self.n_enterprises += count
        certs = []
        for e in created:
            for _ in range(rng.choice([0, 0, 0, 0, 1, 1, 2])):
                issued = self._when(6).date()
                kind = rng.choice(["iso9001", "iso14001", "iso22000", "haccp"])
                certs.append(
                    Certification(
                        enterprise_id=e.pk, kind=kind, standard_text=kind.upper(), body_name="Tổ chức chứng nhận X",
                        certificate_number=f"GEN-{e.pk}-{len(certs)}", issued_on=issued,
                        expires_on=issued + datetime.timedelta(days=3 * 365),
                    )
                )  # fmt: skip
        Certification.objects.bulk_create(certs, batch_size=CHUNK)

    def network_add(self, organisations: int, experts: int, bodies: int) -> None:
        import datetime

        from nscl.network.choices import Availability, BodyKind, QualificationKind
        from nscl.network.models import ConformityBody, ConsultingOrganisation, Expert, Qualification
        from nscl.network.search import search_text_of

        rng = self.rng
        orgs = []
        for _ in range(organisations):
            name = f"Trung tâm Tư vấn Năng suất {rng.choice(NAMES)} {len(self.organisations) + len(orgs) + 1}"
            orgs.append(ConsultingOrganisation(name=name, search_text=search_text_of(name)))
        self.organisations += [o.pk for o in ConsultingOrganisation.objects.bulk_create(orgs)]
        org_names = dict(ConsultingOrganisation.objects.values_list("pk", "name"))
        rows, quals, links = [], [], []
        for _ in range(experts):
            full_name, title, org = self._person(), rng.choice(["ThS.", "TS.", "Kỹ sư", ""]), None
            if rng.random() < 0.6:
                org = rng.choice(self.organisations)
            rows.append(
                Expert(
                    full_name=full_name, title=title, organisation_id=org, availability=rng.choice(Availability.values),
                    search_text=search_text_of(full_name, title, org_names.get(org, "")),
                )
            )  # fmt: skip
        created = Expert.objects.bulk_create(rows, batch_size=CHUNK)
        self.experts += [e.pk for e in created]
        for e in created:
            quals += [Qualification(expert_id=e.pk, kind=rng.choice(QualificationKind.values)) for _ in range(2)]
            links += [Expert.fields.through(expert_id=e.pk, expertisefield_id=f) for f in rng.sample(self.fields, 2)]
        Qualification.objects.bulk_create(quals, batch_size=CHUNK)
        Expert.fields.through.objects.bulk_create(links, batch_size=CHUNK)
        bodies_rows = []
        for i in range(bodies):
            name = f"Tổ chức đánh giá sự phù hợp {rng.choice(NAMES)} {i + 1}"
            until = (
                (self._when(2) + datetime.timedelta(days=rng.randrange(3 * 365))).date() if rng.random() < 0.7 else None
            )
            bodies_rows.append(
                ConformityBody(
                    kind=rng.choice(BodyKind.values), name=name, registration_number=f"GEN-{i}",
                    valid_until=until, in_province=rng.random() < 0.2, search_text=search_text_of(name, f"GEN-{i}"),
                )
            )  # fmt: skip
        ConformityBody.objects.bulk_create(bodies_rows, batch_size=CHUNK)

    def projects_add(self, count: int, officer) -> list:
        """Projects in every state, with support types, budget totals, approvals and consultants."""
        from nscl.core.text import fold
        from nscl.projects.models import SupportProject

        rng, rows = self.rng, []
        statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
        for _ in range(count):
            ent_id, ent_name, ent_short = rng.choice(self.enterprises)
            status = rng.choices(statuses, weights)[0]
            title = f"{rng.choice(PROJECT_TOPICS)} tại {ent_short}"
            cost = rng.randrange(100, 3000) * 1_000_000
            requested = cost * rng.choice([30, 40, 50]) // 100
            created = self._when()
            approved = status in APPROVED_ON
            rows.append(
                SupportProject(
                    enterprise_id=ent_id, title=title, goals="Nâng cao năng suất và chất lượng (dữ liệu sinh tự động).",
                    consultant_expert_id=rng.choice(self.experts) if rng.random() < 0.7 else None,
                    consultant_organisation_id=rng.choice(self.organisations) if rng.random() < 0.3 else None,
                    status=status, total_cost=cost, requested_amount=requested,
                    approved_amount=requested * rng.choice([80, 90, 100]) // 100 if approved else None,
                    decision_number=f"{rng.randint(1, 999)}/QĐ-SKHCN" if approved else "",
                    decision_date=created.date() if approved else None,
                    submitted_at=created if status != "draft" else None,
                    search_text=fold(f"{title} {ent_name} {ent_short}"), created_by=officer,
                    created_at=created, updated_at=created,
                )
            )  # fmt: skip
        created = SupportProject.objects.bulk_create(rows, batch_size=CHUNK)
        through = SupportProject.support_types.through
        links = [
            through(supportproject_id=p.pk, supporttype_id=t)
            for p in created
            for t in rng.sample(self.support_types, rng.randint(1, 3))
        ]
        through.objects.bulk_create(links, batch_size=CHUNK)
        self.n_projects += count
        return created

    def inspections_add(self, projects: list, inspectors: list) -> None:
        """An inspection for a third of the projects under way or done; findings and actions for some."""
        import datetime

        from nscl.projects.choices import FindingSeverity, InspectionStatus
        from nscl.projects.models import CorrectiveAction, Finding, Inspection

        rng = self.rng
        chosen = [p for p in projects if p.status in INSPECTED_ON and rng.random() < 0.33]
        rows = [
            Inspection(
                project_id=p.pk, planned_on=self._when(2).date(), summary="Kiểm tra định kỳ (dữ liệu sinh tự động).",
                status=rng.choice(InspectionStatus.values), created_by=inspectors[0], created_at=self._when(2),
            )
            for p in chosen
        ]  # fmt: skip
        inspections = Inspection.objects.bulk_create(rows, batch_size=CHUNK)
        through = Inspection.inspectors.through
        through.objects.bulk_create(
            [through(inspection_id=i.pk, user_id=rng.choice(inspectors).pk) for i in inspections], batch_size=CHUNK
        )
        findings = [
            Finding(inspection_id=i.pk, severity=rng.choice(FindingSeverity.values), description="Phát hiện (sinh).")
            for i in inspections
            for _ in range(rng.choice([0, 1, 2, 3]))
        ]
        findings = Finding.objects.bulk_create(findings, batch_size=CHUNK)
        actions = []
        for f in findings:
            if rng.random() < 0.5:
                deadline = self._when(2).date() + datetime.timedelta(days=180)
                closed = rng.random() < 0.5
                actions.append(
                    CorrectiveAction(
                        finding_id=f.pk, description="Hành động khắc phục (sinh).", deadline=deadline,
                        closed_on=deadline if closed else None, evidence="Biên bản (sinh)" if closed else "",
                    )
                )  # fmt: skip
        CorrectiveAction.objects.bulk_create(actions, batch_size=CHUNK)


class keep_dates:  # noqa: N801 - used as a context manager
    """Let bulk_create keep the generated created_at/updated_at (auto_now fields would overwrite them)."""

    def __enter__(self):
        from nscl.enterprises.models import Enterprise
        from nscl.projects.models import Inspection, SupportProject

        self.saved = []
        for model in (Enterprise, SupportProject, Inspection):
            for name in ("created_at", "updated_at"):
                if any(f.name == name for f in model._meta.fields):
                    field = model._meta.get_field(name)
                    self.saved.append((field, field.auto_now, field.auto_now_add))
                    field.auto_now = field.auto_now_add = False
        return self

    def __exit__(self, *exc):
        for field, auto_now, auto_now_add in self.saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add
