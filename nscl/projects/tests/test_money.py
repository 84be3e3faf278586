from decimal import Decimal

import pytest

from nscl.projects.money import basis_points, share_of, support_limit


@pytest.mark.parametrize(
    ("cost", "percent", "expected"),
    [
        (200_000_000, 50, 100_000_000),
        (199_999_999, 50, 99_999_999),  # 99,999,999.5 rounds down
        (1, 50, 0),
        (0, 50, 0),
        (100_000_001, Decimal("70.5"), 70_500_000),  # 70,500,000.705 rounds down
        (3, Decimal("33.33"), 0),
        (10_000, Decimal("33.33"), 3_333),
        (123_456_789, 100, 123_456_789),
        (123_456_789, 0, 0),
        (9_000_000_000_000_000, 50, 4_500_000_000_000_000),  # no float precision loss at large sums
    ],
)
def test_share_is_integer_and_rounded_down(cost, percent, expected):
    result = share_of(cost, percent)
    assert result == expected
    assert isinstance(result, int)


def test_limit_is_the_smaller_of_share_and_ceiling():
    assert support_limit(300_000_000, 50, 100_000_000) == 100_000_000
    assert support_limit(200_000_000, 50, 100_000_000) == 100_000_000
    assert support_limit(199_999_998, 50, 100_000_000) == 99_999_999


def test_floats_are_refused():
    with pytest.raises(TypeError):
        share_of(100.0, 50)
    with pytest.raises(TypeError):
        basis_points(50.5)


def test_more_than_two_decimals_is_refused():
    with pytest.raises(ValueError):
        basis_points(Decimal("12.345"))
    assert basis_points(Decimal("12.34")) == 1234
