"""Enterprise self-service (sign up, claim, register) and the officers' confirmation queue."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from nscl.core.permissions import AccessRequiredMixin
from nscl.enterprises import permissions, selectors, services
from nscl.enterprises.choices import RepresentativeStatus
from nscl.enterprises.forms import ClaimDecisionForm, ClaimForm, EnterpriseRegisterForm, SignUpForm
from nscl.enterprises.models import EnterpriseRepresentative
from nscl.enterprises.views.base import add_service_errors


class SignUpView(AccessRequiredMixin, FormView):
    """A public sign-up page: the new account has the enterprise role and goes on to claim its enterprise."""

    access = permissions.SIGN_UP
    form_class = SignUpForm
    template_name = "enterprises/sign_up.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("enterprises:my_enterprises")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            user = services.user_sign_up(**form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Đã tạo tài khoản. Hãy khai báo doanh nghiệp bạn đại diện."))
        return redirect("enterprises:my_enterprises")


class MyEnterprisesView(AccessRequiredMixin, ListView):
    """A representative's claims, with the forms to claim an enterprise or register a new one."""

    access = permissions.CLAIM
    template_name = "enterprises/my_enterprises.html"
    context_object_name = "claims"

    def get_queryset(self):
        return selectors.claim_list_for_user(user=self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(claim_form=ClaimForm(), **kwargs)


class ClaimCreateView(AccessRequiredMixin, FormView):
    access = permissions.CLAIM
    form_class = ClaimForm
    template_name = "enterprises/claim_form.html"

    def form_valid(self, form):
        try:
            services.claim_create(user=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã gửi yêu cầu. Cán bộ Sở KH&CN sẽ xác nhận."))
        return redirect("enterprises:my_enterprises")


class EnterpriseRegisterView(AccessRequiredMixin, FormView):
    """The tax code is unknown: the representative registers the enterprise's profile, pending confirmation."""

    access = permissions.CLAIM
    form_class = EnterpriseRegisterForm
    template_name = "enterprises/enterprise_register.html"

    def get_initial(self):
        return {"tax_code": self.request.GET.get("tax_code", "")[:20]}

    def form_valid(self, form):
        try:
            services.enterprise_register(user=self.request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã gửi hồ sơ doanh nghiệp. Cán bộ Sở KH&CN sẽ xác nhận."))
        return redirect("enterprises:my_enterprises")


class ClaimListView(AccessRequiredMixin, ListView):
    """The officers' queue of pending claims."""

    access = permissions.MANAGE
    template_name = "enterprises/claim_list.html"
    context_object_name = "claims"
    paginate_by = 50

    def get_queryset(self):
        return selectors.claim_pending_list()

    def get_context_data(self, **kwargs):
        return super().get_context_data(decision_form=ClaimDecisionForm(), **kwargs)


class ClaimDecideView(AccessRequiredMixin, FormView):
    access = permissions.MANAGE
    form_class = ClaimDecisionForm
    template_name = "enterprises/claim_decide.html"
    success_url = reverse_lazy("enterprises:claim_list")
    http_method_names = ["get", "post"]

    def get_context_data(self, **kwargs):
        claim = get_object_or_404(
            EnterpriseRepresentative.objects.select_related("user", "enterprise"), pk=self.kwargs["pk"]
        )
        return super().get_context_data(claim=claim, **kwargs)

    def form_valid(self, form):
        claim = get_object_or_404(EnterpriseRepresentative, pk=self.kwargs["pk"])
        decide = services.claim_confirm if form.cleaned_data["decision"] == "confirm" else services.claim_reject
        try:
            claim = decide(claim=claim, by=self.request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if claim.status == RepresentativeStatus.CONFIRMED:
            messages.success(self.request, _("Đã xác nhận đại diện."))
        else:
            messages.success(self.request, _("Đã từ chối yêu cầu."))
        return redirect(self.success_url)
