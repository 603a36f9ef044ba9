"""Structured logs: one JSON object a line, and a record of every failed login.

Log aggregators (journald, Loki, CloudWatch…) read the fields without parsing prose.
"""

import json
import logging
from datetime import UTC, datetime

from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest

from infra.client import client_address

security_log = logging.getLogger("pluginnovation.security")

# Attributes every LogRecord has; anything else was passed with extra={...} and is logged too.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):  # django.request passes the request along
            entry["method"], entry["path"] = request.method, request.path
        for key, value in vars(record).items():
            if key not in _STANDARD and key != "request":
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def log_failed_login(
    sender, credentials: dict, request: HttpRequest | None = None, **kwargs
) -> None:
    # Django has already masked the password in `credentials`; log who was tried, never secrets.
    username = credentials.get("username") or credentials.get("email") or ""
    security_log.warning(
        "login failed",
        extra={
            "event": "login_failed",
            "username": str(username)[:150],
            # The client's own address, not the proxy's (settings.TRUSTED_PROXIES).
            "client": (client_address(request) or "") if request is not None else "",
            "path": request.path if request is not None else "",
        },
    )


def connect_signals() -> None:
    user_login_failed.connect(log_failed_login, dispatch_uid="log-failed-login")
