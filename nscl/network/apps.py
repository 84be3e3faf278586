from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "nscl.network"
    label = "network"
    verbose_name = _("Chuyên gia và tổ chức đánh giá sự phù hợp")
