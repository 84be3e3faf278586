"""Standard numbers as people write them: "TCVN 7790-3:2008", "TCVN ISO 9001:2015", "QCVN 01:2009/BYT".

``code_key`` is the normalised form records are keyed by (upsert by kind + number);
``parse_code`` splits a number into its parts and infers the kind.
"""

import re
from dataclasses import dataclass

from nscl.core.text import nfc
from nscl.standards.choices import StandardKind

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})
_SPACES = re.compile(r"\s+")
_AROUND_PUNCT = re.compile(r"\s*([:/])\s*")
_AROUND_HYPHEN = re.compile(r"(?<=[0-9])\s*-\s*(?=[0-9A-Z])")  # "7790 - 3" -> "7790-3"
_GLUED_PREFIX = re.compile(r"^(ISO/IEC|QCĐP|QCDP|TCVN|QCVN|TCCS|ISO|IEC|CXS|CXC|CXG)(?=[0-9])")  # "TCVN7790"
_QCDP_UNSTROKED = re.compile(r"^QCDP(?![A-Z])")  # typed without Vietnamese input: one regulation, one key

# Longest prefixes first, so "ISO/IEC" wins over "ISO" and "QCĐP" is read before anything shorter.
_KIND_PREFIXES: list[tuple[str, str]] = [
    ("ISO/IEC", StandardKind.ISO_IEC),
    ("CODEX STAN", StandardKind.CODEX),
    ("CAC/RCP", StandardKind.CODEX),
    ("CAC/GL", StandardKind.CODEX),
    ("CODEX", StandardKind.CODEX),
    ("CXS", StandardKind.CODEX),
    ("CXC", StandardKind.CODEX),
    ("CXG", StandardKind.CODEX),
    ("QCĐP", StandardKind.QCDP),
    ("QCDP", StandardKind.QCDP),
    ("TCVN", StandardKind.TCVN),
    ("QCVN", StandardKind.QCVN),
    ("TCCS", StandardKind.TCCS),
    ("ISO", StandardKind.ISO),
    ("IEC", StandardKind.IEC),
]
# What a national standard may adopt: "TCVN ISO 9001:2015", "TCVN ISO/IEC 17025:2017".
_ADOPTED = ("ISO/IEC", "ISO/TS", "ISO/TR", "ISO", "IEC", "CODEX", "IEEE", "ASTM", "EN")
_NUMBER = re.compile(
    r"^(?P<number>(?P<base>[0-9]+[A-Z]?)(?:-(?P<part>[0-9A-Z]+(?:-[0-9A-Z]+)*))?)"
    r"(?::(?P<year>[0-9]{4}))?"
    r"(?:-(?P<codex_year>[0-9]{4}))?"
)


@dataclass(frozen=True)
class ParsedCode:
    kind: str
    code: str
    code_key: str
    number: str
    base_number: str
    part: str
    year: int | None
    adopted: str
    suffix: str


def code_key(code: str) -> str:
    """Normalised key: NFC, upper case, one space, plain hyphens, no spaces around ':', '/' and a part's
    hyphen, a space after the prefix ("TCVN7790" -> "TCVN 7790"), and QCDP written QCĐP."""
    text = nfc(code).translate(_DASHES).upper().strip()
    text = _SPACES.sub(" ", text)
    text = _AROUND_HYPHEN.sub("-", _AROUND_PUNCT.sub(r"\1", text))
    return _QCDP_UNSTROKED.sub("QCĐP", _GLUED_PREFIX.sub(r"\1 ", text))


def kind_of(code: str) -> str:
    key = code_key(code)
    for prefix, kind in _KIND_PREFIXES:
        if key == prefix or key.startswith((prefix + " ", prefix + "/")):
            return kind
    return StandardKind.OTHER


def _split_prefixes(key: str, kind: str) -> tuple[str, str]:
    """Remove the kind's prefix and any adopted or deliverable prefix: ("ISO", "9001:2015")."""
    rest = key
    for prefix, prefix_kind in _KIND_PREFIXES:
        if prefix_kind == kind and (rest == prefix or rest.startswith((prefix + " ", prefix + "/"))):
            rest = rest[len(prefix) :].lstrip(" ")
            break
    adopted = ""
    if kind in (StandardKind.TCVN, StandardKind.QCVN, StandardKind.TCCS):
        for candidate in _ADOPTED:
            if rest.startswith(candidate + " "):
                adopted, rest = candidate, rest[len(candidate) + 1 :]
                break
    for deliverable in ("GUIDE ", "TS ", "TR ", "PAS "):  # "ISO/IEC Guide 98-3:2008", "IEC TS 62257-1"
        if rest.startswith(deliverable):
            adopted, rest = deliverable.strip(), rest[len(deliverable) :]
            break
    if rest.startswith("/"):  # "ISO/TR 7035-2:2024": the deliverable type belongs to the number
        head, _, rest = rest.lstrip("/").partition(" ")
        adopted = head
    return adopted, rest


def parse_code(code: str, kind: str | None = None) -> ParsedCode:
    """Split a number into its parts; the kind comes from the prefix unless given."""
    key = code_key(code)
    kind = kind or kind_of(key)
    adopted, rest = _split_prefixes(key, kind)
    match = _NUMBER.match(rest)
    number = base = part = ""
    year: int | None = None
    suffix = ""
    if match:
        number, base, part = match["number"], match["base"], match["part"] or ""
        year_text = match["year"] or match["codex_year"]
        year = int(year_text) if year_text else None
        suffix = rest[match.end() :].lstrip("/ ").strip()
        if kind == StandardKind.CODEX and year is None and part.isdigit() and len(part) == 4:
            number, part, year = base, "", int(part)  # Codex writes the year after a hyphen: CXS 192-1995
    return ParsedCode(
        kind=kind,
        code=_SPACES.sub(" ", nfc(code).strip()),
        code_key=key,
        number=number,
        base_number=base,
        part=part,
        year=year if year and 1900 <= year <= 2100 else None,
        adopted=adopted,
        suffix=suffix,
    )
