"""Inspections: the list (with overdue actions flagged), one inspection, planning, recording,
concluding and calling off a visit."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from nscl.core.permissions import AccessRequiredMixin
from nscl.core.roles import has_role
from nscl.projects import permissions, selectors, services
from nscl.projects.choices import InspectionStatus
from nscl.projects.forms import ActionCloseForm, ConclusionForm, FindingForm, InspectionCancelForm, InspectionForm
from nscl.projects.models import CorrectiveAction
from nscl.projects.views.common import refusal_text


class InspectionListView(AccessRequiredMixin, TemplateView):
    access = permissions.READ_INSPECTIONS
    template_name = "projects/inspection_list.html"

    def get_context_data(self, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context_data(**kwargs)
        inspections = selectors.inspection_list(user=self.request.user)
        context["page"] = Paginator(inspections, 20).get_page(self.request.GET.get("page"))
        context["overdue"] = selectors.overdue_action_list(user=self.request.user)[:50]
        return context


class InspectionDetailView(AccessRequiredMixin, TemplateView):
    access = permissions.READ_INSPECTIONS
    template_name = "projects/inspection_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["inspection"] = selectors.inspection_get(user=self.request.user, pk=kwargs["pk"])
        context["today"] = timezone.localdate()
        context["history"] = (
            selectors.inspection_history(inspection=context["inspection"])
            if permissions.can_read_history(self.request.user)
            else None
        )
        if has_role(self.request.user, *permissions.INSPECT):
            inspection = context["inspection"]
            if inspection.status != InspectionStatus.CANCELLED:
                context.update(
                    finding_form=FindingForm(),
                    close_form=ActionCloseForm(),
                    conclusion_form=ConclusionForm(initial={"summary": inspection.summary}),
                )
            if inspection.status == InspectionStatus.PLANNED:
                context["cancel_form"] = InspectionCancelForm()
        return context


class _InspectorPost(AccessRequiredMixin, View):
    access = permissions.INSPECT
    http_method_names = ["post"]

    def _run(self, request, call, back, success):
        try:
            call()
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, refusal_text(error))
        else:
            messages.success(request, success)
        return redirect(back)

    def _form_errors(self, request, form) -> None:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))


class InspectionCreateView(_InspectorPost):
    """Plan an inspection of a project (from the project's page)."""

    def post(self, request, pk):
        project = selectors.project_get(user=request.user, pk=pk)
        form = InspectionForm(request.POST)
        if not form.is_valid():
            self._form_errors(request, form)
            return redirect(project)
        holder = {}

        def call():
            holder["inspection"] = services.inspection_create(project=project, by=request.user, **form.cleaned_data)

        response = self._run(request, call, project, _("Đã lên kế hoạch kiểm tra."))
        return redirect(holder["inspection"]) if "inspection" in holder else response


class _InspectionFormPost(_InspectorPost):
    """Check one form posted from an inspection's page, call its service, and go back to the page."""

    form_class: type
    success: object  # lazy text

    def call(self, inspection, user, data: dict) -> None:
        raise NotImplementedError

    def post(self, request, pk, **kwargs):
        inspection = selectors.inspection_get(user=request.user, pk=pk)
        self.kwargs = kwargs
        form = self.form_class(request.POST)
        if not form.is_valid():
            self._form_errors(request, form)
            return redirect(inspection)
        return self._run(
            request, lambda: self.call(inspection, request.user, form.cleaned_data), inspection, self.success
        )


class FindingAddView(_InspectionFormPost):
    form_class, success = FindingForm, _("Đã ghi nhận phát hiện.")

    def call(self, inspection, user, data):
        services.finding_add(inspection=inspection, by=user, **data)


class ActionCloseView(_InspectionFormPost):
    form_class, success = ActionCloseForm, _("Đã đóng hành động khắc phục.")

    def call(self, inspection, user, data):
        action = get_object_or_404(CorrectiveAction, finding__inspection=inspection, pk=self.kwargs["action_pk"])
        services.corrective_action_close(action=action, by=user, **data)


class InspectionConcludeView(_InspectionFormPost):
    form_class, success = ConclusionForm, _("Đã ghi kết luận kiểm tra.")

    def call(self, inspection, user, data):
        services.inspection_conclude(inspection=inspection, by=user, **data)


class InspectionCancelView(_InspectionFormPost):
    form_class, success = InspectionCancelForm, _("Đã hủy lịch kiểm tra.")

    def call(self, inspection, user, data):
        services.inspection_cancel(inspection=inspection, by=user, **data)
