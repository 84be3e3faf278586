"""Commitments and disbursements: who may record them, on which lines, when, and never over the approved amount."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from nscl.planning import constants
from nscl.planning.choices import PlanStatus
from nscl.planning.models import Commitment, Disbursement
from nscl.planning.services import commitment_add, disbursement_add
from nscl.planning.tests.factories import AnnualPlanFactory, BudgetLineFactory, PlanTaskFactory, force_status

pytestmark = pytest.mark.django_db
S = PlanStatus
DAY = datetime.date(2025, 6, 15)


@pytest.fixture
def line():
    """A 50,000,000 đồng provincial line for experts of the approved 2025 plan."""
    plan = AnnualPlanFactory(year=2025)
    line = BudgetLineFactory(task=PlanTaskFactory(plan=plan, title="Tập huấn ISO 9001"), amount=50_000_000)
    force_status(plan, S.APPROVED)
    return line


def disburse(line, by, amount, date=DAY, **kwargs):
    return disbursement_add(line=line, by=by, amount=amount, date=date, voucher="PC-01", **kwargs)


def commit(line, by, amount, date=DAY):
    return commitment_add(line=line, by=by, amount=amount, date=date, reference="HĐ 01/2025")


def message(error):
    return " ".join(str(m) for m in error.messages)


def test_an_officer_records_a_commitment_and_a_disbursement_with_history(line, actors):
    officer = actors["officer"]
    commitment = commit(line, officer, 30_000_000)
    disbursement = disburse(line, officer, 12_000_000, commitment=commitment)
    assert Commitment.objects.get().amount == 30_000_000
    assert Disbursement.objects.get().commitment == commitment
    assert commitment.by == officer and disbursement.by == officer
    assert commitment.history.latest().history_user == officer
    assert disbursement.history.latest().history_user == officer


@pytest.mark.parametrize("who", ["board", "admin", "enterprise", "expert", "no_role"])
def test_only_officers_record_execution(who, line, actors):
    with pytest.raises(PermissionDenied, match=str(constants.ERROR_EXECUTION_NOT_ALLOWED)):
        disburse(line, actors[who], 1_000_000)
    with pytest.raises(PermissionDenied, match=str(constants.ERROR_EXECUTION_NOT_ALLOWED)):
        commit(line, actors[who], 1_000_000)
    assert not Disbursement.objects.exists() and not Commitment.objects.exists()


@pytest.mark.parametrize(
    "status", [S.DRAFT, S.SUBMITTED_TO_BOARD, S.RETURNED, S.ENDORSED, S.SUBMITTED_TO_COMMITTEE, S.SUPERSEDED]
)
def test_only_lines_of_the_approved_revision_in_force(status, line, actors):
    plan = force_status(line.task.plan, status)
    expected = constants.ERROR_EXECUTION_NOT_APPROVED % {
        "line": "Tập huấn ISO 9001 / Ngân sách tỉnh / Thuê chuyên gia",
        "status": plan.get_status_display(),
    }
    for record in (disburse, commit):
        with pytest.raises(ValidationError) as error:
            record(line, actors["officer"], 1_000_000)
        assert message(error.value) == expected
    assert not Disbursement.objects.exists() and not Commitment.objects.exists()


def test_over_disbursement_is_refused_naming_the_line_and_the_amounts(line, actors):
    officer = actors["officer"]
    disburse(line, officer, 30_000_000)
    with pytest.raises(ValidationError) as error:
        disburse(line, officer, 25_000_000)
    assert message(error.value) == (
        "Dòng “Tập huấn ISO 9001 / Ngân sách tỉnh / Thuê chuyên gia” được duyệt 50.000.000 đồng; "
        "đã giải ngân 30.000.000 đồng, thêm 25.000.000 đồng sẽ vượt dự toán. Muốn vượt, cần điều chỉnh kế hoạch."
    )
    disburse(line, officer, 20_000_000)  # exactly up to the approved amount is allowed
    with pytest.raises(ValidationError):
        disburse(line, officer, 1)
    assert sum(Disbursement.objects.values_list("amount", flat=True)) == 50_000_000


def test_over_commitment_is_refused_naming_the_line_and_the_amounts(line, actors):
    officer = actors["officer"]
    commit(line, officer, 50_000_000)
    with pytest.raises(ValidationError) as error:
        commit(line, officer, 1)
    assert message(error.value) == (
        "Dòng “Tập huấn ISO 9001 / Ngân sách tỉnh / Thuê chuyên gia” được duyệt 50.000.000 đồng; "
        "đã cam kết 50.000.000 đồng, thêm 1 đồng sẽ vượt dự toán. Muốn vượt, cần điều chỉnh kế hoạch."
    )


def test_a_disbursement_stays_within_its_commitment_and_its_line(line, actors):
    officer = actors["officer"]
    commitment = commit(line, officer, 10_000_000)
    with pytest.raises(ValidationError) as error:
        disburse(line, officer, 10_000_001, commitment=commitment)
    assert "Cam kết “HĐ 01/2025” là 10.000.000 đồng" in message(error.value)
    other = BudgetLineFactory(task=line.task, amount=5_000_000)
    with pytest.raises(ValidationError) as error:
        disburse(other, officer, 1_000_000, commitment=commitment)
    assert message(error.value) == constants.ERROR_COMMITMENT_OTHER_LINE % {"reference": "HĐ 01/2025"}


@pytest.mark.parametrize("date", [datetime.date(2024, 12, 31), datetime.date(2026, 1, 1), None])
def test_dates_outside_the_plan_year_are_refused(date, line, actors):
    for record in (disburse, commit):
        with pytest.raises(ValidationError) as error:
            record(line, actors["officer"], 1_000_000, date=date)
        assert message(error.value) == constants.ERROR_EXECUTION_DATE % {"date": date, "year": 2025}
    disburse(line, actors["officer"], 1, date=datetime.date(2025, 1, 1))
    disburse(line, actors["officer"], 1, date=datetime.date(2025, 12, 31))


@pytest.mark.parametrize("amount", [0, -5, 1.0, 1_000_000.5, True, "1000000", None])
def test_amounts_are_positive_integer_dong(amount, line, actors):
    for record in (disburse, commit):
        with pytest.raises(ValidationError) as error:
            record(line, actors["officer"], amount)
        assert message(error.value) == str(constants.ERROR_EXECUTION_AMOUNT)


def test_a_voucher_and_a_reference_are_required(line, actors):
    with pytest.raises(ValidationError, match="chứng từ"):
        disbursement_add(line=line, by=actors["officer"], amount=1, date=DAY, voucher="  ")
    with pytest.raises(ValidationError, match="chứng từ"):
        commitment_add(line=line, by=actors["officer"], amount=1, date=DAY, reference="")


def test_the_database_refuses_a_non_positive_amount(line, actors):
    for model, extra in ((Disbursement, {"voucher": "x"}), (Commitment, {"reference": "x"})):
        with pytest.raises(IntegrityError), transaction.atomic():
            model.objects.create(budget_line=line, amount=0, date=DAY, by=actors["officer"], **extra)
