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

# -- execution: commitments and disbursements ------------------------------------------------------
ERROR_EXECUTION_NOT_ALLOWED = _("Chỉ cán bộ Sở KH&CN được ghi cam kết chi và giải ngân.")
ERROR_EXECUTION_AMOUNT = _("Số tiền phải là số nguyên dương (đồng).")
ERROR_EXECUTION_NOT_APPROVED = _(
    "Chỉ ghi cam kết chi, giải ngân trên dòng kinh phí của kế hoạch đã phê duyệt đang có hiệu lực; "
    "kế hoạch của dòng “%(line)s” đang ở trạng thái “%(status)s”."
)
ERROR_EXECUTION_DATE = _("Ngày %(date)s không thuộc năm kế hoạch %(year)s.")
ERROR_OVER_COMMITTED = _(
    "Dòng “%(line)s” được duyệt %(approved)s; đã cam kết %(done)s, thêm %(amount)s sẽ vượt dự toán. "
    "Muốn vượt, cần điều chỉnh kế hoạch."
)
ERROR_OVER_DISBURSED = _(
    "Dòng “%(line)s” được duyệt %(approved)s; đã giải ngân %(done)s, thêm %(amount)s sẽ vượt dự toán. "
    "Muốn vượt, cần điều chỉnh kế hoạch."
)
ERROR_COMMITMENT_OTHER_LINE = _("Cam kết “%(reference)s” thuộc dòng kinh phí khác.")
ERROR_OVER_COMMITMENT = _(
    "Cam kết “%(reference)s” là %(committed)s; đã giải ngân theo cam kết %(done)s, thêm %(amount)s sẽ vượt."
)
ERROR_REFERENCE_REQUIRED = _("Cần ghi số văn bản hoặc chứng từ.")

# -- an adjustment must fit what was already done on the revision it replaces ----------------------
ERROR_CARRY_REMOVED = _(
    "Không bỏ được dòng “%(line)s”: đã cam kết hoặc giải ngân %(done)s trên dòng này ở bản đang có hiệu lực."
)
ERROR_CARRY_BELOW_DONE = _(
    "Dòng “%(line)s” điều chỉnh còn %(amount)s, thấp hơn số đã cam kết hoặc giải ngân (%(done)s)."
)
