"""Demo data of the enterprise registry (`manage.py load_demo`; safe to repeat).

Every enterprise here is INVENTED: the names are fictional ("Demo" companies that do not exist), the tax
codes are made up (prefix 49, valid check digit) and so are the figures and certificates. The communes
are the real 2025 communes of Lạng Sơn, and the key products are the province's well-known specialities.
"""

import datetime

from django.conf import settings
from django.db import transaction

from nscl.accounts.models import User
from nscl.core.models import Commune, VsicCode
from nscl.core.placeholders import placeholder_picture
from nscl.enterprises import services
from nscl.enterprises.choices import CertificationKind, Ownership, RepresentativeStatus
from nscl.enterprises.constants import VSIC_VERSION
from nscl.enterprises.models import (
    Certification,
    Enterprise,
    EnterpriseRepresentative,
    EnterpriseYear,
    KeyProduct,
    ModelEnterprise,
    ModelEnterprisePhoto,
)
from nscl.enterprises.taxcodes import tax_code_with_check_digit

DEMO_REPRESENTATIVE = "doanhnghiep"
DEMO_OFFICER = "canbo"
YEARS = (2022, 2023, 2024, 2025)
MILLION = 1_000_000
BILLION = 1_000_000_000
O = Ownership  # noqa: E741 - short alias keeps the table below readable

# (name, short name, VSIC level-2 code, ownership, commune, employees 2025, revenue 2025 in billions, capital)
ENTERPRISES = [
    ("Công ty TNHH Hồi Xanh Demo", "Hồi Xanh", "10", O.PRIVATE, "Văn Quan", 28, 18, 9),
    ("Hợp tác xã Na Chi Lăng Demo", "HTX Na Demo", "01", O.COOPERATIVE, "Chi Lăng", 9, 2.4, 1.5),
    ("Công ty Cổ phần Quýt Vàng Bắc Sơn Demo", "Quýt Vàng", "01", O.PRIVATE, "Bắc Sơn", 45, 22, 15),
    ("Hợp tác xã Hồng Không Hạt Demo", "HTX Hồng Demo", "01", O.COOPERATIVE, "Cao Lộc", 12, 3.5, 2),
    ("Công ty TNHH Thạch Đen Tràng Định Demo", "Thạch Đen Demo", "10", O.PRIVATE, "Tràng Định", 36, 14, 6),
    ("Công ty TNHH Rượu Men Lá Mẫu Sơn Demo", "Rượu Demo", "11", O.PRIVATE, "Mẫu Sơn", 22, 9, 4),
    ("Công ty Cổ phần Xi Măng Đồng Mỏ Demo", "Xi Măng Demo", "23", O.STATE, "Chi Lăng", 240, 420, 310),
    ("Công ty TNHH Gạch Tuynel Hữu Lũng Demo", "Gạch Demo", "23", O.PRIVATE, "Hữu Lũng", 85, 46, 18),
    ("Công ty Cổ phần Chế Biến Gỗ Lộc Bình Demo", "Gỗ Demo", "16", O.PRIVATE, "Lộc Bình", 130, 75, 40),
    ("Công ty TNHH May Mặc Kỳ Lừa Demo", "May Demo", "14", O.FDI, "Kỳ Lừa", 310, 260, 120),
    ("Công ty Cổ phần Logistics Cửa Khẩu Demo", "Logistics Demo", "52", O.PRIVATE, "Đồng Đăng", 65, 95, 48),
    ("Công ty TNHH Thương Mại Biên Mậu Demo", "Biên Mậu Demo", "46", O.PRIVATE, "Đồng Đăng", 18, 120, 30),
    ("Công ty TNHH Vận Tải Đông Kinh Demo", "Vận Tải Demo", "49", O.PRIVATE, "Đông Kinh", 55, 38, 22),
    ("Công ty Cổ phần Khách Sạn Mẫu Sơn Xanh Demo", "KS Mẫu Sơn Demo", "55", O.PRIVATE, "Mẫu Sơn", 40, 16, 25),
    ("Hộ kinh doanh Nhà Hàng Vịt Quay Demo", "Vịt Quay Demo", "56", O.HOUSEHOLD, "Lương Văn Tri", 8, 4, 1),
    ("Công ty Cổ phần Xây Dựng Tam Thanh Demo", "XD Tam Thanh", "41", O.PRIVATE, "Tam Thanh", 150, 180, 70),
    ("Công ty TNHH Cơ Khí Hoàng Văn Thụ Demo", "Cơ Khí Demo", "25", O.PRIVATE, "Hoàng Văn Thụ", 48, 27, 12),
    ("Công ty TNHH Dược Liệu Đình Lập Demo", "Dược Liệu Demo", "21", O.PRIVATE, "Đình Lập", 26, 11, 7),
    ("Công ty Cổ phần Nước Sạch Xứ Lạng Demo", "Nước Sạch Demo", "36", O.STATE, "Đông Kinh", 190, 150, 260),
    ("Công ty TNHH Điện Tử Na Dương Demo", "Điện Tử Demo", "26", O.FDI, "Na Dương", 420, 650, 280),
    ("Hợp tác xã Chè Xuân Dương Demo", "HTX Chè Demo", "01", O.COOPERATIVE, "Xuân Dương", 10, 1.8, 0.9),
    ("Công ty TNHH Phần Mềm Kỳ Lừa Demo", "Phần Mềm Demo", "62", O.PRIVATE, "Kỳ Lừa", 14, 6, 2),
    ("Công ty Cổ phần Du Lịch Hữu Liên Demo", "Du Lịch Demo", "79", O.PRIVATE, "Hữu Liên", 11, 5, 3),
    ("Công ty TNHH Bao Bì Thất Khê Demo", "Bao Bì Demo", "17", O.PRIVATE, "Thất Khê", 60, 33, 16),
    ("Công ty TNHH Tinh Dầu Hồi Bình Gia Demo", "Tinh Dầu Demo", "20", O.PRIVATE, "Bình Gia", 19, 8, 5),
    ("Công ty Cổ phần Thực Phẩm Văn Lãng Demo", "Thực Phẩm Demo", "10", O.PRIVATE, "Văn Lãng", 95, 62, 35),
    ("Hộ kinh doanh Bánh Khảo Thất Khê Demo", "Bánh Khảo Demo", "10", O.HOUSEHOLD, "Thất Khê", 5, 0.9, 0.4),
    ("Công ty TNHH Siêu Thị Vạn Linh Demo", "Siêu Thị Demo", "47", O.PRIVATE, "Vạn Linh", 35, 58, 14),
    ("Công ty TNHH Phân Bón Hữu Cơ Yên Bình Demo", "Phân Bón Demo", "20", O.PRIVATE, "Yên Bình", 42, 24, 13),
    ("Công ty Cổ phần Khai Khoáng Tân Văn Demo", "Khoáng Sản Demo", "08", O.PRIVATE, "Tân Văn", 110, 85, 95),
    ("Công ty TNHH Dịch Vụ Kế Toán Đoàn Kết Demo", "Kế Toán Demo", "69", O.PRIVATE, "Đoàn Kết", 7, 2, 0.8),
    ("Công ty TNHH Nội Thất Gỗ Quốc Khánh Demo", "Nội Thất Demo", "31", O.PRIVATE, "Quốc Khánh", 52, 30, 15),
]

