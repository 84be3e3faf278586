"""Size class of an enterprise (Decree 80/2021/NĐ-CP, Article 5) from its figures and the loaded thresholds."""

from collections.abc import Iterable

from nscl.core.models import VsicCode
from nscl.enterprises.choices import SectorGroup, SizeClass
from nscl.enterprises.models import SectorGroupSection, SizeThreshold

ORDER = [SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM]


def size_class_for(
    *, employees: int, revenue: int, capital: int | None, thresholds: Iterable[SizeThreshold]
) -> SizeClass:
    """The smallest class whose employee ceiling holds and whose revenue or capital ceiling holds."""
    by_class = {t.size_class: t for t in thresholds}
    for size in ORDER:
        threshold = by_class.get(size)
        if threshold is None:
            continue
        money_ok = revenue <= threshold.max_revenue or (capital is not None and capital <= threshold.max_capital)
        if employees <= threshold.max_employees and money_ok:
            return size
    return SizeClass.LARGE


def vsic_section(vsic: VsicCode | None) -> str:
    """The level-1 letter of a VSIC code (the code itself at level 1, its parent's at level 2)."""
    if vsic is None:
        return ""
    if vsic.level == 1:
        return vsic.code
    return vsic.parent.code if vsic.parent_id else ""


def sector_group_for(vsic: VsicCode | None) -> str:
    """The sector group of a VSIC code; trade and services when unknown (the stricter revenue ceilings do not apply)."""
    section = vsic_section(vsic)
    row = SectorGroupSection.objects.filter(section=section).first() if section else None
    return row.sector_group if row else SectorGroup.TRADE_SERVICES


def thresholds_for(sector_group: str) -> list[SizeThreshold]:
    return list(SizeThreshold.objects.filter(sector_group=sector_group))
