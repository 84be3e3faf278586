"""The public directory (anyone may read): conformity bodies and experts, public fields only.

Not yet included by config/urls.py: the project guard test (tests/test_project.py) must first list
these route names as public. Wiring, for the lead:
    path("mang-luoi/danh-ba/", include("nscl.network.public_urls")),   # inside i18n_patterns
and add "network_directory:body_list", "network_directory:body_detail",
"network_directory:expert_list", "network_directory:expert_detail" to PUBLIC.
"""

from django.urls import path

from nscl.network import views

app_name = "network_directory"

urlpatterns = [
    path("to-chuc-danh-gia/", views.DirectoryBodyListView.as_view(), name="body_list"),
    path("to-chuc-danh-gia/<int:pk>/", views.DirectoryBodyDetailView.as_view(), name="body_detail"),
    path("chuyen-gia/", views.DirectoryExpertListView.as_view(), name="expert_list"),
    path("chuyen-gia/<int:pk>/", views.DirectoryExpertDetailView.as_view(), name="expert_detail"),
]
