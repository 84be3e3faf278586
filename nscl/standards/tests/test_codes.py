"""Standard numbers as people write them: parsing and the key records are upserted by."""

import dataclasses
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nscl.standards.choices import StandardKind
from nscl.standards.codes import code_key, kind_of, parse_code

K = StandardKind

# code, kind, number, base, part, year, adopted, suffix
REAL_NUMBERS = [
    ("TCVN 7790-3:2008", K.TCVN, "7790-3", "7790", "3", 2008, "", ""),
    ("TCVN 4054:2005", K.TCVN, "4054", "4054", "", 2005, "", ""),
    ("TCVN 5699-2-3:2019", K.TCVN, "5699-2-3", "5699", "2-3", 2019, "", ""),
    ("TCVN ISO 9001:2015", K.TCVN, "9001", "9001", "", 2015, "ISO", ""),
    ("TCVN ISO 22000:2018", K.TCVN, "22000", "22000", "", 2018, "ISO", ""),
    ("TCVN ISO/IEC 17025:2017", K.TCVN, "17025", "17025", "", 2017, "ISO/IEC", ""),
    ("TCVN IEC 60335-1:2020", K.TCVN, "60335-1", "60335", "1", 2020, "IEC", ""),
    ("QCVN 01:2009/BYT", K.QCVN, "01", "01", "", 2009, "", "BYT"),
    ("QCVN 01-1:2018/BYT", K.QCVN, "01-1", "01", "1", 2018, "", "BYT"),
    ("QCVN 8-2:2011/BYT", K.QCVN, "8-2", "8", "2", 2011, "", "BYT"),
    ("QCVN 41:2019/BGTVT", K.QCVN, "41", "41", "", 2019, "", "BGTVT"),
    ("QCĐP 01:2020/LS", K.QCDP, "01", "01", "", 2020, "", "LS"),
    ("TCCS 01:2020/NSCL", K.TCCS, "01", "01", "", 2020, "", "NSCL"),
    ("ISO 22000:2018", K.ISO, "22000", "22000", "", 2018, "", ""),
    ("ISO 9001:2015/Amd 1:2024", K.ISO, "9001", "9001", "", 2015, "", "AMD 1:2024"),
    ("ISO/TS 22002-1:2009", K.ISO, "22002-1", "22002", "1", 2009, "TS", ""),
    ("ISO/IEC 27001:2022", K.ISO_IEC, "27001", "27001", "", 2022, "", ""),
    ("IEC 60335-1:2020", K.IEC, "60335-1", "60335", "1", 2020, "", ""),
    ("IEC 61000-4-2:2008", K.IEC, "61000-4-2", "61000", "4-2", 2008, "", ""),
    ("IEC/TR 62443-3-1:2009", K.IEC, "62443-3-1", "62443", "3-1", 2009, "TR", ""),
    ("CXS 192-1995", K.CODEX, "192", "192", "", 1995, "", ""),
    ("CODEX STAN 192-1995", K.CODEX, "192", "192", "", 1995, "", ""),
    ("CAC/RCP 1-1969", K.CODEX, "1", "1", "", 1969, "", ""),
    ("ISO 9001", K.ISO, "9001", "9001", "", None, "", ""),
    ("TCVN 7790-3", K.TCVN, "7790-3", "7790", "3", None, "", ""),
]


@pytest.mark.parametrize(("code", "kind", "number", "base", "part", "year", "adopted", "suffix"), REAL_NUMBERS)
def test_parse_real_numbers(code, kind, number, base, part, year, adopted, suffix):
    parsed = parse_code(code)
    assert parsed.kind == kind
    assert (parsed.number, parsed.base_number, parsed.part) == (number, base, part)
    assert parsed.year == year
    assert parsed.adopted == adopted
    assert parsed.suffix == suffix
    assert parsed.code == code  # the number as written is kept for display
    assert parsed.code_key == code_key(code)


@pytest.mark.parametrize(("code", "kind"), [(row[0], row[1]) for row in REAL_NUMBERS])
def test_kind_of(code, kind):
    assert kind_of(code) == kind


@pytest.mark.parametrize(
    ("variants", "key"),
    [
        (
            [
                "TCVN 7790-3:2008",
                "tcvn 7790-3:2008",
                "  TCVN   7790-3:2008 ",
                "TCVN 7790-3 : 2008",
                "TCVN 7790\u20133:2008",  # en dash, as word processors write it
                "TCVN 7790\u20143:2008",  # em dash
                "TCVN 7790\u22123:2008",  # minus sign
                "TCVN 7790\u20113:2008",  # non-breaking hyphen
                "TCVN\u00a07790-3:2008",  # no-break space
                "TCVN\t7790-3:2008",
            ],
            "TCVN 7790-3:2008",
        ),
        (["QCVN 01:2009/BYT", "qcvn 01:2009/byt", "QCVN 01 : 2009 / BYT", "QCVN 01:2009 /BYT"], "QCVN 01:2009/BYT"),
        (
            ["ISO/IEC 27001:2022", "iso/iec 27001:2022", "ISO / IEC 27001:2022", "Iso/Iec 27001:2022"],
            "ISO/IEC 27001:2022",
        ),
        (
            ["TCVN ISO/IEC 17025:2017", "TCVN ISO/IEC 17025 : 2017", "tcvn iso / iec 17025:2017"],
            "TCVN ISO/IEC 17025:2017",
        ),
        (["QCĐP 01:2020/LS", "qcđp 01:2020/ls", unicodedata.normalize("NFD", "QCĐP 01:2020/LS")], "QCĐP 01:2020/LS"),
        (
            ["ISO 9001:2015/Amd 1:2024", "ISO 9001:2015/AMD 1:2024", "iso 9001:2015 / amd 1:2024"],
            "ISO 9001:2015/AMD 1:2024",
        ),
    ],
)
def test_variants_share_one_key(variants, key):
    for variant in variants:
        assert code_key(variant) == key, variant
        assert parse_code(variant).code_key == key, variant


