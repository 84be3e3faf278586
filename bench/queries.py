"""The benchmark's queries, built deterministically from the SYNTHETIC corpus (bench/corpus.py).

Mixed queries (figure a): words of a title typed without marks or with them, standard numbers in
the forms people type, search-as-you-type prefixes, a fifth English titles' words when a record has
no Vietnamese title; four in ten carry filters (kind, status, year range, ICS code).
Known-item queries (figure b): 3 to 5 words of one record's Vietnamese title, folded, chosen as a
person who knows the record would: a word of its subject, then the words that set it apart, enough
of them (up to 5) that fewer than 10 titles of the corpus hold them all when that is possible.
"""

import random
from array import array
from dataclasses import dataclass, field

from bench.corpus import SEED, iter_rows

CATEGORIES = [("plain", 28), ("accented", 22), ("number", 30), ("prefix", 20)]
RUN_LENGTHS = [(1, 20), (2, 40), (3, 25), (4, 15)]
PREFIX_RUN_LENGTHS = [(1, 15), (2, 45), (3, 40)]
FILTER_SHARE = 0.4
FILTER_KINDS = [("kind", 30), ("status", 25), ("year", 25), ("ics", 20)]
PAGE_TWO_SHARE = 0.05
REGULATION = "Quy chuẩn kỹ thuật quốc gia về"
RECALL_DEPTH = 10  # a known item must be in the first 10 results
MAX_KNOWN_ITEM_WORDS = 5


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


@dataclass(frozen=True)
class BenchQuery:
    category: str
    text: str
    filters: dict = field(default_factory=dict)  # API parameter -> value
    page: int = 1

    def params(self) -> dict:
        return {"q": self.text, **self.filters, **({"page": self.page} if self.page > 1 else {})}

    def search_query(self, page_size: int = 20):
        from nscl.standards.search import Filters, SearchQuery

        f = self.filters
        filters = Filters(
            kinds=(f["kind"],) if "kind" in f else (),
            statuses=(f["status"],) if "status" in f else (),
            year_min=f.get("year_min"),
            year_max=f.get("year_max"),
            ics=f.get("ics", ""),
        )
        return SearchQuery(text=self.text, filters=filters, page=self.page, page_size=page_size)

    @property
    def label(self) -> str:
        return self.category + ("+filters" if self.filters else "")


@dataclass(frozen=True)
class KnownItem:
    code: str
    text: str
    title_vi: str
    title_matches: int  # titles of the corpus holding every word of the query (the record's included)


def words(text: str) -> list[str]:
    """Lower-cased words as a user types them (punctuation dropped, marks kept)."""
    from nscl.core.text import split_words

    return split_words(text.lower())


def _title_run(rng: random.Random, row: dict, lengths) -> tuple[list[str], bool]:
    """A run of consecutive title words; False when only the English title was there to use."""
    vi = words(row["title_vi"])
    source = vi or words(row["title_en"])
    k = min(_weighted(rng, lengths), len(source))
    start = rng.randrange(len(source) - k + 1)
    return source[start : start + k], bool(vi)


def _number_text(rng: random.Random, row: dict) -> str:
    base, part, prefix = row["_base"], row["_part"], row["_prefix"]
    form = _weighted(rng, [("full", 30), ("number", 20), ("base", 15), ("glued", 15), ("prefixed", 20)])
    if form == "full":
        return row["code"]
    if form == "number":
        return f"{base}-{part}" if part else f"{base}:{row['year']}"
    if form == "base":
        return base
    if form == "glued":
        return f"{prefix}{base}"  # "TCVN7790", typed without the space
    return f"{prefix} {base}"


def _filters(rng: random.Random, row: dict) -> dict:
    if rng.random() >= FILTER_SHARE:
        return {}
    chosen = {_weighted(rng, FILTER_KINDS)}
    if rng.random() < 0.25:
        chosen.add(_weighted(rng, FILTER_KINDS))
    filters: dict = {}
    if "kind" in chosen:
        filters["kind"] = row["kind"]
    if "status" in chosen:
        filters["status"] = "in_force" if rng.random() < 0.7 else row["status"]
    if "year" in chosen:
        filters["year_min"] = int(row["year"]) - rng.randint(0, 5)
        if rng.random() < 0.7:
            filters["year_max"] = filters["year_min"] + rng.randint(5, 15)
    if "ics" in chosen:
        code = row["ics"].split(";")[0]
        filters["ics"] = code[: _weighted(rng, [(2, 40), (6, 40), (len(code), 20)])]
    return filters


