from django.utils.translation import gettext_lazy as _

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
SUGGEST_LIMIT = 8
MAX_CHAIN = 50  # a replacement chain longer than this is certainly a data error
EXPORT_MAX_ROWS = 200_000

ERROR_REPLACED_BY_SELF = _("Một tiêu chuẩn không thể thay thế chính nó.")
ERROR_REPLACEMENT_CYCLE = _("Chuỗi thay thế tạo thành vòng lặp: %(code)s đã nằm trong chuỗi.")
ERROR_DUPLICATE_CODE = _("Đã có %(kind)s với số hiệu %(code)s.")
ERROR_CODE_UNPARSED = _("Không đọc được số hiệu %(code)s: cần dạng như TCVN 7790-3:2008 hoặc QCVN 01:2009/BYT.")
ERROR_YEAR_RANGE = _("Năm phải nằm trong khoảng 1900-2100.")
