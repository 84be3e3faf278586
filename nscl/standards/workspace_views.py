"""Officers' pages: the data management workspace (records, imports) and the export of a search."""

import csv
import io

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from nscl.core.permissions import AccessRequiredMixin
from nscl.standards import exports, permissions, services
from nscl.standards.forms import StandardSearchForm
from nscl.standards.imports import COLUMNS
from nscl.standards.imports.jobs import FINISHED, job_launch, job_progress
from nscl.standards.models import ImportJob, Standard
from nscl.standards.workspace_forms import ImportUploadForm, StandardForm

IMPORT_LIST_SIZE = 20
ERRORS_SHOWN = 500


class WorkspaceView(AccessRequiredMixin, TemplateView):
    access = permissions.MANAGE
    template_name = "standards/workspace.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["imports"] = ImportJob.objects.select_related("created_by")[:10]
        context["recent"] = Standard.objects.order_by("-updated_at", "-id")[:10]
        context["total"] = Standard.objects.count()
        return context


# -- imports ---------------------------------------------------------------------------------------
class ImportCreateView(AccessRequiredMixin, FormView):
    """Upload a file (checked by size and content), keep it under a random name, run the job."""

    access = permissions.MANAGE
    form_class = ImportUploadForm
    template_name = "standards/import_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["jobs"] = ImportJob.objects.select_related("created_by")[:IMPORT_LIST_SIZE]
        context["max_bytes"] = settings.NSCL_IMPORT_MAX_UPLOAD_BYTES
        context["columns"] = COLUMNS
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        with transaction.atomic():
            job = ImportJob(
                filename=upload.name[:255], dry_run=form.cleaned_data["dry_run"], created_by=self.request.user
            )
            job.file.save(f"upload.{form.cleaned_data['format']}", upload, save=False)
            job.save()
            job_launch(job, inline=settings.NSCL_IMPORTS_INLINE)
        return redirect(job.get_absolute_url())


class ImportDetailView(AccessRequiredMixin, DetailView):
    """One job: status, live progress (polled by HTMX while it runs), counts and the bad rows."""

    access = permissions.MANAGE
    model = ImportJob
    context_object_name = "job"
    template_name = "standards/import_detail.html"
    fragment_name = "standards/partials/_import_progress.html"

    def get_queryset(self):
        return ImportJob.objects.select_related("created_by")

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return [self.fragment_name]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.object
        processed, total = job_progress(job)
        context.update(
            {
                "processed": processed,
                "total": total,
                "percent": 100 if job.status in FINISHED else (min(99, processed * 100 // total) if total else 0),
                "running": job.status not in FINISHED,
                "errors": job.errors[:ERRORS_SHOWN],
                "errors_hidden": max(0, len(job.errors) - ERRORS_SHOWN),
            }
        )
        return context


class ImportProgressView(ImportDetailView):
    """The progress fragment alone (what the job page polls)."""

    def get_template_names(self):
        return [self.fragment_name]


class ImportErrorsView(AccessRequiredMixin, View):
    """Every bad row of a job as CSV (row, column, reason), to fix the file against."""

    access = permissions.MANAGE

    def get(self, request, pk: int):
        job = get_object_or_404(ImportJob, pk=pk)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["row", "column", "message"])
        writer.writerows([e.get("row"), e.get("column"), e.get("message")] for e in job.errors)
        response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="loi-nhap-{job.pk}.csv"'
        return response


class ImportTemplateView(AccessRequiredMixin, View):
    """An empty CSV with every import column and one example row."""

    access = permissions.MANAGE
    example = {
        "code": "TCVN 7790-3:2008",
        "title_vi": "Quy trình lấy mẫu để kiểm tra định tính",
        "year": "2008",
        "status": "in_force",
        "ics": "03.120.30",
    }

    def get(self, request):
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerow([self.example.get(column, "") for column in COLUMNS])
        response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="mau-nhap-tieu-chuan.csv"'
        return response


# -- records ---------------------------------------------------------------------------------------
class StandardCreateView(AccessRequiredMixin, FormView):
    """Create or edit one record through standards.services.standard_save (history, index, alerts)."""

    access = permissions.MANAGE
    form_class = StandardForm
    template_name = "standards/standard_form.html"

    def get_standard(self) -> Standard:
        return Standard()

    def dispatch(self, request, *args, **kwargs):
        self.standard = None
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        if self.standard is None:
            self.standard = self.get_standard()
        return {**super().get_form_kwargs(), "instance": self.standard}

    def get_context_data(self, **kwargs):
        return super().get_context_data(standard=self.standard, **kwargs)

    def form_valid(self, form):
        arguments = form.service_arguments()
        try:
            standard = services.standard_save(standard=self.standard, by=self.request.user, **arguments)
        except ValidationError as error:
            return self._invalid(form, error)
        messages.success(self.request, _("Đã lưu %(code)s.") % {"code": standard.code})
        return redirect(standard.get_absolute_url())

    def _invalid(self, form, error: ValidationError):
        names = {"replaced_by": "replaced_by_code", "code_key": "code"}
        problems_by_field = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        for name, problems in problems_by_field.items():
            field = names.get(name, name)
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
        if self.standard.pk:  # the service may have set fields on the instance: show what is stored
            self.standard.refresh_from_db()
        return self.form_invalid(form)


class StandardUpdateView(StandardCreateView):
    def get_standard(self) -> Standard:
        return get_object_or_404(Standard.objects.select_related("replaced_by"), pk=self.kwargs["pk"])


# -- exports ---------------------------------------------------------------------------------------
class StandardExportView(AccessRequiredMixin, View):
    """The records a search matches (same query string as the search page), as CSV or XLSX."""

    access = permissions.EXPORT

    formats = ("csv", "xlsx")

    def get(self, request, fmt: str):
        if fmt not in self.formats:
            raise Http404
        query = StandardSearchForm(request.GET or None).to_query()
        rows = exports.export_rows(exports.export_ids(query))
        name = f"tieu-chuan-{timezone.localtime():%Y%m%d-%H%M}.{fmt}"
        if fmt == "xlsx":
            return FileResponse(exports.xlsx_file(rows), as_attachment=True, filename=name)
        response = StreamingHttpResponse(exports.csv_lines(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
