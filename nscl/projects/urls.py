from django.urls import path

from nscl.projects.views import exports, inspections, parts, projects, rules

app_name = "projects"
urlpatterns = [
    path("", projects.ProjectMineView.as_view(), name="project_mine"),
    path("quan-ly/", projects.ProjectPipelineView.as_view(), name="project_pipeline"),
    path("xuat.xlsx", exports.ProjectExportView.as_view(), name="project_export"),
    path("them/", projects.ProjectCreateView.as_view(), name="project_create"),
    path("<int:pk>/", projects.ProjectDetailView.as_view(), name="project_detail"),
    path("<int:pk>/sua/", projects.ProjectUpdateView.as_view(), name="project_edit"),
    path("<int:pk>/chuyen/<slug:verb>/", projects.ProjectTransitionView.as_view(), name="project_transition"),
    path("<int:pk>/du-toan/", parts.BudgetLineAddView.as_view(), name="budget_line_add"),
    path("<int:pk>/du-toan/<int:line_pk>/xoa/", parts.BudgetLineDeleteView.as_view(), name="budget_line_delete"),
    path("<int:pk>/moc/", parts.MilestoneAddView.as_view(), name="milestone_add"),
    path("<int:pk>/moc/<int:milestone_pk>/xong/", parts.MilestoneDoneView.as_view(), name="milestone_done"),
    path("<int:pk>/chi-so/", parts.IndicatorSetView.as_view(), name="indicator_set"),
    path("<int:pk>/tai-lieu/", parts.DocumentUploadView.as_view(), name="document_upload"),
    path("<int:pk>/tai-lieu/<int:document_pk>/", parts.DocumentDownloadView.as_view(), name="document_download"),
    path("<int:pk>/kiem-tra/", inspections.InspectionCreateView.as_view(), name="inspection_create"),
    path("quy-dinh-ho-tro/", rules.SupportRuleListView.as_view(), name="support_rule_list"),
    path("quy-dinh-ho-tro/them/", rules.SupportRuleCreateView.as_view(), name="support_rule_create"),
    path("quy-dinh-ho-tro/<int:pk>/sua/", rules.SupportRuleUpdateView.as_view(), name="support_rule_edit"),
    path("kiem-tra/", inspections.InspectionListView.as_view(), name="inspection_list"),
    path("kiem-tra/xuat.xlsx", exports.InspectionExportView.as_view(), name="inspection_export"),
    path("kiem-tra/<int:pk>/", inspections.InspectionDetailView.as_view(), name="inspection_detail"),
    path("kiem-tra/<int:pk>/phat-hien/", inspections.FindingAddView.as_view(), name="finding_add"),
    path("kiem-tra/<int:pk>/ket-luan/", inspections.InspectionConcludeView.as_view(), name="inspection_conclude"),
    path("kiem-tra/<int:pk>/huy/", inspections.InspectionCancelView.as_view(), name="inspection_cancel"),
    path(
        "kiem-tra/<int:pk>/hanh-dong/<int:action_pk>/dong/",
        inspections.ActionCloseView.as_view(),
        name="corrective_action_close",
    ),
]
