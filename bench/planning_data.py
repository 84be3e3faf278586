"""GENERATED data for bench/planning.py: ten years of approved plans whose tasks, budget lines, commitments and
disbursements grow in place (bulk_create, seeded), plus model enterprises and replications. The enterprises and
support projects come from bench/registries_data.py's Generator."""

import datetime
import random

LABEL = "GENERATED"
SEED = 20261124
CHUNK = 2000
YEARS = range(2016, 2026)  # ten years, each with one approved plan
LINES_PER_TASK = 25


class PlanGenerator:
    """Appends tasks (spread evenly over the years' plans), each with its budget lines; every line gets one
    commitment and one disbursement within its plan's year."""

    def __init__(self, seed: int, officer) -> None:
        from nscl.planning.models import ExpenseItem, ProgramArea

        self.rng = random.Random(seed)
        self.officer = officer
        self.areas = list(ProgramArea.objects.values_list("pk", flat=True))
        self.items = list(ExpenseItem.objects.values_list("pk", flat=True))
        self.plans: list = []
        self.n_tasks = self.n_lines = 0

    def plans_create(self) -> None:
        """One approved plan per year of YEARS, with its decision, in the period that covers the year."""
        from nscl.planning.choices import PlanStatus
        from nscl.planning.models import AnnualPlan, ProgramPeriod

        periods = list(ProgramPeriod.objects.all())
        rows = []
        for year in YEARS:
            period = next(p for p in periods if p.start_year <= year <= p.end_year)
            rows.append(
                AnnualPlan(
                    period=period, year=year, title=f"Kế hoạch NSCL năm {year} (dữ liệu sinh tự động)",
                    status=PlanStatus.APPROVED, decision_number=f"{year % 100}/QĐ-UBND (sinh)",
                    decision_date=datetime.date(year, 1, 15), created_by=self.officer,
                )
            )  # fmt: skip
        self.plans = AnnualPlan.objects.bulk_create(rows)

    def tasks_add(self, count: int) -> None:
        from nscl.planning.choices import FundingSource
        from nscl.planning.models import BudgetLine, Commitment, Disbursement, PlanTask

        rng = self.rng
        tasks = []
        for i in range(self.n_tasks, self.n_tasks + count):
            plan = self.plans[i % len(self.plans)]
            tasks.append(
                PlanTask(
                    plan=plan, area_id=rng.choice(self.areas), title=f"Nhiệm vụ sinh tự động số {i + 1}",
                    lead_unit="Sở Khoa học và Công nghệ", sort_order=i,
                )
            )  # fmt: skip
        tasks = PlanTask.objects.bulk_create(tasks, batch_size=CHUNK)
        lines = [
            BudgetLine(
                task_id=t.pk, funding_source=rng.choice(FundingSource.values), expense_item_id=rng.choice(self.items),
                amount=rng.randrange(5, 200) * 1_000_000,
            )
            for t in tasks
            for _ in range(LINES_PER_TASK)
        ]  # fmt: skip
        lines = BudgetLine.objects.bulk_create(lines, batch_size=CHUNK)
        year_of = {t.pk: t.plan.year for t in tasks}
        commitments, when = [], {}
        for line in lines:
            year = year_of[line.task_id]
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(300))
            when[line.pk] = day
            amount = line.amount * rng.choice([60, 80, 100]) // 100
            reference = f"HĐ sinh {line.pk}"
            commitments.append(
                Commitment(budget_line_id=line.pk, amount=amount, date=day, reference=reference, by=self.officer)
            )
        commitments = Commitment.objects.bulk_create(commitments, batch_size=CHUNK)
        disbursements = [
            Disbursement(
                budget_line_id=c.budget_line_id, commitment_id=c.pk, amount=c.amount * rng.choice([50, 75, 100]) // 100,
                date=when[c.budget_line_id] + datetime.timedelta(days=rng.randrange(60)), voucher=f"C{c.pk}",
                by=self.officer,
            )
            for c in commitments
        ]  # fmt: skip
        Disbursement.objects.bulk_create(disbursements, batch_size=CHUNK)
        self.n_tasks += count
        self.n_lines += len(lines)


def models_add(enterprises: list[tuple[int, str, str]], rng: random.Random, share: float = 0.01) -> None:
    """Model enterprises (a share of the enterprises not yet models) and a few replications of each."""
    from nscl.enterprises.models import ModelEnterprise, Replication

    taken = set(ModelEnterprise.objects.values_list("enterprise_id", flat=True))
    free = [e[0] for e in enterprises if e[0] not in taken]
    chosen = rng.sample(free, max(1, int(len(enterprises) * share)))
    models = ModelEnterprise.objects.bulk_create(
        [
            ModelEnterprise(
                enterprise_id=pk,
                recognition_year=rng.choice(list(YEARS)),
                applied="ISO 9001, 5S (sinh)",
                results="Năng suất tăng (sinh)",
            )
            for pk in chosen
        ]  # fmt: skip
    )
    replications = []
    for model in models:
        for pk in rng.sample([e[0] for e in enterprises], 3):
            if pk != model.enterprise_id:
                replications.append(Replication(model_id=model.pk, enterprise_id=pk, year=rng.choice(list(YEARS))))
    Replication.objects.bulk_create(replications, batch_size=CHUNK, ignore_conflicts=True)
