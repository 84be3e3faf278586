"""Shared pieces of the planning pages: a service's refusal lands on the form, next to its field."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form


def add_service_error(form: Form, error: ValidationError | PermissionDenied) -> None:
    """Put a service's refusal on the form: a field's message next to that field, the rest on top."""
    if isinstance(error, PermissionDenied):
        form.add_error(None, str(error.args[0]) if error.args else "")
        return
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return
    form.add_error(None, error.messages)
