from django.utils.translation import gettext_lazy as _

# -- messages tests assert on ---------------------------------------------------------------------
ERROR_NOT_ALLOWED = _("Bạn không có quyền thực hiện thao tác này với kế hoạch.")
ERROR_EDIT_NOT_ALLOWED = _("Chỉ cán bộ Sở KH&CN được lập và sửa kế hoạch.")
ERROR_WRONG_STATE = _("Không thể %(action)s khi kế hoạch đang ở trạng thái “%(status)s”.")
ERROR_FROZEN = _("Kế hoạch đã được phê duyệt nên không sửa được; muốn thay đổi, hãy lập bản điều chỉnh.")
ERROR_NOT_EDITABLE = _("Chỉ sửa được kế hoạch đang soạn hoặc bị trả lại (hiện: “%(status)s”).")
ERROR_REASON_REQUIRED = _("Cần nêu lý do hoặc ý kiến.")
ERROR_NO_BUDGET = _("Cần có ít nhất một nhiệm vụ với dòng kinh phí lớn hơn 0 trước khi trình.")
ERROR_DECISION_REQUIRED = _("Cần ghi số và ngày quyết định phê duyệt của UBND tỉnh.")
ERROR_DECISION_DATE_FUTURE = _("Ngày quyết định không được sau hôm nay.")
ERROR_AMOUNT = _("Số tiền phải là số nguyên không âm (đồng).")
ERROR_SCHEDULE = _("Ngày kết thúc phải sau ngày bắt đầu.")
ERROR_YEAR_EXISTS = _("Đã có kế hoạch năm %(year)s; muốn thay đổi, hãy lập bản điều chỉnh.")
ERROR_YEAR_OUTSIDE_PERIOD = _("Năm %(year)s không thuộc giai đoạn %(period)s.")
ERROR_ADJUST_ONLY_APPROVED = _("Chỉ lập điều chỉnh được từ kế hoạch đã phê duyệt.")
ERROR_ADJUSTMENT_OPEN = _("Kế hoạch này đã có bản điều chỉnh lần %(revision)s đang xử lý.")
