"""Read and write API of the network app, under /api/v1/."""

from django.urls import path  # noqa: F401

app_name = "network_api"

urlpatterns: list = []
