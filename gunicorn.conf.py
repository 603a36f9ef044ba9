"""gunicorn for `make serve`: threaded workers (gthread), configured by the environment.

BIND              where to listen (default 127.0.0.1:8000; the TLS proxy in front forwards here)
WEB_CONCURRENCY   worker processes (default: cores + 1, at least 2; 2 × cores with REDIS_URL).
                  Each worker keeps its pages in local memory, keyed by the content version that
                  all of them read from one shared store (infra.cache), so a change saved
                  in any worker invalidates every worker's pages at once.
GUNICORN_THREADS  threads per worker (default 8: a thread waiting on PostgreSQL costs little)
GUNICORN_ACCESS_LOG  "-" for an access log on stdout (off by default; the proxy keeps one)
"""

import os

_cores = os.cpu_count() or 1

bind = os.environ.get("BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(
    os.environ.get("WEB_CONCURRENCY")
    or (2 * _cores if os.environ.get("REDIS_URL") else max(2, _cores + 1))
)
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# X-Forwarded-* is believed only from the proxy on this host.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "pluginnovation.wsgi:application"
