"""The site search page: every kind of public content for one query, grouped by type."""

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from nscl.core.permissions import PUBLIC, AccessRequiredMixin
from nscl.portal.search import LABELS, portal_matches, site_search

PAGE_SIZE = 20


class SiteSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm trên cổng thông tin"), max_length=200, required=False)
    type = forms.ChoiceField(choices=[("", "")] + list(LABELS.items()), required=False)


class SiteSearchView(AccessRequiredMixin, TemplateView):
    access = PUBLIC
    template_name = "portal/search.html"

    def get_context_data(self, **kwargs):
        form = SiteSearchForm(self.request.GET or None)
        valid = form.is_valid()
        text = form.cleaned_data["q"].strip() if valid else ""
        kind = form.cleaned_data["type"] if valid else ""
        if text and kind:  # one kind, every match, a page at a time
            page = Paginator(portal_matches(kind, text), PAGE_SIZE).get_page(self.request.GET.get("page"))
            return super().get_context_data(form=form, q=text, kind=kind, label=LABELS[kind], page=page, **kwargs)
        groups = site_search(text) if text else []
        return super().get_context_data(form=form, q=text, groups=groups, **kwargs)
