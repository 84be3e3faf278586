"""Routes of the articles: public lists, pages and feeds; the editors' workspace."""

from django.urls import path

from nscl.portal.views import articles as views
from nscl.portal.views import articles_workspace as workspace
from nscl.portal.views import feeds

urlpatterns = [
    # public (listed in tests/test_project.py PUBLIC): news, topics, event tags, months, feeds
    path("tin-tuc/", views.ArticleListView.as_view(), name="article_list"),
    path("tin-tuc/rss.xml", feeds.FeedView.as_view(feed=feeds.ArticleFeed), name="article_feed_rss"),
    path("tin-tuc/atom.xml", feeds.FeedView.as_view(feed=feeds.ArticleAtomFeed), name="article_feed_atom"),
    path("tin-tuc/<int:year>/<int:month>/", views.ArticleMonthView.as_view(), name="article_month"),
    path("tin-tuc/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("chuyen-de/<slug:slug>/", views.ArticleTopicView.as_view(), name="topic_detail"),
    path("chuyen-de/<slug:slug>/rss.xml", feeds.FeedView.as_view(feed=feeds.TopicFeed), name="topic_feed_rss"),
    path("chuyen-de/<slug:slug>/atom.xml", feeds.FeedView.as_view(feed=feeds.TopicAtomFeed), name="topic_feed_atom"),
    path("su-kien/<slug:slug>/", views.ArticleTagView.as_view(), name="tag_detail"),
    # workspace: writers and editors
    path("bien-tap/tin-bai/", workspace.ArticleWorkspaceListView.as_view(), name="article_workspace_list"),
    path("bien-tap/tin-bai/moi/", workspace.ArticleCreateView.as_view(), name="article_create"),
    path("bien-tap/tin-bai/<int:pk>/", workspace.ArticleWorkspaceDetailView.as_view(), name="article_workspace_detail"),
    path("bien-tap/tin-bai/<int:pk>/sua/", workspace.ArticleEditView.as_view(), name="article_edit"),
    path("bien-tap/tin-bai/<int:pk>/trang-thai/", workspace.ArticleTransitionView.as_view(), name="article_transition"),
    path("bien-tap/tin-bai/<int:pk>/khoi-phuc/", workspace.ArticleRestoreView.as_view(), name="article_restore"),
    path("bien-tap/anh/", workspace.ArticleImageUploadView.as_view(), name="image_upload"),
]
