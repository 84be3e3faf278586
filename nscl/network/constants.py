from django.utils.translation import gettext_lazy as _

PAGE_SIZE = 20
EXPIRING_WITHIN_DAYS = 90
EXPORT_MAX_ROWS = 20_000

ERROR_TAX_CODE = _("Mã số thuế không hợp lệ: cần 10 chữ số, hoặc 13 chữ số cho chi nhánh (dạng 0100109106-001).")
ERROR_DUPLICATE_TAX_CODE = _("Đã có tổ chức tư vấn với mã số thuế %(tax_code)s.")
ERROR_BODY_NUMBER_REQUIRED = _("Cần ít nhất số đăng ký hoạt động hoặc số công nhận.")
ERROR_ACCREDITATION_BODY_REQUIRED = _("Cần ghi tổ chức công nhận khi có số công nhận.")
ERROR_VALID_RANGE = _("Ngày hết hiệu lực phải sau ngày hiệu lực.")
ERROR_QUALIFICATION_DATES = _("Ngày hết hạn phải sau ngày cấp.")
ERROR_USER_NOT_EXPERT = _("Tài khoản được liên kết phải có vai trò Chuyên gia NSCL.")
ERROR_USER_ALREADY_LINKED = _("Tài khoản này đã được liên kết với chuyên gia %(name)s.")
ERROR_NOT_OWN_RECORD = _("Bạn chỉ được sửa hồ sơ chuyên gia của chính mình.")
ERROR_UNKNOWN_STANDARDS = _("Không có trong kho tiêu chuẩn: %(codes)s.")
