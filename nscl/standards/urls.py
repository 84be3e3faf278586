from django.urls import path

from nscl.standards import views, workspace_views

app_name = "standards"
urlpatterns = [
    path("", views.StandardSearchView.as_view(), name="standard_search"),
    path("goi-y/", views.StandardSuggestView.as_view(), name="standard_suggest"),
    path("<int:pk>/", views.StandardDetailView.as_view(), name="standard_detail"),
    path("<int:pk>/theo-doi/", views.StandardFollowView.as_view(), name="standard_follow"),
    path("ics/", views.IcsBrowseView.as_view(), name="ics_browse"),
    path("ics/<str:code>/", views.IcsDetailView.as_view(), name="ics_detail"),
    path("ics/<str:code>/theo-doi/", views.IcsFollowView.as_view(), name="ics_follow"),
    path("theo-doi/", views.FollowListView.as_view(), name="follow_list"),
    path("theo-doi/<int:pk>/bo/", views.FollowDeleteView.as_view(), name="follow_delete"),
    path("quan-ly/", views.WorkspaceView.as_view(), name="workspace"),
    path("quan-ly/nhap/", workspace_views.ImportCreateView.as_view(), name="import_create"),
    path("quan-ly/nhap/<int:pk>/", workspace_views.ImportDetailView.as_view(), name="import_detail"),
    path("quan-ly/nhap/<int:pk>/tien-do/", workspace_views.ImportProgressView.as_view(), name="import_progress"),
    path("quan-ly/nhap/<int:pk>/loi.csv", workspace_views.ImportErrorsView.as_view(), name="import_errors"),
    path("quan-ly/mau-nhap.csv", workspace_views.ImportTemplateView.as_view(), name="import_template"),
    path("quan-ly/them/", workspace_views.StandardCreateView.as_view(), name="standard_create"),
    path("quan-ly/<int:pk>/sua/", workspace_views.StandardUpdateView.as_view(), name="standard_edit"),
    path("xuat.<str:fmt>", workspace_views.StandardExportView.as_view(), name="standard_export"),  # csv, xlsx
]
