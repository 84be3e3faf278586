"""Read API of the enterprise registry: enterprises (scoped by role) and key products.

Staff and the board read every enterprise in full; a representative reads its own enterprise in full
and nothing else; everyone else reads the public fields (name, commune, sector, size) of active enterprises.
"""

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from nscl.core.roles import Role, has_role
from nscl.core.text import search_tokens
from nscl.enterprises import selectors
from nscl.enterprises.constants import API_PAGE_SIZE
from nscl.enterprises.models import Certification, Enterprise
from nscl.enterprises.permissions import READ_ALL, ApiRead
from nscl.enterprises.serializers import EnterpriseFullSerializer, EnterprisePublicSerializer, KeyProductSerializer


class EnterprisePagination(PageNumberPagination):
    page_size = API_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = 200


def _scope(user) -> tuple[str, object]:
    """('full', queryset) for staff, board and representatives; ('public', queryset) for everyone else."""
    if has_role(user, *READ_ALL) or has_role(user, Role.ENTERPRISE):
        queryset = Enterprise.objects.visible_to(user).prefetch_related(
            "years", Prefetch("certifications", queryset=Certification.objects.order_by("-issued_on"))
        )
        return "full", queryset
    return "public", Enterprise.objects.active()


class EnterpriseViewSet(viewsets.ViewSet):
    permission_classes = [ApiRead]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]

    def _serializer(self, kind: str):
        return EnterpriseFullSerializer if kind == "full" else EnterprisePublicSerializer

    @extend_schema(
        summary="List enterprises",
        description="Full records for officers, board and the enterprise's representative; public fields otherwise.",
        parameters=[OpenApiParameter("q", str, description="Words of the name or the tax code, accents optional.")],
        responses=EnterpriseFullSerializer(many=True),
    )
    def list(self, request):
        kind, queryset = _scope(request.user)
        queryset = queryset.select_related("commune", "vsic_code").order_by("name_vi", "id")
        if request.query_params.get("q"):
            queryset = _search(queryset, request.query_params["q"][:200])
        paginator = EnterprisePagination()
        page = paginator.paginate_queryset(queryset, request, view=self)
        return paginator.get_paginated_response(self._serializer(kind)(page, many=True).data)

    @extend_schema(summary="One enterprise", responses=EnterpriseFullSerializer)
    def retrieve(self, request, pk: str):
        if not pk.isdigit() or len(pk) > 18:
            raise NotFound
        kind, queryset = _scope(request.user)
        enterprise = queryset.select_related("commune", "vsic_code").filter(pk=int(pk)).first()
        if enterprise is None:
            raise NotFound
        return Response(self._serializer(kind)(enterprise).data)


def _search(queryset, text: str):
    for token in search_tokens(text):
        queryset = queryset.filter(search_text__contains=token)  # both sides folded
    return queryset


class KeyProductViewSet(viewsets.ViewSet):
    permission_classes = [ApiRead]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]

    @extend_schema(
        summary="Key products of the province with their producers", responses=KeyProductSerializer(many=True)
    )
    def list(self, request):
        return Response(KeyProductSerializer(selectors.key_product_list(), many=True).data)

    @extend_schema(summary="One key product", responses=KeyProductSerializer)
    def retrieve(self, request, slug: str):
        product = selectors.key_product_list().filter(slug=slug[:80]).first()
        if product is None:
            raise NotFound
        return Response(KeyProductSerializer(product).data)
