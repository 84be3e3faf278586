"""Public read API of the standards repository, under /api/v1/."""

from django.urls import path

from nscl.standards import api

app_name = "api"

standard_list = api.StandardViewSet.as_view({"get": "list"})
standard_suggest = api.StandardViewSet.as_view({"get": "suggest"})
standard_detail = api.StandardViewSet.as_view({"get": "retrieve"})
ics_list = api.IcsCodeViewSet.as_view({"get": "list"})
ics_detail = api.IcsCodeViewSet.as_view({"get": "retrieve"})

urlpatterns = [
    path("standards/", standard_list, name="standard_list"),
    path("standards/suggest/", standard_suggest, name="standard_suggest"),
    path("standards/<str:pk>/", standard_detail, name="standard_detail"),
    path("ics/", ics_list, name="ics_list"),
    path("ics/<str:code>/", ics_detail, name="ics_detail"),
]
