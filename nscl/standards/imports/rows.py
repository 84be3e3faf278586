"""Validation of one import row, in Python only (no query per row): the reference data it needs
(ICS codes, issuing bodies, fields) is loaded once per import into ``Lookups``."""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nscl.core.text import nfc
from nscl.standards.choices import Equivalence, StandardKind, StandardStatus
from nscl.standards.codes import kind_of, parse_code
from nscl.standards.imports import messages as msg
from nscl.standards.models import IcsCode, IssuingBody, StandardField

KIND_ALIASES = {value: value for value in StandardKind.values}
KIND_ALIASES |= {"KHAC": StandardKind.OTHER, "KHÁC": StandardKind.OTHER}
ICS_SEPARATORS = re.compile(r"[;,\s]+")
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y")
# Lengths of the columns of standards_standard that take text as typed.
MAX_LENGTHS = {"code": 120, "decision": 200, "equivalent_ref": 120, "replaced_by": 120}
PARTS_MAX = {"number": 60, "base_number": 30, "part": 30}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # as in nscl.standards.exports


@dataclass(frozen=True)
class Lookups:
    """Reference data every row is checked against, loaded once per import."""

    ics: frozenset[str]
    bodies: dict[str, int]
    fields: dict[str, int]

    @classmethod
    def load(cls) -> "Lookups":
        return cls(
            ics=frozenset(IcsCode.objects.values_list("code", flat=True)),
            bodies={code.upper(): pk for pk, code in IssuingBody.objects.values_list("id", "code")},
            fields={code.lower(): pk for pk, code in StandardField.objects.values_list("id", "code")},
        )


@dataclass(slots=True)
class CleanRow:
    """A valid row: the model fields it sets (only for the columns it carries) and its links."""

    number: int
    kind: str
    code_key: str
    fields: dict[str, Any]
    ics: tuple[str, ...] | None  # None when the row has no ics column
    ref: tuple[str, str, str] | None  # replaced_by as (kind, code_key, code as written)


class Invalid(Exception):
    """One cell is wrong; the message names why."""


def parse_kind(text: str) -> str:
    key = text.strip().upper().replace("Đ", "D").replace(" ", "").replace("/", "_")
    if key not in KIND_ALIASES:
        raise Invalid(msg.BAD_KIND % {"value": text})
    return KIND_ALIASES[key]


def parse_year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise Invalid(msg.BAD_YEAR % {"value": text}) from None
    if not 1900 <= year <= 2100:
        raise Invalid(msg.YEAR_RANGE)
    return year


def parse_date(text: str) -> datetime.date:
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007  (a calendar date, no time)
        except ValueError:
            continue
    raise Invalid(msg.BAD_DATE % {"value": text})


