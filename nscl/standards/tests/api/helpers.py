"""What the API tests share: the endpoints, the shape of their answers, and records written through the service."""

from nscl.standards.models import IcsCode, Standard
from nscl.standards.services import standard_save

LIST_URL = "/api/v1/standards/"
SUGGEST_URL = "/api/v1/standards/suggest/"
ICS_URL = "/api/v1/ics/"
ITEM_KEYS = {"id", "kind", "code", "title_vi", "title_en", "year", "status", "ics_codes", "url"}
DETAIL_KEYS = {
    "scope", "status_date", "effective_date", "issuing_body", "decision", "equivalent_ref", "equivalence", "pages",
    "field", "replaced_by", "replaces", "chain", "status_changes",
}  # fmt: skip
FACET_NAMES = {"kind", "status", "decade", "ics", "body", "field"}


def make(code: str, title_vi: str = "", *, ics: tuple[str, ...] = (), **data) -> Standard:
    """A standard written through the service, so it is indexed for search like any other."""
    codes = list(IcsCode.objects.filter(code__in=ics))
    assert len(codes) == len(ics), "unknown ICS code in a test record"
    return standard_save(
        standard=Standard(), data={"code": code, "title_vi": title_vi, **data}, ics_codes=codes, by=None
    )


def replace(old: Standard, *, by: Standard) -> Standard:
    return standard_save(standard=old, data={"replaced_by": by}, by=None)


def detail_url(pk) -> str:
    return f"/api/v1/standards/{pk}/"


def codes_of(response) -> list[str]:
    return [item["code"] for item in response.json()["results"]]