@pytest.mark.parametrize(
    ("variant", "key"),
    [
        ("TCVN 7790 - 3:2008", "TCVN 7790-3:2008"),
        ("QCVN 01 - 1:2018/BYT", "QCVN 01-1:2018/BYT"),
        ("CXS 192 - 1995", "CXS 192-1995"),
    ],
)
def test_spaces_around_the_part_hyphen_do_not_matter(variant, key):
    assert code_key(variant) == key
    assert parse_code(variant).year == parse_code(key).year is not None


@pytest.mark.parametrize(
    ("variant", "key"),
    [
        ("TCVN7790-3:2008", "TCVN 7790-3:2008"),
        ("TCVN6165:2009", "TCVN 6165:2009"),
        ("QCVN01:2009/BYT", "QCVN 01:2009/BYT"),
        ("ISO22000:2018", "ISO 22000:2018"),
        ("ISO/IEC27001:2022", "ISO/IEC 27001:2022"),
    ],
)
def test_a_prefix_typed_without_its_space_is_read(variant, key):
    # Users type "TCVN7790" (search finds it); the same record typed so in an import must not become
    # a second record of kind "other".
    assert code_key(variant) == key
    assert parse_code(variant) == dataclasses.replace(parse_code(key), code=variant)


def test_qcdp_without_the_stroke_is_the_same_regulation():
    # Keyboards without Vietnamese input write QCĐP as QCDP: both are one regulation.
    assert kind_of("QCDP 01:2020/LS") == K.QCDP
    assert code_key("QCDP 01:2020/LS") == code_key("QCĐP 01:2020/LS")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("TCVN 7790-3:2008", "TCVN 7790-3:2012"),  # another edition
        ("TCVN 7790-3:2008", "TCVN 7790-2:2008"),  # another part
        ("TCVN 7790-3:2008", "TCVN 7790:2008"),
        ("ISO 9001:2015", "ISO 9001:2015/Amd 1:2024"),  # an amendment is its own document
        ("QCVN 01:2009/BYT", "QCVN 01:2009/BNNPTNT"),  # same number, other ministry
        ("ISO 27001:2022", "ISO/IEC 27001:2022"),
        ("TCVN ISO 9001:2015", "ISO 9001:2015"),  # the adoption is not the original
    ],
)
def test_different_documents_have_different_keys(one, other):
    assert code_key(one) != code_key(other)


def test_years_outside_1900_2100_are_not_years():
    assert parse_code("TCVN 1234:3000").year is None
    assert parse_code("TCVN 1234:1899").year is None
    assert parse_code("TCVN 1234:1900").year == 1900


def test_a_given_kind_wins_over_the_prefix():
    parsed = parse_code("01:2009/BYT", kind=K.QCVN)
    assert parsed.kind == K.QCVN
    assert (parsed.number, parsed.year, parsed.suffix) == ("01", 2009, "BYT")


@pytest.mark.parametrize("code", ["ASTM D1234", "EN 1090-1:2009", "Quy định nội bộ", "", "???"])
def test_unknown_prefixes_are_other(code):
    assert kind_of(code) == K.OTHER


def test_iso_iec_guides_are_read():
    parsed = parse_code("ISO/IEC Guide 98-3:2008")
    assert parsed.kind == K.ISO_IEC
    assert (parsed.number, parsed.year) == ("98-3", 2008)


@given(st.text(max_size=60))
def test_any_text_parses_without_error_and_the_key_is_stable(text):
    parsed = parse_code(text)
    assert parsed.code_key == code_key(parsed.code_key)  # normalising twice changes nothing
    assert parsed.kind in K.values
    assert parsed.year is None or 1900 <= parsed.year <= 2100


@given(
    st.sampled_from(["TCVN", "QCVN", "ISO", "IEC", "TCCS"]),
    st.integers(min_value=1, max_value=99999),
    st.one_of(st.none(), st.integers(min_value=1, max_value=20)),
    st.integers(min_value=1900, max_value=2100),
)
def test_generated_numbers_round_trip(prefix, base, part, year):
    number = f"{base}-{part}" if part else str(base)
    parsed = parse_code(f"{prefix} {number}:{year}")
    assert parsed.kind == prefix
    assert (parsed.number, parsed.base_number, parsed.part, parsed.year) == (number, str(base), str(part or ""), year)


@given(st.text(alphabet="0123456789 -:/\u2013TCVNQDĐPISOEabc", max_size=30))
def test_the_key_of_number_like_text_is_stable(text):
    assert code_key(code_key(text)) == code_key(text)
    assert parse_code(code_key(text)).code_key == code_key(text)
