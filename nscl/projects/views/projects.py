"""The pipeline (board and list), "my projects", the project page, its form and its transitions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from nscl.core.permissions import AccessRequiredMixin
from nscl.projects import constants, permissions, selectors, services
from nscl.projects.forms import ApproveForm, InspectionForm, ProjectFilterForm, ProjectForm, ReasonForm
from nscl.projects.permissions import TRANSITIONS
from nscl.projects.services.inspections import INSPECTABLE
from nscl.projects.views.common import ProjectWriteView


def _filters(request) -> tuple[ProjectFilterForm, dict]:
    form = ProjectFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return form, {key: value for key, value in data.items() if value not in (None, "")}


class ProjectPipelineView(AccessRequiredMixin, TemplateView):
    """Officers, board, admins: every project as a board by state, and as a filterable list."""

    access = permissions.PIPELINE
    template_name = "projects/project_pipeline.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, filters = _filters(self.request)
        page = Paginator(selectors.project_list(user=self.request.user, filters=filters), constants.PAGE_SIZE)
        context.update(
            form=form,
            columns=selectors.project_board(
                user=self.request.user, filters=filters, per_column=constants.BOARD_CARDS_PER_COLUMN
            ),
            page=page.get_page(self.request.GET.get("page")),
        )
        return context


class ProjectMineView(AccessRequiredMixin, TemplateView):
    """Projects the user may see as a representative or as the consultant."""

    access = permissions.READ
    template_name = "projects/project_mine.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, filters = _filters(self.request)
        page = Paginator(selectors.project_list(user=self.request.user, filters=filters), constants.PAGE_SIZE)
        context.update(
            form=form, page=page.get_page(self.request.GET.get("page")),
            can_create=permissions.can_create_project(self.request.user),
        )  # fmt: skip
        return context


class ProjectDetailView(AccessRequiredMixin, TemplateView):
    access = permissions.READ
    template_name = "projects/project_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        project = selectors.project_get(user=user, pk=kwargs["pk"])
        context.update(
            project=project,
            transitions=permissions.available_transitions(user, project),
            approve_form=ApproveForm(),
            can_edit=permissions.can_edit_project(user, project),
            can_progress=permissions.can_update_progress(user, project),
            can_upload=permissions.can_upload_document(user, project),
        )
        context.update(self._inspections(user, project))
        context["history"] = selectors.project_history(project=project) if permissions.can_read_history(user) else None
        if context["can_edit"] or context["can_progress"] or context["can_upload"]:
            from nscl.projects.forms import BudgetLineForm, DocumentForm, IndicatorForm, MilestoneForm

            context.update(
                budget_form=BudgetLineForm(), milestone_form=MilestoneForm(),
                indicator_form=IndicatorForm(), document_form=DocumentForm(),
            )  # fmt: skip
        return context

    @staticmethod
    def _inspections(user, project) -> dict:
        """The project's inspections for everyone who reads the project (READ_PROJECT_INSPECTIONS);
        officers also get the form to plan one while the project may be inspected."""
        can_inspect = permissions.can_record_inspections(user)
        return {
            "inspections": selectors.project_inspection_list(project=project),
            "today": timezone.localdate(),
            "can_open_inspections": permissions.can_open_inspection_pages(user),
            "inspection_form": InspectionForm() if can_inspect and project.status in INSPECTABLE else None,
        }


class ProjectCreateView(AccessRequiredMixin, FormView):
    access = permissions.MY_PROJECTS
    form_class = ProjectForm
    template_name = "projects/project_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        """``?enterprise=<pk>`` (the enterprise page's button) preselects it; the form's choices stay the user's."""
        initial = super().get_initial()
        if self.request.GET.get("enterprise", "").isdigit():
            initial["enterprise"] = int(self.request.GET["enterprise"])
        return initial

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        enterprise = data.pop("enterprise")
        try:
            project = services.project_create(enterprise=enterprise, by=self.request.user, data=data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        except PermissionDenied as error:
            form.add_error("enterprise", str(error.args[0]))
            return self.form_invalid(form)
        messages.success(self.request, _("Đã tạo dự án nháp."))
        return redirect(project)


class ProjectUpdateView(AccessRequiredMixin, FormView):
    access = permissions.MY_PROJECTS
    form_class = ProjectForm
    template_name = "projects/project_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.project = selectors.project_get(user=request.user, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "user": self.request.user, "editing": True}
        project = self.project
        kwargs["initial"] = {
            "title": project.title, "goals": project.goals, "support_types": list(project.support_types.all()),
            "standards": list(project.standards.all()), "consultant_expert": project.consultant_expert,
            "consultant_organisation": project.consultant_organisation, "start_date": project.start_date,
            "end_date": project.end_date,
        }  # fmt: skip
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, **kwargs)

    def get(self, request, *args, **kwargs):
        if not permissions.can_edit_project(request.user, self.project):
            raise PermissionDenied(constants.ERROR_NOT_EDITABLE)
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            project = services.project_update(project=self.project, by=self.request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu dự án."))
        return redirect(project)


class ProjectTransitionView(ProjectWriteView):
    """POST /du-an/<pk>/chuyen/<verb>/: the form for the reason (and the approval), then the service."""

    def post(self, request, pk, verb, **kwargs):
        if verb not in TRANSITIONS:
            raise Http404
        self.form_class = ApproveForm if verb == "approve" else ReasonForm
        self.success_message = _("Đã cập nhật trạng thái dự án.")
        return super().post(request, pk, verb=verb)

    def perform(self, project, data, verb):
        services.SERVICES[verb](obj=project, by=self.request.user, **data)
