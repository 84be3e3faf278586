"""A SYNTHETIC catalogue of standards for the benchmarks: deterministic, streaming, in the import format.

    .venv/bin/python bench/corpus.py --rows 200000 --out var/bench/SYNTHETIC-standards-200000.csv

Every row is made up (see bench/vocab/): real Vietnamese technical words with full diacritics put
together at random from a seeded ``random.Random``, so the same seed and row count always give the
same file, byte for byte. Rows come in series: a base number, with or without parts
("TCVN 7790-3:2008"), each part in one to three editions; an older edition is ``replaced`` and its
``replaced_by`` names the next newer edition, which the file always holds (written just before it).
Nothing is kept in memory beyond the current series.
"""

import argparse
import csv
import hashlib
import random
import sys
from collections.abc import Iterator
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from bench.vocab import (  # noqa: E402
    ANALYTES,
    ASPECTS,
    DOMAINS,
    METHODS,
    MICROBES,
    PROPERTIES,
    TCCS_ISSUERS,
)

SEED = 20261124
COLUMNS = ["code", "kind", "title_vi", "title_en", "year", "status", "ics", "scope", "replaced_by"]
ICS_SEPARATOR = ";"
ICS_CSV = BASE_DIR / "data" / "ics" / "ics.csv"
LABEL = "SYNTHETIC"