# (enterprise index, kind, standard text, body, issued, expires)
CERTIFICATIONS = [
    (0, CertificationKind.ISO_22000, "ISO 22000:2018", "Tổ chức chứng nhận A (demo)", "2023-03-15", "2026-03-14"),
    (0, CertificationKind.HACCP, "HACCP (TCVN 5603:2008)", "Tổ chức chứng nhận B (demo)", "2022-06-01", "2025-05-31"),
    (1, CertificationKind.VIETGAP, "TCVN 11892-1:2017", "Tổ chức chứng nhận C (demo)", "2024-07-10", "2026-07-09"),
    (2, CertificationKind.VIETGAP, "TCVN 11892-1:2017", "Tổ chức chứng nhận C (demo)", "2025-01-20", "2027-01-19"),
    (4, CertificationKind.ISO_22000, "ISO 22000:2018", "Tổ chức chứng nhận A (demo)", "2024-02-01", "2027-01-31"),
    (5, CertificationKind.ISO_9001, "ISO 9001:2015", "Tổ chức chứng nhận B (demo)", "2023-12-20", "2026-12-19"),
    (6, CertificationKind.ISO_9001, "ISO 9001:2015", "Tổ chức chứng nhận D (demo)", "2024-05-05", "2027-05-04"),
    (6, CertificationKind.ISO_14001, "ISO 14001:2015", "Tổ chức chứng nhận D (demo)", "2024-05-05", "2027-05-04"),
    (6, CertificationKind.ISO_50001, "ISO 50001:2018", "Tổ chức chứng nhận D (demo)", "2023-01-10", "2026-01-09"),
    (8, CertificationKind.ISO_9001, "ISO 9001:2015", "Tổ chức chứng nhận A (demo)", "2022-09-01", "2025-08-31"),
    (9, CertificationKind.ISO_45001, "ISO 45001:2018", "Tổ chức chứng nhận E (demo)", "2024-11-11", "2027-11-10"),
    (11, CertificationKind.ISO_9001, "ISO 9001:2015", "Tổ chức chứng nhận B (demo)", "2025-04-01", "2028-03-31"),
    (17, CertificationKind.GMP, "GMP dược liệu (demo)", "Tổ chức chứng nhận F (demo)", "2024-08-15", "2027-08-14"),
    (19, CertificationKind.ISO_9001, "ISO 9001:2015", "Tổ chức chứng nhận E (demo)", "2023-02-02", "2026-02-01"),
    (19, CertificationKind.ISO_27001, "ISO/IEC 27001:2022", "Tổ chức chứng nhận E (demo)", "2025-06-30", "2028-06-29"),
    (25, CertificationKind.HACCP, "HACCP (TCVN 5603:2008)", "Tổ chức chứng nhận A (demo)", "2024-10-01", "2027-09-30"),
    (20, CertificationKind.VIETGAP, "TCVN 11892-1:2017", "Tổ chức chứng nhận C (demo)", "2024-12-01", "2026-11-30"),
]

