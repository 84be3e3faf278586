"""The steering dashboard: targets against actuals, budget execution, the project pipeline, the enterprises
reached by commune and the trends over the years, for one year (``?year=``; default: the latest year with
an approved plan). Officers, board members and administrators read it."""

import re

from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from nscl.core.permissions import AccessRequiredMixin
from nscl.planning import dashboard, permissions


class YearError(ValueError):
    """The ``year`` parameter is not a year the dashboard can show."""


def parse_year(raw: str | None) -> int | None:
    """None when absent or blank; an int within the dashboard's range; YearError otherwise."""
    raw = (raw or "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"[0-9]{1,4}", raw):
        raise YearError(_("“%(value)s” không phải là một năm. Hãy chọn năm trong danh sách.") % {"value": raw[:20]})
    year = int(raw)
    if not dashboard.FIRST_YEAR <= year <= dashboard.LAST_YEAR:
        raise YearError(
            _("Năm %(year)s nằm ngoài khoảng %(first)s–%(last)s.")
            % {"year": year, "first": dashboard.FIRST_YEAR, "last": dashboard.LAST_YEAR}
        )
    return year


def chart_data(board: dashboard.Dashboard) -> dict:
    """What dashboard.js draws (numbers only; the labels of the series come from the page's own text)."""
    return {
        "trend": {
            "labels": [str(t.year) for t in board.trends],
            "planned": [t.planned for t in board.trends],
            "disbursed": [t.disbursed for t in board.trends],
            "accepted": [t.accepted for t in board.trends],
        },
        "areas": {
            "labels": [r.name for r in board.by_area],
            "planned": [r.planned for r in board.by_area],
            "disbursed": [r.disbursed for r in board.by_area],
        },
    }


class DashboardView(AccessRequiredMixin, TemplateView):
    access = permissions.READ
    template_name = "planning/dashboard.html"

    def get(self, request, *args, **kwargs):
        try:
            year = parse_year(request.GET.get("year"))
        except YearError as error:
            years = dashboard.approved_years()
            context = self.get_context_data(error=str(error), years=years, year=None)
            return self.render_to_response(context, status=400)
        board = dashboard.dashboard_get(year=year)
        context = self.get_context_data(
            board=board,
            year=board.year,
            years=board.years,
            tiles=dashboard.commune_tiles(board.communes),
            charts=chart_data(board),
            labels={
                "planned": _("Kế hoạch"),
                "disbursed": _("Đã giải ngân"),
                "accepted": _("Dự án đã nghiệm thu"),
            },
        )
        return self.render_to_response(context)
