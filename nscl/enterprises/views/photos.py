"""Officers add photos to a model enterprise and remove them; the public showcase shows them."""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from nscl.core.permissions import AccessRequiredMixin
from nscl.enterprises import permissions, services
from nscl.enterprises.models import ModelEnterprise, ModelEnterprisePhoto
from nscl.enterprises.showcase_forms import ModelEnterprisePhotoForm
from nscl.enterprises.views.base import ServiceFormView


class ModelEnterprisePhotoCreateView(ServiceFormView):
    """The upload form; the model enterprise's page carries it too, and an error comes back here."""

    access = permissions.MANAGE
    form_class = ModelEnterprisePhotoForm
    template_name = "enterprises/modelenterprisephoto_form.html"

    @cached_property
    def record(self) -> ModelEnterprise:
        return get_object_or_404(ModelEnterprise.objects.select_related("enterprise"), pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance")  # a plain form: the record is the photo's model enterprise
        return kwargs

    def save(self, form):
        return services.model_enterprise_photo_add(
            by=self.request.user, model_enterprise=self.record, **form.cleaned_data
        )

    def succeeded(self, form, saved):
        return _("Đã thêm ảnh."), self.record.get_absolute_url() + "#photos"


class ModelEnterprisePhotoDeleteView(AccessRequiredMixin, View):
    """POST only: removes one photo of the model enterprise named by the URL."""

    access = permissions.MANAGE
    http_method_names = ["post"]

    def post(self, request, pk: int, photo_pk: int):
        photo = get_object_or_404(
            ModelEnterprisePhoto.objects.select_related("model_enterprise"), pk=photo_pk, model_enterprise_id=pk
        )
        services.model_enterprise_photo_delete(by=request.user, photo=photo)
        messages.success(request, _("Đã xóa ảnh."))
        return redirect(photo.model_enterprise.get_absolute_url() + "#photos")
