from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import ListView

from nscl.accounts.models import Notification
from nscl.accounts.services import notification_mark_read
from nscl.core.permissions import PUBLIC, SIGNED_IN, AccessRequiredMixin


class LoginView(AccessRequiredMixin, auth_views.LoginView):
    access = PUBLIC
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class LogoutView(AccessRequiredMixin, auth_views.LogoutView):
    access = PUBLIC


class PasswordChangeView(AccessRequiredMixin, auth_views.PasswordChangeView):
    access = SIGNED_IN
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(AccessRequiredMixin, auth_views.PasswordChangeDoneView):
    access = SIGNED_IN


class PasswordResetView(AccessRequiredMixin, auth_views.PasswordResetView):
    access = PUBLIC
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(AccessRequiredMixin, auth_views.PasswordResetDoneView):
    access = PUBLIC


class PasswordResetConfirmView(AccessRequiredMixin, auth_views.PasswordResetConfirmView):
    access = PUBLIC
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(AccessRequiredMixin, auth_views.PasswordResetCompleteView):
    access = PUBLIC


class NotificationListView(AccessRequiredMixin, ListView):
    """The signed-in user's notices, newest first."""

    access = SIGNED_IN
    paginate_by = 30
    template_name = "accounts/notification_list.html"

    def get_queryset(self):
        return Notification.objects.filter(user=self.request.user)


class NotificationMarkReadView(AccessRequiredMixin, View):
    access = SIGNED_IN

    def post(self, request, *args, **kwargs):
        raw = request.POST.get("id")
        notification_id = int(raw) if raw and raw.isdigit() else None
        notification_mark_read(user=request.user, notification_id=notification_id)
        messages.success(request, _("Đã đánh dấu là đã đọc."))
        return redirect("accounts:notification_list")
