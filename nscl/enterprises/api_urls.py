"""Read and write API of the enterprises app, under /api/v1/."""

from django.urls import path  # noqa: F401

app_name = "enterprises_api"

urlpatterns: list = []
