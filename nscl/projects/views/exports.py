"""Excel downloads of the lists, each scoped exactly as its page."""

from django.http import HttpResponse
from django.views import View

from nscl.core.permissions import AccessRequiredMixin
from nscl.projects import constants, exports, permissions, selectors
from nscl.projects.views.projects import _filters

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class ProjectExportView(AccessRequiredMixin, View):
    """The filtered list the user may see (representatives and experts get their own projects only)."""

    access = permissions.READ

    def get(self, request):
        _form, filters = _filters(request)
        projects = selectors.project_list(user=request.user, filters=filters)[: constants.EXPORT_MAX_ROWS]
        return _download(exports.projects_xlsx(projects), "du-an-ho-tro.xlsx")


class InspectionExportView(AccessRequiredMixin, View):
    access = permissions.READ_INSPECTIONS

    def get(self, request):
        inspections = selectors.inspection_list(user=request.user)[: constants.EXPORT_MAX_ROWS]
        return _download(exports.inspections_xlsx(inspections), "kiem-tra.xlsx")
