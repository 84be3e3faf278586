"""Public directory of conformity bodies and experts, and an expert's own profile page."""

from django.http import Http404
from django.views.generic import DetailView

from nscl.core.permissions import AccessRequiredMixin
from nscl.network import permissions, selectors, services
from nscl.network.forms import BodyFilterForm, DirectoryExpertFilterForm
from nscl.network.mixins import FilteredListView, ServiceFormView
from nscl.network.models import ConformityBody, Expert
from nscl.network.workspace_forms import ExpertSelfForm


class DirectoryExpertListView(FilteredListView):
    """Active experts with public fields only: name, title, fields, organisation."""

    access = permissions.DIRECTORY
    filter_form_class = DirectoryExpertFilterForm
    template_name = "network/directory_expert_list.html"

    def selector(self, **kwargs):
        return selectors.expert_directory_list(**kwargs)


class DirectoryExpertDetailView(AccessRequiredMixin, DetailView):
    access = permissions.DIRECTORY
    template_name = "network/directory_expert_detail.html"
    context_object_name = "expert"

    def get_object(self, queryset=None):
        expert = selectors.expert_directory_list().filter(pk=self.kwargs["pk"]).first()
        if expert is None:
            raise Http404
        return expert


class DirectoryBodyListView(FilteredListView):
    access = permissions.DIRECTORY
    filter_form_class = BodyFilterForm
    template_name = "network/directory_body_list.html"

    def selector(self, **kwargs):
        return selectors.body_list(active_only=True, **kwargs)


class DirectoryBodyDetailView(AccessRequiredMixin, DetailView):
    access = permissions.DIRECTORY
    template_name = "network/directory_body_detail.html"
    context_object_name = "body"

    def get_object(self, queryset=None):
        try:
            body = selectors.body_get(pk=self.kwargs["pk"])
        except ConformityBody.DoesNotExist as exc:
            raise Http404 from exc
        if not body.is_active:
            raise Http404
        return body


class ExpertSelfUpdateView(ServiceFormView):
    """An expert's own contacts and availability; the record is found from the signed-in user only."""

    access = permissions.SELF
    form_class = ExpertSelfForm
    template_name = "network/expert_self_form.html"
    success_message = ""

    def get_object(self) -> Expert:
        expert = selectors.expert_for_user(user=self.request.user)
        if expert is None:
            raise Http404
        return expert

    def get_form_kwargs(self):
        self.object = self.get_object()
        return super().get_form_kwargs()

    def call_service(self, form):
        return services.expert_self_update(expert=self.object, by=self.request.user, **form.service_arguments())

    def get_success_url_for(self, saved) -> str:
        from django.urls import reverse

        return reverse("network:expert_self")
