from django.urls import path

from nscl.portal import article_urls, library_urls
from nscl.portal.views.home import HomeView
from nscl.portal.views.search import SiteSearchView

app_name = "portal"
urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("tim-kiem/", SiteSearchView.as_view(), name="search"),
    *article_urls.urlpatterns,
    *library_urls.urlpatterns,
]
