"""Read API of the network: experts, consulting organisations, conformity bodies.

Experts and bodies are readable by anyone (public shapes: no phone, e-mail or notes); the
workspace roles get the full shapes. Consulting organisations are for the workspace roles only.
Query parameters are those of the HTML lists (``q``, ``field``, ``kind``, ``validity``...).
"""

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from nscl.core.permissions import HasRole, PublicReadOnly
from nscl.network import permissions, selectors, serializers
from nscl.network.choices import Availability, BodyKind, QualificationKind, Validity
from nscl.network.constants import PAGE_SIZE
from nscl.network.forms import BodyFilterForm, DirectoryExpertFilterForm, ExpertFilterForm, OrganisationFilterForm
from nscl.standards.models import Standard

Q_PARAMETER = OpenApiParameter("q", str, description="Words, accents optional (accent-insensitive).")
FIELD_PARAMETER = OpenApiParameter("field", str, description="Code of a field of expertise, e.g. iso-9001.")


class Pages(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = 100


class _ReadApi(viewsets.ReadOnlyModelViewSet):
    pagination_class = Pages
    throttle_classes = [AnonRateThrottle, UserRateThrottle]

    @property
    def full_access(self) -> bool:
        return permissions.can_see_contacts(self.request.user)


@extend_schema_view(
    list=extend_schema(
        summary="Experts (public fields for anonymous readers)",
        parameters=[
            Q_PARAMETER,
            FIELD_PARAMETER,
            OpenApiParameter("qualification", str, enum=QualificationKind.values, description="Workspace roles only."),
            OpenApiParameter("availability", str, enum=Availability.values, description="Workspace roles only."),
        ],
        responses=serializers.ExpertSerializer(many=True),
    ),
    retrieve=extend_schema(summary="One expert", responses=serializers.ExpertSerializer),
)
class ExpertViewSet(_ReadApi):
    permission_classes = [PublicReadOnly]

    def get_queryset(self):
        if self.full_access:
            return selectors.expert_list(**ExpertFilterForm(self.request.query_params).selector_kwargs())
        return selectors.expert_directory_list(**DirectoryExpertFilterForm(self.request.query_params).selector_kwargs())

    def get_serializer_class(self):
        return serializers.ExpertSerializer if self.full_access else serializers.ExpertPublicSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Conformity assessment bodies",
        parameters=[
            Q_PARAMETER,
            OpenApiParameter("kind", str, enum=BodyKind.values),
            OpenApiParameter("validity", str, enum=Validity.values),
            OpenApiParameter("in_province", str, enum=["1", "0"]),
        ],
        responses=serializers.BodySerializer(many=True),
    ),
    retrieve=extend_schema(summary="One conformity assessment body", responses=serializers.BodySerializer),
)
class BodyViewSet(_ReadApi):
    permission_classes = [PublicReadOnly]

    def get_queryset(self):
        bodies = selectors.body_list(
            active_only=not self.full_access, **BodyFilterForm(self.request.query_params).selector_kwargs()
        )
        return bodies.prefetch_related(Prefetch("scope_standards", queryset=Standard.objects.only("id", "code")))

    def get_serializer_class(self):
        return serializers.BodySerializer if self.full_access else serializers.BodyPublicSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Consulting organisations (workspace roles)",
        parameters=[Q_PARAMETER, FIELD_PARAMETER],
        responses=serializers.OrganisationSerializer(many=True),
    ),
    retrieve=extend_schema(summary="One consulting organisation", responses=serializers.OrganisationSerializer),
)
class OrganisationViewSet(_ReadApi):
    permission_classes = [HasRole.of(*permissions.READ)]
    serializer_class = serializers.OrganisationSerializer

    def get_queryset(self):
        return selectors.organisation_list(**OrganisationFilterForm(self.request.query_params).selector_kwargs())
