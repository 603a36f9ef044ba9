"""gunicorn for `make serve`: threaded workers (gthread), configured by the environment.

BIND              where to listen (default 127.0.0.1:8000; the TLS proxy in front forwards here)
WEB_CONCURRENCY   worker processes (default: cores + 1, at least 2; 2 × cores with REDIS_URL).
                  Each worker keeps its pages in local memory, keyed by the content version that
                  all of them read from one shared store (infra.cache), so a change saved
                  in any worker invalidates every worker's pages at once.
GUNICORN_THREADS  threads per worker (default 8: a thread waiting on PostgreSQL costs little)
GUNICORN_ACCESS_LOG  "-" for an access log on stdout, or a file (off by default; nginx keeps one)
GUNICORN_ERROR_LOG   gunicorn's own log: "-" for stderr (the default), or a file
GUNICORN_CONTROL_SOCKET  the control socket of this instance (`gunicornc -s PATH`); by default
                  one per address served, in $XDG_RUNTIME_DIR or ~/.gunicorn, so that two
                  instances on one host never take over each other's
Every log line is a JSON object, like the app's, naming its instance (infra/gunicornlog.py).
"""

import os
import re
from pathlib import Path

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
proc_name = f"pluginnovation@{bind}"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG") or "-"
logger_class = "infra.gunicornlog.JsonLogger"
_runtime_dir = Path(os.environ.get("XDG_RUNTIME_DIR") or Path.home() / ".gunicorn")
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET") or str(
    _runtime_dir / f"pluginnovation-{re.sub(r'[^A-Za-z0-9.]+', '-', bind).strip('-')}.ctl"
)
# X-Forwarded-* is believed only from the proxy on this host.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "pluginnovation.wsgi:application"
