"""Read API of the network for the workspace roles, under /api/v1/."""

from django.urls import path

from nscl.network import api

app_name = "network_api"

organisation_list = api.OrganisationViewSet.as_view({"get": "list"})
organisation_detail = api.OrganisationViewSet.as_view({"get": "retrieve"})

urlpatterns = [
    path("network/organisations/", organisation_list, name="organisation_list"),
    path("network/organisations/<int:pk>/", organisation_detail, name="organisation_detail"),
]
