"""Helpers shared by the registry's views."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.http import Http404

from nscl.enterprises import selectors
from nscl.enterprises.models import Enterprise


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or above the form)."""
    problems = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    for name, messages in problems.items():
        for message in messages:
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
