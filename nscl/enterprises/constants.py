from django.utils.translation import gettext_lazy as _

PAGE_SIZE = 25
EXPIRING_SOON_DAYS = 90
EXPORT_MAX_ROWS = 50_000
VSIC_VERSION = "2018"

ERROR_TAX_CODE = _("Mã số thuế không hợp lệ: cần 10 chữ số (hoặc 10 chữ số, dấu gạch ngang và 3 chữ số với chi nhánh).")
ERROR_TAX_CODE_CHECK_DIGIT = _("Mã số thuế sai chữ số kiểm tra.")
ERROR_TAX_CODE_TAKEN = _("Đã có doanh nghiệp với mã số thuế %(tax_code)s.")
ERROR_YEAR_RANGE = _("Năm phải nằm trong khoảng 1990-2100.")
ERROR_YEAR_TAKEN = _("Đã có số liệu năm %(year)s của doanh nghiệp này.")
ERROR_NEGATIVE = _("Giá trị không được âm.")
ERROR_EXPIRY_BEFORE_ISSUE = _("Ngày hết hạn phải sau ngày cấp.")
ERROR_CERT_STANDARD_REQUIRED = _("Cần nhập tiêu chuẩn hoặc chọn tiêu chuẩn trong kho dữ liệu.")
ERROR_CLAIM_EXISTS = _("Bạn đã gửi yêu cầu hoặc đã là đại diện của doanh nghiệp này.")
ERROR_CLAIM_NOT_PENDING = _("Yêu cầu này đã được xử lý.")
ERROR_CLAIM_UNKNOWN_TAX_CODE = _("Chưa có doanh nghiệp với mã số thuế này; bạn có thể đăng ký hồ sơ doanh nghiệp mới.")
ERROR_CLAIM_ROLE = _("Chỉ tài khoản doanh nghiệp mới được đăng ký làm đại diện.")
ERROR_COMMUNE_PROVINCE = _("Xã, phường phải thuộc tỉnh đang triển khai.")
ERROR_VSIC_VERSION = _("Mã ngành phải thuộc VSIC 2018.")
ERROR_REPLICATION_SELF = _("Doanh nghiệp điển hình không thể tự nhân rộng mô hình của mình.")
ERROR_MODEL_EXISTS = _("Doanh nghiệp này đã được ghi nhận là điển hình.")
ERROR_SLUG_TAKEN = _("Mã này đã được dùng cho sản phẩm khác.")
ERROR_USERNAME_TAKEN = _("Tên đăng nhập đã được dùng.")

API_PAGE_SIZE = 50
# The projects app (a layer above) lists an enterprise's support projects on its page by providing this
# template; the registry only looks the name up, it never imports projects.
PROJECTS_SECTION_TEMPLATE = "projects/partials/_enterprise_projects.html"
