"""Output shapes of the public read API of the standards repository.

Every serializer here only reads. Links point to the HTML pages, absolute, built from the request
in the serializer context. The search envelopes are marked ``many=False`` because drf-spectacular
would otherwise document the response of a ``list`` action as an array.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from nscl.standards.choices import Equivalence, StandardStatus
from nscl.standards.models import IcsCode, IssuingBody, Standard, StandardField, StandardStatusChange


@extend_schema_field(OpenApiTypes.URI)
class DetailUrlField(serializers.Field):
    """The absolute URL of the object's HTML page (``get_absolute_url``)."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        url = value.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


@extend_schema_field({"oneOf": [{"type": "string"}, {"type": "integer"}]})
class FacetValueField(serializers.ReadOnlyField):
    """A facet value: a code (kind, status, ICS) or a number (decade, issuing body id, field id)."""


@extend_schema_field({"type": "string", "enum": StandardStatus.values}, component_name="StandardStatus")
class StandardStatusField(serializers.ReadOnlyField):
    """A status code; one schema component for every status field (record, chain, history)."""

    def to_representation(self, value):
        return value or None


@extend_schema_field({"type": "string", "enum": Equivalence.values, "nullable": True})
class EquivalenceField(serializers.ReadOnlyField):
    """How closely a standard follows its international counterpart; null when not stated."""

    def to_representation(self, value):
        return value or None


# -- Standards -------------------------------------------------------------------------------------
class StandardRefSerializer(serializers.ModelSerializer):
    """Another standard a record points to (its replacement, the ones it replaces)."""

    url = DetailUrlField()

    class Meta:
        model = Standard
        fields = ["id", "code", "url"]
        read_only_fields = fields


class StandardChainItemSerializer(StandardRefSerializer):
    """One version in a replacement chain."""

    status = StandardStatusField()

    class Meta(StandardRefSerializer.Meta):
        fields = ["id", "code", "year", "status", "url"]
        read_only_fields = fields


class StandardChainSerializer(serializers.Serializer):
    """Every version linked to a standard by replacements, both ways."""

    older = StandardChainItemSerializer(
        many=True, read_only=True, help_text="Versions this standard replaces, directly or not; nearest first."
    )
    newer = StandardChainItemSerializer(
        many=True, read_only=True, help_text="Versions replacing this standard, directly or not; nearest first."
    )


class StandardListItemSerializer(serializers.ModelSerializer):
    """One search result."""

    status = StandardStatusField()
    ics_codes = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    url = DetailUrlField()

    class Meta:
        model = Standard
        fields = ["id", "kind", "code", "title_vi", "title_en", "year", "status", "ics_codes", "url"]
        read_only_fields = fields


class IssuingBodyRefSerializer(serializers.ModelSerializer):
    """The body that issued a standard."""

    name = serializers.CharField(source="name_vi", read_only=True)

    class Meta:
        model = IssuingBody
        fields = ["code", "name"]
        read_only_fields = fields


class StandardFieldRefSerializer(serializers.ModelSerializer):
    """The field (lĩnh vực) a standard is grouped under."""

    name = serializers.CharField(source="name_vi", read_only=True)

    class Meta:
        model = StandardField
        fields = ["code", "name"]
        read_only_fields = fields


class IcsCodeRefSerializer(serializers.ModelSerializer):
    """An ICS code with its titles."""

    class Meta:
        model = IcsCode
        fields = ["code", "level", "title_en", "title_vi"]
        read_only_fields = fields


class StatusChangeSerializer(serializers.ModelSerializer):
    """One step of a standard's status history, newest first."""

    old_status = StandardStatusField(allow_null=True, help_text="Null for the first entry (the record's creation).")
    new_status = StandardStatusField()

    class Meta:
        model = StandardStatusChange
        fields = ["old_status", "new_status", "changed_on"]
        read_only_fields = fields


