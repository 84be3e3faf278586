"""The API tests' catalogue: two bodies, two fields, numbers of every shape, a chain of three versions."""

import pytest

from nscl.standards.choices import StandardStatus
from nscl.standards.models import IssuingBody, Standard, StandardField
from nscl.standards.services import standard_save
from nscl.standards.tests.api.helpers import make, replace


@pytest.fixture
def catalogue(ics_tree):
    """A small repository: two bodies, two fields, numbers of every shape, a chain of three versions."""
    moh = IssuingBody.objects.create(code="BYT", name_vi="Bộ Y tế", name_en="Ministry of Health")
    most = IssuingBody.objects.create(code="BKHCN", name_vi="Bộ Khoa học và Công nghệ")
    food = StandardField.objects.create(code="thuc-pham", name_vi="Thực phẩm")
    water = StandardField.objects.create(code="nuoc", name_vi="Nước")
    records = {
        "sampling": make(
            "TCVN 7790-3:2008",
            "Quy trình lấy mẫu để kiểm tra định tính - Phần 3: Quy trình lấy mẫu theo lô nhảy cóc",
            title_en="Sampling procedures for inspection by attributes - Part 3: Skip-lot sampling procedures",
            ics=("03.120.30",),
            issuing_body=most,
        ),
        "water": make(
            "QCVN 01:2009/BYT",
            "Quy chuẩn kỹ thuật quốc gia về chất lượng nước ăn uống",
            ics=("13.060.20",),
            issuing_body=moh,
            field=water,
        ),
        "iso22000": make(
            "TCVN ISO 22000:2018",
            "Hệ thống quản lý an toàn thực phẩm - Yêu cầu đối với các tổ chức trong chuỗi thực phẩm",
            title_en="Food safety management systems",
            ics=("67.020", "03.100.70"),
            issuing_body=most,
            field=food,
            equivalent_ref="ISO 22000:2018",
            equivalence="IDT",
            pages=48,
        ),
        "electric": make(
            "TCVN 7447-1:2010", "Hệ thống lắp đặt điện hạ áp - Phần 1: Nguyên tắc cơ bản", ics=("29.020",)
        ),
        "hygiene_1998": make("TCVN 5603:1998", "Quy phạm thực hành về vệ sinh thực phẩm", ics=("67.020",)),
        "hygiene_2008": make("TCVN 5603:2008", "Quy phạm thực hành về vệ sinh thực phẩm", ics=("67.020",), field=food),
        "hygiene_2023": make("TCVN 5603:2023", "Nguyên tắc chung về vệ sinh thực phẩm", ics=("67.020",), field=food),
        "old_iso": make("ISO 9001:1987", "Hệ thống chất lượng", ics=("03.120.10",)),
    }
    replace(records["hygiene_1998"], by=records["hygiene_2008"])
    replace(records["hygiene_2008"], by=records["hygiene_2023"])
    standard_save(standard=records["old_iso"], data={"status": StandardStatus.WITHDRAWN}, by=None)
    return {name: Standard.objects.get(pk=s.pk) for name, s in records.items()}


@pytest.fixture
def many(ics_tree):
    """23 standards with the same words in their titles and only a few distinct years."""
    return [make(f"TCVN {9000 + i}:{2000 + i % 3}", f"Tiêu chuẩn mẫu số {i}", ics=("01.040",)) for i in range(23)]
