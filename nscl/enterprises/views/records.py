"""Yearly figures (staff and the representative) and certifications (staff) of one enterprise."""

from functools import cached_property

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from nscl.enterprises import permissions, services
from nscl.enterprises.forms import CertificationForm, EnterpriseYearForm
from nscl.enterprises.models import Certification, EnterpriseYear
from nscl.enterprises.views.base import EditableEnterpriseMixin, ServiceFormView


class EnterpriseYearCreateView(EditableEnterpriseMixin, ServiceFormView):
    access = permissions.PROFILE_EDIT
    form_class = EnterpriseYearForm
    template_name = "enterprises/enterpriseyear_form.html"

    def save(self, form):
        return services.enterprise_year_save(
            enterprise=self.enterprise, by=self.request.user, record=self.record, **form.cleaned_data
        )

    def succeeded(self, form, saved):
        message = _("Đã lưu số liệu năm %(year)s.") % {"year": form.cleaned_data["year"]}
        return message, self.enterprise.get_absolute_url() + "#years"


class EnterpriseYearUpdateView(EnterpriseYearCreateView):
    @cached_property
    def record(self) -> EnterpriseYear:
        return get_object_or_404(EnterpriseYear, pk=self.kwargs["year_pk"], enterprise=self.enterprise)


class CertificationCreateView(EditableEnterpriseMixin, ServiceFormView):
    access = permissions.MANAGE
    form_class = CertificationForm
    template_name = "enterprises/certification_form.html"
    record_context_name = "certification"

    def save(self, form):
        return services.certification_save(
            enterprise=self.enterprise, by=self.request.user, certification=self.record, **form.cleaned_data
        )

    def succeeded(self, form, saved):
        return _("Đã lưu chứng nhận %(label)s.") % {"label": saved.label}, saved.get_absolute_url()


class CertificationUpdateView(CertificationCreateView):
    @cached_property
    def record(self) -> Certification:
        return get_object_or_404(Certification, pk=self.kwargs["cert_pk"], enterprise=self.enterprise)
