"""Output shapes of the network API. Anonymous readers get the public shapes (no contacts, no notes)."""

from rest_framework import serializers

from nscl.network.models import ConformityBody, ConsultingOrganisation, Expert, ExpertiseField, Qualification


class ExpertiseFieldSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExpertiseField
        fields = ["code", "name_vi", "name_en", "category"]


class OrganisationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = ConsultingOrganisation
        fields = ["id", "name"]


class ExpertPublicSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(allow_null=True)
    fields = ExpertiseFieldSerializer(many=True)

    class Meta:
        model = Expert
        fields = ["id", "full_name", "title", "organisation", "fields"]


class QualificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Qualification
        fields = ["kind", "title", "issuer", "number", "issued_on", "valid_until"]


class ExpertSerializer(ExpertPublicSerializer):
    qualifications = QualificationSerializer(many=True)

    class Meta(ExpertPublicSerializer.Meta):
        fields = [
            *ExpertPublicSerializer.Meta.fields,
            "phone", "email", "address", "availability", "availability_note", "is_active", "qualifications",
        ]  # fmt: skip


class OrganisationSerializer(serializers.ModelSerializer):
    fields = ExpertiseFieldSerializer(many=True)

    class Meta:
        model = ConsultingOrganisation
        fields = ["id", "name", "tax_code", "address", "phone", "email", "website", "fields", "is_active"]


class ScopeStandardSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()


class BodyPublicSerializer(serializers.ModelSerializer):
    scope_standards = ScopeStandardSerializer(many=True)
    validity = serializers.CharField(source="validity_status")

    class Meta:
        model = ConformityBody
        fields = [
            "id", "kind", "name", "short_name", "registration_number", "accreditation_number", "accreditation_body",
            "scope_standards", "scope_note", "valid_from", "valid_until", "validity", "address", "website",
            "in_province",
        ]  # fmt: skip


class BodySerializer(BodyPublicSerializer):
    class Meta(BodyPublicSerializer.Meta):
        fields = [*BodyPublicSerializer.Meta.fields, "phone", "email", "is_active"]
