"""The site search page: every kind of public content for one query, grouped by type."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from nscl.core.permissions import PUBLIC, AccessRequiredMixin
from nscl.portal.search import site_search


class SiteSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm trên cổng thông tin"), max_length=200, required=False)


class SiteSearchView(AccessRequiredMixin, TemplateView):
    access = PUBLIC
    template_name = "portal/search.html"

    def get_context_data(self, **kwargs):
        form = SiteSearchForm(self.request.GET or None)
        text = form.cleaned_data["q"].strip() if form.is_valid() else ""
        groups = site_search(text) if text else []
        return super().get_context_data(form=form, q=text, groups=groups, **kwargs)
