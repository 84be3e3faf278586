"""The support rules: which rule applies, the most the state may pay, officers' edits of the rules."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from nscl.accounts.models import User
from nscl.core.formatting import format_date, format_money
from nscl.projects import constants
from nscl.projects.choices import SupportGroup
from nscl.projects.models import SupportProject, SupportRule
from nscl.projects.money import basis_points, support_limit


def rule_for(*, group: str, day: datetime.date) -> SupportRule | None:
    """The rule of a group in force on a day (the latest start wins if two overlap by mistake)."""
    return SupportRule.objects.valid_on(day).filter(group=group).order_by("-valid_from").first()


def project_support_limit(*, project: SupportProject, cost: int | None = None) -> int:
    """The most the state may pay for the project: for each group of its support types the rule's
    share of the cost capped by the ceiling, and of those the smallest (the strictest rule binds).

    Raises ValidationError when the project has no support type or a group has no rule that day.
    """
    groups = sorted({t.group for t in project.support_types.all()})
    if not groups:
        raise ValidationError(constants.ERROR_NO_SUPPORT_TYPE)
    day = project.rule_date()
    cost = project.total_cost if cost is None else cost
    limits = []
    for group in groups:
        rule = rule_for(group=group, day=day)
        if rule is None:
            raise ValidationError(
                constants.ERROR_NO_RULE % {"group": SupportGroup(group).label, "date": format_date(day)}
            )
        limits.append(support_limit(cost, rule.share_percent, rule.ceiling))
    return min(limits)


def project_check_budget(*, project: SupportProject) -> None:
    """Total cost above zero, a request above zero, and the request within the rules."""
    if project.total_cost <= 0:
        raise ValidationError(constants.ERROR_NO_BUDGET)
    if project.requested_amount <= 0:
        raise ValidationError(constants.ERROR_NO_REQUEST)
    limit = project_support_limit(project=project)
    if project.requested_amount > limit:
        raise ValidationError(
            constants.ERROR_OVER_LIMIT
            % {"requested": format_money(project.requested_amount), "limit": format_money(limit)}
        )


@transaction.atomic
def support_rule_save(
    *,
    rule: SupportRule | None,
    by: User,
    group: str,
    share_percent: Decimal,
    ceiling: int,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
    source: str = "",
) -> SupportRule:
    """Create or edit a rule; an edited rule is no longer a demo value. Periods of one group never overlap.

    Every save is a version in the rule's history (django-simple-history) recorded as made by ``by``,
    with or without a request (commands and shells too).
    """
    rule = rule or SupportRule()
    try:
        basis_points(share_percent)
    except (TypeError, ValueError) as error:
        raise ValidationError({"share_percent": constants.ERROR_RULE_PERCENT}) from error
    if not Decimal(0) <= share_percent <= Decimal(100):
        raise ValidationError({"share_percent": constants.ERROR_RULE_PERCENT})
    if valid_to is not None and valid_to < valid_from:
        raise ValidationError({"valid_to": constants.ERROR_RULE_RANGE})
    overlapping = SupportRule.objects.filter(group=group).exclude(pk=rule.pk)
    overlapping = overlapping.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=valid_from))
    if valid_to is not None:
        overlapping = overlapping.filter(valid_from__lte=valid_to)
    if overlapping.exists():
        raise ValidationError({"valid_from": constants.ERROR_RULE_OVERLAP})
    rule.group, rule.share_percent, rule.ceiling = group, share_percent, ceiling
    rule.valid_from, rule.valid_to, rule.source, rule.is_demo = valid_from, valid_to, source, False
    rule.full_clean()
    rule._history_user = by  # type: ignore[attr-defined]  # who, for django-simple-history, also outside a request
    rule.save()
    return rule
