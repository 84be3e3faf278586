"""The plan's Excel appendix as a download: the plan, its detailed estimate and, once approved, its execution."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views import View

from nscl.core.permissions import AccessRequiredMixin
from nscl.planning import exports, permissions
from nscl.planning.models import AnnualPlan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PlanExportView(AccessRequiredMixin, View):
    """GET /ke-hoach/<pk>/xuat.xlsx: any revision, in any state, for those who may read plans."""

    access = permissions.READ

    def get(self, request, pk: int):
        plan = get_object_or_404(AnnualPlan, pk=pk)
        response = HttpResponse(exports.plan_xlsx(plan), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{exports.plan_filename(plan)}"'
        return response
