"""The project's URLs plus the network's public routes, which config/urls.py does not include yet."""

from django.urls import include, path

from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path("api/v1/", include("nscl.network.public_api_urls")),
    path("mang-luoi/danh-ba/", include("nscl.network.public_urls")),
    *project_urlpatterns,
]
