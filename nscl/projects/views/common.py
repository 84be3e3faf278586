"""Shared pieces of the projects pages: how a write's refusal becomes a message, never a 500."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.views import View

from nscl.core.permissions import AccessRequiredMixin
from nscl.projects import permissions, selectors


def refusal_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error.args[0]) if error.args else ""


class ProjectWriteView(AccessRequiredMixin, View):
    """A POST that calls one service on a visible project, then goes back to its page.

    Subclasses set ``form_class`` and implement ``perform(project, data)``. Outside the user's
    scope the project is a 404; a refusal by the service becomes an error message.
    """

    access = permissions.READ
    http_method_names = ["post"]
    form_class = None
    success_message = ""

    def post(self, request, pk, **kwargs):
        project = selectors.project_get(user=request.user, pk=pk)
        form = self.form_class(request.POST, request.FILES) if self.form_class else None
        if form is not None and not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
            return redirect(project)
        try:
            self.perform(project, form.cleaned_data if form else {}, **kwargs)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, refusal_text(error))
        else:
            if self.success_message:
                messages.success(request, self.success_message)
        return redirect(project)

    def perform(self, project, data, **kwargs):  # pragma: no cover - subclasses say
        raise NotImplementedError