# Kind of a series: TCVN most, then international and regulations (weights in percent).
KINDS = [("TCVN", 70), ("ISO", 10), ("QCVN", 6), ("TCCS", 6), ("IEC", 5), ("ISO_IEC", 3)]
# Which domains a kind draws its subjects from (weights); None: every domain alike.
KIND_DOMAINS: dict[str, dict[str, int] | None] = {
    "TCVN": None,
    "QCVN": None,
    "TCCS": {"construction": 5, "food": 3, "agriculture": 3, "mechanical": 1, "environment": 1},
    "ISO": None,
    "IEC": {"electrical": 10, "mechanical": 1, "medical": 1},
    "ISO_IEC": {"electrical": 4, "management": 6},
}
PREFIX = {"TCVN": "TCVN", "QCVN": "QCVN", "TCCS": "TCCS", "ISO": "ISO", "IEC": "IEC", "ISO_IEC": "ISO/IEC"}
FIRST_NUMBER = {"TCVN": 1, "ISO": 100, "IEC": 60000, "ISO_IEC": 9000, "TCVN ISO": 9000}
EDITIONS = [(1, 85), (2, 12), (3, 3)]  # about 15% of rows end up replaced
WITHDRAWN_SHARE = 0.06
INTERNATIONAL_VI_SHARE = 0.6  # ISO/IEC rows with a Vietnamese title


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def lower_first(text: str) -> str:
    """ "Ô tô" -> "ô tô", but "PVC" and "Salmonella"-like names keep their capitals."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def ics_by_domain(path: Path = ICS_CSV) -> dict[str, list[str]]:
    """Level 2 and 3 ICS codes under each domain's fields (the project's own ICS file)."""
    with path.open(encoding="utf-8", newline="") as handle:
        codes = [row["code"] for row in csv.DictReader(handle) if row["level"] in ("2", "3")]
    return {name: [c for c in codes if c[:2] in domain["ics"]] for name, domain in DOMAINS.items()}


class Corpus:
    """Yields rows (dicts with the import columns plus a few "_" keys the benchmarks read)."""

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.ics = ics_by_domain()
        self.next_number = dict(FIRST_NUMBER)
        self.next_local: dict[str, int] = {}

    # -- numbers ---------------------------------------------------------------------------------
    def _take_number(self, counter: str) -> int:
        number = self.next_number[counter]
        self.next_number[counter] = number + (1 if self.rng.random() < 0.85 else self.rng.randint(2, 6))
        return number

    def _take_local(self, suffix: str) -> int:
        number = self.next_local.get(suffix, 1)
        self.next_local[suffix] = number + 1
        return number

    def _series_number(self, kind: str, domain: str) -> tuple[str, str, str]:
        """(prefix as written, base number, suffix) of a new series; unique by construction."""
        rng = self.rng
        if kind == "TCVN" and (domain == "management" and rng.random() < 0.5 or rng.random() < 0.03):
            adopted = "ISO/IEC" if rng.random() < 0.2 else "ISO"
            return f"TCVN {adopted}", str(self._take_number("TCVN ISO")), ""
        if kind == "QCVN":
            suffix = rng.choice(DOMAINS[domain]["ministries"])
            return "QCVN", f"{self._take_local(suffix):02d}", suffix
        if kind == "TCCS":
            suffix = rng.choice(TCCS_ISSUERS)
            return "TCCS", f"{self._take_local(suffix):02d}", suffix
        return PREFIX[kind], str(self._take_number(kind)), ""

    # -- titles ----------------------------------------------------------------------------------
    def _aspect(self, domain: str) -> tuple[str, str]:
        rng = self.rng
        chemistry = domain in ("food", "agriculture", "environment", "chemicals", "medical")
        roll = rng.random()
        if roll < 0.22 or domain == "management":
            return rng.choice(ASPECTS)
        method = rng.choice(METHODS) if rng.random() < 0.6 else None
        if roll < (0.7 if chemistry else 0.4):
            vi, en = rng.choice(ANALYTES)
            vi, en = f"Xác định hàm lượng {vi}", f"Determination of {en} content"
        elif chemistry and roll < 0.8:
            verb_vi, verb_en = rng.choice([("Phát hiện", "Detection of"), ("Định lượng", "Enumeration of")])
            micro_vi, micro_en = rng.choice(MICROBES)
            vi, en = f"{verb_vi} {micro_vi}", f"{verb_en} {micro_en}"
        else:
            vi, en = rng.choice(PROPERTIES)
            vi, en = f"Xác định {vi}", f"Determination of {en}"
        if method:
            vi, en = f"{vi} - {method[0]}", f"{en} — {method[1]}"
        return vi, en

    def _subject(self, domain: str) -> tuple[str, str]:
        subject = self.rng.choice(DOMAINS[domain]["subjects"])
        if self.rng.random() < 0.35:
            qual = self.rng.choice(DOMAINS[domain]["qualifiers"])
            return f"{subject[0]} {qual[0]}", f"{subject[1]}, {qual[1]}"
        return subject

    def _regulation_title(self, subject: tuple[str, str], domain: str, *, simple: bool = False) -> tuple[str, str]:
        rng = self.rng
        subj_vi, subj_en = lower_first(subject[0]), subject[1][:1].lower() + subject[1][1:]
        roll = rng.random()
        if roll < 0.3:
            return f"Quy chuẩn kỹ thuật quốc gia về {subj_vi}", f"National technical regulation on {subj_en}"
        if roll < 0.6 or simple:
            vi, en = rng.choice(ANALYTES + MICROBES)
            return (
                f"Quy chuẩn kỹ thuật quốc gia về giới hạn {vi} trong {subj_vi}",
                f"National technical regulation on limits of {en} in {subj_en}",
            )
        topic_vi, topic_en = rng.choice(
            [
                ("an toàn", "safety of"),
                ("chất lượng", "quality of"),
                ("hiệu suất năng lượng của", "energy efficiency of"),
            ]
        )
        aspect = self._aspect(domain)
        return (
            f"Quy chuẩn kỹ thuật quốc gia về {topic_vi} {subj_vi} - {aspect[0]}",
            f"National technical regulation on {topic_en} {subj_en} — {aspect[1]}",
        )

    def _scope(self, kind: str, subject: tuple[str, str], aspect: tuple[str, str]) -> str:
        rng = self.rng
        if rng.random() < 0.2:
            return ""
        if kind in ("ISO", "IEC", "ISO_IEC"):
            return f"This document specifies {aspect[1].lower()} for {subject[1].lower()}."
        doc = "Quy chuẩn này" if kind == "QCVN" else "Tiêu chuẩn này"
        text = f"{doc} quy định {lower_first(aspect[0])} đối với {lower_first(subject[0])}."
        if rng.random() < 0.3:
            other = rng.choice(DOMAINS[rng.choice(list(DOMAINS))]["subjects"])[0]
            text += f" {doc} không áp dụng cho {lower_first(other)}."
        if rng.random() < 0.3:
            text += f" {doc} áp dụng cho các tổ chức, cá nhân sản xuất, kinh doanh và cơ quan quản lý có liên quan."
        return text

    # -- series ----------------------------------------------------------------------------------
    def _domain(self, kind: str) -> str:
        weights = KIND_DOMAINS[kind]
        if weights is None:
            return self.rng.choice(list(DOMAINS))
        return _weighted(self.rng, weights.items())

    def _parts(self, kind: str) -> list[str]:
        rng = self.rng
        if rng.random() < 0.7:
            return [""]
        count = rng.randint(2, 8)
        if kind == "IEC" and rng.random() < 0.4:  # IEC 60335-2-24 style
            return ["1"] + [f"2-{k}" for k in rng.sample(range(1, 110), count - 1)]
        return [str(p) for p in range(1, count + 1)]

    def series(self) -> Iterator[dict]:
        """All rows of one series: every part, newest edition first, then the editions it replaced."""
        rng = self.rng
        kind = _weighted(rng, KINDS)
        domain = self._domain(kind)
        prefix, base, suffix = self._series_number(kind, domain)
        subject = self._subject(domain)
        codes = self.ics[domain]
        ics = sorted(set(rng.sample(codes, 2 if rng.random() < 0.15 else 1)))
        parts = self._parts(kind)
        # A regulation in parts shares one title, each part adding its aspect.
        regulation = self._regulation_title(subject, domain, simple=parts != [""]) if kind == "QCVN" else None
        for part in parts:
            aspect = self._aspect(domain)
            if regulation and not part:
                title_vi, title_en = self._regulation_title(subject, domain)
            elif part:
                head_vi, head_en = regulation or subject
                title_vi = f"{head_vi} - Phần {part}: {aspect[0]}"
                title_en = f"{head_en} — Part {part}: {aspect[1]}"
            else:
                title_vi, title_en = f"{subject[0]} - {aspect[0]}", f"{subject[1]} — {aspect[1]}"
            if kind in ("ISO", "IEC", "ISO_IEC") and rng.random() > INTERNATIONAL_VI_SHARE:
                title_vi = ""
            yield from self._editions(kind, prefix, base, part, suffix, title_vi, title_en, ics, subject, aspect)

    def _editions(self, kind, prefix, base, part, suffix, title_vi, title_en, ics, subject, aspect) -> Iterator[dict]:
        rng = self.rng
        count = _weighted(rng, EDITIONS)
        low = 1985 if kind in ("ISO", "IEC", "ISO_IEC") else 1995
        year = min(2025, low + int((2025 - low) * rng.random() ** 0.6))
        newer = ""
        number = f"{base}-{part}" if part else base
        for edition in range(count):
            if edition:
                year -= rng.randint(3, 10)
                if year < 1975:
                    return
            code = f"{prefix} {number}:{year}" + (f"/{suffix}" if suffix else "")
            status = "replaced" if newer else ("withdrawn" if rng.random() < WITHDRAWN_SHARE else "in_force")
            yield {
                "code": code,
                "kind": kind,
                "title_vi": title_vi,
                "title_en": title_en,
                "year": year,
                "status": status,
                "ics": ICS_SEPARATOR.join(ics),
                "scope": self._scope(kind, subject, aspect),
                "replaced_by": newer,
                "_prefix": prefix,
                "_base": base,
                "_part": part,
                "_suffix": suffix,
            }
            newer = code

    def rows(self, n: int) -> Iterator[dict]:
        produced = 0
        while produced < n:
            for row in self.series():
                yield row
                produced += 1
                if produced >= n:
                    return


def iter_rows(n: int, seed: int = SEED) -> Iterator[dict]:
    """The first ``n`` rows of the SYNTHETIC corpus for ``seed`` (a prefix of any longer corpus)."""
    return Corpus(seed).rows(n)


def generator_version() -> str:
    """A digest of the generator's code and vocabulary: a cached file from older code is never reused."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for path in [here / "corpus.py", *sorted((here / "vocab").glob("*.py"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def csv_path(n: int, seed: int = SEED, directory: Path | None = None) -> Path:
    directory = directory or BASE_DIR / "var" / "bench"
    return directory / f"{LABEL}-standards-{n}-seed{seed}-{generator_version()}.csv"


def write_csv(path: Path, n: int, seed: int = SEED) -> Path:
    """Write the corpus as UTF-8 CSV with a header row; streaming, so memory does not grow with ``n``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in iter_rows(n, seed):
            writer.writerow(row)
    tmp.replace(path)
    return path


def ensure_csv(n: int, seed: int = SEED) -> Path:
    path = csv_path(n, seed)
    if not path.exists():
        write_csv(path, n, seed)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=f"Write a {LABEL} standards catalogue as CSV.")
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    path = write_csv(args.out or csv_path(args.rows, args.seed), args.rows, args.seed)
    print(f"{LABEL} corpus: {args.rows} rows, seed {args.seed} -> {path}")


if __name__ == "__main__":
    main()
