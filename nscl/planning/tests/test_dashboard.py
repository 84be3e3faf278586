"""The steering dashboard's blocks against figures computed by hand from factory data."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from nscl.core.roles import Role
from nscl.enterprises.tests.factories import (
    CommuneFactory,
    EnterpriseFactory,
    ModelEnterpriseFactory,
    ProvinceFactory,
    ReplicationFactory,
)
from nscl.planning import dashboard, tilemap
from nscl.planning.choices import FundingSource, PlanStatus
from nscl.planning.indicators import REGISTRY
from nscl.planning.models import BudgetLine, Commitment, Disbursement, Indicator, IndicatorTarget
from nscl.planning.selectors import plan_execution_by_area, plan_execution_by_source
from nscl.planning.tests.factories import (
    AnnualPlanFactory,
    BudgetLineFactory,
    PlanTaskFactory,
    ProgramAreaFactory,
    force_status,
)
from nscl.projects.choices import ProjectStatus
from nscl.projects.models import SupportProject
from nscl.projects.tests.factories import SupportProjectFactory
from nscl.projects.tests.factories import force_status as force_project_status

M = 1_000_000


def on(year: int) -> datetime.datetime:
    return datetime.datetime(year, 6, 1, 9, 0, tzinfo=timezone.get_current_timezone())


def line(plan, area, source, amount):
    return BudgetLineFactory(task=PlanTaskFactory(plan=plan, area=area), funding_source=source, amount=amount)


def record(budget_line, by, *, committed=0, disbursed=0):
    year = budget_line.task.plan.year
    if committed:
        Commitment.objects.create(
            budget_line=budget_line, amount=committed, date=datetime.date(year, 3, 1), reference="HĐ 1", by=by
        )
    if disbursed:
        Disbursement.objects.create(
            budget_line=budget_line, amount=disbursed, date=datetime.date(year, 4, 1), voucher="C1", by=by
        )


def project(enterprise, status, year, requested, approved=None):
    p = SupportProjectFactory(enterprise=enterprise, requested_amount=requested, approved_amount=approved)
    SupportProject.objects.filter(pk=p.pk).update(created_at=on(year))
    return force_project_status(p, status)


@pytest.fixture
def world(db, make_user):
    """Plans of 2023 (approved), 2024 (revision 1 superseded, revision 2 approved) and 2025 (draft); projects,
    a model enterprise and a replication in two communes of the province and one commune elsewhere."""
    officer = make_user(Role.OFFICER)
    standards = ProgramAreaFactory(code="standards", name_vi="Tiêu chuẩn", sort_order=10)
    training = ProgramAreaFactory(code="training", name_vi="Đào tạo", sort_order=80)

    old = force_status(AnnualPlanFactory(year=2024, revision=1), PlanStatus.SUPERSEDED)
    line(old, standards, FundingSource.PROVINCIAL, 500 * M)
    plan = AnnualPlanFactory(year=2024, revision=2, previous=old, decision_number="12/QĐ-UBND")
    l1 = line(plan, standards, FundingSource.PROVINCIAL, 100 * M)
    line(plan, standards, FundingSource.CENTRAL, 40 * M)
    l3 = line(plan, training, FundingSource.PROVINCIAL, 60 * M)
    plan = force_status(plan, PlanStatus.APPROVED)
    record(l1, officer, committed=50 * M, disbursed=30 * M)
    record(l3, officer, disbursed=10 * M)

    p2023 = AnnualPlanFactory(year=2023)
    record(line(p2023, training, FundingSource.CENTRAL, 80 * M), officer, committed=80 * M, disbursed=80 * M)
    p2023 = force_status(p2023, PlanStatus.APPROVED)
    line(AnnualPlanFactory(year=2025), training, FundingSource.PROVINCIAL, 999 * M)  # a draft: never counted

    a, b = CommuneFactory(name="An", full_name="Xã An"), CommuneFactory(name="Bình", full_name="Phường Bình")
    elsewhere = CommuneFactory(province=ProvinceFactory(code="01", name="Hà Nội", full_name="Thành phố Hà Nội"))
    e1, e5 = EnterpriseFactory(commune=a), EnterpriseFactory(commune=a)
    e2, e3, e4 = EnterpriseFactory(commune=b), EnterpriseFactory(commune=b), EnterpriseFactory(commune=b)
    far = EnterpriseFactory(commune=elsewhere)
    project(e1, ProjectStatus.APPROVED, 2024, 100 * M, 90 * M)
    project(e1, ProjectStatus.IN_PROGRESS, 2024, 50 * M, 50 * M)
    project(e2, ProjectStatus.SUBMITTED, 2024, 70 * M)
    project(e3, ProjectStatus.ACCEPTED, 2023, 40 * M, 40 * M)
    project(e4, ProjectStatus.ACCEPTED, 2024, 20 * M, 20 * M)
    project(far, ProjectStatus.APPROVED, 2024, 10 * M, 10 * M)
    model = ModelEnterpriseFactory(enterprise=e2, recognition_year=2024)
    ReplicationFactory(model=model, enterprise=e5, year=2024)
    ReplicationFactory(model=model, enterprise=e3, year=2022)  # another year: not reached in 2024
    return {"plan": plan, "old": old, "p2023": p2023, "a": a, "b": b, "officer": officer}


def test_the_default_year_is_the_latest_with_an_approved_plan(world):
    board = dashboard.dashboard_get()
    assert board.years == [2024, 2023]
    assert board.year == 2024
    assert board.plan == world["plan"]  # the approved revision, not the superseded one


def test_budget_execution_by_area_and_source_of_the_plan_in_force(world):
    board = dashboard.dashboard_get(year=2024)
    areas = [(r.code, r.planned, r.committed, r.disbursed, r.rate) for r in board.by_area]
    assert areas == [
        ("standards", 140 * M, 50 * M, 30 * M, Decimal("21.4")),  # 30 / 140 = 21.43
        ("training", 60 * M, 0, 10 * M, Decimal("16.7")),  # 10 / 60 = 16.67
    ]
    sources = {r.key: (r.planned, r.committed, r.disbursed, r.rate) for r in board.by_source}
    assert sources == {
        FundingSource.CENTRAL: (40 * M, 0, 0, Decimal("0.0")),
        FundingSource.PROVINCIAL: (160 * M, 50 * M, 40 * M, Decimal("25.0")),
        FundingSource.ENTERPRISE: (0, 0, 0, None),
        FundingSource.OTHER: (0, 0, 0, None),
    }
    totals = board.totals
    assert (totals.planned, totals.committed, totals.disbursed, totals.rate) == (
        200 * M,
        50 * M,
        40 * M,
        Decimal("20.0"),
    )


def test_a_year_without_an_approved_plan_has_no_budget_but_still_its_projects(world):
    board = dashboard.dashboard_get(year=2025)
    assert board.plan is None and board.by_area == [] and board.totals is None
    assert sum(r.count for r in board.pipeline) == 0


def test_project_pipeline_counts_and_amounts_per_status_for_the_year(world):
    rows = {r.status: (r.count, r.requested, r.approved) for r in dashboard.project_pipeline(year=2024)}
    assert list(rows) == list(ProjectStatus.values)  # every status, in order, zeros included
    assert rows[ProjectStatus.APPROVED] == (2, 110 * M, 100 * M)  # e1's and the one elsewhere
    assert rows[ProjectStatus.IN_PROGRESS] == (1, 50 * M, 50 * M)
    assert rows[ProjectStatus.SUBMITTED] == (1, 70 * M, 0)
    assert rows[ProjectStatus.ACCEPTED] == (1, 20 * M, 20 * M)
    assert rows[ProjectStatus.DRAFT] == (0, 0, 0)
    assert [r.count for r in dashboard.project_pipeline(year=2023) if r.count] == [1]


def test_enterprises_reached_per_commune_of_the_province(world):
    rows = {c.code: (c.name, c.reached, c.by_project) for c in dashboard.enterprises_reached_by_commune(year=2024)}
    # a: e1 (two projects, counted once) and e5 (replication); b: e4 (accepted) and e2 (model; its project is
    # only submitted); e3's project and replication are of other years; the commune elsewhere is not listed.
    assert rows == {world["a"].code: ("Xã An", 2, 1), world["b"].code: ("Phường Bình", 2, 1)}


def test_trends_over_the_years(world):
    rows = [(t.year, t.plan_id, t.planned, t.disbursed, t.accepted, t.rate) for t in dashboard.trends()]
    assert rows == [
        (2023, world["p2023"].pk, 80 * M, 80 * M, 1, Decimal("100.0")),
        (2024, world["plan"].pk, 200 * M, 40 * M, 1, Decimal("20.0")),
    ]


def test_a_year_with_accepted_projects_but_no_plan_is_in_the_trends(world):
    e = EnterpriseFactory(commune=world["a"])
    project(e, ProjectStatus.ACCEPTED, 2021, 5 * M, 5 * M)
    first = dashboard.trends()[0]
    assert (first.year, first.plan_id, first.planned, first.accepted, first.rate) == (2021, None, 0, 1, None)


def test_tiles_place_every_commune_and_colour_by_class():
    communes = [("05977", "Phường Đông Kinh", 0), ("99999", "Xã Ngoài Danh Sách", 12), ("06001", "Xã Đoàn Kết", 4)]
    tiles = {t.code: t for t in tilemap.build(communes).tiles}
    assert (tiles["05977"].x, tiles["05977"].y) == (0, 0)  # col 0, row 0 in the file
    assert tiles["99999"].y > max(t.y for code, t in tiles.items() if code != "99999")  # after the last row
    assert tiles["99999"].fill == tilemap.CLASSES[-1][1] and tiles["06001"].fill == tilemap.CLASSES[2][1]
    assert tiles["05977"].label == "Đông Kinh"


def test_the_tiles_file_lists_the_65_communes_of_the_province_once():
    columns, placed = tilemap.positions()
    assert len(placed) == 65 and len(set(placed.values())) == 65


@pytest.mark.parametrize(("low", "fill", "text"), tilemap.CLASSES)
def test_tile_text_meets_wcag_aa_contrast(low, fill, text):
    assert tilemap.contrast(fill, text) >= 4.5


def test_the_execution_matches_the_planning_selectors(world):
    by_area, by_source = dashboard.plan_execution(plan=world["plan"])
    assert by_area == plan_execution_by_area(plan=world["plan"])
    assert by_source == plan_execution_by_source(plan=world["plan"])


def test_accepted_projects_are_counted_by_the_local_year_of_creation(world):
    e = EnterpriseFactory(commune=world["a"])
    p = project(e, ProjectStatus.ACCEPTED, 2022, M, M)
    # 31/12/2021 18:00 UTC is already 01/01/2022 in Hà Nội: counted in 2022, as the pipeline's year filter does.
    late = datetime.datetime(2021, 12, 31, 18, 0, tzinfo=datetime.UTC)
    SupportProject.objects.filter(pk=p.pk).update(created_at=late)
    assert dashboard.accepted_per_year() == {2022: 1, 2023: 1, 2024: 1}


def test_the_cached_totals_follow_a_new_disbursement_and_a_new_approved_revision(world):
    assert [t.disbursed for t in dashboard.trends()] == [80 * M, 40 * M]  # now cached
    line_2024 = BudgetLine.objects.filter(task__plan=world["plan"]).order_by("id").first()
    record(line_2024, world["officer"], disbursed=5 * M)
    assert [t.disbursed for t in dashboard.trends()] == [80 * M, 45 * M]
    adjusted = AnnualPlanFactory(year=2024, revision=3, previous=world["plan"])
    line(adjusted, ProgramAreaFactory(code="training"), FundingSource.OTHER, 7 * M)
    force_status(world["plan"], PlanStatus.SUPERSEDED)
    adjusted = force_status(adjusted, PlanStatus.APPROVED)
    last = dashboard.trends()[-1]
    assert (last.plan_id, last.planned, last.disbursed) == (adjusted.pk, 7 * M, 0)


def test_targets_against_actuals_come_from_the_indicators_module(world):
    models = Indicator.objects.create(
        code="dn-dien-hinh", name_vi="Doanh nghiệp điển hình", unit="doanh nghiệp", scope="provincial",
        method="computed", computation="model_enterprises_recognised",
        aggregation=REGISTRY["model_enterprises_recognised"].aggregation,
    )  # fmt: skip
    IndicatorTarget.objects.create(indicator=models, year=2024, value=Decimal(2), source="Thử")
    Indicator.objects.create(
        code="nhap-tay", name_vi="Nhập tay", unit="%", scope="provincial", method="entered", aggregation="sum"
    )
    board = dashboard.dashboard_get(year=2024)
    rows = {r.indicator.code: (r.target, r.actual, r.status) for r in board.targets}
    # one model enterprise recognised in 2024 (e2) against a target of 2, the year over: behind
    assert rows == {"dn-dien-hinh": (Decimal(2), Decimal(1), "behind"), "nhap-tay": (None, None, "no_target")}
    summary = {code: count for code, _, _, count in board.target_summary}
    assert summary == {"met": 0, "on_track": 0, "behind": 1, "no_target": 1, "no_data": 0}
