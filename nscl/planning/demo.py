"""Demo annual plans (`manage.py load_demo`; safe to repeat). Every figure and number here is invented.

The 2025 plan of the 2021-2025 period goes through the real services from draft to approved, acting
as the demo officer ``canbo`` and the board member ``bandieuhanh``, with a visibly invented decision
number; then commitments and disbursements are recorded against its lines. The 2026 plan of the
2026-2030 period stays a draft. A year that already has a plan is left alone. Titles say "minh họa".
"""

import datetime
import logging
from typing import Any

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from nscl.accounts.models import User
from nscl.planning import demo_indicators, services
from nscl.planning.choices import FundingSource
from nscl.planning.models import (
    AnnualPlan,
    Commitment,
    Disbursement,
    ExpenseItem,
    PlanEvent,
    ProgramArea,
    ProgramPeriod,
)
from nscl.planning.reference import load as reference_load

logger = logging.getLogger(__name__)

DEMO_OFFICER = "canbo"
DEMO_BOARD = "bandieuhanh"
DEMO_DECISION = "999/QĐ-UBND (minh họa)"
DEMO_NOTE = "Số liệu minh họa, không phải số liệu thật."
SDOST = "Sở Khoa học và Công nghệ"
C, P, E = FundingSource.CENTRAL, FundingSource.PROVINCIAL, FundingSource.ENTERPRISE
M = 1_000_000
D = datetime.date

# (area, title, partners, output, [(source, expense item, amount in đồng)])
TASKS_2025: list[tuple[str, str, str, str, list[tuple[str, str, int]]]] = [
    ("standards-conformity", "Hỗ trợ doanh nghiệp công bố hợp chuẩn sản phẩm chủ lực", "Hiệp hội doanh nghiệp tỉnh",
     "10 sản phẩm công bố hợp chuẩn", [(P, "enterprise-support", 240 * M), (E, "enterprise-support", 160 * M)]),
    ("management-systems", "Hỗ trợ 8 doanh nghiệp xây dựng, áp dụng ISO 9001:2015", "Tổ chức tư vấn được chọn",
     "8 doanh nghiệp được chứng nhận", [(P, "enterprise-support", 480 * M), (E, "enterprise-support", 320 * M),
                                        (P, "experts", 60 * M)]),
    ("management-systems", "Áp dụng 5S, Kaizen tại 5 doanh nghiệp", "Viện Năng suất Việt Nam",
     "5 doanh nghiệp áp dụng", [(C, "enterprise-support", 300 * M), (P, "experts", 75 * M)]),
    ("model-enterprises", "Xây dựng 2 mô hình điểm áp dụng Lean trong chế biến nông sản", "Sở Công Thương",
     "2 mô hình điểm, tài liệu nhân rộng", [(C, "enterprise-support", 400 * M), (E, "enterprise-support", 200 * M)]),
    ("service-quality", "Đánh giá chất lượng dịch vụ hành chính công cấp xã", "Sở Nội vụ",
     "Báo cáo đánh giá 20 xã", [(P, "experts", 90 * M), (P, "conferences", 30 * M)]),
    ("local-movement", "Tháng năng suất chất lượng và hội nghị phát động phong trào", "UBND các xã, phường",
     "Hội nghị, 4 phóng sự", [(P, "conferences", 120 * M), (P, "communication", 80 * M)]),
    ("measurement-testing", "Bổ sung chuẩn đo lường khối lượng cho trung tâm kỹ thuật", "",
     "Bộ quả cân chuẩn F1 được hiệu chuẩn", [(P, "equipment", 650 * M)]),
    ("training", "Đào tạo 100 chuyên gia năng suất nội bộ doanh nghiệp", "Trường Cao đẳng nghề tỉnh",
     "100 học viên được cấp chứng chỉ", [(C, "training", 250 * M), (P, "travel", 40 * M)]),
    ("quality-award", "Hướng dẫn doanh nghiệp tham dự Giải thưởng Chất lượng Quốc gia", "",
     "3 hồ sơ tham dự", [(P, "experts", 45 * M), (P, "other", 15 * M)]),
    ("portal-repository", "Duy trì cổng thông tin NSCL và cập nhật kho tiêu chuẩn", "",
     "Cổng thông tin hoạt động cả năm", [(P, "communication", 110 * M)]),
    ("program-management", "Quản lý, kiểm tra, tổng kết chương trình năm 2025", "",
     "Báo cáo tổng kết", [(P, "other", 95 * M), (P, "travel", 35 * M)]),
]  # fmt: skip

