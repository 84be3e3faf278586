"""The shared history reader (nscl.core.history): created, changed, deleted; values as people read them;
newest first across sources; each version compared with the previous version of the same row; one
query per source. It lives outside nscl/ because it reads real models of later apps, which core's own
tests may not import (the layers contract)."""

import datetime
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from nscl.core.history import CHANGED, CREATED, DELETED, FieldChange, HistorySource, history_list
from nscl.enterprises.models import Enterprise
from nscl.enterprises.services import enterprise_create, enterprise_update
from nscl.enterprises.tests.factories import CommuneFactory, next_tax_code
from nscl.projects.choices import SupportGroup
from nscl.projects.models import SupportRule

pytestmark = pytest.mark.django_db
MONEY = ("ceiling",)


def rules(**kwargs):
    return history_list(sources=[(SupportRule.history.all(), "quy định")], money_fields=MONEY, **kwargs)


def save(rule: SupportRule, by, **changes) -> SupportRule:
    for name, value in changes.items():
        setattr(rule, name, value)
    rule._history_user = by
    rule.save()
    return rule


@pytest.fixture
def officer(make_user):
    return make_user("officer", full_name="Nguyễn Văn Cán")


@pytest.fixture
def rule(officer):
    return save(
        SupportRule(group=SupportGroup.MANAGEMENT_SYSTEM, share_percent=50, ceiling=100_000_000,
                    valid_from=datetime.date(2021, 1, 1), is_demo=True),
        officer,
    )  # fmt: skip


def test_created_changed_deleted_with_who_and_when(officer, rule, make_user):
    other = make_user("admin", full_name="Trần Thị Quản")
    save(rule, other, share_percent=Decimal("40.5"))
    rule._history_user = officer
    rule.delete()
    entries = rules()
    assert [e.action for e in entries] == [DELETED, CHANGED, CREATED]
    assert [e.who for e in entries] == [officer.display_name, other.display_name, officer.display_name]
    assert entries[2].created and entries[0].deleted and not entries[1].created
    assert all(e.when <= timezone.now() for e in entries)
    assert entries[1].changes == (FieldChange("tỷ lệ hỗ trợ tối đa (%)", "50", "40.5"),)
    assert entries[0].changes == entries[2].changes == ()
    assert {e.what for e in entries} == {"quy định"}


def test_values_are_shown_as_people_read_them(officer, rule):
    save(
        rule, officer, group=SupportGroup.TECHNOLOGY, ceiling=80_000_000, is_demo=False,
        valid_to=datetime.date(2026, 12, 31), source="Nghị quyết 12",
    )  # fmt: skip
    changes = {label: (before, after) for label, before, after in rules()[0].changes}
    assert changes == {
        "nhóm nội dung hỗ trợ": (str(SupportGroup.MANAGEMENT_SYSTEM.label), str(SupportGroup.TECHNOLOGY.label)),
        "mức hỗ trợ tối đa (đồng)": ("100.000.000 đồng", "80.000.000 đồng"),
        "số liệu minh họa": ("Có", "Không"),
        "hiệu lực đến ngày": ("", "31/12/2026"),
        "căn cứ": ("", "Nghị quyết 12"),
    }


def test_the_record_is_named_by_the_fields_the_source_gives(officer, rule):
    source = HistorySource(SupportRule.history.all(), "quy định", name_fields=("group", "valid_from"))
    (entry,) = history_list(sources=[source])
    assert entry.record == f"{SupportGroup.MANAGEMENT_SYSTEM.label} (01/01/2021)"
    (entry,) = history_list(sources=[(SupportRule.history.all(), "quy định")])
    assert entry.record == f"#{rule.pk}"  # a rule has no name field of its own


def test_each_version_is_compared_with_the_previous_version_of_the_same_row(officer, rule):
    other = save(
        SupportRule(group=SupportGroup.TECHNOLOGY, share_percent=30, ceiling=10, valid_from=datetime.date(2022, 1, 1)),
        officer,
    )
    save(rule, officer, ceiling=90_000_000)
    save(other, officer, ceiling=20)
    for _ in range(5):  # versions of the other rule between; the limit leaves the first ones out
        save(other, officer, source="x")
    save(rule, officer, ceiling=70_000_000)
    newest = rules(limit=1)[0]
    assert newest.changes == (FieldChange("mức hỗ trợ tối đa (đồng)", "90.000.000 đồng", "70.000.000 đồng"),)
    entries = rules(limit=7)
    assert len(entries) == 7
    assert entries[-1].changes == (FieldChange("mức hỗ trợ tối đa (đồng)", "10 đồng", "20 đồng"),)
    assert entries[1].changes == ()  # saved again, nothing changed


def test_related_rows_are_shown_by_name_and_sources_are_merged_newest_first(officer, rule):
    first, second = CommuneFactory(full_name="Xã Chi Lăng"), CommuneFactory(full_name="Xã Bắc Sơn")
    enterprise = enterprise_create(
        by=officer, tax_code=next_tax_code(), name_vi="Công ty A", ownership="private", commune=first
    )
    save(rule, officer, ceiling=1)
    enterprise_update(enterprise=enterprise, by=officer, ownership="fdi", commune=second)
    sources = [(SupportRule.history.all(), "quy định"), (Enterprise.history.filter(id=enterprise.pk), "doanh nghiệp")]
    entries = history_list(sources=sources, money_fields=MONEY)
    assert [(e.what, e.action) for e in entries] == [
        ("doanh nghiệp", CHANGED), ("quy định", CHANGED), ("doanh nghiệp", CREATED), ("quy định", CREATED),
    ]  # fmt: skip
    assert entries[0].record == "Công ty A"
    changes = {label: (before, after) for label, before, after in entries[0].changes}
    assert changes["xã, phường"] == ("Xã Chi Lăng", "Xã Bắc Sơn")
    assert changes["loại hình sở hữu"][1] == "Doanh nghiệp có vốn đầu tư nước ngoài"
    assert [e.when for e in entries] == sorted((e.when for e in entries), reverse=True)
    assert len(history_list(sources=[(SupportRule.history.all(), "quy định")], limit=1)) == 1


def test_one_query_per_source_however_many_versions(officer, rule, django_assert_max_num_queries):
    communes = [CommuneFactory() for _ in range(4)]
    enterprise = enterprise_create(
        by=officer, tax_code=next_tax_code(), name_vi="Công ty B", ownership="private", commune=communes[0]
    )
    for commune in communes[1:]:
        enterprise_update(enterprise=enterprise, by=officer, commune=commune)
    for ceiling in range(1, 12):
        save(rule, officer, ceiling=ceiling)
    sources = [(SupportRule.history.all(), "quy định"), (Enterprise.history.filter(id=enterprise.pk), "doanh nghiệp")]
    with django_assert_max_num_queries(2):
        entries = history_list(sources=sources, limit=30, money_fields=MONEY)
    assert len(entries) == 4 + 12
    assert entries[0].changes == (FieldChange("mức hỗ trợ tối đa (đồng)", "10 đồng", "11 đồng"),)


def test_the_partial_shows_the_table_or_says_there_is_nothing(officer, rule):
    save(rule, officer, ceiling=5)
    html = render_to_string("partials/_history.html", {"history": rules()})
    for header in ("Thời điểm", "Người thực hiện", "Bản ghi", "Thay đổi"):
        assert f'<th scope="col">{header}</th>' in html
    assert "<caption" in html and officer.display_name in html
    assert "<del>100.000.000 đồng</del> → <ins>5 đồng</ins>" in html and "Tạo mới" in html
    assert "Chưa có thay đổi." in render_to_string("partials/_history.html", {"history": []})
