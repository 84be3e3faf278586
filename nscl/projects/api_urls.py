"""Read and write API of the projects app, under /api/v1/."""

from django.urls import path

from nscl.projects import api

app_name = "projects_api"

urlpatterns = [
    path("support-types/", api.SupportTypeViewSet.as_view({"get": "list"}), name="support_type_list"),
    path("projects/", api.ProjectViewSet.as_view({"get": "list"}), name="project_list"),
    path("projects/<int:pk>/", api.ProjectViewSet.as_view({"get": "retrieve"}), name="project_detail"),
    path(
        "projects/<int:pk>/transitions/<slug:verb>/",
        api.ProjectTransitionApi.as_view(),
        name="project_transition",
    ),
]
