from django.urls import path

from nscl.accounts import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
    path("doi-mat-khau/xong/", views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("quen-mat-khau/", views.PasswordResetView.as_view(), name="password_reset"),
    path("quen-mat-khau/da-gui/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("dat-lai/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("dat-lai/xong/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("thong-bao/", views.NotificationListView.as_view(), name="notification_list"),
    path("thong-bao/da-doc/", views.NotificationMarkReadView.as_view(), name="notification_mark_read"),
]
