"""Import figures on a SYNTHETIC catalogue: run_import against a bare bulk insert, and its memory.

    .venv/bin/python bench/imports.py --db sqlite --rows 200000

For 20,000 (rows / 10) and 200,000 rows, each step in a fresh database and a fresh process (so the
peak resident memory, ``ru_maxrss``, is that step's alone; the schema is migrated by another process):
  baseline  the same rows INSERTed into the same tables (bench/bulk.py), values prepared beforehand;
  import    ``nscl.standards.imports.run_import(path)`` on the CSV file, all validation included.
Targets: import rows/s >= 25% of baseline rows/s at 200,000 rows; peak memory of the import at
200,000 rows <= 1.5x that at 20,000. ``--keep-loaded`` leaves the last database (200,000 rows
imported) for bench/search.py --reuse.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402
from bench.corpus import LABEL, SEED, ensure_csv  # noqa: E402

THROUGHPUT_TARGET = 0.25
MEMORY_TARGET = 1.5
SCRIPT = str(Path(__file__).resolve())


# -- children: one step each, in a fresh interpreter -------------------------------------------------
def _counts() -> dict:
    from django.db import connection

    index = "standards_search" if connection.vendor == "postgresql" else "standards_fts"
    with connection.cursor() as cursor:
        out = {}
        for table in ("standards_standard", "standards_standardics", index):
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            out[table] = cursor.fetchone()[0]
    return out


def child_prepare(db: str) -> dict:
    common.setup_django(db)
    common.migrate()
    return {"step": "prepare"}


def child_baseline(db: str, path: Path) -> dict:
    common.setup_django(db)
    from django.db import connection

    from bench import bulk

    rss_setup = common.peak_rss_mb()
    started = time.perf_counter()
    prepared = bulk.prepare(path, connection.vendor)
    prepare_seconds = time.perf_counter() - started
    seconds, per_table = bulk.insert(prepared)
    rows = len(prepared.standards)
    return {
        "step": "baseline",
        "rows": rows,
        "seconds": round(seconds, 2),
        "rows_per_s": round(rows / seconds, 1),
        "prepare_seconds": round(prepare_seconds, 2),
        "seconds_per_table": per_table,
        "rss_setup_mb": round(rss_setup, 1),
        "peak_rss_mb": round(common.peak_rss_mb(), 1),
        "tables": _counts(),
    }


def child_import(db: str, path: Path) -> dict:
    common.setup_django(db)
    from nscl.standards.imports import run_import

    rss_setup = common.peak_rss_mb()
    started = time.perf_counter()
    report = run_import(path)
    seconds = time.perf_counter() - started
    peak = common.peak_rss_mb()
    return {
        "step": "import",
        "rows": report.total_rows,
        "created": report.created,
        "ok": report.ok,
        "errors": [str(e) for e in report.errors[:5]],
        "seconds": round(seconds, 2),
        "rows_per_s": round(report.total_rows / seconds, 1),
        "rss_setup_mb": round(rss_setup, 1),
        "peak_rss_mb": round(peak, 1),
        "tables": _counts(),
    }


# -- parent ------------------------------------------------------------------------------------------
def step(db: str, name: str, path: Path | None = None) -> dict:
    """A fresh, migrated database, then the step in its own process."""
    common.fresh_database(db)
    common.run_child([SCRIPT, "--child", "prepare", "--db", db])
    args = [SCRIPT, "--child", name, "--db", db] + ([str(path)] if path else [])
    result = common.run_child(args)
    print(
        f"  {name:8s} {result['rows']:7d} rows  {result['seconds']:8.1f} s  {result['rows_per_s']:9.0f} rows/s  "
        f"peak RSS {result['peak_rss_mb']:7.1f} MB (after set-up {result['rss_setup_mb']:.1f})  "
        f"tables {result['tables']}",
        flush=True,
    )
    if "seconds_per_table" in result:
        print(f"           insert seconds per table: {result['seconds_per_table']}", flush=True)
    return result


def measure(db: str, rows: int, seed: int, *, with_import: bool) -> dict:
    small, big = rows // 10, rows
    runs: dict[str, dict] = {}
    for n in (small, big):
        path = ensure_csv(n, seed)
        runs[f"baseline_{n}"] = step(db, "baseline", path)
        if with_import:
            runs[f"import_{n}"] = step(db, "import", path)
    result: dict = {"db": db, "rows": big, "small_rows": small, "corpus": LABEL, "runs": runs}
    if not with_import:
        result["skipped"] = "nscl.standards.imports.run_import is not available in this tree"
        return result
    imp, base, imp_small = runs[f"import_{big}"], runs[f"baseline_{big}"], runs[f"import_{small}"]
    ok = imp["ok"] and imp_small["ok"]
    result["throughput_ratio"] = round(imp["rows_per_s"] / base["rows_per_s"], 3)
    result["throughput_pass"] = ok and result["throughput_ratio"] >= THROUGHPUT_TARGET
    result["memory_ratio"] = round(imp["peak_rss_mb"] / imp_small["peak_rss_mb"], 3)
    result["memory_pass"] = ok and result["memory_ratio"] <= MEMORY_TARGET
    result["import_ok"] = ok
    return result


def report(result: dict) -> None:
    print(f"\n== Import on {result['db']}, {LABEL} corpus ==")
    if "skipped" in result:
        print(f"  (c) SKIPPED: {result['skipped']}")
        return
    big, small = result["rows"], result["small_rows"]
    imp, base = result["runs"][f"import_{big}"], result["runs"][f"baseline_{big}"]
    verdict = "PASS" if result["throughput_pass"] else "FAIL"
    print(
        f"  (c) throughput at {big}: import {imp['rows_per_s']:.0f} rows/s, "
        f"bare insert {base['rows_per_s']:.0f} rows/s, "
        f"ratio {result['throughput_ratio']:.3f} (target >= {THROUGHPUT_TARGET}): {verdict}"
    )
    small_peak = result["runs"][f"import_{small}"]["peak_rss_mb"]
    verdict = "PASS" if result["memory_pass"] else "FAIL"
    print(
        f"  (c) peak memory: {imp['peak_rss_mb']:.1f} MB at {big} vs {small_peak:.1f} MB at {small}, "
        f"ratio {result['memory_ratio']:.3f} (target <= {MEMORY_TARGET}): {verdict}"
    )
    if not result["import_ok"]:
        print(f"  the import rejected the file: {imp['errors']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--keep-loaded", action="store_true", help="leave the last database for bench/search.py")
    parser.add_argument("--child", choices=["prepare", "baseline", "import"], help=argparse.SUPPRESS)
    parser.add_argument("csv", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        children = {"prepare": lambda: child_prepare(args.db), "baseline": lambda: child_baseline(args.db, args.csv)}
        children["import"] = lambda: child_import(args.db, args.csv)
        common.emit(children[args.child]())
        return
    common.configure(args.db)
    with_import = common.run_import_available()
    print(f"Import benchmark on {args.db}: {LABEL} corpus of {args.rows} and {args.rows // 10} rows", flush=True)
    result = measure(args.db, args.rows, args.seed, with_import=with_import)
    report(result)
    common.save_json(f"imports-{args.db}.json", result)
    if not args.keep_loaded:
        common.drop_database(args.db)
    common.emit({k: v for k, v in result.items() if k != "runs"})


if __name__ == "__main__":
    main()
