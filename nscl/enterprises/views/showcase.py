"""Key products and model enterprises: workspace pages and the public showcase."""

from django.http import Http404
from django.views.generic import DetailView, ListView

from nscl.core.permissions import AccessRequiredMixin
from nscl.enterprises import permissions, selectors
from nscl.enterprises.showcase_forms import ModelEnterprisePhotoForm


class CanManageMixin:
    def get_context_data(self, **kwargs):
        return super().get_context_data(can_manage=permissions.can_manage(self.request.user), **kwargs)


class KeyProductListView(AccessRequiredMixin, CanManageMixin, ListView):
    access = permissions.SHOWCASE_READ
    template_name = "enterprises/keyproduct_list.html"
    context_object_name = "products"

    def get_queryset(self):
        return selectors.key_product_list()


class KeyProductDetailView(AccessRequiredMixin, CanManageMixin, DetailView):
    access = permissions.SHOWCASE_READ
    template_name = "enterprises/keyproduct_detail.html"
    context_object_name = "product"
    slug_field = "slug"

    def get_queryset(self):
        return selectors.key_product_list()


class ModelEnterpriseListView(AccessRequiredMixin, CanManageMixin, ListView):
    """Every model enterprise, public or not (workspace)."""

    access = permissions.SHOWCASE_READ
    template_name = "enterprises/modelenterprise_list.html"
    context_object_name = "models"
    public = False

    def get_queryset(self):
        return selectors.model_enterprise_list(public_only=self.public)

    def get_context_data(self, **kwargs):
        return super().get_context_data(public=self.public, **kwargs)


class ModelEnterpriseDetailView(AccessRequiredMixin, CanManageMixin, DetailView):
    """One model enterprise with its replications and photos; officers get the photo form and delete buttons."""

    access = permissions.SHOWCASE_READ
    template_name = "enterprises/modelenterprise_detail.html"
    context_object_name = "record"
    public = False

    def get_queryset(self):
        return selectors.model_enterprise_list(public_only=self.public).prefetch_related("photos")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(public=self.public, **kwargs)
        if context["can_manage"] and not self.public:
            context["photo_form"] = ModelEnterprisePhotoForm()
        return context


class ModelShowcaseListView(ModelEnterpriseListView):
    """The public showcase: public records only, public fields only (name, commune, sector, what and results)."""

    access = permissions.PUBLIC_SHOWCASE
    public = True


class ModelShowcaseDetailView(ModelEnterpriseDetailView):
    access = permissions.PUBLIC_SHOWCASE
    public = True

    def get_object(self, queryset=None):
        record = super().get_object(queryset)
        if not record.is_public:  # pragma: no cover - the queryset already excludes it
            raise Http404
        return record
