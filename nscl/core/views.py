from django.views.generic import TemplateView

from nscl.core.permissions import PUBLIC, AccessRequiredMixin


class HomeView(AccessRequiredMixin, TemplateView):
    """The landing page until the portal (its own issue) takes it over."""

    access = PUBLIC
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        from django.apps import apps

        context = super().get_context_data(**kwargs)
        standard = apps.get_model("standards", "Standard")
        context["standard_count"] = standard.objects.count()
        context["in_force_count"] = standard.objects.filter(status="in_force").count()
        return context
