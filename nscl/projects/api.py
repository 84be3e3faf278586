"""The projects API: reads scoped to the caller, one endpoint for the transitions (same services as pages)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from nscl.core.permissions import PublicReadOnly
from nscl.projects import selectors, services
from nscl.projects.models import SupportProject
from nscl.projects.permissions import TRANSITIONS
from nscl.projects.serializers import ProjectSerializer, SupportTypeSerializer, TransitionInputSerializer


class SupportTypeViewSet(viewsets.ReadOnlyModelViewSet):
    """The catalogue of support types: public, like the program it describes."""

    permission_classes = [PublicReadOnly]
    serializer_class = SupportTypeSerializer
    pagination_class = None

    def get_queryset(self):
        return selectors.support_type_list()


class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    """Officers, board and admins read all; a representative its enterprises'; an expert assigned ones."""

    permission_classes = [IsAuthenticated]
    serializer_class = ProjectSerializer

    def get_queryset(self):
        return selectors.project_list(user=self.request.user, filters=self.request.query_params.dict())


class ProjectTransitionApi(APIView):
    """POST /api/v1/projects/<id>/transitions/<verb>/ with {reason} (and amount, decision for approve)."""

    permission_classes = [IsAuthenticated]
    InputSerializer = TransitionInputSerializer

    @extend_schema(request=TransitionInputSerializer, responses=ProjectSerializer)
    def post(self, request, pk: int, verb: str):
        if verb not in TRANSITIONS:
            raise NotFound
        project = get_object_or_404(SupportProject.objects.visible_to(request.user), pk=pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        kwargs = {"reason": data.get("reason", "")}
        if verb == "approve":
            kwargs.update(
                amount=data.get("amount"),
                decision_number=data.get("decision_number", ""),
                decision_date=data.get("decision_date"),
            )
        try:
            project = services.SERVICES[verb](obj=project, by=request.user, **kwargs)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error.args[0])) from error
        except DjangoValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") else {"detail": error.messages}
            raise ValidationError(detail) from error
        project = selectors.project_get(user=request.user, pk=project.pk)
        return Response(ProjectSerializer(project).data, status=status.HTTP_200_OK)
