"""Load benchmark for `make bench` (figures, never a timed test).

Starts `make serve` on loopback against PostgreSQL (DATABASE_URL), loads the demo content and
statistics, and drives wrk with 50 concurrent connections at home, search, an article and a
statistics page, then at a bare Django view served the same way (/bench/hello/). Prints
requests/s, p50/p99 latency and errors for each, and each page's throughput as a share of the
bare view's. Targets: no errors; every page at least a third of the bare view.

    DATABASE_URL=postgres://… .venv/bin/python benchmarks/load.py [--seconds 10] [--connections 50]

Runs twice: with the anonymous page cache (as served) and without it (PAGE_CACHE_SECONDS=0),
which shows what the database and templates cost on a cache miss.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")

# wrk reports through this Lua hook: one JSON line with the figures we print.
WRK_REPORT = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "p50_us": %d, "p99_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("== wrk not found: apt-get install wrk", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=False)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL
    )
    return shutil.which("wrk") or sys.exit("wrk could not be installed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(*args: str, env: dict) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_content(env: dict) -> None:
    manage("migrate", "--noinput", "--verbosity", "0", env=env)
    manage("load_demo", env=env)
    # The real statistics shipped in stats/data (idempotent: a second run changes nothing).
    manage("import_kolada", "--shipped", "--verbosity", "0", env=env)
    # A bulk load leaves the planner without statistics (DESIGN.md §4).
    subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from django.db import connection\nconnection.cursor().execute('ANALYZE')",
        ],
        cwd=ROOT,
        env=env,
        check=False,
    )


def page_paths(env: dict) -> dict[str, str]:
    """The pages to load, found from the loaded content (not hard-coded slugs)."""
    code = r"""
import json
from urllib.parse import urlencode
from django.urls import NoReverseMatch, reverse
from content.models import Article
from methods.models import Method
paths = {"home": reverse("home")}
method = Article.objects.published().of_kind(Method.KIND).newest_first().first()
word = (method.title_sv.split() or ["mentor"])[0] if method else "mentor"
paths["search"] = reverse("search:results") + "?" + urlencode({"q": word})
if method:
    paths["article"] = method.get_absolute_url()
for name in ("stats:overview",):
    try:
        paths["statistics"] = reverse(name)
    except NoReverseMatch:
        pass
try:
    from stats.models import Municipality
    municipality = Municipality.objects.filter(observations__isnull=False).order_by("code").first()
    if municipality:
        paths["municipality"] = reverse("stats:municipality", kwargs={"code": municipality.code})
except (ImportError, NoReverseMatch):
    pass
print(json.dumps(paths))
"""
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


class Server:
    """`make serve` in its own process group, on a loopback port."""

    def __init__(self, env: dict, port: int):
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=ROOT,
            env={**env, "BIND": f"127.0.0.1:{port}"},
            start_new_session=True,
        )

    def wait_healthy(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit("make serve stopped before it answered")
            try:
                with urllib.request.urlopen(f"{self.url}/health/", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        sys.exit("make serve did not become healthy in time")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def run_wrk(wrk: str, url: str, seconds: int, connections: int, report: str) -> dict:
    # Warm up first (caches, connections, lazy imports), then measure.
    subprocess.run([wrk, "-t2", f"-c{connections}", "-d2s", url], check=True, capture_output=True)
    out = subprocess.run(
        [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", report, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / figures["seconds"]
    figures["errors"] = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    return figures


def check_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback http
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def bench(wrk: str, env: dict, paths: dict, args, report: str, label: str) -> tuple[bool, dict]:
    port = free_port()
    server = Server(env, port)
    try:
        server.wait_healthy()
        targets = {**paths, "bare view": "/bench/hello/"}
        results = {}
        for name, path in targets.items():
            url = server.url + path
            status = check_status(url)
            if status != 200:
                print(f"   {name}: {path} answers {status}; measured anyway")
            results[name] = run_wrk(wrk, url, args.seconds, args.connections, report)
    finally:
        server.stop()
    bare = results["bare view"]["rps"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"\n== {label}: {args.connections} connections, {args.seconds} s each, load average {load}, "
        f"{os.cpu_count()} cores, {_workers(env)} gunicorn workers, wrk and gunicorn on one machine"
    )
    print(
        f"{'page':<14}{'path':<44}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'ratio':>8}"
    )
    ok = True
    for name, figures in results.items():
        ratio = figures["rps"] / bare if bare else 0.0
        path = targets[name][:42]
        print(
            f"{name:<14}{path:<44}{figures['rps']:>9.0f}{figures['p50_us'] / 1000:>9.1f}"
            f"{figures['p99_us'] / 1000:>9.1f}{figures['errors']:>8}{ratio:>8.2f}"
        )
        ok &= figures["errors"] == 0 and (name == "bare view" or ratio >= 1 / 3)
    print("targets (no errors; every page ≥ 1/3 of the bare view):", "met" if ok else "MISSED")
    return ok, {
        name: {**figures, "ratio": figures["rps"] / bare if bare else 0.0}
        for name, figures in results.items()
    }


def _workers(env: dict) -> str:
    """What gunicorn.conf.py will choose, for the report."""
    code = "import runpy; print(runpy.run_path('gunicorn.conf.py')['workers'])"
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    return out.stdout.strip() or "?"


def summary(runs: dict[str, dict]) -> None:
    """Both runs side by side: what visitors get (page cache on) and a page drawn per request."""
    labels = list(runs)
    names = list(next(iter(runs.values())))
    print("\n== summary: req/s (ratio to the bare view of the same run), errors")
    print(f"{'page':<14}" + "".join(f"{label:>32}" for label in labels))
    for name in names:
        cells = []
        for label in labels:
            figures = runs[label].get(name)
            cells.append(
                f"{figures['rps']:>9.0f} ({figures['ratio']:.2f}×) {figures['errors']:>3} err"
                if figures
                else "-"
            )
        print(f"{name:<14}" + "".join(f"{cell:>32}" for cell in cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 10)))
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument(
        "--only-cached", action="store_true", help="skip the run without the page cache"
    )
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        print(
            "== load benchmark skipped: set DATABASE_URL=postgres://… (make serve runs on PostgreSQL)"
        )
        return 0
    wrk = ensure_wrk()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(64),
        "DJANGO_SECURE_SSL_REDIRECT": "false",  # plain http on loopback; production has TLS in front
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",  # the site plus the bare view
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_MANIFEST": "true",
    }
    prepare_content(env)
    paths = page_paths(env)
    print("== pages:", ", ".join(f"{name} {path}" for name, path in paths.items()))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as report:
        report.write(WRK_REPORT)
    runs = {}
    try:
        ok, runs["page cache on"] = bench(
            wrk, env, paths, args, report.name, "served as in production (anonymous page cache on)"
        )
        if not args.only_cached:
            # Every request reaches the view and draws its page; parts that are the same for
            # everyone (the statistics map, charts, article cards) still come from their cache.
            _ok, runs["page cache off"] = bench(
                wrk,
                {**env, "PAGE_CACHE_SECONDS": "0"},
                paths,
                args,
                report.name,
                "every page drawn per request (page cache off), for comparison",
            )
    finally:
        os.unlink(report.name)
    summary(runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
