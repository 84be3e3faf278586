from django.urls import path

from nscl.standards import views

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
]
