from nscl.portal import article_urls, library_urls

app_name = "portal"
urlpatterns = [*article_urls.urlpatterns, *library_urls.urlpatterns]