# (slug, name, English name, area, producer indexes)
KEY_PRODUCTS = [
    ("hoi", "Hoa hồi", "Star anise", "Văn Quan, Bình Gia, Tràng Định, Văn Lãng", [0, 24]),
    ("na-chi-lang", "Na Chi Lăng", "Chi Lăng custard apple", "Chi Lăng", [1]),
    ("quyt-bac-son", "Quýt Bắc Sơn", "Bắc Sơn mandarin", "Bắc Sơn", [2]),
    ("hong-bao-lam", "Hồng không hạt Bảo Lâm", "Bảo Lâm seedless persimmon", "Cao Lộc", [3]),
    ("thach-den-trang-dinh", "Thạch đen Tràng Định", "Tràng Định grass jelly", "Tràng Định", [4]),
    ("ruou-mau-son", "Rượu Mẫu Sơn", "Mẫu Sơn rice wine", "Mẫu Sơn", [5]),
]

# (model index, year, applied, results, [(replicator index, year, note)])
MODELS = [
    (6, 2023, "ISO 9001, ISO 14001, ISO 50001; 5S và Kaizen tại các phân xưởng.",
     "Giảm 8% điện năng trên một tấn sản phẩm; tỷ lệ sản phẩm lỗi giảm một nửa (số liệu minh họa).",
     [(7, 2024, "Áp dụng 5S và Kaizen"), (29, 2025, "Áp dụng ISO 50001")]),
    (0, 2024, "ISO 22000 và HACCP cho dây chuyền sơ chế, sấy hồi.",
     "Đạt yêu cầu của khách hàng xuất khẩu; năng suất lao động tăng 15% (số liệu minh họa).",
     [(24, 2025, "Áp dụng HACCP"), (25, 2025, "Áp dụng ISO 22000")]),
    (1, 2025, "VietGAP và truy xuất nguồn gốc cho vùng na.",
     "Giá bán bình quân tăng 20%; toàn bộ sản lượng có mã truy xuất (số liệu minh họa).",
     [(20, 2025, "Áp dụng VietGAP")]),
]  # fmt: skip


def demo_tax_code(index: int) -> str:
    """A made-up tax code with a valid check digit and the prefix 49; stable for each index."""
    for bump in range(10):
        try:
            return tax_code_with_check_digit(f"49{(index * 10 + bump) % 10_000_000:07d}")
        except ValueError:
            continue
    raise RuntimeError(index)  # pragma: no cover


def _commune(name: str) -> Commune | None:
    return Commune.objects.filter(province_id=settings.NSCL_PROVINCE_CODE, name=name).first()


def _enterprises() -> list[Enterprise]:
    vsic = {v.code: v for v in VsicCode.objects.filter(version=VSIC_VERSION, level=2)}
    result = []
    for index, (name, short, code, ownership, commune, employees, revenue, capital) in enumerate(ENTERPRISES):
        tax_code = demo_tax_code(index + 1)
        enterprise = Enterprise.objects.filter(tax_code=tax_code).first()
        if enterprise is None:
            enterprise = services.enterprise_create(
                by=None,
                tax_code=tax_code,
                name_vi=name,
                short_name=short,
                vsic_code=vsic.get(code),
                ownership=ownership,
                commune=_commune(commune),
                address=f"Số {index + 1}, đường minh họa",
                representative_name="Người đại diện (demo)",
                phone=f"0205 3{index:06d}",
                email=f"lienhe{index + 1}@demo.invalid",
                founded_year=2000 + index % 20,
                description="Doanh nghiệp hư cấu dùng cho dữ liệu minh họa.",
            )
        _years(enterprise, employees, revenue, capital)
        result.append(enterprise)
    return result


