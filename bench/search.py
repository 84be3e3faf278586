"""Search figures on a SYNTHETIC catalogue: API p95 against the bare engine query, and known-item recall.

    .venv/bin/python bench/search.py --db sqlite --rows 200000
    .venv/bin/python bench/search.py --db postgres --reuse     # the database bench/imports.py left loaded

(a) For 1,000 mixed queries, in one process and interleaved query by query: the bare engine query
    (``get_backend().engine_query``: match, filters, rank, one page) and the full API request
    (``GET /api/v1/standards/`` through Django's test client: form, search with total and facets,
    records, facet labels, serialisation, middleware). Target: API p95 <= 2x engine p95. Also timed,
    to show where the difference goes: ``backend.search`` alone (match + total + facets in SQL).
(b) Known-item recall: 200 records, 3-5 folded words of the Vietnamese title; the record must be in
    the API's top 10. Target: >= 98%.
"""

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402
from bench.corpus import LABEL, SEED, ensure_csv  # noqa: E402

API_URL = "/api/v1/standards/"
P95_TARGET = 2.0
RECALL_TARGET = 0.98


def load(db: str, rows: int, seed: int) -> dict:
    """A fresh database holding the corpus: through run_import when it exists, else the bulk loader."""
    path = ensure_csv(rows, seed)
    common.fresh_database(db)
    common.setup_django(db)
    common.migrate()
    started = time.perf_counter()
    if common.run_import_available():
        from nscl.standards.imports import run_import

        report = run_import(path)
        if not report.ok:
            raise SystemExit(f"run_import rejected the {LABEL} corpus: {report.errors[:5]}")
        how = "run_import"
    else:
        from bench import bulk

        bulk.load(path)
        how = "bulk insert (run_import not available)"
    return {"loader": how, "load_seconds": round(time.perf_counter() - started, 1)}


def analyze() -> None:
    """Planner statistics, as autovacuum (PostgreSQL) or a maintenance ANALYZE (SQLite) would leave them."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def _client():
    from django.conf import settings
    from django.test import Client

    return Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])


def _api(client, params: dict) -> dict:
    response = client.get(API_URL, params)
    if response.status_code != 200:
        raise SystemExit(f"API answered {response.status_code} for {params}: {response.content[:500]!r}")
    return response


def measure(queries, warmup) -> dict:
    """Time the engine query, backend.search and the API request for each query, interleaved."""
    from django.core.cache import cache

    from nscl.standards.search import get_backend

    backend, client = get_backend(), _client()
    for q in warmup:
        backend.engine_query(q.search_query())
        cache.clear()
        _api(client, q.params())
    samples = []
    for i, q in enumerate(queries):
        sq, params = q.search_query(), q.params()
        timings: dict[str, float] = {}
        steps = [
            ("engine", lambda sq=sq: backend.engine_query(sq)),
            ("search", lambda sq=sq: backend.search(sq)),
            ("api", lambda params=params: _api(client, params)),
        ]
        for name, step in steps if i % 2 == 0 else steps[::-1]:
            cache.clear()  # no cached answer (nor throttle history) helps any request
            started = time.perf_counter()
            result = step()
            timings[name] = (time.perf_counter() - started) * 1000
            if name == "api":
                timings["count"] = json.loads(result.content)["count"]
        samples.append({"query": q.text, "label": q.label, "filters": q.filters, **timings})
    return summarise(samples)


def _stats(values: list[float]) -> dict:
    return {f"p{p}": round(common.percentile(values, p), 2) for p in (50, 95, 99)}


def summarise(samples: list[dict]) -> dict:
    out = {name: _stats([s[name] for s in samples]) for name in ("engine", "search", "api")}
    out["ratio_p95"] = round(out["api"]["p95"] / out["engine"]["p95"], 2)
    out["pass"] = out["ratio_p95"] <= P95_TARGET
    labels = sorted({s["label"] for s in samples})
    out["by_label"] = {
        label: {
            "n": len(group),
            **{
                f"{name}_p95": round(common.percentile([s[name] for s in group], 95), 1)
                for name in ("engine", "search", "api")
            },
        }
        for label in labels
        for group in [[s for s in samples if s["label"] == label]]
    }
    out["slowest_api"] = [
        {k: (round(v, 1) if isinstance(v, float) else v) for k, v in s.items()}
        for s in sorted(samples, key=lambda s: -s["api"])[:12]
    ]
    return out


def recall(items) -> dict:
    """Known items: is the record in the API's first 10 results?"""
    from django.core.cache import cache

    from nscl.standards.codes import code_key
    from nscl.standards.models import Standard
    from nscl.standards.search import SearchQuery, get_backend

    ids = dict(Standard.objects.filter(code_key__in=[code_key(i.code) for i in items]).values_list("code_key", "id"))
    client, backend, hits, misses = _client(), get_backend(), 0, []
    for item in items:
        cache.clear()
        target = ids[code_key(item.code)]
        data = json.loads(_api(client, {"q": item.text, "page_size": 10}).content)
        if target in [r["id"] for r in data["results"]]:
            hits += 1
            continue
        ranked = backend.engine_query(SearchQuery(text=item.text, page_size=100))
        rank = ranked.index(target) + 1 if target in ranked else None
        misses.append(
            {
                "query": item.text,
                "code": item.code,
                "title": item.title_vi,
                "titles_with_all_words": item.title_matches,
                "matches": data["count"],
                "rank": rank,
            }
        )
    rate = hits / len(items)
    return {
        "queries": len(items),
        "hits": hits,
        "rate": round(rate, 4),
        "pass": rate >= RECALL_TARGET,
        "misses": misses,
    }


