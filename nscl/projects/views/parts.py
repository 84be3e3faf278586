"""Parts of a project: budget lines, milestones, indicators, documents (upload and guarded download)."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views import View

from nscl.core.permissions import AccessRequiredMixin
from nscl.projects import permissions, selectors, services
from nscl.projects.forms import BudgetLineForm, DocumentForm, IndicatorForm, MilestoneForm
from nscl.projects.models import BudgetLine, Milestone
from nscl.projects.views.common import ProjectWriteView


class BudgetLineAddView(ProjectWriteView):
    form_class = BudgetLineForm
    success_message = _("Đã thêm dòng dự toán.")

    def perform(self, project, data):
        services.budget_line_add(project=project, by=self.request.user, **data)


class BudgetLineDeleteView(ProjectWriteView):
    success_message = _("Đã xóa dòng dự toán.")

    def perform(self, project, data, line_pk):
        line = get_object_or_404(BudgetLine, project=project, pk=line_pk)
        services.budget_line_delete(line=line, by=self.request.user)

    def post(self, request, pk, line_pk):
        return super().post(request, pk, line_pk=line_pk)


class MilestoneAddView(ProjectWriteView):
    form_class = MilestoneForm
    success_message = _("Đã thêm mốc tiến độ.")

    def perform(self, project, data):
        services.milestone_add(project=project, by=self.request.user, **data)


class MilestoneDoneView(ProjectWriteView):
    success_message = _("Đã ghi nhận hoàn thành mốc tiến độ.")

    def post(self, request, pk, milestone_pk):
        return super().post(request, pk, milestone_pk=milestone_pk)

    def perform(self, project, data, milestone_pk):
        from django.utils import timezone

        milestone = get_object_or_404(Milestone, project=project, pk=milestone_pk)
        services.milestone_mark_done(milestone=milestone, by=self.request.user, done_date=timezone.localdate())


class IndicatorSetView(ProjectWriteView):
    form_class = IndicatorForm
    success_message = _("Đã lưu chỉ số.")

    def perform(self, project, data):
        services.indicator_set(project=project, by=self.request.user, **data)


class DocumentUploadView(ProjectWriteView):
    form_class = DocumentForm
    success_message = _("Đã tải tài liệu lên.")

    def perform(self, project, data):
        services.document_upload(
            project=project, by=self.request.user, kind=data["kind"], title=data["title"], upload=data["file"]
        )


class DocumentDownloadView(AccessRequiredMixin, View):
    """The only way to a document: the reader must see the project, or it is a 404."""

    access = permissions.READ

    def get(self, request, pk, document_pk):
        project = selectors.project_get(user=request.user, pk=pk)
        document = next((d for d in project.documents.all() if d.pk == document_pk), None)
        if document is None:
            raise Http404
        response = FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=f"{document.title[:80] or 'tai-lieu'}.{document.extension}",
            content_type=document.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
