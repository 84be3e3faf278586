"""Models of the projects app, split by topic."""

from nscl.projects.models.catalogue import IndicatorKind, SupportRule, SupportRuleQuerySet, SupportType

__all__ = ["IndicatorKind", "SupportRule", "SupportRuleQuerySet", "SupportType"]
