"""Routes of the program's indicators and targets (included by nscl/planning/urls.py)."""

from django.urls import path

from nscl.planning.views import indicators as views

urlpatterns: list = [
    path("chi-tieu/", views.IndicatorListView.as_view(), name="indicator_list"),
    path("chi-tieu/<str:code>/", views.IndicatorDetailView.as_view(), name="indicator_detail"),
    path("chi-tieu/<str:code>/nhap/", views.IndicatorEntryCreateView.as_view(), name="indicator_entry_create"),
]
