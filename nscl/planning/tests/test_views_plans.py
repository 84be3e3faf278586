"""The plan pages: who sees what, the actions offered by role, refusals next to the fields, query bounds."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nscl.planning import constants
from nscl.planning.choices import FundingSource, PlanStatus
from nscl.planning.models import AnnualPlan, BudgetLine, PlanEvent, PlanTask
from nscl.planning.services import commitment_add, disbursement_add
from nscl.planning.tests.factories import (
    AnnualPlanFactory,
    BudgetLineFactory,
    PlanTaskFactory,
    ProgramAreaFactory,
    ProgramPeriodFactory,
    force_status,
)

pytestmark = pytest.mark.django_db
S = PlanStatus


def detail(plan):
    return reverse("planning:plan_detail", args=[plan.pk])


def transition(plan, verb):
    return reverse("planning:plan_transition", args=[plan.pk, verb])


@pytest.mark.parametrize("who, status", [("officer", 200), ("board", 200), ("admin", 200), ("enterprise", 403),
                                         ("expert", 403), ("no_role", 403)])  # fmt: skip
def test_who_reads_the_plans(client, actors, plan, who, status):
    client.force_login(actors[who])
    assert client.get(reverse("planning:plan_list")).status_code == status
    assert client.get(detail(plan)).status_code == status


def test_anonymous_users_go_to_the_login_page(client, plan):
    response = client.get(detail(plan))
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


def test_a_missing_plan_is_a_404(client, actors):
    client.force_login(actors["officer"])
    assert client.get(reverse("planning:plan_detail", args=[999_999])).status_code == 404


def test_the_list_shows_each_plan_with_its_total(client, actors):
    plan = AnnualPlanFactory(year=2024, title="Kế hoạch thử 2024")
    task = PlanTaskFactory(plan=plan)
    BudgetLineFactory(task=task, amount=1_250_000)
    BudgetLineFactory(task=task, amount=2_000_000)
    client.force_login(actors["board"])
    html = client.get(reverse("planning:plan_list")).content.decode()
    assert "Kế hoạch thử 2024" in html and "3.250.000 đồng" in html


def test_officers_create_a_plan_and_bad_input_is_shown_by_the_field(client, actors):
    period = ProgramPeriodFactory(code="2026-2030", name="Giai đoạn 2026-2030", start_year=2026, end_year=2030)
    client.force_login(actors["officer"])
    url = reverse("planning:plan_create")
    response = client.post(url, {"period": period.pk, "year": "2031", "title": "Kế hoạch 2031"})
    assert response.status_code == 200
    assert response.context["form"].errors["year"] == [
        str(constants.ERROR_YEAR_OUTSIDE_PERIOD % {"year": 2031, "period": "2026-2030"})
    ]
    response = client.post(url, {"period": period.pk, "year": "hai nghìn", "title": ""})
    assert set(response.context["form"].errors) == {"year", "title"}
    response = client.post(url, {"period": period.pk, "year": "2027", "title": "Kế hoạch 2027"})
    plan = AnnualPlan.objects.get(year=2027)
    assert response.status_code == 302 and response["Location"] == detail(plan)
    assert plan.status == S.DRAFT and plan.created_by == actors["officer"]


def test_the_board_cannot_create_plans(client, actors):
    client.force_login(actors["board"])
    assert client.get(reverse("planning:plan_create")).status_code == 403


def _verbs(response):
    return [rule.verb for rule in response.context["transitions"]]


def test_the_actions_offered_follow_role_and_state(client, actors, plan):
    client.force_login(actors["officer"])
    assert _verbs(client.get(detail(plan))) == ["submit"]
    client.force_login(actors["board"])
    assert _verbs(client.get(detail(plan))) == []
    plan = force_status(plan, S.SUBMITTED_TO_BOARD)
    assert _verbs(client.get(detail(plan))) == ["return_for_changes", "endorse"]
    client.force_login(actors["officer"])
    assert _verbs(client.get(detail(plan))) == []
    plan = force_status(plan, S.APPROVED)
    assert _verbs(client.get(detail(plan))) == ["adjust"]


def test_the_board_endorses_and_the_event_keeps_who(client, actors, plan):
    plan = force_status(plan, S.SUBMITTED_TO_BOARD)
    client.force_login(actors["board"])
    response = client.post(transition(plan, "endorse"), {"reason": "Đồng ý"})
    assert response.status_code == 302
    event = PlanEvent.objects.get(plan=plan)
    assert (event.from_status, event.to_status, event.by, event.reason) == (S.SUBMITTED_TO_BOARD, S.ENDORSED,
                                                                           actors["board"], "Đồng ý")  # fmt: skip


def test_a_return_without_comments_is_refused_by_the_field(client, actors, plan):
    plan = force_status(plan, S.SUBMITTED_TO_BOARD)
    client.force_login(actors["board"])
    response = client.post(transition(plan, "return_for_changes"), {"reason": "  "})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"] == [str(constants.ERROR_REASON_REQUIRED)]
    assert AnnualPlan.objects.get(pk=plan.pk).status == S.SUBMITTED_TO_BOARD


def test_an_officer_cannot_endorse(client, actors, plan):
    plan = force_status(plan, S.SUBMITTED_TO_BOARD)
    client.force_login(actors["officer"])
    response = client.post(transition(plan, "endorse"), {})
    assert response.status_code == 403
    assert str(constants.ERROR_NOT_ALLOWED) in response.content.decode()
    assert AnnualPlan.objects.get(pk=plan.pk).status == S.SUBMITTED_TO_BOARD


def test_the_approval_needs_the_decision(client, actors, plan):
    plan = force_status(plan, S.SUBMITTED_TO_COMMITTEE)
    client.force_login(actors["officer"])
    response = client.post(transition(plan, "approve"), {"decision_number": "", "decision_date": "31/02/2025"})
    assert response.status_code == 400 and set(response.context["form"].errors) == {"decision_number",
                                                                                    "decision_date"}  # fmt: skip
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(transition(plan, "approve"), {"decision_number": "12/QĐ-UBND", "decision_date": tomorrow})
    assert response.context["form"].errors["decision_date"] == [str(constants.ERROR_DECISION_DATE_FUTURE)]
    response = client.post(transition(plan, "approve"), {"decision_number": "12/QĐ-UBND",
                                                         "decision_date": "2025-01-15"})  # fmt: skip
    plan = AnnualPlan.objects.get(pk=plan.pk)
    assert (plan.status, plan.decision_number, plan.decision_date) == (S.APPROVED, "12/QĐ-UBND",
                                                                       datetime.date(2025, 1, 15))  # fmt: skip


def test_an_unknown_verb_is_a_404(client, actors, plan):
    client.force_login(actors["officer"])
    assert client.post(transition(plan, "delete"), {}).status_code == 404


def test_the_adjustment_goes_to_the_new_revision_and_the_diff_page_shows_the_change(client, actors, plan):
    line = BudgetLine.objects.get(task__plan=plan)
    plan = force_status(plan, S.APPROVED)
    client.force_login(actors["officer"])
    response = client.post(transition(plan, "adjust"), {"reason": "Bổ sung kinh phí"})
    new = AnnualPlan.objects.get(previous=plan)
    assert response["Location"] == detail(new)
    copy = BudgetLine.objects.get(task__plan=new)
    url = reverse("planning:line_edit", args=[new.pk, copy.task_id, copy.pk])
    client.post(url, {"funding_source": FundingSource.PROVINCIAL, "expense_item": line.expense_item_id,
                      "amount": "65.000.000"})  # fmt: skip
    assert BudgetLine.objects.get(pk=copy.pk).amount == 65_000_000
    html = client.get(reverse("planning:plan_diff", args=[new.pk])).content.decode()
    assert "50.000.000 đồng" in html and "65.000.000 đồng" in html and "+15.000.000 đồng" in html


def test_the_diff_of_a_first_revision_is_a_404(client, actors, plan):
    client.force_login(actors["officer"])
    assert client.get(reverse("planning:plan_diff", args=[plan.pk])).status_code == 404


@pytest.mark.parametrize("tasks", [2, 12])
def test_the_plan_page_has_a_bounded_number_of_queries(client, actors, django_assert_max_num_queries, tasks):
    plan = AnnualPlanFactory(year=2025)
    areas = [ProgramAreaFactory(code=f"a{n}", name_vi=f"Lĩnh vực {n}", sort_order=n) for n in range(3)]
    for n in range(tasks):
        task = PlanTaskFactory(plan=plan, area=areas[n % 3])
        BudgetLineFactory(task=task, funding_source=FundingSource.CENTRAL, amount=10_000_000)
        BudgetLineFactory(task=task, amount=5_000_000)
    plan = force_status(plan, S.APPROVED)
    line = BudgetLine.objects.first()
    disbursement_add(line=line, by=actors["officer"], amount=1_000_000, date=datetime.date(2025, 3, 1), voucher="1")
    client.force_login(actors["officer"])
    with django_assert_max_num_queries(30):
        response = client.get(detail(plan))
    assert response.status_code == 200
    rows = {row.key: row for row in response.context["execution_tables"][2]["rows"]}
    assert rows["central"].planned == tasks * 10_000_000 and rows["central"].disbursed == 1_000_000
    with django_assert_max_num_queries(12):
        assert client.get(reverse("planning:plan_list")).status_code == 200


# -- tasks, lines, execution ----------------------------------------------------------------------


def test_an_officer_adds_a_task_with_linked_projects_that_roll_up(client, actors, plan):
    from nscl.projects.choices import ProjectStatus
    from nscl.projects.tests.factories import SupportProjectFactory

    decided = datetime.date(plan.year, 4, 1)
    approved = SupportProjectFactory(status=ProjectStatus.APPROVED, approved_amount=120_000_000, decision_date=decided)
    accepted = SupportProjectFactory(status=ProjectStatus.ACCEPTED, approved_amount=30_000_000, decision_date=decided)
    client.force_login(actors["officer"])
    data = {"area": ProgramAreaFactory().pk, "title": "Hỗ trợ ISO 9001 cho 5 doanh nghiệp", "lead_unit": "Sở KH&CN",
            "start_date": f"{plan.year}-03-01", "end_date": f"{plan.year}-02-01",
            "projects": [approved.pk, accepted.pk]}  # fmt: skip
    response = client.post(reverse("planning:task_create", args=[plan.pk]), data)
    assert response.context["form"].errors["end_date"]
    data["end_date"] = f"{plan.year}-11-30"
    response = client.post(reverse("planning:task_create", args=[plan.pk]), data)
    task = PlanTask.objects.get(title=data["title"])
    assert response.status_code == 302
    page = client.get(detail(plan))
    rolled = {t.pk: t for t in page.context["tasks"]}[task.pk]
    assert (rolled.project_count, rolled.project_amount) == (2, 150_000_000)


def test_the_task_form_refuses_a_project_not_offered(client, actors, plan):
    from nscl.projects.choices import ProjectStatus
    from nscl.projects.tests.factories import SupportProjectFactory

    draft = SupportProjectFactory(status=ProjectStatus.DRAFT)
    task = PlanTask.objects.get(plan=plan)
    client.force_login(actors["officer"])
    data = {"area": task.area_id, "title": task.title, "lead_unit": task.lead_unit, "projects": [draft.pk]}
    response = client.post(reverse("planning:task_edit", args=[plan.pk, task.pk]), data)
    assert "projects" in response.context["form"].errors


def test_a_frozen_plan_refuses_new_lines_by_the_form(client, actors, plan):
    task = PlanTask.objects.get(plan=plan)
    plan = force_status(plan, S.APPROVED)
    client.force_login(actors["officer"])
    url = reverse("planning:line_add", args=[plan.pk, task.pk])
    response = client.post(url, {"funding_source": "central", "expense_item": task.budget_lines.get().expense_item_id,
                                 "amount": "1.000.000"})  # fmt: skip
    assert response.status_code == 400
    assert str(constants.ERROR_FROZEN) in response.content.decode()
    assert task.budget_lines.count() == 1


def test_bad_money_is_refused_next_to_the_field(client, actors, plan):
    task = PlanTask.objects.get(plan=plan)
    client.force_login(actors["officer"])
    url = reverse("planning:line_add", args=[plan.pk, task.pk])
    item = task.budget_lines.get().expense_item_id
    for amount in ("-5", "1,5", "mười triệu", ""):
        response = client.post(url, {"funding_source": "central", "expense_item": item, "amount": amount})
        assert response.status_code == 400 and "amount" in response.context["line_form"].errors
    response = client.post(url, {"funding_source": "nowhere", "expense_item": item, "amount": "5"})
    assert "funding_source" in response.context["line_form"].errors
    assert task.budget_lines.count() == 1


def test_the_board_cannot_add_lines_or_record_execution(client, actors, plan):
    line = BudgetLine.objects.get(task__plan=plan)
    client.force_login(actors["board"])
    args = [plan.pk, line.task_id]
    data = {"funding_source": "central", "expense_item": line.expense_item_id, "amount": "5"}
    assert client.post(reverse("planning:line_add", args=args), data).status_code == 403
    assert client.post(reverse("planning:line_delete", args=[*args, line.pk])).status_code == 403
    force_status(plan, S.APPROVED)
    data = {"amount": "5", "date": "2025-03-01", "voucher": "x"}
    assert client.post(reverse("planning:disbursement_add", args=[*args, line.pk]), data).status_code == 403
    assert BudgetLine.objects.filter(pk=line.pk).exists()


def test_execution_is_recorded_on_the_task_page_and_overspending_is_refused(client, actors):
    plan = AnnualPlanFactory(year=2025)
    line = BudgetLineFactory(task=PlanTaskFactory(plan=plan), amount=10_000_000)
    plan = force_status(plan, S.APPROVED)
    client.force_login(actors["officer"])
    base = [plan.pk, line.task_id, line.pk]
    response = client.post(reverse("planning:commitment_add", args=base),
                           {"amount": "8.000.000", "date": "2025-02-01", "reference": "HĐ 01"})  # fmt: skip
    assert response.status_code == 302
    commitment = line.commitments.get()
    url = reverse("planning:disbursement_add", args=base)
    response = client.post(url, {"amount": "9.000.000", "date": "2025-03-01", "voucher": "PC 1",
                                 "commitment": commitment.pk})  # fmt: skip
    assert response.status_code == 400
    form = response.context["lines"][0].disbursement_form
    assert form.non_field_errors()  # over the commitment's 8,000,000
    response = client.post(url, {"amount": "3.000.000", "date": "2024-12-31", "voucher": "PC 1"})
    assert response.context["lines"][0].disbursement_form.errors["date"]
    response = client.post(url, {"amount": "3.000.000", "date": "2025-03-01", "voucher": "PC 1"})
    assert response.status_code == 302 and line.disbursements.get().amount == 3_000_000


def test_a_line_of_another_task_is_a_404(client, actors, plan):
    other = BudgetLineFactory(task=PlanTaskFactory(plan=AnnualPlanFactory()))
    task = PlanTask.objects.get(plan=plan)
    client.force_login(actors["officer"])
    assert client.post(reverse("planning:line_delete", args=[plan.pk, task.pk, other.pk])).status_code == 404
    assert client.get(reverse("planning:task_detail", args=[plan.pk, other.task_id])).status_code == 404


@pytest.mark.parametrize("lines", [1, 8])
def test_the_task_page_has_a_bounded_number_of_queries(client, actors, django_assert_max_num_queries, lines):
    plan = AnnualPlanFactory(year=2025)
    task = PlanTaskFactory(plan=plan)
    for _ in range(lines):
        BudgetLineFactory(task=task, amount=5_000_000)
    plan = force_status(plan, S.APPROVED)
    for line in task.budget_lines.all():
        commitment_add(line=line, by=actors["officer"], amount=1_000, date=datetime.date(2025, 5, 5), reference="r")
    client.force_login(actors["officer"])
    with django_assert_max_num_queries(20):
        assert client.get(reverse("planning:task_detail", args=[plan.pk, task.pk])).status_code == 200


def _pdf(name="hop-dong.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from nscl.core.placeholders import placeholder_pdf

    return SimpleUploadedFile(name, placeholder_pdf("Hợp đồng 01/2025"), content_type="application/pdf")


def test_a_commitment_keeps_its_document_and_only_plan_readers_download_it(client, actors):
    plan = AnnualPlanFactory(year=2025)
    line = BudgetLineFactory(task=PlanTaskFactory(plan=plan), amount=10_000_000)
    plan = force_status(plan, S.APPROVED)
    client.force_login(actors["officer"])
    url = reverse("planning:commitment_add", args=[plan.pk, line.task_id, line.pk])
    data = {"amount": "2.000.000", "date": "2025-02-01", "reference": "HĐ 02", "document": _pdf()}
    assert client.post(url, data).status_code == 302
    commitment = line.commitments.get()
    assert commitment.content_type == "application/pdf" and commitment.document.name.endswith(".pdf")
    assert "hop-dong" not in commitment.document.name  # the stored name is ours, not the uploader's
    download = reverse("planning:execution_document", args=["cam-ket", commitment.pk])
    client.force_login(actors["board"])
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(actors["enterprise"])
    assert client.get(download).status_code == 403
    assert client.get(reverse("planning:execution_document", args=["khac", commitment.pk])).status_code == 403


def test_a_document_that_is_not_a_document_is_refused_by_the_field(client, actors):
    from django.core.files.uploadedfile import SimpleUploadedFile

    plan = AnnualPlanFactory(year=2025)
    line = BudgetLineFactory(task=PlanTaskFactory(plan=plan), amount=10_000_000)
    plan = force_status(plan, S.APPROVED)
    client.force_login(actors["officer"])
    url = reverse("planning:disbursement_add", args=[plan.pk, line.task_id, line.pk])
    fake = SimpleUploadedFile("chung-tu.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    response = client.post(url, {"amount": "1.000", "date": "2025-02-01", "voucher": "PC 9", "document": fake})
    assert response.status_code == 400
    assert response.context["lines"][0].disbursement_form.errors["document"]
    assert not line.disbursements.exists()
    client.force_login(actors["admin"])
    assert client.get(reverse("planning:execution_document", args=["giai-ngan", 999])).status_code == 404
