from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from nscl.core.permissions import PublicReadOnly
from nscl.portal.sitemaps import SITEMAPS

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/schema/", SpectacularAPIView.as_view(permission_classes=[PublicReadOnly]), name="api-schema"),
    path(
        "api/docs/",
        SpectacularSwaggerView.as_view(url_name="api-schema", permission_classes=[PublicReadOnly]),
        name="api-docs",
    ),
    path("api/v1/", include("nscl.standards.api_urls")),
    path("api/v1/", include("nscl.enterprises.api_urls")),
    path("api/v1/", include("nscl.network.api_urls")),
    path("api/v1/", include("nscl.network.public_api_urls")),
    path("api/v1/", include("nscl.projects.api_urls")),
    # the public portal's pages for search engines: published articles only (nscl/portal/sitemaps.py)
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("tai-khoan/", include("nscl.accounts.urls")),
    path("tieu-chuan/", include("nscl.standards.urls")),
    path("doanh-nghiep/", include("nscl.enterprises.urls")),
    path("mang-luoi/danh-ba/", include("nscl.network.public_urls")),
    path("mang-luoi/", include("nscl.network.urls")),
    path("du-an/", include("nscl.projects.urls")),
    path("ke-hoach/", include("nscl.planning.urls")),
    path("", include("nscl.portal.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
