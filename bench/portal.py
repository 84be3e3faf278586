"""Public pages under load (issue 4): gunicorn with 2 workers on loopback, wrk bounded in time.

    .venv/bin/python bench/portal.py [--db sqlite|postgres] [--seconds 10] [--connections 16]

One database of its own (``nscl_bench_portal``): migrate, the reference and demo data, then 200
GENERATED articles over the demo topics (labelled as generated). gunicorn serves it with production
settings (bench/portal_settings.py: DEBUG off, whitenoise, the Redis cache when 127.0.0.1:6379
answers, else each worker's memory) on a free loopback port. wrk requests, in the same run:
the baseline (``/bench/minimal/``, a view with no template and no query, same middleware), the home
page and an article page. Figure: each page's requests per second / the baseline's, target >= 0.5,
with zero errors (non-2xx or socket errors).

Then the home page's weight on first load, as a browser fetches it: the HTML and every stylesheet
and script it links (gzip accepted, images excluded), target < 300 KB, and the number of requests
to another host, target 0. wrk is installed from Debian's packages when it is missing and we may.
"""

import argparse
import datetime
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

DB_NAME = "nscl_bench_portal"
LABEL = "GENERATED"
RATIO_TARGET = 0.5
WEIGHT_TARGET = 300 * 1024
ARTICLES = 200
REDIS = ("127.0.0.1", 6379)
REDIS_DB = 7  # the benchmark's own Redis database, emptied at the start of each run


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing wrk (Debian package)", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)  # noqa: S607
    found = shutil.which("wrk")
    if not found:
        sys.exit("wrk is not installed: apt-get install wrk")
    return found


def prepare(db: str) -> str:
    """Migrate, load the demo, add the generated articles; the path of one article page."""
    common.fresh_database(db, DB_NAME)
    common.setup_django(db, DB_NAME)
    from django.core.management import call_command
    from django.utils import timezone

    from nscl.core.text import fold
    from nscl.portal.models import Article, Topic
    from nscl.portal.text import clean_html, plain_text

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    topics = list(Topic.objects.all()) or [Topic.objects.create(slug="nang-suat", name_vi="Năng suất")]
    now = timezone.now()
    body = clean_html("<p>" + " ".join(["Năng suất chất lượng là động lực tăng trưởng."] * 40) + "</p>" * 6)
    rows = []
    for n in range(ARTICLES):
        title = f"[{LABEL}] Bài viết thử tải số {n + 1} về cải tiến năng suất"
        rows.append(
            Article(
                slug=f"bai-thu-tai-{n + 1}", title=title, summary="Bài viết sinh tự động để đo tải.", body=body,
                topic=topics[n % len(topics)], status="published", published_at=now - datetime.timedelta(hours=n),
                search_text=fold(f"{title} {plain_text(body)}"),
            )
        )  # fmt: skip
    Article.objects.bulk_create(rows)
    return Article.objects.public().order_by("-published_at").first().get_absolute_url()