def report(db: str, result: dict) -> None:
    a, b = result["latency"], result["recall"]
    print(f"\n== Search on {db}, {result['rows']} {LABEL} records ({result['loader']}) ==")
    for name, title in (
        ("engine", "bare engine query"),
        ("search", "backend.search (+total, facets)"),
        ("api", "API request"),
    ):
        s = a[name]
        print(f"  {title:34s} p50 {s['p50']:8.2f} ms   p95 {s['p95']:8.2f} ms   p99 {s['p99']:8.2f} ms")
    verdict = "PASS" if a["pass"] else "FAIL"
    print(f"  (a) API p95 / engine p95 = {a['ratio_p95']:.2f} (target <= {P95_TARGET}): {verdict}")
    print("      p95 by kind of query (engine / search / api ms):")
    for label, g in a["by_label"].items():
        print(
            f"        {label:22s} n={g['n']:4d}  {g['engine_p95']:7.1f} / {g['search_p95']:7.1f} / {g['api_p95']:7.1f}"
        )
    verdict = "PASS" if b["pass"] else "FAIL"
    print(f"      ({b['skipped_not_identifiable']} records skipped: no 5 words of the title single them out)")
    print(f"  (b) known-item recall@10 = {b['hits']}/{b['queries']} = {b['rate']:.1%} (target >= 98%): {verdict}")
    for miss in b["misses"][:10]:
        print(
            f"        miss: {miss['query']!r} -> {miss['code']} {miss['title']!r}: rank {miss['rank']}, "
            f"{miss['matches']} matches, {miss['titles_with_all_words']} titles with every word"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--recall", type=int, default=200)
    parser.add_argument("--reuse", action="store_true", help="use the loaded database bench/imports.py left")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--database-name", default=common.DB_NAME, help=argparse.SUPPRESS)
    parser.add_argument("--loaded-by", default="an earlier run", help="with --reuse: how the database was loaded")
    args = parser.parse_args()
    if args.reuse:
        common.setup_django(args.db, args.database_name)
        info = {"loader": args.loaded_by}
    else:
        info = load(args.db, args.rows, args.seed)
    from nscl.standards.models import Standard

    found = Standard.objects.count()
    if found != args.rows:
        raise SystemExit(f"the benchmark database holds {found} standards, expected {args.rows}")
    analyze()
    from bench import queries as q

    mixed, warmup, items, skipped = q.build(args.rows, count=args.queries, recall=args.recall, seed=args.seed)
    result = {"db": args.db, "rows": args.rows, "corpus": LABEL, **info}
    result["latency"] = measure(mixed, warmup)
    result["recall"] = recall(items) | {"skipped_not_identifiable": skipped}
    report(args.db, result)
    common.save_json(f"search-{args.db}.json", result)
    if not args.keep:
        from django.db import connections

        connections.close_all()
        common.drop_database(args.db, args.database_name)
    common.emit(
        {k: v for k, v in result.items() if k in ("db", "rows", "loader")}
        | {
            "latency": {k: result["latency"][k] for k in ("engine", "search", "api", "ratio_p95", "pass")},
            "recall": {k: result["recall"][k] for k in ("queries", "hits", "rate", "pass")},
        }
    )


if __name__ == "__main__":
    main()
