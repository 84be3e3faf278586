"""Output serializers of the enterprise API. Public fields for everyone; the full record for staff and owners."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from nscl.enterprises.choices import CertificationKind
from nscl.enterprises.models import Certification, Enterprise, EnterpriseYear, KeyProduct


@extend_schema_field({"type": "string", "enum": CertificationKind.values})
class CertificationKindField(serializers.CharField):
    """An inline enum, not a named component: other apps' serializers have a "kind" too."""


class CommuneRefSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class VsicRefSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name_vi = serializers.CharField(read_only=True)


class EnterprisePublicSerializer(serializers.ModelSerializer):
    """What anyone may read: name, commune, sector, size."""

    commune = CommuneRefSerializer(read_only=True, allow_null=True)
    vsic_code = VsicRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Enterprise
        fields = ["id", "name_vi", "name_en", "short_name", "commune", "vsic_code", "size"]
        read_only_fields = fields


class EnterpriseYearSerializer(serializers.ModelSerializer):
    class Meta:
        model = EnterpriseYear
        fields = ["year", "employees", "revenue", "capital"]
        read_only_fields = fields


class CertificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Certification
        fields = [
            "id", "kind", "standard_text", "standard", "scope", "body_name", "certificate_number", "issued_on",
            "expires_on", "expired", "expiring_soon",
        ]  # fmt: skip
        read_only_fields = fields

    kind = CertificationKindField(read_only=True)
    expired = serializers.BooleanField(read_only=True)
    expiring_soon = serializers.BooleanField(read_only=True)


class EnterpriseFullSerializer(EnterprisePublicSerializer):
    """The whole record, for staff, the board and the enterprise's own representative."""

    years = EnterpriseYearSerializer(many=True, read_only=True)
    certifications = CertificationSerializer(many=True, read_only=True)

    class Meta(EnterprisePublicSerializer.Meta):
        fields = [
            *EnterprisePublicSerializer.Meta.fields, "tax_code", "ownership", "address", "representative_name",
            "phone", "email", "website", "founded_year", "description", "size_year", "status", "years",
            "certifications",
        ]  # fmt: skip
        read_only_fields = fields


class KeyProductSerializer(serializers.ModelSerializer):
    producers = EnterprisePublicSerializer(many=True, read_only=True)

    class Meta:
        model = KeyProduct
        fields = ["slug", "name_vi", "name_en", "description", "area", "producers"]
        read_only_fields = fields
