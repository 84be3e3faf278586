"""The columns an import file may carry, and every message an import reports (tests assert on these)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from nscl.standards import constants

# The order of the CSV template and of exports, so an export can be imported again.
COLUMNS = (
    "code", "kind", "title_vi", "title_en", "year", "status", "ics", "scope", "replaced_by",
    "effective_date", "issuing_body", "decision", "equivalent_ref", "equivalence", "pages", "field",
)  # fmt: skip
REQUIRED_COLUMNS = ("code",)
TITLE_COLUMNS = ("title_vi", "title_en")

# A file this bad is the wrong file: the report lists this many rows and counts the rest.
MAX_REPORTED_ERRORS = 20_000

# -- the file as a whole ---------------------------------------------------------------------------
FORMAT_UNKNOWN = _("Không nhận ra định dạng tệp: cần CSV, XLSX (Excel) hoặc JSON Lines.")
NOT_UTF8 = _("Tệp không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 (CSV UTF-8).")
XLSX_UNREADABLE = _("Không đọc được tệp Excel: tệp hỏng hoặc không phải XLSX.")
NO_HEADER = _("Tệp trống: thiếu dòng tiêu đề với tên các cột.")
NO_ROWS = _("Tệp không có dòng dữ liệu nào.")
UNKNOWN_COLUMNS = _("Cột không được hỗ trợ: %(columns)s. Các cột hợp lệ: %(allowed)s.")
DUPLICATE_COLUMN = _("Cột %(column)s xuất hiện hơn một lần.")
MISSING_COLUMN = _("Thiếu cột bắt buộc %(column)s.")
MISSING_TITLE_COLUMN = _("Cần ít nhất một trong hai cột title_vi (tên tiếng Việt) hoặc title_en (tên tiếng Anh).")
TOO_MANY_CELLS = _("Dòng có nhiều ô hơn dòng tiêu đề (%(cells)d ô, tiêu đề có %(columns)d cột).")
BAD_JSON = _("Dòng không phải JSON hợp lệ: %(reason)s.")
NOT_AN_OBJECT = _('Mỗi dòng phải là một đối tượng JSON, ví dụ {"code": "TCVN 5699-1:2010"}.')


def more_errors(count: int) -> str:
    return ngettext(
        "Còn %(count)d dòng lỗi khác không được liệt kê; hãy sửa các lỗi trên rồi nhập lại.",
        "Còn %(count)d dòng lỗi khác không được liệt kê; hãy sửa các lỗi trên rồi nhập lại.",
        count,
    ) % {"count": count}


# -- one cell --------------------------------------------------------------------------------------
CODE_REQUIRED = _("Thiếu số hiệu.")
CODE_UNPARSED = constants.ERROR_CODE_UNPARSED
TOO_LONG = _("Dài quá %(max)d ký tự.")
BAD_KIND = _("Loại không hợp lệ: %(value)s. Dùng một trong: TCVN, QCVN, QCĐP, TCCS, ISO, IEC, ISO/IEC, Codex, other.")
TITLE_REQUIRED = _("Cần tên tiếng Việt (title_vi) hoặc tên tiếng Anh (title_en).")
BAD_YEAR = _("Năm phải là một số, ví dụ 2008: %(value)s.")
YEAR_RANGE = constants.ERROR_YEAR_RANGE
YEAR_MISMATCH = _("Năm %(year)d không khớp với năm %(code_year)d trong số hiệu.")
BAD_STATUS = _("Trạng thái không hợp lệ: %(value)s. Dùng in_force, withdrawn hoặc replaced.")
STATUS_CONFLICT = _("Tiêu chuẩn có cột replaced_by thì trạng thái phải là replaced hoặc để trống (đang là %(value)s).")
UNKNOWN_ICS = _("Mã ICS không có trong bảng phân loại: %(codes)s.")
BAD_DATE = _("Ngày không hợp lệ: %(value)s. Dùng dạng dd/mm/yyyy hoặc yyyy-mm-dd.")
UNKNOWN_BODY = _("Không có cơ quan ban hành mã %(value)s.")
UNKNOWN_FIELD = _("Không có lĩnh vực mã %(value)s.")
BAD_EQUIVALENCE = _("Mức tương đương không hợp lệ: %(value)s. Dùng IDT, MOD hoặc NEQ.")
BAD_PAGES = _("Số trang phải là số nguyên dương: %(value)s.")
DUPLICATE_ROW = _("Số hiệu %(code)s đã có ở dòng %(row)d của tệp.")
REPLACED_BY_SELF = constants.ERROR_REPLACED_BY_SELF
REPLACED_BY_UNKNOWN = _("Không tìm thấy tiêu chuẩn thay thế %(code)s, cả trong tệp lẫn trong kho.")
REPLACEMENT_CYCLE = _("Chuỗi thay thế tạo thành vòng lặp qua %(code)s.")

# -- an upload, before it becomes a job ------------------------------------------------------------
UPLOAD_TOO_LARGE = _("Tệp quá lớn: %(size)s, tối đa %(limit)s.")
UPLOAD_EMPTY = _("Tệp trống.")
UPLOAD_BAD_ZIP = _("Tệp nén này không phải bảng tính Excel (XLSX).")
UPLOAD_NOT_TEXT = _(
    "Không nhận ra nội dung tệp: cần bảng tính Excel (XLSX) hoặc văn bản UTF-8 (CSV, JSON Lines). "
    "Nếu là CSV, hãy lưu lại với bảng mã UTF-8."
)
