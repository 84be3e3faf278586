"""Officers keep key products, model enterprises and their replications; and watch expiring certificates."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from nscl.core.permissions import AccessRequiredMixin
from nscl.enterprises import permissions, selectors, services
from nscl.enterprises.models import KeyProduct, ModelEnterprise
from nscl.enterprises.showcase_forms import KeyProductForm, ModelEnterpriseForm, ReplicationForm
from nscl.enterprises.views.base import ServiceFormView, add_service_errors


class KeyProductCreateView(ServiceFormView):
    access = permissions.MANAGE
    form_class = KeyProductForm
    template_name = "enterprises/keyproduct_form.html"
    record_context_name = "product"

    def save(self, form):
        return services.key_product_save(product=self.record, **form.service_arguments())

    def succeeded(self, form, saved):
        return _("Đã lưu %(name)s.") % {"name": saved.name_vi}, saved.get_absolute_url()


class KeyProductUpdateView(KeyProductCreateView):
    @cached_property
    def record(self) -> KeyProduct:
        return get_object_or_404(KeyProduct, slug=self.kwargs["slug"])


class ModelEnterpriseCreateView(ServiceFormView):
    access = permissions.MANAGE
    form_class = ModelEnterpriseForm
    template_name = "enterprises/modelenterprise_form.html"

    def save(self, form):
        return services.model_enterprise_save(record=self.record, **form.cleaned_data)

    def succeeded(self, form, saved):
        return _("Đã lưu doanh nghiệp điển hình."), saved.get_absolute_url()


class ModelEnterpriseUpdateView(ModelEnterpriseCreateView):
    @cached_property
    def record(self) -> ModelEnterprise:
        return get_object_or_404(ModelEnterprise, pk=self.kwargs["pk"])


class ReplicationCreateView(AccessRequiredMixin, FormView):
    access = permissions.MANAGE
    form_class = ReplicationForm
    template_name = "enterprises/replication_form.html"

    @cached_property
    def record(self) -> ModelEnterprise:
        return get_object_or_404(ModelEnterprise.objects.select_related("enterprise"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(record=self.record, **kwargs)

    def form_valid(self, form):
        try:
            services.replication_add(model=self.record, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã ghi nhận doanh nghiệp nhân rộng."))
        return redirect(self.record.get_absolute_url())


class CertificationExpiringView(AccessRequiredMixin, ListView):
    """Certificates that expire within 90 days, to remind the enterprises in time."""

    access = permissions.READ_ALL
    template_name = "enterprises/certification_expiring.html"
    context_object_name = "certifications"
    paginate_by = 50

    def get_queryset(self):
        return selectors.certification_expiring_list(user=self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=timezone.localdate(), **kwargs)
