from nscl.planning import urls_dashboard, urls_indicators

app_name = "planning"
urlpatterns = [*urls_dashboard.urlpatterns, *urls_indicators.urlpatterns]
