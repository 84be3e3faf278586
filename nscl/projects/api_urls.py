"""Read and write API of the projects app, under /api/v1/."""

from django.urls import path  # noqa: F401

app_name = "projects_api"

urlpatterns: list = []
