from django.urls import path

from nscl.planning import urls_dashboard, urls_indicators
from nscl.planning.views import exports, plans, tasks

app_name = "planning"
urlpatterns = [
    *urls_dashboard.urlpatterns,
    *urls_indicators.urlpatterns,
    path("", plans.PlanListView.as_view(), name="plan_list"),
    path("them/", plans.PlanCreateView.as_view(), name="plan_create"),
    path("<int:pk>/", plans.PlanDetailView.as_view(), name="plan_detail"),
    path("<int:pk>/chuyen/<slug:verb>/", plans.PlanTransitionView.as_view(), name="plan_transition"),
    path("<int:pk>/dieu-chinh/", plans.PlanDiffView.as_view(), name="plan_diff"),
    path("<int:pk>/xuat.xlsx", exports.PlanExportView.as_view(), name="plan_export"),
    path("tai-lieu/<slug:kind>/<int:record_pk>/", tasks.ExecutionDocumentView.as_view(), name="execution_document"),
    path("<int:pk>/nhiem-vu/them/", tasks.TaskCreateView.as_view(), name="task_create"),
    path("<int:pk>/nhiem-vu/<int:task_pk>/", tasks.TaskDetailView.as_view(), name="task_detail"),
    path("<int:pk>/nhiem-vu/<int:task_pk>/sua/", tasks.TaskUpdateView.as_view(), name="task_edit"),
    path("<int:pk>/nhiem-vu/<int:task_pk>/du-toan/", tasks.BudgetLineAddView.as_view(), name="line_add"),
    path(
        "<int:pk>/nhiem-vu/<int:task_pk>/du-toan/<int:line_pk>/sua/",
        tasks.BudgetLineUpdateView.as_view(),
        name="line_edit",
    ),
    path(
        "<int:pk>/nhiem-vu/<int:task_pk>/du-toan/<int:line_pk>/xoa/",
        tasks.BudgetLineDeleteView.as_view(),
        name="line_delete",
    ),
    path(
        "<int:pk>/nhiem-vu/<int:task_pk>/du-toan/<int:line_pk>/cam-ket/",
        tasks.CommitmentAddView.as_view(),
        name="commitment_add",
    ),
    path(
        "<int:pk>/nhiem-vu/<int:task_pk>/du-toan/<int:line_pk>/giai-ngan/",
        tasks.DisbursementAddView.as_view(),
        name="disbursement_add",
    ),
]
