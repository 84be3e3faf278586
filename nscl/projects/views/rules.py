"""The support rules (share and ceiling by group): the list for officers and the board, and the
officers' form to add a rule or change one. Every change is a version in the rule's history."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from nscl.core.formatting import format_number
from nscl.core.permissions import AccessRequiredMixin
from nscl.projects import permissions, selectors, services
from nscl.projects.forms import SupportRuleForm
from nscl.projects.models import SupportRule


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or above the form)."""
    problems = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    for name, texts in problems.items():
        for text in texts:
            form.add_error(name if name in form.fields else None, text)


class SupportRuleListView(AccessRequiredMixin, TemplateView):
    """Every group with its rules, the ones in force today marked, and the latest changes."""

    access = permissions.READ_RULES
    template_name = "projects/supportrule_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            today=today,
            groups=selectors.support_rule_groups(today=today),
            history=selectors.support_rule_history(),
            can_manage=permissions.can_manage_rules(self.request.user),
            **kwargs,
        )


class SupportRuleCreateView(AccessRequiredMixin, FormView):
    access = permissions.MANAGE_RULES
    form_class = SupportRuleForm
    template_name = "projects/supportrule_form.html"
    success_message = _("Đã thêm quy định mức hỗ trợ.")

    @cached_property
    def rule(self) -> SupportRule | None:
        return None

    def get_context_data(self, **kwargs):
        return super().get_context_data(rule=self.rule, **kwargs)

    def form_valid(self, form):
        try:
            services.support_rule_save(rule=self.rule, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(reverse("projects:support_rule_list"))


class SupportRuleUpdateView(SupportRuleCreateView):
    success_message = _("Đã lưu quy định mức hỗ trợ.")

    @cached_property
    def rule(self) -> SupportRule:
        return get_object_or_404(SupportRule, pk=self.kwargs["pk"])

    def get_initial(self):
        rule = self.rule
        return {
            "group": rule.group,
            "share_percent": rule.share_percent,
            "ceiling": format_number(rule.ceiling),
            "valid_from": rule.valid_from,
            "valid_to": rule.valid_to,
            "source": rule.source,
        }
