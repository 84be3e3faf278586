"""Routes of the documents, questions and answers, and static pages: public and workspace."""

from django.urls import path

from nscl.portal.views import library as views

urlpatterns = [
    # public
    path("van-ban/", views.DocumentListView.as_view(), name="document_list"),
    path("van-ban/<slug:slug>/", views.DocumentDetailView.as_view(), name="document_detail"),
    path("van-ban/<slug:slug>/tai-ve/", views.DocumentDownloadView.as_view(), name="document_download"),
    path("hoi-dap/", views.QuestionListView.as_view(), name="question_list"),
    path("hoi-dap/dat-cau-hoi/", views.QuestionAskView.as_view(), name="question_ask"),
    path("hoi-dap/da-gui/", views.QuestionThanksView.as_view(), name="question_thanks"),
    path("hoi-dap/<slug:slug>/", views.QuestionDetailView.as_view(), name="question_detail"),
    path("trang/<slug:slug>/", views.PageDetailView.as_view(), name="page_detail"),
    # workspace (officers and editors)
    path("bien-tap/van-ban/", views.DocumentManageListView.as_view(), name="document_manage"),
    path("bien-tap/van-ban/them/", views.DocumentCreateView.as_view(), name="document_create"),
    path("bien-tap/van-ban/<int:pk>/", views.DocumentUpdateView.as_view(), name="document_update"),
    path("bien-tap/van-ban/<int:pk>/cong-khai/", views.DocumentPublishView.as_view(), name="document_publish"),
    path("bien-tap/hoi-dap/", views.QuestionQueueView.as_view(), name="question_queue"),
    path("bien-tap/hoi-dap/<int:pk>/", views.QuestionReviewView.as_view(), name="question_review"),
    path("bien-tap/trang/", views.PageManageListView.as_view(), name="page_manage"),
    path("bien-tap/trang/<slug:slug>/", views.PageUpdateView.as_view(), name="page_update"),
]