def parse_pages(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise Invalid(msg.BAD_PAGES % {"value": text})
    return int(text)


def parse_equivalence(text: str) -> str:
    value = text.upper()
    if value not in Equivalence.values:
        raise Invalid(msg.BAD_EQUIVALENCE % {"value": text})
    return value


def parse_status(text: str) -> str:
    value = text.lower()
    if value not in StandardStatus.values:
        raise Invalid(msg.BAD_STATUS % {"value": text})
    return value


def plain_text(text: str) -> str:
    """NFC text; the apostrophe an export puts before a would-be spreadsheet formula is taken off."""
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        text = text[1:]
    return nfc(text)


def limited(name: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        text = plain_text(text)
        if len(text) > MAX_LENGTHS[name]:
            raise Invalid(msg.TOO_LONG % {"max": MAX_LENGTHS[name]})
        return text

    return parse


class RowCleaner:
    """Turns the text cells of one row into model values, collecting (column, message) for bad cells."""

    def __init__(self, lookups: Lookups):
        self.lookups = lookups
        self.simple: dict[str, tuple[str, Callable[[str], Any], Any]] = {
            # column: (model attname, parser of a non-empty cell, value of an empty cell)
            "title_vi": ("title_vi", plain_text, ""),
            "title_en": ("title_en", plain_text, ""),
            "scope": ("scope", plain_text, ""),
            "effective_date": ("effective_date", parse_date, None),
            "issuing_body": ("issuing_body_id", self.parse_body, None),
            "decision": ("decision", limited("decision"), ""),
            "equivalent_ref": ("equivalent_ref", limited("equivalent_ref"), ""),
            "equivalence": ("equivalence", parse_equivalence, ""),
            "pages": ("pages", parse_pages, None),
            "field": ("field_id", self.parse_field, None),
        }

    def parse_body(self, text: str) -> int:
        if text.upper() not in self.lookups.bodies:
            raise Invalid(msg.UNKNOWN_BODY % {"value": text})
        return self.lookups.bodies[text.upper()]

    def parse_field(self, text: str) -> int:
        if text.lower() not in self.lookups.fields:
            raise Invalid(msg.UNKNOWN_FIELD % {"value": text})
        return self.lookups.fields[text.lower()]

    def parse_ics(self, text: str) -> tuple[str, ...]:
        codes = tuple(dict.fromkeys(c for c in ICS_SEPARATORS.split(text) if c))
        unknown = [c for c in codes if c not in self.lookups.ics]
        if unknown:
            raise Invalid(msg.UNKNOWN_ICS % {"codes": ", ".join(unknown)})
        return codes

    def clean(self, number: int, values: dict[str, str]) -> tuple[CleanRow | None, list[tuple[str, str]]]:
        cells = {name: value.strip() for name, value in values.items()}
        errors: list[tuple[str, str]] = []
        fields: dict[str, Any] = {}
        for column, (attname, parse, empty) in self.simple.items():
            if column in cells:
                fields[attname] = self._cell(column, cells[column], parse, empty, errors)
        if not (cells.get("title_vi") or cells.get("title_en")):
            errors.append(("title_vi", str(msg.TITLE_REQUIRED)))
        ics = self._cell("ics", cells["ics"], self.parse_ics, (), errors) if "ics" in cells else None
        parsed = self._code(cells, fields, errors)
        ref = self._replaced_by(cells, parsed, errors)
        self._status(cells, fields, ref, errors)
        if parsed is None:
            return None, errors
        # A row with errors still comes back when its code is readable: later rows are checked against it.
        return CleanRow(number, fields["kind"], fields["code_key"], fields, ics, ref), errors

    @staticmethod
    def _cell(column: str, text: str, parse: Callable[[str], Any], empty: Any, errors: list) -> Any:
        if not text:
            return empty
        try:
            return parse(text)
        except Invalid as exc:
            errors.append((column, str(exc)))
            return empty

    def _code(self, cells: dict[str, str], fields: dict[str, Any], errors: list) -> Any:
        """Kind, number and year from the code (and the kind and year columns when given)."""
        code = cells.get("code", "")
        kind = self._cell("kind", cells.get("kind", ""), parse_kind, None, errors)
        if not code:
            errors.append(("code", str(msg.CODE_REQUIRED)))
            return None
        parsed = parse_code(code, kind)
        too_long = len(parsed.code_key) > MAX_LENGTHS["code"]
        too_long = too_long or any(len(getattr(parsed, part)) > size for part, size in PARTS_MAX.items())
        if too_long:
            errors.append(("code", str(msg.TOO_LONG % {"max": MAX_LENGTHS["code"]})))
            return None
        if parsed.kind != StandardKind.OTHER and not parsed.number:
            errors.append(("code", str(msg.CODE_UNPARSED % {"code": code})))
            return None
        fields.update(
            kind=parsed.kind,
            code=parsed.code,
            code_key=parsed.code_key,
            number=parsed.number,
            base_number=parsed.base_number,
            part=parsed.part,
        )
        self._year(cells, parsed.year, fields, errors)
        return parsed

    def _year(self, cells: dict[str, str], code_year: int | None, fields: dict[str, Any], errors: list) -> None:
        year = self._cell("year", cells.get("year", ""), parse_year, None, errors)
        if year is not None and code_year is not None and year != code_year:
            errors.append(("year", str(msg.YEAR_MISMATCH % {"year": year, "code_year": code_year})))
        if year is not None or code_year is not None or "year" in cells:
            fields["year"] = year if year is not None else code_year

    @staticmethod
    def _replaced_by(cells: dict[str, str], parsed: Any, errors: list) -> tuple[str, str, str] | None:
        text = cells.get("replaced_by", "")
        if not text:
            return None
        if len(text) > MAX_LENGTHS["replaced_by"]:
            errors.append(("replaced_by", str(msg.TOO_LONG % {"max": MAX_LENGTHS["replaced_by"]})))
            return None
        target = parse_code(text, kind_of(text))
        if parsed is not None and (target.kind, target.code_key) == (parsed.kind, parsed.code_key):
            errors.append(("replaced_by", str(msg.REPLACED_BY_SELF)))
            return None
        return target.kind, target.code_key, target.code

    @staticmethod
    def _status(cells: dict[str, str], fields: dict[str, Any], ref: Any, errors: list) -> None:
        """Empty status: in force, or replaced when replaced_by is given; no status column keeps the stored one."""
        text = cells.get("status")
        if "replaced_by" in cells:
            fields["replaced_by_id"] = None  # set once the replacement is found
        if ref is not None or cells.get("replaced_by"):
            if text and text.lower() != StandardStatus.REPLACED:
                errors.append(("status", str(msg.STATUS_CONFLICT % {"value": text})))
            fields["status"] = StandardStatus.REPLACED
        elif text:
            try:
                fields["status"] = parse_status(text)
            except Invalid as exc:
                errors.append(("status", str(exc)))
        elif text is not None:
            fields["status"] = StandardStatus.IN_FORCE