def _years(enterprise: Enterprise, employees: int, revenue: float, capital: float) -> None:
    have = set(EnterpriseYear.objects.filter(enterprise=enterprise).values_list("year", flat=True))
    for step, year in enumerate(YEARS):
        if year in have:
            continue
        percent = 82 + 6 * step  # steady growth to the 2025 figure; integer money, whole millions
        services.enterprise_year_save(
            enterprise=enterprise,
            by=None,
            year=year,
            employees=max(1, employees * percent // 100),
            revenue=round(revenue * 1000) * percent // 100 * MILLION,
            capital=int(capital * BILLION),
        )


def _certifications(enterprises: list[Enterprise]) -> None:
    for number, (index, kind, text, body, issued, expires) in enumerate(CERTIFICATIONS, start=1):
        certificate_number = f"DEMO-{number:04d}"
        enterprise = enterprises[index]
        if Certification.objects.filter(enterprise=enterprise, certificate_number=certificate_number).exists():
            continue
        services.certification_save(
            enterprise=enterprise,
            by=None,
            kind=kind,
            standard_text=text,
            body_name=body,
            certificate_number=certificate_number,
            issued_on=datetime.date.fromisoformat(issued),
            expires_on=datetime.date.fromisoformat(expires),
        )


def _showcase(enterprises: list[Enterprise]) -> None:
    for order, (slug, name, name_en, area, producers) in enumerate(KEY_PRODUCTS):
        services.key_product_save(
            product=KeyProduct.objects.filter(slug=slug).first(),
            slug=slug,
            name_vi=name,
            name_en=name_en,
            area=area,
            order=order,
            producers=[enterprises[i] for i in producers],
        )
    for index, year, applied, results, replications in MODELS:
        model = services.model_enterprise_save(
            record=ModelEnterprise.objects.filter(enterprise=enterprises[index]).first(),
            enterprise=enterprises[index],
            recognition_year=year,
            applied=applied,
            results=results,
        )
        for other, replicated_in, note in replications:
            services.replication_add(model=model, enterprise=enterprises[other], year=replicated_in, note=note)


# Generated abstract illustrations (no photograph poses as a real enterprise): shapes only, no text.
PHOTO_ALT = "Ảnh minh họa {number}: hình khối và cột màu tượng trưng cho hoạt động của {name}"
PHOTO_CAPTION = "Ảnh minh họa do hệ thống tạo, không phải ảnh chụp thực tế."


def _photos(officer: User | None) -> None:
    """Two generated illustrations per model enterprise, each added once (found again by its alt text)."""
    if officer is None:
        return
    for index, model in enumerate(ModelEnterprise.objects.select_related("enterprise").order_by("pk")):
        have = set(ModelEnterprisePhoto.objects.filter(model_enterprise=model).values_list("alt_text", flat=True))
        for number in (1, 2):
            alt = PHOTO_ALT.format(number=number, name=model.enterprise.display_name)
            if alt not in have:
                services.model_enterprise_photo_add(
                    by=officer,
                    model_enterprise=model,
                    file=placeholder_picture(index * 2 + number, width=1280, height=720, name="minh-hoa-dien-hinh"),
                    alt_text=alt,
                    caption=PHOTO_CAPTION,
                )


def _representative(enterprise: Enterprise) -> None:
    user = User.objects.filter(username=DEMO_REPRESENTATIVE).first()
    officer = User.objects.filter(username=DEMO_OFFICER).first()
    if user is None or officer is None:
        return
    claim = EnterpriseRepresentative.objects.filter(user=user, enterprise=enterprise).first()
    if claim is None:
        claim = services.claim_create(user=user, tax_code=enterprise.tax_code, position="Giám đốc")
    if claim.status == RepresentativeStatus.PENDING:
        services.claim_confirm(claim=claim, by=officer, note="Dữ liệu minh họa")


@transaction.atomic
def load() -> None:
    enterprises = _enterprises()
    _certifications(enterprises)
    _showcase(enterprises)
    _photos(User.objects.filter(username=DEMO_OFFICER).first())
    _representative(enterprises[0])
