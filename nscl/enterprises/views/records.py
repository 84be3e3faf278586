"""Yearly figures (staff and the representative) and certifications (staff) of one enterprise."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from nscl.core.permissions import AccessRequiredMixin
from nscl.enterprises import permissions, services
from nscl.enterprises.forms import CertificationForm, EnterpriseYearForm
from nscl.enterprises.models import Certification, EnterpriseYear
from nscl.enterprises.views.base import EditableEnterpriseMixin, add_service_errors


class EnterpriseYearCreateView(AccessRequiredMixin, EditableEnterpriseMixin, FormView):
    access = permissions.PROFILE_EDIT
    form_class = EnterpriseYearForm
    template_name = "enterprises/enterpriseyear_form.html"

    @cached_property
    def record(self) -> EnterpriseYear | None:
        return None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.record}

    def get_context_data(self, **kwargs):
        return super().get_context_data(record=self.record, **kwargs)

    def form_valid(self, form):
        try:
            services.enterprise_year_save(
                enterprise=self.enterprise, by=self.request.user, record=self.record, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu số liệu năm %(year)s.") % {"year": form.cleaned_data["year"]})
        return redirect(self.enterprise.get_absolute_url() + "#years")


class EnterpriseYearUpdateView(EnterpriseYearCreateView):
    @cached_property
    def record(self) -> EnterpriseYear | None:
        return get_object_or_404(EnterpriseYear, pk=self.kwargs["year_pk"], enterprise=self.enterprise)


class CertificationCreateView(AccessRequiredMixin, EditableEnterpriseMixin, FormView):
    access = permissions.MANAGE
    form_class = CertificationForm
    template_name = "enterprises/certification_form.html"

    @cached_property
    def certification(self) -> Certification | None:
        return None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.certification}

    def get_context_data(self, **kwargs):
        return super().get_context_data(certification=self.certification, **kwargs)

    def form_valid(self, form):
        try:
            saved = services.certification_save(
                enterprise=self.enterprise, by=self.request.user, certification=self.certification, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu chứng nhận %(label)s.") % {"label": saved.label})
        return redirect(saved.get_absolute_url())


class CertificationUpdateView(CertificationCreateView):
    @cached_property
    def certification(self) -> Certification | None:
        return get_object_or_404(Certification, pk=self.kwargs["cert_pk"], enterprise=self.enterprise)