def server_env(db: str) -> dict:
    """Production settings on loopback: the same for collectstatic and for gunicorn."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.portal_settings",
        "DATABASE_URL": common.database_url(db, DB_NAME),
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "0",
        "PYTHONPATH": str(common.BASE_DIR),
    }
    if answers(*REDIS):
        env["CACHE_URL"] = f"rediscache://{REDIS[0]}:{REDIS[1]}/{REDIS_DB}"
    return env


def start_server(db: str, port: int) -> subprocess.Popen:
    env = server_env(db)
    if "CACHE_URL" in env:
        import redis

        redis.Redis(host=REDIS[0], port=REDIS[1], db=REDIS_DB).flushdb()
    subprocess.run(  # noqa: S603 - the manifest production's static storage reads
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=common.BASE_DIR, env=env, check=True
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, loopback only
        [str(gunicorn), "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=common.BASE_DIR, env=env, start_new_session=True,
    )  # fmt: skip
    for _ in range(100):
        if answers("127.0.0.1", port):
            return server
        time.sleep(0.2)
    stop_server(server)
    sys.exit("gunicorn did not start")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def run_wrk(wrk: str, url: str, seconds: int, connections: int) -> dict:
    out = subprocess.run(  # noqa: S603
        [wrk, "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency", url],
        capture_output=True, text=True, timeout=seconds + 60, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    p50 = re.search(r"50%\s+([\d.]+\w+)", out).group(1)
    return {"rps": rps, "requests": total, "errors": non_2xx + socket_errors, "p50": p50}


class Assets(HTMLParser):
    """The stylesheets, scripts and images a page asks for."""

    def __init__(self):
        super().__init__()
        self.css, self.js, self.images = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "") and attrs.get("href"):
            self.css.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "icon" and attrs.get("href"):
            self.images.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.js.append(attrs["src"])
        elif tag == "img" and attrs.get("src"):
            self.images.append(attrs["src"])


def fetch(url: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", "Accept-Language": "vi"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - loopback
        body = response.read()
        return len(body), body


def page_weight(base: str, path: str) -> dict:
    """Bytes transferred (gzip accepted) for the page and its CSS and JS, and requests to other hosts."""
    import gzip

    size, raw = fetch(base + path)
    html = gzip.decompress(raw).decode() if raw[:2] == b"\x1f\x8b" else raw.decode()
    parser = Assets()
    parser.feed(html)
    here = urlparse(base).netloc
    every = parser.css + parser.js + parser.images
    external = [u for u in every if urlparse(urljoin(base + path, u)).netloc not in ("", here)]
    parts = {"html": size}
    for asset in parser.css + parser.js:
        parts[asset] = fetch(urljoin(base + path, asset))[0]
    return {"bytes": sum(parts.values()), "parts": parts, "external": external}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    wrk = ensure_wrk()
    started = time.monotonic()
    article_path = prepare(args.db)
    port = free_port()
    server = start_server(args.db, port)
    base = f"http://127.0.0.1:{port}"
    results = {}
    try:
        pages = {"baseline (minimal view)": "/bench/minimal/", "home": "/", "article": article_path}
        for path in pages.values():  # warm-up: caches filled, workers loaded
            for _ in range(5):
                fetch(base + path)
        for name, path in pages.items():
            results[name] = {"path": path, **run_wrk(wrk, base + path, args.seconds, args.connections)}
            print(f"{name:26} {results[name]['rps']:9.1f} req/s  errors {results[name]['errors']}", flush=True)
        weight = page_weight(base, "/")
    finally:
        stop_server(server)
    baseline = results["baseline (minimal view)"]["rps"]
    print(f"\n{'page':26} {'req/s':>9} {'ratio':>6}  errors  verdict ({LABEL} articles, {args.db})")
    passed = True
    for name, row in results.items():
        row["ratio"] = round(row["rps"] / baseline, 3)
        ok = row["errors"] == 0 and (name.startswith("baseline") or row["ratio"] >= RATIO_TARGET)
        passed &= ok
        print(f"{name:26} {row['rps']:9.1f} {row['ratio']:6.2f}  {row['errors']:6}  {'PASS' if ok else 'FAIL'}")
    weight_ok = weight["bytes"] < WEIGHT_TARGET and not weight["external"]
    passed &= weight_ok
    print(f"\nhome page weight (gzip, images excluded): {weight['bytes'] / 1024:.1f} KB, "
          f"external requests: {len(weight['external'])}  {'PASS' if weight_ok else 'FAIL'}")  # fmt: skip
    for part, size in weight["parts"].items():
        print(f"  {size / 1024:8.1f} KB  {part}")
    common.drop_database(args.db, DB_NAME)
    result = {"database": args.db, "pages": results, "weight": weight, "label": LABEL,
              "seconds": round(time.monotonic() - started, 1), "pass": passed}  # fmt: skip
    (common.BENCH_DIR / f"portal-{args.db}.json").write_text(json.dumps(result, indent=2))
    print("RESULT " + json.dumps(result))
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
