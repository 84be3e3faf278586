"""Read API of the enterprises app, under /api/v1/."""

from django.urls import path

from nscl.enterprises import api

app_name = "enterprises_api"

enterprise_list = api.EnterpriseViewSet.as_view({"get": "list"})
enterprise_detail = api.EnterpriseViewSet.as_view({"get": "retrieve"})
key_product_list = api.KeyProductViewSet.as_view({"get": "list"})
key_product_detail = api.KeyProductViewSet.as_view({"get": "retrieve"})

urlpatterns = [
    path("enterprises/", enterprise_list, name="enterprise_list"),
    path("enterprises/<str:pk>/", enterprise_detail, name="enterprise_detail"),
    path("key-products/", key_product_list, name="key_product_list"),
    path("key-products/<str:slug>/", key_product_detail, name="key_product_detail"),
]
