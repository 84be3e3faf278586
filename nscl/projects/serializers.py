"""Shapes of the projects API. Choice fields are plain strings plus a label (no schema enum clashes)."""

from rest_framework import serializers

from nscl.projects.models import SupportProject, SupportType


class SupportTypeSerializer(serializers.ModelSerializer):
    group = serializers.CharField()
    group_label = serializers.CharField(source="get_group_display")

    class Meta:
        model = SupportType
        fields = ["id", "code", "group", "group_label", "name_vi", "name_en"]


class ProjectSerializer(serializers.ModelSerializer):
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    enterprise = serializers.CharField(source="enterprise.name_vi")
    support_types = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")

    class Meta:
        model = SupportProject
        fields = [
            "id", "title", "enterprise", "enterprise_id", "status", "status_label", "support_types", "start_date",
            "end_date", "total_cost", "requested_amount", "approved_amount", "decision_number", "decision_date",
        ]  # fmt: skip
        read_only_fields = fields


class TransitionInputSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    amount = serializers.IntegerField(required=False, min_value=1)
    decision_number = serializers.CharField(required=False, allow_blank=True, max_length=60, default="")
    decision_date = serializers.DateField(required=False)
