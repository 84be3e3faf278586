"""The program's indicators: targets against actual values for a year or a period, one indicator's
drill-down to the records behind its value, and the officers' form to record an entered value.

Officers, board members and admins read; only officers record values (nscl/planning/permissions.py).
"""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from nscl.core.history import HistorySource, history_list
from nscl.core.permissions import AccessRequiredMixin
from nscl.planning import indicators, permissions
from nscl.planning.indicator_choices import STATUS_COLOURS, IndicatorScope, IndicatorStatusCode
from nscl.planning.indicator_forms import IndicatorEntryForm
from nscl.planning.indicator_services import indicator_entry_record
from nscl.planning.models import Indicator, IndicatorEntry, ProgramPeriod

RECORDS_PER_PAGE = 25
FIRST_YEAR, LAST_YEAR = 2000, 2100


class SpanMixin:
    """Reads ``?year=2025`` or ``?period=2021-2025``; anything else means the current year."""

    request: object

    @cached_property
    def periods(self) -> list[ProgramPeriod]:
        return list(ProgramPeriod.objects.order_by("start_year"))

    @cached_property
    def span(self) -> tuple[int | None, ProgramPeriod | None]:
        params = self.request.GET  # type: ignore[attr-defined]
        code = params.get("period", "")
        for period in self.periods:
            if period.code == code:
                return None, period
        year = params.get("year", "")
        if year.isdigit() and FIRST_YEAR <= int(year) <= LAST_YEAR:
            return int(year), None
        return timezone.localdate().year, None

    def span_context(self) -> dict:
        year, period = self.span
        today = timezone.localdate()
        first = min([p.start_year for p in self.periods] + [today.year])
        last = max([p.end_year for p in self.periods] + [today.year])
        return {
            "year": year,
            "period": period,
            "periods": self.periods,
            "years": range(last, first - 1, -1),
            "span_query": f"period={period.code}" if period else f"year={year}",
        }


class IndicatorListView(AccessRequiredMixin, SpanMixin, TemplateView):
    """Every indicator with its target and actual value, national ones first, as a traffic-light table."""

    access = permissions.READ
    template_name = "planning/indicator_list.html"

    def get_context_data(self, **kwargs):
        year, period = self.span
        rows = indicators.indicator_statuses(year=year, period=period)
        groups = [(scope.label, [r for r in rows if r.indicator.scope == scope]) for scope in IndicatorScope]
        legend = [(IndicatorStatusCode(code).label, colour) for code, colour in STATUS_COLOURS.items()]
        return super().get_context_data(
            groups=[(label, items) for label, items in groups if items],
            legend=legend,
            can_record=permissions.can_edit_plans(self.request.user),
            **self.span_context(),
            **kwargs,
        )


class IndicatorDetailView(AccessRequiredMixin, SpanMixin, TemplateView):
    """One indicator: its targets, its value for the chosen year or period, and the records behind it."""

    access = permissions.READ
    template_name = "planning/indicator_detail.html"

    @cached_property
    def indicator(self) -> Indicator:
        return get_object_or_404(Indicator, code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        year, period = self.span
        indicator = self.indicator
        row = indicators.indicator_status_get(indicator=indicator, year=year, period=period)
        records = indicators.indicator_records(indicator=indicator, year=year, period=period)
        page = Paginator(records, RECORDS_PER_PAGE).get_page(self.request.GET.get("page"))
        history = []
        if not indicator.is_computed:
            entries = IndicatorEntry.history.filter(indicator_id=indicator.pk)
            source = HistorySource(entries, str(IndicatorEntry._meta.verbose_name), ("year",))
            history = history_list(sources=[source], limit=30)
        return super().get_context_data(
            indicator=indicator,
            row=row,
            targets=indicator.targets.select_related("period").order_by("period__start_year", "year"),
            page_obj=page,
            is_paginated=page.has_other_pages(),
            history=history,
            can_record=not indicator.is_computed and permissions.can_edit_plans(self.request.user),
            **self.span_context(),
            **kwargs,
        )


class IndicatorEntryCreateView(AccessRequiredMixin, FormView):
    """Record (or correct) an entered indicator's value for one year, with the document it comes from."""

    access = permissions.EDIT
    form_class = IndicatorEntryForm
    template_name = "planning/indicator_entry_form.html"

    @cached_property
    def indicator(self) -> Indicator:
        indicator = get_object_or_404(Indicator, code=self.kwargs["code"])
        if indicator.is_computed:
            raise Http404  # a computed indicator has no values to type in
        return indicator

    def get_initial(self):
        year = self.request.GET.get("year", "")
        return {"year": int(year) if year.isdigit() else timezone.localdate().year - 1}

    def get_context_data(self, **kwargs):
        return super().get_context_data(indicator=self.indicator, **kwargs)

    def form_valid(self, form):
        try:
            entry = indicator_entry_record(indicator=self.indicator, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            problems = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
            for name, texts in problems.items():
                for text in texts:
                    form.add_error(name if name in form.fields else None, text)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã ghi số liệu năm %(year)s.") % {"year": entry.year})
        return redirect(f"{self.indicator.get_absolute_url()}?year={entry.year}")
