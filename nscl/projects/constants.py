from django.utils.translation import gettext_lazy as _

from nscl.projects.choices import DocumentKind

PAGE_SIZE = 20
BOARD_CARDS_PER_COLUMN = 8  # the board shows the newest cards of each state; the list shows them all
EXPORT_MAX_ROWS = 50_000

# Documents: checked by content (filetype), never by name or by what the browser claims.
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
DOCUMENT_TYPES = {  # MIME type found in the content -> extension the file is stored with
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "image/jpeg": "jpg",
    "image/png": "png",
}
REQUIRED_FOR_SUBMIT = (DocumentKind.PROPOSAL, DocumentKind.BUDGET)
REQUIRED_FOR_ACCEPTANCE = (DocumentKind.REPORT,)

# -- messages tests assert on ---------------------------------------------------------------------
ERROR_NOT_ALLOWED = _("Bạn không có quyền thực hiện thao tác này với dự án.")
ERROR_WRONG_STATE = _("Không thể %(action)s khi dự án đang ở trạng thái “%(status)s”.")
ERROR_REASON_REQUIRED = _("Cần nêu lý do.")
ERROR_MISSING_DOCUMENTS = _("Thiếu tài liệu bắt buộc: %(kinds)s.")
ERROR_NO_SUPPORT_TYPE = _("Cần chọn ít nhất một nội dung hỗ trợ.")
ERROR_NO_BUDGET = _("Cần lập dự toán kinh phí có tổng chi phí lớn hơn 0.")
ERROR_NO_REQUEST = _("Cần ghi số kinh phí đề nghị ngân sách nhà nước hỗ trợ.")
ERROR_NO_RULE = _("Chưa có quy định mức hỗ trợ áp dụng cho “%(group)s” vào ngày %(date)s.")
ERROR_OVER_LIMIT = _("Kinh phí đề nghị hỗ trợ %(requested)s vượt mức tối đa %(limit)s theo quy định.")
ERROR_APPROVED_REQUIRED = _("Cần ghi số kinh phí được phê duyệt (lớn hơn 0).")
ERROR_APPROVED_OVER_REQUEST = _("Kinh phí phê duyệt %(approved)s vượt số đề nghị %(requested)s.")
ERROR_APPROVED_OVER_LIMIT = _("Kinh phí phê duyệt %(approved)s vượt mức tối đa %(limit)s theo quy định.")
ERROR_DECISION_REQUIRED = _("Cần ghi số và ngày quyết định phê duyệt.")
ERROR_DECISION_DATE_FUTURE = _("Ngày quyết định không được sau hôm nay.")
ERROR_NOT_EDITABLE = _("Chỉ sửa được dự án đang soạn hoặc được trả lại để bổ sung.")
ERROR_UNKNOWN_STANDARDS = _("Không có trong kho tiêu chuẩn: %(codes)s. Kiểm tra lại số hiệu.")
ERROR_SCHEDULE = _("Ngày kết thúc phải sau ngày bắt đầu.")
ERROR_ENTERPRISE_NOT_YOURS = _("Bạn không phải đại diện đã được xác nhận của doanh nghiệp này.")
ERROR_FILE_TOO_BIG = _("Tệp lớn hơn %(limit)s MB.")
ERROR_FILE_EMPTY = _("Tệp rỗng.")
ERROR_FILE_TYPE = _("Chỉ nhận tệp PDF, DOCX, XLSX, JPG hoặc PNG (kiểm tra theo nội dung tệp).")
ERROR_AMOUNT_NEGATIVE = _("Số tiền phải là số nguyên không âm (đồng).")
ERROR_RULE_RANGE = _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")
ERROR_RULE_PERCENT = _("Tỷ lệ hỗ trợ phải từ 0 đến 100%, tối đa hai chữ số thập phân.")
ERROR_RULE_OVERLAP = _("Đã có quy định khác cho nhóm này trong cùng khoảng thời gian.")
ERROR_MILESTONE_DONE_FUTURE = _("Ngày hoàn thành không được sau hôm nay.")
ERROR_ACTION_CLOSED = _("Hành động khắc phục này đã đóng.")
ERROR_EVIDENCE_REQUIRED = _("Cần mô tả bằng chứng khắc phục khi đóng.")
ERROR_INSPECTION_CANCELLED = _("Cuộc kiểm tra này đã hủy.")
ERROR_INSPECTION_NOT_PLANNED = _("Chỉ hủy được cuộc kiểm tra chưa diễn ra.")
ERROR_SUMMARY_REQUIRED = _("Cần ghi kết luận kiểm tra.")
ERROR_INSPECTION_PROJECT = _("Chỉ kiểm tra được dự án đã phê duyệt trở đi.")
ERROR_INSPECTORS_REQUIRED = _("Cần chọn ít nhất một cán bộ kiểm tra.")
ERROR_INSPECTOR_ROLE = _("Người kiểm tra phải là cán bộ Sở KH&CN.")
