"""Every benchmark on both databases, then a summary of the figures with their targets (`make bench`).

    .venv/bin/python bench/run_all.py [--rows 200000] [--db sqlite --db postgres]

For each database: bench/imports.py (baseline and run_import at rows/10 and rows, leaving the
imported database loaded), then bench/search.py on that same database (no second load), then
bench/registries.py (registries and the project pipeline at 1,000 and 10,000 enterprises, GENERATED
data, in its own database), then bench/portal.py (public pages under wrk against a minimal view,
the home page's weight), then bench/planning.py (the steering dashboard at 1/10 and all of the planning
issue's GENERATED data, in its own database). PostgreSQL
is skipped, with the reason, when nothing answers on 127.0.0.1:5432. All data is SYNTHETIC
(bench/corpus.py); results are also written to var/bench/*.json.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402
from bench.corpus import LABEL, SEED  # noqa: E402

HERE = Path(__file__).resolve().parent
STEP_TIMEOUT = 3 * 3600


def run_script(name: str, args: list[str]) -> dict | None:
    """Run one benchmark script, echoing its output; its RESULT line, or None when it failed."""
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and scripts
        [sys.executable, str(HERE / name), *args], stdout=subprocess.PIPE, text=True, cwd=common.BASE_DIR
    )
    result = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("RESULT "):
            import json

            result = json.loads(line[len("RESULT ") :])
        else:
            print(line, end="", flush=True)
    try:
        code = proc.wait(timeout=STEP_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        code = -1
    if code != 0:
        print(f"!! {name} {' '.join(args)} failed (exit {code})", flush=True)
        return None
    return result


def verdict(passed: bool | None) -> str:
    return "n/a " if passed is None else ("PASS" if passed else "FAIL")


def summary(results: dict[str, dict]) -> None:
    print(f"\n==== Summary ({LABEL} corpus) ====")
    for db, res in results.items():
        if "skipped" in res:
            print(f"{db:9s} skipped: {res['skipped']}")
            continue
        imp, srch = res.get("imports") or {}, res.get("search") or {}
        lat, rec = srch.get("latency"), srch.get("recall")
        if lat:
            print(
                f"{db:9s} (a) API p95 {lat['api']['p95']:.1f} ms / engine p95 {lat['engine']['p95']:.1f} ms "
                f"= {lat['ratio_p95']:.2f} (<= 2.0)  {verdict(lat['pass'])}"
            )
            print(f"{'':9s} (b) known-item recall@10 {rec['rate']:.1%} (>= 98%)  {verdict(rec['pass'])}")
        else:
            print(f"{db:9s} (a), (b) not measured: bench/search.py failed")
        if "throughput_ratio" in imp:
            print(
                f"{'':9s} (c) import / bare insert throughput {imp['throughput_ratio']:.3f} (>= 0.25)  "
                f"{verdict(imp['throughput_pass'])}"
            )
            print(
                f"{'':9s} (c) peak memory 200k / 20k {imp['memory_ratio']:.3f} (<= 1.5)  {verdict(imp['memory_pass'])}"
            )
        else:
            print(f"{'':9s} (c) not measured: {imp.get('skipped', 'bench/imports.py failed')}")
        registries_summary(res.get("registries"))
        portal_summary(res.get("portal"))
        planning_summary(res.get("planning"))


def portal_summary(portal: dict | None) -> None:
    if not portal or "pages" not in portal:
        print(f"{'':9s} (issue 4) not measured: bench/portal.py failed (see its output)")
        return
    pages = {name: row for name, row in portal["pages"].items() if not name.startswith("baseline")}
    ratios = ", ".join(f"{name} {row['ratio']:.2f}" for name, row in pages.items())
    weight = portal["weight"]
    print(
        f"{'':9s} (issue 4) req/s vs a minimal view: {ratios} (>= 0.5, 0 errors); home weight "
        f"{weight['bytes'] / 1024:.0f} KB (< 300), external requests {len(weight['external'])}  "
        f"{verdict(portal['pass'])}"
    )


def planning_summary(plan: dict | None) -> None:
    if not plan or "pages" not in plan:
        print(f"{'':9s} (dashboard) not measured: bench/planning.py failed (or the number of queries grew)")
        return
    targets = [r for r in plan["pages"] if r.get("target", True)]
    worst = max(targets, key=lambda r: r["ratio"])
    cold = [r for r in plan["pages"] if not r.get("target", True)]
    extra = f"; cold cache {cold[0]['ratio']:.2f}" if cold else ""
    print(
        f"{'':9s} (dashboard) queries {worst['queries_big']} at both sizes, worst time ratio full / one tenth "
        f"{worst['ratio']:.2f} ({worst['page']}) (<= 3.0){extra}  {verdict(all(r['pass'] for r in targets))}"
    )


def registries_summary(reg: dict | None) -> None:
    if not reg or "pages" not in reg:
        print(f"{'':9s} (issue 3) not measured: bench/registries.py failed (or the number of queries grew)")
        return
    worst = max(reg["pages"], key=lambda r: r["ratio"])
    passed = all(r["pass"] for r in reg["pages"])
    print(
        f"{'':9s} (issue 3) {len(reg['pages'])} registry pages, queries bounded, worst time ratio 10k/1k "
        f"{worst['ratio']:.2f} ({worst['page']}) (<= 3.0)  {verdict(passed)}"
    )


def run_database(db: str, rows: int, seed: int) -> dict:
    common_args = ["--db", db, "--rows", str(rows), "--seed", str(seed)]
    imports = run_script("imports.py", [*common_args, "--keep-loaded"])
    search_args = [*common_args, "--reuse", "--loaded-by", "run_import in bench/imports.py"] if imports else common_args
    search = run_script("search.py", search_args)
    common.drop_database(db)
    registries = run_script("registries.py", ["--db", db])
    portal = run_script("portal.py", ["--db", db])
    planning = run_script("planning.py", ["--db", db])
    return {"imports": imports, "search": search, "registries": registries, "portal": portal, "planning": planning}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--db", action="append", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    started = time.perf_counter()
    state = common.code_state()
    print(f"Code measured: commit {state['commit']}, uncommitted: {state['uncommitted'] or 'none'}", flush=True)
    results: dict[str, dict] = {}
    for db in args.db or ["sqlite", "postgres"]:
        if db == "postgres" and (reason := common.postgres_available()):
            print(f"PostgreSQL skipped: nothing answers on 127.0.0.1:5432 ({reason})", flush=True)
            results[db] = {"skipped": f"PostgreSQL not reachable on 127.0.0.1:5432 ({reason})"}
            continue
        results[db] = run_database(db, args.rows, args.seed)
    summary(results)
    print(f"\nTotal time: {(time.perf_counter() - started) / 60:.1f} min")
    common.save_json("summary.json", {"code": state, "rows": args.rows, "results": results})


if __name__ == "__main__":
    main()