# (task index from 0, line index from 0, amount, date, contract or decision)
COMMITMENTS_2025 = [
    (1, 0, 480 * M, D(2025, 4, 10), "HĐ 12/2025/HĐ-SKHCN (minh họa)"),
    (2, 0, 300 * M, D(2025, 4, 22), "HĐ 15/2025/HĐ-SKHCN (minh họa)"),
    (6, 0, 648 * M, D(2025, 5, 5), "HĐ 21/2025/HĐMB (minh họa)"),
]
# (task index, line index, amount, date, voucher, the commitment's index in COMMITMENTS_2025 or None)
DISBURSEMENTS_2025 = [
    (1, 0, 240 * M, D(2025, 5, 15), "UNC 101 (minh họa)", 0),
    (1, 0, 192 * M, D(2025, 10, 20), "UNC 245 (minh họa)", 0),
    (2, 0, 150 * M, D(2025, 6, 12), "UNC 132 (minh họa)", 1),
    (5, 0, 118_500_000, D(2025, 10, 5), "UNC 231 (minh họa)", None),
    (5, 1, 62 * M, D(2025, 10, 10), "UNC 236 (minh họa)", None),
    (6, 0, 648 * M, D(2025, 8, 28), "UNC 198 (minh họa)", 2),
    (7, 0, 125 * M, D(2025, 7, 1), "UNC 150 (minh họa)", None),
    (9, 0, 55 * M, D(2025, 6, 30), "UNC 140 (minh họa)", None),
    (10, 0, 47_500_000, D(2025, 12, 15), "UNC 290 (minh họa)", None),
]
# (verb, day, reason): the approval of 2025, with the days put back afterwards
STEPS_2025 = [
    ("submit", D(2025, 1, 8), ""),
    ("endorse", D(2025, 1, 17), "Thống nhất nội dung (minh họa)."),
    ("submit_to_committee", D(2025, 1, 24), ""),
    ("approve", D(2025, 2, 20), ""),
]
TASKS_2026 = [
    ("management-systems", "Hỗ trợ 10 doanh nghiệp chuyển đổi sang ISO 9001:2015 và ISO 14001", "",
     "10 doanh nghiệp được chứng nhận", [(P, "enterprise-support", 600 * M), (E, "enterprise-support", 400 * M)]),
    ("technology-key-products", "Đổi mới công nghệ cho sản phẩm hồi, quế chủ lực", "Sở Nông nghiệp và Môi trường",
     "2 dây chuyền được cải tiến", [(C, "enterprise-support", 500 * M), (E, "enterprise-support", 500 * M)]),
    ("training", "Tập huấn chuyển đổi số và năng suất xanh", "", "150 học viên", [(P, "training", 180 * M)]),
    ("program-management", "Quản lý chương trình năm 2026", "", "Báo cáo tổng kết", [(P, "other", 100 * M)]),
]  # fmt: skip


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _fill(plan: AnnualPlan, tasks: list, officer: User) -> list[list[Any]]:
    """Add the tasks and their lines through the services; return the lines, task by task."""
    areas = {a.code: a for a in ProgramArea.objects.all()}
    items = {i.code: i for i in ExpenseItem.objects.all()}
    lines = []
    for number, (area, title, partners, output, budget) in enumerate(tasks, start=1):
        data = {"area": areas[area], "title": f"{title} (minh họa)", "lead_unit": SDOST, "partners": partners,
                "output": output, "start_date": D(plan.year, 1, 1), "end_date": D(plan.year, 12, 31),
                "sort_order": number * 10}  # fmt: skip
        task = services.task_add(plan=plan, by=officer, data=data)
        add = services.budget_line_add
        lines.append(
            [add(task=task, by=officer, funding_source=s, expense_item=items[i], amount=a) for s, i, a in budget]
        )
    return lines


def _approve(plan: AnnualPlan, officer: User, board: User) -> AnnualPlan:
    for verb, day, reason in STEPS_2025:
        by = board if verb == "endorse" else officer
        extra = {"decision_number": DEMO_DECISION, "decision_date": day} if verb == "approve" else {}
        plan = services.SERVICES[verb](obj=plan, by=by, reason=reason, **extra)
        PlanEvent.objects.filter(plan=plan, action=verb).update(at=_at(day))
    return plan


def _execute(lines: list[list[Any]], officer: User) -> None:
    commitments = []
    for task, line, amount, day, reference in COMMITMENTS_2025:
        commitment = services.commitment_add(
            line=lines[task][line], by=officer, amount=amount, date=day, reference=reference, note=DEMO_NOTE
        )
        commitments.append(commitment)
        Commitment.objects.filter(pk=commitment.pk).update(at=_at(day, 15))
    for task, line, amount, day, voucher, under in DISBURSEMENTS_2025:
        disbursement = services.disbursement_add(
            line=lines[task][line], by=officer, amount=amount, date=day, voucher=voucher, note=DEMO_NOTE,
            commitment=None if under is None else commitments[under],
        )  # fmt: skip
        Disbursement.objects.filter(pk=disbursement.pk).update(at=_at(day, 15))


@transaction.atomic
def _plan_2025(officer: User, board: User) -> None:
    period = ProgramPeriod.objects.get(code="2021-2025")
    title = "Kế hoạch thực hiện Chương trình năng suất chất lượng năm 2025 (minh họa)"
    plan = services.plan_create(period=period, year=2025, title=title, by=officer)
    lines = _fill(plan, TASKS_2025, officer)
    _approve(plan, officer, board)
    _execute(lines, officer)


@transaction.atomic
def _plan_2026(officer: User) -> None:
    period = ProgramPeriod.objects.get(code="2026-2030")
    title = "Kế hoạch thực hiện Chương trình năng suất chất lượng năm 2026 (minh họa, đang soạn)"
    plan = services.plan_create(period=period, year=2026, title=title, by=officer)
    _fill(plan, TASKS_2026, officer)


def load() -> int:
    """Create the demo plans of the years that have none; return how many plans were created."""
    reference_load()
    users = {u.username: u for u in User.objects.filter(username__in=[DEMO_OFFICER, DEMO_BOARD])}
    if len(users) < 2:
        logger.info("planning demo: no demo plans (the demo users are missing)")
        return 0
    existing = set(AnnualPlan.objects.values_list("year", flat=True))
    created = 0
    # Notices are created as usual; their e-mails would go to invented people, so none leaves.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        if 2025 not in existing:
            _plan_2025(users[DEMO_OFFICER], users[DEMO_BOARD])
            created += 1
        if 2026 not in existing:
            _plan_2026(users[DEMO_OFFICER])
            created += 1
    demo_indicators.load()
    logger.info("planning demo: %s demo plans created", created)
    return created
