"""Public read API of the network (experts, conformity bodies), under /api/v1/: public fields for anonymous readers."""

from django.urls import path

from nscl.network import api

app_name = "network_public_api"

expert_list = api.ExpertViewSet.as_view({"get": "list"})
expert_detail = api.ExpertViewSet.as_view({"get": "retrieve"})
body_list = api.BodyViewSet.as_view({"get": "list"})
body_detail = api.BodyViewSet.as_view({"get": "retrieve"})

urlpatterns = [
    path("network/experts/", expert_list, name="expert_list"),
    path("network/experts/<int:pk>/", expert_detail, name="expert_detail"),
    path("network/bodies/", body_list, name="body_list"),
    path("network/bodies/<int:pk>/", body_detail, name="body_detail"),
]
