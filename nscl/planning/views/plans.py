"""Annual plans: the list, a new plan, one plan (tasks, totals, execution, actions), transitions and
the line-by-line difference of an adjustment."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from django_fsm import can_proceed

from nscl.core.permissions import AccessRequiredMixin
from nscl.planning import permissions, selectors, services
from nscl.planning.choices import EDITABLE_STATUSES, FundingSource, PlanStatus
from nscl.planning.forms import ApproveForm, PlanForm, ReasonForm
from nscl.planning.models import AnnualPlan, ProgramPeriod
from nscl.planning.views.common import add_service_error


def plan_url(plan: AnnualPlan) -> str:
    return reverse("planning:plan_detail", args=[plan.pk])


class PlanListView(AccessRequiredMixin, TemplateView):
    access = permissions.READ
    template_name = "planning/plan_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plans"] = selectors.plan_list()
        context["can_create"] = permissions.can_edit_plans(self.request.user)
        return context


class PlanCreateView(AccessRequiredMixin, FormView):
    access = permissions.EDIT
    form_class = PlanForm
    template_name = "planning/plan_form.html"

    def get_initial(self):
        year = timezone.localdate().year + 1
        period = next((p for p in ProgramPeriod.objects.all() if p.covers(year)), None)
        title = _("Kế hoạch thực hiện Chương trình năng suất chất lượng năm %(year)s") % {"year": year}
        return {"year": year, "period": period, "title": title}

    def form_valid(self, form):
        try:
            plan = services.plan_create(by=self.request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lập kế hoạch nháp; hãy thêm nhiệm vụ và dự toán."))
        return redirect(plan_url(plan))


def available_transitions(plan: AnnualPlan, user) -> list[permissions.TransitionRule]:
    """The actions this user may take on this plan now: the role table and the state machine agree."""
    rules = []
    for verb, rule in permissions.TRANSITIONS.items():
        if not permissions.can_transition(user, verb):
            continue
        if verb == "adjust":
            if plan.status == PlanStatus.APPROVED and plan.next is None:
                rules.append(rule)
        elif can_proceed(getattr(plan, verb)):
            rules.append(rule)
    return rules


class PlanDetailView(AccessRequiredMixin, TemplateView):
    access = permissions.READ
    template_name = "planning/plan_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = selectors.plan_get(pk=kwargs["pk"])
        user = self.request.user
        tasks = list(selectors.plan_tasks(plan=plan))
        labels = dict(FundingSource.choices)
        context.update(
            plan=plan,
            tasks=tasks,
            total=sum(task.total for task in tasks),
            by_area=selectors.plan_totals_by_area(plan=plan),
            by_source=[
                (labels[source], amount) for source, amount in selectors.plan_totals_by_source(plan=plan).items()
            ],
            can_edit=permissions.can_edit_plans(user) and plan.status in EDITABLE_STATUSES,
            transitions=available_transitions(plan, user),
            approve_form=ApproveForm(auto_id="approve-%s"),
            events=plan.events.select_related("by").order_by("at", "id"),
            history=selectors.plan_history(plan=plan),
        )
        if plan.status in (PlanStatus.APPROVED, PlanStatus.SUPERSEDED):
            context["execution_tables"] = [
                {"caption": _("Theo nhiệm vụ"), "header": _("Nhiệm vụ"), "tasks": True,
                 "rows": selectors.plan_execution_by_task(plan=plan)},
                {"caption": _("Theo lĩnh vực"), "header": _("Lĩnh vực"),
                 "rows": selectors.plan_execution_by_area(plan=plan)},
                {"caption": _("Theo nguồn kinh phí"), "header": _("Nguồn kinh phí"),
                 "rows": selectors.plan_execution_by_source(plan=plan)},
            ]  # fmt: skip
        return context


class PlanTransitionView(AccessRequiredMixin, View):
    """POST /ke-hoach/<pk>/chuyen/<verb>/: the reason (or the decision), then the service; a refusal says why."""

    access = permissions.READ
    http_method_names = ["post"]

    def post(self, request, pk, verb):
        if verb not in permissions.TRANSITIONS:
            raise Http404
        plan = selectors.plan_get(pk=pk)
        form = (ApproveForm if verb == "approve" else ReasonForm)(request.POST, auto_id=f"{verb}-%s")
        status = 400
        if form.is_valid():
            try:
                result = services.SERVICES[verb](obj=plan, by=request.user, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as error:
                add_service_error(form, error)
                status = 403 if isinstance(error, PermissionDenied) else 400
            else:
                if verb == "adjust":
                    messages.success(request, _("Đã lập bản điều chỉnh; sửa nhiệm vụ, dự toán rồi trình lại."))
                else:
                    messages.success(request, _("Đã cập nhật trạng thái kế hoạch."))
                return redirect(plan_url(result))
        context = {"plan": plan, "form": form, "verb": verb, "rule": permissions.TRANSITIONS[verb]}
        return render(request, "planning/plan_transition.html", context, status=status)


class PlanDiffView(AccessRequiredMixin, TemplateView):
    """What an adjustment changed against the revision before it, line by line."""

    access = permissions.READ
    template_name = "planning/plan_diff.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = selectors.plan_get(pk=kwargs["pk"])
        if plan.previous is None:
            raise Http404
        rows = selectors.revision_diff(old=plan.previous, new=plan)
        context.update(
            plan=plan,
            rows=rows,
            total_before=selectors.plan_total(plan=plan.previous),
            total_after=selectors.plan_total(plan=plan),
        )
        return context
