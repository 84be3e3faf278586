"""Officers' pages for consulting organisations and conformity assessment bodies."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from nscl.core.permissions import AccessRequiredMixin
from nscl.network import exports, permissions, selectors, services
from nscl.network.forms import BodyFilterForm, OrganisationFilterForm
from nscl.network.mixins import ExportMixin, FilteredListView, ServiceFormView
from nscl.network.models import ConformityBody, ConsultingOrganisation
from nscl.network.workspace_forms import BodyForm, OrganisationForm


class _ManageFlagMixin:
    def get_context_data(self, **kwargs):
        return super().get_context_data(can_manage=permissions.can_manage_network(self.request.user), **kwargs)


# -- consulting organisations -----------------------------------------------------------------------
class OrganisationListView(_ManageFlagMixin, FilteredListView):
    access = permissions.READ
    filter_form_class = OrganisationFilterForm
    template_name = "network/organisation_list.html"

    def selector(self, **kwargs):
        return selectors.organisation_list(**kwargs)


class OrganisationExportView(ExportMixin, OrganisationListView):
    export_title = "to-chuc-tu-van"
    export_columns = staticmethod(exports.organisation_columns)


class OrganisationDetailView(_ManageFlagMixin, AccessRequiredMixin, DetailView):
    access = permissions.READ
    template_name = "network/organisation_detail.html"
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        try:
            return selectors.organisation_get(pk=self.kwargs["pk"])
        except ConsultingOrganisation.DoesNotExist as exc:
            raise Http404 from exc

    def get_context_data(self, **kwargs):
        return super().get_context_data(history=selectors.history_of(self.object), **kwargs)


class OrganisationCreateView(ServiceFormView):
    access = permissions.MANAGE
    form_class = OrganisationForm
    template_name = "network/organisation_form.html"

    def call_service(self, form):
        return services.organisation_save(organisation=self.object, by=self.request.user, **form.service_arguments())


class OrganisationUpdateView(OrganisationCreateView):
    def get_object(self):
        return get_object_or_404(ConsultingOrganisation, pk=self.kwargs["pk"])


# -- conformity bodies ------------------------------------------------------------------------------------
class BodyListView(_ManageFlagMixin, FilteredListView):
    access = permissions.READ
    filter_form_class = BodyFilterForm
    template_name = "network/body_list.html"

    def selector(self, **kwargs):
        return selectors.body_list(**kwargs)


class BodyExportView(ExportMixin, BodyListView):
    export_title = "to-chuc-danh-gia-su-phu-hop"
    export_columns = staticmethod(exports.body_columns)


class BodyDetailView(_ManageFlagMixin, AccessRequiredMixin, DetailView):
    access = permissions.READ
    template_name = "network/body_detail.html"
    context_object_name = "body"

    def get_object(self, queryset=None):
        try:
            return selectors.body_get(pk=self.kwargs["pk"])
        except ConformityBody.DoesNotExist as exc:
            raise Http404 from exc

    def get_context_data(self, **kwargs):
        return super().get_context_data(history=selectors.history_of(self.object), **kwargs)


class BodyCreateView(ServiceFormView):
    access = permissions.MANAGE
    form_class = BodyForm
    template_name = "network/body_form.html"

    def call_service(self, form):
        return services.body_save(body=self.object, by=self.request.user, **form.service_arguments())


class BodyUpdateView(BodyCreateView):
    def get_object(self):
        return get_object_or_404(ConformityBody, pk=self.kwargs["pk"])
