"""Public pages of the standards repository (search, detail, ICS) and following."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import ListView, TemplateView

from nscl.core.permissions import AccessRequiredMixin
from nscl.standards import permissions, selectors, services
from nscl.standards.constants import SUGGEST_LIMIT
from nscl.standards.forms import StandardSearchForm
from nscl.standards.models import Follow, IcsCode, Standard
from nscl.standards.search import Filters, SearchQuery, get_backend
from nscl.standards.workspace_views import WorkspaceView  # noqa: F401  (routed from urls.py)


def run_search(query: SearchQuery) -> dict:
    """Search, then load the page's records and the facet labels: a fixed number of queries."""
    result = get_backend().search(query)
    return {
        "result": result,
        "standards": selectors.standards_by_ids(result.ids),
        "facets": selectors.facets_labelled(result.facets),
        "page_numbers": _page_window(result.page, result.num_pages),
    }


def _page_window(page: int, num_pages: int, width: int = 2) -> list[int | None]:
    """Page numbers around the current page, with None where numbers are skipped."""
    pages = sorted({1, num_pages, *range(max(1, page - width), min(num_pages, page + width) + 1)})
    window: list[int | None] = []
    for n in pages:
        if window and n - (window[-1] or 0) > 1:
            window.append(None)
        window.append(n)
    return window


class StandardSearchView(AccessRequiredMixin, TemplateView):
    """Search with facets; HTMX requests get only the results fragment, the URL keeps the query."""

    access = permissions.SEARCH
    template_name = "standards/standard_search.html"

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["standards/partials/_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = StandardSearchForm(self.request.GET or None)
        query = form.to_query()
        context.update(run_search(query))
        context.update({"form": form, "query": query, "has_filters": bool(query.filters)})
        context["can_export"] = permissions.EXPORT and self.request.user.is_authenticated
        return context


class StandardSuggestView(AccessRequiredMixin, View):
    """Search-as-you-type: a short list of matching numbers and titles (an HTML fragment)."""

    access = permissions.SEARCH

    def get(self, request, *args, **kwargs):
        from django.shortcuts import render

        text = (request.GET.get("q") or "")[:200]
        ids = get_backend().suggest(text, limit=SUGGEST_LIMIT) if text.strip() else []
        items = list(Standard.objects.filter(id__in=ids).only("id", "code", "title_vi", "title_en", "status"))
        items.sort(key=lambda s: ids.index(s.pk))
        return render(request, "standards/partials/_suggestions.html", {"items": items, "q": text})


class StandardDetailView(AccessRequiredMixin, TemplateView):
    access = permissions.READ
    template_name = "standards/standard_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            standard = selectors.standard_get(self.kwargs["pk"])
        except Standard.DoesNotExist as exc:
            raise Http404 from exc
        older, newer = selectors.standard_chain(standard)
        primary_ics = next(iter(standard.ics_codes.all()), None)
        context.update(
            {
                "standard": standard,
                "older": older,
                "newer": newer,
                "primary_ics": primary_ics,
                "status_changes": list(standard.status_changes.all()),
                "follow": selectors.follow_state(self.request.user, standard=standard),
                "can_manage": permissions.can_manage_standards(self.request.user),
            }
        )
        if context["can_manage"]:
            context["history"] = selectors.standard_history(standard)
        return context


class IcsBrowseView(AccessRequiredMixin, TemplateView):
    access = permissions.READ
    template_name = "standards/ics_browse.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["codes"] = selectors.ics_children_with_counts(None)
        return context


class IcsDetailView(AccessRequiredMixin, TemplateView):
    """One ICS code: its place in the tree, the codes below it, and the standards under it."""

    access = permissions.READ
    template_name = "standards/ics_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ics = get_object_or_404(IcsCode.objects.select_related("parent__parent"), code=self.kwargs["code"])
        form = StandardSearchForm(self.request.GET or None)
        query = form.to_query()
        query = SearchQuery(text=query.text, filters=Filters(ics=ics.code), page=query.page)
        context.update(run_search(query))
        context.update(
            {
                "ics": ics,
                "ancestors": [a for a in (ics.parent.parent if ics.parent else None, ics.parent) if a],
                "children": selectors.ics_children_with_counts(ics),
                "follow": selectors.follow_state(self.request.user, ics_code=ics),
            }
        )
        return context


class _FollowToggleView(AccessRequiredMixin, View):
    access = permissions.FOLLOW

    def target(self) -> dict:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        target = self.target()
        existing = Follow.objects.filter(user=request.user, **target).first()
        if existing:
            services.follow_delete(user=request.user, follow_id=existing.pk)
            messages.info(request, _("Đã bỏ theo dõi."))
        else:
            services.follow_create(user=request.user, **target)
            messages.success(
                request, _("Đã theo dõi. Bạn sẽ nhận thông báo trong hệ thống và qua e-mail khi có thay đổi.")
            )
        obj = next(iter(target.values()))
        return redirect(obj.get_absolute_url())


class StandardFollowView(_FollowToggleView):
    def target(self) -> dict:
        return {"standard": get_object_or_404(Standard, pk=self.kwargs["pk"])}


class IcsFollowView(_FollowToggleView):
    def target(self) -> dict:
        return {"ics_code": get_object_or_404(IcsCode, code=self.kwargs["code"])}


class FollowListView(AccessRequiredMixin, ListView):
    access = permissions.FOLLOW
    template_name = "standards/follow_list.html"

    def get_queryset(self):
        return selectors.follow_list(self.request.user)


class FollowDeleteView(AccessRequiredMixin, View):
    access = permissions.FOLLOW

    def post(self, request, *args, **kwargs):
        if not services.follow_delete(user=request.user, follow_id=self.kwargs["pk"]):
            raise Http404
        messages.info(request, _("Đã bỏ theo dõi."))
        return redirect("standards:follow_list")