def make_query(rng: random.Random, row: dict) -> BenchQuery:
    from nscl.core.text import fold

    category = _weighted(rng, CATEGORIES)
    if category == "number":
        text = _number_text(rng, row)
    elif category == "prefix":
        run, _vi = _title_run(rng, row, PREFIX_RUN_LENGTHS)
        run[-1] = run[-1][: rng.randint(1, 4)]
        text = " ".join(run) if rng.random() < 0.5 else fold(" ".join(run))
    else:
        run, vi = _title_run(rng, row, RUN_LENGTHS)
        text = " ".join(run) if category == "accented" else fold(" ".join(run))
        category = category if vi else "english"
    page = 2 if rng.random() < PAGE_TWO_SHARE else 1
    return BenchQuery(category=category, text=text, filters=_filters(rng, row), page=page)


def _title_postings(n: int, seed: int, vocabulary: set[str]) -> dict[str, set[int]]:
    """For each word of the vocabulary, the rows whose Vietnamese title holds it (second pass)."""
    from nscl.core.text import fold

    postings: dict[str, array] = {w: array("I") for w in vocabulary}
    for i, row in enumerate(iter_rows(n, seed)):
        for w in set(words(fold(row["title_vi"]))) & vocabulary:
            postings[w].append(i)
    return {w: set(rows) for w, rows in postings.items()}


def subject_words(title_vi: str) -> list[str]:
    """Folded words of the subject: the title up to the first " - ", less "Quy chuẩn kỹ thuật quốc gia về"."""
    from nscl.core.text import fold

    head = title_vi.split(" - ")[0]
    if head.startswith(REGULATION):
        head = head[len(REGULATION) :]
    return words(fold(head))


def pick_words(title_vi: str, k: int, postings: dict[str, set[int]]) -> tuple[list[str], int]:
    """Words of the title in its order: the subject (its 2-3 rarest words when longer), then each time
    the word that narrows the matching titles most, until there are k words and fewer than 10 titles
    hold them all (5 words at most). When the subject leaves too little room, the subject's rarest
    word alone starts the query instead."""
    from nscl.core.text import fold

    title = list(dict.fromkeys(words(fold(title_vi))))
    subject = [w for w in dict.fromkeys(subject_words(title_vi)) if w in title] or title[:1]
    by_rarity = sorted(subject, key=lambda w: (len(postings[w]), title.index(w)))
    tries = [by_rarity[: min(3, max(1, k - 1))], by_rarity[:1]]
    for start in tries:
        chosen, matches = _narrow(title, list(start), k, postings)
        if matches < RECALL_DEPTH:
            break
    return [w for w in title if w in chosen], matches


def _narrow(title: list[str], chosen: list[str], k: int, postings: dict[str, set[int]]) -> tuple[list[str], int]:
    matches = set.intersection(*(postings[w] for w in chosen))
    while len(chosen) < min(MAX_KNOWN_ITEM_WORDS, len(title)) and (len(chosen) < k or len(matches) >= RECALL_DEPTH):
        rest = [w for w in title if w not in chosen]
        best = min(rest, key=lambda w: (len(matches & postings[w]), len(postings[w]), title.index(w)))
        chosen.append(best)
        matches = matches & postings[best]
    return chosen, len(matches)


def known_items(rng: random.Random, rows: list[dict], n: int, seed: int, count: int) -> tuple[list[KnownItem], int]:
    """For ``count`` records, 3 to 5 words of the title that a person who knows the record would type.

    A record whose title shares every 5-word choice with 10 or more titles (the same title on several
    series, "Xi măng poóc lăng - Xác định kích thước hạt") cannot be a known item: it is skipped,
    and the number skipped is returned with the items.
    """
    from nscl.core.text import fold

    postings = _title_postings(n, seed, {w for row in rows for w in words(fold(row["title_vi"]))})
    items, skipped = [], 0
    for row in rows:
        chosen, matches = pick_words(row["title_vi"], rng.randint(3, 5), postings)
        if matches >= RECALL_DEPTH:
            skipped += 1
            continue
        items.append(KnownItem(row["code"], " ".join(chosen), row["title_vi"], matches))
        if len(items) >= count:
            break
    return items, skipped


def build(n: int, *, count: int = 1000, warmup: int = 100, recall: int = 200, seed: int = SEED):
    """(mixed queries, warm-up queries, known items, records skipped as not identifiable): two passes."""
    rng = random.Random(seed * 7 + 1)
    picked = rng.sample(range(n), count + warmup)
    recall_rng = random.Random(seed * 7 + 2)
    candidates = recall_rng.sample(range(n), recall * 3)
    wanted = set(picked) | set(candidates)
    rows = {i: row for i, row in enumerate(iter_rows(n, seed)) if i in wanted}
    queries = [make_query(rng, rows[i]) for i in picked]
    with_title = [rows[i] for i in candidates if rows[i]["title_vi"]]
    items, skipped = known_items(recall_rng, with_title, n, seed, recall)
    return queries[:count], queries[count:], items, skipped
