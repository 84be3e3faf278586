"""Officers' pages: the data management workspace (records, imports, exports)."""

from django.views.generic import TemplateView

from nscl.core.permissions import AccessRequiredMixin
from nscl.standards import permissions
from nscl.standards.models import ImportJob, Standard


class WorkspaceView(AccessRequiredMixin, TemplateView):
    access = permissions.MANAGE
    template_name = "standards/workspace.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["imports"] = ImportJob.objects.select_related("created_by")[:10]
        context["recent"] = Standard.objects.order_by("-updated_at")[:10]
        return context
