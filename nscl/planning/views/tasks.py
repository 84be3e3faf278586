"""One task of a plan: its form, its budget lines (while the plan is editable) and, once the plan is
approved, the commitments and disbursements recorded on each line."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from nscl.core.permissions import AccessRequiredMixin, is_allowed
from nscl.planning import permissions, selectors, services
from nscl.planning.choices import EDITABLE_STATUSES, PlanStatus
from nscl.planning.forms import BudgetLineForm, CommitmentForm, DisbursementForm, TaskForm
from nscl.planning.models import BudgetLine, Commitment, Disbursement
from nscl.planning.services.plans import TASK_FIELDS
from nscl.planning.views.common import add_service_error
from nscl.projects.views.common import refusal_text


def task_url(task) -> str:
    return reverse("planning:task_detail", args=[task.plan_id, task.pk])


class _TaskFormView(AccessRequiredMixin, FormView):
    access = permissions.EDIT
    form_class = TaskForm
    template_name = "planning/task_form.html"
    task = None

    def dispatch(self, request, *args, **kwargs):
        if is_allowed(request.user, self.access):  # nothing is read for those the mixin turns away
            self.plan = selectors.plan_get(pk=kwargs["pk"])
            if "task_pk" in kwargs:
                self.task = selectors.task_get(plan=self.plan, pk=kwargs["task_pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        linked = self.task.projects.values_list("pk", flat=True) if self.task else ()
        return {**super().get_form_kwargs(), "year": self.plan.year, "linked": linked}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, task=self.task, **kwargs)

    def form_valid(self, form):
        try:
            task = self.save(form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu nhiệm vụ."))
        return redirect(task_url(task))


class TaskCreateView(_TaskFormView):
    def save(self, data):
        return services.task_add(plan=self.plan, by=self.request.user, data=data)


class TaskUpdateView(_TaskFormView):
    def get_initial(self):
        initial = {field: getattr(self.task, field) for field in TASK_FIELDS}
        return {**initial, "projects": list(self.task.projects.all())}

    def save(self, data):
        return services.task_update(task=self.task, by=self.request.user, data=data)


def task_page(request, plan, task, *, status=200, **forms):
    """The task's page, with blank forms for what this user may do now, or the bound ones given."""
    user = request.user
    lines = selectors.task_lines(task=task)
    can_edit = permissions.can_edit_plans(user) and plan.status in EDITABLE_STATUSES
    can_execute = permissions.can_record_execution(user) and plan.status == PlanStatus.APPROVED
    if can_edit:
        forms.setdefault("line_form", BudgetLineForm(auto_id="line-%s"))
    if can_execute:
        for line in lines:
            line.commitment_form = forms.get("commitment_forms", {}).get(line.pk) or CommitmentForm(
                auto_id=f"c{line.pk}-%s"
            )
            line.disbursement_form = forms.get("disbursement_forms", {}).get(line.pk) or DisbursementForm(
                line=line, auto_id=f"d{line.pk}-%s"
            )
    context = {
        "plan": plan,
        "task": task,
        "lines": lines,
        "projects": selectors.task_projects(task=task),
        "can_edit": can_edit,
        "can_execute": can_execute,
        "planned": sum(line.amount for line in lines),
        "committed": sum(line.committed for line in lines),
        "disbursed": sum(line.disbursed for line in lines),
        **forms,
    }
    return render(request, "planning/task_detail.html", context, status=status)


class _TaskView(AccessRequiredMixin, View):
    access = permissions.READ

    def dispatch(self, request, *args, **kwargs):
        if is_allowed(request.user, self.access):  # nothing is read for those the mixin turns away
            self.plan = selectors.plan_get(pk=kwargs["pk"])
            self.task = selectors.task_get(plan=self.plan, pk=kwargs["task_pk"])
        return super().dispatch(request, *args, **kwargs)


class TaskDetailView(_TaskView):
    def get(self, request, **kwargs):
        return task_page(request, self.plan, self.task)


