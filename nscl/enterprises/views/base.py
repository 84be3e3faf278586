"""Helpers shared by the registry's views."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import FormView

from nscl.core.permissions import AccessRequiredMixin
from nscl.enterprises import selectors
from nscl.enterprises.models import Enterprise


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or above the form)."""
    problems = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    for name, texts in problems.items():
        for message in texts:
            form.add_error(name if name in form.fields else None, message)


class EditableEnterpriseMixin:
    """The enterprise named by the URL, if the user may edit it (staff, or its confirmed representative)."""

    pk_url_kwarg = "pk"

    @cached_property
    def enterprise(self) -> Enterprise:
        try:
            return selectors.enterprise_editable_get(user=self.request.user, pk=self.kwargs[self.pk_url_kwarg])
        except Enterprise.DoesNotExist as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        return super().get_context_data(enterprise=self.enterprise, **kwargs)


class ServiceFormView(AccessRequiredMixin, FormView):
    """Create or edit one record through a service.

    ``record`` is None when creating (an edit view overrides it with the record from the URL); the
    form is bound to it and the template gets it as ``record_context_name``. A service's
    ValidationError lands next to the fields it names; success shows a message and redirects.
    """

    record_context_name = "record"

    @cached_property
    def record(self):
        return None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.record}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**{self.record_context_name: self.record}, **kwargs)

    def save(self, form):
        """Call the service; return what it saved."""
        raise NotImplementedError

    def succeeded(self, form, saved) -> tuple[str, str]:
        """The message to show and the URL to go to."""
        raise NotImplementedError

    def form_valid(self, form):
        try:
            saved = self.save(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        message, url = self.succeeded(form, saved)
        messages.success(self.request, message)
        return redirect(url)
