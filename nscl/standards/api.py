"""Public read API of the standards repository: search, detail, suggestions and the ICS tree.

Reads go through the search backend and the selectors, so each endpoint runs a fixed number of
queries whatever the size of its answer. Query strings are parsed by ``StandardSearchForm``, the
same form the HTML search page uses; its errors become a 400 whose keys name the parameters.
"""

import re

from django.http import QueryDict
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from nscl.core.permissions import PublicReadOnly
from nscl.standards import selectors
from nscl.standards.choices import StandardKind, StandardStatus
from nscl.standards.constants import MAX_PAGE_SIZE, PAGE_SIZE, SUGGEST_LIMIT
from nscl.standards.forms import ICS_PATTERN, MAX_PAGE, StandardSearchForm
from nscl.standards.models import IcsCode, Standard
from nscl.standards.search import get_backend
from nscl.standards.serializers import (
    ErrorDetailSerializer,
    IcsCodeDetailSerializer,
    IcsCodeListSerializer,
    StandardDetailSerializer,
    StandardSearchSerializer,
    StandardSuggestSerializer,
)

# Parameters that may repeat (?kind=TCVN&kind=QCVN) or hold a comma-separated list (?kind=TCVN,QCVN).
LIST_PARAMETERS = ("kind", "status", "body", "field")
MAX_ID = 2**63 - 1  # the largest id either database stores; a bigger number would crash the query
_ID = re.compile(r"[0-9]{1,19}")

