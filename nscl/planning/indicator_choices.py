"""Choices and messages of the program's indicators and targets (kept apart from the plans' choices)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorMethod(models.TextChoices):
    COMPUTED = "computed", _("Tính từ dữ liệu NSCL")
    ENTERED = "entered", _("Nhập kèm nguồn số liệu")


class IndicatorScope(models.TextChoices):
    NATIONAL = "national", _("Chương trình quốc gia")
    PROVINCIAL = "provincial", _("Kế hoạch của tỉnh")


class IndicatorDirection(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class IndicatorAggregation(models.TextChoices):
    """How a year's value relates to a period's: explicit for every indicator."""

    SUM = "sum", _("Số phát sinh trong năm; giá trị giai đoạn là tổng các năm")
    END_OF_PERIOD = "end_of_period", _("Giá trị tại cuối năm; giá trị giai đoạn là giá trị cuối giai đoạn")


class IndicatorStatusCode(models.TextChoices):
    MET = "met", _("Đạt")
    ON_TRACK = "on_track", _("Đúng tiến độ")
    BEHIND = "behind", _("Chậm")
    NO_TARGET = "no_target", _("Chưa có chỉ tiêu")
    NO_DATA = "no_data", _("Chưa có số liệu")


# Traffic light: Bootstrap contextual colour of each status (the dashboard and the list use it).
STATUS_COLOURS: dict[str, str] = {
    IndicatorStatusCode.MET: "success",
    IndicatorStatusCode.ON_TRACK: "info",
    IndicatorStatusCode.BEHIND: "danger",
    IndicatorStatusCode.NO_TARGET: "secondary",
    IndicatorStatusCode.NO_DATA: "warning",
}

# -- messages tests assert on ---------------------------------------------------------------------
ERROR_ENTRY_NOT_ALLOWED = _("Chỉ cán bộ Sở KH&CN được nhập số liệu chỉ tiêu.")
ERROR_ENTRY_COMPUTED = _("Chỉ tiêu “%(code)s” được tính từ dữ liệu NSCL, không nhập tay.")
ERROR_ENTRY_NEGATIVE = _("Chỉ tiêu này không nhận giá trị âm.")
ERROR_ENTRY_SOURCE = _("Cần ghi nguồn số liệu (văn bản, báo cáo công bố số liệu).")
ERROR_ENTRY_YEAR = _("Năm phải trong khoảng %(low)s đến %(high)s.")
ERROR_TARGET_ONE_SPAN = _("Chỉ tiêu kế hoạch phải gắn với đúng một năm hoặc một giai đoạn.")
