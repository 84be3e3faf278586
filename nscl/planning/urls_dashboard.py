"""Routes of the steering dashboard (included by nscl/planning/urls.py)."""

from django.urls import path

from nscl.planning.views import dashboard

urlpatterns: list = [
    path("tong-quan/", dashboard.DashboardView.as_view(), name="dashboard"),
]
