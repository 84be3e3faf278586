from django.urls import path

from nscl.planning import urls_dashboard, urls_indicators
from nscl.planning.views import exports

app_name = "planning"
urlpatterns = [
    *urls_dashboard.urlpatterns,
    *urls_indicators.urlpatterns,
    path("<int:pk>/xuat.xlsx", exports.PlanExportView.as_view(), name="plan_export"),
]
