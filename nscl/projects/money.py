"""Money rules of support projects. Money is integer đồng; nothing here touches a float.

The share of the cost the state may pay is a percentage with at most two decimals (for example
50 or 70.5). It is turned into basis points (hundredths of a percent) exactly, and the share is
``cost * basis_points // 10_000``: integer arithmetic, rounded DOWN to the đồng, so the state
never pays a fraction of a đồng more than the rule allows.
"""

from decimal import Decimal

BASIS_POINTS = 10_000


def basis_points(percent: Decimal | int) -> int:
    """50 -> 5000, Decimal("70.5") -> 7050; refuses more than two decimals or a float."""
    if isinstance(percent, float):
        raise TypeError("Percentages are Decimal or int, never float.")
    scaled = Decimal(percent) * 100
    if scaled != scaled.to_integral_value():
        raise ValueError(f"At most two decimals in a percentage: {percent}")
    return int(scaled)


def share_of(cost: int, percent: Decimal | int) -> int:
    """``percent`` % of ``cost`` đồng, rounded down to a whole đồng."""
    if isinstance(cost, float):
        raise TypeError("Money is integer đồng; got a float.")
    return int(cost) * basis_points(percent) // BASIS_POINTS


def support_limit(cost: int, percent: Decimal | int, ceiling: int) -> int:
    """The most the state may pay: the share of the cost, and never more than the ceiling."""
    return min(share_of(cost, percent), int(ceiling))
