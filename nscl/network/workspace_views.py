"""Officers' pages for experts and their qualifications (the board reads them too)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView

from nscl.core.permissions import AccessRequiredMixin
from nscl.network import exports, permissions, selectors, services
from nscl.network.forms import ExpertFilterForm
from nscl.network.mixins import ExportMixin, FilteredListView, ServiceFormView
from nscl.network.models import Expert, Qualification
from nscl.network.workspace_forms import ExpertForm, QualificationForm


class ExpertListView(FilteredListView):
    access = permissions.READ
    filter_form_class = ExpertFilterForm
    template_name = "network/expert_list.html"

    def selector(self, **kwargs):
        return selectors.expert_list(**kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_manage=permissions.can_manage_network(self.request.user), **kwargs)


class ExpertExportView(ExportMixin, ExpertListView):
    export_title = "chuyen-gia"
    export_columns = staticmethod(exports.expert_columns)


class ExpertDetailView(AccessRequiredMixin, DetailView):
    access = permissions.READ
    template_name = "network/expert_detail.html"
    context_object_name = "expert"

    def get_object(self, queryset=None):
        try:
            return selectors.expert_get(pk=self.kwargs["pk"])
        except Expert.DoesNotExist as exc:
            raise Http404 from exc

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = selectors.history_of(self.object)
        context["can_manage"] = permissions.can_manage_network(self.request.user)
        context["qualification_form"] = QualificationForm()
        return context


class ExpertCreateView(ServiceFormView):
    access = permissions.MANAGE
    form_class = ExpertForm
    template_name = "network/expert_form.html"

    def call_service(self, form):
        return services.expert_save(expert=self.object, by=self.request.user, **form.service_arguments())


class ExpertUpdateView(ExpertCreateView):
    def get_object(self):
        return get_object_or_404(Expert, pk=self.kwargs["pk"])


class QualificationCreateView(ServiceFormView):
    """Add one qualification to an expert (the form sits on the expert's page)."""

    access = permissions.MANAGE
    form_class = QualificationForm
    template_name = "network/qualification_form.html"

    def get_form_kwargs(self):
        # Runs after the access check: an unpermitted user never learns whether the expert exists.
        self.expert = get_object_or_404(Expert, pk=self.kwargs["pk"])
        return super().get_form_kwargs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # builds the form, which finds the expert
        context["expert"] = self.expert
        return context

    def call_service(self, form):
        return services.qualification_save(expert=self.expert, by=self.request.user, **form.service_arguments())

    def get_success_url_for(self, saved) -> str:
        return self.expert.get_absolute_url()


class QualificationDeleteView(AccessRequiredMixin, View):
    access = permissions.MANAGE
    http_method_names = ["post"]

    def post(self, request, pk: int):
        qualification = get_object_or_404(Qualification.objects.select_related("expert"), pk=pk)
        expert = qualification.expert
        services.qualification_delete(qualification=qualification, by=request.user)
        messages.success(request, _("Đã xóa chứng chỉ."))
        return redirect(expert.get_absolute_url())
