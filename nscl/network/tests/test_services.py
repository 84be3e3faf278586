import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nscl.network import constants, selectors, services
from nscl.network.choices import Availability
from nscl.network.tests.factories import (
    ConformityBodyFactory,
    ConsultingOrganisationFactory,
    ExpertFactory,
    ExpertiseFieldFactory,
)

pytestmark = pytest.mark.django_db


class SearchTests:
    def test_search_is_accent_insensitive_both_ways(self):
        field = ExpertiseFieldFactory(code="iso-22000", name_vi="An toàn thực phẩm ISO 22000")
        expert = services.expert_save(data={"full_name": "Đặng Thị Hường"}, fields=[field], by=None)
        ExpertFactory(full_name="Trần Văn Bình")
        for query in ("dang thi huong", "Đặng", "HƯỜNG", "an toan thuc pham", "22000"):
            assert list(selectors.expert_list(query=query)) == [expert], query

    def test_tokens_match_word_starts_only(self):
        ExpertFactory(full_name="Mathu Lê")
        assert not selectors.expert_list(query="thu").filter(full_name="Mathu Lê").exists()

    def test_organisation_rename_refreshes_its_experts(self):
        organisation = ConsultingOrganisationFactory(name="Công ty Cũ")
        expert = services.expert_save(data={"full_name": "Hà Văn A", "organisation": organisation}, by=None)
        services.organisation_save(organisation=organisation, data={"name": "Công ty Đổi Mới"}, by=None)
        assert list(selectors.expert_list(query="doi moi")) == [expert]

    def test_bodies_searchable_by_accreditation_number(self):
        body = services.body_save(
            data={"kind": "testing_lab", "name": "Phòng Thử nghiệm Đồng Đăng", "accreditation_number": "VILAS 999",
                  "accreditation_body": "BoA"},
            by=None,
        )  # fmt: skip
        assert list(selectors.body_list(query="dong dang")) == [body]
        assert list(selectors.body_list(query="vilas 999")) == [body]


class ServiceRuleTests:
    def test_duplicate_tax_code(self):
        services.organisation_save(data={"name": "A", "tax_code": "0100109106"}, by=None)
        with pytest.raises(ValidationError) as caught:
            services.organisation_save(data={"name": "B", "tax_code": "0100109106"}, by=None)
        assert caught.value.message_dict["tax_code"] == [
            str(constants.ERROR_DUPLICATE_TAX_CODE % {"tax_code": "0100109106"})
        ]

    def test_linked_user_must_be_an_expert(self, make_user):
        with pytest.raises(ValidationError) as caught:
            services.expert_save(data={"full_name": "X", "user": make_user("officer")}, by=None)
        assert caught.value.message_dict["user"] == [str(constants.ERROR_USER_NOT_EXPERT)]

    def test_qualification_dates(self):
        expert = ExpertFactory()
        with pytest.raises(ValidationError) as caught:
            services.qualification_save(
                expert=expert,
                data={
                    "kind": "trainer",
                    "issued_on": datetime.date(2025, 1, 2),
                    "valid_until": datetime.date(2025, 1, 1),
                },
                by=None,
            )
        assert caught.value.message_dict["valid_until"] == [str(constants.ERROR_QUALIFICATION_DATES)]

    def test_expert_edits_only_their_own_record(self, make_user):
        owner, other = make_user("expert"), make_user("expert")
        expert = ExpertFactory(user=owner)
        with pytest.raises(PermissionDenied):
            services.expert_self_update(expert=expert, by=other, data={"phone": "1"})
        services.expert_self_update(expert=expert, by=owner, data={"availability": Availability.LIMITED})
        expert.refresh_from_db()
        assert expert.availability == Availability.LIMITED

    def test_self_update_refuses_officer_fields(self, make_user):
        owner = make_user("expert")
        expert = ExpertFactory(user=owner)
        with pytest.raises(TypeError):
            services.expert_self_update(expert=expert, by=owner, data={"full_name": "Other"})


class HistoryTests:
    def test_who_when_before_after(self, make_user):
        officer = make_user("officer")
        body = services.body_save(
            data={"kind": "certification", "name": "Tên cũ", "registration_number": "R1"}, by=officer
        )
        services.body_save(body=body, data={"name": "Tên mới"}, by=officer, reason="đổi tên")
        entries = selectors.history_of(body)
        assert [e.action for e in entries] == ["~", "+"]
        assert entries[0].who == officer.display_name
        assert entries[0].reason == "đổi tên"
        change = next(c for c in entries[0].changes if c.before == "Tên cũ")
        assert change.after == "Tên mới"

    def test_expert_history_records_the_user(self, make_user):
        officer = make_user("officer")
        expert = services.expert_save(data={"full_name": "A"}, by=officer)
        services.expert_save(expert=expert, data={"availability": Availability.UNAVAILABLE}, by=officer)
        assert expert.history.count() == 2
        assert expert.history.first().history_user == officer


def test_body_factory_is_valid():
    ConformityBodyFactory().full_clean()
