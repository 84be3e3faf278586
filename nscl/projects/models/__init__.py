"""Models of the projects app, split by topic."""

from nscl.projects.models.catalogue import IndicatorKind, SupportRule, SupportRuleQuerySet, SupportType
from nscl.projects.models.inspections import CorrectiveAction, CorrectiveActionQuerySet, Finding, Inspection
from nscl.projects.models.projects import (
    BudgetLine,
    Milestone,
    ProjectDocument,
    ProjectEvent,
    ProjectIndicator,
    SupportProject,
    SupportProjectQuerySet,
)

__all__ = [
    "BudgetLine",
    "CorrectiveAction",
    "CorrectiveActionQuerySet",
    "Finding",
    "IndicatorKind",
    "Inspection",
    "Milestone",
    "ProjectDocument",
    "ProjectEvent",
    "ProjectIndicator",
    "SupportProject",
    "SupportProjectQuerySet",
    "SupportRule",
    "SupportRuleQuerySet",
    "SupportType",
]
