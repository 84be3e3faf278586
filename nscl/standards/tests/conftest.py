"""Fixtures shared by the standards tests: a small catalogue of real-looking records."""

import pytest

from nscl.core.roles import Role
from nscl.standards.choices import StandardStatus
from nscl.standards.models import IssuingBody, Standard, StandardField
from nscl.standards.services import standard_save
from nscl.standards.tests.searching import make


@pytest.fixture
def catalogue(ics_tree) -> dict[str, Standard]:
    byt = IssuingBody.objects.create(code="BYT", name_vi="Bộ Y tế")
    bkhcn = IssuingBody.objects.create(code="BKHCN", name_vi="Bộ Khoa học và Công nghệ")
    food = StandardField.objects.create(code="an-toan-thuc-pham", name_vi="An toàn thực phẩm")
    water = StandardField.objects.create(code="nuoc", name_vi="Nước")
    rows = [
        ("TCVN 7790-1:2008", "Quy trình lấy mẫu để kiểm tra định tính - Phần 1: Chương trình lấy mẫu", ("03.120.30",)),
        ("TCVN 7790-3:2008", "Quy trình lấy mẫu để kiểm tra định tính - Phần 3: Lấy mẫu lược bỏ", ("03.120.30",)),
        ("TCVN ISO 9001:2015", "Hệ thống quản lý chất lượng - Các yêu cầu", ("03.120.10",)),
        ("ISO 9001:2015/Amd 1:2024", "Hệ thống quản lý chất lượng - Các yêu cầu - Sửa đổi 1", ("03.120.10",)),
        (
            "TCVN ISO 22000:2018",
            "Hệ thống quản lý an toàn thực phẩm - Yêu cầu đối với các tổ chức trong chuỗi thực phẩm",
            ("67.020", "03.100.70"),
        ),
        ("ISO 22000:2018", "Hệ thống quản lý an toàn thực phẩm", ("67.020",)),
        ("QCVN 01:2009/BYT", "Quy chuẩn kỹ thuật quốc gia về chất lượng nước ăn uống", ("13.060.20",)),
        ("QCVN 01-1:2018/BYT", "Quy chuẩn kỹ thuật quốc gia về chất lượng nước sạch sinh hoạt", ("13.060.20",)),
        ("QCĐP 01:2020/LS", "Quy chuẩn kỹ thuật địa phương về chất lượng nước sạch tỉnh Lạng Sơn", ("13.060.20",)),
        ("TCVN 5502:2003", "Nước cấp sinh hoạt - Yêu cầu chất lượng", ("13.060.20",)),
        ("TCVN 5945:2005", "Nước thải công nghiệp - Tiêu chuẩn thải", ("13.060.30",)),
        ("TCVN 5729:2012", "Đường ô tô cao tốc - Yêu cầu thiết kế", ("93.080.01",)),
        ("QCVN 41:2019/BGTVT", "Quy chuẩn kỹ thuật quốc gia về báo hiệu đường bộ", ("93.080.30",)),
        (
            "ISO/IEC 27001:2022",
            "An toàn thông tin, an ninh mạng và bảo vệ quyền riêng tư - Hệ thống quản lý an toàn thông tin",
            ("35.030", "03.100.70"),
        ),
        ("IEC 60335-1:2020", "Thiết bị điện gia dụng - An toàn - Phần 1: Yêu cầu chung", ("13.120", "97.030")),
        ("CXS 192-1995", "Tiêu chuẩn chung về phụ gia thực phẩm", ("67.220.20",)),
        ("TCVN 8244-1:2010", "Thống kê học - Từ vựng và ký hiệu - Phần 1", ("03.120.30", "01.040.03")),
    ]
    records = {code: make(code, title, ics=ics) for code, title, ics in rows}
    records["TCVN 8244-1:2010"] = standard_save(
        standard=records["TCVN 8244-1:2010"], data={"scope": "Dùng cùng TCVN 7790-1:2008 khi lấy mẫu."}, by=None
    )
    records["ISO 22000:2018"] = standard_save(
        standard=records["ISO 22000:2018"], data={"title_en": "Food safety management systems"}, by=None
    )
    for code in ("QCVN 01:2009/BYT", "QCVN 01-1:2018/BYT"):
        records[code] = standard_save(standard=records[code], data={"issuing_body": byt, "field": water}, by=None)
    for code in ("TCVN ISO 22000:2018", "CXS 192-1995"):
        records[code] = standard_save(standard=records[code], data={"issuing_body": bkhcn, "field": food}, by=None)
    records["TCVN 5502:2003"] = standard_save(
        standard=records["TCVN 5502:2003"], data={"status": StandardStatus.WITHDRAWN}, by=None
    )
    records["QCVN 01:2009/BYT"] = standard_save(
        standard=records["QCVN 01:2009/BYT"], data={"replaced_by": records["QCVN 01-1:2018/BYT"]}, by=None
    )
    return records


@pytest.fixture
def officer(make_user):
    return make_user(Role.OFFICER, full_name="Trần Văn Bình")
