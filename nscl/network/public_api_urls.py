"""Public read API of the network (experts, conformity bodies), under /api/v1/.

Not yet included by config/urls.py: the guard test must first list the names as public. Wiring:
    path("api/v1/", include("nscl.network.public_api_urls")),
and add "network_public_api:expert_list", "network_public_api:expert_detail",
"network_public_api:body_list", "network_public_api:body_detail" to PUBLIC in tests/test_project.py.
"""

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