class _LineWrite(_TaskView):
    """A POST on one task: the form, then the service; on a refusal the task's page again, errors by the fields."""

    access = permissions.EDIT
    http_method_names = ["post"]
    success = ""

    def line(self, line_pk) -> BudgetLine:
        return get_object_or_404(BudgetLine.objects.select_related("task"), task=self.task, pk=line_pk)

    def run(self, form, call, page_forms):
        if form.is_valid():
            try:
                call(form.cleaned_data)
            except (ValidationError, PermissionDenied) as error:
                add_service_error(form, error)
            else:
                messages.success(self.request, self.success)
                return redirect(task_url(self.task))
        return task_page(self.request, self.plan, self.task, status=400, **page_forms)


class BudgetLineAddView(_LineWrite):
    success = _("Đã thêm dòng dự toán.")

    def post(self, request, **kwargs):
        form = BudgetLineForm(request.POST, auto_id="line-%s")
        call = lambda data: services.budget_line_add(task=self.task, by=request.user, **data)  # noqa: E731
        return self.run(form, call, {"line_form": form})


class BudgetLineDeleteView(_LineWrite):
    def post(self, request, line_pk, **kwargs):
        try:
            services.budget_line_delete(line=self.line(line_pk), by=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, refusal_text(error))
        else:
            messages.success(request, _("Đã xóa dòng dự toán."))
        return redirect(task_url(self.task))


class BudgetLineUpdateView(_TaskView):
    access = permissions.EDIT

    def get(self, request, line_pk, **kwargs):
        line = get_object_or_404(BudgetLine, task=self.task, pk=line_pk)
        initial = {"funding_source": line.funding_source, "expense_item": line.expense_item, "amount": line.amount}
        return self.page(line, BudgetLineForm(initial=initial))

    def post(self, request, line_pk, **kwargs):
        line = get_object_or_404(BudgetLine.objects.select_related("task"), task=self.task, pk=line_pk)
        form = BudgetLineForm(request.POST)
        if form.is_valid():
            try:
                services.budget_line_update(line=line, by=request.user, data=form.cleaned_data)
            except (ValidationError, PermissionDenied) as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Đã sửa dòng dự toán."))
                return redirect(task_url(self.task))
        return self.page(line, form, status=400)

    def page(self, line, form, status=200):
        context = {"plan": self.plan, "task": self.task, "line": line, "form": form}
        return render(self.request, "planning/line_form.html", context, status=status)


class CommitmentAddView(_LineWrite):
    access = permissions.EDIT
    success = _("Đã ghi cam kết chi.")

    def post(self, request, line_pk, **kwargs):
        line = self.line(line_pk)
        form = CommitmentForm(request.POST, request.FILES, auto_id=f"c{line.pk}-%s")
        call = lambda data: services.commitment_add(line=line, by=request.user, **data)  # noqa: E731
        return self.run(form, call, {"commitment_forms": {line.pk: form}})


class DisbursementAddView(_LineWrite):
    access = permissions.EDIT
    success = _("Đã ghi giải ngân.")

    def post(self, request, line_pk, **kwargs):
        line = self.line(line_pk)
        form = DisbursementForm(request.POST, request.FILES, line=line, auto_id=f"d{line.pk}-%s")
        call = lambda data: services.disbursement_add(line=line, by=request.user, **data)  # noqa: E731
        return self.run(form, call, {"disbursement_forms": {line.pk: form}})


class ExecutionDocumentView(AccessRequiredMixin, View):
    """The supporting document of a commitment or a disbursement, for those who read plans; never a public URL."""

    access = permissions.READ
    models = {"cam-ket": Commitment, "giai-ngan": Disbursement}

    def get(self, request, kind, record_pk):
        model = self.models.get(kind)
        if model is None:
            raise Http404
        record = get_object_or_404(model, pk=record_pk)
        if not record.document:
            raise Http404
        extension = record.document.name.rsplit(".", 1)[-1]
        response = FileResponse(
            record.document.open("rb"),
            as_attachment=True,
            filename=f"{kind}-{record.pk}.{extension}",
            content_type=record.content_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
