"""The officers' workspace of the network and an expert's own profile, under /mang-luoi/."""

from django.urls import path

from nscl.network import views, workspace_bodies, workspace_views

app_name = "network"

urlpatterns = [
    # experts
    path("chuyen-gia/", workspace_views.ExpertListView.as_view(), name="expert_list"),
    path("chuyen-gia/xuat.xlsx", workspace_views.ExpertExportView.as_view(), name="expert_export"),
    path("chuyen-gia/them/", workspace_views.ExpertCreateView.as_view(), name="expert_create"),
    path("chuyen-gia/<int:pk>/", workspace_views.ExpertDetailView.as_view(), name="expert_detail"),
    path("chuyen-gia/<int:pk>/sua/", workspace_views.ExpertUpdateView.as_view(), name="expert_edit"),
    path(
        "chuyen-gia/<int:pk>/chung-chi/them/",
        workspace_views.QualificationCreateView.as_view(),
        name="qualification_create",
    ),
    path("chung-chi/<int:pk>/xoa/", workspace_views.QualificationDeleteView.as_view(), name="qualification_delete"),
    path("ho-so-chuyen-gia/", views.ExpertSelfUpdateView.as_view(), name="expert_self"),
    # consulting organisations
    path("to-chuc-tu-van/", workspace_bodies.OrganisationListView.as_view(), name="organisation_list"),
    path("to-chuc-tu-van/xuat.xlsx", workspace_bodies.OrganisationExportView.as_view(), name="organisation_export"),
    path("to-chuc-tu-van/them/", workspace_bodies.OrganisationCreateView.as_view(), name="organisation_create"),
    path("to-chuc-tu-van/<int:pk>/", workspace_bodies.OrganisationDetailView.as_view(), name="organisation_detail"),
    path("to-chuc-tu-van/<int:pk>/sua/", workspace_bodies.OrganisationUpdateView.as_view(), name="organisation_edit"),
    # conformity assessment bodies
    path("to-chuc-danh-gia/", workspace_bodies.BodyListView.as_view(), name="body_list"),
    path("to-chuc-danh-gia/xuat.xlsx", workspace_bodies.BodyExportView.as_view(), name="body_export"),
    path("to-chuc-danh-gia/them/", workspace_bodies.BodyCreateView.as_view(), name="body_create"),
    path("to-chuc-danh-gia/<int:pk>/", workspace_bodies.BodyDetailView.as_view(), name="body_detail"),
    path("to-chuc-danh-gia/<int:pk>/sua/", workspace_bodies.BodyUpdateView.as_view(), name="body_edit"),
]