ERROR_RESPONSE = OpenApiResponse(
    response={"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    description="Invalid parameters: each key names a parameter, with its messages.",
)
NOT_FOUND_RESPONSE = OpenApiResponse(response=ErrorDetailSerializer, description="No such record.")


def _ids_schema(description: str) -> dict:
    return {"type": "array", "items": {"type": "integer", "minimum": 1}, "description": description}


SEARCH_PARAMETERS = [
    OpenApiParameter("q", {"type": "string", "maxLength": 200}, description="Words or a number as typed."),
    OpenApiParameter(
        "kind",
        str,
        many=True,
        enum=StandardKind.values,
        explode=True,
        description="Repeat the parameter or separate values with commas.",
    ),
    OpenApiParameter(
        "status",
        str,
        many=True,
        enum=StandardStatus.values,
        explode=True,
        description="Repeat the parameter or separate values with commas.",
    ),
    OpenApiParameter("ics", str, pattern=ICS_PATTERN, description="An ICS code; matches its whole subtree."),
    OpenApiParameter("year_min", {"type": "integer", "minimum": 1900, "maximum": 2100}),
    OpenApiParameter(
        "year_max", {"type": "integer", "minimum": 1900, "maximum": 2100}, description="Not before year_min."
    ),
    OpenApiParameter("body", _ids_schema("Issuing body ids (repeated or comma-separated)."), explode=True),
    OpenApiParameter("field", _ids_schema("Field ids (repeated or comma-separated)."), explode=True),
    OpenApiParameter(
        "page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
        description="A page past the last one answers an empty result list.",
    ),
    OpenApiParameter("page_size", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": PAGE_SIZE}),
]


def _split_lists(params: QueryDict) -> QueryDict:
    """A copy of the query string where list parameters are split on commas, blanks dropped."""
    data = params.copy()
    for name in LIST_PARAMETERS:
        if name in data:
            values = [part.strip() for value in data.getlist(name) for part in value.split(",")]
            data.setlist(name, [value for value in values if value])
    return data


def _form_errors(form: StandardSearchForm, rename: dict[str, str] | None = None) -> dict[str, list[str]]:
    rename = {"__all__": api_settings.NON_FIELD_ERRORS_KEY, **(rename or {})}
    return {rename.get(name, name): list(messages) for name, messages in form.errors.items()}


def _search_form(params: QueryDict) -> StandardSearchForm:
    """The validated search form, or a 400 naming each bad parameter."""
    form = StandardSearchForm(_split_lists(params))
    if not form.is_valid():
        raise ValidationError(_form_errors(form))
    errors = {
        name: [_("Giá trị %(value)s không hợp lệ.") % {"value": value}]
        for name in ("body", "field")
        for value in form.cleaned_data.get(name) or ()
        if not 1 <= value <= MAX_ID
    }
    if errors:
        raise ValidationError(errors)
    return form


def _ics_code(value: str, *, parameter: str) -> str:
    """An ICS code checked by the search form's own rule, or a 400 naming ``parameter``."""
    form = StandardSearchForm({"ics": value})
    if not form.is_valid():
        raise ValidationError(_form_errors(form, rename={"ics": parameter}))
    return form.cleaned_data["ics"]


class PublicReadApi(viewsets.ViewSet):
    """Open to everyone for reading (permissions.SEARCH and permissions.READ are public), throttled.

    /api/ sits outside i18n_patterns, where LocaleMiddleware always picks the default language;
    here the language comes from the language cookie or Accept-Language, as a client would expect.
    """

    permission_classes = [PublicReadOnly]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]

    def initial(self, request, *args, **kwargs):
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        return super().finalize_response(request, response, *args, **kwargs)

    def get_serializer_context(self) -> dict:
        return {"request": self.request, "view": self}


class StandardViewSet(PublicReadApi):
    """Search the standards, read one record, suggest numbers and titles as the user types."""

    @extend_schema(
        summary="Search the standards",
        description=(
            "Accent-insensitive search over numbers, titles and scope, with filters. Numbers are found as "
            "typed (TCVN 7790-3:2008, 7790-3, QCVN 01:2009/BYT). Without q, every record that passes the "
            "filters, newest first. Facet counts cover every match, not only the page."
        ),
        tags=["standards"],
        parameters=SEARCH_PARAMETERS,
        responses={200: StandardSearchSerializer, 400: ERROR_RESPONSE},
    )
    def list(self, request):
        query = _search_form(request.query_params).to_query()
        result = get_backend().search(query)
        data = {
            "count": result.total,
            "page": result.page,
            "num_pages": result.num_pages,
            "results": selectors.standards_by_ids(result.ids),
            "facets": selectors.facets_labelled(result.facets),
        }
        return Response(StandardSearchSerializer(data, context=self.get_serializer_context()).data)

    @extend_schema(
        summary="One standard with its replacement chain and status history",
        description="The full record, the versions before and after it in its replacement chain, its status history.",
        tags=["standards"],
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
        responses={200: StandardDetailSerializer, 404: NOT_FOUND_RESPONSE},
    )
    def retrieve(self, request, pk: str):
        standard = self._standard(pk)
        older, newer = selectors.standard_chain(standard)
        # The chain holds the direct neighbours too, so replaced_by and replaces cost no query.
        standard.replaced_by_ref = next((s for s in newer if s.pk == standard.replaced_by_id), None)
        standard.replaces_direct = [s for s in older if s.replaced_by_id == standard.pk]
        standard.chain = {"older": older, "newer": newer}
        return Response(StandardDetailSerializer(standard, context=self.get_serializer_context()).data)

    @extend_schema(
        summary="Suggestions for search-as-you-type",
        description="Up to 8 standards whose number or title starts like the text typed so far.",
        operation_id="v1_standards_suggest",
        tags=["standards"],
        parameters=[OpenApiParameter("q", {"type": "string", "maxLength": 200}, description="What the user typed.")],
        responses={200: StandardSuggestSerializer, 400: ERROR_RESPONSE},
    )
    def suggest(self, request):
        form = StandardSearchForm({"q": request.query_params.get("q", "")})
        if not form.is_valid():
            raise ValidationError(_form_errors(form))
        text = form.cleaned_data["q"]
        ids = get_backend().suggest(text, limit=SUGGEST_LIMIT) if text else []
        data = {"results": selectors.standards_by_ids(ids)}
        return Response(StandardSuggestSerializer(data, context=self.get_serializer_context()).data)

    @staticmethod
    def _standard(pk: str) -> Standard:
        """The record with what a result line shows (selectors.standards_by_ids), or a JSON 404."""
        found = selectors.standards_by_ids([int(pk)]) if _ID.fullmatch(pk) and 1 <= int(pk) <= MAX_ID else []
        if not found:
            raise NotFound(_("Không tìm thấy tiêu chuẩn."))
        return found[0]


class IcsCodeViewSet(PublicReadApi):
    """The ICS tree, one level at a time, with the number of standards under each code."""

    @extend_schema(
        summary="ICS codes one level below a parent (the fields without one)",
        description="Each code with the number of standards classified under it or anywhere below it.",
        tags=["ics"],
        parameters=[OpenApiParameter("parent", str, pattern=ICS_PATTERN, description="An ICS code, such as 13.")],
        responses={200: IcsCodeListSerializer, 400: ERROR_RESPONSE},
    )
    def list(self, request):
        parent = None
        value = request.query_params.get("parent", "").strip()
        if value:
            code = _ics_code(value, parameter="parent")
            parent = IcsCode.objects.filter(code=code).first()
            if parent is None:
                raise ValidationError({"parent": [_("Không có mã ICS %(code)s.") % {"code": code}]})
        data = {"results": selectors.ics_children_with_counts(parent)}
        return Response(IcsCodeListSerializer(data).data)

    @extend_schema(
        summary="One ICS code with its ancestors and children",
        description="The code, the codes above it from the field down, and the codes one level below it.",
        tags=["ics"],
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH, pattern=ICS_PATTERN)],
        responses={200: IcsCodeDetailSerializer, 404: NOT_FOUND_RESPONSE},
    )
    def retrieve(self, request, code: str):
        ics = None
        if re.fullmatch(ICS_PATTERN, code):
            ics = IcsCode.objects.select_related("parent__parent").filter(code=code).first()
        if ics is None:
            raise NotFound(_("Không có mã ICS này."))
        siblings = selectors.ics_children_with_counts(ics.parent)
        ics.standard_count = next((c.standard_count for c in siblings if c.pk == ics.pk), 0)
        ics.ancestor_list = [a for a in (ics.parent.parent if ics.parent else None, ics.parent) if a is not None]
        ics.child_list = selectors.ics_children_with_counts(ics)
        return Response(IcsCodeDetailSerializer(ics).data)
