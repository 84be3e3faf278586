"""The public directory (anyone may read): conformity bodies and experts, public fields only."""

from django.urls import path

from nscl.network import views

app_name = "network_directory"

urlpatterns = [
    path("to-chuc-danh-gia/", views.DirectoryBodyListView.as_view(), name="body_list"),
    path("to-chuc-danh-gia/<int:pk>/", views.DirectoryBodyDetailView.as_view(), name="body_detail"),
    path("chuyen-gia/", views.DirectoryExpertListView.as_view(), name="expert_list"),
    path("chuyen-gia/<int:pk>/", views.DirectoryExpertDetailView.as_view(), name="expert_detail"),
]
