"""Demo data of the network (`manage.py load_demo`; safe to repeat).

Every person, organisation and number here is invented for the demo, and each record says so
in its note. Two real public bodies appear by name only (the province's Technical Centre for
Standards, Metrology and Quality, and QUACERT); their numbers and dates are demo values marked
"DEMO", not their real registration or accreditation numbers.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from nscl.accounts.models import User
from nscl.network.choices import Availability, BodyKind, QualificationKind
from nscl.network.models import ConformityBody, ConsultingOrganisation, Expert, ExpertiseField, Qualification
from nscl.network.reference import expertise_fields_load
from nscl.network.services import body_save, expert_save, organisation_save, qualification_save

DEMO_NOTE = "Dữ liệu minh họa (demo), không phải thông tin thật."
DEMO_EXPERT_USER = "chuyengia"

ORGANISATIONS = [
    ("Công ty TNHH Tư vấn Năng suất Xứ Lạng (demo)", "Số 1 đường Minh họa, phường Lương Văn Tri, Lạng Sơn",
     ["iso-9001", "5s", "kaizen", "kpi"]),
    ("Trung tâm Tư vấn Cải tiến Biên Cương (demo)", "Số 2 đường Minh họa, phường Tam Thanh, Lạng Sơn",
     ["iso-22000", "haccp", "vietgap", "lean"]),
    ("Viện Quản lý Chất lượng Mẫu (demo)", "Số 3 phố Minh họa, Hà Nội", ["iso-14001", "iso-45001", "six-sigma", "bsc"]),
]  # fmt: skip

# (full name, title, organisation index or None, fields, availability, availability note, qualifications)
EXPERTS = [
    ("Lương Minh Đức", "ThS.", 0, ["iso-9001", "5s", "kaizen"], Availability.AVAILABLE, "",
     [(QualificationKind.PQ_EXPERT, "Chứng chỉ chuyên gia NSCL (demo)", "DEMO-CG-0001"),
      (QualificationKind.LEAD_AUDITOR_ISO_9001, "Đánh giá trưởng ISO 9001 (demo)", "DEMO-LA-0001")]),
    ("Hoàng Thị Thu Hà", "TS.", 1, ["iso-22000", "haccp", "vietgap"], Availability.LIMITED,
     "Nhận tối đa hai dự án đến hết quý I.",
     [(QualificationKind.AUDITOR_ISO_22000, "Đánh giá viên ISO 22000 (demo)", "DEMO-FS-0002")]),
    ("Nông Văn Khải", "Kỹ sư", 0, ["lean", "tpm", "kpi"], Availability.AVAILABLE, "",
     [(QualificationKind.LEAN_SIX_SIGMA, "Đai xanh Lean Six Sigma (demo)", "DEMO-GB-0003")]),
    ("Vi Thị Phương Thảo", "ThS.", 2, ["iso-14001", "iso-45001", "iso-50001"], Availability.UNAVAILABLE,
     "Đang công tác nước ngoài.",
     [(QualificationKind.AUDITOR_OTHER, "Đánh giá viên ISO 14001 (demo)", "DEMO-EM-0004")]),
    ("Đinh Quang Trường", "", None, ["bsc", "qcc", "7-qc-tools", "six-sigma"], Availability.AVAILABLE, "",
     [(QualificationKind.TRAINER, "Giảng viên NSCL (demo)", "DEMO-GV-0005")]),
]  # fmt: skip

BODIES = [
    # (kind, name, short name, registration no., accreditation no., accreditation body, years valid, in province)
    (BodyKind.TESTING_LAB, "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Lạng Sơn", "",
     "DEMO-DK-TN-001", "DEMO-VILAS-001", "Văn phòng Công nhận Chất lượng (BoA)", 3, True,
     "Thử nghiệm, kiểm định, hiệu chuẩn phương tiện đo (phạm vi minh họa)."),
    (BodyKind.CERTIFICATION, "Trung tâm Chứng nhận Phù hợp", "QUACERT",
     "DEMO-DK-CN-002", "DEMO-VICAS-002", "Văn phòng Công nhận Chất lượng (BoA)", 2, False,
     "Chứng nhận hệ thống quản lý và sản phẩm (phạm vi minh họa)."),
    (BodyKind.INSPECTION, "Công ty Cổ phần Giám định Mẫu Đồng Đăng (demo)", "",
     "DEMO-DK-GD-003", "", "", 0, True, "Giám định hàng hóa xuất nhập khẩu qua cửa khẩu (minh họa)."),
    (BodyKind.CALIBRATION_LAB, "Phòng Hiệu chuẩn Mẫu Kỳ Lừa (demo)", "",
     "", "DEMO-VILAS-004", "Văn phòng Công nhận Chất lượng (BoA)", -1, True, "Hiệu chuẩn cân, nhiệt kế (minh họa)."),
]  # fmt: skip


def _fields(codes: list[str]) -> list[ExpertiseField]:
    return list(ExpertiseField.objects.filter(code__in=codes))


@transaction.atomic
def organisations_load() -> list[ConsultingOrganisation]:
    saved = []
    for name, address, fields in ORGANISATIONS:
        existing = ConsultingOrganisation.objects.filter(name=name).first()
        data = {"name": name, "address": address, "note": DEMO_NOTE}
        saved.append(organisation_save(organisation=existing, data=data, fields=_fields(fields), by=None))
    return saved


@transaction.atomic
def experts_load(organisations: list[ConsultingOrganisation]) -> list[Expert]:
    saved = []
    user = User.objects.filter(username=DEMO_EXPERT_USER).first()
    for index, (name, title, org, fields, availability, note, qualifications) in enumerate(EXPERTS):
        existing = Expert.objects.filter(full_name=name).first()
        data = {
            "full_name": name,
            "title": title,
            "organisation": organisations[org] if org is not None else None,
            "email": f"chuyengia{index + 1}@demo.invalid",
            "availability": availability,
            "availability_note": note,
            "note": DEMO_NOTE,
        }
        if index == 0 and user is not None:
            data["user"] = user
        expert = expert_save(expert=existing, data=data, fields=_fields(fields), by=None)
        issued = datetime.date(2024, 5, 1)
        for kind, qtitle, number in qualifications:
            if not Qualification.objects.filter(expert=expert, number=number).exists():
                qdata = {"kind": kind, "title": qtitle, "issuer": "Tổ chức cấp (demo)", "number": number,
                         "issued_on": issued, "valid_until": issued.replace(year=issued.year + 3)}  # fmt: skip
                qualification_save(expert=expert, data=qdata, by=None)
        saved.append(expert)
    return saved


@transaction.atomic
def bodies_load() -> list[ConformityBody]:
    today = timezone.localdate()
    saved = []
    for kind, name, short, reg, acc, acc_body, years, in_province, scope in BODIES:
        existing = ConformityBody.objects.filter(name=name).first()
        valid_from = today.replace(year=today.year - 3)
        # years > 0: valid; 0: expiring within 90 days; -1: expired (to show every flag in the demo)
        valid_until = (
            today + datetime.timedelta(days=365 * years)
            if years > 0
            else today + datetime.timedelta(days=45 if years == 0 else -30)
        )
        if existing is not None and existing.valid_until:
            valid_until = existing.valid_until  # keep dates stable between loads
        data = {
            "kind": kind, "name": name, "short_name": short, "registration_number": reg,
            "accreditation_number": acc, "accreditation_body": acc_body, "scope_note": scope,
            "valid_from": min(valid_from, valid_until), "valid_until": valid_until, "in_province": in_province,
            "note": DEMO_NOTE,
        }  # fmt: skip
        saved.append(body_save(body=existing, data=data, by=None))
    return saved


def load() -> None:
    if not ExpertiseField.objects.exists():
        expertise_fields_load()
    organisations = organisations_load()
    experts_load(organisations)
    bodies_load()
