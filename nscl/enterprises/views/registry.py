"""Registry pages: list with search and filters, detail, create and edit, Excel export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from nscl.core.permissions import AccessRequiredMixin, is_allowed
from nscl.core.roles import has_role
from nscl.enterprises import exports, permissions, selectors, services
from nscl.enterprises.choices import RepresentativeStatus
from nscl.enterprises.constants import PAGE_SIZE, PROJECTS_SECTION_TEMPLATE
from nscl.enterprises.forms import EnterpriseFilterForm, EnterpriseForm
from nscl.enterprises.models import Enterprise
from nscl.enterprises.views.base import EditableEnterpriseMixin, add_service_errors


def _projects_section():
    """The projects app's section template when it provides one (looked up by name: no import upward)."""
    try:
        return get_template(PROJECTS_SECTION_TEMPLATE)
    except TemplateDoesNotExist:
        return None


class EnterpriseListView(AccessRequiredMixin, ListView):
    """The registry as the user may see it (a representative: its own enterprise only)."""

    access = permissions.REGISTRY_READ
    paginate_by = PAGE_SIZE
    template_name = "enterprises/enterprise_list.html"
    fragment_name = "enterprises/partials/_enterprise_results.html"
    context_object_name = "enterprises"

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return [self.fragment_name]
        return [self.template_name]

    def get_queryset(self):
        self.filter_form = EnterpriseFilterForm(self.request.GET or None)
        return selectors.enterprise_list(user=self.request.user, filters=self.filter_form.filters())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            can_manage=permissions.can_manage(self.request.user),
            can_read_all=permissions.sees_full_record(self.request.user),
            **kwargs,
        )


class EnterpriseDetailView(AccessRequiredMixin, DetailView):
    """Everything about one enterprise; 404 outside what the user may see."""

    access = permissions.REGISTRY_READ
    template_name = "enterprises/enterprise_detail.html"
    context_object_name = "enterprise"

    def get_object(self, queryset=None):
        try:
            return selectors.enterprise_get(user=self.request.user, pk=self.kwargs["pk"])
        except Enterprise.DoesNotExist as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        user, enterprise = self.request.user, self.object
        can_edit = has_role(user, *permissions.STAFF) or (
            has_role(user, *permissions.PROFILE_EDIT)
            and enterprise.representatives.filter(user=user, status=RepresentativeStatus.CONFIRMED).exists()
        )
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "today": timezone.localdate(),
                "can_edit": can_edit,
                "can_manage": permissions.can_manage(user),
                "model_record": selectors.enterprise_model_record(enterprise=enterprise),
                "projects_section": _projects_section(),
                "history": selectors.enterprise_history(enterprise=enterprise)
                if permissions.can_read_history(user)
                else None,
            }
        )
        return context


class EnterpriseCreateView(AccessRequiredMixin, FormView):
    access = permissions.MANAGE
    form_class = EnterpriseForm
    template_name = "enterprises/enterprise_form.html"

    def form_valid(self, form):
        try:
            enterprise = services.enterprise_create(by=self.request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã thêm %(name)s.") % {"name": enterprise.name_vi})
        return redirect(enterprise.get_absolute_url())


class EnterpriseUpdateView(AccessRequiredMixin, EditableEnterpriseMixin, FormView):
    """Officers edit any profile (tax code too); a representative edits its own (not the tax code)."""

    access = permissions.PROFILE_EDIT
    form_class = EnterpriseForm
    template_name = "enterprises/enterprise_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Enterprise.objects.get(pk=self.enterprise.pk)
        kwargs["with_tax_code"] = is_allowed(self.request.user, permissions.STAFF)
        return kwargs

    def form_valid(self, form):
        try:
            services.enterprise_update(enterprise=self.enterprise, by=self.request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu hồ sơ doanh nghiệp."))
        return redirect(self.enterprise.get_absolute_url())


class EnterpriseExportView(AccessRequiredMixin, View):
    """The filtered list (same query string as the list page) as an Excel workbook."""

    access = permissions.REGISTRY_READ

    def get(self, request, *args, **kwargs):
        form = EnterpriseFilterForm(request.GET or None)
        queryset = selectors.enterprise_list(user=request.user, filters=form.filters())
        name = f"doanh-nghiep-{timezone.localtime():%Y%m%d-%H%M}.xlsx"
        return FileResponse(exports.xlsx_file(exports.export_rows(queryset)), as_attachment=True, filename=name)
