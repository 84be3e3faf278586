"""Who speaks for an enterprise in NSCL: a user's claim, confirmed or rejected by an officer."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from nscl.enterprises.choices import RepresentativeStatus
from nscl.enterprises.models.registry import Enterprise


class EnterpriseRepresentative(models.Model):
    """A user's claim to represent an enterprise. Only confirmed claims open the enterprise's records."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enterprise_claims",
        verbose_name=_("người dùng"),
    )
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="representatives", verbose_name=_("doanh nghiệp")
    )
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    status = FSMField(
        _("trạng thái"),
        max_length=10,
        choices=RepresentativeStatus.choices,
        default=RepresentativeStatus.PENDING,
        protected=True,
    )
    registered_enterprise = models.BooleanField(
        _("tự đăng ký hồ sơ doanh nghiệp"), default=False, help_text=_("Người này đã tạo hồ sơ doanh nghiệp mới.")
    )
    requested_at = models.DateTimeField(_("ngày gửi"), auto_now_add=True)
    decided_at = models.DateTimeField(_("ngày xử lý"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xử lý"),
    )
    decision_note = models.CharField(_("ghi chú xử lý"), max_length=500, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("đại diện doanh nghiệp")
        verbose_name_plural = _("đại diện doanh nghiệp")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "enterprise"],
                condition=~models.Q(status=RepresentativeStatus.REJECTED),
                name="%(app_label)s_%(class)s_unique_open_claim",
            ),
        ]
        indexes = [models.Index(fields=["user", "status"], name="enterprises_rep_user_idx")]

    def __str__(self) -> str:
        return f"{self.user} -> {self.enterprise}"

    @transition(field=status, source=RepresentativeStatus.PENDING, target=RepresentativeStatus.CONFIRMED)
    def confirm(self) -> None:
        """An officer accepts the claim."""

    @transition(field=status, source=RepresentativeStatus.PENDING, target=RepresentativeStatus.REJECTED)
    def reject(self) -> None:
        """An officer refuses the claim."""