class StandardDetailSerializer(StandardListItemSerializer):
    """The full record of a standard, with its replacement chain and its status history."""

    # replaced_by_ref, replaces_direct and chain are attributes the view sets from selectors.standard_chain.
    issuing_body = IssuingBodyRefSerializer(read_only=True, allow_null=True)
    field = StandardFieldRefSerializer(read_only=True, allow_null=True)
    ics_codes = IcsCodeRefSerializer(many=True, read_only=True)
    equivalence = EquivalenceField()
    replaced_by = StandardRefSerializer(source="replaced_by_ref", read_only=True, allow_null=True)
    replaces = StandardRefSerializer(source="replaces_direct", many=True, read_only=True)
    chain = StandardChainSerializer(read_only=True)
    status_changes = StatusChangeSerializer(many=True, read_only=True)

    class Meta(StandardListItemSerializer.Meta):
        fields = [
            *StandardListItemSerializer.Meta.fields,
            "scope",
            "status_date",
            "effective_date",
            "issuing_body",
            "decision",
            "equivalent_ref",
            "equivalence",
            "pages",
            "field",
            "replaced_by",
            "replaces",
            "chain",
            "status_changes",
        ]
        read_only_fields = fields


class FacetValueSerializer(serializers.Serializer):
    """One value of a facet, its display label and the number of matches that carry it."""

    value = FacetValueField()
    label = serializers.CharField(read_only=True)
    count = serializers.IntegerField(read_only=True)


class StandardFacetsSerializer(serializers.Serializer):
    """Counts over every match (not only the page), most frequent first."""

    kind = FacetValueSerializer(many=True, read_only=True)
    status = FacetValueSerializer(many=True, read_only=True)
    decade = FacetValueSerializer(many=True, read_only=True)
    ics = FacetValueSerializer(many=True, read_only=True)
    body = FacetValueSerializer(many=True, read_only=True)
    field = FacetValueSerializer(many=True, read_only=True)


@extend_schema_serializer(many=False)
class StandardSearchSerializer(serializers.Serializer):
    """One page of search results with the facet counts over every match."""

    count = serializers.IntegerField(read_only=True, help_text="Number of matches over all pages.")
    page = serializers.IntegerField(read_only=True)
    num_pages = serializers.IntegerField(read_only=True)
    results = StandardListItemSerializer(many=True, read_only=True)
    facets = StandardFacetsSerializer(read_only=True)


class StandardSuggestionSerializer(serializers.ModelSerializer):
    """A standard proposed while the user types."""

    title = serializers.CharField(read_only=True, help_text="Title in the request's language when there is one.")
    status = StandardStatusField()
    url = DetailUrlField()

    class Meta:
        model = Standard
        fields = ["id", "code", "title", "status", "url"]
        read_only_fields = fields


class StandardSuggestSerializer(serializers.Serializer):
    """Suggestions, best match first."""

    results = StandardSuggestionSerializer(many=True, read_only=True)


# -- ICS -------------------------------------------------------------------------------------------
class IcsCodeSerializer(serializers.ModelSerializer):
    """A node of the ICS tree with the number of standards classified under it (its subtree)."""

    parent = serializers.CharField(source="parent_id", read_only=True, allow_null=True)
    standard_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = IcsCode
        fields = ["code", "level", "title_en", "title_vi", "parent", "standard_count"]
        read_only_fields = fields


class IcsCodeDetailSerializer(IcsCodeSerializer):
    """An ICS code with its place in the tree and the codes one level below it."""

    # ancestor_list and child_list are attributes the view sets.
    ancestors = IcsCodeRefSerializer(
        source="ancestor_list", many=True, read_only=True, help_text="From the field down to the parent."
    )
    children = IcsCodeSerializer(source="child_list", many=True, read_only=True)

    class Meta(IcsCodeSerializer.Meta):
        fields = [*IcsCodeSerializer.Meta.fields, "ancestors", "children"]
        read_only_fields = fields


@extend_schema_serializer(many=False)
class IcsCodeListSerializer(serializers.Serializer):
    """ICS codes one level below a parent, in code order."""

    results = IcsCodeSerializer(many=True, read_only=True)


# -- Errors (documentation of the shapes DRF answers with) -----------------------------------------
class ErrorDetailSerializer(serializers.Serializer):
    """An error that concerns the whole request, such as a record that does not exist."""

    detail = serializers.CharField(read_only=True)
