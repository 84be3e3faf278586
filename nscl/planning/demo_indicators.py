"""Demo values of the entered indicators (`manage.py load_demo`; safe to repeat), recorded by the demo
officer ``canbo`` through the service. A year that already has a value is left alone.

One value is a real published figure with its source (the national harmonisation rate reported for
the end of 2021-2025); the province's TFP shares are invented and their source says so ("minh họa").
"""

import logging
from decimal import Decimal

from nscl.accounts.models import User
from nscl.planning.indicator_reference import indicators_load
from nscl.planning.indicator_services import indicator_entry_record
from nscl.planning.models import Indicator, IndicatorEntry

logger = logging.getLogger(__name__)

DEMO_OFFICER = "canbo"
ILLUSTRATIVE = "Số liệu minh họa, không phải số liệu thống kê thật (NSCL demo)."
VNS_2025 = (
    "Viet Nam News, 16/12/2025: tỷ lệ hài hòa của 14.306 TCVN là 63% (tổng kết Chương trình 1322 giai đoạn "
    "2021-2025) https://vietnamnews.vn/economy/1731997/resolution-57-pilot-models-spread-to-boost-productivity-quality.html"
)

# (indicator code, year, value, source, note)
VALUES: list[tuple[str, int, str, str, str]] = [
    ("qg-hai-hoa-tcvn", 2025, "63", VNS_2025, "Số liệu toàn quốc do cơ quan thường trực Chương trình nêu."),
    ("tinh-tfp-grdp", 2022, "28.4", ILLUSTRATIVE, "Minh họa; phương pháp hạch toán tăng trưởng (Cobb-Douglas)."),
    ("tinh-tfp-grdp", 2023, "31.2", ILLUSTRATIVE, "Minh họa; phương pháp hạch toán tăng trưởng (Cobb-Douglas)."),
    ("tinh-tfp-grdp", 2024, "33.7", ILLUSTRATIVE, "Minh họa; phương pháp hạch toán tăng trưởng (Cobb-Douglas)."),
]


def load() -> int:
    """Record the demo values not yet present; return how many were recorded."""
    officer = User.objects.filter(username=DEMO_OFFICER).first()
    if officer is None:
        logger.info("planning demo: no indicator values (the demo officer is missing)")
        return 0
    if not Indicator.objects.exists():
        indicators_load()
    indicators = {i.code: i for i in Indicator.objects.filter(code__in={row[0] for row in VALUES})}
    present = set(IndicatorEntry.objects.values_list("indicator__code", "year"))
    created = 0
    for code, year, value, source, note in VALUES:
        if code in indicators and (code, year) not in present:
            indicator_entry_record(
                indicator=indicators[code], year=year, value=Decimal(value), source=source, note=note, by=officer
            )
            created += 1
    logger.info("planning demo: %s indicator values recorded", created)
    return created
