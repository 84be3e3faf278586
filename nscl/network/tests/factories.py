import datetime

import factory

from nscl.network.choices import Availability, BodyKind, QualificationKind
from nscl.network.models import ConformityBody, ConsultingOrganisation, Expert, ExpertiseField, Qualification
from nscl.network.services import body_refresh_search_text, expert_refresh_search_text


class ExpertiseFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertiseField
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"field-{n}")
    name_vi = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    category = "other"


class ConsultingOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultingOrganisation

    name = factory.Sequence(lambda n: f"Công ty Tư vấn Thử nghiệm {n}")
    phone = "0205 000 000"
    email = factory.Sequence(lambda n: f"org{n}@example.invalid")


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert
        skip_postgeneration_save = True

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    phone = "0912 000 111"
    email = factory.Sequence(lambda n: f"expert{n}@example.invalid")
    availability = Availability.AVAILABLE

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields.set(extracted)

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            expert_refresh_search_text(expert=self)


class QualificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Qualification

    expert = factory.SubFactory(ExpertFactory)
    kind = QualificationKind.PQ_EXPERT
    number = factory.Sequence(lambda n: f"Q-{n}")
    issued_on = datetime.date(2024, 1, 1)
    valid_until = datetime.date(2027, 1, 1)


class ConformityBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConformityBody
        skip_postgeneration_save = True

    kind = BodyKind.CERTIFICATION
    name = factory.Sequence(lambda n: f"Tổ chức Chứng nhận Thử {n}")
    registration_number = factory.Sequence(lambda n: f"REG-{n}")
    phone = "0205 111 222"
    email = factory.Sequence(lambda n: f"body{n}@example.invalid")
    valid_from = datetime.date(2024, 1, 1)
    valid_until = datetime.date(2028, 1, 1)

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            body_refresh_search_text(body=self)
