"""View building blocks shared by the workspace and the public directory."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from nscl.core.permissions import AccessRequiredMixin
from nscl.network import exports
from nscl.network.constants import PAGE_SIZE

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class FilteredListView(AccessRequiredMixin, ListView):
    """A list filtered by a query-string form; the selector receives the form's clean values."""

    filter_form_class: type = None  # type: ignore[assignment]
    paginate_by = PAGE_SIZE
    context_object_name = "items"

    def selector(self, **kwargs):
        raise NotImplementedError

    def get_filter_form(self):
        if not hasattr(self, "_filter_form"):
            self._filter_form = self.filter_form_class(self.request.GET or None)
        return self._filter_form

    def get_queryset(self):
        return self.selector(**self.get_filter_form().selector_kwargs())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.get_filter_form()
        context["query_string"] = self.request.GET.urlencode()
        return context


class ExportMixin:
    """``?...`` same filters as the list, answered as an Excel workbook."""

    export_title = "export"
    export_columns = None

    def get(self, request, *args, **kwargs):
        rows = self.get_queryset()
        content = exports.xlsx_bytes(title=self.export_title, columns=self.export_columns(), rows=rows.iterator(100))
        response = HttpResponse(content, content_type=XLSX)
        name = f"{self.export_title}-{timezone.localtime():%Y%m%d-%H%M}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class ServiceFormView(AccessRequiredMixin, FormView):
    """Create or edit one record through a service; the service's ValidationError lands next to fields."""

    object = None
    success_message = ""

    def get_object(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        self.object = None
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        if self.object is None:
            self.object = self.get_object()
        kwargs = super().get_form_kwargs()
        if self.object is not None:
            kwargs["instance"] = self.object
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)

    def call_service(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            saved = self.call_service(form)
        except ValidationError as error:
            problems = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
            for name, texts in problems.items():
                for text in texts:
                    form.add_error(name if name in form.fields else None, text)
            if self.object is not None and self.object.pk:
                self.object.refresh_from_db()
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu %(name)s.") % {"name": saved})
        return redirect(self.get_success_url_for(saved))

    def get_success_url_for(self, saved) -> str:
        return saved.get_absolute_url()
