"""What the benchmark scripts share: a fresh database per run, Django set-up, percentiles, memory.

The benchmarks never touch the development database: SQLite runs use a file under var/bench/,
PostgreSQL runs a database named nscl_bench on the loopback address, created and dropped here.
"""

import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
DB_NAME = "nscl_bench"
SETTINGS = "config.settings.base"  # DEBUG off: no query log growing in memory, as in production
CHILD_TIMEOUT = 3600  # seconds: no step of a benchmark may hang the run


def database_url(db: str, name: str = DB_NAME) -> str:
    if db == "sqlite":
        return f"sqlite:///{BENCH_DIR / (name + '.sqlite3')}"
    if db == "postgres":
        return f"{PG_SERVER}/{name}"
    raise ValueError(f"unknown database {db!r}: use sqlite or postgres")


def configure(db: str, name: str = DB_NAME) -> None:
    """Point Django at the benchmark database (before django.setup())."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = database_url(db, name)
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ["DEBUG"] = "0"
    if str(BASE_DIR) not in sys.path:
        sys.path.insert(0, str(BASE_DIR))


def setup_django(db: str, name: str = DB_NAME) -> None:
    configure(db, name)
    import django

    django.setup()


def postgres_available() -> str:
    """Empty when PostgreSQL answers on 127.0.0.1:5432, else the reason it does not."""
    try:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure means "skip PostgreSQL"
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ""


def drop_database(db: str, name: str = DB_NAME) -> None:
    if db == "sqlite":
        path = BENCH_DIR / f"{name}.sqlite3"
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fresh_database(db: str, name: str = DB_NAME) -> None:
    """An empty database (no tables yet): migrate() creates the schema."""
    drop_database(db, name)
    if db == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')


def migrate() -> None:
    """Schema, search index table and the ICS tree, as a new deployment has them."""
    from django.core.management import call_command

    from nscl.standards.reference import ics_load

    call_command("migrate", verbosity=0, interactive=False)
    ics_load()


def run_child(args: list[str], *, timeout: int = CHILD_TIMEOUT) -> dict:
    """Run a benchmark step in a fresh interpreter; its last line "RESULT {json}" is the answer."""
    started = time.perf_counter()
    proc = subprocess.run(  # noqa: S603 - our own interpreter and script, no shell
        [sys.executable, *args], capture_output=True, text=True, timeout=timeout, cwd=BASE_DIR, check=False
    )
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT ") :])
            result.setdefault("process_seconds", round(time.perf_counter() - started, 2))
            return result
    raise RuntimeError(f"step {args} failed (exit {proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")


def emit(result: dict) -> None:
    print("RESULT " + json.dumps(result), flush=True)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def run_import_available() -> bool:
    """True once the import pipeline (nscl.standards.imports.run_import) exists in this tree."""
    import importlib.util

    if str(BASE_DIR) not in sys.path:
        sys.path.insert(0, str(BASE_DIR))
    return importlib.util.find_spec("nscl.standards.imports") is not None


def code_state() -> dict:
    """The commit measured, and the files of nscl/ that differ from it (work in progress is measured too)."""

    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], capture_output=True, text=True, cwd=BASE_DIR, check=False)  # noqa: S603,S607
        return proc.stdout.rstrip("\n")

    changed = [line[3:] for line in git("status", "--porcelain", "--", "nscl", "config").splitlines()]
    return {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted": changed}


def save_json(name: str, data: dict) -> Path:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def measure_and_report(*, name: str, db: str, db_name: str, label: str, keep: bool, run) -> dict | None:
    """Run one bench script's ``run()`` on a database it creates: skip PostgreSQL when nothing answers,
    drop the database afterwards (unless ``keep``), stamp the result with the code measured, the time taken
    and the data's label, save it as var/bench/<name>-<db>.json and print it for run_all. None when skipped."""
    if db == "postgres" and (reason := postgres_available()):
        print(f"PostgreSQL skipped: nothing answers on 127.0.0.1:5432 ({reason})", flush=True)
        emit({"skipped": f"PostgreSQL not reachable ({reason})"})
        return None
    started = time.perf_counter()
    try:
        result = run()
    finally:
        if not keep:
            from django.db import connections

            connections.close_all()
            drop_database(db, db_name)
    result.update(code=code_state(), seconds=round(time.perf_counter() - started, 1), label=label)
    save_json(f"{name}-{db}.json", result)
    print(f"\nTotal {result['seconds'] / 60:.1f} min. Data: {label}. Results in var/bench/{name}-{db}.json")
    emit({k: v for k, v in result.items() if k != "detail"})
    return result
